"""The library: one SQLite database of articles, their analyses and the user's curated facts.

Every public method is one transaction. Writes take the write lock up front (``BEGIN
IMMEDIATE``) so that two processes writing at once wait for each other (up to
:data:`BUSY_TIMEOUT_S`) instead of failing half-way, and every method that returns has committed:
a change reported as saved survives a crash a moment later.

The connection is guarded by a lock, so one ``Library`` may be shared by the reader's UI thread
and its import worker.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Final
from urllib.parse import urlsplit

from briefing.errors import BriefingError, InvalidValue
from briefing.model import MEASURE_TYPES, STATUSES, Actor, Analysis, ArticleMeta, Fact, Measure
from briefing.query import Query
from briefing.store import developments as _developments
from briefing.store import paths
from briefing.store import selection as _selection
from briefing.store.developments import Development, Dossier
from briefing.store.feeds import FeedStore, find_article, record_keys
from briefing.store.records import ArticleSummary, StoredArticle, StoredFact
from briefing.store.schema import SCHEMA_VERSION, migrate

BUSY_TIMEOUT_S: Final = 10.0

# Fact fields the user may correct. The evidence sentence and its offsets are not among them:
# they point into the body, which the user does not edit.
CORRECTABLE_FIELDS: Final = ("measure", "actor", "target", "quantity", "when", "status")
_REQUIRED_FIELDS: Final = frozenset({"measure", "status"})

# "Newest first": dated articles by published date, newest first, then the undated ones by
# import time, newest first. This exact order is indexed (schema.articles_newest); queries must
# spell it the same way.
_NEWEST_FIRST = "(a.published IS NULL), a.published DESC, a.imported_at DESC, a.id DESC"
# What --since/--until compare: the published date, or the import date when there is none.
_EFFECTIVE_DATE = "coalesce(a.published, substr(a.imported_at, 1, 10))"
_TAG_SEPARATOR = "\x1f"  # unit separator; tags are normalised and cannot contain it


class LibraryError(BriefingError):
    """The library database cannot be used as it is."""


class LibraryCorrupt(LibraryError):
    """The file is not a briefing library SQLite database, or it is damaged. Never modified."""


class LibraryTooNew(LibraryError):
    """The database was written by a newer version of briefing. Never modified."""


class LibraryNotFound(LibraryError):
    """A read-only open found no library (nothing has been imported yet)."""


class LibraryNotWritable(LibraryError):
    """The library directory or file cannot be written. Open with ``read_only=True`` instead."""


class LibraryBusy(LibraryError):
    """Another process kept the library locked for longer than the busy timeout."""


class ArticleNotFound(BriefingError):
    """No article with that id."""

    def __init__(self, article_id: int) -> None:
        super().__init__(f"no article with id {article_id}")
        self.article_id = article_id


class FactNotFound(BriefingError):
    """No fact with that id."""

    def __init__(self, fact_id: int) -> None:
        super().__init__(f"no fact with id {fact_id}")
        self.fact_id = fact_id


class Unset:
    """The type of :data:`UNSET`: "leave this field as it is" where ``None`` means "clear it"."""

    _instance: Unset | None = None

    def __new__(cls) -> Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset()


def normalize_text(text: str) -> str:
    """The text that identifies an article: what two copies of it have in common.

    Unicode NFC, one kind of line ending, no BOM, no trailing spaces, no leading or trailing
    blank lines. Saving a file on another system or editor must not make it a new article.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.lstrip("\ufeff")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def content_hash(raw_text: str) -> str:
    """SHA-256 (hex) of :func:`normalize_text`: the key that dedupes imports."""
    return hashlib.sha256(normalize_text(raw_text).encode("utf-8")).hexdigest()


def normalize_tag(tag: str) -> str:
    """Tags are compared case-insensitively with whitespace collapsed: "Russia " == "russia"."""
    cleaned = " ".join("".join(ch for ch in tag if ch.isprintable()).split()).casefold()
    if not cleaned:
        raise BriefingError(f"not a usable tag: {tag!r}")
    return cleaned


_SEARCH_WORD = re.compile(r"\w+")


