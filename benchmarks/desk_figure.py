"""The desk figure (issue 13) for ``run.py``: a library of 100,000 facts.

1. ``desk.open``: a fresh process that starts the reader at the desk (``briefing desk``),
   until the desk's first development is drawn, against the minimal app's first paint (target
   <= 1.3x).
2. ``desk.move``: ``j`` on the desk, from the key press until the next development's position
   and sources are drawn, 100,000 facts against 100 (target <= 1.1x, median).
3. ``desk.query``: what the desk runs for a query (count the developments, read the first
   page) against a full scan of the facts in Python (every fact read, filtered by the same
   terms), p95 over a set of queries (target <= 0.1x).

Called by ``run.py`` with itself as ``run`` (its Result, probe and helpers).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
DESK_PROBES = HERE / "desk_probes.py"
FACTS = 100_000
ARTICLES_PER_100K = 16_720  # the generator makes 6 facts an article on average
QUICK_ARTICLES = 1_700
SMALL_ARTICLES = 17  # about 100 facts
MOVES = 8

QUERIES = (
    "actor:Japan",
    "measure:expulsion",
    "actor:US measure:sanctions",
    "status:lifted -actor:Russia",
    "target:oligarchs",
    "measure:import_ban,export_control status:announced",
    "pinned:yes",
    "actor:Germany,France -measure:travel_ban",
)


def headline(development: Any) -> str:
    measure = development.measure.replace("_", " ").upper()
    return f"{measure}  {development.actor or '?'} → {development.target or '?'}"


def move_needles(data_dir: Path, moves: int, prefix: Any) -> tuple[list[str], list[list[str]]]:
    """What the desk draws only once its cursor is on each of the first developments: the
    position in the title and the first source's evidence (when it differs from the one
    before)."""
    from briefing.store import Library

    with Library.open(data_dir, read_only=True) as library:
        developments = library.developments(limit=moves + 1)
    first = [headline(developments[0])[:30]]  # the row is cut at the pane's width (60+)
    steps = []
    for index in range(1, len(developments)):
        needles = [f"desk · {index + 1:,} of"]
        sentence = developments[index].sources[0].fact.sentence
        before = developments[index - 1].sources[0].fact.sentence
        if sentence != before:
            needles.append(prefix("“" + sentence, 24))
        steps.append(needles)
    return first, steps


def _facts_in_python(library: Any, query: Any) -> int:
    """The reference: every fact read into Python and filtered by the query's terms."""
    from briefing.store.developments import actor_key, targets_compatible

    keys: dict[str | None, str] = {}

    def key(name: str | None) -> str:
        if name not in keys:
            keys[name] = actor_key(name)
        return keys[name]

    def matches(fact: Any, term: Any) -> bool:
        if term.key == "actor":
            found = any(key(fact.actor) == key(value) for value in term.values)
        elif term.key == "target":
            found = any(
                fact.target is not None and targets_compatible(fact.target, value)
                for value in term.values
            )
        elif term.key in ("measure", "status"):
            found = getattr(fact, term.key) in term.values
        elif term.key == "pinned":
            found = fact.pinned == (term.values[0] == "yes")
        else:
            raise ValueError(f"the reference does not filter {term.key}:")
        return found != term.negated

    return sum(1 for fact in library.facts() if all(matches(fact, term) for term in query.terms))


def figure_desk(bench: Any, run: ModuleType) -> list[Any]:
    import make_library

    from briefing.query import parse_query
    from briefing.store import Library

    articles = QUICK_ARTICLES if bench.quick else ARTICLES_PER_100K
    big = bench.root / "desk-big"
    small = bench.root / "desk-small"
    built = make_library.build_library(big, articles)
    tiny = make_library.build_library(small, SMALL_ARTICLES)
    info = (
        f"desk libraries: {built.facts:,} facts in {built.articles:,} articles "
        f"({built.seconds:.0f} s to build), and {tiny.facts} facts in {tiny.articles}"
    )
    print(f"  ({info})", flush=True)
    bench.infos.append(info)
    with Library.open(big, read_only=True) as library:
        developments = library.count_developments()

    def desk_probe(*args: str) -> Any:
        return run.run_measured([sys.executable, str(DESK_PROBES), *args], env=run.clean_env())

    # 1. Opening the desk from a cold start.
    first, _ = move_needles(big, 0, run._prefix)
    rounds = bench.repeats(7, 2)
    desk_ms: list[float] = []
    minimal_ms: list[float] = []
    for _ in range(rounds):
        minimal = run.probe("cold-minimal", env=run.clean_env())
        minimal.json()
        minimal_ms.append(minimal.seconds * 1000)
        opened = desk_probe("cold-desk", str(big), "--expect", first[0])
        if opened.json()["spacy_loaded"]:
            raise RuntimeError("the desk's start imported spaCy")
        desk_ms.append(opened.seconds * 1000)

    # 2. Moving on the desk: sessions on both libraries, alternating, in one process.
    sessions = []
    for label, data_dir in (("big", big), ("small", small)):
        start, steps = move_needles(data_dir, MOVES, run._prefix)
        sessions.append({"label": label, "data_dir": str(data_dir), "first": start, "next": steps})
    repeats = bench.repeats(6, 2)
    plan = []
    for n in range(repeats):  # big-small, then small-big: load bursts and warm-up hit both
        plan.extend(sessions if n % 2 == 0 else sessions[::-1])
    plan_file = bench.root / "desk-moves.json"
    plan_file.write_text(json.dumps({"sessions": plan}))
    moves = desk_probe("desk-moves", "--plan", str(plan_file)).json()["move_ms"]

    # 3. Queries: the desk's two store calls against a scan of every fact in Python.
    product: list[float] = []
    reference: list[float] = []
    counts: list[str] = []
    with Library.open(big, read_only=True) as library:
        for _ in range(bench.repeats(3, 1)):
            for text in QUERIES:
                query = parse_query(text)
                started = time.perf_counter()
                found = library.count_developments(query)
                library.developments(query, limit=50)
                product.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                scanned = _facts_in_python(library, query)
                reference.append((time.perf_counter() - started) * 1000)
                if len(counts) < len(QUERIES):
                    counts.append(f"{text}: {found:,} developments, {scanned:,} facts")
    return [
        run.Result(
            "desk.open",
            f"briefing desk: start to first development drawn ({built.facts:,} facts)",
            desk_ms,
            "minimal app, 10-row OptionList",
            minimal_ms,
            "ms",
            target=("<=", 1.3),
            notes=[
                "process start to exit, exiting as soon as the desk's first development is "
                f"on screen; {developments:,} developments"
            ],
        ),
        run.Result(
            "desk.move",
            f"j on the desk, {built.facts:,} facts",
            moves["big"],
            f"j on the desk, {tiny.facts} facts",
            moves["small"],
            "ms",
            target=("<=", 1.1),
            notes=[
                f"{len(moves['big'])} moves each from the top of the list; a move is timed from "
                "the key press until the position and the next development's sources are drawn"
            ],
        ),
        run.Result(
            "desk.query",
            "count_developments + first page of 50",
            product,
            "every fact read and filtered in Python",
            reference,
            "ms",
            stat="p95",
            target=("<=", 0.1),
            notes=[f"{len(QUERIES)} queries: " + "; ".join(counts)],
        ),
    ]
