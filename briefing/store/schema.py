"""The database schema, as the list of steps that builds it.

``MIGRATIONS[n]`` takes a database at schema version ``n`` to ``n + 1`` (version 0 is an empty
file). A new library runs them all; an older one runs the ones it lacks, in one transaction,
after :mod:`briefing.store.library` has written a backup copy beside it. Never edit a step that
has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

# Version 1: articles and their facts. Facts deleted by the user were simply deleted, there were
# no tags, no user corrections and no full-text search.
_V1: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        dek TEXT,
        source TEXT,
        published TEXT,
        url TEXT,
        imported_at TEXT NOT NULL,
        pipeline_version TEXT NOT NULL DEFAULT '',
        unread INTEGER NOT NULL DEFAULT 1,
        -- The long columns come last: SQLite reads a row's columns in order through its
        -- overflow pages, so the list (which needs none of these) never touches them.
        removed TEXT NOT NULL DEFAULT '[]',
        actors TEXT NOT NULL DEFAULT '[]',
        measures TEXT NOT NULL DEFAULT '[]',
        body TEXT NOT NULL,
        raw_text TEXT NOT NULL
    )
    """,
    # The list order ("newest first": published date, or import date when the article has
    # none, then import time). The same expression is used in every ORDER BY and date filter.
    """
    CREATE INDEX articles_newest ON articles (
        coalesce(published, substr(imported_at, 1, 10)) DESC, imported_at DESC, id DESC
    )
    """,
    # AUTOINCREMENT: a fact id is never reused, so a script or a note that names fact 42 can't
    # silently start pointing at another fact after a removal.
    """
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        origin TEXT NOT NULL DEFAULT 'machine' CHECK (origin IN ('machine', 'user')),
        measure TEXT NOT NULL,
        actor TEXT,
        target TEXT,
        quantity TEXT,
        "when" TEXT,
        status TEXT NOT NULL,
        sentence TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL DEFAULT 0,
        "end" INTEGER NOT NULL DEFAULT 0,
        pinned INTEGER NOT NULL DEFAULT 0,
        note TEXT,
        created_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX facts_article ON facts (article_id)",
)

# Version 2: hidden facts (deleted by the user, kept so that re-analysis does not bring them
# back), user corrections kept apart from the machine's values, tags, and FTS5 search over
# headline and body kept in step by triggers.
_V2: tuple[str, ...] = (
    "ALTER TABLE facts ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0",
    # JSON object {field: corrected value}; the machine's values stay in their columns.
    "ALTER TABLE facts ADD COLUMN corrections TEXT NOT NULL DEFAULT '{}'",
    "DROP INDEX facts_article",
    "CREATE INDEX facts_article ON facts (article_id, hidden)",
    "CREATE INDEX facts_pinned ON facts (article_id) WHERE pinned = 1",
    """
    CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX article_tags_tag ON article_tags (tag, article_id)",
    # Finding what an older pipeline analysed without reading 10,000 long rows.
    "CREATE INDEX articles_pipeline ON articles (pipeline_version)",
    # External content: the text lives once, in `articles`; the index follows it via triggers.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, body, content = 'articles', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        -- An index of 3-letter prefixes: search-as-you-type asks for "san"* at the third key.
        prefix = '3'
    )
    """,
    """
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
    END
    """,
    """
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END
    """,
    """
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
    END
    """,
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
)


# Version 3: the list puts dated articles first, newest first, and the undated ones after them
# by import time (before, an undated article sorted by its import date, above the dated news it
# was imported with); and the article fields the user edited (title, source, published, url),
# which a re-analysis keeps.
_V3: tuple[str, ...] = (
    "DROP INDEX articles_newest",
    """
    CREATE INDEX articles_newest ON articles (
        (published IS NULL), published DESC, imported_at DESC, id DESC
    )
    """,
    # JSON list of field names; a short column, read only when editing or re-analysing.
    "ALTER TABLE articles ADD COLUMN edited TEXT NOT NULL DEFAULT '[]'",
)


# Version 4: web pages and feeds (issue 11). Feeds with their conditional-GET validators; the
# entries of each feed already seen (by guid, link or text), so that no refresh stores one twice,
# even after the user removed its article; and the keys that identify an article besides its
# raw text (its normalized URL, its extracted text), so that the same page is never stored twice
# though its HTML changes from one fetch to the next.
_V4: tuple[str, ...] = (
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        name TEXT,
        site_url TEXT,
        etag TEXT,
        last_modified TEXT,
        added_at TEXT NOT NULL,
        checked_at TEXT,
        last_error TEXT
    )
    """,
    """
    CREATE TABLE feed_entries (
        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        entry_key TEXT NOT NULL,
        article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, entry_key)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX feed_entries_article ON feed_entries (article_id)",
    """
    CREATE TABLE article_keys (
        key TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
    ) WITHOUT ROWID
    """,
    "CREATE INDEX article_keys_article ON article_keys (article_id)",
)


# Version 5: developments (issue 13). Each fact belongs to one development, the measure as
# several articles report it (briefing.store.developments states the merge rule); the names a
# query finds a fact's actor and target by; and "placed", a fact the user moved into a
# development, which the rule then leaves where it is and a re-analysis keeps.
_V5: tuple[str, ...] = (
    """
    CREATE TABLE developments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        measure TEXT NOT NULL,
        actor_key TEXT NOT NULL,
        actor TEXT,
        target TEXT,
        status TEXT NOT NULL,
        -- dates of the first and last visible report (what the desk shows and sorts by) and
        -- of all reports, hidden ones included (what the merge rule looks up)
        first_reported TEXT,
        last_reported TEXT,
        span_first TEXT,
        span_last TEXT,
        report_count INTEGER NOT NULL DEFAULT 0,
        pinned INTEGER NOT NULL DEFAULT 0,
        hidden INTEGER NOT NULL DEFAULT 0
    )
    """,
    "CREATE INDEX developments_rule ON developments (measure, actor_key, span_last)",
    """
    CREATE INDEX developments_newest ON developments (
        hidden, (last_reported IS NULL), last_reported DESC, id DESC
    )
    """,
    "ALTER TABLE facts ADD COLUMN development_id INTEGER REFERENCES developments (id)",
    "ALTER TABLE facts ADD COLUMN placed INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE facts ADD COLUMN actor_names TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE facts ADD COLUMN target_names TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX facts_development ON facts (development_id)",
)


# Version 6: whether a fact's target is stated by its sentence. 0 when the pipeline filled in the
# state the story is about because the sentence names nobody the measure falls on ("The
# Netherlands suspended its aid" in a story about Uganda). Facts stored before were all read as
# stated, so they keep 1.
_V6: tuple[str, ...] = ("ALTER TABLE facts ADD COLUMN target_stated INTEGER NOT NULL DEFAULT 1",)


def _v5(connection: sqlite3.Connection) -> None:
    from briefing.store.developments import migrate_existing

    _steps(_V5)(connection)
    migrate_existing(connection)


def _steps(statements: Sequence[str]) -> Callable[[sqlite3.Connection], None]:
    def run(connection: sqlite3.Connection) -> None:
        # One execute() per statement: executescript() would commit the enclosing transaction.
        for statement in statements:
            connection.execute(statement)

    return run


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _steps(_V1),
    _steps(_V2),
    _steps(_V3),
    _steps(_V4),
    _v5,
    _steps(_V6),
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection, from_version: int) -> None:
    """Run the steps from ``from_version`` to :data:`SCHEMA_VERSION` and record the version.

    The caller holds the transaction: either every step lands or none does.
    """
    for step in MIGRATIONS[from_version:]:
        step(connection)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
