"""Importing from the reader: the bundled samples on first run (the real model, in a worker),
and the start of the reader never loading spaCy (nor the web libraries)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefing.store import Library
from briefing.tui.app import create_app
from briefing.tui.resources import sample_articles_dir
from briefing.tui.screens.main import MainScreen

from .conftest import run_async

START_WITHOUT_SPACY = """
import asyncio, sys
from briefing.tui.app import create_app

async def main():
    app = create_app(sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.article is not None
    print("spacy" in sys.modules, "briefing.nlp" in sys.modules)
    # Nor the web libraries (issue 11): they load with an import or a refresh only.
    print(*(name in sys.modules for name in ("trafilatura", "lxml", "httpx", "feedparser")))

asyncio.run(main())
"""


def test_reader_start_and_opening_never_load_the_model(library_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", START_WITHOUT_SPACY, str(library_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["False"] * 6


@pytest.mark.slow
@run_async
async def test_first_run_imports_the_bundled_samples(empty_library_dir: Path) -> None:
    samples = [p for p in sample_articles_dir().iterdir() if p.suffix in {".txt", ".md"}]
    app = create_app(empty_library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.check_action("import_samples", ()) is True
        await pilot.press("s")
        # No check of the importing state here: with the model already loaded in this
        # process (by earlier tests), the whole import can finish while the key is processed.
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.importing
        assert screen.article_list.row_count == len(samples)
        # A folder's import selects and opens the newest article, at the top of the list.
        assert screen.article_list.cursor == 0
        top = screen.article_list.summary_at(0)
        assert top is not None and screen.article is not None and screen.article.id == top.id
        assert screen.check_action("import_samples", ()) is False  # offered on empty only
        await pilot.press("enter")
        await pilot.pause()
        assert screen.article is not None
        assert len(screen.facts_panel.facts) == len(
            [fact for fact in screen.article.facts if not fact.hidden]
        )
    with Library.open(empty_library_dir) as library:
        assert library.count() == len(samples)
        assert library.facts()  # the real pipeline ran: the samples yield facts


PASTED = """EU bans imports of Russian steel
Brussels tightens the screws on Moscow
The European Union on Monday banned imports of Russian steel products, officials said.
The measure takes effect next month.
"""


@pytest.mark.slow
@run_async
async def test_pasted_text_is_imported(library_dir: Path) -> None:
    from textual import events
    from textual.widgets import TextArea

    from briefing.tui.dialogs.import_dialog import ImportDialog

    app = create_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        await pilot.click("#import-tabs Tab#--content-tab-tab-paste")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.focus()
        area.post_message(events.Paste(PASTED))  # what a terminal sends for a paste
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.article_list.row_count == 4
    with Library.open(library_dir) as library:
        [found] = library.summaries(search="steel products")
        assert found.title == "EU bans imports of Russian steel"
        assert Path(library.article(found.id).path).parent == library_dir / "pasted"


@pytest.mark.slow
@run_async
async def test_reanalyse_replaces_the_analysis_and_keeps_the_reader_going(
    library_dir: Path,
) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "r")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert not screen.importing
        assert screen.article is not None and screen.article.pipeline_version != "test"
    with Library.open(library_dir) as library:
        japan = library.summaries(search="Japan expels")[0]
        assert library.article(japan.id).pipeline_version not in ("", "test")
