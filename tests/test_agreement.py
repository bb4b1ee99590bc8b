"""scripts/agreement.py: two annotators of the real-news set scored against each other with
the shared scorer's own matching, as a real subprocess over the committed gold files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "agreement.py"
EVAL = ROOT.parent / "shared" / "eval"
FIRST = ROOT / "tests" / "data" / "realnews_facts.json"
SECOND = ROOT / "tests" / "data" / "realnews_second_annotation.json"

pytestmark = pytest.mark.skipif(
    not (EVAL / "score_analysis.py").is_file(), reason="needs ../shared/eval/score_analysis.py"
)

LINE = re.compile(
    r"^(?P<part>\w+)\s+\((?P<texts>\d+) texts, (?P<required>\d+) required\) second annotator, "
    r"(?P<reading>\w+)\s*: F1 (?P<f1>[0-9.]+) \(P (?P<p>[0-9.]+) R (?P<r>[0-9.]+)\)"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--eval", str(EVAL), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def figures(stdout: str) -> dict[tuple[str, str], dict[str, str]]:
    found = {}
    for line in stdout.splitlines():
        match = LINE.match(line)
        if match:
            found[(match["part"], match["reading"])] = match.groupdict()
    return found


def test_an_annotation_agrees_fully_with_itself() -> None:
    done = run("--second", str(FIRST))
    assert done.returncode == 0, done.stderr
    every = figures(done.stdout)[("all", "all")]
    assert (every["f1"], every["p"], every["r"]) == ("1.000", "1.000", "1.000"), done.stdout


def test_a_second_annotation_that_lists_nothing_finds_nothing(tmp_path: Path) -> None:
    second = json.loads(SECOND.read_text(encoding="utf-8"))
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({k: {**v, "facts": []} for k, v in second.items()}))
    done = run("--second", str(empty))
    assert done.returncode == 0, done.stderr
    required = figures(done.stdout)[("all", "required")]
    assert (required["texts"], required["r"]) == (str(len(second)), "0.000"), done.stdout


def test_the_committed_second_annotation_gives_the_readmes_figure() -> None:
    done = run()
    assert done.returncode == 0, done.stderr
    required = figures(done.stdout)[("all", "required")]
    assert (required["texts"], required["required"]) == ("160", "274"), done.stdout
    # README, "How far two annotators agree": F1 0.93 (P 0.94, R 0.91)
    assert required["f1"] == "0.928", done.stdout


def test_texts_the_first_gold_lacks_are_refused_in_words(tmp_path: Path) -> None:
    stray = tmp_path / "stray.json"
    stray.write_text(json.dumps({"999_not-in-the-set.txt": {"split": "tune", "facts": []}}))
    done = run("--second", str(stray))
    assert done.returncode != 0
    assert "not in the first gold" in done.stderr
    assert "Traceback" not in done.stderr
