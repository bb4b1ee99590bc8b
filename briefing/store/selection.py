"""Queries (:mod:`briefing.query`) compiled to SQL, and the pages of facts, developments and
articles they select.

A fact matches a query when it satisfies every term; a development matches when one of its
reports does; an article (``list``, ``export``) when it satisfies the article terms (text, tag,
source, dates, article) and, if the query has fact terms, one of its facts matches them all.
Everything runs in SQL over indexed columns written when facts are stored (see
:mod:`briefing.store.developments`): no query reads the library into Python.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from briefing.query import TEXT, Query, Term, parse_query
from briefing.store import developments as dev
from briefing.store.developments import Development, DevelopmentSource

# The article's date as every date filter compares it (the import date when unpublished).
_ARTICLE_DATE = "coalesce(a.published, substr(a.imported_at, 1, 10))"
_ARTICLE_KEYS = frozenset({"since", "until", "tag", "source", "article", TEXT})
_WORD = re.compile(r"\w+")


def as_query(query: Query | str | None) -> Query:
    if query is None:
        return Query()
    return parse_query(query) if isinstance(query, str) else query


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _effective(column: str) -> str:
    """A required fact field with the user's correction applied."""
    return (
        f"(CASE WHEN f.corrections = '{{}}' THEN f.{column}"
        f" ELSE coalesce(json_extract(f.corrections, '$.{column}'), f.{column}) END)"
    )


def _names_clause(column: str, value: str) -> tuple[str, list[Any]]:
    """Whole names (canonical or as written) or, for targets, words inside them."""
    known = dev.canonical(value)
    clauses = [f"f.{column} LIKE ? ESCAPE '\\'"]
    params: list[Any] = [f"%| {_like(dev.words(known or value))} |%"]
    if column == "target_names" and known is None and dev.words(value):
        clauses.append(f"(' ' || f.{column} || ' ') LIKE ? ESCAPE '\\'")
        params.append(f"% {_like(dev.words(value))} %")
    return "(" + " OR ".join(clauses) + ")", params


def _fts(term: Term) -> str | None:
    from briefing.store.library import fts_query

    if term.quoted:
        found = _WORD.findall(term.values[0])
        return '"' + " ".join(found) + '"' if found else None
    return fts_query(term.values[0])


def _term_sql(term: Term) -> tuple[str, list[Any]]:
    from briefing.store.library import normalize_tag

    alternatives: list[str] = []
    params: list[Any] = []
    for value in term.values:
        if term.key == "actor":
            clause, more = _names_clause("actor_names", value)
        elif term.key == "target":
            clause, more = _names_clause("target_names", value)
        elif term.key in ("measure", "status"):
            clause, more = f"{_effective(term.key)} = ?", [value]
        elif term.key == "since":
            clause, more = f"{_ARTICLE_DATE} >= ?", [value]
        elif term.key == "until":
            clause, more = f"{_ARTICLE_DATE} <= ?", [value]
        elif term.key == "tag":
            clause = "a.id IN (SELECT article_id FROM article_tags WHERE tag = ?)"
            more = [normalize_tag(value)]
        elif term.key == "source":
            clause, more = "a.source LIKE ? ESCAPE '\\'", [f"%{_like(value)}%"]
        elif term.key == "pinned":
            clause, more = "f.pinned = ?", [int(value == "yes")]
        elif term.key == "note":
            if value in ("yes", "no"):
                clause, more = f"f.note IS {'NOT ' if value == 'yes' else ''}NULL", []
            else:
                clause, more = "f.note LIKE ? ESCAPE '\\'", [f"%{_like(value)}%"]
        elif term.key == "article":
            clause, more = "a.id = ?", [int(value)]
        else:  # text
            match = _fts(term)
            if match is None:
                clause, more = "1", []
            else:
                clause = "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
                more = [match]
        alternatives.append(clause)
        params.extend(more)
    sql = "(" + " OR ".join(alternatives) + ")"
    if term.negated:
        sql = f"NOT coalesce({sql}, 0)"
    return sql, params


def _where(terms: Sequence[Term]) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for term in terms:
        clause, more = _term_sql(term)
        clauses.append(clause)
        params.extend(more)
    return (" AND ".join(clauses) if clauses else "1"), params


def fact_where(query: Query, *, include_hidden: bool = False) -> tuple[str, list[Any]]:
    """A WHERE condition over ``facts f JOIN articles a`` for the facts the query selects."""
    where, params = _where(query.terms)
    if not include_hidden:
        where = f"f.hidden = 0 AND {where}"
    return where, params


# --- Facts ------------------------------------------------------------------------------------


