"""The desk (issue 13): developments across the library, driven with real keys against a real
library: one event reported by two outlets a day apart is one development citing both; Enter
opens a source at its evidence; pins, notes, hides and restores reach the database; a bad
query says why and keeps the text; the dossier lists what an actor took and faced; the reader's
search box takes key:value terms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from briefing.model import Analysis
from briefing.store import Library
from briefing.store.records import StoredFact
from briefing.tui.app import ReaderApp, create_app
from briefing.tui.screens.desk import DeskScreen
from briefing.tui.screens.dossier import DossierScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.query_error import QueryErrorLine
from briefing.tui.widgets.sources_panel import SourcesPanel

from .conftest import FILLER, make_analysis, run_async

SIZE = (140, 40)


def first_report() -> Analysis:
    body = (
        "Japan is expelling eight Russian diplomats over the invasion of Ukraine. "
        + FILLER * 4
        + "Japan also announced new sanctions against Russia on Friday. "
        + FILLER * 2
    )
    return make_analysis(
        "Japan expels eight Russian diplomats",
        body,
        actors=[("Japan", "Japan", "country")],
        measures=[("expelling", "expulsion"), ("sanctions", "sanctions")],
        facts=[
            ("expulsion", "Japan", "eight Russian diplomats", "Japan is expelling"),
            ("sanctions", "Japan", "Russia", "announced new sanctions"),
        ],
        published="2024-04-08",
        source="AP",
    )


def second_report() -> Analysis:
    body = (
        FILLER * 3
        + "Tokyo ordered Russian diplomats to leave the country within a week. "
        + FILLER * 2
    )
    return make_analysis(
        "Tokyo orders Russian envoys out",
        body,
        actors=[("Tokyo", "Japan", "country")],
        measures=[("ordered Russian diplomats to leave", "expulsion")],
        facts=[("expulsion", "Japan", "Russian diplomats", "Tokyo ordered")],
        published="2024-04-09",
        source="Reuters",
    )


def unrelated_reports() -> list[Analysis]:
    return [
        make_analysis(
            "Canada freezes assets of oligarchs",
            "Canada froze the assets of five oligarchs on Tuesday. " + FILLER * 3,
            actors=[("Canada", "Canada", "country")],
            measures=[("froze the assets", "asset_freeze")],
            facts=[("asset_freeze", "Canada", "five oligarchs", "froze the assets")],
            published="2024-03-20",
            source="Globe",
        ),
        make_analysis(
            "Russia bans Japanese seafood",
            "Russia banned imports of seafood from Japan. " + FILLER * 3,
            actors=[("Russia", "Russia", "country"), ("Japan", "Japan", "country")],
            measures=[("banned imports", "import_ban")],
            facts=[("import_ban", "Russia", "Japan", "banned imports")],
            published="2024-03-10",
            source="Tass",
        ),
    ]


@pytest.fixture
def desk_dir(data_dir: Path) -> Iterator[Path]:
    with Library.open(data_dir) as library:
        for analysis in [first_report(), second_report(), *unrelated_reports()]:
            library.add_analysis(analysis, analysis.title + "\n" + analysis.body)
    yield data_dir


def desk(app: ReaderApp) -> DeskScreen:
    screen = app.screen
    assert isinstance(screen, DeskScreen), screen
    return screen


def main(app: ReaderApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


async def open_desk(app: ReaderApp, pilot: Pilot[None]) -> DeskScreen:
    await pilot.press("D")
    await pilot.pause()
    return desk(app)


async def go_to(pilot: Pilot[None], screen: DeskScreen, measure: str) -> None:
    """Move the desk's cursor with j until the development of this measure is under it."""
    await pilot.press("g")
    for _ in range(screen.developments.row_count):
        current = screen.developments.current
        assert current is not None
        if current.measure == measure:
            return
        await pilot.press("j")
    raise AssertionError(f"no {measure} development on the desk")


