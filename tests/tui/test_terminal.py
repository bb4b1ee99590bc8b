"""End to end in a real terminal: the installed ``briefing`` inside tmux, driven by keys.

Also checks that the wheel carries the styles and the sample articles, so that a plain,
non-editable install runs with its looks and its first-run offer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.store import Library

REPO = Path(__file__).resolve().parents[2]


def briefing_command() -> str | None:
    """The installed console script: next to this interpreter, else on PATH."""
    beside = Path(sys.executable).with_name("briefing")
    return str(beside) if beside.exists() else shutil.which("briefing")


@pytest.fixture
def tmux_session() -> Iterator[str]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed: the end-to-end terminal test needs it")
    name = f"briefing-test-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def wait_for(
    condition: Callable[[], bool], what: str, screen: Callable[[], str], timeout: float = 30.0
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}; the terminal shows:\n{screen()}")


def test_installed_briefing_in_tmux(library_dir: Path, tmux_session: str) -> None:
    command = briefing_command()
    if command is None:
        pytest.skip("the briefing console script is not installed")
    # COLUMNS/LINES (pytest may set them) would override the real terminal size.
    env_prefix = f"env -u COLUMNS -u LINES BRIEFING_DATA_DIR={library_dir} TERM=xterm-256color"
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            tmux_session,
            "-x",
            "120",
            "-y",
            "40",
            f"{env_prefix} {command}; echo BRIEFING-EXITED-$?; sleep 60",
        ],
        check=True,
    )

    def screen() -> str:
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", tmux_session],
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def press(key: str, condition: Callable[[], bool], what: str, *, tries: int = 3) -> None:
        """Send a key until its effect shows. Only for idempotent keys: a terminal may drop a
        key that arrives while the app is still answering its start-up queries."""
        for attempt in range(tries):
            subprocess.run(["tmux", "send-keys", "-t", tmux_session, key], check=True)
            try:
                wait_for(condition, what, screen, timeout=5.0)
                return
            except AssertionError:
                if attempt == tries - 1:
                    raise

    wait_for(lambda: "Japan expels eight Russian" in screen(), "the article list", screen)
    press("Enter", lambda: "EXPULSION" in screen(), "the facts panel")
    # F focuses the facts panel at this width (the footer then shows its keys).
    press("F", lambda: "Pin" in screen(), "the facts panel's keys in the footer")
    press("g", lambda: "▌" in screen(), "the first fact's sentence marked in the article")
    subprocess.run(["tmux", "send-keys", "-t", tmux_session, "Space"], check=True)
    wait_for(lambda: "★" in screen(), "the pin marker", screen)
    press("q", lambda: "BRIEFING-EXITED-0" in screen(), "a clean exit")
    with Library.open(library_dir) as library:
        pinned = library.facts(pinned_only=True)
    assert [fact.measure for fact in pinned] == ["expulsion"]


@pytest.mark.slow
def test_wheel_carries_styles_and_samples(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PIP_NO_INDEX": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("briefing-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    styles = {Path(n).name for n in names if n.startswith("briefing/styles/")}
    assert {"reader.tcss", "dialogs.tcss"} <= styles
    in_repo = {p.name for p in (REPO / "sample_articles").iterdir() if p.is_file()}
    shipped = {Path(n).name for n in names if n.startswith("briefing/sample_articles/")}
    assert in_repo and in_repo <= shipped
    # Unpacked as an installed package would be, it finds its files inside itself.
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "from briefing.tui.resources import stylesheets, sample_articles_dir\n"
        "print(sample_articles_dir())\n"
        "print(*stylesheets(), sep='\\n')"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(unpacked)},
    ).stdout.split()
    assert found[0] == str(unpacked / "briefing" / "sample_articles")
    assert {Path(p).parent for p in found[1:]} == {unpacked / "briefing" / "styles"}
    assert len(found[1:]) == len({name for name in styles if name.endswith(".tcss")})
