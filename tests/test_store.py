"""The library store on real SQLite files: dedupe, listing, search, fact curation, re-analysis."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.model import Actor, Analysis, ArticleMeta, CleanArticle, Fact, Measure
from briefing.store import (
    UNSET,
    ArticleNotFound,
    FactNotFound,
    Library,
    LibraryNotFound,
    LibraryNotWritable,
    StoredFact,
    content_hash,
    fts_query,
)

if TYPE_CHECKING:
    from briefing.nlp import Analyzer

JAPAN = "Japan expels eight Russian diplomats."
TOKYO = "Tokyo also freezes the assets of two Russian banks."


def fact(sentence: str, body: str, measure: str = "expulsion", actor: str | None = "Japan") -> Fact:
    start = body.index(sentence)
    return Fact(measure, actor, "Russian diplomats", "8", "Friday", "announced", sentence, start,
                start + len(sentence))  # fmt: skip


def analysis(
    title: str = "Japan expels diplomats",
    body: str = f"{JAPAN} {TOKYO}",
    facts: tuple[Fact, ...] | None = None,
    *,
    published: str | None = "2022-04-08",
    tags: tuple[str, ...] = (),
    version: str = "1",
) -> Analysis:
    if facts is None:
        facts = (fact(JAPAN, body), fact(TOKYO, body, "asset_freeze", "Japan"))
    return Analysis(
        path=f"/articles/{title}.txt",
        title=title,
        dek="A dek",
        body=body,
        removed=("Share this article",),
        actors=(Actor("Japan", "GPE", "Japan", 0, 5, "country"),),
        measures=(Measure("expels", "expulsion", 6, 12),),
        facts=facts,
        meta=ArticleMeta(source="Sample Wire", published=published, tags=tags),
        pipeline_version=version,
    )


@pytest.fixture
def library(data_dir: Path) -> Iterator[Library]:
    with Library.open() as lib:
        yield lib


def test_opens_in_the_data_dir_owner_only(library: Library, data_dir: Path) -> None:
    assert library.path == data_dir / "library.sqlite3"
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    library.add_analysis(analysis(), "raw")
    for name in ("library.sqlite3", "library.sqlite3-wal"):
        assert stat.S_IMODE((data_dir / name).stat().st_mode) == 0o600, name
    pragmas = sqlite3.connect(library.path)
    assert pragmas.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_round_trip_keeps_every_field(library: Library) -> None:
    original = analysis(tags=("Russia", " diplomacy "))
    article_id, created = library.add_analysis(original, "raw text\n")
    assert created
    stored = library.article(article_id)
    assert (stored.title, stored.dek, stored.body) == (original.title, "A dek", original.body)
    assert stored.raw_text == "raw text\n"
    assert stored.removed == original.removed
    assert stored.actors == original.actors
    assert stored.measures == original.measures
    assert stored.meta.source == "Sample Wire" and stored.meta.published == "2022-04-08"
    assert stored.tags == ("diplomacy", "russia")
    assert stored.unread and stored.pipeline_version == "1"
    assert stored.content_hash == content_hash("raw text")
    assert [(f.measure, f.sentence, f.start, f.end) for f in stored.facts] == [
        (f.measure, f.sentence, f.start, f.end) for f in original.facts
    ]
    assert all(f.origin == "machine" and not f.pinned and not f.edited for f in stored.facts)
    assert all(stored.body[f.start : f.end] == f.sentence for f in stored.facts)


def test_same_content_is_stored_once_even_from_another_path(library: Library) -> None:
    first, created = library.add_analysis(analysis(), "Headline\nBody text.\n")
    again, created_again = library.add_analysis(
        analysis(title="other path"), "\ufeffHeadline  \r\nBody text.\r\n\r\n"
    )
    other, created_other = library.add_analysis(analysis(), "Headline\nBody text, edited.\n")
    assert created and not created_again and created_other
    assert again == first and other != first
    assert library.count() == 2
    assert library.find_by_hash(content_hash("Headline\nBody text.")) == first


def test_summaries_newest_first_with_counts_and_tags(library: Library) -> None:
    old, _ = library.add_analysis(analysis("Old", published="2020-01-01"), "1")
    new, _ = library.add_analysis(analysis("New", published="2023-05-01", tags=("eu",)), "2")
    undated, _ = library.add_analysis(analysis("Undated", published=None), "3")
    later, _ = library.add_analysis(analysis("Undated later", published=None), "4")
    hidden_one = library.article(new).facts[0].id
    library.update_fact(hidden_one, hidden=True)
    library.set_unread(old, False)
    summaries = library.summaries()
    # Dated articles first, newest first; then the undated ones, last imported first (they
    # used to sort by their import day, above every dated article).
    assert [s.id for s in summaries] == [new, old, later, undated]
    assert [s.id for s in library.summaries(offset=1, limit=2)] == [old, later]
    assert [a.id for a in library.articles()] == [new, old, later, undated]
    library.remove(later)
    by_id = {s.id: s for s in summaries}
    assert by_id[new].fact_count == 1 and by_id[old].fact_count == 2
    assert by_id[new].tags == ("eu",) and by_id[old].tags == ()
    assert not by_id[old].unread and by_id[new].unread
    assert [s.id for s in library.summaries(offset=2, limit=1)] == [undated]
    assert [s.id for s in library.summaries(tag="EU")] == [new]
    assert library.count(tag="eu") == 1 and library.count(tag="none") == 0


def test_search_finds_headline_and_body_and_follows_changes(library: Library) -> None:
    coal = analysis("EU bans coal", "The union bans Russian coal imports.", facts=())
    coal_id, _ = library.add_analysis(coal, "coal")
    japan_id, _ = library.add_analysis(analysis(), "japan")
    assert [s.id for s in library.summaries(search="coal")] == [coal_id]
    assert [s.id for s in library.summaries(search="diplomat")] == [japan_id]  # prefix
    assert library.count(search="expels diplomats") == 1
    assert library.count(search="expels coal") == 0
    library.replace_analysis(coal_id, analysis("EU bans oil", "The union bans oil.", facts=()))
    assert library.count(search="coal") == 0 and library.count(search="oil") == 1
    library.remove(japan_id)
    assert library.count(search="diplomats") == 0


@pytest.mark.parametrize(
    "query",
    ['"', "AND", "OR NOT", "NEAR(", "a*b", "-x", "title:x", "(((", "^", "'", "\x00", "  ", "é*"],
)
def test_search_syntax_in_user_text_never_raises(library: Library, query: str) -> None:
    library.add_analysis(analysis(), "raw")
    assert library.count(search=query) == len(library.summaries(search=query))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_search_text_is_a_safe_query(library: Library, query: str) -> None:
    if library.count() == 0:
        library.add_analysis(analysis(), "raw")
    library.summaries(search=query)  # must not raise
    built = fts_query(query)
    assert built is None or built.count('"') % 2 == 0


def test_fact_state_pin_note_hide_and_corrections(library: Library) -> None:
    article_id, _ = library.add_analysis(analysis(), "raw")
    first = library.article(article_id).facts[0]
    pinned = library.update_fact(first.id, pinned=True, note="  check with desk ")
    assert pinned.pinned and pinned.note == "check with desk"
    kept = library.update_fact(first.id, hidden=False)
    assert kept.note == "check with desk"  # note=UNSET leaves it alone
    assert library.update_fact(first.id, note=None).note is None
    assert library.update_fact(first.id, note=UNSET).note is None
    corrected = library.update_fact(
        first.id, corrections={"actor": "Tokyo", "quantity": None, "status": "in_force"}
    )
    assert (corrected.actor, corrected.quantity, corrected.status) == ("Tokyo", None, "in_force")
    assert corrected.edited and corrected.corrected == ("actor", "quantity", "status")
    back = library.update_fact(first.id, corrections={"actor": "Japan"}, revert=["quantity"])
    assert (back.actor, back.quantity, back.corrected) == ("Japan", "8", ("status",))
    for bad in ({"measure": "invasion"}, {"status": None}, {"sentence": "x"}, {"nope": "x"}):
        with pytest.raises(BriefingError):
            library.update_fact(first.id, corrections=bad)
    assert library.fact(first.id).corrected == ("status",)  # failed updates changed nothing
    library.update_fact(first.id, hidden=True)
    assert first.id not in [f.id for f in library.facts(article_id)]
    assert first.id in [f.id for f in library.facts(article_id, include_hidden=True)]
    assert [f.id for f in library.facts(pinned_only=True, include_hidden=True)] == [first.id]
    with pytest.raises(FactNotFound):
        library.update_fact(999, pinned=True)


def test_add_fact_by_hand_with_and_without_evidence(library: Library) -> None:
    article_id, _ = library.add_analysis(analysis(), "raw")
    body = library.article(article_id).body
    with_evidence = library.add_fact(
        article_id, measure="asset_freeze", actor="Tokyo", target="two banks", quantity="2",
        when=None, status="announced", sentence=TOKYO, start=0, end=0,
    )  # fmt: skip
    assert with_evidence.origin == "user"
    assert body[with_evidence.start : with_evidence.end] == TOKYO  # offsets found from the text
    bare = library.add_fact(
        article_id, measure="sanctions", actor=" ", target=None, quantity=None, when=None,
        status="planned", sentence="", start=5, end=9,
    )  # fmt: skip
    assert (bare.actor, bare.start, bare.end) == (None, 0, 0)
    assert [f.id for f in library.facts(article_id)][-1] == bare.id  # no evidence: last
    with pytest.raises(BriefingError):
        library.add_fact(
            article_id, measure="sanctions", actor=None, target=None, quantity=None, when=None,
            status="announced", sentence="Not in the article.", start=0, end=0,
        )  # fmt: skip
    with pytest.raises(ArticleNotFound):
        library.add_fact(
            999, measure="sanctions", actor=None, target=None, quantity=None, when=None,
            status="announced", sentence="", start=0, end=0,
        )  # fmt: skip


def test_replace_analysis_keeps_what_the_user_touched(library: Library) -> None:
    body = f"{JAPAN} {TOKYO} Seoul joins the sanctions."
    seoul = "Seoul joins the sanctions."
    article_id, _ = library.add_analysis(
        analysis(body=body, facts=(fact(JAPAN, body), fact(TOKYO, body, "asset_freeze"),
                                   fact(seoul, body, "sanctions", "South Korea"))),
        "raw",
    )  # fmt: skip
    library.add_tags(article_id, ["asia"])
    library.set_unread(article_id, False)
    japan, tokyo, korea = library.article(article_id).facts
    library.update_fact(japan.id, pinned=True, note="lead item", corrections={"target": "envoys"})
    library.update_fact(tokyo.id, hidden=True)
    library.update_fact(korea.id, note="gone in v2")
    by_hand = library.add_fact(
        article_id, measure="travel_ban", actor="Japan", target=None, quantity=None, when=None,
        status="planned", sentence="", start=0, end=0,
    )  # fmt: skip

    # v2 of the pipeline: the body gains a paragraph in front, Japan's fact gets a date, Tokyo's
    # fact is found again, Seoul's is no longer found, and a new fact appears.
    new_body = f"Update. {body}"
    new_japan = Fact("expulsion", "Japan", "Russian diplomats", "8", "on Friday", "in_force",
                     JAPAN, new_body.index(JAPAN), new_body.index(JAPAN) + len(JAPAN))  # fmt: skip
    fresh = fact("Update.", new_body, "sanctions", "Japan")
    stored = library.replace_analysis(
        article_id,
        analysis(body=new_body, facts=(new_japan, fact(TOKYO, new_body, "asset_freeze"), fresh),
                 version="2"),
    )  # fmt: skip
    facts = {f.id: f for f in stored.facts}
    assert stored.pipeline_version == "2" and stored.tags == ("asia",) and not stored.unread
    # Matched: same id, user state kept, new machine values under the user's correction.
    assert facts[japan.id].pinned and facts[japan.id].note == "lead item"
    assert facts[japan.id].target == "envoys" and facts[japan.id].when == "on Friday"
    assert new_body[facts[japan.id].start : facts[japan.id].end] == JAPAN
    # Hidden stays hidden, and its match does not come back as a new visible fact.
    assert facts[tokyo.id].hidden
    assert [f.sentence for f in stored.facts if not f.hidden].count(TOKYO) == 0
    # Touched but unmatched: kept, offsets moved to where its sentence now is.
    assert facts[korea.id].note == "gone in v2"
    assert new_body[facts[korea.id].start : facts[korea.id].end] == seoul
    assert by_hand.id in facts
    # Untouched machine facts are replaced by the new ones.
    new_ids = set(facts) - {japan.id, tokyo.id, korea.id, by_hand.id}
    assert [facts[i].sentence for i in new_ids] == ["Update."]
    assert len(stored.facts) == 5


def test_update_article_edits_title_source_date_and_url(library: Library) -> None:
    article_id, _ = library.add_analysis(analysis("Japan expels diplomats"), "raw")
    other, _ = library.add_analysis(analysis("Later news", published="2023-01-01"), "other")
    edited = library.update_article(
        article_id, title="  Tokyo  expels envoys ", published="2024-02-29",
        url="https://example.org/japan?id=1",
    )  # fmt: skip
    assert edited.title == "Tokyo expels envoys"
    assert edited.meta.published == "2024-02-29" and edited.meta.source == "Sample Wire"
    assert edited.meta.url == "https://example.org/japan?id=1"
    assert library.article(article_id) == edited
    # The full-text index follows the title; the list order follows the date.
    assert [s.id for s in library.summaries(search="envoys")] == [article_id]
    assert library.count(search="Tokyo expels envoys") == 1
    assert article_id in {s.id for s in library.summaries(search="Japan expels")}  # the body
    assert [s.id for s in library.summaries()] == [article_id, other]
    # Empty clears source, date and URL; an undated article goes below the dated ones.
    cleared = library.update_article(article_id, source="", published="", url=None)
    assert (cleared.meta.source, cleared.meta.published, cleared.meta.url) == (None, None, None)
    assert cleared.title == "Tokyo expels envoys"
    assert [s.id for s in library.summaries()] == [other, article_id]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "  ", "title cannot be empty"),
        ("published", "2022-02-30", "not a date"),
        ("published", "April 8, 2022", "not a date"),
        ("published", "2022-4-8", "not a date"),
        ("url", "ftp://example.org/x", "not a web address"),
        ("url", "example.org/x", "not a web address"),
        ("url", "https://", "not a web address"),
        ("url", "https://example.org/a b", "not a web address"),
    ],
)
def test_update_article_refuses_bad_values_and_changes_nothing(
    library: Library, field: str, value: str, message: str
) -> None:
    article_id, _ = library.add_analysis(analysis(), "raw")
    before = library.article(article_id)
    with pytest.raises(BriefingError, match=message):
        library.update_article(article_id, **{"title": "New title", field: value})
    assert library.article(article_id) == before
    with pytest.raises(ArticleNotFound):
        library.update_article(999, title="x")


def test_reanalysis_keeps_the_fields_the_user_edited(library: Library) -> None:
    article_id, _ = library.add_analysis(analysis("Machine title", published=None), "raw")
    library.update_article(article_id, title="My title", published="2022-04-08")
    fresh = analysis("Machine title v2", published="2022-04-09", version="2")
    stored = library.replace_analysis(article_id, fresh)
    assert stored.title == "My title" and stored.meta.published == "2022-04-08"
    assert stored.meta.source == "Sample Wire"  # not edited: the reading's value
    # A field cleared by the user stays cleared.
    library.update_article(article_id, source=None)
    assert library.replace_analysis(article_id, fresh).meta.source is None
    # Not edited: the new reading's title is taken.
    other, _ = library.add_analysis(analysis("Other", published=None), "other")
    assert library.replace_analysis(other, fresh).title == "Machine title v2"


def test_tags_remove_and_missing_articles(library: Library) -> None:
    article_id, _ = library.add_analysis(analysis(), "raw")
    assert library.add_tags(article_id, ["Sanctions", "sanctions ", "Japan  desk"]) == (
        "japan desk",
        "sanctions",
    )
    assert library.remove_tags(article_id, ["SANCTIONS"]) == ("japan desk",)
    assert library.all_tags() == [("japan desk", 1)]
    with pytest.raises(BriefingError):
        library.add_tags(article_id, ["  "])
    library.remove(article_id)
    for call in (
        lambda: library.article(article_id),
        lambda: library.remove(article_id),
        lambda: library.set_unread(article_id, True),
        lambda: library.add_tags(article_id, ["x"]),
        lambda: library.facts(article_id),
    ):
        with pytest.raises(ArticleNotFound):
            call()
    assert library.facts() == [] and library.all_tags() == []


def test_articles_for_export_by_ids_tag_and_dates(library: Library) -> None:
    a, _ = library.add_analysis(analysis("A", published="2022-01-10", tags=("x",)), "a")
    b, _ = library.add_analysis(analysis("B", published="2022-02-10"), "b")
    c, _ = library.add_analysis(analysis("C", published="2022-03-10", tags=("x",)), "c")
    assert [s.id for s in library.articles()] == [c, b, a]
    assert [s.id for s in library.articles([a, c])] == [c, a]
    assert [s.id for s in library.articles(tag="x", since="2022-02-01")] == [c]
    assert [s.id for s in library.articles(since="2022-02-10", until="2022-02-10")] == [b]
    assert library.articles([]) == []
    assert library.articles([b], tag="x") == []  # left out by the tag: no error
    with pytest.raises(ArticleNotFound):
        library.articles([a, 999])
    with pytest.raises(ArticleNotFound):
        library.articles([999], tag="x")
    assert library.article_ids(not_pipeline_version="1") == []
    assert library.article_ids() == [c, b, a]  # last imported first


def test_fact_ids_are_never_reused(library: Library) -> None:
    first, _ = library.add_analysis(analysis(), "one")
    ids = [f.id for f in library.article(first).facts]
    library.remove(first)
    second, _ = library.add_analysis(analysis(), "two")
    assert min(f.id for f in library.article(second).facts) > max(ids)


def test_read_only_library_reads_and_refuses_writes(data_dir: Path) -> None:
    with pytest.raises(LibraryNotFound):
        Library.open(read_only=True)
    with Library.open() as writer:
        article_id, _ = writer.add_analysis(analysis(), "raw")
    with Library.open(read_only=True) as reader:
        assert reader.read_only and reader.article(article_id).title == "Japan expels diplomats"
        with pytest.raises(LibraryNotWritable):
            reader.set_unread(article_id, False)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_directory_says_so_and_read_only_still_works(data_dir: Path) -> None:
    with Library.open() as writer:
        writer.add_analysis(analysis(), "raw")
    data_dir.chmod(0o500)
    try:
        with pytest.raises(LibraryNotWritable):
            Library.open()
        with Library.open(read_only=True) as reader:
            assert reader.count() == 1
    finally:
        data_dir.chmod(0o700)


def test_a_library_directory_that_cannot_be_made_is_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(LibraryNotWritable, match="cannot create the library directory"):
        Library.open(blocker / "library")
    with pytest.raises(LibraryNotFound):
        Library.open(blocker / "library", read_only=True)


# -- targets the pipeline inferred from the story ----------------------------------------------

UGANDA = (
    "Uganda passed a harsh new law last month, drawing criticism from donors.\n\n"
    "The Netherlands suspended its aid on Tuesday, the foreign ministry said.\n\n"
    "Denmark suspended its aid to Uganda on Wednesday."
)


def uganda(analyzer: Analyzer, body: str = UGANDA, *, version: str = "1") -> Analysis:
    """The real pipeline's analysis: the Netherlands' sentence names nobody its measure falls
    on (the target is the story's state, inferred), Denmark's names Uganda (stated)."""
    result = analyzer.analyze(CleanArticle("uganda.txt", body, "Donors cut aid", None, body, ()))
    return dataclasses.replace(result, meta=ArticleMeta(published="2023-06-01"),
                               pipeline_version=version)  # fmt: skip


def by_actor(facts: Sequence[StoredFact]) -> dict[str | None, StoredFact]:
    return {fact.actor: fact for fact in facts}


def test_an_inferred_target_is_stored_as_inferred(
    analyzer: Analyzer, library: Library, data_dir: Path
) -> None:
    article_id, _ = library.add_analysis(uganda(analyzer), UGANDA)
    library.close()
    with Library.open(data_dir, read_only=True) as reopened:
        for facts in (
            reopened.article(article_id).facts,
            reopened.facts(article_id),
            reopened.query_facts("target:Uganda"),
            [source.fact for d in reopened.developments() for source in d.sources],
        ):
            found = by_actor(facts)
            assert (found["Netherlands"].target, found["Netherlands"].target_stated) == (
                "Uganda",
                False,
            )
            assert (found["Denmark"].target, found["Denmark"].target_stated) == ("Uganda", True)


def test_the_users_target_is_stated_and_a_revert_brings_the_inference_back(
    analyzer: Analyzer, library: Library
) -> None:
    article_id, _ = library.add_analysis(uganda(analyzer), UGANDA)
    netherlands = by_actor(library.facts(article_id))["Netherlands"]
    assert not netherlands.target_stated
    # Another fact field corrected: the target is still the machine's inference.
    assert not library.update_fact(netherlands.id, corrections={"status": "in_force"}).target_stated
    corrected = library.update_fact(netherlands.id, corrections={"target": "Ugandan government"})
    assert (corrected.target, corrected.target_stated) == ("Ugandan government", True)
    reverted = library.update_fact(netherlands.id, revert=["target"])
    assert (reverted.target, reverted.target_stated, reverted.corrected) == (
        "Uganda",
        False,
        ("status",),
    )
    # Setting the inferred name itself confirms it: the user stated it.
    confirmed = library.update_fact(netherlands.id, corrections={"target": "Uganda"})
    assert (confirmed.target, confirmed.target_stated) == ("Uganda", True)
    assert confirmed.corrected == ("status", "target")
    # A stated machine target set to its own value is no correction, as before.
    denmark = by_actor(library.facts(article_id))["Denmark"]
    same = library.update_fact(denmark.id, corrections={"target": "Uganda"})
    assert same.target_stated and same.corrected == ()
    # A fact added by hand states what the user typed.
    by_hand = library.add_fact(
        article_id, measure="aid_suspension", actor="Sweden", target="Uganda", quantity=None,
        when=None, status="announced", sentence="", start=0, end=0,
    )  # fmt: skip
    assert by_hand.target_stated


def test_reanalysis_takes_the_new_reading_of_the_target_unless_the_user_set_it(
    analyzer: Analyzer, library: Library
) -> None:
    article_id, _ = library.add_analysis(uganda(analyzer), UGANDA)
    facts = by_actor(library.facts(article_id))
    library.update_fact(facts["Netherlands"].id, pinned=True)  # touched: kept with its id
    library.update_fact(facts["Denmark"].id, corrections={"target": "Kampala"})
    # A later pipeline reads the same sentences the other way round: the Netherlands' target
    # stated, Denmark's inferred.
    new = uganda(analyzer, version="2")
    flipped = tuple(
        dataclasses.replace(f, target_stated=not f.target_stated)
        for f in new.facts
        if f.actor in ("Netherlands", "Denmark")
    )
    stored = library.replace_analysis(article_id, dataclasses.replace(new, facts=flipped))
    after = by_actor(stored.facts)
    assert len(stored.facts) == 2
    assert after["Netherlands"].id == facts["Netherlands"].id and after["Netherlands"].pinned
    assert (after["Netherlands"].target, after["Netherlands"].target_stated) == ("Uganda", True)
    assert (after["Denmark"].target, after["Denmark"].target_stated) == ("Kampala", True)
    reverted = library.update_fact(after["Denmark"].id, revert=["target"])
    assert (reverted.target, reverted.target_stated) == ("Uganda", False)


def test_a_development_states_its_target_when_one_of_its_reports_does(
    analyzer: Analyzer, library: Library
) -> None:
    library.add_analysis(uganda(analyzer), UGANDA)
    (alone,) = [d for d in library.developments() if d.actor == "Netherlands"]
    assert (alone.target, alone.target_stated) == ("Uganda", False)
    follow_up = "The Netherlands suspended its aid to Uganda, the Dutch foreign minister said."
    result = uganda(analyzer, follow_up)
    library.add_analysis(dataclasses.replace(result, title="Dutch aid"), follow_up)
    (both,) = [d for d in library.developments() if d.actor == "Netherlands"]
    assert both.id == alone.id and both.report_count == 2
    assert [s.fact.target_stated for s in both.sources] == [False, True]
    assert both.target_stated
    library.update_fact(both.sources[1].fact.id, hidden=True)  # the stating report hidden
    assert not library.development(both.id, include_hidden=True).target_stated
