"""The project's own accuracy scorer: the analysis of sample_articles against the gold set.

It follows the rules of the evaluation scorer the project is judged by (fact matching by measure
type, actor alias containment and status polarity; optional and joint gold facts; a repeated
fact counts once right and once wrong), but runs the pipeline in-process and depends on nothing
outside this repository.

    python tests/quality.py [--verbose]      # score the samples, print the figures

The gold file maps an article's file name to:
  title, dek     the headline and the standfirst (null where the article has none)
  boilerplate    lines that must NOT survive into the cleaned body
  actors         names that must be highlighted as actors
  facts          {measure: [types], actor: [aliases], target: [aliases], status: [statuses],
                 quantity?, optional?, joint?}
Every other non-empty line of the source (after title, dek, front matter and Markdown headings)
is content and must survive into the body, words intact.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD_PATH = ROOT / "tests" / "data" / "gold.json"
SAMPLES_DIR = ROOT / "sample_articles"

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2014": "-",
        "\u2013": "-",
        "\u00a0": " ",
    }
)

# Taken or going ahead; not happening; only talked of or held over someone; ended.
POLARITY = {
    "announced": "yes",
    "in_force": "yes",
    "planned": "yes",
    "rejected": "no",
    "considered": "maybe",
    "threatened": "maybe",
    "lifted": "ended",
}


def norm(text: str | None) -> str:
    """Text compared the forgiving way: NFKC, straight quotes, no Markdown marks or link
    targets, collapsed whitespace, lower case."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    text = re.sub(r"[*_`>#\[\]]|\(https?://[^)]*\)", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def same_polarity(status: str | None, accepted: Iterable[str]) -> bool:
    wanted = {POLARITY.get(a, a) for a in accepted}
    return POLARITY.get(status or "", status) in wanted


def names_match(predicted: str, aliases: Iterable[str]) -> bool:
    """Either name contains the other (case-insensitive); very short predictions never match."""
    p = norm(predicted)
    if len(p) < 2:
        return False
    for alias in aliases:
        a = norm(alias)
        if a and (a in p or (p in a and len(p) >= 3)):
            return True
    return False


def fact_matches(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    return (
        pred.get("measure") in gold["measure"]
        and names_match(pred.get("actor") or "", gold["actor"])
        and same_polarity(pred.get("status"), gold["status"])
    )


def source_lines(path: Path, gold: Mapping[str, Any]) -> list[str]:
    """The content lines of a source file: what must survive cleaning."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[end + 4 :] if end > 0 else text
    skip = {norm(gold.get("title")), norm(gold.get("dek") or "")}
    boilerplate = {norm(b) for b in gold["boilerplate"]}
    content = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line or line.startswith("#"):
            continue
        n = norm(line)
        if n in skip or n in boilerplate:
            continue
        content.append(line)
    return content


@dataclass
class Score:
    """Totals over a gold set, and every miss as a readable line."""

    articles: int = 0
    title: int = 0
    dek: int = 0
    boiler: int = 0
    boiler_left: int = 0
    content: int = 0
    content_kept: int = 0
    actors: int = 0
    actors_hit: int = 0
    tp: int = 0
    fp: int = 0
    required: int = 0
    matched: int = 0
    target_ok: int = 0
    status_ok: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def target_accuracy(self) -> float:
        return self.target_ok / max(self.matched, 1)

    @property
    def status_accuracy(self) -> float:
        return self.status_ok / max(self.matched, 1)

    def misses_of(self, kind: str) -> list[str]:
        return [m for m in self.misses if f": {kind}" in m]

    def summary(self) -> str:
        n = self.articles
        return (
            f"facts P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"target={self.target_accuracy:.3f} status={self.status_accuracy:.3f}; "
            f"boilerplate left {self.boiler_left}/{self.boiler}; "
            f"content kept {self.content_kept}/{self.content}; "
            f"actors {self.actors_hit}/{self.actors}; title {self.title}/{n} dek {self.dek}/{n}"
        )


def score_article(
    score: Score, name: str, path: Path, gold: Mapping[str, Any], result: Mapping[str, Any]
) -> None:
    """Add one article's analysis (the ``briefing analyze --json`` object) to ``score``."""
    miss = score.misses.append
    score.articles += 1
    body = norm(result.get("body", ""))
    if norm(result.get("title")) == norm(gold["title"]):
        score.title += 1
    else:
        miss(f"{name}: title wrong: {result.get('title')!r} (gold {gold['title']!r})")
    if norm(result.get("dek") or "") == norm(gold.get("dek") or ""):
        score.dek += 1
    else:
        miss(f"{name}: dek wrong: {result.get('dek')!r} (gold {gold.get('dek')!r})")
    for line in gold["boilerplate"]:
        score.boiler += 1
        if norm(line) in body:
            score.boiler_left += 1
            miss(f"{name}: boilerplate kept: {line}")
    for line in source_lines(path, gold):
        score.content += 1
        if norm(line) in body:
            score.content_kept += 1
        else:
            miss(f"{name}: content lost: {line[:90]}")
    actor_texts = [a.get("text", "") for a in result.get("actors", [])]
    for actor in gold["actors"]:
        score.actors += 1
        if any(names_match(text, [actor]) for text in actor_texts):
            score.actors_hit += 1
        else:
            miss(f"{name}: actor not highlighted: {actor}")
    _score_facts(score, name, gold["facts"], result.get("facts", []))


# A predicted fact naming another of the actors of a joint gold fact already matched.
JOINT = -1


def match_facts(
    gold_facts: Sequence[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]
) -> list[int | None]:
    """For each predicted fact, in order: the index of the gold fact it matches (each gold fact
    matches once), ``JOINT`` for another actor of a joint fact already matched, or None for a
    spurious or repeated fact."""
    used: set[int] = set()
    joint_actors: dict[int, set[str]] = {}
    matches: list[int | None] = []
    for pred in predicted:
        hit = next(
            (i for i, g in enumerate(gold_facts) if i not in used and fact_matches(pred, g)), None
        )
        if hit is not None:
            used.add(hit)
            joint_actors[hit] = {norm(pred.get("actor"))}
            matches.append(hit)
            continue
        # Another of the actors who took a joint measure together is not a repeat.
        again = next(
            (i for i in used if gold_facts[i].get("joint") and fact_matches(pred, gold_facts[i])),
            None,
        )
        if again is not None and norm(pred.get("actor")) not in joint_actors[again]:
            joint_actors[again].add(norm(pred.get("actor")))
            matches.append(JOINT)
        else:
            matches.append(None)
    return matches


def _score_facts(
    score: Score, name: str, gold_facts: Sequence[Mapping[str, Any]], predicted: Iterable[Any]
) -> None:
    predicted = list(predicted)
    matches = match_facts(gold_facts, predicted)
    used = {hit for hit in matches if hit is not None and hit != JOINT}
    for pred, hit in zip(predicted, matches, strict=True):
        if hit == JOINT:
            continue
        if hit is None:
            score.fp += 1
            score.misses.append(
                f"{name}: spurious or repeated fact: {pred.get('measure')} by {pred.get('actor')}"
                f" on {pred.get('target')} ({pred.get('status')})"
            )
            continue
        gold = gold_facts[hit]
        if gold.get("optional"):
            continue  # matching an optional fact counts neither way
        score.tp += 1
        score.matched += 1
        if names_match(pred.get("target") or "", gold["target"]):
            score.target_ok += 1
        else:
            score.misses.append(
                f"{name}: target wrong: {pred.get('target')!r} for {gold['measure'][0]} by "
                f"{gold['actor'][0]} (gold {gold['target']})"
            )
        if pred.get("status") in gold["status"]:
            score.status_ok += 1
        else:
            score.misses.append(
                f"{name}: status wrong: {pred.get('status')!r} for {gold['measure'][0]} by "
                f"{gold['actor'][0]} (gold {gold['status']})"
            )
    for i, gold in enumerate(gold_facts):
        if gold.get("optional"):
            continue
        score.required += 1
        if i not in used:
            score.misses.append(
                f"{name}: missed fact: {gold['measure'][0]} by {gold['actor'][0]} on "
                f"{gold['target'][0]}"
            )


def load_gold(path: Path = GOLD_PATH) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return gold


def score_results(
    gold_all: Mapping[str, Any], results: Mapping[str, Mapping[str, Any]], articles: Path
) -> Score:
    """Score analysis results (file name -> analyze JSON object) against a gold set."""
    score = Score()
    for name, gold in gold_all.items():
        score_article(score, name, articles / name, gold, results[name])
    return score


def analyze_samples(
    analyzer: Any, gold_all: Mapping[str, Any], articles: Path = SAMPLES_DIR
) -> dict[str, dict[str, Any]]:
    """Run the real pipeline (read -> clean -> Analyzer.analyze_many) on every gold article."""
    from briefing.cleaning import clean_article
    from briefing.reading import read_article

    names = list(gold_all)
    cleaned = [clean_article(read_article(articles / name)) for name in names]
    return {
        name: analysis.to_json()
        for name, analysis in zip(names, analyzer.analyze_many(cleaned), strict=True)
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the pipeline on the sample articles.")
    parser.add_argument("--gold", type=Path, default=GOLD_PATH)
    parser.add_argument("--articles", type=Path, default=SAMPLES_DIR)
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from briefing.nlp import Analyzer

    gold_all = load_gold(args.gold)
    score = score_results(
        gold_all, analyze_samples(Analyzer.load(), gold_all, args.articles), args.articles
    )
    if args.verbose:
        for line in score.misses:
            print("  " + line)
    print(score.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
