"""The reader under a read-only or busy library, with mouse input, and its highlight styles:
nothing here may end in a traceback or a silent loss."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import briefing.store.library as store_library
from briefing.model import ACTOR_KINDS, MEASURE_TYPES
from briefing.store import Library
from briefing.tui.app import ReaderApp, create_app
from briefing.tui.dialogs.export_dialog import ExportDialog
from briefing.tui.dialogs.import_dialog import ImportDialog, PathSuggester
from briefing.tui.rendering import MEASURE_FAMILIES, Palette, display_safe, sentence_spans
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.article_list import ROW_HEIGHT, ArticleList
from briefing.tui.widgets.facts_panel import FactsPanel

from .conftest import run_async

WIDE = (120, 40)


def screen_of(app: ReaderApp) -> MainScreen:
    return next(s for s in app.screen_stack if isinstance(s, MainScreen))


def notifications(app: ReaderApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def pinned(data_dir: Path) -> list[str]:
    with Library.open(data_dir) as library:
        return [fact.measure for fact in library.facts(pinned_only=True)]


@run_async
async def test_read_only_library_refuses_changes_with_a_notice(library_dir: Path) -> None:
    app = create_app(library_dir, read_only=True)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter", "tab", "tab", "space", "d")
        await pilot.pause()
        assert isinstance(app.focused, FactsPanel)
        assert "read-only" in screen_of(app).sub_title
        assert "read-only" in notifications(app)
        assert len(screen_of(app).facts_panel.facts) == 3  # the hide did not happen
        await pilot.press("s", "i")  # no sample offer on a full library; import opens its dialog
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        await pilot.press("escape")
        assert app.is_running
    assert pinned(library_dir) == []


@run_async
async def test_busy_library_reports_instead_of_crashing(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_library, "BUSY_TIMEOUT_S", 0.2)
    app = create_app(library_dir)
    blocker = sqlite3.connect(next(library_dir.glob("*.sqlite3")), isolation_level=None)
    try:
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("enter", "tab", "tab")
            await pilot.pause()
            blocker.execute("BEGIN EXCLUSIVE")
            await pilot.press("space")
            await pilot.pause()
            assert "busy" in notifications(app)
            assert app.is_running
            blocker.execute("ROLLBACK")
            await pilot.press("space")  # the store is free again: this pin is saved
            await pilot.pause()
    finally:
        blocker.close()
    assert pinned(library_dir) == ["expulsion"]


@run_async
async def test_mouse_click_opens_and_scrolling_changes_nothing(data_dir: Path) -> None:
    from .conftest import make_analysis

    with Library.open(data_dir) as library:
        for number in range(60):
            analysis = make_analysis(f"Story {number:02d}", f"Text of story {number}.")
            library.add_analysis(analysis, analysis.body)
    app = create_app(data_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = screen_of(app)
        articles = screen.query_one(ArticleList)
        await pilot.click(ArticleList, offset=(5, 2 * ROW_HEIGHT))
        await pilot.pause()
        assert articles.cursor == 2
        assert screen.article is not None and screen.article.id == articles.current.id  # type: ignore[union-attr]
        opened = screen.article.id
        for _ in range(10):
            await pilot.mouse_down(ArticleList, offset=(5, 5))  # focus stays; no open
            await pilot.mouse_up(ArticleList, offset=(5, 5))
        articles.scroll_to(y=40, animate=False)
        await pilot.pause()
        assert articles.cursor == 2 and screen.article.id == opened


@run_async
async def test_export_dialog_writes_the_briefing(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the dialog proposes a file in the working directory
    target = tmp_path / "out" / "brief.md"
    target.parent.mkdir()
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter", "tab", "tab", "space", "x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("ctrl+u", *"out/brief.md", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Wrote" in notifications(app)
    text = target.read_text(encoding="utf-8")
    assert "Japan" in text and "Canada" in text


@run_async
async def test_path_completion(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "article.md").write_text("x")
    suggester = PathSuggester()
    assert await suggester.get_suggestion(str(tmp_path / "articl")) == str(tmp_path / "article.md")
    assert (
        await suggester.get_suggestion(str(tmp_path / "articles"))
        == str(tmp_path / "articles") + "/"
    )
    assert await suggester.get_suggestion(str(tmp_path / "nothing")) is None


def test_highlights_never_rely_on_colour_alone() -> None:
    from textual.app import App

    # No theme at all (plain styles) and a real theme's variables.
    for variables in ({}, App().get_css_variables()):
        palette = Palette.from_variables(variables)
        assert all(palette.actors[k].bold or palette.actors[k].italic for k in ACTOR_KINDS)
        assert palette.actors["person"].italic
        assert {MEASURE_FAMILIES[m] for m in MEASURE_TYPES} == set(palette.families)
        assert all(style.underline for style in palette.families.values())


def test_display_safe_keeps_offsets_and_drops_controls() -> None:
    hostile = "a\x1b[2Jb\x1b]52;c;x\x07c\r\td\u202ee\x9bf"
    shown = display_safe(hostile)
    assert len(shown) == len(hostile)
    assert not any(ch in shown for ch in "\x1b\x07\r\t\u202e\x9b")
    assert shown.replace("\ufffd", "").replace(" ", "") == "a[2Jb]52;c;xcdef"


def test_sentence_spans_cover_the_sentences() -> None:
    body = 'He said "Go." Then left! Really?\n\nNew paragraph here.'
    spans = sentence_spans(body)
    assert [body[s:e] for s, e in spans] == [
        'He said "Go."',
        "Then left!",
        "Really?",
        "New paragraph here.",
    ]
