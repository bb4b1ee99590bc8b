"""Feeds in the library: subscriptions with their conditional-GET validators, the entries of each
feed already seen, and the keys that identify a web article besides its raw text.

Reached through a :class:`~briefing.store.library.Library` (``library.feeds``): every method is
one transaction of that library, like its own methods.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from briefing.store.library import Library


class FeedNotFound(BriefingError):
    def __init__(self, feed_id: int) -> None:
        super().__init__(f"no feed with id {feed_id}")
        self.feed_id = feed_id


class FeedExists(BriefingError):
    def __init__(self, feed_id: int, url: str) -> None:
        super().__init__(f"already subscribed to {url} (feed {feed_id})")
        self.feed_id = feed_id


@dataclass(frozen=True, slots=True)
class StoredFeed:
    id: int
    url: str
    name: str | None
    site_url: str | None
    etag: str | None
    last_modified: str | None
    added_at: str
    checked_at: str | None
    last_error: str | None
    article_count: int  # articles stored from this feed and still in the library

    @property
    def title(self) -> str:
        return self.name or self.url


_COLUMNS = """
    f.id, f.url, f.name, f.site_url, f.etag, f.last_modified, f.added_at, f.checked_at,
    f.last_error,
    (SELECT count(DISTINCT e.article_id) FROM feed_entries e WHERE e.feed_id = f.id)
"""


def _feed(row: Sequence[object]) -> StoredFeed:
    return StoredFeed(
        id=int(str(row[0])),
        url=str(row[1]),
        name=None if row[2] is None else str(row[2]),
        site_url=None if row[3] is None else str(row[3]),
        etag=None if row[4] is None else str(row[4]),
        last_modified=None if row[5] is None else str(row[5]),
        added_at=str(row[6]),
        checked_at=None if row[7] is None else str(row[7]),
        last_error=None if row[8] is None else str(row[8]),
        article_count=int(str(row[9])),
    )


class FeedStore:
    """The feed tables of one library."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def add(self, url: str, name: str | None, site_url: str | None, now: str) -> StoredFeed:
        """Subscribe; raises FeedExists when this URL is already a feed."""
        with self._library._write() as db:
            row = db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is not None:
                raise FeedExists(int(row[0]), url)
            cursor = db.execute(
                "INSERT INTO feeds (url, name, site_url, added_at) VALUES (?, ?, ?, ?)",
                (url, name, site_url, now),
            )
            feed_id = int(cursor.lastrowid or 0)
            return self._get(db, feed_id)

    def all(self) -> list[StoredFeed]:
        with self._library._read() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM feeds f ORDER BY f.id").fetchall()
        return [_feed(row) for row in rows]

    def get(self, feed_id: int) -> StoredFeed:
        with self._library._read() as db:
            return self._get(db, feed_id)

    def remove(self, feed_id: int) -> StoredFeed:
        """Unsubscribe (articles stored from the feed stay in the library)."""
        with self._library._write() as db:
            feed = self._get(db, feed_id)
            db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return feed

    def checked(
        self,
        feed_id: int,
        *,
        now: str,
        error: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
        keep_validators: bool = True,
    ) -> None:
        """Record a refresh: when, its error (None: it worked) and the new validators."""
        with self._library._write() as db:
            if keep_validators:
                db.execute(
                    "UPDATE feeds SET checked_at = ?, last_error = ? WHERE id = ?",
                    (now, error, feed_id),
                )
            else:
                db.execute(
                    "UPDATE feeds SET checked_at = ?, last_error = ?, etag = ?, "
                    "last_modified = ? WHERE id = ?",
                    (now, error, etag, last_modified, feed_id),
                )

    def rename(self, feed_id: int, name: str) -> None:
        with self._library._write() as db:
            db.execute("UPDATE feeds SET name = ? WHERE id = ? AND name IS NULL", (name, feed_id))

    def seen(self, feed_id: int, keys: Iterable[str]) -> bool:
        """Whether any of an entry's keys (guid, link, text) was seen in this feed."""
        wanted = list(keys)
        if not wanted:
            return False
        marks = ",".join("?" * len(wanted))
        with self._library._read() as db:
            row = db.execute(
                f"SELECT 1 FROM feed_entries WHERE feed_id = ? AND entry_key IN ({marks})",
                (feed_id, *wanted),
            ).fetchone()
        return row is not None

    def mark_seen(
        self, feed_id: int, keys: Iterable[str], article_id: int | None, now: str
    ) -> None:
        with self._library._write() as db:
            db.executemany(
                "INSERT OR IGNORE INTO feed_entries (feed_id, entry_key, article_id, seen_at) "
                "VALUES (?, ?, ?, ?)",
                [(feed_id, key, article_id, now) for key in keys],
            )

    def article_with_keys(self, keys: Iterable[str]) -> int | None:
        """The article stored under any of these keys (normalized URL, text digest)."""
        wanted = list(keys)
        if not wanted:
            return None
        with self._library._read() as db:
            return find_article(db, wanted)

    def _get(self, db: sqlite3.Connection, feed_id: int) -> StoredFeed:
        row = db.execute(f"SELECT {_COLUMNS} FROM feeds f WHERE f.id = ?", (feed_id,)).fetchone()
        if row is None:
            raise FeedNotFound(feed_id)
        return _feed(row)


# Used by Library.add_analysis inside its transaction.


def find_article(db: sqlite3.Connection, keys: Sequence[str]) -> int | None:
    if not keys:
        return None
    marks = ",".join("?" * len(keys))
    row = db.execute(
        f"SELECT article_id FROM article_keys WHERE key IN ({marks}) LIMIT 1", tuple(keys)
    ).fetchone()
    return None if row is None else int(row[0])


def record_keys(db: sqlite3.Connection, article_id: int, keys: Iterable[str]) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO article_keys (key, article_id) VALUES (?, ?)",
        [(key, article_id) for key in keys],
    )
