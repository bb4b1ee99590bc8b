"""The reader's export (x) with real key presses and real files: a default name of its own for
each selection, never replacing a file without asking, folders, and failures that keep the
typed path."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from briefing.store import Library
from briefing.tui.app import ReaderApp, create_app
from briefing.tui.dialogs.export_dialog import ExportDialog

from .conftest import run_async

WIDE = (120, 40)


def day() -> str:
    return f"{datetime.now(UTC):%Y-%m-%d}"


def notifications(app: ReaderApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def field(app: ReaderApp) -> str:
    assert isinstance(app.screen, ExportDialog)
    return app.screen.query_one("#export-path", Input).value


async def finish(app: ReaderApp, pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


def japan_id(library_dir: Path) -> int:
    with Library.open(library_dir) as library:
        return next(s.id for s in library.summaries() if s.title.startswith("Japan"))


@run_async
async def test_each_selection_gets_its_own_name_and_a_second_export_a_new_one(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp_path = tmp_path / "work"  # apart from the library's directory
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)
    article = japan_id(library_dir)
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter", "x")  # open the newest article (Japan), then export
        await pilot.pause()
        assert field(app) == str(tmp_path / f"briefing-{day()}-all.md")
        await pilot.press("tab", "up", "up", "enter")  # "This article"
        await pilot.pause()
        assert field(app) == str(tmp_path / f"briefing-{day()}-article-{article}.md")
        await pilot.press("ctrl+s")
        await finish(app, pilot)
        await pilot.press("x", "enter")  # all articles, default name
        await finish(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        # The same selection again: the next free name, the first file kept.
        assert field(app) == str(tmp_path / f"briefing-{day()}-all-2.md")
        await pilot.press("escape")
    one = (tmp_path / f"briefing-{day()}-article-{article}.md").read_text(encoding="utf-8")
    assert "article_count: 1" in one and "Japan" in one
    everything = (tmp_path / f"briefing-{day()}-all.md").read_text(encoding="utf-8")
    assert "article_count: 3" in everything
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"briefing-{day()}-all.md",
        f"briefing-{day()}-article-{article}.md",
    ]


@run_async
async def test_an_existing_file_is_replaced_only_after_yes(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    mine = tmp_path / "brief.md"
    mine.write_text("---\ntype: briefing\ngenerator: briefing\n---\nMy edits.\n")
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x", "ctrl+u", *"brief.md", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-confirm").display
        assert "already exists. Replace it?" in str(
            dialog.query_one("#export-confirm-text").render()
        )
        await pilot.press("n")  # back to the file field, nothing written
        await pilot.pause()
        assert app.screen is dialog and not dialog.query_one("#export-confirm").display
        assert mine.read_text() == "---\ntype: briefing\ngenerator: briefing\n---\nMy edits.\n"
        await pilot.press("enter")  # asks again; Enter alone answers Back
        await pilot.pause()
        await pilot.press("enter")
        await finish(app, pilot)
        assert app.screen is dialog and "My edits." in mine.read_text()
        await pilot.press("enter", "y")
        await finish(app, pilot)
        assert not isinstance(app.screen, ExportDialog)
        assert "Wrote" in notifications(app) and "3 articles" in notifications(app)
    assert "My edits." not in mine.read_text() and "article_count: 3" in mine.read_text()


@run_async
async def test_a_folder_gets_the_default_name_and_a_failure_keeps_the_typed_path(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x", "ctrl+u", *"notes", "enter")
        await finish(app, pilot)
        assert (tmp_path / "notes" / f"briefing-{day()}-all.md").exists()
        await pilot.press("x", "ctrl+u", *"missing/dir/b.md", "enter")
        await finish(app, pilot)
        # Writing failed: said so, and the dialog is back with the path as typed.
        assert "no directory" in notifications(app)
        assert isinstance(app.screen, ExportDialog) and field(app) == "missing/dir/b.md"
        await pilot.press("ctrl+u", *"notes/b.md", "enter")
        await finish(app, pilot)
        assert not isinstance(app.screen, ExportDialog)
    assert (tmp_path / "notes" / "b.md").exists()
