"""The Analyzer as a whole: the spaCy pipeline, order and determinism of analyze_many, long
bodies in chunks, hostile text, and the seed article's required facts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefing.model import Analysis, ArticleMeta, CleanArticle
from briefing.nlp import PIPELINE_VERSION
from briefing.nlp.analyzer import CHUNK_CHARS, split_body

if TYPE_CHECKING:
    from briefing.nlp import Analyzer

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "000_3697d80e75a72aeb.txt"


def article(body: str, path: str = "a.txt") -> CleanArticle:
    return CleanArticle(path, body, "Headline", "Dek", body, ("Advertisement",), ArticleMeta())


def assert_offsets_slice(analysis: Analysis) -> None:
    body = analysis.body
    for actor in analysis.actors:
        assert body[actor.start : actor.end] == actor.text
    for measure in analysis.measures:
        assert body[measure.start : measure.end] == measure.text
    for fact in analysis.facts:
        assert body[fact.start : fact.end] == fact.sentence


def test_pipeline_is_spacy_native_and_leaves_out_the_lemmatizer(analyzer: Analyzer) -> None:
    names = analyzer.nlp.pipe_names
    for component in ("briefing_gazetteer", "briefing_actors", "briefing_measures"):
        assert component in names
    assert names[-1] == "briefing_facts"
    assert "lemmatizer" not in names and "attribute_ruler" not in names
    assert [t.pos_ for t in analyzer.nlp("Japan has expelled them.")][:4] == [
        "PROPN",
        "AUX",
        "VERB",
        "PRON",
    ]
    doc = analyzer.nlp("Japan expelled eight Russian diplomats.")
    assert [m.label_ for m in doc._.measures] == ["expulsion"]
    assert doc._.facts[0]["actor"] == "Japan"
    assert {e._.canonical for e in doc._.actors} == {"Japan", "Russia"}


def test_analysis_carries_the_article_and_the_pipeline_version(analyzer: Analyzer) -> None:
    result = analyzer.analyze(article("Japan expelled eight Russian diplomats."))
    assert (result.title, result.dek, result.removed) == ("Headline", "Dek", ("Advertisement",))
    assert result.pipeline_version == PIPELINE_VERSION


def test_analyze_many_yields_in_order_and_equals_analyze(analyzer: Analyzer) -> None:
    bodies = [
        "Japan expelled eight Russian diplomats.",
        "",
        "Britain imposed sanctions on five Iranian officials.",
        "Nothing happened today.",
        "Canada has frozen the assets of 14 Russian oligarchs.",
    ]
    articles = [article(body, f"{i}.txt") for i, body in enumerate(bodies)]
    many = list(analyzer.analyze_many(iter(articles), batch_size=2))
    assert [a.path for a in many] == [f"{i}.txt" for i in range(len(bodies))]
    assert many == [analyzer.analyze(a) for a in articles]


def test_output_is_deterministic(analyzer: Analyzer) -> None:
    body = SEED.read_text(encoding="utf-8")
    first = analyzer.analyze(article(body)).to_json()
    second = analyzer.analyze(article(body)).to_json()
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_split_body_cuts_whole_paragraphs_and_covers_the_text() -> None:
    body = "\n\n".join(f"Paragraph {i} " + "word " * 40 for i in range(50))
    pieces = split_body(body, limit=1000)
    assert len(pieces) > 1
    assert "".join(text for _, text in pieces) == body
    for offset, text in pieces:
        assert body[offset : offset + len(text)] == text
        assert len(text) <= 1000
    assert all(text.startswith("\n\nParagraph") for _, text in pieces[1:])


def test_split_body_cuts_a_single_huge_word_anywhere() -> None:
    body = "x" * 2500
    pieces = split_body(body, limit=1000)
    assert [len(text) for _, text in pieces] == [1000, 1000, 500]


def test_a_body_longer_than_one_chunk_keeps_offsets_and_facts(analyzer: Analyzer) -> None:
    filler = "\n\n".join("The weather was mild and markets were calm. " * 20 for _ in range(120))
    fact_sentence = "Japan expelled eight Russian diplomats on Friday."
    body = filler + "\n\n" + fact_sentence + "\n\n" + filler
    assert len(body) > CHUNK_CHARS
    result = analyzer.analyze(article(body))
    assert_offsets_slice(result)
    assert [(f.measure, f.actor, f.sentence) for f in result.facts] == [
        ("expulsion", "Japan", fact_sentence)
    ]


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   \n\n  \n",
        "🇯🇵 Japan 🙂 expelled 8 diplomats 💥💥.",
        "Control \x00\x01\x07\x1b[31m characters\x7f in \u202e text\u200b.",
        "a" * 10_000 + " Japan expelled eight Russian diplomats.",
        "Sanctions " * 3000,
        "\ud800 lone surrogate and Japan's sanctions",
        "<script>alert(1)</script> [bold]Japan[/bold] imposes sanctions on Russia.",
    ],
)
def test_hostile_text_returns_without_error(analyzer: Analyzer, body: str) -> None:
    result = analyzer.analyze(article(body))
    assert result.body == body
    assert_offsets_slice(result)


def test_seed_article_has_every_required_fact(analyzer: Analyzer) -> None:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = "\n\n".join(lines[2:12])  # the story, without headline, dek and page chrome
    facts = analyzer.analyze(article(body)).facts
    found = {(f.measure, f.actor, f.status) for f in facts}
    for expected in [
        ("expulsion", "Japan", "announced"),
        ("sanctions", "Japan", "planned"),
        ("import_ban", "Group of Seven", "announced"),
        ("asset_freeze", "Japan", "in_force"),
        ("export_control", "Japan", "in_force"),
        ("financial_restriction", "Japan", "in_force"),
        ("diplomatic_measure", "Russia", "announced"),
    ]:
        assert expected in found, sorted(found)
    europe = [f for f in facts if f.measure == "sanctions" and "United States" in (f.actor or "")]
    assert europe and "Europe" in (europe[0].actor or "")
    expulsion = next(f for f in facts if f.measure == "expulsion" and f.actor == "Japan")
    assert (expulsion.target, expulsion.quantity) == ("Russian diplomats", "8")


def test_long_bodies_stream_in_small_chunks_with_exact_offsets(analyzer: Analyzer) -> None:
    # Memory is bounded by batch_size * CHUNK_CHARS: a long article never goes to the model
    # as one doc, and facts from every chunk come back at their place in the body.
    prose = "The weather was mild and markets were calm across the region. " * 15
    filler = "\n\n".join(prose for _ in range(40))
    first = "Japan expelled eight Russian diplomats on Friday."
    second = "Canada imposed sanctions on five Iranian officials."
    long_body = first + "\n\n" + filler + "\n\n" + second
    pieces = split_body(long_body)
    assert len(pieces) > 3
    assert all(len(text) <= CHUNK_CHARS for _, text in pieces)
    short_body = "Germany closed its airspace to Russian aircraft."
    results = list(
        analyzer.analyze_many(
            [article(long_body, "long.txt"), article(short_body, "short.txt")], batch_size=2
        )
    )
    assert [r.path for r in results] == ["long.txt", "short.txt"]
    for result in results:
        assert_offsets_slice(result)
    assert [(f.actor, f.sentence) for f in results[0].facts] == [
        ("Japan", first),
        ("Canada", second),
    ]
    assert results[0].facts[1].start == len(long_body) - len(second)
