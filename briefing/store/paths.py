"""Where the library lives: one directory per user, overridable for tests and scripts."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "BRIEFING_DATA_DIR"
DB_FILENAME = "library.sqlite3"


def data_dir() -> Path:
    """``$BRIEFING_DATA_DIR`` if set (``briefing --data-dir`` sets it), else the platform's
    user data directory (``~/.local/share/briefing`` on Linux)."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("briefing", appauthor=False))


def db_path(directory: Path | None = None) -> Path:
    """The database file inside ``directory`` (default: :func:`data_dir`)."""
    return (directory if directory is not None else data_dir()) / DB_FILENAME
