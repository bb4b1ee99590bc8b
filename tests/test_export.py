"""The briefing renderer (issue 5), on hand-made store records: structure, content, safety,
determinism. The documents are parsed with markdown-it-py and checked as a renderer sees them.
"""

from __future__ import annotations

import os
import random
import re
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from export_support import PARSER, inline_text, make_article, make_fact, parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from briefing.errors import BriefingError
from briefing.export import (
    ExportOptions,
    ExportTargetExists,
    available_path,
    briefing_id,
    default_file_name,
    plain,
    render_briefing,
    whole_name,
    write_briefing,
)
from briefing.model import MEASURE_TYPES, STATUSES, Actor, ArticleMeta

GENERATED = datetime(2026, 3, 1, 12, 30, tzinfo=UTC)
OPTIONS = ExportOptions(generated_at=GENERATED, selection="tag “russia”")
SECTIONS = ["Key developments", "Measures", "Actors", "Sources"]
TABLE_HEADER = ["Date", "Measure", "Imposed by", "Target", "Status", "Source"]
# Anything left in the file that a terminal or a bidi-aware viewer would act on.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sample_articles() -> list:
    """Three articles: Japan expels diplomats (pinned, older), the EU plans sanctions on Russia,
    and an article with no facts."""
    return [
        make_article(
            3,
            (
                make_fact(1, 3, pinned=True, note="Confirm the number with the ministry."),
                make_fact(
                    2,
                    3,
                    measure="asset_freeze",
                    target="Russian officials",
                    quantity=None,
                    status="in_force",
                    sentence="Japan froze the assets of Russian officials.",
                    start=70,
                ),
            ),
        ),
        make_article(
            5,
            (
                make_fact(
                    3,
                    5,
                    measure="sanctions",
                    actor="European Union",
                    target="Russia",
                    quantity=None,
                    when="next month",
                    status="planned",
                    sentence="The EU plans new sanctions on Russia next month.",
                ),
            ),
            title="EU readies sanctions",
            meta=ArticleMeta(
                source="Reuters",
                published="2022-04-10",
                url="https://example.org/eu_sanctions",
                tags=("eu", "russia"),
            ),
            tags=("eu", "russia"),
            actors=(
                Actor("EU", "ORG", "European Union", 4, 6, "organization"),
                Actor("Russia", "GPE", "Russia", 30, 36, "country"),
            ),
        ),
        make_article(7, (), title="UK inflation eases", meta=ArticleMeta(published="2022-04-09")),
    ]


def list_items(tokens: list[Token]) -> list[list[Token]]:
    """The top-level items of the first list in ``tokens``, each as its tokens."""
    items: list[list[Token]] = []
    depth = 0
    for token in tokens:
        if token.type in ("ordered_list_open", "bullet_list_open"):
            depth += 1
            if depth == 1:
                continue
        if token.type in ("ordered_list_close", "bullet_list_close"):
            depth -= 1
            if depth == 0:
                break
        if depth == 1 and token.type == "list_item_open":
            items.append([])
        elif depth >= 1 and items:
            items[-1].append(token)
    return items


def strong_texts(inline: Token) -> list[str]:
    texts, inside = [], False
    for child in inline.children or ():
        if child.type == "strong_open":
            inside, texts = True, [*texts, ""]
        elif child.type == "strong_close":
            inside = False
        elif inside and child.type == "text":
            texts[-1] += child.content
    return texts


def assert_footnotes_resolve(briefing) -> None:
    assert briefing.footnote_refs, "facts must cite their article"
    assert set(briefing.footnote_refs) == briefing.footnote_definitions


def assert_sources_are_paragraphs(briefing) -> None:
    """Each source is one plain paragraph, even for a headline like "1. x" or "- x"."""
    start = next(i for i, t in enumerate(briefing.tokens) if t.type == "footnote_block_open")
    assert {t.type for t in briefing.tokens[start:]} == {
        "footnote_block_open",
        "footnote_open",
        "paragraph_open",
        "inline",
        "footnote_anchor",
        "paragraph_close",
        "footnote_close",
        "footnote_block_close",
    }


