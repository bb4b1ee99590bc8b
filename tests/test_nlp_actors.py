"""Actors: canonical names from the gazetteer, kinds, and no actors made of page chrome."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.model import ACTOR_KINDS, Analysis, CleanArticle

if TYPE_CHECKING:
    from briefing.nlp import Analyzer


def analyze(analyzer: Analyzer, body: str) -> Analysis:
    return analyzer.analyze(CleanArticle("test.txt", body, "Headline", None, body, ()))


def canonical_of(analysis: Analysis, text: str) -> str:
    found = [a.canonical for a in analysis.actors if a.text == text]
    assert found, f"{text!r} is not an actor in {[a.text for a in analysis.actors]}"
    return found[0]


@pytest.mark.parametrize(
    ("body", "mention", "canonical"),
    [
        ("Tokyo said on Friday it would expel the diplomats.", "Tokyo", "Japan"),
        ("Japan's government says it is expelling eight diplomats.", "Japan", "Japan"),
        ("The Japanese foreign minister flew to Seoul.", "Japanese", "Japan"),
        ("Moscow denied the report.", "Moscow", "Russia"),
        ("The Kremlin rejected the accusation on Monday.", "Kremlin", "Russia"),
        ("Washington has not commented.", "Washington", "United States"),
        ("The White House said it was studying the request.", "White House", "United States"),
        ("Beijing called the move unacceptable.", "Beijing", "China"),
        ("Officials in Brussels declined to comment.", "Brussels", "European Union"),
        ("The EU will meet on Monday.", "EU", "European Union"),
        ("The European Union is divided.", "European Union", "European Union"),
        ("The Group of Seven met in Hiroshima.", "Group of Seven", "Group of Seven"),
        ("A G-7 statement was released.", "G-7", "Group of Seven"),
        ("G7 leaders agreed on a statement.", "G7", "Group of Seven"),
        ("NATO allies met in Vilnius.", "NATO", "NATO"),
        ("The UN condemned the attack.", "UN", "United Nations"),
        ("Europe is worried about its gas supply.", "Europe", "Europe"),
        ("British officials said the talks had failed.", "British", "United Kingdom"),
        ("KYIV, Ukraine — The mayor spoke.", "KYIV", "Ukraine"),
    ],
)
def test_mentions_resolve_to_one_canonical_actor(
    analyzer: Analyzer, body: str, mention: str, canonical: str
) -> None:
    assert canonical_of(analyze(analyzer, body), mention) == canonical


def test_kinds_follow_what_the_actor_is(analyzer: Analyzer) -> None:
    analysis = analyze(
        analyzer,
        "President Vladimir Putin met European Union officials and Gazprom executives in Moscow.",
    )
    kinds = {a.canonical: a.kind for a in analysis.actors}
    assert kinds["Vladimir Putin"] == "person"
    assert kinds["European Union"] == "group"
    assert kinds["Russia"] == "country"
    assert kinds["Gazprom"] == "organization"
    assert set(kinds.values()) <= set(ACTOR_KINDS)


def test_a_later_surname_resolves_to_the_full_name(analyzer: Analyzer) -> None:
    analysis = analyze(
        analyzer,
        "Foreign Minister Takeo Mori met the ambassador. Later, Mori told reporters he was firm.",
    )
    assert {a.canonical for a in analysis.actors if a.kind == "person"} == {"Takeo Mori"}


def test_site_chrome_makes_no_actors(analyzer: Analyzer) -> None:
    body = (
        "By clicking 'Register' you confirm that you have read and agree to our Terms of use, "
        "Cookie policy and Privacy notice.\n\n"
        "Cookie settings\n\n"
        "Share on Facebook | Print | Email\n\n"
        "This site is protected by reCAPTCHA and the Google Privacy policy apply."
    )
    texts = {a.text.lower() for a in analyze(analyzer, body).actors}
    for chrome in ("cookie", "register", "privacy", "terms", "recaptcha", "print", "email"):
        assert not any(chrome in text for text in texts), texts


def test_actor_offsets_slice_the_body(analyzer: Analyzer) -> None:
    body = "Japan’s government says it is expelling eight Russian diplomats.\n\nMoscow protested."
    analysis = analyze(analyzer, body)
    assert analysis.actors
    for actor in analysis.actors:
        assert body[actor.start : actor.end] == actor.text


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Real Madrid beat Bayern in the semi-final on Tuesday.", "Madrid"),
        ("Qatar Airways suspended flights to Beirut on Monday.", "Qatar"),
        ("China Telecom was told to wind down its US operations.", "China"),
    ],
)
def test_a_place_inside_a_club_or_company_name_is_no_state(
    analyzer: Analyzer, body: str, place: str
) -> None:
    assert place not in [a.text for a in analyze(analyzer, body).actors]
