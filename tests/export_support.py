"""Shared by the export tests: hand-made store records and a structural reading of a briefing.

The structure comes from parsing with markdown-it-py (CommonMark + tables + footnotes + front
matter), the way a renderer sees the document, never from substring checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from briefing.model import Actor, ArticleMeta
from briefing.store.records import StoredArticle, StoredFact

PARSER = MarkdownIt("commonmark").enable("table").use(footnote_plugin).use(front_matter_plugin)


def make_fact(fact_id: int, article_id: int, **changes: Any) -> StoredFact:
    values: dict[str, Any] = {
        "id": fact_id,
        "article_id": article_id,
        "measure": "expulsion",
        "actor": "Japan",
        "target": "Russian diplomats",
        "quantity": "8",
        "when": "Friday",
        "status": "announced",
        "sentence": "Japan's government says it is expelling eight Russian diplomats.",
        "start": 0,
        "end": 64,
        "pinned": False,
        "note": None,
        "hidden": False,
        "origin": "machine",
        "edited": False,
        "created_at": "2026-01-01T00:00:00Z",
    }
    values.update(changes)
    return StoredFact(**values)


def make_article(
    article_id: int, facts: tuple[StoredFact, ...] = (), **changes: Any
) -> StoredArticle:
    values: dict[str, Any] = {
        "id": article_id,
        "path": f"/articles/{article_id}.txt",
        "content_hash": f"hash-{article_id}",
        "title": f"Headline of article {article_id}",
        "dek": None,
        "meta": ArticleMeta(source="AP", published="2022-04-08", url=None, tags=("russia",)),
        "imported_at": "2026-01-01T00:00:00Z",
        "raw_text": "",
        "body": "",
        "removed": (),
        "actors": (
            Actor("Japan", "GPE", "Japan", 0, 5, "country"),
            Actor("Russian", "NORP", "Russia", 10, 17, "country"),
        ),
        "measures": (),
        "facts": facts,
        "tags": ("russia",),
        "unread": True,
        "pipeline_version": "test",
    }
    values.update(changes)
    return StoredArticle(**values)


def inline_text(token: Token) -> str:
    """What an inline token renders as, as plain text (footnote references left out)."""
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


@dataclass
class Briefing:
    """A parsed briefing: what a Markdown renderer would see."""

    tokens: list[Token]
    env: dict[str, Any]
    front_matter: dict[str, Any]
    headings: list[tuple[int, str]] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)  # rows of cell texts
    table_inlines: list[list[list[Token]]] = field(default_factory=list)
    footnote_refs: list[str] = field(default_factory=list)  # labels, in order of reference
    footnote_definitions: set[str] = field(default_factory=set)

    def all_inline_children(self) -> list[Token]:
        return [
            child
            for token in self.tokens
            if token.type == "inline"
            for child in token.children or ()
        ]

    def section(self, heading: str) -> list[Token]:
        """The block tokens between the level-2 heading ``heading`` and the next one."""
        start = None
        for index, token in enumerate(self.tokens):
            if token.type == "heading_open" and token.tag == "h2":
                text = inline_text(self.tokens[index + 1])
                if start is not None:
                    return self.tokens[start:index]
                if text == heading:
                    start = index + 3
        if start is None:
            raise AssertionError(f"no section {heading!r}")
        return self.tokens[start:]


def parse(text: str) -> Briefing:
    env: dict[str, Any] = {}
    tokens = PARSER.parse(text, env)
    assert tokens and tokens[0].type == "front_matter", "the briefing must open with front matter"
    front_matter = yaml.safe_load(tokens[0].content)
    briefing = Briefing(tokens=tokens, env=env, front_matter=front_matter)
    row: list[Token] | None = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            briefing.headings.append((int(token.tag[1]), inline_text(tokens[index + 1])))
        elif token.type == "table_open":
            briefing.table_inlines.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            assert row is not None
            row.append(tokens[index + 1])
        elif token.type == "tr_close":
            assert row is not None
            briefing.table_inlines[-1].append(row)
            row = None
    briefing.tables = [
        [[inline_text(cell) for cell in r] for r in t] for t in briefing.table_inlines
    ]
    # Every definition, referenced or not (unreferenced ones are dropped from the tokens).
    briefing.footnote_definitions = {key[1:] for key in env.get("footnotes", {}).get("refs", {})}
    briefing.footnote_refs = [
        child.meta["label"]
        for child in briefing.all_inline_children()
        if child.type == "footnote_ref"
    ]
    return briefing