def test_briefing_has_the_documented_structure() -> None:
    articles = sample_articles()
    briefing = parse(render_briefing(articles, options=OPTIONS))

    assert [h for h in briefing.headings if h[0] <= 2] == [
        (1, "Briefing 2022-04-08 to 2022-04-10"),
        (2, "Key developments"),
        (2, "Measures"),
        (2, "Actors"),
        (2, "Other articles in this selection"),
        (2, "Sources"),
    ]
    [table] = briefing.tables
    assert table[0] == TABLE_HEADER
    assert len(table) == 1 + 3
    assert all(len(row) == 6 for row in table)
    # Most important first: the pinned development, then the newest (the EU's, 2022-04-10).
    pinned = [f for a in articles for f in a.facts if f.pinned]
    assert [row[2] for row in table[1:]] == ["Japan", "European Union", "Japan"]
    assert table[2] == ["2022-04-10", "sanctions", "European Union", "Russia", "planned", "Reuters"]
    assert table[1][1] == pinned[0].measure.replace("_", " ")
    assert_footnotes_resolve(briefing)
    assert briefing.footnote_definitions == {"a3", "a5", "a7"}

    front = briefing.front_matter
    assert front["type"] == "briefing" and front["generator"] == "briefing"
    assert front["title"] == "Briefing 2022-04-08 to 2022-04-10"
    assert (front["period_start"], front["period_end"]) == ("2022-04-08", "2022-04-10")
    assert front["generated_at"] == "2026-03-01T12:30:00Z"
    assert front["date"] == "2026-03-01"
    assert (front["article_count"], front["fact_count"]) == (3, 3)
    assert front["actors"] == ["European Union", "Japan", "Russia"]
    assert front["measures"] == ["asset_freeze", "expulsion", "sanctions"]
    assert front["tags"] == ["eu", "russia"]
    assert front["selection"] == "tag “russia”"
    assert front["id"] == briefing_id(articles, OPTIONS)


def test_key_developments_pinned_first_then_newest_with_quote_and_note() -> None:
    briefing = parse(render_briefing(sample_articles(), options=OPTIONS))
    items = list_items(briefing.section("Key developments"))
    assert len(items) == 3
    claims = [next(t for t in item if t.type == "inline") for item in items]
    # The pinned expulsion comes first although its article is older.
    assert strong_texts(claims[0]) == ["Japan", "8 Russian diplomats"]
    assert inline_text(claims[0]).startswith("Japan expels 8 Russian diplomats — announced")
    assert "pinned" in inline_text(claims[0])
    assert strong_texts(claims[1]) == ["European Union", "Russia"]
    assert inline_text(claims[1]).startswith("European Union plans to impose sanctions on Russia")
    assert strong_texts(claims[2]) == ["Japan", "Russian officials"]
    assert [c.meta["label"] for c in claims[0].children or () if c.type == "footnote_ref"] == ["a3"]

    first = items[0]
    quote_start = next(i for i, t in enumerate(first) if t.type == "blockquote_open")
    assert "expelling eight Russian diplomats" in inline_text(first[quote_start + 2])
    note = [inline_text(t) for t in first if t.type == "inline" and "Confirm" in t.content]
    assert note == ["Analyst's note: Confirm the number with the ministry."]
    # The note belongs to its fact only.
    assert not any("Confirm" in t.content for item in items[1:] for t in item)


def test_actors_list_measures_taken_and_measures_against() -> None:
    briefing = parse(render_briefing(sample_articles(), options=OPTIONS))
    actors = briefing.section("Actors")
    names = [inline_text(actors[i + 1]) for i, t in enumerate(actors) if t.type == "heading_open"]
    # Russia is named by "Russian officials"/"Russian diplomats" through the article's mentions.
    assert names == ["Russia", "Japan", "European Union"]

    def entries(name: str) -> dict[str, list[str]]:
        start = next(
            i for i, t in enumerate(actors) if t.type == "inline" and inline_text(t) == name
        )
        end = next(
            (i for i, t in enumerate(actors) if i > start and t.type == "heading_open"),
            len(actors),
        )
        result: dict[str, list[str]] = {}
        label = ""
        for token in actors[start + 1 : end]:
            if token.type == "inline" and token.content.startswith("Measures"):
                label = inline_text(token)
                result[label] = []
            elif token.type == "inline" and label:
                result[label].append(inline_text(token))
        return result

    assert list(entries("Russia")) == ["Measures against (3):"]
    japan = entries("Japan")
    assert list(japan) == ["Measures taken (2):"]
    # The section refers to the numbered key developments instead of repeating them.
    claims = [
        inline_text(next(t for t in item if t.type == "inline"))
        for item in list_items(briefing.section("Key developments"))
    ]
    for line in japan["Measures taken (2):"]:
        number = int(line.removeprefix("see ").split(":")[0])
        assert claims[number - 1].startswith("Japan ")


