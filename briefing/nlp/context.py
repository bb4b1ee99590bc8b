"""What the fact rules pass around while they read one doc.

``ActorRef`` (a canonical actor and its kind), ``Mention`` (where an actor is named),
``EntInfo`` (an actor entity read once), ``Located`` (what the walk up from a trigger found) and
``Context`` (everything known about the doc, and the facts found so far).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True, slots=True)
class ActorRef:
    canonical: str
    kind: str


@dataclass(slots=True)
class Mention:
    actor: ActorRef
    token_i: int
    sentence_i: int
    subject: bool
    # The subject of an active verb, or its modifier ("The ECOWAS heads ... adopted"): one who
    # acts. A passive's subject ("Mali's membership was suspended") is one acted on.
    agent: bool = False


@dataclass(slots=True)
class Located:
    """Where a trigger's agent was found: actors, the path of tokens climbed, a target."""

    path: list[Token]
    actors: list[ActorRef] = field(default_factory=list)
    target: Token | None = None
    status: str | None = None
    # True when the clause names no agent but goes on with the story (a passive, a list
    # item): the actor of the measure reported just before is meant.
    continues_story: bool = False
    # True when the measure is something the clause reacts to ("respond to sanctions").
    reaction: bool = False
    # True when the clause only says something about the measure ("Washington's sanctions
    # were a hostile act", "the package was the toughest ever"): no report of it.
    comment: bool = False
    # The head of the clause's subject or "by" agent the actors were read from
    agent: Token | None = None


@dataclass(frozen=True, slots=True)
class EntInfo:
    """An actor entity with its canonical name and kind read once (Span._ lookups are slow)."""

    span: Span
    canonical: str
    kind: str
    label_: str
    ent_id_: str
    start: int
    root: Token


@dataclass(slots=True)
class Context:
    """What the extractor knows about one doc while it walks the measures in order."""

    doc: Doc
    ent_at: dict[int, EntInfo]
    actors: list[EntInfo]
    sentences: list[Span]
    sentence_starts: list[int]
    mentions: list[Mention]
    person_state: dict[str, str]
    facts: list[dict[str, Any]] = field(default_factory=list)
    # Doc.text and Doc.ents are rebuilt from every token on each access: taken once per doc, so
    # that a doc with thousands of measures (a huge one-line file) stays linear, not quadratic.
    text: str = ""
    ents: tuple[Span, ...] = ()
    # The trigger token of every measure in the doc, and its measure type and token span.
    triggers: dict[int, str] = field(default_factory=dict)
    extents: dict[int, tuple[int, int]] = field(default_factory=dict)
    # Triggers of phrases said of whom they fall on ("declared X persona non grata")
    said_of: frozenset[int] = frozenset()

    def sentence_number(self, token_i: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, token_i) - 1, 0)

    def sentence(self, token_i: int) -> Span:
        return self.sentences[self.sentence_number(token_i)]