def screen_text(app: ReaderApp) -> str:
    """What the terminal shows now, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def expulsion_facts(data_dir: Path) -> list[StoredFact]:
    with Library.open(data_dir, read_only=True) as library:
        return [f for f in library.facts(include_hidden=True) if f.measure == "expulsion"]


@run_async
async def test_two_reports_of_one_event_are_one_development_citing_both(desk_dir: Path) -> None:
    app = create_app(desk_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_desk(app, pilot)
        listing = screen.developments
        # Expulsion (both reports), sanctions, asset freeze, import ban: four, newest first.
        assert listing.row_count == 4
        first = listing.development_at(0)
        assert first is not None and first.measure == "expulsion"
        assert [s.source for s in first.sources] == ["AP", "Reuters"]
        assert first.report_count == 2
        # What the row and the sources panel draw.
        text = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "EXPULSION" in text and "2 sources" in text and "last 2024-04-09" in text
        panel = screen.sources
        assert [s.title for s in panel.sources] == [
            "Japan expels eight Russian diplomats",
            "Tokyo orders Russian envoys out",
        ]
        assert "Tokyo ordered Russian diplomats to leave" in text
        # The unrelated measures stay apart.
        measures = {listing.development_at(i).measure for i in range(4)}  # type: ignore[union-attr]
        assert measures == {"expulsion", "sanctions", "asset_freeze", "import_ban"}
        await pilot.press("escape")
        await pilot.pause()
        main(app)


@run_async
async def test_enter_on_a_source_opens_its_article_at_the_evidence(desk_dir: Path) -> None:
    app = create_app(desk_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_desk(app, pilot)
        await go_to(pilot, screen, "expulsion")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, SourcesPanel)
        await pilot.press("j")  # the second report: Reuters
        await pilot.pause()
        chosen = screen.sources.current
        assert chosen is not None and chosen.source == "Reuters"
        await pilot.press("enter")
        await pilot.pause()
        reader = main(app)
        assert reader.article is not None
        assert reader.article.title == "Tokyo orders Russian envoys out"
        view = reader.article_view
        assert isinstance(app.focused, ArticleView)
        assert view.evidence == (chosen.fact.start, chosen.fact.end)
        body = reader.article.body
        assert body[chosen.fact.start : chosen.fact.end].startswith("Tokyo ordered")
        # Back at the desk, the query typed before is kept.
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DeskScreen)


@run_async
async def test_pin_note_hide_and_restore_from_the_desk_reach_the_database(
    desk_dir: Path,
) -> None:
    app = create_app(desk_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_desk(app, pilot)
        await go_to(pilot, screen, "expulsion")
        # Space on a development pins every one of its reports.
        await pilot.press("space")
        await pilot.pause()
        facts = expulsion_facts(desk_dir)
        assert len(facts) == 2 and all(f.pinned for f in facts)
        current = screen.developments.current
        assert current is not None and current.pinned
        # In the sources, keys act on the highlighted report: unpin the second, note on it.
        await pilot.press("enter", "j", "f")
        await pilot.pause()
        by_source = {f.article_id: f for f in expulsion_facts(desk_dir)}
        reuters = screen.sources.current
        assert reuters is not None and reuters.source == "Reuters"
        assert not by_source[reuters.article_id].pinned
        assert sum(f.pinned for f in by_source.values()) == 1
        await pilot.press("N")
        await pilot.pause()
        await pilot.press(*"second outlet", "enter")
        await pilot.pause()
        noted = [f for f in expulsion_facts(desk_dir) if f.note]
        assert [(f.article_id, f.note) for f in noted] == [(reuters.article_id, "second outlet")]
        # d on the development hides every report: it leaves the desk.
        await pilot.press("escape")
        await pilot.pause()
        await go_to(pilot, screen, "expulsion")
        await pilot.press("d")
        await pilot.pause()
        assert all(f.hidden for f in expulsion_facts(desk_dir))
        assert screen.developments.row_count == 3
        # H lists it again (⊘), and d restores it.
        await pilot.press("H")
        await pilot.pause()
        assert screen.developments.row_count == 4
        await go_to(pilot, screen, "expulsion")
        hidden = screen.developments.current
        assert hidden is not None and hidden.hidden
        assert {k: a.binding.description for k, a in app.screen.active_bindings.items()}[
            "d"
        ] == "Restore"
        await pilot.press("d")
        await pilot.pause()
        assert not any(f.hidden for f in expulsion_facts(desk_dir))


@run_async
async def test_edit_on_the_desk_corrects_every_report(desk_dir: Path) -> None:
    app = create_app(desk_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_desk(app, pilot)
        await go_to(pilot, screen, "expulsion")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab")  # actor → target
        await pilot.pause()
        target = app.focused
        assert isinstance(target, Input) and target.id == "field-target"
        target.value = "Russian embassy staff"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert {f.target for f in expulsion_facts(desk_dir)} == {"Russian embassy staff"}


@run_async
async def test_a_bad_query_shows_its_error_and_keeps_the_query(desk_dir: Path) -> None:
    app = create_app(desk_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_desk(app, pilot)
        await pilot.press("slash", *"measure:expulsion")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.developments.row_count == 1
        await pilot.press("slash", "end", *" mesure:x", "enter")
        await pilot.pause()
        error = screen.query_one("#desk-query-error", QueryErrorLine)
        assert error.message is not None and "unknown key 'mesure'" in error.message
        assert error.display
        assert screen.query_box.value == "measure:expulsion mesure:x"
        assert screen.developments.row_count == 1  # the list as it was
        # Fixed, it filters; the error goes.
        screen.query_box.value = "actor:US,Japan -measure:expulsion"
        await pilot.press("enter")
        await pilot.pause()
        assert error.message is None
        current = screen.developments.current
        assert screen.developments.row_count == 1
        assert current is not None and current.measure == "sanctions"


@run_async
async def test_the_dossier_lists_what_the_actor_took_and_faced(desk_dir: Path) -> None:
    app = create_app(desk_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_desk(app, pilot)
        await go_to(pilot, screen, "expulsion")
        await pilot.press("a")
        await pilot.pause()
        dossier_screen = app.screen
        assert isinstance(dossier_screen, DossierScreen)
        dossier = dossier_screen.dossier
        assert dossier.name == "Japan"
        assert sorted(d.measure for d in dossier.took) == ["expulsion", "sanctions"]
        assert [d.measure for d in dossier.faced] == ["import_ban"]
        assert [d.report_count for d in dossier.took if d.measure == "expulsion"] == [2]
        text = screen_text(app)
        assert "Took 2 measures: 1 expulsion, 1 sanctions" in text
        assert "Faced 1 measure: 1 import ban · 1 announced" in text
        # Enter opens the development's first source; Esc went back to the desk before.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("t")  # the target, "eight Russian diplomats": Russia's side
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a", "G", "enter")  # the last: Faced, the Russian import ban
        await pilot.pause()
        reader = main(app)
        assert reader.article is not None and reader.article.title == "Russia bans Japanese seafood"


@run_async
async def test_the_reader_search_box_filters_with_key_value_terms(desk_dir: Path) -> None:
    app = create_app(desk_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        articles = screen.article_list
        assert articles.row_count == 4
        await pilot.press("slash", *"measure:asset_freeze", "enter")
        await pilot.pause()
        assert articles.row_count == 1
        assert articles.current is not None
        assert articles.current.title == "Canada freezes assets of oligarchs"
        assert "1 of 1 matching" in str(screen.sub_title)
        # Bare words still search the text; with a key they combine.
        search = screen.query_one("#filter", Input)
        await pilot.press("slash")  # Enter moved to the list: back to the box, to submit it
        search.value = "diplomats actor:Japan"
        await pilot.press("enter")
        await pilot.pause()
        assert {articles.summary_at(i).title for i in range(articles.row_count)} == {  # type: ignore[union-attr]
            "Japan expels eight Russian diplomats",
            "Tokyo orders Russian envoys out",
        }
        await pilot.press("slash")
        search.value = "-actor:Japan"
        await pilot.press("enter")
        await pilot.pause()
        assert articles.row_count == 2
        # A bad query: the error under the box, the text kept, the list as it was.
        await pilot.press("slash")
        search.value = "status:maybe"
        await pilot.press("enter")
        await pilot.pause()
        error = screen.query_one("#filter-error", QueryErrorLine)
        assert error.message is not None and "'maybe'" in error.message
        assert "status" in error.message
        assert search.value == "status:maybe"
        assert articles.row_count == 2
        # Plain words: the full-text search as before.
        search.value = "seafood"
        await pilot.press("enter")
        await pilot.pause()
        assert error.message is None
        assert articles.row_count == 1 and articles.query_filter is None


@run_async
async def test_the_palette_opens_the_desk_and_help_lists_its_keys(desk_dir: Path) -> None:
    from briefing.tui.commands import ReaderCommands

    app = create_app(desk_dir)
    async with app.run_test(size=SIZE) as pilot:
        reader = main(app)
        provider = ReaderCommands(reader)
        commands = {name: callback for name, _help, callback in provider.commands()}
        assert "Desk (reader)" in commands
        await commands["Desk (reader)"]()
        await pilot.pause()
        screen = desk(app)
        sections = {title: bindings for title, _node, bindings in app.binding_sections(screen)}
        assert {"Desk", "Developments", "Sources"} <= set(sections)
        for bindings in sections.values():
            for binding in bindings:
                assert binding.id and binding.description and binding.tooltip, binding


@run_async
async def test_the_readers_export_lists_one_event_once_with_both_sources(
    desk_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`x` in the reader builds the briefing from developments, as `briefing export` does."""
    monkeypatch.chdir(tmp_path)
    app = create_app(desk_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+u", *"brief.md", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    text = (tmp_path / "brief.md").read_text(encoding="utf-8")
    developments = text.split("## Key developments", 1)[1].split("\n## ", 1)[0]
    items = [line for line in developments.splitlines() if line[:1].isdigit()]
    expulsions = [line for line in items if "expels" in line]
    assert len(expulsions) == 1, items  # one event, once (not once per article)
    assert "2 sources" in expulsions[0]


@run_async
async def test_briefing_desk_starts_at_the_desk_with_its_query(desk_dir: Path) -> None:
    app = create_app(desk_dir, desk_query="measure:expulsion")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = desk(app)
        assert screen.query_box.value == "measure:expulsion"
        assert "Canada" not in screen_text(app)  # the query is applied at once
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)  # the reader, made when the desk is left
        assert main(app).desk_query == "measure:expulsion"