def test_bottom_line_is_written_from_the_facts() -> None:
    articles = sample_articles()
    briefing = parse(render_briefing(articles, options=OPTIONS))
    paragraphs = [inline_text(t) for t in briefing.tokens if t.type == "inline"]
    [bottom] = [p for p in paragraphs if p.startswith("Bottom line:")]
    assert "From 2022-04-08 to 2022-04-10, 3 articles report 3 measures" in bottom
    assert "taken by Japan (2) and European Union (1)" in bottom
    assert "mainly against Russia (3)" in bottom
    assert "2 announced or in force and 1 planned" in bottom
    for article in articles:
        for fact in article.facts:
            assert fact.sentence not in bottom

    # Fewer facts, other numbers: the paragraph follows the data.
    only_eu = parse(render_briefing(articles[1:2], options=OPTIONS))
    [bottom] = [
        inline_text(t)
        for t in only_eu.tokens
        if t.type == "inline" and t.content.startswith("**Bottom line")
    ]
    # What happened comes first, in a plain sentence; then the counts.
    assert bottom.startswith("Bottom line: European Union plans to impose sanctions on Russia")
    assert "On 2022-04-10, 1 article reports 1 measure" in bottom
    assert "taken by European Union (1)" in bottom


def test_pinned_only_and_hidden_facts() -> None:
    articles = sample_articles()
    pinned = parse(render_briefing(articles, options=ExportOptions(pinned_only=True)))
    assert len(pinned.tables[0]) == 2
    assert pinned.front_matter["fact_count"] == 1
    # Articles without a pinned fact are still cited, under "Other articles".
    assert_footnotes_resolve(pinned)
    assert pinned.footnote_definitions == {"a3", "a5", "a7"}

    hidden_eu = make_article(
        5, (make_fact(3, 5, measure="sanctions", actor="European Union", hidden=True),)
    )
    default = parse(render_briefing([hidden_eu], options=OPTIONS))
    assert default.tables == []
    assert default.front_matter["fact_count"] == 0
    shown = parse(render_briefing([hidden_eu], options=ExportOptions(include_hidden=True)))
    assert len(shown.tables[0]) == 2
    assert "hidden" in inline_text(
        next(t for t in list_items(shown.section("Key developments"))[0] if t.type == "inline")
    )


def test_every_measure_and_status_reads_as_a_sentence() -> None:
    for measure in MEASURE_TYPES:
        for status in STATUSES:
            article = make_article(1, (make_fact(1, 1, measure=measure, status=status),))
            briefing = parse(render_briefing([article], options=OPTIONS))
            claim = next(
                t for t in list_items(briefing.section("Key developments"))[0] if t.type == "inline"
            )
            text = inline_text(claim)
            assert text.startswith("Japan "), text
            assert "a measure (" not in text, f"no wording for {measure}"
            assert strong_texts(claim) == ["Japan", "8 Russian diplomats"]
            assert f"— {status.replace('_', ' ')}," in text
    lifted = make_article(
        1, (make_fact(1, 1, measure="sanctions", status="lifted", target="Iran", quantity=None),)
    )
    claim_text = inline_text(
        next(
            t
            for t in list_items(
                parse(render_briefing([lifted], options=OPTIONS)).section("Key developments")
            )[0]
            if t.type == "inline"
        )
    )
    assert claim_text.startswith("Japan lifts sanctions on Iran — lifted,")


def test_claim_details_and_unknown_measures() -> None:
    article = make_article(
        1,
        (
            make_fact(1, 1, when="In October", status="in_force", origin="user"),
            make_fact(2, 1, measure="cyber_retaliation", target=None, quantity=None, start=5),
            make_fact(3, 1, actor=None, when="Friday", edited=True, start=9),
        ),
    )
    briefing = parse(render_briefing([article], options=OPTIONS))
    claims = [
        inline_text(next(t for t in item if t.type == "inline"))
        for item in list_items(briefing.section("Key developments"))
    ]
    assert claims == [
        "Japan expels 8 Russian diplomats — in force, in October, 2022-04-08, added by the analyst",
        "Japan takes a measure (cyber retaliation) — announced, Friday, 2022-04-08",
        "An unnamed actor expels 8 Russian diplomats — announced, Friday, 2022-04-08, "
        "corrected by the analyst",
    ]
    assert [row[1:3] for row in briefing.tables[0][1:]] == [
        ["expulsion", "Japan"],
        ["cyber retaliation", "Japan"],
        ["expulsion", "—"],
    ]


