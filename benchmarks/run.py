"""The benchmark suite: every figure of issue 6, each measured side by side with its reference.

    python benchmarks/run.py [--quick] [--only NAME[,NAME...]] [--articles N] [--library DIR]
                             [--json FILE] [--markdown]

Prints each figure as min / median / max of the product's measurement and of its reference, the
ratio between them (median or p95, as the target says) and PASS or FAIL against the target.
Exits 1 when a target is missed (or a product piece it measures is missing), 0 otherwise.

Figures (names for --only): import, coldstart, navigation, search, export, memory, refresh.

Every number is a ratio measured in the same run, because the machines this runs on are shared
and noisy: absolute times are printed for orientation only. Product and reference runs are
interleaved (A, B, A, B...) so that a burst of load from a neighbour hits both.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PROBES = HERE / "probes.py"
SAMPLE_ARTICLES = REPO / "sample_articles"
TWIN_ARTICLES = 10  # the size of the small library in the navigation figure

sys.path.insert(0, str(HERE))
import make_library  # noqa: E402  (a sibling script, not a package)

# --- results ---------------------------------------------------------------------------------


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


STATS: dict[str, Callable[[Sequence[float]], float]] = {
    "median": statistics.median,
    "p95": p95,
}


@dataclass
class Result:
    """One figure: the product's samples against the reference's, and the target on the ratio.

    ``ratio`` is ``stat(product) / stat(reference)``, or the inverse when ``inverse`` is set
    (for "FTS is N times faster than LIKE", where the reference is the slow one). ``target`` is
    (">=" or "<=", value); None makes the figure informational.
    """

    name: str
    product: str
    samples: list[float]
    reference: str
    reference_samples: list[float]
    unit: str
    stat: str = "median"
    target: tuple[str, float] | None = None
    inverse: bool = False
    notes: list[str] = field(default_factory=list)
    failure: str | None = None  # the product piece is missing or broke: counts as FAIL

    @property
    def ratio(self) -> float | None:
        if self.failure or not self.samples or not self.reference_samples:
            return None
        ours = STATS[self.stat](self.samples)
        theirs = STATS[self.stat](self.reference_samples)
        if self.inverse:
            ours, theirs = theirs, ours
        return ours / theirs if theirs else math.inf

    @property
    def passed(self) -> bool | None:
        if self.failure:
            return False
        ratio = self.ratio
        if self.target is None or ratio is None:
            return None
        op, value = self.target
        return ratio >= value if op == ">=" else ratio <= value

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "INFO"}[self.passed]


def spread(values: Sequence[float]) -> str:
    if not values:
        return "-"
    return f"{min(values):.4g} / {statistics.median(values):.4g} / {max(values):.4g}"


def print_result(result: Result) -> None:
    print(f"[{result.verdict}] {result.name}")
    if result.failure:
        print(f"    {result.failure}")
    else:
        print(f"    {result.product}: {spread(result.samples)} {result.unit} (min/median/max)")
        print(
            f"    {result.reference}: {spread(result.reference_samples)} {result.unit} "
            "(min/median/max)"
        )
        ratio = result.ratio
        target = f"target {result.target[0]} {result.target[1]:g}x" if result.target else "info"
        which = f"{result.stat}, " + ("reference/product" if result.inverse else "product/ref.")
        if ratio is not None:
            print(f"    ratio {ratio:.2f}x ({which}); {target}")
    for note in result.notes:
        print(f"    - {note}")
    sys.stdout.flush()


def markdown_table(results: Sequence[Result]) -> str:
    lines = [
        "| figure | product (min / median / max) | reference (min / median / max) "
        "| ratio | target | result |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        ratio = r.ratio
        target = f"{r.target[0]} {r.target[1]:g}x" if r.target else "report"
        lines.append(
            f"| {r.name} | {r.product}: {spread(r.samples)} {r.unit} "
            f"| {r.reference}: {spread(r.reference_samples)} {r.unit} "
            f"| {'-' if ratio is None else f'{ratio:.2f}x'} ({r.stat}) | {target} "
            f"| {r.verdict} |"
        )
    return "\n".join(lines)


# --- processes -------------------------------------------------------------------------------


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
                break
        stack.extend(int(child) for child in children)
    return total


@dataclass
class Measured:
    seconds: float
    peak_rss_mb: float
    stdout: str
    stderr: str
    returncode: int

    def json(self) -> dict[str, Any]:
        lines = self.stdout.strip().splitlines()
        if self.returncode != 0 or not lines:
            raise RuntimeError(f"exit {self.returncode}: {self.stderr.strip()[-2000:]}")
        result: dict[str, Any] = json.loads(lines[-1])
        return result


def run_measured(
    command: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 900
) -> Measured:
    """Run a command; its wall time and the peak RSS of its whole process tree (sampled)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    finally:
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    return Measured(seconds, peak / 1024, stdout, stderr, process.returncode)