@run_async
async def test_from_a_desk_start_a_source_opens_in_the_reader_and_undo_goes_on(
    desk_dir: Path,
) -> None:
    app = create_app(desk_dir, desk_query="measure:expulsion")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")  # pin the development (every report)
        await pilot.pause()
        assert all(fact.pinned for fact in expulsion_facts(desk_dir))
        await pilot.press("enter", "enter")  # into its sources, then open the first
        await pilot.pause()
        await pilot.pause()
        reader = main(app)
        assert reader.article is not None and "expel" in reader.article.body.lower()
        assert reader.article_view.evidence is not None
        await pilot.press("u")  # the desk's pin is in the reader's undo history
        await pilot.pause()
        assert not any(fact.pinned for fact in expulsion_facts(desk_dir))


def test_briefing_desk_refuses_a_bad_query_before_the_terminal_changes(desk_dir: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "briefing", "desk", "actr:Japan"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "unknown key 'actr'" in done.stderr and "\x1b" not in done.stdout


@run_async
async def test_u_in_the_reader_undoes_the_desks_changes(desk_dir: Path) -> None:
    app = create_app(desk_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_desk(app, pilot)
        await go_to(pilot, screen, "expulsion")
        await pilot.press("space", "d")  # pin, then hide, every report of the development
        await pilot.pause()
        assert all(f.pinned and f.hidden for f in expulsion_facts(desk_dir))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("u")  # the hide, on both reports
        await pilot.pause()
        facts = expulsion_facts(desk_dir)
        assert len(facts) == 2 and all(f.pinned and not f.hidden for f in facts)
        await pilot.press("u")  # the pin
        await pilot.pause()
        assert not any(f.pinned for f in expulsion_facts(desk_dir))
        assert "Undone: pin." in " ".join(str(n.message) for n in app._notifications)


@run_async
async def test_a_development_whose_target_no_report_states_is_marked(uganda_dir: Path) -> None:
    app = create_app(uganda_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_desk(app, pilot)
        listing = screen.developments
        rows = [listing.development_at(i) for i in range(listing.row_count)]
        by_actor = {d.actor: d for d in rows if d is not None}
        assert not by_actor["Netherlands"].target_stated and by_actor["Denmark"].target_stated
        text = screen_text(app)
        assert "Netherlands → Uganda (inferred)" in text
        assert "Denmark → Uganda (" not in text
        # The sources say which report inferred it.
        await pilot.press("g")
        while screen.developments.current is not None and (
            screen.developments.current.actor != "Netherlands"
        ):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, SourcesPanel)
        panel = screen.sources
        lines = (panel.render_line(y).text.strip() for y in range(panel.size.height))
        assert "target Uganda inferred from the story" in " ".join(line for line in lines if line)
        # A correction of the report's target is the user's: stated, and the mark goes.
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-target", Input).value = "Ugandan government"
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "Netherlands → Ugandan government" in text and "inferred" not in text
