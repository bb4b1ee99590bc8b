"""The library: articles, analyses and curated facts in one SQLite database.

The reader, the export and the commands use only what is exported here: plain dataclasses and
the :class:`Library` methods, never SQL.
"""

from briefing.store.developments import (
    WINDOW_DAYS,
    Development,
    DevelopmentNotFound,
    DevelopmentSource,
    Dossier,
)
from briefing.store.library import (
    CORRECTABLE_FIELDS,
    UNSET,
    ArticleNotFound,
    FactNotFound,
    Library,
    LibraryBusy,
    LibraryCorrupt,
    LibraryError,
    LibraryNotFound,
    LibraryNotWritable,
    LibraryTooNew,
    Unset,
    content_hash,
    fts_query,
    normalize_tag,
)
from briefing.store.paths import data_dir
from briefing.store.records import ArticleSummary, StoredArticle, StoredFact

__all__ = [
    "CORRECTABLE_FIELDS",
    "UNSET",
    "WINDOW_DAYS",
    "ArticleNotFound",
    "ArticleSummary",
    "Development",
    "DevelopmentNotFound",
    "DevelopmentSource",
    "Dossier",
    "FactNotFound",
    "Library",
    "LibraryBusy",
    "LibraryCorrupt",
    "LibraryError",
    "LibraryNotFound",
    "LibraryNotWritable",
    "LibraryTooNew",
    "StoredArticle",
    "StoredFact",
    "Unset",
    "content_hash",
    "data_dir",
    "fts_query",
    "normalize_tag",
]
