"""What the store hands to the reader, the export and the CLI: plain dataclasses, never rows.

The UI and the export see only these; SQL stays inside ``briefing.store``.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model import Actor, ArticleMeta, Measure


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list: everything it draws, nothing it doesn't (no body)."""

    id: int
    title: str
    source: str | None
    published: str | None  # ISO date, or None
    imported_at: str  # ISO timestamp (UTC)
    fact_count: int  # visible (not hidden) facts
    unread: bool
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoredFact:
    """A fact as the user sees it: the machine's values with the user's corrections applied."""

    id: int
    article_id: int
    measure: str
    actor: str | None
    target: str | None
    quantity: str | None
    when: str | None
    status: str
    sentence: str
    start: int  # offsets of ``sentence`` in the article body (0, 0 when none)
    end: int
    pinned: bool
    note: str | None
    hidden: bool
    origin: str  # "machine" (extracted) or "user" (added by hand)
    edited: bool  # the user corrected at least one field
    created_at: str
    corrected: tuple[str, ...] = ()  # names of the fields the user corrected
    # False when the evidence sentence names nobody the measure falls on and the pipeline took
    # the state the story is about as the target (``Fact.target_stated``); a target the user
    # corrected is stated (the user set it).
    target_stated: bool = True


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One article with its analysis and facts, as the reader opens it."""

    id: int
    path: str  # source path or URL it was imported from
    content_hash: str
    title: str
    dek: str | None
    meta: ArticleMeta
    imported_at: str
    raw_text: str
    body: str
    removed: tuple[str, ...]
    actors: tuple[Actor, ...]
    measures: tuple[Measure, ...]
    facts: tuple[StoredFact, ...]  # all facts, hidden ones included (check ``hidden``)
    tags: tuple[str, ...]
    unread: bool
    pipeline_version: str
