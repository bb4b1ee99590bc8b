"""Reading a web page (HTML) into a RawArticle, with trafilatura.

trafilatura finds the main text of the page (without comments), its title, date, site name and
canonical URL. The page's description becomes the dek when it is a standfirst (a short summary
that is not just the opening of the first paragraph). Every line of the page's visible text
that the extractor did not take (menus, teasers, footers, comment threads) is kept as removed
text, so nothing is lost. The HTML is data: it is parsed, never rendered, and no link in it is
followed here (this module has no network).

The extractor's settings live in :data:`EXTRACTION`, in one place.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Final

from briefing.errors import ArticleError
from briefing.model import ArticleMeta, RawArticle

HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})

# trafilatura's settings: main text without comments, tables kept (their rows become lines),
# no images, links or formatting (plain text only), metadata on, and its precision-first mode:
# a briefing is better served by a story missing a marginal line than by one that carries the
# page's teasers and footers into the analysis (they stay viewable as removed text).
EXTRACTION: Final[dict[str, Any]] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "with_metadata": True,
    "favor_precision": True,
    "favor_recall": False,
}

# A standfirst is a short summary; a longer description is the page's opening paragraph.
MAX_DEK_CHARS: Final = 300
MAX_TITLE_CHARS: Final = 250

_DOCUMENT_START = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_FRAGMENT_START = re.compile(
    r"\A\ufeff?\s*<(?:p|div|article|main|section|body|head|title|meta|h[1-6]|header)[\s>]",
    re.IGNORECASE,
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
_BLOCK_TAGS: Final = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "button",
        "label",
        "option",
        "select",
        "caption",
    ]
)
_INVISIBLE_TAGS: Final = ("script", "style", "noscript", "template", "svg", "head", "iframe")


@dataclass(frozen=True, slots=True)
class PageArticle(RawArticle):
    """A RawArticle read from a web page: the extractor already told the story from the page
    around it (``preamble_removed`` holds every line of the page it left out)."""


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML document (or a pasted fragment of one), not prose."""
    head = text[:2048]
    if _DOCUMENT_START.match(head):
        return True
    return bool(_FRAGMENT_START.match(head)) and bool(re.search(r"</\w+\s*>", text[:65536]))


def decode_html(data: bytes, path: object = "<bytes>", charset: str | None = None) -> str:
    """Decode a page's bytes: a BOM first, then the charset given (by the HTTP header), then
    the page's own ``<meta charset>``, then UTF-8, then Windows-1252."""
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ArticleError(path, "contains NUL bytes: looks like a binary file, not a web page")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    candidates: list[str] = []
    if charset:
        candidates.append(charset)
    declared = _CHARSET.search(data[:4096])
    if declared:
        candidates.append(declared.group(1).decode("ascii"))
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec in ("utf-16", "utf-32"):  # a meta tag read in ASCII cannot mean that
            continue
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_html(path: str, html: str, *, url: str | None = None) -> RawArticle:
    """Parse a page. ``url`` is where it was fetched from (kept as the article's URL and used to
    resolve relative metadata); a saved file gives its canonical URL instead, when it has one."""
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, **EXTRACTION)
    if document is None:
        raise ArticleError(path, "no article text found in the page")
    found: dict[str, Any] = document.as_dict() if hasattr(document, "as_dict") else document
    lines = [_one_line(line) for line in str(found.get("text") or "").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise ArticleError(path, "no article text found in the page")
    title = _one_line(str(found.get("title") or ""))
    if lines and title and _same(lines[0], title):
        lines.pop(0)
    if not title or len(title) > MAX_TITLE_CHARS:
        title = _title_from(lines[0]) if lines else "(untitled page)"
    shown = page_lines(html)
    dek = _dek(_one_line(str(found.get("description") or "")), lines, shown)
    # The headline and standfirst printed at the top of the story are not body text, in
    # whichever order the page prints them.
    head = [line for line in lines[:3] if not (_same(line, title) or (dek and _same(line, dek)))]
    lines = head + lines[3:]
    if not lines:
        raise ArticleError(path, "no article text found in the page")
    removed = _not_taken(shown, [title, dek or "", *lines])
    meta = ArticleMeta(
        source=_one_line(str(found.get("sitename") or "")) or _host(url),
        published=_iso_date(found.get("date")),
        url=url or _web_url(found.get("url")),
    )
    return PageArticle(
        path=path,
        raw_text=html,
        title=title,
        dek=dek,
        paragraphs=tuple(lines),
        meta=meta,
        preamble_removed=tuple(removed),
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _same(line: str, other: str) -> bool:
    return _key(line) == _key(other)


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _title_from(line: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0]
    return sentence if len(sentence) <= 120 else sentence[:120].rsplit(" ", 1)[0] + "…"


def _dek(description: str, lines: list[str], shown: list[str]) -> str | None:
    """The page's description, when it is a standfirst: short, printed on the page as a line of
    its own (a description only in the page's metadata is a summary for search engines and
    link previews, not part of the article), and not the opening of the story repeated."""
    if not description or len(description) > MAX_DEK_CHARS or len(description.split()) < 4:
        return None
    if lines and _same(lines[0], description):
        return description  # the extractor took it as the story's first line
    if not any(_same(line, description) for line in shown):
        return None
    key = _key(description)
    body = _key(" ".join(lines[:3]))
    if key and key in body:
        return None  # the opening of the story, repeated
    return description


def _iso_date(value: object) -> str | None:
    text = str(value or "")
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2}).*", text)
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else None


def _web_url(value: object) -> str | None:
    text = str(value or "").strip()
    return text if re.match(r"https?://[^\s/]+", text, re.IGNORECASE) else None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    match = re.match(r"https?://(?:www\.)?([^/:?#\s]+)", url, re.IGNORECASE)
    return match.group(1).lower() if match else None


def html_text(html: str) -> str:
    """The plain text of an HTML fragment on one line, without scripts and styles (a feed
    entry's content, an HTML block in Markdown)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return _one_line(" ".join(collector.parts))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_lines(html: str) -> list[str]:
    """The page's visible text, one line per block (paragraph, list item, cell, heading)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    for element in list(root.iter(*_INVISIBLE_TAGS, etree.Comment, etree.ProcessingInstruction)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    text = root.text_content()
    return [line for line in (_one_line(raw) for raw in text.split("\n")) if line]


def _not_taken(shown: list[str], taken: list[str]) -> list[str]:
    """The page's text lines that are not part of what was taken, in page order."""
    kept = " \n ".join(_one_line(part) for part in taken if part)
    removed: list[str] = []
    for line in shown:
        if line not in kept:
            removed.append(line)
    return removed
