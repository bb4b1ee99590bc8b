"""Importing from the reader: the bundled samples on first run (the real model, in a worker),
and the start of the reader never loading spaCy."""

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

asyncio.run(main())
"""


def test_reader_start_and_opening_never_load_the_model(library_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", START_WITHOUT_SPACY, str(library_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["False", "False"]


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
        await pilot.pause()
        assert screen.has_class("-importing")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.has_class("-importing")
        assert screen.article_list.row_count == len(samples)
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
