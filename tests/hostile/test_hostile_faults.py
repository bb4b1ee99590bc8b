"""Faults: processes killed mid-write, a read-only or full library, several processes at once,
and libraries from a newer version or damaged. Afterwards the database opens, passes
``PRAGMA integrity_check`` and holds every change that was reported as saved."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.model import Actor, Analysis, ArticleMeta, Fact, Measure
from briefing.store import Library

from .support import assert_clean_failure, assert_terminal_safe, briefing

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


def _analysis(number: int) -> Analysis:
    """A small analysis with two facts, made by hand (no model needed)."""
    first = f"Japan expelled {number + 2} Russian diplomats on Friday."
    second = f"Canada froze the assets of {number + 3} oligarchs."
    body = f"{first} Officials said more could follow. {second}"
    start = body.index(second)
    return Analysis(
        path=f"story-{number}.txt",
        title=f"Story {number}: Japan expels diplomats",
        dek=None,
        body=body,
        removed=(),
        actors=(Actor("Japan", "GPE", "Japan", 0, 5, "country"),),
        measures=(Measure("expelled", "expulsion", 6, 14),),
        facts=(
            Fact(
                "expulsion",
                "Japan",
                "Russian diplomats",
                str(number + 2),
                "Friday",
                "announced",
                first,
                0,
                len(first),
            ),
            Fact(
                "asset_freeze",
                "Canada",
                "oligarchs",
                None,
                None,
                "announced",
                second,
                start,
                start + len(second),
            ),
        ),
        meta=ArticleMeta(source="Wire", published=f"2024-03-{number % 28 + 1:02d}"),
        pipeline_version="test",
    )


def _fill(library_dir: Path, count: int) -> list[int]:
    with Library.open(library_dir) as library:
        return [library.add_analysis(_analysis(n), _analysis(n).body)[0] for n in range(count)]


def _integrity(library_dir: Path) -> str:
    db = next(library_dir.glob("*.sqlite3"))
    with sqlite3.connect(db) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def _digest(directory: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.iterdir())
    }


def _start(data_dir: Path, code: str) -> subprocess.Popen[str]:
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


# -- kill -9 ---------------------------------------------------------------------------------
# (kill -9 during `briefing add` is tests/test_library_cli.py's
# test_import_killed_mid_run_leaves_an_intact_library_and_the_rerun_completes.)


def test_kill_during_fact_edits_keeps_every_reported_change(data_dir: Path) -> None:
    """`briefing fact ID --note ... --pin` over and over in one process, killed mid-way: each
    edit it printed (the CLI prints the fact once saved) is in the library."""
    article_id = _fill(data_dir, 1)[0]
    with Library.open(data_dir) as library:
        fact_id = library.facts(article_id)[0].id
    editor = _start(
        data_dir,
        f"""
        from briefing.cli import main
        for number in range(100_000):
            flag = "--pin" if number % 2 else "--unpin"
            main(["fact", "{fact_id}", "--note", f"edit {{number}}", flag])
        """,
    )
    assert editor.stdout is not None
    reported: list[int] = []
    while len(reported) < 25:
        line = editor.stdout.readline()
        assert line, editor.stderr.read() if editor.stderr else "editor stopped"
        if "note: edit " in line:
            reported.append(int(line.rsplit("edit ", 1)[1]))
    editor.send_signal(signal.SIGKILL)
    editor.communicate(timeout=30)
    assert editor.returncode == -signal.SIGKILL
    assert _integrity(data_dir) == "ok"
    with Library.open(data_dir) as library:
        fact = library.fact(fact_id)
    # The last printed edit is saved; at most one more (saved, killed before printing) follows.
    assert fact.note in (f"edit {reported[-1]}", f"edit {reported[-1] + 1}")
    assert fact.pinned == (int(fact.note.split()[1]) % 2 == 1)


def test_kill_during_export_never_leaves_a_half_written_briefing(
    data_dir: Path, tmp_path: Path
) -> None:
    _fill(data_dir, 300)
    target = tmp_path / "briefing.md"
    env_epoch = {"SOURCE_DATE_EPOCH": "1700000000"}
    os.environ.update(env_epoch)
    try:
        old = briefing(data_dir, "export", "--title", "Old briefing", "-o", str(target))
        assert old.returncode == 0, old.stderr
        old_bytes = target.read_bytes()
        full = briefing(data_dir, "export", "-o", "-")
        assert full.returncode == 0, full.stderr
        new_bytes = full.stdout.encode("utf-8")
        outcomes = set()
        for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.5):
            target.write_bytes(old_bytes)
            process = subprocess.Popen(
                [sys.executable, "-m", "briefing", "export", "-o", str(target)],
                env={**os.environ, "BRIEFING_DATA_DIR": str(data_dir)},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(delay)
            process.kill()
            process.wait(timeout=30)
            written = target.read_bytes()
            assert written in (old_bytes, new_bytes), f"half-written briefing after {delay} s"
            outcomes.add(written == new_bytes)
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    assert _integrity(data_dir) == "ok"
    del outcomes  # which of the two it is depends on the machine's speed


# -- read-only and full ----------------------------------------------------------------------


def _can_mount_read_only() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount --bind / /mnt 2>/dev/null || mount --bind /tmp /tmp"],
        capture_output=True,
    )
    return probe.returncode == 0


READ_ONLY_MOUNT = pytest.mark.skipif(
    not _can_mount_read_only(),
    reason="needs unshare and a user namespace for a read-only bind mount (permissions alone "
    "do not stop root)",
)


def _read_only(directory: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """``command`` with ``directory`` mounted read-only (a private mount namespace), so that
    even root cannot write there."""
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, str(directory), *command],
        capture_output=True,
        text=True,
        env={**os.environ, "BRIEFING_DATA_DIR": str(directory)},
        timeout=300,
    )


@READ_ONLY_MOUNT
def test_read_only_library_reads_and_says_why_it_cannot_write(data_dir: Path) -> None:
    ids = _fill(data_dir, 3)
    before = _digest(data_dir)
    cli = [sys.executable, "-m", "briefing"]
    listed = _read_only(data_dir, *cli, "list")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 3
    exported = _read_only(data_dir, *cli, "export")
    assert exported.returncode == 0 and "Story 0" in exported.stdout, exported.stderr
    for command in (["fact", "1", "--pin"], ["tag", str(ids[0]), "x"], ["remove", "1"]):
        done = _read_only(data_dir, *cli, *command)
        assert_clean_failure(done, "not writable")
    added = _read_only(
        data_dir, *cli, "add", str(SAMPLES / "001_us_expels_35_russian_diplomats.txt")
    )
    assert_clean_failure(added, "not writable")
    assert _digest(data_dir) == before


READER_SCRIPT = """
import asyncio, os
from briefing.tui.app import create_app

