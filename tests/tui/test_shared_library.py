"""The reader and the command line on one library at once, as two real processes.

This reproduces the sequence that destroyed libraries (issue 14): the reader imports in a
worker (which opened the library a second time and read its header with a Python ``open()``,
dropping the reader's POSIX locks), ``briefing list`` in another terminal then closed as if it
were the last user and deleted the write-ahead log under the reader; the reader's later writes
were lost and its second import and quit left a malformed file.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.store import Library
from briefing.tui.app import create_app
from briefing.tui.dialogs.import_dialog import ImportRequest
from briefing.tui.screens.main import MainScreen

from .conftest import run_async

SAMPLE = """Japan expels eight Russian diplomats

Japan said on Friday it would expel eight Russian diplomats over the invasion of Ukraine.
The foreign ministry said the diplomats must leave the country within days.
"""

SECOND = """Canada bans Russian oil imports

Canada on Monday banned imports of Russian crude oil, Prime Minister Justin Trudeau said.
The ban takes effect at once, the government said.
"""


def briefing(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line in its own process, on the library of ``BRIEFING_DATA_DIR``."""
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done


def integrity(db: Path) -> str:
    connection = sqlite3.connect(db)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.slow
@run_async
async def test_reader_and_cli_share_a_library_without_losing_a_write(
    empty_library_dir: Path, tmp_path: Path
) -> None:
    db = empty_library_dir / "library.sqlite3"
    first = tmp_path / "japan.txt"
    first.write_text(SAMPLE, encoding="utf-8")
    second = tmp_path / "canada.txt"
    second.write_text(SECOND, encoding="utf-8")
    app = create_app(empty_library_dir)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        # Terminal A imports once, through the reader's own import worker.
        screen.start_import(ImportRequest(path=first))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.article_list.row_count == 1
        # Terminal B lists the library and exits.
        listed = json.loads(briefing("list", "--json").stdout)
        assert [a["title"] for a in listed] == ["Japan expels eight Russian diplomats"]
        # The reader still uses the write-ahead log: B must not have deleted it.
        assert (empty_library_dir / "library.sqlite3-wal").exists()
        assert (empty_library_dir / "library.sqlite3-shm").exists()
        # A pins a fact; B sees the pin.
        await pilot.press("enter")
        screen.facts_panel.focus()
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        facts = json.loads(briefing("facts", "--json").stdout)
        assert facts and facts[0]["pinned"] is True
        # B writes a note; A reads it, and A's next write does not revert it.
        briefing("fact", str(facts[0]["id"]), "--note", "from terminal B")
        assert app.library.fact(facts[0]["id"]).note == "from terminal B"
        app.library.set_unread(facts[0]["article_id"], True)
        # A imports a second time, then quits.
        screen.start_import(ImportRequest(path=second))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.article_list.row_count == 2
        await pilot.press("q")
    # After A quit, B finds everything A and B wrote, in a sound file.
    listed = json.loads(briefing("list", "--json").stdout)
    assert sorted(a["title"] for a in listed) == [
        "Canada bans Russian oil imports",
        "Japan expels eight Russian diplomats",
    ]
    (japan,) = [a for a in listed if a["title"].startswith("Japan")]
    assert japan["unread"] is True
    facts = {f["id"]: f for f in json.loads(briefing("facts", "--json").stdout)}
    (noted,) = [f for f in facts.values() if f["note"]]
    assert noted["pinned"] is True and noted["note"] == "from terminal B"
    assert integrity(db) == "ok"


ADD_ELSEWHERE = """
from briefing.model import Analysis
from briefing.store import Library

body = "Canada banned imports of Russian crude oil on Monday."
with Library.open() as library:
    library.add_analysis(Analysis("c.txt", "Canada", None, body, (), (), (), ()), body)
"""


def test_opening_the_library_again_in_one_process_keeps_the_wal(data_dir: Path) -> None:
    """Any second open in one process (a worker, a check, a read-only view) leaves the first
    connection's locks alone: after another process closes, the WAL is still there, and the
    first connection sees what the other process wrote."""
    with Library.open(data_dir) as library:
        Library.open(data_dir).close()
        Library.open(data_dir, read_only=True).close()
        library.another_connection().close()
        briefing("list")
        assert (data_dir / "library.sqlite3-wal").exists()
        before = library.data_version()
        done = subprocess.run(
            [sys.executable, "-c", ADD_ELSEWHERE], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert library.data_version() != before
        assert library.count() == 1
        assert (data_dir / "library.sqlite3-wal").exists()
    assert integrity(data_dir / "library.sqlite3") == "ok"
