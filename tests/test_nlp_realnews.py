"""Issue 12: the failure families of real news prose, each proved on sentences written for
these tests (the real-news texts themselves stay outside the repository)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.model import Analysis, CleanArticle

if TYPE_CHECKING:
    from briefing.nlp import Analyzer


def analyze(analyzer: Analyzer, body: str) -> Analysis:
    return analyzer.analyze(CleanArticle("test.txt", body, "Headline", None, body, ()))


def facts(analysis: Analysis) -> list[tuple[str, str | None, str | None, str]]:
    return [(f.measure, f.actor, f.target, f.status) for f in analysis.facts]


# -- same words, other senses -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The governing body handed the sprinter a four-year ban for doping offences.",
        "UEFA fined the club and banned its supporters from the next away match.",
        "Athletes who fail a test face sanctions under the new code, the agency's chief said.",
    ],
)
def test_sports_bans_and_sanctions_are_no_measure(analyzer: Analyzer, text: str) -> None:
    assert facts(analyze(analyzer, text)) == []


def test_a_state_measure_beside_sport_words_stays(analyzer: Analyzer) -> None:
    text = "Britain froze the assets of the club's owner on Thursday, and fans fear for the season."
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("asset_freeze", "United Kingdom")]


# -- comments, options and restatements --------------------------------------------------


def test_a_negated_comment_on_a_measure_is_no_fact(analyzer: Analyzer) -> None:
    text = (
        "Canada imposed sanctions on Belarus on Monday. "
        "A spokesman said the sanctions were not aimed at the Belarusian people."
    )
    assert facts(analyze(analyzer, text)) == [("sanctions", "Canada", "Belarus", "announced")]


def test_a_measure_said_to_be_an_option_is_considered(analyzer: Analyzer) -> None:
    text = "Further EU sanctions on Iran are an option, the minister told reporters."
    assert facts(analyze(analyzer, text)) == [("sanctions", "European Union", "Iran", "considered")]


def test_a_measure_word_is_never_a_target(analyzer: Analyzer) -> None:
    text = (
        "Australia imposed sanctions on Myanmar in 2021. "
        "Canberra layered on more sanctions in 2023."
    )
    found = facts(analyze(analyzer, text))
    assert found == [("sanctions", "Australia", "Myanmar", "announced")]


def test_upon_names_the_target(analyzer: Analyzer) -> None:
    text = "Norway imposed sanctions upon four Syrian generals on Friday."
    (fact,) = analyze(analyzer, text).facts
    assert fact.target == "Syrian generals"


def test_a_vague_restatement_of_the_target_is_the_same_fact(analyzer: Analyzer) -> None:
    text = (
        "Germany cut off development aid to Niger after the coup. "
        "A spokeswoman said the aid to the government had been suspended."
    )
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("aid_suspension", "Germany")]