def test_a_target_inferred_from_the_story_reads_as_inferred() -> None:
    """The Netherlands' sentence names nobody its measure falls on: the pipeline took Uganda,
    the state of the story. The claim, the bottom line, the table and the Actors section say
    so; Denmark's sentence names Uganda and reads as before."""
    uganda = (Actor("Uganda", "GPE", "Uganda", 0, 6, "country"),)
    netherlands = make_fact(
        1, 1, measure="aid_suspension", actor="Netherlands", target="Uganda", quantity=None,
        when="on Tuesday", sentence="The Netherlands suspended its aid on Tuesday.",
        target_stated=False,
    )  # fmt: skip
    denmark = make_fact(
        2, 2, measure="aid_suspension", actor="Denmark", target="Uganda", quantity=None,
        when=None, sentence="Denmark suspended its aid to Uganda.",
    )  # fmt: skip
    articles = [
        make_article(1, (netherlands,), actors=uganda),
        make_article(2, (denmark,), actors=uganda, meta=ArticleMeta(published="2022-04-07")),
    ]
    text = render_briefing(articles, options=OPTIONS)
    briefing = parse(text)
    items = list_items(briefing.section("Key developments"))
    claims = [next(t for t in item if t.type == "inline") for item in items]
    assert [inline_text(claim) for claim in claims] == [
        "Netherlands suspends aid to Uganda (target inferred from the story) — announced, "
        "on Tuesday, 2022-04-08",
        "Denmark suspends aid to Uganda — announced, 2022-04-07",
    ]
    assert [strong_texts(claim) for claim in claims] == [
        ["Netherlands", "Uganda"],
        ["Denmark", "Uganda"],
    ]  # the mark is no part of the bold name
    assert [row[3] for row in briefing.tables[0][1:]] == ["Uganda (inferred)", "Uganda"]
    assert "Netherlands suspends aid to Uganda (target inferred from the story, 2022-04-08)." in (
        text
    )
    against = text.split("### Uganda", 1)[1].split("###", 1)[0]
    assert "- see 1: aid suspension, announced, 2022-04-08, target inferred from the story" in (
        against
    )
    assert "- see 2: aid suspension, announced, 2022-04-07\n" in against


def test_a_development_names_the_target_a_report_states() -> None:
    """Two reports of one development, the later one's target inferred: the claim takes the
    target a report states, with no mark; a development only inferred keeps the mark."""
    aid = {
        "measure": "aid_suspension",
        "actor": "Netherlands",
        "target": "Uganda",
        "quantity": None,
    }
    stated = make_fact(1, 1, **aid, sentence="The Netherlands suspended aid to Uganda.")
    inferred = make_fact(
        2, 2, **aid, sentence="The Netherlands suspended its aid.", target_stated=False
    )
    older = make_article(1, (stated,), meta=ArticleMeta(published="2022-04-07"))
    newer = make_article(2, (inferred,))
    both = ExportOptions(generated_at=GENERATED, developments={1: 7, 2: 7})
    briefing = parse(render_briefing([older, newer], options=both))
    (item,) = list_items(briefing.section("Key developments"))
    claim = inline_text(next(t for t in item if t.type == "inline"))
    assert claim == (
        "Netherlands suspends aid to Uganda — announced, Friday, 2022-04-07 to 2022-04-08, "
        "2 sources"
    )
    assert [row[3] for row in briefing.tables[0][1:]] == ["Uganda"]
    alone = parse(render_briefing([newer], options=both))
    assert [row[3] for row in alone.tables[0][1:]] == ["Uganda (inferred)"]


