"""The trained fact filter (briefing/nlp/fact_filter.py): reproducible training from the
committed table, a table without text, and its effect on a real analysis."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefing.model import CleanArticle
from briefing.nlp.fact_filter import WEIGHTS_FILE, fact_features, shipped_filter
from briefing.prepare import prepare_file

if TYPE_CHECKING:
    from briefing.nlp import Analyzer

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "fact_filter_table.json"
SHIPPED = ROOT / "briefing" / "nlp" / "data" / WEIGHTS_FILE
SAMPLES = ROOT / "sample_articles"


def test_make_train_reproduces_the_shipped_weights(tmp_path: Path) -> None:
    out = tmp_path / "weights.json"
    script = ROOT / "scripts" / "train_fact_filter.py"
    done = subprocess.run(
        [sys.executable, str(script), "train", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    trained = json.loads(out.read_text(encoding="utf-8"))
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert trained["threshold"] == shipped["threshold"]
    assert trained["weights"].keys() == shipped["weights"].keys()
    for name, weight in shipped["weights"].items():
        assert abs(trained["weights"][name] - weight) < 1e-3, name


def test_the_table_holds_features_and_labels_only() -> None:
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    assert table["rows"]
    known = set(json.loads(SHIPPED.read_text(encoding="utf-8"))["weights"])
    for row in table["rows"]:
        assert set(row) == {"text", "label", "features"}
        assert row["label"] in (0, 1)
        assert set(row["features"]) <= known
        assert all(isinstance(value, int | float) for value in row["features"].values())


def article(body: str) -> CleanArticle:
    return CleanArticle("test.txt", body, "Headline", None, body, ())


def test_the_filter_ranks_a_doubtful_fact_low_and_drops_what_it_scores_under(
    analyzer: Analyzer,
) -> None:
    # A chamber of commerce's spokesman, quoted at length, read as Japan planning sanctions:
    # the filter ranks it below the expulsion the story reports, and the analysis keeps
    # exactly the facts the shipped weights score at or above their threshold. (Whether this
    # one falls under it moves with each retraining; the ranking and the mechanism do not.)
    body = (
        "Japan expelled eight Russian diplomats on Friday. “We will keep the sanctions in place "
        "until the war ends, and we will not hesitate to add more if needed, whatever our "
        "exporters lose in the meantime,” a spokesman for the Tokyo Chamber of Commerce and "
        "Industry said on Saturday at a news conference in the capital."
    )
    analyzer.use_fact_filter = False
    try:
        unfiltered = analyzer.analyze(article(body))
    finally:
        analyzer.use_fact_filter = True
    filtered = analyzer.analyze(article(body)).facts
    assert [(f.measure, f.actor) for f in unfiltered.facts] == [
        ("expulsion", "Japan"),
        ("sanctions", "Japan"),
    ]
    rows = fact_features(
        [f.to_json() for f in unfiltered.facts],
        [a.to_json() for a in unfiltered.actors],
        len(unfiltered.body),
    )
    model = shipped_filter()
    report, quote = (model.score(row) for row in rows)
    assert quote < report - 0.3
    kept = [
        f
        for f, row in zip(unfiltered.facts, rows, strict=True)
        if model.score(row) >= model.threshold
    ]
    assert [(f.measure, f.actor) for f in filtered] == [(f.measure, f.actor) for f in kept]
    assert filtered[0].measure == "expulsion"


def test_the_filter_leaves_out_some_facts_of_the_samples(analyzer: Analyzer) -> None:
    articles = [prepare_file(str(p)) for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    analyzer.use_fact_filter = False
    try:
        unfiltered = [a.facts for a in analyzer.analyze_many(articles)]
    finally:
        analyzer.use_fact_filter = True
    filtered = [a.facts for a in analyzer.analyze_many(articles)]
    assert sum(map(len, filtered)) < sum(map(len, unfiltered))
    for kept, found in zip(filtered, unfiltered, strict=True):
        assert all(fact in found for fact in kept)  # it only leaves facts out


def test_a_fact_reported_first_by_a_state_scores_high() -> None:
    fact = {
        "measure": "expulsion",
        "actor": "Japan",
        "target": "Russian diplomats",
        "quantity": "8",
        "when": "on Friday",
        "status": "announced",
        "sentence": "Japan expelled eight Russian diplomats on Friday.",
        "start": 0,
        "end": 49,
    }
    actors = [{"canonical": "Japan", "kind": "country", "start": 0}]
    (features,) = fact_features([fact], actors, 49)
    # kept by a wide margin (the exact score moves with each retraining)
    assert shipped_filter().score(features) > shipped_filter().threshold + 0.3


@pytest.mark.rules_only
def test_the_rules_only_mark_turns_the_filter_off(analyzer: Analyzer) -> None:
    assert analyzer.use_fact_filter is False


def test_tests_without_the_mark_run_the_filter(analyzer: Analyzer) -> None:
    assert analyzer.use_fact_filter is True


def test_a_joint_fact_of_three_actors_has_its_first_actors_kind() -> None:
    fact = {
        "measure": "expulsion",
        "actor": "United States, France and Germany",
        "target": "Russian diplomats",
        "status": "announced",
        "sentence": "The United States, France and Germany expelled Russian diplomats.",
        "start": 0,
        "end": 66,
    }
    actors = [
        {"canonical": name, "kind": "country", "start": start}
        for name, start in (("United States", 4), ("France", 19), ("Germany", 30))
    ]
    (features,) = fact_features([fact], actors, 66)
    assert features.get("kind=country") == 1.0
    assert "kind=unknown" not in features
