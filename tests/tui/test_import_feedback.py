"""Imports as a new user sees them (issue 14): the toast names what was added and the list
selects it, unsupported files are named, a second import waits its turn, quitting during an
import asks first, articles stored by another process appear on their own, pasted text is
owner-only, and the article's details can be corrected in the reader."""

from __future__ import annotations

import asyncio
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from briefing.store import Library
from briefing.tui.app import ReaderApp, create_app
from briefing.tui.dialogs.article_form import ArticleForm
from briefing.tui.dialogs.confirm import ConfirmDialog
from briefing.tui.dialogs.import_dialog import ImportRequest
from briefing.tui.resources import sample_articles_dir
from briefing.tui.screens.main import MainScreen

from .conftest import run_async

WIDE = (120, 40)

ARTICLE = """Canada bans Russian oil imports

Canada on Monday banned imports of Russian crude oil, the government said.
"""


def main_screen(app: ReaderApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def messages(app: ReaderApp) -> str:
    return "\n".join(str(notification.message) for notification in app._notifications)


@pytest.mark.slow
@run_async
async def test_import_names_the_article_selects_it_and_names_skipped_files(
    library_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "canada.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        screen.start_import(ImportRequest(path=folder))
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = messages(app)
        assert "Added “Canada bans Russian oil imports”" in text
        assert "1 file skipped (not an article format): report.pdf" in text
        current = screen.article_list.current
        assert current is not None and current.title == "Canada bans Russian oil imports"


@pytest.mark.slow
@run_async
async def test_a_second_import_waits_for_the_first(empty_library_dir: Path, tmp_path: Path) -> None:
    first = tmp_path / "canada.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    app = create_app(empty_library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        screen.start_import(ImportRequest(path=sample_articles_dir()))
        assert screen.importing
        screen.start_import(ImportRequest(path=first))
        await pilot.pause()
        assert "Queued" in messages(app)
        for _ in range(600):  # the queue runs the second import after the first
            await app.workers.wait_for_complete()
            await pilot.pause()
            if not screen.importing:
                break
        samples = [p for p in sample_articles_dir().iterdir() if p.suffix in {".txt", ".md"}]
        assert screen.article_list.row_count == len(samples) + 1


@run_async
async def test_quitting_during_an_import_asks_first(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        screen.import_runner.busy = True  # as while a worker runs
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        screen.import_runner.busy = False
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


ADD_ELSEWHERE = """
import sys
from briefing.model import Analysis, ArticleMeta
from briefing.store import Library

body = "Chile expelled two diplomats on Tuesday, the foreign ministry said."
with Library.open(sys.argv[1]) as library:
    analysis = Analysis("chile.txt", "Chile expels two diplomats", None, body, (), (), (), (),
                        meta=ArticleMeta(published="2099-01-01"))
    library.add_analysis(analysis, body)
"""


@run_async
async def test_articles_stored_by_another_process_appear_without_a_search(
    library_dir: Path,
) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        before = screen.article_list.row_count
        await pilot.press("j")  # the cursor on the second article stays on it
        selected = screen.article_list.current
        done = subprocess.run(
            [sys.executable, "-c", ADD_ELSEWHERE, str(library_dir)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        for _ in range(50):  # the reader looks every two seconds
            await asyncio.sleep(0.1)
            await pilot.pause()
            if screen.article_list.row_count > before:
                break
        assert screen.article_list.row_count == before + 1
        assert screen.article_list.summary_at(0).title == "Chile expels two diplomats"  # type: ignore[union-attr]
        assert screen.article_list.current == selected or (
            screen.article_list.current is not None
            and selected is not None
            and screen.article_list.current.id == selected.id
        )
        assert "1 new article in the library" in messages(app)


def test_pasted_text_is_kept_owner_only(empty_library_dir: Path) -> None:
    app = create_app(empty_library_dir)
    path = app.save_pasted_text("Headline\n\nBody text.")
    second = app.save_pasted_text("Other\n\nBody.")
    app.library.close()
    assert path != second
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8") == "Headline\n\nBody text."


@run_async
async def test_article_details_are_corrected_in_the_reader(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter", "E")
        await pilot.pause()
        assert isinstance(app.screen, ArticleForm)
        form = app.screen
        form.query_one("#field-published", Input).value = "8 April"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # A bad date is refused with the reason, and what was typed stays.
        assert app.screen is form
        assert form.query_one("#field-published", Input).value == "8 April"
        form.query_one("#field-published", Input).value = "2022-04-08"
        form.query_one("#field-source", Input).value = "Kyodo"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert screen.article is not None and screen.article.meta.source == "Kyodo"
        article_id = screen.article.id
    with Library.open(library_dir) as library:
        article = library.article(article_id)
    assert article.meta.published == "2022-04-08" and article.meta.source == "Kyodo"


@run_async
async def test_s_is_offered_again_after_a_cut_short_samples_import(data_dir: Path) -> None:
    from .conftest import make_analysis

    samples = sorted(p for p in sample_articles_dir().iterdir() if p.suffix in {".txt", ".md"})
    with Library.open(data_dir) as library:
        for path in samples[:2]:  # what a quit during the samples' import left behind
            text = path.read_text(encoding="utf-8")
            library.add_analysis(make_analysis(path.stem, "Some text."), text)
    app = create_app(data_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert main_screen(app).check_action("import_samples", ()) is True


@run_async
async def test_s_is_not_offered_on_a_library_of_ones_own(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert main_screen(app).check_action("import_samples", ()) is False


@run_async
async def test_article_form_saves_on_enter_and_on_save_and_cancels_on_cancel(
    library_dir: Path,
) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter", "E")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ArticleForm)
        form.query_one("#field-source", Input).value = "Not kept"
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.screen is screen and screen.article is not None
        assert screen.article.meta.source != "Not kept"
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ArticleForm)
        form.query_one("#field-source", Input).value = "Kyodo"
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is screen and screen.article.meta.source == "Kyodo"
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ArticleForm)
        field = form.query_one("#field-source", Input)
        field.focus()
        field.value = "Jiji"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.article.meta.source == "Jiji"
