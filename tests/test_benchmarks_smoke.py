"""The benchmark suite still runs: its library generator feeds the real store, and run.py goes
end to end on a small library. Timings are not checked here (shared, noisy machines): the
suite itself (`python benchmarks/run.py`) judges them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.store import Library

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import make_library  # noqa: E402  (a script folder, not a package)


def test_generated_library_is_listed_searched_and_opened_by_the_store(tmp_path: Path) -> None:
    report = make_library.build_library(tmp_path / "library", 50)
    assert report.articles == 50

    with Library.open(tmp_path / "library", read_only=True) as library:
        assert library.count() == 50
        summaries = library.summaries(limit=100)
        assert len(summaries) == 50
        assert len({s.title for s in summaries}) == 50  # varied: nothing deduplicated
        assert sum(s.fact_count for s in summaries) == report.facts

        matches = library.summaries(search="government", limit=100)
        assert 0 < len(matches) == library.count(search="government") <= 50
        assert library.count(search="nosuchwordanywhere") == 0

        for summary in summaries:
            article = library.article(summary.id)
            assert 300 <= len(article.body.split()) <= 1400
            assert 5 <= len(article.actors) <= 30
            assert 0 <= len(article.facts) <= 12
            for actor in article.actors:
                assert article.body[actor.start : actor.end] == actor.text
            for measure in article.measures:
                assert article.body[measure.start : measure.end] == measure.text
            for fact in article.facts:
                assert article.body[fact.start : fact.end] == fact.sentence


def test_generator_is_deterministic_for_a_seed() -> None:
    first, _ = make_library.Synthesizer(seed=3).analysis(0)
    second, _ = make_library.Synthesizer(seed=3).analysis(0)
    other, _ = make_library.Synthesizer(seed=4).analysis(0)
    assert first == second
    assert first.body != other.body


@pytest.mark.timeout(120)
def test_run_py_goes_end_to_end_on_a_small_library(tmp_path: Path) -> None:
    results_file = tmp_path / "results.json"
    completed = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "run.py"),
            "--quick",
            "--only",
            "search,export",
            "--articles",
            "300",
            "--json",
            str(results_file),
        ],
        capture_output=True,
        text=True,
        timeout=110,
    )
    # The exit code says whether targets were met, which a 300-article library on a busy
    # machine does not decide; every figure must have been measured, though.
    assert completed.returncode in (0, 1), completed.stderr
    results = json.loads(results_file.read_text())["results"]
    assert [r["name"] for r in results] == [
        "search.fts_vs_like",
        "search.on_screen",
        "export.render_vs_parse",
    ]
    for result in results:
        assert result["failure"] is None, result["failure"]
        assert result["samples"] and result["reference_samples"]
        assert result["ratio"] > 0
        assert result["verdict"] in ("PASS", "FAIL")
        assert f"[{result['verdict']}] {result['name']}" in completed.stdout


def test_run_py_rejects_an_unknown_figure() -> None:
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--only", "nonsense"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 2
    assert "unknown figure" in completed.stderr