async def main():
    app = create_app(os.environ["BRIEFING_DATA_DIR"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "tab", "tab", "j", "space")
        await pilot.pause()
        notices = " | ".join(str(n.message) for n in app._notifications)
        print("read_only", app.library.read_only)
        print("sub_title", app.screen.sub_title)
        print("notices", notices)
        print("running", app.is_running)

asyncio.run(main())
"""


@READ_ONLY_MOUNT
def test_reader_opens_a_read_only_library_with_a_notice(data_dir: Path) -> None:
    _fill(data_dir, 2)
    before = _digest(data_dir)
    done = _read_only(data_dir, sys.executable, "-c", READER_SCRIPT)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    report = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert report["read_only"] == "True"
    assert "read-only" in report["sub_title"]
    assert "read-only" in report["notices"].lower()
    assert report["running"] == "True"
    assert _digest(data_dir) == before


def test_full_disk_during_import_says_so_and_keeps_the_library(data_dir: Path) -> None:
    """A full disk, simulated with a file-size limit on the process (writes past it fail
    with EFBIG, as they would with ENOSPC)."""
    _fill(data_dir, 1)
    size = next(data_dir.glob("*.sqlite3")).stat().st_size

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 4096, size + 4096))

    done = subprocess.run(
        [sys.executable, "-m", "briefing", "add", str(SAMPLES)],
        capture_output=True,
        text=True,
        env={**os.environ, "BRIEFING_DATA_DIR": str(data_dir)},
        preexec_fn=limit_file_size,
        timeout=600,
    )
    assert_clean_failure(done, "could not be written")
    assert_terminal_safe(done.stderr)
    assert _integrity(data_dir) == "ok"
    with Library.open(data_dir) as library:
        assert library.count() >= 1


# -- several processes at once ----------------------------------------------------------------

WRITER = """
import sys
from briefing.store import Library
fact_id, name = int(sys.argv[1]), sys.argv[2]
for number in range(60):
    with Library.open() as library:
        library.update_fact(fact_id, note=f"{name} {number}", pinned=bool(number % 2))
        library.summaries(limit=50)
        library.article(library.fact(fact_id).article_id)
print("done", flush=True)
"""


def test_two_readers_and_an_import_at_once_lose_nothing(data_dir: Path, tmp_path: Path) -> None:
    ids = _fill(data_dir, 2)
    with Library.open(data_dir) as library:
        facts = [library.facts(article_id)[0].id for article_id in ids]
    samples = sorted(SAMPLES.glob("*.txt"))[:4]
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir)}
    importer = subprocess.Popen(
        [sys.executable, "-m", "briefing", "add", *map(str, samples)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(fact_id), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for fact_id, name in zip(facts, ("A", "B"), strict=True)
    ]
    outputs = [process.communicate(timeout=600) for process in [importer, *readers]]
    for process, (stdout, stderr) in zip([importer, *readers], outputs, strict=True):
        assert process.returncode == 0, stderr
        assert "locked" not in (stdout + stderr).lower() and "Traceback" not in stderr
    assert outputs[0][0].startswith("Added 4,")
    with Library.open(data_dir) as library:
        assert library.fact(facts[0]).note == "A 59"
        assert library.fact(facts[1]).note == "B 59"
        assert library.count() == 6
    assert _integrity(data_dir) == "ok"


# -- newer and damaged libraries -------------------------------------------------------------


@pytest.fixture
def refused_library(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Path]:
    _fill(data_dir, 2)
    db = next(data_dir.glob("*.sqlite3"))
    if request.param == "newer":
        with sqlite3.connect(db) as connection:
            connection.execute("PRAGMA user_version = 999")
        connection.close()
    elif request.param == "truncated":
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 2 + 100])
    else:  # the schema page scrambled after a valid header
        page = bytearray(db.read_bytes())
        page[100:4096] = os.urandom(3996)
        db.write_bytes(bytes(page))
    for leftover in data_dir.glob("*.sqlite3-*"):
        leftover.unlink()
    yield data_dir


@pytest.mark.parametrize("refused_library", ["newer", "truncated", "scrambled"], indirect=True)
def test_newer_or_damaged_library_is_refused_and_left_untouched(refused_library: Path) -> None:
    from briefing.tui.app import create_app

    before = _digest(refused_library)
    sample = str(SAMPLES / "001_us_expels_35_russian_diplomats.txt")
    commands = (["list"], ["show", "1"], ["fact", "1", "--pin"], ["export"], ["add", sample])
    for command in commands:
        done = briefing(refused_library, *command)
        assert_clean_failure(done)
        message = done.stderr.lower()
        assert "newer version" in message or "damaged" in message, done.stderr
        assert _untouched(refused_library, before), command
    with pytest.raises(BriefingError):
        create_app(refused_library)
    assert _untouched(refused_library, before)


def _untouched(directory: Path, before: dict[str, str]) -> bool:
    """The database's bytes are as they were. SQLite may leave an empty -wal and its -shm
    index beside it after a read-only look, which hold nothing."""
    after = _digest(directory)
    empty = hashlib.sha256(b"").hexdigest()
    extra = {name: digest for name, digest in after.items() if name not in before}
    return all(after.get(name) == digest for name, digest in before.items()) and all(
        name.endswith("-shm") or digest == empty for name, digest in extra.items()
    )


@pytest.mark.xfail(
    strict=True,
    reason="known limit: opening checks the header, version and schema, not every page "
    "(PRAGMA quick_check costs time on every start), so damage in a data page the command "
    "never reads goes unnoticed and a write can still land in the damaged file",
)
def test_damage_in_a_data_page_is_refused_before_any_write(data_dir: Path) -> None:
    _fill(data_dir, 40)
    db = next(data_dir.glob("*.sqlite3"))
    # A data page that pinning a fact never reads: a leaf of the full-text index. (Found by
    # SQLite's dbstat: a fixed offset may now hold the schema, which every open reads.)
    connection = sqlite3.connect(db)
    try:
        (page,) = connection.execute(
            "SELECT max(pageno) FROM dbstat WHERE name = 'articles_fts_data' AND pagetype = 'leaf'"
        ).fetchone()
    finally:
        connection.close()
    data = bytearray(db.read_bytes())
    data[(page - 1) * 4096 : page * 4096] = os.urandom(4096)
    db.write_bytes(bytes(data))
    before = _digest(data_dir)
    done = briefing(data_dir, "fact", "1", "--pin")
    assert done.returncode == 1 and _untouched(data_dir, before)
