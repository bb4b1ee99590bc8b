"""The quality bars of issue 2, measured by tests/quality.py on sample_articles and the gold set.

Each bar is its own test, so a failure names the bar; on failure the message lists the misses
(what ``python tests/quality.py --verbose`` prints). Reading and cleaning are scored without the
NLP (title, dek, boilerplate, content); actors and facts with the real pipeline, run once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from quality import (
    SAMPLES_DIR,
    Score,
    analyze_samples,
    load_gold,
    score_results,
)

from briefing.cleaning import clean_article
from briefing.reading import read_article

if TYPE_CHECKING:
    from briefing.nlp import Analyzer

F1_BAR = 0.90
TARGET_BAR = 0.85
STATUS_BAR = 0.85


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return load_gold()


@pytest.fixture(scope="module")
def cleaning_score(gold: dict[str, Any]) -> Score:
    """Reading and cleaning alone, scored with the same rules (no actors, no facts)."""
    results = {}
    for name in gold:
        article = clean_article(read_article(SAMPLES_DIR / name))
        results[name] = {"title": article.title, "dek": article.dek, "body": article.body}
    return score_results(gold, results, SAMPLES_DIR)


@pytest.fixture(scope="module")
def analyses(analyzer: Analyzer, gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return analyze_samples(analyzer, gold)


@pytest.fixture(scope="module")
def analysis_score(gold: dict[str, Any], analyses: dict[str, dict[str, Any]]) -> Score:
    return score_results(gold, analyses, SAMPLES_DIR)


def _report(score: Score, *kinds: str) -> str:
    misses = [m for kind in kinds for m in score.misses_of(kind)] if kinds else score.misses
    return score.summary() + "\n" + "\n".join("  " + m for m in misses)


def test_gold_covers_every_sample_article(gold: dict[str, Any]) -> None:
    samples = {p.name for p in SAMPLES_DIR.iterdir() if p.is_file()}
    assert set(gold) == samples
    assert len(samples) >= 16


def test_every_title_right(cleaning_score: Score) -> None:
    assert cleaning_score.title == cleaning_score.articles, _report(cleaning_score, "title")


def test_every_dek_right(cleaning_score: Score) -> None:
    assert cleaning_score.dek == cleaning_score.articles, _report(cleaning_score, "dek")


def test_every_boilerplate_line_removed(cleaning_score: Score) -> None:
    assert cleaning_score.boiler > 0
    assert cleaning_score.boiler_left == 0, _report(cleaning_score, "boilerplate")


def test_every_content_line_kept(cleaning_score: Score) -> None:
    assert cleaning_score.content > 0
    assert cleaning_score.content_kept == cleaning_score.content, _report(cleaning_score, "content")


def test_analysis_keeps_the_cleaned_text(
    gold: dict[str, Any], analyses: dict[str, dict[str, Any]]
) -> None:
    for name in gold:
        article = clean_article(read_article(SAMPLES_DIR / name))
        result = analyses[name]
        assert (result["title"], result["dek"]) == (article.title, article.dek), name
        assert result["body"] == article.body, name
        assert tuple(result["removed"]) == article.removed, name


def test_every_gold_actor_highlighted(analysis_score: Score) -> None:
    assert analysis_score.actors_hit == analysis_score.actors, _report(analysis_score, "actor")


def test_fact_f1(analysis_score: Score) -> None:
    assert analysis_score.f1 >= F1_BAR, _report(analysis_score, "missed", "spurious")


def test_target_accuracy(analysis_score: Score) -> None:
    assert analysis_score.matched > 0
    assert analysis_score.target_accuracy >= TARGET_BAR, _report(analysis_score, "target")


def test_status_accuracy(analysis_score: Score) -> None:
    assert analysis_score.matched > 0
    assert analysis_score.status_accuracy >= STATUS_BAR, _report(analysis_score, "status")


def test_offsets_slice_the_body_exactly(analyses: dict[str, dict[str, Any]]) -> None:
    wrong = []
    for name, result in analyses.items():
        body = result["body"]
        spans = [(a["text"], a) for a in result["actors"]] + [
            (m["text"], m) for m in result["measures"]
        ]
        spans += [(f["sentence"], f) for f in result["facts"]]
        for text, span in spans:
            if not (0 <= span["start"] <= span["end"] <= len(body)) or (
                body[span["start"] : span["end"]] != text
            ):
                wrong.append(f"{name}: {text!r} at {span['start']}:{span['end']}")
    assert not wrong, "\n".join(wrong)


# --- The scorer itself: it must be able to fail. ----------------------------------------------


def _gold_fact(**overrides: Any) -> dict[str, Any]:
    fact = {
        "measure": ["expulsion"],
        "actor": ["Japan", "Tokyo"],
        "target": ["Russian diplomats"],
        "status": ["announced"],
    }
    return fact | overrides


def _score_facts(gold_facts: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Score:
    score = Score()
    from quality import _score_facts as score_facts

    score_facts(score, "a.txt", gold_facts, predicted)
    return score


def _pred(**overrides: Any) -> dict[str, Any]:
    fact = {"measure": "expulsion", "actor": "Japan", "target": "8 Russian diplomats"}
    return fact | {"status": "announced"} | overrides


def test_scorer_matches_by_type_actor_alias_and_polarity() -> None:
    exact = _score_facts([_gold_fact()], [_pred(actor="Japan's government", status="in_force")])
    assert (exact.tp, exact.fp, exact.required, exact.target_ok, exact.status_ok) == (
        1,
        0,
        1,
        1,
        0,
    )
    wrong_polarity = _score_facts([_gold_fact()], [_pred(status="rejected")])
    assert (wrong_polarity.tp, wrong_polarity.fp) == (0, 1)
    wrong_type = _score_facts([_gold_fact()], [_pred(measure="sanctions")])
    assert (wrong_type.tp, wrong_type.fp) == (0, 1)
    assert wrong_type.f1 == 0.0


def test_scorer_counts_a_repeated_fact_once_right_once_wrong() -> None:
    score = _score_facts([_gold_fact()], [_pred(), _pred()])
    assert (score.tp, score.fp) == (1, 1)
    assert score.precision == 0.5


def test_scorer_joint_and_optional_facts() -> None:
    joint = _gold_fact(actor=["Netherlands", "Japan"], joint=True)
    score = _score_facts([joint], [_pred(actor="Netherlands"), _pred(actor="Japan")])
    assert (score.tp, score.fp) == (1, 0)
    optional = _score_facts([_gold_fact(optional=True)], [_pred()])
    assert (optional.tp, optional.fp, optional.required) == (0, 0, 0)


def test_scorer_flags_lost_content_and_kept_boilerplate(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Headline\nFirst story line.\nSecond story line.\nSubscribe now\n")
    gold = {
        "title": "Headline",
        "dek": None,
        "boilerplate": ["Subscribe now"],
        "actors": ["Japan"],
        "facts": [],
    }
    result = {"title": "Headline", "dek": None, "body": "First story line.\n\nSubscribe now"}
    score = score_results({"a.txt": gold}, {"a.txt": result}, tmp_path)
    assert (score.content_kept, score.content, score.boiler_left) == (1, 2, 1)
    assert score.actors_hit == 0
    assert any("content lost: Second story line." in m for m in score.misses)
