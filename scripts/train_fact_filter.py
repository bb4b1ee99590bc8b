"""Train the fact filter (briefing/nlp/fact_filter.py).

    make train                      # = python scripts/train_fact_filter.py train
    make train-table REALNEWS=DIR   # = python scripts/train_fact_filter.py table DIR

``train`` fits a logistic regression (L2, plain gradient descent, a fixed number of steps: the
same weights on every machine, to four decimals) on ``tests/data/fact_filter_table.json`` and
writes ``briefing/nlp/data/fact_filter.json``.

``table`` rebuilds that table from the real-news development set, which stays outside the
repository: DIR holds ``texts/`` (the excerpts), ``gold_full.json`` (their gold, in the format of
``tests/data/realnews_facts.json``) and ``split.json`` (tune or held-out, per text). Every tune
text is analysed with the current rules and the filter off; each fact becomes a row of features
(no words of the text) and a label: 1 when it matches a gold fact under the evaluation rules
(``tests/quality.py``), else 0. Rebuild it, then train, whenever the rules change.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "fact_filter_table.json"
WEIGHTS = ROOT / "briefing" / "nlp" / "data" / "fact_filter.json"
L2 = 1.0
STEPS = 3000
LEARNING_RATE = 1.0
THRESHOLD = 0.4  # chosen by 5-fold cross-validation on the tune texts (README, Accuracy)


def build_table(realnews: Path) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "tests"))
    from quality import match_facts  # the project's scorer: the evaluation rules

    from briefing.nlp import Analyzer
    from briefing.nlp.analyzer import PIPELINE_VERSION
    from briefing.nlp.fact_filter import fact_features
    from briefing.prepare import prepare_file

    gold = json.loads((realnews / "gold_full.json").read_text(encoding="utf-8"))
    split = json.loads((realnews / "split.json").read_text(encoding="utf-8"))
    names = [name for name in gold if split[name] == "tune"]
    analyzer = Analyzer.load()
    analyzer.use_fact_filter = False
    articles = [prepare_file(str(realnews / "texts" / name)) for name in names]
    rows: list[dict[str, Any]] = []
    for number, (name, analysis) in enumerate(
        zip(names, analyzer.analyze_many(articles), strict=True)
    ):
        facts = [fact.to_json() for fact in analysis.facts]
        actors = [actor.to_json() for actor in analysis.actors]
        features = fact_features(facts, actors, len(analysis.body))
        matches = match_facts(gold[name]["facts"], facts)
        for row, hit in zip(features, matches, strict=True):
            label = int(hit is not None)  # a gold fact, or another actor of a joint one
            present = {key: value for key, value in row.items() if value}  # zeros add nothing
            rows.append({"text": number, "label": label, "features": present})
    return {
        "_comment": "Features and gold labels of the facts the rules find in the tune part of "
        "the real-news development set (no text). Rebuilt by `make train-table`.",
        "pipeline_version": PIPELINE_VERSION,
        "texts": len(names),
        "rows": rows,
    }


def train(table: dict[str, Any]) -> dict[str, Any]:
    import numpy as np

    rows = table["rows"]
    names = sorted({name for row in rows for name in row["features"]})
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name, value in row["features"].items():
            x[i, column[name]] = value
    y = np.array([row["label"] for row in rows], dtype=float)
    w = np.zeros(len(names))
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= LEARNING_RATE * (x.T @ (p - y) + L2 * w) / len(y)
    return {
        "_comment": "Trained by `make train` (scripts/train_fact_filter.py) from "
        "tests/data/fact_filter_table.json; see briefing/nlp/fact_filter.py.",
        "pipeline_version": table["pipeline_version"],
        "facts": len(rows),
        "listed": int(y.sum()),
        "l2": L2,
        "steps": STEPS,
        "threshold": THRESHOLD,
        "weights": {name: round(float(value), 4) for name, value in zip(names, w, strict=True)},
    }


def _one_row_per_line(table: dict[str, Any]) -> str:
    head = {key: value for key, value in table.items() if key != "rows"}
    rows = ",\n".join(json.dumps(row, sort_keys=True) for row in table["rows"])
    return json.dumps(head, indent=1)[:-2] + ',\n "rows": [\n' + rows + "\n ]\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    fit = commands.add_parser("train", help="fit the weights from the committed table")
    fit.add_argument("--table", type=Path, default=TABLE)
    fit.add_argument("--out", type=Path, default=WEIGHTS)
    rebuild = commands.add_parser("table", help="rebuild the table from the development set")
    rebuild.add_argument("realnews", type=Path)
    rebuild.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args(argv)
    if args.command == "table":
        if not (args.realnews / "gold_full.json").is_file():
            parser.error(f"{args.realnews}: no gold_full.json (see this script's docstring)")
        table = build_table(args.realnews)
        args.out.write_text(_one_row_per_line(table), encoding="utf-8")
        print(f"wrote {args.out}: {len(table['rows'])} facts from {table['texts']} texts")
        return 0
    table = json.loads(args.table.read_text(encoding="utf-8"))
    weights = train(table)
    args.out.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {weights['facts']} facts, {weights['listed']} listed by annotators")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
