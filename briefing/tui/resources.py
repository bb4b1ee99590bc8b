"""Files the reader ships with: its styles and the bundled sample articles.

In an installed wheel they live inside the package (``briefing/styles``,
``briefing/sample_articles``, see pyproject's force-include); in a source checkout they are at
the top of the repository. Look next to the package first, then one level up.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def styles_dir() -> Path:
    return _bundled("styles")


def stylesheets() -> list[Path]:
    """Every ``*.tcss`` file, in name order (later files override earlier ones)."""
    return sorted(styles_dir().glob("*.tcss"))


def reader_stylesheets() -> list[Path]:
    """What the reader's start parses: the main screen's styles only."""
    return [styles_dir() / "reader.tcss"]


def dialog_stylesheets() -> list[Path]:
    """The dialogs' styles, parsed when the first dialog opens (each dialog's ``CSS_PATH``),
    so that start-up does not pay for rules no first screen uses."""
    return [styles_dir() / "dialogs.tcss"]


def sample_articles_dir() -> Path:
    return _bundled("sample_articles")