def test_joint_actors_are_split_into_the_actors_the_article_names() -> None:
    mentions = (
        *(Actor(name, "GPE", name, 0, 1, "country") for name in ("Poland", "Czech Republic")),
        Actor("Bulgaria", "GPE", "Bulgaria", 0, 1, "country"),
        Actor("Russian", "NORP", "Russia", 0, 1, "country"),
    )
    joint = "Poland, Czech Republic and Bulgaria"
    article = make_article(
        1,
        (
            make_fact(
                1, 1, measure="transport_ban", actor=joint, target="Russian airlines", quantity=None
            ),
            make_fact(2, 1, actor=joint, status="planned", quantity="2", start=3),
            # Not a list of mentioned actors: one actor, singular verb.
            make_fact(3, 1, actor="Bosnia and Herzegovina", target="two envoys", start=5),
        ),
        actors=mentions,
    )
    briefing = parse(render_briefing([article], options=OPTIONS))
    claims = [
        inline_text(next(t for t in item if t.type == "inline")).split(" — ")[0]
        for item in list_items(briefing.section("Key developments"))
    ]
    assert claims == [
        "Poland, Czech Republic and Bulgaria impose a transport ban on Russian airlines",
        "Poland, Czech Republic and Bulgaria plan to expel 2 Russian diplomats",
        # The target states its number already: the quantity is not repeated.
        "Bosnia and Herzegovina expels two envoys",
    ]
    assert briefing.front_matter["actors"] == [
        "Bosnia and Herzegovina",
        "Bulgaria",
        "Czech Republic",
        "Poland",
        "Russia",
    ]
    headings = [h[1] for h in briefing.headings if h[0] == 3]
    # Most involved first (two measures each), then by name.
    assert headings == ["Bulgaria", "Czech Republic", "Poland", "Russia", "Bosnia and Herzegovina"]
    [table] = briefing.tables
    assert [row[2] for row in table[1:]] == [joint, joint, "Bosnia and Herzegovina"]


def test_empty_selection_is_a_short_valid_document() -> None:
    text = render_briefing([], options=ExportOptions(generated_at=GENERATED, selection="tag x"))
    briefing = parse(text)
    assert briefing.headings == [(1, "Briefing 2026-03-01")]
    assert briefing.tables == [] and briefing.footnote_refs == []
    assert briefing.front_matter["article_count"] == 0
    assert briefing.front_matter["period_start"] is None
    paragraphs = [inline_text(t) for t in briefing.tokens if t.type == "inline"]
    assert paragraphs == ["Briefing 2026-03-01", "No articles matched this selection (tag x)."]
    assert len(text.splitlines()) < 30


def test_output_is_deterministic() -> None:
    articles = sample_articles()
    first = render_briefing(articles, options=OPTIONS)
    assert render_briefing(articles, options=OPTIONS) == first
    shuffled = articles[:]
    random.Random(5).shuffle(shuffled)
    assert render_briefing(list(reversed(articles)), options=OPTIONS) == first
    assert render_briefing(shuffled, options=OPTIONS) == first
    # A naive datetime is taken as UTC; another time zone is converted.
    naive = ExportOptions(generated_at=GENERATED.replace(tzinfo=None), selection=OPTIONS.selection)
    assert render_briefing(articles, options=naive) == first
    later = ExportOptions(generated_at=GENERATED + timedelta(days=1), selection=OPTIONS.selection)
    changed = [
        (a, b)
        for a, b in zip(
            first.splitlines(),
            render_briefing(articles, options=later).splitlines(),
            strict=True,
        )
        if a != b
    ]
    assert [a.split(":")[0] for a, _ in changed] == ["date", "generated_at", "Selection"]


def test_id_is_derived_from_the_selection() -> None:
    articles = sample_articles()
    same = briefing_id(articles, ExportOptions(title="Another title", generated_at=GENERATED))
    assert briefing_id(list(reversed(articles)), OPTIONS) == same
    assert briefing_id(articles[:2], OPTIONS) != same
    assert briefing_id(articles, ExportOptions(pinned_only=True)) != same
    assert briefing_id(articles, ExportOptions(include_hidden=True)) != same


# --- Hostile text -------------------------------------------------------------------------------

HOSTILE = (
    "| pipe | *star* _under_ **bold** # hash > gt [link](http://evil.example) "
    "![img](http://evil.example/x.png) `code` <script>alert(1)</script> <!-- comment --> "
    "&amp; &#60; \\ back\\slash \\| \x1b[31mred\x1b[0m \x1b]8;;http://evil.example\x07osc\x1b]8;;\x07"
    " \u202eevil\u202c \u2066iso\u2069 \x00nul\x07bel\x08bs\x7fdel\x85nel\x9b2Jc1 \r\n# heading"
    "\n- item\n+ plus\n1. one\n2) two\n> quote\n---\n===\n    indented\n```fence\n$x$ ~~s~~ [^a1]"
    " <http://auto.example> https://bare.example"
)
LEADING = ["# h", "- x", "+ x", "1. x", "12) x", "> q", "=== x", "--- x", "    code", "\tcode"]