def probe(name: str, *args: str, env: dict[str, str] | None = None) -> Measured:
    return run_measured([sys.executable, str(PROBES), name, *args], env=env)


def clean_env(data_dir: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("BRIEFING_DATA_DIR", None)
    if data_dir is not None:
        env["BRIEFING_DATA_DIR"] = str(data_dir)
    # No colour negotiation differences between runs; the reader is headless anyway.
    env["TERM"] = env.get("TERM", "xterm-256color")
    return env


# --- shared inputs ---------------------------------------------------------------------------


class Bench:
    """Settings and the inputs figures share, built once per run on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.quick: bool = args.quick
        self.root = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
        self._big: Path | None = args.library
        if args.library is not None:
            self.articles = len(library_order(args.library))
        else:
            self.articles = args.articles or (1000 if self.quick else 10_000)
        self._real: dict[int, Path] = {}
        self.import_runs: dict[str, list[Measured]] = {}
        self.infos: list[str] = []

    def repeats(self, full: int, quick: int = 1) -> int:
        return quick if self.quick else full

    def big_library(self) -> Path:
        if self._big is None:
            path = self.root / "library-big"
            report = make_library.build_library(path, self.articles)
            self.infos.append(
                f"library generator: {report.articles} articles, {report.facts} facts in "
                f"{report.seconds:.1f} s (through Library.add_analysis)"
            )
            print(f"  ({self.infos[-1]})", flush=True)
            self._big = path
        return self._big

    def real_articles(self, count: int) -> Path:
        """``count`` article files made from sample_articles/, each distinct in content.

        Every copy of a sample gets one extra closing paragraph naming its copy number, so the
        library's dedupe (by content hash) stores every one and the model reads real text.
        """
        if count not in self._real:
            directory = self.root / f"articles-{count}"
            directory.mkdir()
            samples = sorted(
                p
                for p in SAMPLE_ARTICLES.iterdir()
                if p.suffix in {".txt", ".md"} and not p.name.startswith(".")
            )
            for n in range(count):
                sample = samples[n % len(samples)]
                text = sample.read_text(encoding="utf-8").rstrip("\n")
                copy = n // len(samples) + 1
                text += (
                    f"\n\nCorrespondents in {CITIES[n % len(CITIES)]} contributed to edition "
                    f"{copy} of this report.\n"
                )
                (directory / f"{n:04d}_{sample.name}").write_text(text, encoding="utf-8")
            self._real[count] = directory
        return self._real[count]

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


CITIES = ("Tokyo", "Brussels", "Washington", "London", "Berlin", "Paris", "Kyiv", "Ottawa")


def library_order(data_dir: Path, limit: int | None = None) -> list[Any]:
    """Summaries newest first, as the reader's list shows them."""
    from briefing.store import Library

    with Library.open(data_dir, read_only=True) as library:
        total = library.count()
        return library.summaries(limit=total if limit is None else limit)


def _prefix(text: str, limit: int) -> str:
    """The words of ``text`` that fit in ``limit`` characters (so they are not cut by wrapping)."""
    kept = ""
    for word in text.split():
        candidate = f"{kept} {word}" if kept else word
        if len(candidate) > limit:
            break
        kept = candidate
    return kept or text[:limit]


def article_needles(data_dir: Path, article_ids: Sequence[int]) -> dict[int, list[str]]:
    """Strings that are on screen only when that article's view and facts panel are shown.

    The start of the body (the list shows only headlines) and the first fact as the facts
    panel draws it ("actor → target"), both short enough that no pane cuts them.
    """
    from briefing.store import Library

    needles: dict[int, list[str]] = {}
    with Library.open(data_dir, read_only=True) as library:
        for article_id in article_ids:
            article = library.article(article_id)
            needle = [_prefix(article.body, 24)]
            visible = sorted((f for f in article.facts if not f.hidden), key=lambda f: f.start)
            if visible:
                needle.append(
                    _prefix(f"{visible[0].actor or '?'} → {visible[0].target or '?'}", 24)
                )
            needles[article_id] = needle
    return needles


def navigation_plan(
    data_dir: Path, sessions: int, moves: int, rng: random.Random, *, start_at_top: bool
) -> dict[str, Any]:
    """Sessions of ``moves`` "next article" presses each, opened at random or the first row."""
    order = [summary.id for summary in library_order(data_dir)]
    starts = [0 if start_at_top else rng.randrange(0, len(order) - moves) for _ in range(sessions)]
    needed = {order[i] for start in starts for i in range(start, start + moves + 1)}
    needles = article_needles(data_dir, sorted(needed))
    return {
        "sessions": [
            {
                "open": order[start],
                "first": needles[order[start]],
                "next": [needles[order[i]] for i in range(start + 1, start + moves + 1)],
            }
            for start in starts
        ]
    }


# --- figures ---------------------------------------------------------------------------------


def briefing_add(data_dir: Path, directory: Path, jobs: int = 1) -> list[str]:
    """The real command line: the installed package's CLI in a fresh interpreter."""
    add = ["add", str(directory), "--jobs", str(jobs)]
    return [sys.executable, "-m", "briefing", "--data-dir", str(data_dir), *add]


def figure_import(bench: Bench) -> list[Result]:
    """1. `briefing add` on real-text articles vs a bare nlp.pipe; --jobs 2 vs --jobs 1."""
    count = 20 if bench.quick else 200
    directory = bench.real_articles(count)
    rounds = bench.repeats(3)
    runs: dict[str, list[Measured]] = {"add1": [], "add2": [], "pipe1": [], "pipe2": []}
    for round_no in range(rounds):
        for jobs in (1, 2):
            runs[f"pipe{jobs}"].append(probe("bare-pipe", str(directory), "--n-process", str(jobs)))
            runs[f"pipe{jobs}"][-1].json()
            data_dir = bench.root / f"import-{round_no}-{jobs}"
            measured = run_measured(briefing_add(data_dir, directory, jobs), env=clean_env())
            runs[f"add{jobs}"].append(measured)
            if measured.returncode != 0:
                raise RuntimeError(f"briefing add failed: {measured.stderr.strip()[-2000:]}")
            stored = len(library_order(data_dir))
            if stored != count:
                raise RuntimeError(f"briefing add stored {stored} of {count} articles")
            shutil.rmtree(data_dir)
    bench.import_runs = runs

    def rate(name: str) -> list[float]:
        return [count / m.seconds for m in runs[name]]

    note = (
        f"{count} articles from sample_articles/; whole processes timed (start-up and model "
        "load included on both sides); nlp.pipe batch_size=16"
    )
    return [
        Result(
            "import.throughput",
            "briefing add --jobs 1",
            rate("add1"),
            "bare nlp.pipe, full pipeline, n_process=1",
            rate("pipe1"),
            "articles/s",
            target=(">=", 1.0),
            notes=[note],
        ),
        Result(
            "import.throughput_jobs2",
            "briefing add --jobs 2",
            rate("add2"),
            "bare nlp.pipe, full pipeline, n_process=2",
            rate("pipe2"),
            "articles/s",
            target=(">=", 1.0),
        ),
        Result(
            "import.jobs_scaling",
            "briefing add --jobs 2",
            rate("add2"),
            "briefing add --jobs 1",
            rate("add1"),
            "articles/s",
            target=(">=", 1.8),
            notes=[f"{os.cpu_count()} CPUs visible"],
        ),
    ]


def figure_coldstart(bench: Bench) -> list[Result]:
    """2. Fresh process to first list rows: reader on the big library vs a minimal app."""
    library = bench.big_library()
    first = library_order(library, limit=1)[0]
    rounds = bench.repeats(7, 2)
    reader: list[Measured] = []
    minimal: list[Measured] = []
    for _ in range(rounds):
        minimal.append(probe("cold-minimal", env=clean_env()))
        expect = _prefix(first.title, 20)
        reader.append(probe("cold-reader", str(library), "--expect", expect, env=clean_env()))
    heavy = sorted({name for m in reader for name in m.json().get("heavy_loaded", [])})
    for m in minimal:
        m.json()
    return [
        Result(
            "coldstart",
            f"reader on {bench.articles} articles",
            [m.seconds * 1000 for m in reader],
            "minimal app, 10-row OptionList",
            [m.seconds * 1000 for m in minimal],
            "ms",
            target=("<=", 1.3),
            notes=[
                "process start to exit, exiting as soon as the first row is on screen",
                "spaCy, trafilatura, lxml, httpx, feedparser imported at first paint: "
                + (f"{', '.join(heavy)} (FAIL)" if heavy else "none"),
            ],
            failure=f"the reader's start imported {', '.join(heavy)}" if heavy else None,
        )
    ]


def figure_navigation(bench: Bench) -> list[Result]:
    """3. Next-article latency, big vs 10-article library; highlighted vs plain rendering."""
    rng = random.Random(3)
    sessions, moves = (3, 8) if bench.quick else (25, 8)
    big = bench.big_library()
    order = [summary.id for summary in library_order(big)]
    # Each session opens the big library at a random position and moves through the articles
    # that follow. Its twin opens a 10-article library holding copies of those very articles in
    # the same order, so the ratio compares libraries, not articles: a move's cost depends on
    # the article shown (its length, its facts), and ten articles drawn once would weigh more
    # than the library's size does.
    pairs: list[list[dict[str, Any]]] = []
    for number in range(sessions):
        start = rng.randrange(0, len(order) - TWIN_ARTICLES + 1)
        visited = order[start : start + TWIN_ARTICLES]
        twin = bench.root / f"nav-twin-{number}"
        twin_ids = make_library.copy_articles(big, visited, twin)
        needles = article_needles(big, visited[: moves + 1])
        steps = [needles[article_id] for article_id in visited[1 : moves + 1]]
        first = needles[visited[0]]
        pair = [
            {"label": "big", "data_dir": str(big), "open": visited[0]},
            {"label": "small", "data_dir": str(twin), "open": twin_ids[0]},
        ]
        for session in pair:
            session.update(first=first, next=steps)
        pairs.append(pair)
    timings: dict[str, list[float]] = {"big": [], "small": []}
    for half in range(2):
        # Two processes of half the pairs each (one process does not run for minutes on end).
        # Within one, the two libraries' sessions alternate, big-small then small-big, so that
        # a burst of load from a neighbour, or the process warming up, hits both.
        chosen = [
            session
            for position, pair in enumerate(pairs[half::2])
            for session in (pair if position % 2 == 0 else pair[::-1])
        ]
        plan_file = bench.root / f"nav-{half}.json"
        plan_file.write_text(json.dumps({"sessions": chosen}))
        result = probe("navigate", "--plan", str(plan_file), env=clean_env())
        for label, moves in result.json()["move_ms"].items():
            timings[label].extend(moves)
    results = [
        Result(
            "navigation.next_article",
            f"next article, {bench.articles} articles",
            timings["big"],
            "next article, 10 articles (the same ones)",
            timings["small"],
            "ms",
            target=("<=", 1.1),
            notes=[
                f"{len(timings['big'])} moves each; a move is timed from the key press until the "
                "next article's body start and first fact are on screen",
                "each session's 10-article library holds copies of the articles it visits in the "
                "big one, in the same order",
            ],
        )
    ]
    render = probe("render-work", env=clean_env()).json()
    results.append(
        Result(
            "navigation.highlight_work",
            "highlighted body + facts panel",
            render["highlighted_ms"],
            "same body as plain text",
            render["plain_ms"],
            "ms",
            stat="p95",
            target=("<=", 1.5),
            notes=[render["description"]],
        )
    )
    return results


FRAME_MS = 1000 / 60


def figure_search(bench: Bench) -> list[Result]:
    """4. FTS through the store API vs a LIKE '%word%' scan on the same database."""
    import sqlite3

    from briefing.store import Library

    library_dir = bench.big_library()
    rounds = bench.repeats(5, 2)
    fts: list[float] = []
    like: list[float] = []
    with Library.open(library_dir, read_only=True) as library:
        connection = sqlite3.connect(f"file:{library.path}?mode=ro", uri=True)
        # newsboat's query: every matching item, newest first.
        like_sql = (
            "SELECT id, title, source, published FROM articles "
            "WHERE title LIKE ? OR body LIKE ? "
            "ORDER BY coalesce(published, substr(imported_at, 1, 10)) DESC, imported_at DESC, "
            "id DESC"
        )

        def fts_query(word: str) -> int:
            # What the reader's list does with a query: the count for its height, the first
            # page of rows.
            count = library.count(search=word)
            library.summaries(search=word, limit=100)
            return count

        def like_query(word: str) -> int:
            pattern = f"%{word}%"
            return len(connection.execute(like_sql, (pattern, pattern)).fetchall())

        matches = {}
        for word in make_library.SEARCH_WORDS:  # warm both: same page cache for each
            matches[word] = (fts_query(word), like_query(word))
        for _ in range(rounds):
            for word in make_library.SEARCH_WORDS:
                started = time.perf_counter()
                fts_query(word)
                fts.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                like_query(word)
                like.append((time.perf_counter() - started) * 1000)
        connection.close()
    counts = ", ".join(f"{w}: {f}/{lk}" for w, (f, lk) in matches.items())
    # On screen: the reader's filter box, from Enter until the first matching row is drawn,
    # against a minimal Textual app that runs the same store query on Enter and shows the rows
    # in an OptionList, plus one frame (Textual draws at most 60 frames a second).
    words = []
    with Library.open(library_dir, read_only=True) as library:
        for word in make_library.SEARCH_WORDS:
            first = library.summaries(search=word, limit=1)
            if first:
                words.append({"word": word, "first": _prefix(first[0].title, 20)})
    plan_file = bench.root / "search-plan.json"
    words = words[:1] if bench.quick else words * 2
    plan_file.write_text(json.dumps({"words": words}))
    ui = probe("search-ui", str(library_dir), "--plan", str(plan_file), env=clean_env()).json()
    return [
        Result(
            "search.fts_vs_like",
            "Library.count + summaries(search=word)",
            fts,
            "SELECT ... WHERE title LIKE ? OR body LIKE ?",
            like,
            "ms",
            stat="p95",
            inverse=True,
            target=(">=", 10.0),
            notes=[
                f"{len(make_library.SEARCH_WORDS)} words x {rounds} rounds",
                f"matches (FTS words / LIKE substrings): {counts}",
            ],
        ),
        Result(
            "search.on_screen",
            "reader: Enter in the filter box until the first row is drawn",
            ui["reader_ms"],
            "minimal app running the same store query, + one frame (16.7 ms)",
            [ms + FRAME_MS for ms in ui["minimal_ms"]],
            "ms",
            target=("<=", 1.0),
            notes=[f"{len(ui['reader_ms'])} queries, one fresh app each"],
        ),
    ]


def figure_export(bench: Bench) -> list[Result]:
    """5. Rendering a 1,000-article, 5,000-fact briefing vs parsing it with markdown-it-py."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    from briefing.export import ExportOptions, render_briefing
    from briefing.store import Library

    library_dir = bench.big_library()
    articles_wanted, facts_wanted = (40, 200) if bench.quick else (1000, 5000)
    ids = _articles_with_facts(library_dir, articles_wanted, facts_wanted)
    with Library.open(library_dir, read_only=True) as library:
        articles = library.articles(ids)
    fact_total = sum(len(a.facts) for a in articles)
    options = ExportOptions(title="Benchmark briefing")
    parser = MarkdownIt("commonmark").enable("table").use(footnote_plugin)
    rounds = bench.repeats(5, 2)
    render_ms: list[float] = []
    parse_ms: list[float] = []
    text = ""
    for _ in range(rounds):
        started = time.perf_counter()
        text = render_briefing(articles, options=options)
        render_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        parser.parse(text)
        parse_ms.append((time.perf_counter() - started) * 1000)
    return [
        Result(
            "export.render_vs_parse",
            f"render_briefing ({len(articles)} articles, {fact_total} facts)",
            render_ms,
            "markdown-it-py parse of the result",
            parse_ms,
            "ms",
            target=("<=", 1.0),
            notes=[f"document: {len(text):,} characters, {text.count(chr(10)):,} lines"],
        )
    ]


def figure_refresh(bench: Bench) -> list[Result]:
    """Issue 11: 20 feeds x 25 entries from servers that answer after ~50 ms.

    1. Fetching every feed and page as the refresh does (several at once, a few per host)
       against the same fetcher fetching them one after another.
    2. The whole refresh (fetch, read, analyse, store) against importing the same pages, saved
       as .html files, with the same loaded model: what the fetching adds when it hides behind
       the analysis.
    """
    from briefing.fetching import FEED_TYPES, PAGE_TYPES, Fetcher
    from briefing.importing import import_paths
    from briefing.nlp import Analyzer
    from briefing.store import Library
    from briefing.webimport import fetch_all, refresh

    feeds, entries = (4, 6) if bench.quick else (20, 25)
    analyzer = Analyzer.load()
    rounds = bench.repeats(3, 1)
    parallel_s: list[float] = []
    serial_s: list[float] = []
    refresh_s: list[float] = []
    import_s: list[float] = []
    stored: list[int] = []
    folder = bench.root / "refresh-pages"
    # The servers run in a process of their own: in this one, their Python would compete with
    # the client's for the interpreter lock and the figure would measure that.
    server = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "feeds_server.py"),
            "--feeds",
            str(feeds),
            "--entries",
            str(entries),
            "--delay",
            "0.05",
            "--pages-dir",
            str(folder),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=clean_env(),
    )
    try:
        assert server.stdout is not None and server.stdin is not None
        served = json.loads(server.stdout.readline())
        feed_urls, page_urls = served["feeds"], served["pages"]
        every_url = feed_urls + page_urls
        for _ in range(rounds):
            started = time.perf_counter()
            results = fetch_all(every_url)
            parallel_s.append(time.perf_counter() - started)
            problems = [result for result in results if isinstance(result, str)]
            if problems:
                raise RuntimeError(f"{len(problems)} fetches failed, e.g. {problems[0]}")
            started = time.perf_counter()
            with Fetcher() as fetcher:
                for url in every_url:
                    fetcher.fetch(url, accept=FEED_TYPES | PAGE_TYPES)
            serial_s.append(time.perf_counter() - started)
        for round_number in range(rounds):
            with Library.open(bench.root / f"refresh-{round_number}") as library:
                for url in feed_urls:
                    library.feeds.add(url, None, None, "2026-01-01T00:00:00Z")
                started = time.perf_counter()
                reports = refresh(library, analyzer=analyzer)
                refresh_s.append(time.perf_counter() - started)
                stored.append(sum(len(report.added) for report in reports))
            with Library.open(bench.root / f"analyse-{round_number}") as library:
                started = time.perf_counter()
                report = import_paths(library, [folder], analyzer=analyzer)
                import_s.append(time.perf_counter() - started)
                if report.failed:
                    raise RuntimeError(f"importing the pages failed: {report.failed[0]}")
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=30)
    if min(stored) != len(page_urls):
        raise RuntimeError(f"the refresh stored {min(stored)} of {len(page_urls)} pages")
    return [
        Result(
            "refresh.fetch_parallel",
            f"refresh's fetching ({len(feed_urls)} feeds + {len(page_urls)} pages)",
            parallel_s,
            "the same URLs one after another",
            serial_s,
            "s",
            target=(">=", 4.0),
            inverse=True,
        ),
        Result(
            "refresh.total_vs_analysis",
            f"briefing refresh ({len(page_urls)} new entries, fetched and analysed)",
            refresh_s,
            "importing the same pages from .html files",
            import_s,
            "s",
            target=("<=", 1.2),
            notes=["each answer waits 50 ms; every feed on its own loopback address"],
        ),
    ]


def _articles_with_facts(library_dir: Path, articles: int, facts: int) -> list[int]:
    """Article ids totalling ``facts`` facts: equal shares with 2, 4, 6 and 8 facts."""
    by_count: dict[int, list[int]] = {2: [], 4: [], 6: [], 8: []}
    for summary in library_order(library_dir):
        if summary.fact_count in by_count:
            by_count[summary.fact_count].append(summary.id)
    share = articles // 4
    if facts != share * (2 + 4 + 6 + 8):
        raise ValueError("articles and facts must be in a 1:5 ratio, articles divisible by 4")
    chosen = []
    for fact_count, ids in by_count.items():
        if len(ids) < share:
            raise RuntimeError(f"library has only {len(ids)} articles with {fact_count} facts")
        chosen.extend(ids[:share])
    return chosen


def figure_memory(bench: Bench) -> list[Result]:
    """6. Reader peak RSS after opening 200 articles vs a minimal app; import RSS vs the model."""
    library = bench.big_library()
    moves = 20 if bench.quick else 199
    plan_file = bench.root / "memory-plan.json"
    plan_file.write_text(
        json.dumps(navigation_plan(library, 1, moves, random.Random(5), start_at_top=True))
    )
    rounds = bench.repeats(3)
    reader: list[float] = []
    minimal: list[float] = []
    for _ in range(rounds):
        minimal.append(probe("memory-minimal", env=clean_env()).json()["peak_rss_mb"])
        result = probe("memory-reader", str(library), "--plan", str(plan_file), env=clean_env())
        reader.append(result.json()["peak_rss_mb"])
    results = [
        Result(
            "memory.reader",
            f"reader, {moves + 1} articles opened",
            reader,
            "minimal app, 10-row list",
            minimal,
            "MB",
            target=("<=", 1.5),
            notes=["peak RSS of the process (VmHWM)"],
        )
    ]
    # The import side: the product's peak beyond what the bare model over the same files needs.
    runs = bench.import_runs
    if not runs:
        directory = bench.real_articles(20 if bench.quick else 200)
        runs = {
            "pipe1": [probe("bare-pipe", str(directory))],
            "add1": [
                run_measured(briefing_add(bench.root / "import-memory", directory), env=clean_env())
            ],
        }
    sample = sorted(SAMPLE_ARTICLES.glob("*.txt"))[0]
    footprint = probe("model-footprint", str(sample)).json()
    model_mb = footprint["after_mb"] - footprint["before_mb"]
    add_peak = [m.peak_rss_mb for m in runs["add1"]]
    pipe_peak = [m.peak_rss_mb for m in runs["pipe1"]]
    extra = statistics.median(add_peak) - statistics.median(pipe_peak)
    results.append(
        Result(
            "memory.import",
            "briefing add --jobs 1 peak RSS",
            add_peak,
            "bare nlp.pipe peak RSS",
            pipe_peak,
            "MB",
            notes=[
                f"model footprint (RSS after loading it and analysing one article, minus a "
                f"bare interpreter): {model_mb:.0f} MB",
                f"import peak minus bare pipe peak: {extra:+.0f} MB",
            ],
        )
    )
    return results


def figure_desk(bench: Bench) -> list[Result]:
    """Issue 13: the desk on 100,000 facts: opening, moving, querying (desk_figure.py)."""
    import desk_figure

    results: list[Result] = desk_figure.figure_desk(bench, sys.modules[__name__])
    return results


FIGURES: dict[str, Callable[[Bench], list[Result]]] = {
    "import": figure_import,
    "coldstart": figure_coldstart,
    "navigation": figure_navigation,
    "search": figure_search,
    "export": figure_export,
    "memory": figure_memory,
    "refresh": figure_refresh,
    "desk": figure_desk,
}


def machine_description() -> str:
    import spacy
    import textual

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{mem_kib / 1024 / 1024:.1f} GiB RAM"
    except OSError:
        memory = "unknown RAM"
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {memory}, Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}, Textual {textual.__version__}"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Run the benchmark suite (issue 6).",
        epilog="Figures: " + ", ".join(FIGURES),
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, one or two rounds")
    parser.add_argument(
        "--only",
        metavar="NAME[,NAME]",
        action="append",
        help="run only these figures (repeatable or comma-separated)",
    )
    parser.add_argument(
        "--articles",
        type=int,
        metavar="N",
        help="size of the big library (default 10,000; 1,000 with --quick)",
    )
    parser.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        help="reuse a library made by make_library.py instead of generating one",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = parser.parse_args(argv)
    names = [n.strip() for chunk in args.only or [] for n in chunk.split(",") if n.strip()]
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    args.figures = names or list(FIGURES)
    return args


def compile_product() -> None:
    """Byte-compile the briefing package, as `pip install` does for an installed wheel.

    An editable checkout run with PYTHONDONTWRITEBYTECODE=1 (as on these machines) would
    otherwise compile every briefing module from source in every probe process, a cost no
    installed copy pays and the minimal reference app (precompiled Textual only) never pays.
    """
    import compileall

    import briefing

    compileall.compile_dir(Path(briefing.__file__).parent, quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    bench = Bench(args)
    machine = machine_description()
    print(f"briefing benchmarks: {machine}")
    print(f"big library: {bench.articles} articles{' (quick)' if bench.quick else ''}\n")
    compile_product()
    results: list[Result] = []
    try:
        for name in args.figures:
            print(f"== {name}", flush=True)
            started = time.perf_counter()
            try:
                figure_results = FIGURES[name](bench)
            except Exception as error:  # a missing or broken product piece fails its figure
                traceback.print_exc(file=sys.stderr)
                figure_results = [
                    Result(name, "", [], "", [], "", failure=f"{type(error).__name__}: {error}")
                ]
            for result in figure_results:
                print_result(result)
            results.extend(figure_results)
            print(f"    ({time.perf_counter() - started:.0f} s)\n", flush=True)
    finally:
        bench.close()
    failed = [r.name for r in results if r.passed is False]
    for info in bench.infos:
        print(info)
    print(f"\n{len(results) - len(failed)} of {len(results)} figures pass or are informational.")
    if failed:
        print("FAILED: " + ", ".join(failed))
    if args.markdown:
        print("\n" + markdown_table(results))
    if args.json:
        payload = {
            "machine": machine,
            "articles": bench.articles,
            "quick": bench.quick,
            "results": [{**asdict(r), "ratio": r.ratio, "verdict": r.verdict} for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
