"""Plain data that flows down the pipeline: file -> reading -> cleaning -> nlp -> Analysis.

Everything here is a frozen dataclass of plain values, so that the store, the export and the
reader can use an analysis without spaCy, and so that ``Analysis.to_json()`` is the stable
interface printed by ``briefing analyze --json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# The measure taxonomy: the contract that the scorer, the store and the export share. It follows
# the CAMEO/PLOVER sanction categories, split into the kinds a briefing reader asks about.
MEASURE_TYPES: tuple[str, ...] = (
    "sanctions",
    "expulsion",
    "asset_freeze",
    "import_ban",
    "export_control",
    "financial_restriction",
    "travel_ban",
    "transport_ban",
    "trade_restriction",
    "aid_suspension",
    "diplomatic_measure",
)

# Where a measure stands. "announced", "in_force" and "planned" mean it goes ahead.
STATUSES: tuple[str, ...] = (
    "announced",
    "in_force",
    "planned",
    "threatened",
    "considered",
    "rejected",
    "lifted",
)

# Actor kinds drive highlighting: one colour (and marker) per kind.
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "country", "group")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    source: str | None = None  # the publication ("Reuters"), from front matter
    published: str | None = None  # ISO date (YYYY-MM-DD) where known
    url: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read from a file, before cleaning.

    ``paragraphs`` are the body's blocks of text in order (for .txt, one per non-empty line; for
    Markdown, one per paragraph/list item/quote, with markup removed).
    """

    path: str
    raw_text: str
    title: str
    dek: str | None
    paragraphs: tuple[str, ...]
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    # Lines taken out while finding the headline (e.g. a cookie banner above it).
    preamble_removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article with the page chrome removed: what the reader shows and the NLP reads."""

    path: str
    raw_text: str
    title: str
    dek: str | None
    body: str  # paragraphs joined by a blank line ("\n\n")
    removed: tuple[str, ...]  # the lines taken out, in order, for "show removed" in the reader
    meta: ArticleMeta = field(default_factory=ArticleMeta)


@dataclass(frozen=True, slots=True)
class Actor:
    """A mention of an actor in the body. ``body[start:end] == text``."""

    text: str
    label: str  # spaCy entity label: PERSON, ORG, GPE, NORP, ...
    canonical: str  # "Japan" for "Tokyo", "Japanese", "Japan's government"
    start: int
    end: int
    kind: str = "organization"  # one of ACTOR_KINDS

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "label": self.label,
            "canonical": self.canonical,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Measure:
    """A span of the body that states a policy measure. ``body[start:end] == text``."""

    text: str
    type: str  # one of MEASURE_TYPES
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "type": self.type, "start": self.start, "end": self.end}


# How a joint fact's actor lists its actors: "United States, France and Germany".
_JOINT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def joint_actors(actor: str | None) -> list[str]:
    """The actors a fact's actor names, in order: "United States, France and Germany" is
    three, "Japan" one, none for no actor."""
    if not actor:
        return []
    return [part for part in _JOINT.split(actor) if part]


@dataclass(frozen=True, slots=True)
class Fact:
    """One measure taken: who does what to whom, when, and where the body says so.

    ``body[start:end] == sentence``.
    """

    measure: str  # one of MEASURE_TYPES
    actor: str | None  # canonical name of who takes it
    target: str | None  # whom or what it falls on
    quantity: str | None  # "8" for eight diplomats, where stated
    when: str | None  # the time expression, where stated
    status: str  # one of STATUSES
    sentence: str  # the evidence sentence
    start: int
    end: int
    # False when the sentence names nobody it falls on and the target is the state the story
    # is about ("The Netherlands suspended its aid" in a story about Uganda)
    target_stated: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "actor": self.actor,
            "target": self.target,
            "target_stated": self.target_stated,
            "quantity": self.quantity,
            "when": self.when,
            "status": self.status,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fact:
        return cls(
            measure=str(data["measure"]),
            actor=data.get("actor"),
            target=data.get("target"),
            quantity=data.get("quantity"),
            when=data.get("when"),
            status=str(data.get("status") or "announced"),
            sentence=str(data.get("sentence") or ""),
            start=int(data.get("start") or 0),
            end=int(data.get("end") or 0),
            target_stated=bool(data.get("target_stated", True)),
        )


@dataclass(frozen=True, slots=True)
class Analysis:
    """The result of analysing one article: the stable ``briefing analyze --json`` shape."""

    path: str
    title: str
    dek: str | None
    body: str
    removed: tuple[str, ...]
    actors: tuple[Actor, ...]
    measures: tuple[Measure, ...]
    facts: tuple[Fact, ...]
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    pipeline_version: str = ""

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object (see README, "The analyze JSON")."""
        return {
            "path": self.path,
            "title": self.title,
            "dek": self.dek,
            "source": self.meta.source,
            "published": self.meta.published,
            "url": self.meta.url,
            "tags": list(self.meta.tags),
            "body": self.body,
            "removed": list(self.removed),
            "actors": [a.to_json() for a in self.actors],
            "measures": [m.to_json() for m in self.measures],
            "facts": [f.to_json() for f in self.facts],
            "pipeline_version": self.pipeline_version,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            path=str(data.get("path") or ""),
            title=str(data.get("title") or ""),
            dek=data.get("dek"),
            body=str(data.get("body") or ""),
            removed=tuple(data.get("removed") or ()),
            actors=tuple(
                Actor(
                    text=a["text"],
                    label=a["label"],
                    canonical=a["canonical"],
                    start=int(a["start"]),
                    end=int(a["end"]),
                    kind=a.get("kind", "organization"),
                )
                for a in data.get("actors") or ()
            ),
            measures=tuple(
                Measure(text=m["text"], type=m["type"], start=int(m["start"]), end=int(m["end"]))
                for m in data.get("measures") or ()
            ),
            facts=tuple(Fact.from_json(f) for f in data.get("facts") or ()),
            meta=ArticleMeta(
                source=data.get("source"),
                published=data.get("published"),
                url=data.get("url"),
                tags=tuple(data.get("tags") or ()),
            ),
            pipeline_version=str(data.get("pipeline_version") or ""),
        )
