"""The naive baseline the accuracy figures are reported beside (README, "Accuracy").

For each sentence holding a measure keyword, the first named entity of the sentence (a place,
organisation, nationality or person) is the actor, the keyword's type the measure, the next
entity the target, and the status "announced"; nothing is cleaned. It prints one JSON object
per article in the shape of `briefing analyze --json`, so the shared scorer reads it:

    python3 ../shared/eval/score_analysis.py GOLD.json DIR \\
        --cmd ".venv/bin/python scripts/naive_baseline.py {paths}"
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy

from briefing.nlp.loader import load_base_model

KEYWORDS = {
    "sanction": "sanctions",
    "expel": "expulsion",
    "expulsion": "expulsion",
    "embargo": "trade_restriction",
    "tariff": "trade_restriction",
    "import": "import_ban",
    "export": "export_control",
    "freeze": "asset_freeze",
    "swift": "financial_restriction",
    "airspace": "transport_ban",
    "flight": "transport_ban",
    "visa": "travel_ban",
    "aid": "aid_suspension",
    "ambassador": "diplomatic_measure",
    "ban": "import_ban",
}
ACTOR_LABELS = {"GPE", "ORG", "NORP", "PERSON"}


def analyze(nlp: spacy.language.Language, text: str) -> dict[str, object]:
    doc = nlp(text)
    facts = []
    for sentence in doc.sents:
        lemmas = [t.lemma_.lower() for t in sentence]
        measure = next((KEYWORDS[w] for w in lemmas if w in KEYWORDS), None)
        ents = [e for e in sentence.ents if e.label_ in ACTOR_LABELS]
        if measure is None or not ents:
            continue
        facts.append(
            {
                "measure": measure,
                "actor": ents[0].text,
                "target": ents[1].text if len(ents) > 1 else None,
                "status": "announced",
            }
        )
    lines = text.strip().splitlines()
    return {
        "title": lines[0] if lines else "",
        "dek": None,
        "body": text,
        "actors": [{"text": e.text} for e in doc.ents if e.label_ in ACTOR_LABELS],
        "facts": facts,
    }


def main(paths: list[str]) -> int:
    nlp = load_base_model()  # the same spaCy model the pipeline uses, with nothing added
    for path in paths:
        print(json.dumps(analyze(nlp, Path(path).read_text(encoding="utf-8"))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
