"""Measurements that must run in a fresh process, one per invocation, for ``run.py``.

    python benchmarks/probes.py PROBE [ARGS...]

Each probe prints one JSON object on its last line of stdout. ``run.py`` times the whole process
from outside where the figure is a wall time (cold start, import), and reads what only the
process itself knows from the JSON (per-move timings, peak RSS, whether spaCy was imported).

Reader probes drive the real app headless through ``App.run_test()`` and decide that something
is "shown" by watching the frames the app sends to its (headless) terminal: every compositor
update passes through ``App._display``, and a ``FrameWatcher`` looks for the expected text in
each one. It never asks the app's widgets, so the same check serves the reader and the minimal
reference app, and it costs nothing per frame unless text is awaited.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

# Textual is imported inside the probes that use it: the bare-pipe probe must not pay for it.

MINIMAL_ROWS = 10
SIZE = (120, 40)


def peak_rss_mb() -> float:
    """This process's peak resident set size since it started.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a probe would report its
    parent's (run.py's) peak whenever that is higher.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(result: dict[str, Any]) -> None:
    print(json.dumps(result))


def screen_text(app: Any) -> str:
    """What the terminal would show right now, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def frame_text(update: Any) -> str:
    """The text of one compositor update: a full frame, or the changed pieces of rows."""
    if hasattr(update, "chops"):  # ChopsUpdate: changed fragments of lines
        return "\n".join(strip.text for row in update.chops for strip in row.values() if strip)
    if hasattr(update, "strips"):  # LayoutUpdate: whole lines
        return "\n".join("".join(strip.text for strip in line) for line in update.strips)
    return ""


class FrameWatcher:
    """Sees every frame the app draws; ``await watcher.wait(needles)`` returns once every needle
    has appeared in a frame drawn since the wait (or ``expect``) began."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.pending: set[str] = set()
        self.frames = 0
        draw = app._display

        def display(screen: Any, update: Any) -> None:
            draw(screen, update)
            self.frames += 1
            if self.pending and update is not None:
                text = frame_text(update)
                self.pending = {needle for needle in self.pending if needle not in text}

        app._display = display

    def expect(self, needles: str | list[str]) -> None:
        self.pending = {needles} if isinstance(needles, str) else set(needles)

    async def wait(self, timeout: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout
        while self.pending:
            if time.perf_counter() > deadline:
                raise TimeoutError(
                    f"{sorted(self.pending)!r} never drawn; screen:\n{screen_text(self.app)}"
                )
            await asyncio.sleep(0.001)


def shows(app: Any, needles: str | list[str]) -> bool:
    text = screen_text(app)
    return all(needle in text for needle in ([needles] if isinstance(needles, str) else needles))


async def wait_for_text(pilot: Any, needles: str | list[str], timeout: float = 60.0) -> None:
    """Let the app run until every needle is on screen."""
    deadline = time.perf_counter() + timeout
    while not shows(pilot.app, needles):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{needles!r} never appeared on screen:\n{screen_text(pilot.app)}")
        await pilot.pause()


def minimal_app() -> Any:
    """The reference: the smallest Textual app that shows a 10-row list."""
    from textual.app import App, ComposeResult
    from textual.widgets import OptionList

    class MinimalApp(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList(*(f"Row {n}: a headline" for n in range(MINIMAL_ROWS)))

    return MinimalApp()


def reader_app(data_dir: str, open_article: int | None = None) -> Any:
    from briefing.tui.app import create_app

    return create_app(library_dir=Path(data_dir), open_article=open_article)


# --- cold start ------------------------------------------------------------------------------


# What the reader must not import before its first paint: the language model's library and the
# web's (issue 11), which load in the workers that need them.
HEAVY_AT_START = ("spacy", "trafilatura", "lxml", "httpx", "feedparser")


async def cold_start(app: Any, needle: str) -> dict[str, Any]:
    """Run the app until the needle is drawn; whether spaCy was loaded, and the peak RSS."""
    watcher = FrameWatcher(app)
    watcher.expect(needle)
    async with app.run_test(size=SIZE):
        await watcher.wait()
        spacy_loaded = "spacy" in sys.modules
        heavy = sorted(name for name in HEAVY_AT_START if name in sys.modules)
        app.exit()
    return {"spacy_loaded": spacy_loaded, "heavy_loaded": heavy, "peak_rss_mb": peak_rss_mb()}


def probe_cold_minimal(args: argparse.Namespace) -> dict[str, Any]:
    return asyncio.run(cold_start(minimal_app(), f"Row {MINIMAL_ROWS - 1}"))


def probe_cold_reader(args: argparse.Namespace) -> dict[str, Any]:
    # The expected first row's headline comes from run.py (read from the store there), so that
    # this process does nothing the reader would not do itself.
    return asyncio.run(cold_start(reader_app(args.data_dir), args.expect))


# --- navigation ------------------------------------------------------------------------------


# A plan (written by run.py) is {"sessions": [{"label": L, "data_dir": DIR, "open": ID,
# "first": NEEDLES, "next": [NEEDLES, ...]}]}: open the reader on the library in DIR at article
# ID, wait until NEEDLES (strings only that article's view shows: the start of its body, its
# first fact) are on screen, then press the key once per entry of "next", each time until that
# entry's needles are on screen. Timings are returned per label. (The memory probe takes the
# library as an argument and ignores "label" and "data_dir".)


async def _navigate(app: Any, session: dict[str, Any], key: str) -> list[float]:
    """Milliseconds from each key press until the next article's view is on screen."""
    timings = []
    watcher = FrameWatcher(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_text(pilot, session["first"])
        for needles in session["next"]:
            await pilot.pause()  # settle: the previous move's aftermath is not this one's cost
            watcher.expect(needles)
            started = time.perf_counter()
            # As a terminal delivers it: no Pilot idle-waits inside the timed span.
            app.simulate_key(key)
            await watcher.wait()
            timings.append((time.perf_counter() - started) * 1000)
        app.exit()
    return timings


def probe_navigate(args: argparse.Namespace) -> dict[str, Any]:
    plan = json.loads(Path(args.plan).read_text())
    timings: dict[str, list[float]] = {}
    for session in plan["sessions"]:
        app = reader_app(session["data_dir"], open_article=session["open"])
        moves = asyncio.run(_navigate(app, session, args.key))
        timings.setdefault(session.get("label", ""), []).extend(moves)
    return {
        "move_ms": timings,
        "peak_rss_mb": peak_rss_mb(),
        "spacy_loaded": "spacy" in sys.modules,
    }


# --- search on screen ------------------------------------------------------------------------


def minimal_search_app(data_dir: str) -> Any:
    """The reference for search: a filter box and a list that runs the same store query."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input, OptionList

    from briefing.store import Library

    class MinimalSearchApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Input()
            yield OptionList()

        def on_mount(self) -> None:
            self.library = Library.open(Path(data_dir), read_only=True)

        def on_input_submitted(self, event: Input.Submitted) -> None:
            self.library.count(search=event.value)
            rows = self.library.summaries(search=event.value, limit=100)
            options = self.query_one(OptionList)
            options.set_options(row.title for row in rows)
            options.focus()

    return MinimalSearchApp()


async def _search_once(app: Any, open_keys: list[str], word: str, first_title: str) -> float:
    """Milliseconds from submitting ``word`` in the filter box until its first row is drawn."""
    watcher = FrameWatcher(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if open_keys:
            await pilot.press(*open_keys)
        for char in word:
            app.simulate_key(char)
        await pilot.pause()
        watcher.expect(first_title)
        started = time.perf_counter()
        app.simulate_key("enter")
        await watcher.wait()
        elapsed = (time.perf_counter() - started) * 1000
        app.exit()
    return elapsed


def probe_search_ui(args: argparse.Namespace) -> dict[str, Any]:
    """The reader's filter box against a minimal app running the same store query."""
    plan = json.loads(Path(args.plan).read_text())
    reader_ms: list[float] = []
    minimal_ms: list[float] = []
    for entry in plan["words"]:
        word, first = entry["word"], entry["first"]
        minimal_ms.append(
            asyncio.run(_search_once(minimal_search_app(args.data_dir), [], word, first))
        )
        app = reader_app(args.data_dir)
        reader_ms.append(asyncio.run(_search_once(app, ["slash"], word, first)))
    return {"reader_ms": reader_ms, "minimal_ms": minimal_ms}


# --- memory ----------------------------------------------------------------------------------


def probe_memory_reader(args: argparse.Namespace) -> dict[str, Any]:
    """Peak RSS after opening every article of the plan's sessions in one reader process."""
    plan = json.loads(Path(args.plan).read_text())
    opened = 0
    for session in plan["sessions"]:
        app = reader_app(args.data_dir, open_article=session["open"])
        opened += 1 + len(asyncio.run(_navigate(app, session, args.key)))
    return {"peak_rss_mb": peak_rss_mb(), "opened": opened}


def probe_memory_minimal(args: argparse.Namespace) -> dict[str, Any]:
    return asyncio.run(cold_start(minimal_app(), f"Row {MINIMAL_ROWS - 1}"))


# --- rendering work --------------------------------------------------------------------------


async def _render_work(app: Any, article: Any, rounds: int) -> dict[str, Any]:
    """Time the product's article view and facts panel against plain text, same width."""
    from rich.text import Text
    from textual.strip import Strip

    from briefing.tui.widgets.article_view import ArticleView
    from briefing.tui.widgets.facts_panel import FactsPanel

    highlighted: list[float] = []
    plain: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_text(pilot, " ".join(article.body.split()[:4]))
        view = app.screen.query_one(ArticleView)
        panel = app.screen.query_one(FactsPanel)
        console = app.console
        width = view.text_width()
        view_height = view.scrollable_content_region.height
        panel_height = panel.scrollable_content_region.height
        for _ in range(rounds):
            # The product: highlighted body built and wrapped, facts panel filled, and the
            # lines on screen of both drawn, as a "next article" does (without the store read).
            started = time.perf_counter()
            view.show_article(article)
            panel.show_facts(article.facts)
            for y in range(view_height):
                view.render_line(y)
            for y in range(panel_height):
                panel.render_line(y)
            highlighted.append((time.perf_counter() - started) * 1000)
            # The reference: the same body as one plain Text, wrapped to the same width, and
            # the same number of screen lines drawn.
            started = time.perf_counter()
            lines = Text(article.body, end="").wrap(console, width)
            for line in lines[:view_height]:
                Strip(list(line.render(console)))
            plain.append((time.perf_counter() - started) * 1000)
        app.exit()
    return {"highlighted_ms": highlighted, "plain_ms": plain}


def probe_render_work(args: argparse.Namespace) -> dict[str, Any]:
    import tempfile

    from make_library import ArticleShape, Synthesizer

    from briefing.store import Library

    shape = ArticleShape(words=1200, actors=30, facts=12)
    analysis, raw_text = Synthesizer(seed=12).analysis(0, shape)
    with tempfile.TemporaryDirectory() as data_dir:
        with Library.open(Path(data_dir)) as library:
            article_id, _ = library.add_analysis(analysis, raw_text)
            article = library.article(article_id)
        result = asyncio.run(_render_work(reader_app(data_dir, article_id), article, args.rounds))
    result["description"] = (
        f"{len(article.body.split())} words, {len(article.actors)} actors, "
        f"{len(article.measures)} measures, {len(article.facts)} facts; {args.rounds} rounds; "
        "product = ArticleView.show_article + FactsPanel.show_facts + drawing the visible lines, "
        "reference = Text(body).wrap + drawing as many lines"
    )
    return result


# --- import reference ------------------------------------------------------------------------


def probe_bare_pipe(args: argparse.Namespace) -> dict[str, Any]:
    """The bare model over the same files: full default pipeline, nothing stored."""
    import spacy

    from briefing.nlp.loader import model_candidates

    files = sorted(p for p in Path(args.directory).iterdir() if p.is_file())
    texts = [p.read_text(encoding="utf-8") for p in files]
    nlp = None
    for name in model_candidates():
        try:
            nlp = spacy.load(name)
            break
        except (OSError, ImportError, ValueError):
            continue
    if nlp is None:
        raise SystemExit("no spaCy model")
    docs = sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process))
    return {"docs": docs, "pipeline": nlp.pipe_names, "peak_rss_mb": peak_rss_mb()}


def probe_model_footprint(args: argparse.Namespace) -> dict[str, Any]:
    """RSS of a bare interpreter, then after loading the model and analysing one article."""
    before = peak_rss_mb()
    import spacy

    from briefing.nlp.loader import model_candidates

    for name in model_candidates():
        try:
            nlp = spacy.load(name)
            break
        except (OSError, ImportError, ValueError):
            continue
    text = Path(args.article).read_text(encoding="utf-8")
    nlp(text)
    return {"before_mb": before, "after_mb": peak_rss_mb()}


PROBES = {
    "cold-minimal": probe_cold_minimal,
    "cold-reader": probe_cold_reader,
    "navigate": probe_navigate,
    "memory-reader": probe_memory_reader,
    "search-ui": probe_search_ui,
    "memory-minimal": probe_memory_minimal,
    "render-work": probe_render_work,
    "bare-pipe": probe_bare_pipe,
    "model-footprint": probe_model_footprint,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="probe", required=True)
    sub.add_parser("cold-minimal")
    sub.add_parser("memory-minimal")
    cold = sub.add_parser("cold-reader")
    cold.add_argument("data_dir")
    cold.add_argument("--expect", required=True, help="headline of the list's first row")
    navigate = sub.add_parser("navigate")
    navigate.add_argument("--plan", required=True, help="JSON file of sessions (see run.py)")
    navigate.add_argument("--key", default="n")
    memory = sub.add_parser("memory-reader")
    memory.add_argument("data_dir")
    memory.add_argument("--plan", required=True, help="JSON file of sessions (see run.py)")
    memory.add_argument("--key", default="n")
    render = sub.add_parser("render-work")
    render.add_argument("--rounds", type=int, default=200)
    search = sub.add_parser("search-ui")
    search.add_argument("data_dir")
    search.add_argument("--plan", required=True, help='JSON {"words": [{word, first}]}')
    pipe = sub.add_parser("bare-pipe")
    pipe.add_argument("directory")
    pipe.add_argument("--n-process", type=int, default=1)
    pipe.add_argument("--batch-size", type=int, default=16)
    footprint = sub.add_parser("model-footprint")
    footprint.add_argument("article")
    args = parser.parse_args()
    emit(PROBES[args.probe](args))


if __name__ == "__main__":
    main()