def fts_query(search: str) -> str | None:
    """Turn what the user typed into a safe FTS5 query, or None when it has no words.

    Every word is quoted, so FTS5 operators and syntax in user text ("AND", "NEAR(", quotes,
    "*", "-") are plain words and can never raise a syntax error. Words of three letters or
    more match as prefixes ("sanction" finds "sanctions") for search-as-you-type; shorter ones
    match exactly, as a one-letter prefix would expand to half the vocabulary.
    """
    words = _SEARCH_WORD.findall(search)
    if not words:
        return None
    return " ".join(f'"{word}"*' if len(word) >= 3 else f'"{word}"' for word in words)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _file_uri(path: Path, **params: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{path.resolve().as_uri()}?{query}" if query else path.resolve().as_uri()


def _translate(error: sqlite3.Error) -> BriefingError | None:
    """The user-facing error for an SQLite failure, or None for a bug to re-raise as is."""
    message = str(error).lower()
    if "locked" in message or "busy" in message:
        return LibraryBusy(
            "the library is busy: another briefing process kept it locked for more than "
            f"{BUSY_TIMEOUT_S:.0f} s; try again"
        )
    if "readonly" in message or "read-only" in message:
        return LibraryNotWritable(f"the library cannot be written ({error})")
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return LibraryCorrupt(f"the library database is damaged ({error})")
    if "disk" in message and ("full" in message or "i/o" in message):
        return LibraryError(f"the library could not be written: {error}")
    return None


def _translate_busy(error: sqlite3.Error) -> BriefingError | None:
    translated = _translate(error)
    return translated if isinstance(translated, LibraryBusy) else None


def _schema_of(path: Path, **params: str) -> tuple[int, set[str]]:
    """The schema version and table names, read in one snapshot (another process may be
    creating the schema right now) through a connection that cannot write."""
    connection = sqlite3.connect(
        _file_uri(path, **params), uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None
    )
    try:
        connection.execute("BEGIN")
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    finally:
        connection.close()
    return version, tables


def _check_file(path: Path) -> int:
    """Validate an existing database through a read-only connection; return its version.

    Nothing here can write to the file: a corrupt or too-new library is refused untouched.

    The file is only ever read through SQLite, never with a Python ``open()``: closing any
    descriptor of a database file drops every POSIX lock this process holds on it, so a header
    check while another connection of this process is open (the reader's, while a worker opens
    the library) made the next process to close believe it was the last one and delete the
    write-ahead log under the reader: lost writes, then a malformed database. SQLite shares
    one descriptor and lock state per file among the connections of a process, so its own
    opens are safe. An empty file reads as an empty database (version 0, no tables).
    """
    if not os.access(path, os.R_OK):
        raise LibraryError(f"cannot read the library {path}: permission denied")
    try:
        try:
            version, tables = _schema_of(path, mode="ro")
        except sqlite3.OperationalError as error:
            # A WAL library in a read-only directory or file system: mode=ro cannot create the
            # -shm file it needs ("unable to open database file"); immutable=1 reads the file
            # as it stands. Without this, a healthy read-only library was called damaged.
            if "unable to open" not in str(error):
                raise
            version, tables = _schema_of(path, mode="ro", immutable="1")
    except sqlite3.Error as error:
        if "not a database" in str(error):
            raise LibraryCorrupt(
                f"{path} is not a briefing library (not an SQLite database)"
            ) from error
        raise _translate_busy(error) or LibraryCorrupt(
            f"{path} is damaged or not a briefing library ({error})"
        ) from error
    if version > SCHEMA_VERSION:
        raise LibraryTooNew(
            f"{path} was written by a newer version of briefing (schema {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Upgrade briefing to open it."
        )
    if version == 0 and tables:
        raise LibraryCorrupt(f"{path} is an SQLite database but not a briefing library")
    if version > 0 and not {"articles", "facts"} <= tables:
        raise LibraryCorrupt(f"{path} is damaged: its tables are missing")
    return version


def _backup(path: Path, version: int) -> Path:
    """Copy the database beside itself before a migration, owner-only, never over an old copy."""
    target = path.with_name(f"{path.name}.bak-v{version}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.bak-v{version}-{counter}")
    source = sqlite3.connect(_file_uri(path, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        integrity = source.execute("PRAGMA quick_check").fetchone()[0]
        if integrity != "ok":
            raise LibraryCorrupt(f"{path} is damaged ({integrity}); not upgrading it")
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    except sqlite3.Error as error:
        raise LibraryCorrupt(f"{path} could not be backed up before upgrading: {error}") from error
    finally:
        source.close()
    return target


def _switch_to_wal(connection: sqlite3.Connection) -> None:
    """Put the database in WAL mode (a no-op when it already is).

    Switching a new file needs an exclusive lock, and SQLite reports "locked" at once, without
    calling the busy handler, when another process is creating the same library at that moment:
    retry for as long as any other wait.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _ensure_directory(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise LibraryNotWritable(
            f"cannot create the library directory {directory}: {error.strerror}"
        ) from error
    if not os.access(directory, os.W_OK | os.X_OK):
        raise LibraryNotWritable(f"the library directory {directory} is not writable")


def _create_file(path: Path) -> None:
    """Create the database file owner-only; SQLite gives its -wal and -shm the same mode."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass  # another process created it first; it runs the same migrations under a lock
    except OSError as error:
        raise LibraryNotWritable(f"cannot create the library {path}: {error.strerror}") from error


def _connect(path: Path) -> sqlite3.Connection:
    """A read-write connection in WAL mode with the library's pragmas."""
    try:
        connection = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        _switch_to_wal(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        # WAL + NORMAL loses no committed transaction on a process crash (kill -9); only a
        # power failure can roll back the last ones, never corrupt the file.
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as error:
        raise _translate(error) or LibraryError(f"cannot open {path}: {error}") from error
    return connection


class Library:
    """An open library database. Create with :meth:`open`; use as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: Path, *, read_only: bool) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self.path = path
        self.read_only = read_only

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path | None = None, *, read_only: bool = False) -> Library:
        """Open (creating or upgrading as needed) the library in ``data_dir``.

        Raises :class:`LibraryCorrupt` or :class:`LibraryTooNew` (file untouched),
        :class:`LibraryNotWritable` (open read-only instead), :class:`LibraryNotFound`
        (read-only and no library yet).
        """
        directory = Path(data_dir) if data_dir is not None else paths.data_dir()
        path = paths.db_path(directory)
        if read_only:
            return cls._open_read_only(path)
        _ensure_directory(directory)
        if path.exists():
            if not os.access(path, os.R_OK | os.W_OK):
                raise LibraryNotWritable(f"the library {path} is not writable")
            version = _check_file(path)
            if 0 < version < SCHEMA_VERSION:
                _backup(path, version)
        else:
            _create_file(path)
        library = cls(_connect(path), path, read_only=False)
        try:
            library._upgrade()
        except BaseException:
            library.close()
            raise
        return library

    @classmethod
    def _open_read_only(cls, path: Path) -> Library:
        if not path.exists():
            raise LibraryNotFound(f"there is no library at {path} yet")
        version = _check_file(path)
        if version < SCHEMA_VERSION:
            raise LibraryError(
                f"{path} was written by an older version of briefing; open it once with write "
                "access to upgrade it"
            )
        connection: sqlite3.Connection | None = None
        # mode=ro still needs the -shm file of a WAL database, which it cannot create in a
        # read-only directory; immutable=1 then reads the file as it stands.
        for params in ({"mode": "ro"}, {"mode": "ro", "immutable": "1"}):
            try:
                connection = sqlite3.connect(
                    _file_uri(path, **params),
                    uri=True,
                    timeout=BUSY_TIMEOUT_S,
                    isolation_level=None,
                    check_same_thread=False,
                )
                connection.execute("SELECT count(*) FROM articles").fetchone()
                break
            except sqlite3.Error:
                if connection is not None:
                    connection.close()
                connection = None
        if connection is None:
            raise LibraryError(f"cannot open the library {path} read-only")
        return cls(connection, path, read_only=True)

    def another_connection(self) -> Library:
        """A second ``Library`` on the same file, for another thread (the reader's workers).

        The one place a second connection is made: it skips the checks and migrations that
        :meth:`open` already ran, and opens the file only through SQLite (see
        :func:`_check_file` for why nothing else may open it while connections exist).
        """
        if self.read_only:
            raise LibraryNotWritable("the library is open read-only")
        return type(self)(_connect(self.path), self.path, read_only=False)

    def data_version(self) -> int:
        """A number that changes whenever another connection (another process, or a worker)
        commits a change to the library: poll it to notice imports made elsewhere."""
        with self._lock, self._translated():
            return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def _upgrade(self) -> None:
        with self._write() as db:
            # Read again under the write lock: another process may have just upgraded it.
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise LibraryTooNew(f"{self.path} was written by a newer version of briefing")
            if version < SCHEMA_VERSION:
                migrate(db, version)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot for a read that spans several queries."""
        with self._lock, self._translated():
            db = self._connection
            db.execute("BEGIN")
            try:
                yield db
            finally:
                if db.in_transaction:  # an SQLite error may have ended it already
                    db.execute("COMMIT")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise LibraryNotWritable("the library is open read-only")
        with self._lock, self._translated():
            db = self._connection
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                # Also when COMMIT itself failed (disk full): leave no transaction open.
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            translated = _translate(error)
            if translated is None:
                raise
            raise translated from error

    # -- articles --------------------------------------------------------------------------

    def find_by_hash(self, digest: str) -> int | None:
        """The id of the article with this :func:`content_hash`, if stored."""
        with self._read() as db:
            row = db.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        return None if row is None else int(row[0])

    def add_analysis(
        self, analysis: Analysis, raw_text: str, *, keys: Sequence[str] = ()
    ) -> tuple[int, bool]:
        """Store an analysed article; return ``(id, created)``.

        An article whose normalised text is already stored is not stored again: that returns
        the existing id and ``False``. So is one stored under any of ``keys`` (a web page's
        normalized URL or text digest, see :mod:`briefing.store.feeds`), recorded with it.
        """
        digest = content_hash(raw_text)
        with self._write() as db:
            row = db.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
            existing = int(row[0]) if row is not None else find_article(db, keys)
            if existing is not None:
                record_keys(db, existing, keys)
                return existing, False
            cursor = db.execute(
                """
                INSERT INTO articles (
                    path, content_hash, title, dek, source, published, url, imported_at,
                    raw_text, body, removed, actors, measures, pipeline_version, unread
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
                (
                    analysis.path,
                    digest,
                    analysis.title,
                    analysis.dek,
                    analysis.meta.source,
                    analysis.meta.published,
                    analysis.meta.url,
                    _now(),
                    raw_text,
                    analysis.body,
                    json.dumps(list(analysis.removed), ensure_ascii=False),
                    _actors_json(analysis.actors),
                    _measures_json(analysis.measures),
                    analysis.pipeline_version,
                ),
            )
            article_id = int(cursor.lastrowid or 0)
            self._insert_machine_facts(db, article_id, analysis.facts)
            _developments.assign_article(db, article_id)
            self._insert_tags(db, article_id, analysis.meta.tags)
            record_keys(db, article_id, keys)
        return article_id, True

    @property
    def feeds(self) -> FeedStore:
        """The library's feeds (subscriptions, entries seen): see :mod:`briefing.store.feeds`."""
        return FeedStore(self)

    def count(
        self, *, tag: str | None = None, search: str | None = None, query: Query | None = None
    ) -> int:
        """How many articles :meth:`summaries` would list with these filters."""
        if query is not None:
            where, params = _filters(tag, search, query)
            with self._read() as db:
                return int(
                    db.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0]
                )
        match = fts_query(search) if search is not None else None
        params = []
        if match is not None:
            sql = "SELECT count(*) FROM articles_fts f WHERE articles_fts MATCH ?"
            params.append(match)
            if tag is not None:
                sql += " AND f.rowid IN (SELECT article_id FROM article_tags WHERE tag = ?)"
                params.append(normalize_tag(tag))
        elif tag is not None:
            sql = "SELECT count(*) FROM article_tags WHERE tag = ?"
            params.append(normalize_tag(tag))
        else:
            sql = "SELECT count(*) FROM articles"
        with self._read() as db:
            return int(db.execute(sql, params).fetchone()[0])

    def summaries(
        self,
        *,
        offset: int = 0,
        limit: int = 100,
        tag: str | None = None,
        search: str | None = None,
        query: Query | None = None,
    ) -> list[ArticleSummary]:
        """One page of the article list, newest first, without loading any body. ``query``
        selects as :meth:`query_article_ids` does (the reader's search box with ``key:value``
        terms), on top of ``tag`` and ``search``."""
        where, params = _filters(tag, search, query)
        # Pick the page's ids first, then count facts and gather tags for those rows only:
        # SQLite would otherwise compute both for every matching row before sorting. Walking
        # the date index and testing each row against the filters beats sorting the matches:
        # a page fills after a few hundred rows for common words and tags, and even a filter
        # that matches nothing costs one pass over the index (measured in the README).
        sql = f"""
            WITH page AS (
                SELECT a.id FROM articles a INDEXED BY articles_newest {where}
                ORDER BY {_NEWEST_FIRST} LIMIT ? OFFSET ?
            )
            SELECT a.id, a.title, a.source, a.published, a.imported_at, a.unread,
                (SELECT count(*) FROM facts f WHERE f.article_id = a.id AND f.hidden = 0),
                (SELECT group_concat(tag, '{_TAG_SEPARATOR}') FROM (
                    SELECT tag FROM article_tags t WHERE t.article_id = a.id ORDER BY tag))
            FROM page JOIN articles a ON a.id = page.id
            ORDER BY {_NEWEST_FIRST}
        """
        with self._read() as db:
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

    def article(self, article_id: int) -> StoredArticle:
        """One article with its analysis and all its facts (hidden ones included)."""
        with self._read() as db:
            articles = self._load_articles(db, "WHERE a.id = ?", [article_id])
        if not articles:
            raise ArticleNotFound(article_id)
        return articles[0]

    def articles(
        self,
        ids: Sequence[int] | None = None,
        *,
        tag: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[StoredArticle]:
        """Whole articles for the export, newest first.

        ``ids`` restricts to those articles (missing ones raise :class:`ArticleNotFound`);
        ``since``/``until`` are inclusive ISO dates compared with the published date (the
        import date for an article without one).
        """
        clauses: list[str] = []
        params: list[Any] = []
        if ids is not None:
            wanted = list(dict.fromkeys(int(i) for i in ids))
            if not wanted:
                return []
            clauses.append("a.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(wanted))
        if tag is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ?)"
            )
            params.append(normalize_tag(tag))
        if since is not None:
            clauses.append(f"{_EFFECTIVE_DATE} >= ?")
            params.append(since)
        if until is not None:
            clauses.append(f"{_EFFECTIVE_DATE} <= ?")
            params.append(until)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        with self._read() as db:
            found = self._load_articles(db, where, params)
            if ids is not None:
                # An id the other filters leave out is no error; one that does not exist is.
                for article_id in sorted(set(ids) - {article.id for article in found}):
                    self._require_article(db, article_id)
        return found

    def article_ids(self, *, not_pipeline_version: str | None = None) -> list[int]:
        """Every article id, last imported first; with ``not_pipeline_version``, only the
        articles analysed by another pipeline version (what ``briefing reanalyze`` redoes)."""
        sql = "SELECT id FROM articles"
        params: list[Any] = []
        if not_pipeline_version is not None:
            sql += " WHERE pipeline_version != ?"
            params.append(not_pipeline_version)
        with self._read() as db:
            return [row[0] for row in db.execute(f"{sql} ORDER BY id DESC", params)]

    def remove(self, article_id: int) -> None:
        """Delete an article with its facts and tags."""
        with self._write() as db:
            before = _developments.development_ids_of_article(db, article_id)
            if db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount == 0:
                raise ArticleNotFound(article_id)
            _developments.refresh(db, before)

    def set_unread(self, article_id: int, unread: bool) -> None:
        with self._write() as db:
            cursor = db.execute(
                "UPDATE articles SET unread = ? WHERE id = ?", (int(unread), article_id)
            )
            if cursor.rowcount == 0:
                raise ArticleNotFound(article_id)

    def update_article(
        self,
        article_id: int,
        *,
        title: str | Unset = UNSET,
        source: str | Unset | None = UNSET,
        published: str | Unset | None = UNSET,
        url: str | Unset | None = UNSET,
    ) -> StoredArticle:
        """Correct an article's headline, source, publication date or URL; return it as it now
        is. Leave a field out to keep it; ``None`` or ``""`` clears source, date and URL.

        ``title`` must not be blank; ``published`` is an ISO date (YYYY-MM-DD); ``url`` an
        http(s) address. Anything else raises :class:`BriefingError` and changes nothing. The
        fields set here are remembered, and a re-analysis keeps them.
        """
        updates: dict[str, str | None] = {}
        if not isinstance(title, Unset):
            updates["title"] = _checked_title(title)
        if not isinstance(source, Unset):
            updates["source"] = _optional(" ".join((source or "").split()))
        if not isinstance(published, Unset):
            updates["published"] = _checked_date(published)
        if not isinstance(url, Unset):
            updates["url"] = _checked_url(url)
        with self._write() as db:
            row = db.execute("SELECT edited FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise ArticleNotFound(article_id)
            if updates:
                edited = sorted(set(json.loads(row[0])) | set(updates))
                assignments = ", ".join(f"{column} = ?" for column in updates)
                db.execute(
                    f"UPDATE articles SET {assignments}, edited = ? WHERE id = ?",
                    [*updates.values(), json.dumps(edited), article_id],
                )
                if "published" in updates:  # the merge rule compares dates
                    _developments.assign_article(db, article_id)
            return self._load_articles(db, "WHERE a.id = ?", [article_id])[0]

    def add_tags(self, article_id: int, tags: Iterable[str]) -> tuple[str, ...]:
        """Tag an article; return all its tags (normalised: see :func:`normalize_tag`)."""
        normalized = [normalize_tag(tag) for tag in tags]
        with self._write() as db:
            self._require_article(db, article_id)
            self._insert_tags(db, article_id, normalized)
            return self._tags_of(db, article_id)

    def remove_tags(self, article_id: int, tags: Iterable[str]) -> tuple[str, ...]:
        """Untag an article; return the tags it keeps."""
        normalized = [normalize_tag(tag) for tag in tags]
        with self._write() as db:
            self._require_article(db, article_id)
            db.executemany(
                "DELETE FROM article_tags WHERE article_id = ? AND tag = ?",
                [(article_id, tag) for tag in normalized],
            )
            return self._tags_of(db, article_id)

    def all_tags(self) -> list[tuple[str, int]]:
        """Every tag in use with its number of articles, alphabetically."""
        with self._read() as db:
            return [
                (row[0], row[1])
                for row in db.execute(
                    "SELECT tag, count(*) FROM article_tags GROUP BY tag ORDER BY tag"
                )
            ]

    def replace_analysis(self, article_id: int, analysis: Analysis) -> StoredArticle:
        """Store a new analysis of a stored article, keeping everything the user did.

        Machine facts the user never touched (not pinned, no note, not hidden, no corrections)
        are replaced by the new ones. A touched fact is matched to a new fact with the same
        measure, actor and evidence sentence (the machine's values on both sides): it keeps its
        id and user state and takes the new machine values. Touched facts without a match, and
        facts the user added, are kept. Tags, read state, raw text and hash are unchanged.
        """
        with self._write() as db:
            row = db.execute(
                "SELECT title, source, published, url, edited FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
            if row is None:
                raise ArticleNotFound(article_id)
            # The fields the user edited (update_article) keep the user's value; the others
            # take the new reading's, and a date, source or URL it no longer finds is kept.
            edited = set(json.loads(row[4]))
            found = {
                "title": analysis.title,
                "source": analysis.meta.source,
                "published": analysis.meta.published,
                "url": analysis.meta.url,
            }
            stored = dict(zip(("title", "source", "published", "url"), row[:4], strict=True))
            meta = {
                field: stored[field] if field in edited or value is None else value
                for field, value in found.items()
            }
            db.execute(
                """
                UPDATE articles SET title = ?, dek = ?, source = ?, published = ?, url = ?,
                    body = ?, removed = ?, actors = ?, measures = ?, pipeline_version = ?
                WHERE id = ?
                """,
                (
                    meta["title"],
                    analysis.dek,
                    meta["source"],
                    meta["published"],
                    meta["url"],
                    analysis.body,
                    json.dumps(list(analysis.removed), ensure_ascii=False),
                    _actors_json(analysis.actors),
                    _measures_json(analysis.measures),
                    analysis.pipeline_version,
                    article_id,
                ),
            )
            before = _developments.development_ids_of_article(db, article_id)
            # A fact the user moved to a development (placed) is kept like a touched one.
            db.execute(
                """
                DELETE FROM facts WHERE article_id = ? AND origin = 'machine' AND pinned = 0
                    AND note IS NULL AND hidden = 0 AND corrections = '{}' AND placed = 0
                """,
                (article_id,),
            )
            unmatched = list(analysis.facts)
            kept = db.execute(
                "SELECT id, origin, measure, actor, sentence FROM facts WHERE article_id = ?"
                " ORDER BY id",
                (article_id,),
            ).fetchall()
            for fact_id, origin, measure, actor, sentence in kept:
                match = None
                if origin == "machine":
                    match = next(
                        (
                            new
                            for new in unmatched
                            if (new.measure, new.actor, new.sentence) == (measure, actor, sentence)
                        ),
                        None,
                    )
                if match is not None:
                    unmatched.remove(match)
                    db.execute(
                        """
                        UPDATE facts SET measure = ?, actor = ?, target = ?, quantity = ?,
                            "when" = ?, status = ?, sentence = ?, start = ?, "end" = ?,
                            target_stated = ?
                        WHERE id = ?
                        """,
                        (*_fact_values(match), fact_id),
                    )
                else:
                    self._relocate_evidence(db, fact_id, sentence, analysis.body)
            self._insert_machine_facts(db, article_id, unmatched)
            _developments.assign_article(db, article_id)
            _developments.refresh(db, before)
            return self._load_articles(db, "WHERE a.id = ?", [article_id])[0]

    # -- facts -----------------------------------------------------------------------------

    def facts(
        self,
        article_id: int | None = None,
        *,
        pinned_only: bool = False,
        include_hidden: bool = False,
    ) -> list[StoredFact]:
        """Facts of one article (or of the whole library) in the order the body gives them."""
        clauses: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            clauses.append("article_id = ?")
            params.append(article_id)
        if pinned_only:
            clauses.append("pinned = 1")
        if not include_hidden:
            clauses.append("hidden = 0")
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        with self._read() as db:
            if article_id is not None:
                self._require_article(db, article_id)
            rows = db.execute(
                f"SELECT {_FACT_COLUMNS} FROM facts {where} ORDER BY article_id, {_FACT_ORDER}",
                params,
            ).fetchall()
        return [_stored_fact(row) for row in rows]

    def fact(self, fact_id: int) -> StoredFact:
        with self._read() as db:
            return self._fact(db, fact_id)

    def update_fact(
        self,
        fact_id: int,
        *,
        pinned: bool | None = None,
        note: str | Unset | None = UNSET,
        hidden: bool | None = None,
        corrections: Mapping[str, str | None] | None = None,
        revert: Iterable[str] = (),
    ) -> StoredFact:
        """Change the user's state of a fact; return the fact as it now is.

        ``note``: text, or None (or blank) to remove it; leave out to keep it.
        ``corrections``: ``{field: value}`` for fields in :data:`CORRECTABLE_FIELDS`, merged
        into earlier corrections. ``None`` clears an optional field (actor, target, quantity,
        when); a value equal to the machine's drops the correction, except for a target the
        machine inferred from the story, which it confirms (the fact's target is then stated).
        ``revert``: fields whose corrections to drop, back to the machine's values.
        """
        with self._write() as db:
            current = db.execute(
                f"SELECT {_MACHINE_COLUMNS}, target_stated, corrections FROM facts WHERE id = ?",
                (fact_id,),
            ).fetchone()
            if current is None:
                raise FactNotFound(fact_id)
            updates: dict[str, Any] = {}
            if pinned is not None:
                updates["pinned"] = int(pinned)
            if hidden is not None:
                updates["hidden"] = int(hidden)
            if not isinstance(note, Unset):
                updates["note"] = note.strip() if note and note.strip() else None
            if corrections is not None or revert:
                machine = dict(zip(CORRECTABLE_FIELDS, current[:-2], strict=True))
                merged = _merge_corrections(
                    machine,
                    json.loads(current[-1]),
                    corrections or {},
                    revert,
                    target_stated=bool(current[-2]),
                )
                updates["corrections"] = json.dumps(merged, ensure_ascii=False, sort_keys=True)
            if updates:
                assignments = ", ".join(f"{column} = ?" for column in updates)
                db.execute(
                    f"UPDATE facts SET {assignments} WHERE id = ?", [*updates.values(), fact_id]
                )
                if "corrections" in updates:  # a corrected actor, measure or target may move it
                    _developments.assign_facts(db, [fact_id])
                else:
                    _developments.refresh_facts(db, [fact_id])
            return self._fact(db, fact_id)

    def add_fact(
        self,
        article_id: int,
        *,
        measure: str,
        actor: str | None,
        target: str | None,
        quantity: str | None,
        when: str | None,
        status: str,
        sentence: str,
        start: int,
        end: int,
    ) -> StoredFact:
        """Add a fact by hand (origin "user"), with an evidence sentence from the body or none
        (``sentence=""``, ``start=end=0``)."""
        _check_choice("measure", measure, MEASURE_TYPES)
        _check_choice("status", status, STATUSES)
        with self._write() as db:
            row = db.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise ArticleNotFound(article_id)
            start, end = _evidence_offsets(row[0], sentence, start, end)
            cursor = db.execute(
                f"""
                INSERT INTO facts (article_id, origin, {_MACHINE_COLUMNS}, sentence, start, "end",
                    created_at)
                VALUES (?, 'user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    article_id,
                    measure,
                    _optional(actor),
                    _optional(target),
                    _optional(quantity),
                    _optional(when),
                    status,
                    sentence,
                    start,
                    end,
                    _now(),
                ),
            )
            fact_id = int(cursor.lastrowid or 0)
            _developments.assign_facts(db, [fact_id])
            return self._fact(db, fact_id)

    # -- developments and queries (briefing.store.developments, briefing.store.selection) ----

    def developments(
        self,
        query: Query | str | None = None,
        *,
        offset: int = 0,
        limit: int = 100,
        include_hidden: bool = False,
    ) -> list[Development]:
        """One page of the developments a query selects (see :mod:`briefing.query`), newest
        first (latest report), each with its sources. A query string that cannot be read
        raises :class:`briefing.query.QueryError`."""
        parsed = _selection.as_query(query)
        with self._read() as db:
            return _selection.development_page(
                db, parsed, offset=offset, limit=limit, include_hidden=include_hidden
            )

    def count_developments(
        self, query: Query | str | None = None, *, include_hidden: bool = False
    ) -> int:
        """How many developments :meth:`developments` pages through."""
        parsed = _selection.as_query(query)
        with self._read() as db:
            return _selection.count_developments(db, parsed, include_hidden=include_hidden)

    def development(self, development_id: int, *, include_hidden: bool = True) -> Development:
        """One development with all its sources (hidden reports too, unless told not to)."""
        with self._read() as db:
            found = _selection.load_developments(
                db, [development_id], include_hidden=include_hidden
            )
        if not found:
            raise _developments.DevelopmentNotFound(development_id)
        return found[0]

    def development_of_fact(self, fact_id: int) -> int:
        """The id of the development a fact belongs to."""
        with self._read() as db:
            row = db.execute("SELECT development_id FROM facts WHERE id = ?", (fact_id,)).fetchone()
        if row is None:
            raise FactNotFound(fact_id)
        return int(row[0])

    def development_map(self, fact_ids: Iterable[int] | None = None) -> dict[int, int]:
        """``{fact id: development id}`` for these facts (default: all), for the export."""
        with self._read() as db:
            if fact_ids is None:
                rows = db.execute("SELECT id, development_id FROM facts").fetchall()
            else:
                rows = db.execute(
                    "SELECT id, development_id FROM facts"
                    " WHERE id IN (SELECT value FROM json_each(?))",
                    (json.dumps(sorted(set(fact_ids))),),
                ).fetchall()
        return {row[0]: row[1] for row in rows if row[1] is not None}

    def move_fact(self, fact_id: int, development_id: int | None) -> Development:
        """Move a fact into another development (None: one of its own) and keep it there, also
        after a re-analysis. Return the development it is now in."""
        with self._write() as db:
            target = _developments.move_fact(db, fact_id, development_id)
            return _selection.load_developments(db, [target], include_hidden=True)[0]

    def release_fact(self, fact_id: int) -> Development:
        """Undo :meth:`move_fact`: the merge rule places the fact again."""
        with self._write() as db:
            self._fact(db, fact_id)
            _developments.release_fact(db, fact_id)
            row = db.execute("SELECT development_id FROM facts WHERE id = ?", (fact_id,))
            target = int(row.fetchone()[0])
            return _selection.load_developments(db, [target], include_hidden=True)[0]

    def query_facts(
        self,
        query: Query | str | None = None,
        *,
        offset: int = 0,
        limit: int | None = None,
        include_hidden: bool = False,
    ) -> list[StoredFact]:
        """The facts a query selects (newest article first, in the body's order), paged."""
        parsed = _selection.as_query(query)
        with self._read() as db:
            ids = _selection.fact_ids(
                db, parsed, include_hidden=include_hidden, offset=offset, limit=limit
            )
            rows = db.execute(
                f"SELECT {_FACT_COLUMNS} FROM facts WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            ).fetchall()
        by_id = {row[0]: _stored_fact(row) for row in rows}
        return [by_id[i] for i in ids]

    def count_facts(self, query: Query | str | None = None, *, include_hidden: bool = False) -> int:
        parsed = _selection.as_query(query)
        with self._read() as db:
            return _selection.count_facts(db, parsed, include_hidden=include_hidden)

    def query_article_ids(self, query: Query | str | None = None) -> list[int]:
        """The articles a query selects, newest first (``list --query``, ``export --query``)."""
        parsed = _selection.as_query(query)
        with self._read() as db:
            return _selection.article_ids(db, parsed)

    def actor_dossier(self, name: str, *, include_hidden: bool = False) -> Dossier | None:
        """What an actor (a name or an alias) took and faced, as developments in date order;
        None when the library has neither."""
        with self._read() as db:
            return _selection.dossier(db, name, include_hidden=include_hidden)

    # -- helpers (called inside a transaction) ---------------------------------------------

    def _fact(self, db: sqlite3.Connection, fact_id: int) -> StoredFact:
        row = db.execute(f"SELECT {_FACT_COLUMNS} FROM facts WHERE id = ?", (fact_id,)).fetchone()
        if row is None:
            raise FactNotFound(fact_id)
        return _stored_fact(row)

    def _require_article(self, db: sqlite3.Connection, article_id: int) -> None:
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise ArticleNotFound(article_id)

    def _tags_of(self, db: sqlite3.Connection, article_id: int) -> tuple[str, ...]:
        return tuple(
            row[0]
            for row in db.execute(
                "SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag", (article_id,)
            )
        )

    def _insert_tags(self, db: sqlite3.Connection, article_id: int, tags: Iterable[str]) -> None:
        normalized = []
        for tag in tags:
            try:
                normalized.append(normalize_tag(tag))
            except BriefingError:
                continue  # a blank tag from front matter is no tag
        db.executemany(
            "INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)",
            [(article_id, tag) for tag in normalized],
        )

    def _insert_machine_facts(
        self, db: sqlite3.Connection, article_id: int, facts: Iterable[Fact]
    ) -> None:
        created = _now()
        db.executemany(
            f"""
            INSERT INTO facts (article_id, origin, {_MACHINE_COLUMNS}, sentence, start, "end",
                target_stated, created_at)
            VALUES (?, 'machine', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [(article_id, *_fact_values(fact), created) for fact in facts],
        )

    def _relocate_evidence(
        self, db: sqlite3.Connection, fact_id: int, sentence: str, body: str
    ) -> None:
        """Point a kept fact's offsets at its sentence in the new body (or at nothing)."""
        if not sentence:
            return
        start = body.find(sentence)
        if start >= 0:
            db.execute(
                'UPDATE facts SET start = ?, "end" = ? WHERE id = ?',
                (start, start + len(sentence), fact_id),
            )
        else:
            db.execute('UPDATE facts SET start = 0, "end" = 0 WHERE id = ?', (fact_id,))

    def _load_articles(
        self, db: sqlite3.Connection, where: str, params: Sequence[Any]
    ) -> list[StoredArticle]:
        rows = db.execute(
            f"""
            SELECT a.id, a.path, a.content_hash, a.title, a.dek, a.source, a.published, a.url,
                a.imported_at, a.raw_text, a.body, a.removed, a.actors, a.measures, a.unread,
                a.pipeline_version
            FROM articles a {where} ORDER BY {_NEWEST_FIRST}
            """,
            params,
        ).fetchall()
        if not rows:
            return []
        ids = json.dumps([row[0] for row in rows])
        facts: dict[int, list[StoredFact]] = {}
        for fact_row in db.execute(
            f"SELECT {_FACT_COLUMNS} FROM facts"
            " WHERE article_id IN (SELECT value FROM json_each(?))"
            f" ORDER BY article_id, {_FACT_ORDER}",
            (ids,),
        ):
            fact = _stored_fact(fact_row)
            facts.setdefault(fact.article_id, []).append(fact)
        tags: dict[int, list[str]] = {}
        for article_id, tag in db.execute(
            "SELECT article_id, tag FROM article_tags"
            " WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY tag",
            (ids,),
        ):
            tags.setdefault(article_id, []).append(tag)
        return [
            StoredArticle(
                id=row[0],
                path=row[1],
                content_hash=row[2],
                title=row[3],
                dek=row[4],
                meta=ArticleMeta(
                    source=row[5],
                    published=row[6],
                    url=row[7],
                    tags=tuple(tags.get(row[0], ())),
                ),
                imported_at=row[8],
                raw_text=row[9],
                body=row[10],
                removed=tuple(json.loads(row[11])),
                actors=_actors_from_json(row[12]),
                measures=_measures_from_json(row[13]),
                facts=tuple(facts.get(row[0], ())),
                tags=tuple(tags.get(row[0], ())),
                unread=bool(row[14]),
                pipeline_version=row[15],
            )
            for row in rows
        ]


# -- row <-> dataclass ---------------------------------------------------------------------

_MACHINE_COLUMNS = 'measure, actor, target, quantity, "when", status'
_FACT_COLUMNS = (
    f'id, article_id, {_MACHINE_COLUMNS}, sentence, start, "end", pinned, note, hidden, origin,'
    " corrections, created_at, target_stated"
)
# Document order; facts added by hand without evidence come last.
_FACT_ORDER = '("end" = 0), start, id'


def _stored_fact(row: Sequence[Any]) -> StoredFact:
    corrections: dict[str, str | None] = json.loads(row[15])
    values = dict(zip(CORRECTABLE_FIELDS, row[2:8], strict=True))
    values.update(corrections)
    return StoredFact(
        id=row[0],
        article_id=row[1],
        measure=values["measure"],
        actor=values["actor"],
        target=values["target"],
        quantity=values["quantity"],
        when=values["when"],
        status=values["status"],
        sentence=row[8],
        start=row[9],
        end=row[10],
        pinned=bool(row[11]),
        note=row[12],
        hidden=bool(row[13]),
        origin=row[14],
        edited=bool(corrections),
        created_at=row[16],
        corrected=tuple(sorted(corrections)),
        # A target the user corrected (or cleared) is theirs: stated, not inferred.
        target_stated="target" in corrections or bool(row[17]),
    )


def _fact_values(fact: Fact) -> tuple[Any, ...]:
    return (
        fact.measure,
        fact.actor,
        fact.target,
        fact.quantity,
        fact.when,
        fact.status,
        fact.sentence,
        fact.start,
        fact.end,
        int(fact.target_stated),
    )


def _optional(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _checked_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise InvalidValue("an article's title cannot be empty")
    return cleaned


def _checked_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) that exists, or None for an empty value."""
    text = (value or "").strip()
    if not text:
        return None
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    raise InvalidValue(f"not a date: {text!r} (write it as YYYY-MM-DD, e.g. 2022-04-08)")


def _checked_url(value: str | None) -> str | None:
    """An http(s) URL with a host, or None for an empty value."""
    text = (value or "").strip()
    if not text:
        return None
    parts = urlsplit(text)
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or any(ch.isspace() or not ch.isprintable() for ch in text)
    ):
        raise InvalidValue(f"not a web address: {text!r} (it must start with http:// or https://)")
    return text


def _check_choice(field: str, value: str | None, choices: Sequence[str]) -> None:
    if value not in choices:
        raise BriefingError(f"{field} must be one of {', '.join(choices)} (not {value!r})")


def _merge_corrections(
    machine: Mapping[str, Any],
    existing: Mapping[str, str | None],
    changes: Mapping[str, str | None],
    revert: Iterable[str],
    *,
    target_stated: bool = True,
) -> dict[str, str | None]:
    """``existing`` with ``changes`` and ``revert`` applied. A value equal to the machine's
    drops the correction, except a target the machine inferred from the story: setting it to
    the same name confirms it, and a confirmed target is stated."""
    merged = dict(existing)
    for field in revert:
        if field not in CORRECTABLE_FIELDS:
            raise BriefingError(f"cannot correct {field!r}: use one of {CORRECTABLE_FIELDS}")
        merged.pop(field, None)
    for field, raw_value in changes.items():
        if field not in CORRECTABLE_FIELDS:
            raise BriefingError(f"cannot correct {field!r}: use one of {CORRECTABLE_FIELDS}")
        value = _optional(raw_value)
        if field in _REQUIRED_FIELDS:
            if value is None:
                raise BriefingError(f"a fact's {field} cannot be empty")
            _check_choice(field, value, MEASURE_TYPES if field == "measure" else STATUSES)
        if value == machine[field] and (field != "target" or target_stated):
            merged.pop(field, None)
        else:
            merged[field] = value
    return merged


def _evidence_offsets(body: str, sentence: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a hand-added fact's evidence: as given when they hold, else where the
    sentence occurs in the body. A sentence not in the body is refused."""
    if not sentence:
        return 0, 0
    if 0 <= start <= end <= len(body) and body[start:end] == sentence:
        return start, end
    found = body.find(sentence)
    if found < 0:
        raise BriefingError("the evidence sentence is not in the article's text")
    return found, found + len(sentence)


def _filters(
    tag: str | None, search: str | None, query: Query | None = None
) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``articles a``) for the list's tag, search and query filters."""
    clauses: list[str] = []
    params: list[Any] = []
    if query is not None:
        where, more = _selection.article_where(query)
        clauses.append(where)
        params += more
    if tag is not None:
        clauses.append("a.id IN (SELECT article_id FROM article_tags WHERE tag = ?)")
        params.append(normalize_tag(tag))
    match = fts_query(search) if search is not None else None
    if match is not None:
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(match)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _split_tags(value: str | None) -> tuple[str, ...]:
    return tuple(value.split(_TAG_SEPARATOR)) if value else ()


def _actors_json(actors: Iterable[Actor]) -> str:
    return json.dumps(
        [[a.text, a.label, a.canonical, a.start, a.end, a.kind] for a in actors],
        ensure_ascii=False,
    )


def _actors_from_json(text: str) -> tuple[Actor, ...]:
    return tuple(
        Actor(text=t, label=label, canonical=canonical, start=start, end=end, kind=kind)
        for t, label, canonical, start, end, kind in json.loads(text)
    )


def _measures_json(measures: Iterable[Measure]) -> str:
    return json.dumps([[m.text, m.type, m.start, m.end] for m in measures], ensure_ascii=False)


def _measures_from_json(text: str) -> tuple[Measure, ...]:
    return tuple(
        Measure(text=t, type=kind, start=start, end=end) for t, kind, start, end in json.loads(text)
    )