def hostile_articles() -> list:
    facts = tuple(
        make_fact(
            i,
            2,
            measure="sanctions",
            actor=lead + " " + HOSTILE,
            target=HOSTILE + " " + lead,
            quantity=lead,
            when=HOSTILE,
            status="announced",
            sentence=lead + HOSTILE,
            note=HOSTILE,
            pinned=i % 2 == 0,
        )
        for i, lead in enumerate(LEADING, start=1)
    )
    return [
        make_article(
            2,
            facts,
            title=HOSTILE,
            path=HOSTILE,
            meta=ArticleMeta(
                source=HOSTILE, published="2022-04-08", url="javascript:alert(1)", tags=(HOSTILE,)
            ),
            tags=(HOSTILE,),
            actors=(Actor(HOSTILE, "GPE", HOSTILE, 0, 1, "country"),),
        ),
        make_article(
            4,
            (),
            title=LEADING[3],
            meta=ArticleMeta(source=LEADING[1], url="http://x.example/a>b<c"),
            tags=(),
        ),
        make_article(
            6, (), title=LEADING[0], path="`" + HOSTILE + "``", meta=ArticleMeta(), tags=()
        ),
        # "2022" followed by the source line's full stop must not become a list marker.
        make_article(8, (), title="2022", path="", meta=ArticleMeta(), tags=()),
    ]


def test_a_caret_before_a_note_reference_makes_no_inline_footnote() -> None:
    # Found by the property test below: the source "^" followed by its note reference "[^1]"
    # read as the inline footnote "^[^1]" (a note made of article text).
    fact = make_fact(1, 1, actor=None, target=None, quantity=None, when=None, sentence="")
    article = make_article(1, (fact,), meta=ArticleMeta(source="^"), title="")
    text = render_briefing([article], options=ExportOptions(generated_at=GENERATED))
    briefing = parse(text)
    refs = [c for c in briefing.all_inline_children() if c.type == "footnote_ref"]
    assert refs and all("label" in c.meta for c in refs)  # only references to the Sources
    assert_footnotes_resolve(briefing)
    assert "\\^" in text