def fact_ids(
    db: sqlite3.Connection,
    query: Query,
    *,
    include_hidden: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[int]:
    """The ids of the facts selected, newest article first, in the body's order."""
    where, params = fact_where(query, include_hidden=include_hidden)
    sql = (
        f"SELECT f.id FROM facts f JOIN articles a ON a.id = f.article_id WHERE {where}"
        " ORDER BY (a.published IS NULL), a.published DESC, a.imported_at DESC, a.id DESC,"
        ' (f."end" = 0), f.start, f.id'
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [max(0, limit), max(0, offset)]
    return [row[0] for row in db.execute(sql, params)]


def count_facts(db: sqlite3.Connection, query: Query, *, include_hidden: bool = False) -> int:
    where, params = fact_where(query, include_hidden=include_hidden)
    sql = f"SELECT count(*) FROM facts f JOIN articles a ON a.id = f.article_id WHERE {where}"
    return int(db.execute(sql, params).fetchone()[0])


# --- Articles ---------------------------------------------------------------------------------


def article_where(query: Query) -> tuple[str, list[Any]]:
    """A WHERE condition over ``articles a`` for the articles the query selects: the article
    terms on the article, the fact terms on one of its visible facts."""
    article_terms = [t for t in query.terms if t.key in _ARTICLE_KEYS]
    fact_terms = [t for t in query.terms if t.key not in _ARTICLE_KEYS]
    where, params = _where(article_terms)
    if fact_terms:
        inner, more = _where(fact_terms)
        where += (
            " AND EXISTS (SELECT 1 FROM facts f WHERE f.article_id = a.id AND f.hidden = 0"
            f" AND {inner})"
        )
        params += more
    return where, params


def article_ids(db: sqlite3.Connection, query: Query) -> list[int]:
    """The articles the query selects, newest first."""
    where, params = article_where(query)
    sql = (
        f"SELECT a.id FROM articles a WHERE {where}"
        " ORDER BY (a.published IS NULL), a.published DESC, a.imported_at DESC, a.id DESC"
    )
    return [row[0] for row in db.execute(sql, params)]


# --- Developments -----------------------------------------------------------------------------

_NEWEST = "(d.last_reported IS NULL), d.last_reported DESC, d.id DESC"


def _development_filter(query: Query, include_hidden: bool) -> tuple[str, list[Any]]:
    hidden = "" if include_hidden else "d.hidden = 0"
    if query.empty:
        return hidden or "1", []
    where, params = fact_where(query, include_hidden=include_hidden)
    clause = (
        "d.id IN (SELECT f.development_id FROM facts f JOIN articles a ON a.id = f.article_id"
        f" WHERE {where})"
    )
    return (f"{hidden} AND {clause}" if hidden else clause), params


def development_page(
    db: sqlite3.Connection,
    query: Query,
    *,
    offset: int = 0,
    limit: int | None = 100,
    include_hidden: bool = False,
    order: str = _NEWEST,
) -> list[Development]:
    where, params = _development_filter(query, include_hidden)
    sql = f"SELECT d.id FROM developments d WHERE {where} ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [max(0, limit), max(0, offset)]
    ids = [row[0] for row in db.execute(sql, params)]
    return load_developments(db, ids, include_hidden=include_hidden)


def count_developments(
    db: sqlite3.Connection, query: Query, *, include_hidden: bool = False
) -> int:
    where, params = _development_filter(query, include_hidden)
    sql = f"SELECT count(*) FROM developments d WHERE {where}"
    return int(db.execute(sql, params).fetchone()[0])


def load_developments(
    db: sqlite3.Connection, ids: Sequence[int], *, include_hidden: bool = False
) -> list[Development]:
    """These developments, in this order, with their sources."""
    from briefing.store.library import _FACT_COLUMNS, _stored_fact

    if not ids:
        return []
    wanted = json.dumps(list(ids))
    rows = {
        row[0]: row
        for row in db.execute(
            "SELECT id, measure, actor, target, status, first_reported, last_reported, pinned,"
            " hidden, report_count FROM developments"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (wanted,),
        )
    }
    columns = ", ".join(f"f.{c.strip()}" for c in _FACT_COLUMNS.split(","))
    sources: dict[int, list[tuple[Any, DevelopmentSource]]] = {}
    for row in db.execute(
        f"SELECT f.development_id, a.title, a.source, a.published, a.imported_at, {columns}"
        " FROM facts f JOIN articles a ON a.id = f.article_id"
        " WHERE f.development_id IN (SELECT value FROM json_each(?))",
        (wanted,),
    ):
        fact = _stored_fact(row[5:])
        if fact.hidden and not include_hidden:
            continue
        order = (row[3] is None, row[3] or "", row[4], fact.article_id, fact.start, fact.id)
        source = DevelopmentSource(fact=fact, title=row[1], source=row[2], published=row[3])
        sources.setdefault(row[0], []).append((order, source))
    found = []
    for development_id in ids:
        row = rows.get(development_id)
        if row is None:
            continue
        listed = tuple(s for _, s in sorted(sources.get(development_id, []), key=lambda p: p[0]))
        found.append(
            Development(
                id=row[0],
                measure=row[1],
                actor=row[2],
                target=row[3],
                status=row[4],
                first_reported=row[5],
                last_reported=row[6],
                pinned=bool(row[7]),
                hidden=bool(row[8]),
                report_count=row[9],
                sources=listed,
            )
        )
    return found


def dossier(
    db: sqlite3.Connection, name: str, *, include_hidden: bool = False
) -> dev.Dossier | None:
    """The developments ``name`` took and faced, oldest first; None when it has none."""
    known = dev.canonical(name)
    shown = known or " ".join(name.split())
    oldest = "(d.first_reported IS NULL), d.first_reported, d.id"
    took = development_page(
        db,
        Query((Term("actor", (shown,)),)),
        limit=None,
        include_hidden=include_hidden,
        order=oldest,
    )
    faced = development_page(
        db,
        Query((Term("target", (shown,)),)),
        limit=None,
        include_hidden=include_hidden,
        order=oldest,
    )
    if not took and not faced:
        return None
    return dev.Dossier(
        name=shown,
        aliases=dev.aliases(known) if known else (),
        took=tuple(took),
        faced=tuple(faced),
    )
