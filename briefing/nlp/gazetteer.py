"""The actor gazetteer and measure patterns, loaded from the JSON files in ``briefing/nlp/data``.

Kept free of spaCy so that the data can be checked (and the lookup reused) without a model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

# Labels whose spans go into the ruler: names of states, their seats and organizations.
SEAT_ORG_WORDS = frozenset(
    {"House", "Street", "Department", "Office", "Kremlin", "Pentagon", "Treasury", "Hill"}
    | {"Elysee", "Élysée", "Quai", "Zhongnanhai", "Whitehall", "OFAC", "Control", "State"}
)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    canonical: str
    kind: str  # one of model.ACTOR_KINDS


def _load_json(name: str) -> dict[str, Any]:
    text = resources.files("briefing.nlp").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def actor_data() -> dict[str, Any]:
    return _load_json("actors.json")


@cache
def measure_data() -> dict[str, Any]:
    return _load_json("measures.json")


@cache
def vague_targets() -> frozenset[str]:
    """Nouns that restate a target already named ("the government", "a majority of aid")."""
    return frozenset(measure_data()["vague_targets"])


def _strip_name(text: str) -> str:
    """ "the United States's" -> "United States": the form the lookup table is keyed by."""
    text = text.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    if text[:4].lower() == "the ":
        text = text[4:]
    return text.strip()


@cache
def lookup_table() -> dict[str, GazetteerEntry]:
    """Every surface form (name, demonym, seat) -> its canonical entry."""
    table: dict[str, GazetteerEntry] = {}
    for entry in actor_data()["entries"]:
        value = GazetteerEntry(entry["canonical"], entry["kind"])
        for form in (*entry["names"], *entry["demonyms"], *entry["seats"], entry["canonical"]):
            table.setdefault(form, value)
    return table


@cache
def intergovernmental() -> frozenset[str]:
    """Canonical names of organizations of states (the UN, the World Bank): they take measures
    as states do, unlike the companies and leagues that share their kind."""
    return frozenset(
        entry["canonical"] for entry in actor_data()["entries"] if entry.get("intergovernmental")
    )


def lookup(text: str) -> GazetteerEntry | None:
    table = lookup_table()
    name = _strip_name(text)
    if not name:
        return None
    # "CANBERRA" in a dateline is Canberra.
    for form in (name, name.title() if name.isupper() and len(name) > 4 else name):
        entry = table.get(form) or (table.get(form[:-1]) if form.endswith("s") else None)
        if entry is not None:
            return entry
    return None


# Leaders' surnames that are also common words or other people's names: never read alone.
AMBIGUOUS_SURNAMES = frozenset(
    {"May", "Hunt", "Costa", "Michel", "Wong", "Khan", "Kerry", "Ahmed", "Martin", "Santos"}
    | {"Morales", "Ortega", "Castro", "Hassan", "Ibrahim", "Moreno", "Correa", "Marin", "Arce"}
    | {"Andersson", "Rasmussen", "Store", "Sharif"}
)


@cache
def leader_surnames() -> dict[str, str]:
    """A known leader's surname, alone ("Trump said ..."), to the state the leader speaks for."""
    surnames: dict[str, str] = {}
    for state, names in actor_data()["leaders"].items():
        if state.startswith("_"):
            continue
        for name in names:
            surname = name.split()[-1]
            if len(surname) >= 4 and surname not in AMBIGUOUS_SURNAMES:
                surnames.setdefault(surname, state)
    return surnames


def ruler_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns: the gazetteer's forms with their label and canonical name as id."""
    patterns: list[dict[str, Any]] = []
    for entry in actor_data()["entries"]:
        canonical, kind = entry["canonical"], entry["kind"]
        name_label = "GPE" if kind == "country" else ("LOC" if canonical == "Europe" else "ORG")
        for name in entry["names"]:
            patterns.append({"label": name_label, "pattern": name, "id": canonical})
        for demonym in entry["demonyms"]:
            patterns.append({"label": "NORP", "pattern": demonym, "id": canonical})
        for seat in entry["seats"]:
            words = set(seat.split())
            label = "ORG" if words & SEAT_ORG_WORDS else "GPE"
            patterns.append({"label": label, "pattern": seat, "id": canonical})
            if label == "GPE":  # wire datelines: "KYIV, Ukraine — ..."
                patterns.append({"label": label, "pattern": seat.upper(), "id": canonical})
    for state, names in actor_data()["leaders"].items():
        if not state.startswith("_"):
            patterns.extend({"label": "PERSON", "pattern": name} for name in names)
    bodies = actor_data()["government_bodies"]
    patterns.append(
        {
            "label": "ORG",
            "pattern": [
                {"TEXT": {"IN": bodies["prefixes"]}},
                {"TEXT": {"IN": bodies["heads"]}},
            ],
        }
    )
    patterns.append(
        {
            "label": "ORG",
            "pattern": [
                {"TEXT": {"IN": ["Ministry", "Department"]}},
                {"LOWER": "of"},
                {"LOWER": "the", "OP": "?"},
                {"TEXT": {"IN": bodies["prefixes"]}},
                {"TEXT": "Affairs", "OP": "?"},
            ],
        }
    )
    return patterns