def test_hostile_text_stays_data() -> None:
    articles = hostile_articles()
    options = ExportOptions(title=HOSTILE, generated_at=GENERATED, selection=HOSTILE)
    text = render_briefing(articles, options=options)
    briefing = parse(text)
    clean = plain(HOSTILE)

    assert not FORBIDDEN_CHARACTERS.search(text)
    assert "\x1b" not in text and "31m" not in text and "8;;" not in text
    # No HTML, images or links came through; the only structure is the briefing's own.
    kinds = {t.type for t in briefing.tokens} | {c.type for c in briefing.all_inline_children()}
    assert not kinds & {"html_block", "html_inline", "image", "link_open", "code_block", "fence"}
    assert not kinds & {"hr", "em_open"}
    # The one code span is the file's name (after the last slash) in the Sources, verbatim.
    assert [c.content for c in briefing.all_inline_children() if c.type == "code_inline"] == [
        plain("`" + HOSTILE + "``").rsplit("/", 1)[-1]
    ]
    html = PARSER.render(text)
    assert "<script" not in html and "<!--" not in html and "<img" not in html
    assert 'href="http' not in html and "javascript:" not in html.replace("javascript:alert", "")
    assert [h for h in briefing.headings if h[0] == 1] == [(1, clean)]
    assert [h for h in briefing.headings if h[0] == 2] == [
        (2, "Key developments"),
        (2, "Measures"),
        (2, "Actors"),
        (2, "Other articles in this selection"),
        (2, "Sources"),
    ]
    # One level-3 heading per actor, each the actor's cleaned name.
    actor_names = {plain(f.actor) for f in articles[0].facts}
    assert {h[1] for h in briefing.headings if h[0] == 3} == actor_names | {clean}

    [table] = briefing.tables
    assert len(table) == 1 + len(LEADING)
    for row, cells in zip(table[1:], briefing.table_inlines[0][1:], strict=True):
        assert len(row) == 6
        assert row[2] in actor_names
        assert row[3].startswith(clean) and row[3] != clean
        assert row[5] == clean
        assert [c.meta["label"] for c in cells[5].children or () if c.type == "footnote_ref"] == [
            "a2"
        ]
    assert_footnotes_resolve(briefing)
    assert_sources_are_paragraphs(briefing)

    for item in list_items(briefing.section("Key developments")):
        claim = next(t for t in item if t.type == "inline")
        actor, target = strong_texts(claim)
        assert actor in actor_names and target.startswith(clean)
        texts = [inline_text(t) for t in item if t.type == "inline"]
        assert f"Analyst's note: {clean}" in texts
        # Evidence is quoted once; a development from the same sentence refers to it.
        assert any(
            (t.startswith("“") and t.endswith(f"{clean}”")) or t.startswith("(evidence quoted")
            for t in texts
        )

    front = briefing.front_matter
    assert front["title"] == clean and front["selection"] == clean
    assert front["tags"] == [clean]
    assert clean in front["actors"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\x1b[31mred\x1b[0m b", "ared b"),
        ("x\x1b]8;;http://e.example\x07link\x1b]8;;\x1b\\y", "xlinky"),
        ("\u202eevil\u2066a\u2069", "evila"),
        ("one\ntwo\r\n\tthree\x85four\u2028five", "one two three four five"),
        ("nul\x00 bell\x07 del\x7f c1\x9b31m", "nul bell del c1"),
        ("  spaced   out  ", "spaced out"),
    ],
)
def test_plain_removes_controls_and_escape_sequences(raw: str, expected: str) -> None:
    assert plain(raw) == expected


# --- Property: any text at all --------------------------------------------------------------

MARKDOWN_ALPHABET = st.sampled_from(
    [*"|*_#>-+=[]()`<>&!\\$~:;.0123456789 \n\t\r", "\x1b[", "\x1b]", "\x07", "\u202e"]
)
field_text = st.lists(st.one_of(MARKDOWN_ALPHABET, st.characters(codec="utf-8")), max_size=30).map(
    "".join
)
optional_text = st.one_of(st.none(), field_text)


@st.composite
def article_records(draw: st.DrawFn) -> list:
    articles = []
    fact_id = 0
    for article_id in range(1, draw(st.integers(1, 3)) + 1):
        facts = []
        for _ in range(draw(st.integers(0, 3))):
            fact_id += 1
            facts.append(
                make_fact(
                    fact_id,
                    article_id,
                    measure=draw(st.sampled_from(MEASURE_TYPES)),
                    actor=draw(optional_text),
                    target=draw(optional_text),
                    quantity=None,
                    when=draw(optional_text),
                    status=draw(st.sampled_from(STATUSES)),
                    sentence=draw(field_text),
                    note=draw(optional_text),
                    pinned=draw(st.booleans()),
                )
            )
        articles.append(
            make_article(
                article_id,
                tuple(facts),
                title=draw(field_text),
                path=draw(field_text),
                meta=ArticleMeta(
                    source=draw(optional_text),
                    published=draw(st.sampled_from([None, "2022-04-08", "2023-01-31"])),
                    url=draw(optional_text),
                ),
                tags=tuple(draw(st.lists(field_text, max_size=2))),
                actors=(Actor(draw(field_text), "GPE", draw(field_text), 0, 1, "country"),),
            )
        )
    return articles


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles=article_records(), title=optional_text)
def test_any_text_gives_a_well_formed_briefing(articles: list, title: str | None) -> None:
    text = render_briefing(articles, options=ExportOptions(title=title, generated_at=GENERATED))
    assert not FORBIDDEN_CHARACTERS.search(text)
    briefing = parse(text)
    assert [h[0] for h in briefing.headings].count(1) == 1
    assert briefing.front_matter["title"] == (plain(title) or briefing.headings[0][1])
    facts = [f for a in articles for f in a.facts]
    if not facts:
        assert briefing.tables == []
    else:
        [table] = briefing.tables
        assert len(table) == 1 + len(facts)
        assert all(len(row) == 6 for row in table)

        # Each cell renders as exactly the field's text: escaping neither lost nor added any.
        # A target (or actor) that is no whole name (a fragment, a pronoun) is left out.
        def named(text: str | None) -> str:
            return plain(text) if whole_name(plain(text)) else ""

        expected_rows = sorted(
            (named(f.actor) or "—", named(f.target) or "—", f.status.replace("_", " "))
            for f in facts
        )
        assert sorted((r[2], r[3], r[4]) for r in table[1:]) == expected_rows
        sources = {plain(a.meta.source) or "article" for a in articles}
        assert {r[5] for r in table[1:]} <= sources
        # The bold parts of the claims are exactly the actors and targets.
        claims = [
            next(t for t in item if t.type == "inline")
            for item in list_items(briefing.section("Key developments"))
        ]
        assert sorted(tuple(strong_texts(claim)) for claim in claims) == sorted(
            tuple(text for text in (named(f.actor), named(f.target)) if text) for f in facts
        )
    assert briefing.front_matter["tags"] == sorted(
        {plain(t) for a in articles for t in a.tags} - {""}, key=lambda t: (t.casefold(), t)
    )
    assert set(briefing.footnote_refs) == briefing.footnote_definitions
    assert briefing.footnote_definitions == {f"a{a.id}" for a in articles}
    assert_sources_are_paragraphs(briefing)
    # A file is cited by its name only, never its folder.
    names = {re.split(r"[\\/]", plain(a.path))[-1] for a in articles}
    assert {c.content for c in briefing.all_inline_children() if c.type == "code_inline"} <= names


