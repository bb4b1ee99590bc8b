"""Screenshots of the reader compared with the committed SVGs (pytest-textual-snapshot).

Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and review the new SVGs in the diff.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.theme import BUILTIN_THEMES

from briefing.store import Library
from briefing.tui.app import create_app

from .conftest import make_analysis

SnapCompare = Any  # the plugin's fixture: snap_compare(app, press=..., terminal_size=...)


def test_main_screen_wide(library_dir: Path, snap_compare: SnapCompare) -> None:
    app = create_app(library_dir)
    assert snap_compare(app, press=["enter", "tab", "tab", "j", "j"], terminal_size=(120, 40))


def test_main_screen_80x24(library_dir: Path, snap_compare: SnapCompare) -> None:
    app = create_app(library_dir)
    assert snap_compare(app, press=["enter"], terminal_size=(80, 24))


def test_help_screen(library_dir: Path, snap_compare: SnapCompare) -> None:
    app = create_app(library_dir)
    assert snap_compare(app, press=["question_mark"], terminal_size=(120, 40))


def test_empty_library_offers_the_samples(
    empty_library_dir: Path, snap_compare: SnapCompare
) -> None:
    app = create_app(empty_library_dir)
    assert snap_compare(app, terminal_size=(100, 30))


def test_hostile_markup_article(data_dir: Path, snap_compare: SnapCompare) -> None:
    body = (
        "Officials wrote [bold red]ALERT[/bold red] and [link=https://evil.example]here[/link] "
        "and [@click=app.quit]quit[/]. A paste \x1b]52;c;SGVsbG8=\x07 then \x1b[2J cleared.\n\n"
        "Japan imposed sanctions on [red]Russia[/red]."
    )
    analysis = make_analysis(
        "[b]Markup[/b] in a \x1b[31mheadline",
        body,
        actors=[("Japan", "Japan", "country")],
        measures=[("sanctions", "sanctions")],
        facts=[("sanctions", "Japan", "[red]Russia[/red]", "Japan imposed")],
        dek="[i]dek[/i] with \x1b]8;;https://x\x1b\\link",
    )
    with Library.open(data_dir) as library:
        article_id, _ = library.add_analysis(analysis, body)
    app = create_app(data_dir, open_article=article_id)
    assert snap_compare(app, terminal_size=(120, 30))


@pytest.mark.parametrize("theme", sorted(BUILTIN_THEMES))
def test_marked_lines_and_list_meta_in_every_theme(
    library_dir: Path, snap_compare: SnapCompare, theme: str
) -> None:
    """A fact's marked evidence lines and the list's muted meta lines, readable in each built-in
    theme (the contrast itself is measured in test_themes.py; this is the picture to review)."""
    app = create_app(library_dir)
    app.theme = theme
    assert snap_compare(app, press=["enter", "tab", "tab", "j"], terminal_size=(120, 24))
