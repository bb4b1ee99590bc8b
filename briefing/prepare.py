"""An article ready for analysis: read (file, stored text or fetched page), then cleaned.

Plain text and Markdown go through the page-chrome cleaner (:mod:`briefing.cleaning`). A web page
does not: trafilatura has already told the article from the page around it, and every line of
the page it left out is in the article's removed text. Running the line cleaner over its output
as well would only drop story paragraphs that happen to look like chrome.
"""

from __future__ import annotations

import os

from briefing.cleaning import clean_article
from briefing.htmlpage import PageArticle
from briefing.model import CleanArticle, RawArticle
from briefing.reading import parse_article, read_article


def prepare_file(path: str | os.PathLike[str]) -> CleanArticle:
    """Read and clean an article file (raises ArticleError with a reason)."""
    return prepare(read_article(path))


def prepare_text(path: str, text: str) -> CleanArticle:
    """Read and clean decoded text as the file (or URL) at ``path`` would be."""
    return prepare(parse_article(path, text))


def prepare(raw: RawArticle) -> CleanArticle:
    if isinstance(raw, PageArticle):
        return CleanArticle(
            path=raw.path,
            raw_text=raw.raw_text,
            title=raw.title,
            dek=raw.dek,
            body="\n\n".join(raw.paragraphs),
            removed=raw.preamble_removed,
            meta=raw.meta,
        )
    return clean_article(raw)