# --- Writing ------------------------------------------------------------------------------------


def test_write_briefing_creates_the_file_atomically(tmp_path: Path) -> None:
    text = render_briefing(sample_articles(), options=OPTIONS)
    target = tmp_path / "briefing.md"
    assert write_briefing(target, text) == target
    assert target.read_bytes() == text.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.md"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_write_briefing_never_replaces_an_existing_file_unless_forced(tmp_path: Path) -> None:
    text = render_briefing(sample_articles(), options=OPTIONS)
    existing = {
        "notes.md": "# My notes\n\nDo not lose these.\n",
        "other.md": "---\ntype: briefing\nauthor: me\n---\nmine\n",
        "empty.md": "",
        # A briefing this tool wrote, then edited by the user: theirs now.
        "edited.md": text.replace("## Sources", "## Sources\n\nMy own remark."),
        "same.md": text,
    }
    for name, content in existing.items():
        target = tmp_path / name
        target.write_text(content, encoding="utf-8")
        with pytest.raises(ExportTargetExists, match="already exists") as refused:
            write_briefing(target, text)
        assert refused.value.path == target
        assert target.read_text(encoding="utf-8") == content
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_write_briefing_forced_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    target.write_text("# My notes\n", encoding="utf-8")
    target.chmod(0o600)
    later = ExportOptions(generated_at=GENERATED + timedelta(hours=1))
    newer = render_briefing(sample_articles()[:1], options=later)
    write_briefing(target, newer, force=True)
    assert target.read_text(encoding="utf-8") == newer
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.md"]


def test_write_briefing_reports_unusable_paths(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="is a directory"):
        write_briefing(tmp_path, "x")
    with pytest.raises(BriefingError, match="no directory"):
        write_briefing(tmp_path / "missing" / "b.md", "x")


def test_default_file_names_differ_by_day_and_selection(tmp_path: Path) -> None:
    late = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    assert default_file_name(late) == "briefing-2026-03-01-all.md"
    assert default_file_name(late, "article 12") == "briefing-2026-03-01-article-12.md"
    assert default_file_name(late, "search “Oil  embargo!”") == (
        "briefing-2026-03-01-search-oil-embargo.md"
    )
    assert (
        default_file_name(late, "search Émigrés/../x") == "briefing-2026-03-01-search-emigres-x.md"
    )
    long = default_file_name(late, "search " + "sanctions " * 20)
    assert len(long) < 80 and long.endswith("-sanctions.md")
    assert default_file_name(late, "“”") == "briefing-2026-03-01-all.md"
    name = default_file_name(late, "all")
    assert available_path(tmp_path, name) == tmp_path / name
    (tmp_path / name).write_text("x")
    assert available_path(tmp_path, name) == tmp_path / "briefing-2026-03-01-all-2.md"
    (tmp_path / "briefing-2026-03-01-all-2.md").write_text("x")
    assert available_path(tmp_path, name) == tmp_path / "briefing-2026-03-01-all-3.md"


def test_an_actor_named_by_a_plural_noun_takes_a_plural_verb() -> None:
    article = make_article(
        1,
        (
            make_fact(1, 1, actor="West African leaders"),
            make_fact(2, 1, actor="Lawmakers", status="planned", start=5),
            make_fact(3, 1, actor="United States", start=9),
            make_fact(4, 1, actor="Philippines", start=13),
        ),
    )
    briefing = parse(render_briefing([article], options=OPTIONS))
    claims = [
        inline_text(next(t for t in item if t.type == "inline")).split(" — ")[0]
        for item in list_items(briefing.section("Key developments"))
    ]
    # a state whose name ends in "s" stays singular
    assert sorted(claims) == sorted(
        [
            "West African leaders expel 8 Russian diplomats",
            "Lawmakers plan to expel 8 Russian diplomats",
            "United States expels 8 Russian diplomats",
            "Philippines expels 8 Russian diplomats",
        ]
    )
