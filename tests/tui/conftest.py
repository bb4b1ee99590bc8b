"""Fixtures for the reader's tests: a real library filled with hand-made analyses.

``Library.add_analysis`` with analyses built here is fast and needs no model; only the import
test and :func:`uganda_dir` (a target the pipeline infers from the story) run the real pipeline.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
from collections.abc import Callable, Coroutine, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from briefing.model import Actor, Analysis, ArticleMeta, CleanArticle, Fact, Measure
from briefing.store import Library

if TYPE_CHECKING:
    from briefing.nlp import Analyzer


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in a fresh event loop (no pytest async plugin needed); pytest still
    sees the original signature for fixtures."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper


FILLER = (
    "Officials said the decision followed weeks of consultations with partners. "
    "Analysts expect further steps in the coming months. "
)


def make_analysis(
    title: str,
    body: str,
    *,
    actors: Sequence[tuple[str, str, str]] = (),
    measures: Sequence[tuple[str, str]] = (),
    facts: Sequence[tuple[str, str | None, str | None, str]] = (),
    published: str | None = "2024-03-01",
    source: str | None = "Wire",
    dek: str | None = None,
    removed: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Analysis:
    """An analysis whose offsets are computed from ``body``:
    actors (text, canonical, kind), measures (text, type),
    facts (measure, actor, target, a fragment of the evidence sentence)."""

    def span(fragment: str) -> tuple[int, int]:
        start = body.index(fragment)
        return start, start + len(fragment)

    def sentence(fragment: str) -> tuple[int, int]:
        start, end = span(fragment)
        sentence_start = body.rfind(". ", 0, start)
        sentence_start = 0 if sentence_start < 0 else sentence_start + 2
        sentence_end = body.find(".", end)
        return sentence_start, (len(body) if sentence_end < 0 else sentence_end + 1)

    actor_rows = []
    for text, canonical, kind in actors:
        start, end = span(text)
        actor_rows.append(Actor(text, "GPE", canonical, start, end, kind))
    measure_rows = []
    for text, measure_type in measures:
        start, end = span(text)
        measure_rows.append(Measure(text, measure_type, start, end))
    fact_rows = []
    for measure_type, actor, target, fragment in facts:
        start, end = sentence(fragment)
        fact_rows.append(
            Fact(measure_type, actor, target, None, None, "announced", body[start:end], start, end)
        )
    return Analysis(
        path=f"{title[:20]}.txt",
        title=title,
        dek=dek,
        body=body,
        removed=removed,
        actors=tuple(actor_rows),
        measures=tuple(measure_rows),
        facts=tuple(fact_rows),
        meta=ArticleMeta(source=source, published=published, tags=tags),
        pipeline_version="test",
    )


def japan_article() -> Analysis:
    body = (
        "Japan is expelling eight Russian diplomats over the invasion of Ukraine. "
        + FILLER * 6
        + "Prime Minister Fumio Kishida announced new sanctions against Russia on Friday. "
        + FILLER * 8
        + "The European Union agreed an import ban on Russian coal. "
        + FILLER * 4
    )
    return make_analysis(
        "Japan expels eight Russian diplomats",
        body,
        dek="Tokyo joins European capitals in expulsions",
        actors=[
            ("Japan", "Japan", "country"),
            ("Fumio Kishida", "Fumio Kishida", "person"),
            ("The European Union", "European Union", "organization"),
        ],
        measures=[
            ("expelling", "expulsion"),
            ("sanctions", "sanctions"),
            ("import ban", "import_ban"),
        ],
        facts=[
            ("expulsion", "Japan", "eight Russian diplomats", "Japan is expelling"),
            ("sanctions", "Japan", "Russia", "announced new sanctions"),
            ("import_ban", "European Union", "Russian coal", "agreed an import ban"),
        ],
        published="2024-04-08",
        source="AP",
        removed=("Sign up for our newsletter", "Advertisement"),
        tags=("russia",),
    )


def other_articles() -> list[Analysis]:
    return [
        make_analysis(
            "Canada freezes assets of oligarchs",
            "Canada froze the assets of five oligarchs on Tuesday. " + FILLER * 3,
            actors=[("Canada", "Canada", "country")],
            measures=[("froze the assets", "asset_freeze")],
            facts=[("asset_freeze", "Canada", "five oligarchs", "froze the assets")],
            published="2024-03-20",
            source="Reuters",
        ),
        make_analysis(
            "Brazil raises tariffs on steel",
            "Brazil raised tariffs on imported steel. " + FILLER * 2,
            actors=[("Brazil", "Brazil", "country")],
            published="2024-02-11",
            source="Bloomberg",
        ),
    ]


@pytest.fixture
def library_dir(data_dir: Path) -> Iterator[Path]:
    """A library holding the Japan article (newest) and two others, made by the real store."""
    with Library.open(data_dir) as library:
        for analysis in [japan_article(), *other_articles()]:
            library.add_analysis(analysis, analysis.title + "\n" + analysis.body)
    yield data_dir


@pytest.fixture
def empty_library_dir(data_dir: Path) -> Path:
    Library.open(data_dir).close()
    return data_dir


UGANDA = (
    "Uganda passed a harsh new law last month, drawing criticism from donors.\n\n"
    "The Netherlands suspended its aid on Tuesday, the foreign ministry said.\n\n"
    "Denmark suspended its aid to Uganda on Wednesday."
)


@pytest.fixture
def uganda_dir(data_dir: Path, analyzer: Analyzer) -> Path:
    """A library holding one article as the real pipeline reads it: the Netherlands' sentence
    names nobody its aid suspension falls on (target Uganda, inferred from the story);
    Denmark's names Uganda (stated)."""
    title = "Donors cut aid to Uganda"
    analysis = analyzer.analyze(CleanArticle("uganda.txt", UGANDA, title, None, UGANDA, ()))
    analysis = dataclasses.replace(
        analysis, meta=ArticleMeta(source="Wire", published="2023-06-01")
    )
    assert [(f.actor, f.target, f.target_stated) for f in analysis.facts] == [
        ("Netherlands", "Uganda", False),
        ("Denmark", "Uganda", True),
    ]
    with Library.open(data_dir) as library:
        library.add_analysis(analysis, f"{title}\n{UGANDA}")
    return data_dir
