"""Hostile files through ``briefing analyze`` and ``briefing add``: each bad file is refused with
one clear line naming it, the good ones are analysed and stored, nothing crashes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from briefing.importing import import_paths
from briefing.nlp import Analyzer
from briefing.store import Library

from .corpus import CASES_BY_NAME, FILE_CASES, LEAD, Case
from .support import assert_clean_failure, assert_terminal_safe, briefing, has_root_powers

ACCEPTED = [case for case in FILE_CASES if case.accepted]
REFUSED = [case for case in FILE_CASES if not case.accepted]


def _analyses(run: subprocess.CompletedProcess[str]) -> dict[str, dict[str, Any]]:
    analyses = [json.loads(line) for line in run.stdout.splitlines()]
    return {Path(item["path"]).name: item for item in analyses}


def test_analyze_reports_each_bad_file_and_analyses_the_rest(
    analyze_run: subprocess.CompletedProcess[str], corpus: dict[str, Path]
) -> None:
    assert_clean_failure(analyze_run)
    errors = [line for line in analyze_run.stderr.splitlines() if line.strip()]
    assert len(errors) == len(REFUSED), analyze_run.stderr
    # One JSON line per readable file, in the order the paths were given.
    names = [Path(json.loads(line)["path"]).name for line in analyze_run.stdout.splitlines()]
    assert names == [name for name in corpus if CASES_BY_NAME[name].accepted]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.name)
def test_analyze_refuses_with_a_reason(
    case: Case, analyze_run: subprocess.CompletedProcess[str]
) -> None:
    assert case.reason is not None
    lines = [line for line in analyze_run.stderr.splitlines() if case.reason in line]
    assert len(lines) == 1, analyze_run.stderr
    assert lines[0].startswith("briefing: ") and case.name in lines[0]


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda case: case.name)
def test_analyze_reads_the_text_and_offsets_slice_the_body(
    case: Case, analyze_run: subprocess.CompletedProcess[str], corpus: dict[str, Path]
) -> None:
    analysis = _analyses(analyze_run)[case.name]
    assert analysis["path"] == str(corpus[case.name])  # quotes, spaces, non-ASCII, ESC intact
    body: str = analysis["body"]
    assert case.shows is not None
    assert case.shows in analysis["title"] + "\n" + body
    assert "\r" not in body and "\x00" not in body
    for item in analysis["actors"] + analysis["measures"]:
        assert body[item["start"] : item["end"]] == item["text"]
    for fact in analysis["facts"]:
        assert body[fact["start"] : fact["end"]] == fact["sentence"]


def test_human_analyze_output_has_no_control_characters(corpus: dict[str, Path]) -> None:
    """Without --json the summary goes to a terminal: names, titles and facts are made safe."""
    names = ("hostile text.txt", "escape \x1b[31m in name.txt", "nul bytes.txt")
    done = briefing(None, "analyze", *(str(corpus[name]) for name in names))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "[b]Markup[/b]" in done.stdout  # shown literally
    assert_terminal_safe(done.stdout)
    assert_terminal_safe(done.stderr)


def test_add_stores_good_files_and_lists_bad_ones_with_reasons(
    added_library: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    library_dir, run = added_library
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert_terminal_safe(run.stdout)
    assert_terminal_safe(run.stderr)
    assert f"failed {len(REFUSED)}." in run.stdout
    for case in REFUSED:
        assert case.reason is not None
        failed = [line for line in run.stdout.splitlines() if line.startswith("  failed:")]
        assert any(case.name in line and case.reason in line for line in failed), case.name
    listed = json.loads(briefing(library_dir, "list", "--json").stdout)
    assert len(listed) == len(ACCEPTED)  # no two accepted files hold the same text
    with Library.open(library_dir, read_only=True) as library:
        stored = library.articles()
    texts = {article.path: article.title + "\n" + article.body for article in stored}
    for case in ACCEPTED:
        assert case.shows is not None
        assert any(case.shows in text for text in texts.values()), case.name
    db = next(library_dir.glob("*.sqlite3"))
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_add_twice_adds_nothing_new(
    added_library: tuple[Path, subprocess.CompletedProcess[str]], corpus: dict[str, Path]
) -> None:
    library_dir, _ = added_library
    good = [str(corpus[case.name]) for case in ACCEPTED[:3]]
    again = briefing(library_dir, "add", *good)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Added 0, already present 3, failed 0.")


@pytest.mark.skipif(has_root_powers(), reason="root reads files whatever their permissions")
def test_unreadable_file_is_refused_and_the_rest_imported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fine.txt").write_text("Japan expels Russian diplomats\n\n" + LEAD + "\n")
    locked = folder / "locked.txt"
    locked.write_text("Locked headline\n\n" + LEAD + "\n")
    locked.chmod(0)
    try:
        done = briefing(tmp_path / "library", "add", str(folder))
    finally:
        locked.chmod(0o644)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "locked.txt: permission denied" in done.stdout
    assert done.stdout.startswith("Added 1,")


def test_a_directory_vanishing_mid_import_fails_alone(tmp_path: Path, analyzer: Analyzer) -> None:
    """A whole subfolder removed while the import runs (the single-file case is in
    tests/test_import.py): its files fail with a reason, the others are stored."""
    folder = tmp_path / "in"
    doomed = folder / "later"
    doomed.mkdir(parents=True)
    (folder / "a first.txt").write_text("First headline here\n\n" + LEAD + "\n")
    for number in range(3):
        (doomed / f"story {number}.txt").write_text(
            f"Story {number} headline\n\nCanada froze the assets of {number + 2} oligarchs.\n"
        )

    def remove_the_folder(progress: object) -> None:
        for path in sorted(doomed.glob("*")):
            path.unlink()
        if doomed.exists():
            doomed.rmdir()

    with Library.open(tmp_path / "library") as library:
        report = import_paths(
            library, [folder], batch_size=1, analyzer=analyzer, on_progress=remove_the_folder
        )
        assert [Path(item.path).name for item in report.added] == ["a first.txt"]
        assert sorted(Path(item.path).name for item in report.failed) == [
            f"story {number}.txt" for number in range(3)
        ]
        assert all(item.reason for item in report.failed)
        assert library.count() == 1


def test_pipes_devices_and_directories_are_refused_without_blocking(tmp_path: Path) -> None:
    """A FIFO nobody writes to would block a naive open() forever; /dev/zero never ends."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    done = briefing(None, "analyze", str(fifo), "/dev/zero", str(folder), timeout=120)
    assert_clean_failure(done, "pipe.txt", "/dev/zero", "folder.txt")
    assert len(done.stderr.splitlines()) == 3
