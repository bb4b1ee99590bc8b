"""The fact filter: a small trained model that drops facts the rules find but a careful analyst
would not list (a measure restated under another target, a background mention, a measure word
in another sense).

It is a logistic regression over features of each fact as the rules report it: its measure
type and status, the kind of its actor, whether it names a target, where it stands in the
article, whether the same actor took the same kind of measure in an earlier sentence, whether
its sentence is long, quoted or dated. It reads no words of the article beyond those cues. A
fact scoring under the threshold is left out of the analysis.

The weights in ``data/fact_filter.json`` are trained by ``make train`` (scripts/
train_fact_filter.py) from ``tests/data/fact_filter_table.json``: the features and labels of the
facts found in the tune part of the real-news development set (the texts stay outside the
repository; only these features and the gold labels are committed). The table is rebuilt from
the texts with ``make train-table REALNEWS=...`` whenever the rules change.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from briefing.model import joint_actors
from briefing.nlp.gazetteer import intergovernmental

WEIGHTS_FILE = "fact_filter.json"

YEAR = re.compile(r"\b(?:19|20)\d\d\b")
BACKGROUND = re.compile(
    r"\b(?:earlier|previously|last year|last month|in the past|since|already|had been"
    r"|had imposed|was imposed|were imposed)\b",
    re.IGNORECASE,
)
QUOTES = ('"', "\u201c")


def fact_features(
    facts: Sequence[Mapping[str, Any]], actors: Sequence[Mapping[str, Any]], body_length: int
) -> list[dict[str, float]]:
    """One feature dict per fact, in order. ``facts`` carry measure, actor, target, quantity,
    when, status, sentence, start and end; ``actors`` carry canonical, kind and start (the
    analysis's own, or the same fields read back from ``briefing analyze --json``)."""
    kinds: dict[str, str] = {}
    for mention in actors:
        canonical = str(mention["canonical"])
        kind = "international" if canonical in intergovernmental() else str(mention["kind"])
        kinds.setdefault(canonical, kind)
    states = sum(1 for mention in actors if mention["kind"] in ("country", "group"))
    first_sentence = min((int(f["start"]) for f in facts), default=0)
    # (actor, type) of the facts before, with the sentence each came from: a fact on another
    # state listed in the same sentence ("on Niger, Mali and Burkina Faso") is no repeat
    seen: dict[tuple[str, str], int] = {}
    rows: list[dict[str, float]] = []
    for fact in facts:
        actor = str(fact["actor"] or "")
        start, end = int(fact["start"]), int(fact["end"])
        sentence = str(fact["sentence"])
        # a joint fact's kind is its first actor's: "United States, France and Germany"
        # "West African leaders" is named by the phrase round its mention "West African"
        kind = (
            kinds.get(actor)
            or kinds.get(next(iter(joint_actors(actor)), ""))
            or next((k for name, k in kinds.items() if actor.startswith(name + " ")), "unknown")
        )
        key = (actor, str(fact["measure"]))
        row = {
            "bias": 1.0,
            "type=" + str(fact["measure"]): 1.0,
            "status=" + str(fact["status"]): 1.0,
            "kind=" + kind: 1.0,
            # a target the sentence names, not the state of the story filled in
            "target": float(bool(fact["target"]) and bool(fact.get("target_stated", True))),
            "quantity": float(bool(fact.get("quantity"))),
            "when": float(bool(fact.get("when"))),
            "joint": float(" and " in actor),
            "named_in_sentence": float(
                any(a["canonical"] == actor and start <= int(a["start"]) < end for a in actors)
            ),
            "same_actor_and_type_before": float(seen.get(key, start) != start),
            "same_type_before": float(any(type_ == key[1] for _, type_ in seen)),
            "first_fact_sentence": float(start == first_sentence),
            "position": start / max(body_length, 1),
            "facts_in_sentence": float(sum(1 for f in facts if int(f["start"]) == start) - 1),
            "year_in_sentence": float(bool(YEAR.search(sentence))),
            "background_words": float(bool(BACKGROUND.search(sentence))),
            "quoted": float(any(q in sentence for q in QUOTES)),
            "sentence_length": min(len(sentence) / 300, 2.0),
            "few_states": float(states <= 1),
            "facts_in_article": min(len(facts) / 10, 2.0),
        }
        seen.setdefault(key, start)
        rows.append(row)
    return rows


@dataclass(frozen=True)
class FactFilter:
    weights: Mapping[str, float]
    threshold: float

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FactFilter:
        return cls(dict(data["weights"]), float(data["threshold"]))

    def score(self, features: Mapping[str, float]) -> float:
        """The probability that an analyst would list the fact."""
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1 / (1 + math.exp(-max(min(z, 50.0), -50.0)))

    def keep(
        self,
        facts: Sequence[Mapping[str, Any]],
        actors: Sequence[Mapping[str, Any]],
        body_length: int,
    ) -> list[bool]:
        return [
            self.score(row) >= self.threshold for row in fact_features(facts, actors, body_length)
        ]


@cache
def shipped_filter() -> FactFilter:
    """The filter trained by ``make train``, from the package's data."""
    text = resources.files("briefing.nlp").joinpath("data", WEIGHTS_FILE).read_text("utf-8")
    return FactFilter.from_json(json.loads(text))
