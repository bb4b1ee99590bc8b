"""`briefing analyze` as a user runs it: a real subprocess, the real model, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from quality import fact_matches, load_gold

from briefing.reading import MAX_ARTICLE_BYTES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
SEED = SAMPLES / "000_3697d80e75a72aeb.txt"
REQUIRED_KEYS = {"title", "dek", "body", "removed", "actors", "measures", "facts"}


def run(*args: str | Path, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"BRIEFING_DATA_DIR": str(env_dir / "library"), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=env_dir,
        timeout=600,
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("analyze")


@pytest.fixture(scope="module")
def seed_json(workdir: Path) -> dict[str, Any]:
    result = run("analyze", SEED, "--json", env_dir=workdir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    data: dict[str, Any] = json.loads(lines[0])
    return data


def test_seed_json_has_the_documented_keys(seed_json: dict[str, Any]) -> None:
    assert set(seed_json) >= REQUIRED_KEYS
    assert seed_json["title"] == "Japan announces expulsion of 8 Russian diplomats"
    assert seed_json["dek"].startswith("Japan is expelling eight Russian diplomats")
    for actor in seed_json["actors"]:
        assert {"text", "label", "canonical", "start", "end"} <= set(actor)
    for measure in seed_json["measures"]:
        assert {"text", "type", "start", "end"} <= set(measure)
    for fact in seed_json["facts"]:
        keys = {"measure", "actor", "target", "quantity", "when", "status", "sentence"}
        assert keys | {"start", "end"} <= set(fact)


def test_seed_body_has_none_of_the_six_trailing_lines(seed_json: dict[str, Any]) -> None:
    trailing = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()[-6:]]
    assert tuple(seed_json["removed"]) == tuple(trailing)
    for line in trailing:
        assert line not in seed_json["body"]
    assert "Cookie" not in {a["text"] for a in seed_json["actors"]}
    assert seed_json["body"].count("\n\n") == 8  # nine story paragraphs


def test_seed_offsets_slice_the_body(seed_json: dict[str, Any]) -> None:
    body = seed_json["body"]
    for span in seed_json["actors"] + seed_json["measures"]:
        assert body[span["start"] : span["end"]] == span["text"]
    for fact in seed_json["facts"]:
        assert body[fact["start"] : fact["end"]] == fact["sentence"]


def test_seed_has_every_required_gold_fact(seed_json: dict[str, Any]) -> None:
    gold = load_gold()[SEED.name]
    required = [g for g in gold["facts"] if not g.get("optional")]
    missing = [g for g in required if not any(fact_matches(p, g) for p in seed_json["facts"])]
    assert not missing, missing


def test_several_paths_give_one_json_line_each_in_order(workdir: Path) -> None:
    paths = sorted(SAMPLES.iterdir())[1:4]
    result = run("analyze", *paths, "--json", env_dir=workdir)
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(o["path"]).name for o in objects] == [p.name for p in paths]
    assert all(set(o) >= REQUIRED_KEYS for o in objects)


def test_a_bad_file_among_good_ones_is_reported_and_the_rest_analyzed(workdir: Path) -> None:
    empty = workdir / "empty.txt"
    empty.write_bytes(b"")
    good = sorted(SAMPLES.iterdir())[5]
    result = run("analyze", SEED, empty, good, "--json", env_dir=workdir)
    assert result.returncode != 0
    assert [Path(json.loads(line)["path"]).name for line in result.stdout.splitlines()] == [
        SEED.name,
        good.name,
    ]
    assert result.stderr.strip().splitlines() == [f"briefing: {empty}: empty file"]


def test_summary_without_json(workdir: Path) -> None:
    result = run("analyze", SEED, env_dir=workdir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Japan announces expulsion of 8 Russian diplomats"
    assert any(line.startswith("Actors: ") and "Japan" in line for line in lines)
    assert any(line.startswith("Facts (") for line in lines)
    assert "Register for free" not in result.stdout


BAD_FILES: list[tuple[str, bytes | None, str]] = [
    ("image.png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG image"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b" \n\t\n   \n", "only whitespace"),
    ("undecodable.txt", b"\x81\x8d\x8f\x90\x9d" * 40, "cannot decode"),
    ("huge.txt", None, "file too large"),
    ("a_directory", None, "is a directory"),
    ("missing.txt", None, "no such file"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_gives_one_clear_line(
    tmp_path: Path, name: str, data: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    elif name == "huge.txt":
        with path.open("wb") as handle:
            handle.truncate(MAX_ARTICLE_BYTES + 1)
    elif name == "a_directory":
        path.mkdir()
    result = run("analyze", path, "--json", env_dir=tmp_path)
    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert reason in lines[0]


def test_help_version_and_module_entry_point(tmp_path: Path) -> None:
    helped = run("--help", env_dir=tmp_path)
    assert helped.returncode == 0
    assert "analyze" in helped.stdout
    version = run("--version", env_dir=tmp_path)
    assert version.returncode == 0
    assert version.stdout.startswith("briefing ")
    analyze_help = run("analyze", "--help", env_dir=tmp_path)
    assert analyze_help.returncode == 0
    assert "--json" in analyze_help.stdout
    missing_arg = run("analyze", env_dir=tmp_path)
    assert missing_arg.returncode == 2
    assert "Traceback" not in missing_arg.stderr
