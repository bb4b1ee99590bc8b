"""Pages of the article list selected by a query (:mod:`briefing.query`), for the reader's
search box: ``key:value`` terms filter the list like ``briefing list --query``.

The same selection as :func:`briefing.store.selection.article_ids` (article terms on the
article, fact terms on one of its visible facts), paged in SQL like ``Library.summaries``: the
page's ids first, walking the date index, then fact counts and tags for those rows only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.query import Query
from briefing.store.records import ArticleSummary
from briefing.store.selection import _ARTICLE_KEYS, _where

if TYPE_CHECKING:
    from briefing.store.library import Library


def _article_where(query: Query) -> tuple[str, list[Any]]:
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


def count_articles(library: Library, query: Query) -> int:
    """How many articles :func:`article_summaries` pages through."""
    where, params = _article_where(query)
    with library._read() as db:
        row = db.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()
    return int(row[0])


def article_summaries(
    library: Library, query: Query, *, offset: int = 0, limit: int = 100
) -> list[ArticleSummary]:
    """One page of the articles a query selects, newest first, without loading any body."""
    from briefing.store.library import _NEWEST_FIRST, _TAG_SEPARATOR, _split_tags

    where, params = _article_where(query)
    sql = f"""
        WITH page AS (
            SELECT a.id FROM articles a INDEXED BY articles_newest WHERE {where}
            ORDER BY {_NEWEST_FIRST} LIMIT ? OFFSET ?
        )
        SELECT a.id, a.title, a.source, a.published, a.imported_at, a.unread,
            (SELECT count(*) FROM facts f WHERE f.article_id = a.id AND f.hidden = 0),
            (SELECT group_concat(tag, '{_TAG_SEPARATOR}') FROM (
                SELECT tag FROM article_tags t WHERE t.article_id = a.id ORDER BY tag))
        FROM page JOIN articles a ON a.id = page.id
        ORDER BY {_NEWEST_FIRST}
    """
    with library._read() as db:
        rows = db.execute(sql, [*params, max(0, limit), max(0, offset)]).fetchall()
    return [
        ArticleSummary(
            id=row[0],
            title=row[1],
            source=row[2],
            published=row[3],
            imported_at=row[4],
            unread=bool(row[5]),
            fact_count=row[6],
            tags=_split_tags(row[7]),
        )
        for row in rows
    ]
