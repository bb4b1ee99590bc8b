"""What the battery's tests share: running ``briefing`` as a user does, and what "safe" means."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

# Everything a terminal may act on: C0 controls but newline and tab, DEL, and C1 controls (the
# 8-bit CSI and OSC among them). ESC is in the C0 range.
TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Article text that tries to become markup, escapes, hyperlinks or actions wherever it is shown.
HOSTILE_SNIPPETS: tuple[str, ...] = (
    "[bold]loud[/bold]",
    "[link=file:///etc/passwd]passwords[/link]",
    "[@click=app.quit]quit[/]",
    "\x1b[2J",
    "\x1b]52;c;SGVsbG8gd29ybGQ=\x07",
    "\x1b]8;;http://x.example\x1b\\link\x1b]8;;\x1b\\",
    "\u202egnp.exe\u202c",
    "zero\u200bwidth\u200djoin\ufeff",
    "<script>alert(1)</script>",
    "![pixel](http://tracker.example/p.png)",
    "[click me](javascript:alert(1))",
)

HOSTILE_BODY = (
    "Japan expelled eight Russian diplomats on Friday, the foreign ministry said. "
    + " ".join(HOSTILE_SNIPPETS)
    + " The European Union imposed sanctions on Russia in March. "
    + "W" * 10_000
    + " is a very long word. Emoji 👍🏽 🇯🇵 and e\u0301\u0301\u0301 combining marks. "
    + "مرحبا بالعالم وفرضت العقوبات. שלום עולם. "
    + "Canada froze the assets of five oligarchs."
)
HOSTILE_TITLE = "[b]Markup[/b] \x1b[31mred\x1b[0m \x9b2J title \x07"


def briefing(
    data_dir: Path | None,
    *args: str,
    timeout: float = 300,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """``briefing ARGS`` in a fresh process, with its library in ``data_dir``."""
    env = dict(os.environ)
    env.pop("BRIEFING_DATA_DIR", None)
    if data_dir is not None:
        env["BRIEFING_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="strict",
        env=env,
        timeout=timeout,
        cwd=cwd,
    )


def assert_clean_failure(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Failed with exit status 1 and one-line ``briefing: ...`` messages, no traceback."""
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("briefing:")]
    assert errors, done.stderr
    for needle in needles:
        assert needle in done.stderr, (needle, done.stderr)


def assert_terminal_safe(text: str) -> None:
    found = TERMINAL_CONTROL.search(text)
    assert found is None, f"control character {found.group()!r} in output" if found else ""


def has_root_powers() -> bool:
    return os.geteuid() == 0
