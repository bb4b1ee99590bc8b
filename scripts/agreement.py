"""How far two blind annotators of the real-news set agree on its facts: the ceiling a reader of
that gold can be held to.

    python scripts/agreement.py [--eval ../shared/eval] [--second FILE] [--verbose]

The second annotation (``tests/data/realnews_second_annotation.json``) covers 160 texts drawn
at random from the development set in two batches of 80 (80 tune, 80 held-out), annotated again
by eight annotators who had not seen the first gold, the pipeline's code or its output, under
the same brief and examples. Its facts are scored against the first gold
(``tests/data/realnews_facts.json``) by the matching rules of ``score_analysis.py`` (imported
from ``--eval``), exactly as the pipeline's facts are: each second-annotator fact becomes one
prediction (its first type, first actor alias and first status), an extra report of a matched
fact counts as wrong, and facts matching only an optional gold fact count neither way. Two
readings:

- ``required``: the second annotator's required facts are the predictions (a briefing lists
  what the article reports, not what it mentions in passing);
- ``all``: every fact the second annotator wrote, optional ones too.

Needs no article text: both files hold only facts.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIRST = ROOT / "tests" / "data" / "realnews_facts.json"
SECOND = ROOT / "tests" / "data" / "realnews_second_annotation.json"


def load_scorer(eval_dir: Path) -> Any:
    path = eval_dir / "score_analysis.py"
    if not path.is_file():
        sys.exit(f"agreement: no score_analysis.py in {eval_dir} (give --eval)")
    spec = importlib.util.spec_from_file_location("score_analysis", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_prediction(fact: dict[str, Any]) -> dict[str, Any]:
    return {
        "measure": fact["measure"][0],
        "actor": fact["actor"][0],
        "target": (fact["target"] or [None])[0],
        "status": fact["status"][0],
    }


def joint_fact(scorer: Any, pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return bool(gold.get("joint")) and bool(scorer.fact_matches(pred, gold))


def score(
    scorer: Any, first: dict[str, Any], second: dict[str, Any], reading: str, verbose: bool
) -> dict[str, int]:
    """score_analysis.py's fact loop, with the second annotation's facts as the predictions."""
    t = {"tp": 0, "fp": 0, "required": 0, "matched": 0, "target_ok": 0, "status_ok": 0}
    for name, entry in second.items():
        gold = first[name]["facts"]
        preds = [
            as_prediction(f) for f in entry["facts"] if reading == "all" or not f.get("optional")
        ]
        used: set[int] = set()
        joint: dict[int, set[str]] = {}
        for pred in preds:
            hit = next(
                (i for i, g in enumerate(gold) if i not in used and scorer.fact_matches(pred, g)),
                None,
            )
            if hit is None:
                again = next(
                    (i for i in used if joint_fact(scorer, pred, gold[i])),
                    None,
                )
                actor = scorer.norm(pred["actor"])
                if again is not None and actor not in joint[again]:
                    joint[again].add(actor)
                    continue
                t["fp"] += 1
                if verbose:
                    print(f"  {name}: second only: {pred}")
                continue
            used.add(hit)
            joint[hit] = {scorer.norm(pred["actor"])}
            if gold[hit].get("optional"):
                continue
            t["tp"] += 1
            t["matched"] += 1
            t["target_ok"] += scorer.names_match(pred["target"] or "", gold[hit]["target"])
            t["status_ok"] += pred["status"] in gold[hit]["status"]
        for i, g in enumerate(gold):
            if g.get("optional"):
                continue
            t["required"] += 1
            if i not in used and verbose:
                what = f"{g['measure'][0]} by {g['actor'][0]} on {g['target'][:1]}"
                print(f"  {name}: first only: {what}")
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument(
        "--second", type=Path, default=SECOND, help="the second annotation (default: %(default)s)"
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.eval)
    first = json.loads(FIRST.read_text(encoding="utf-8"))
    try:
        second = json.loads(args.second.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        sys.exit(f"agreement: cannot read {args.second}: {exc}")
    unknown = sorted(set(second) - set(first))
    if unknown:
        sys.exit(f"agreement: {len(unknown)} texts not in the first gold, e.g. {unknown[0]}")
    for part in ("tune", "heldout", "all"):
        chosen = {k: v for k, v in second.items() if part == "all" or v["split"] == part}
        for reading in ("required", "all"):
            verbose = args.verbose and part == "all" and reading == "required"
            t = score(scorer, first, chosen, reading, verbose)
            p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
            r = t["tp"] / t["required"] if t["required"] else 1.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            m = max(t["matched"], 1)
            print(
                f"{part:8} ({len(chosen)} texts, {t['required']} required) second annotator, "
                f"{reading:8}: F1 {f1:.3f} (P {p:.3f} R {r:.3f}) target {t['target_ok'] / m:.3f} "
                f"status {t['status_ok'] / m:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
