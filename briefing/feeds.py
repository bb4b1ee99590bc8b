"""Feeds as data: parsing RSS 0.9x/1.0/2.0 and Atom (feedparser, on bytes already fetched),
finding a page's feed through ``<link rel="alternate">``, and OPML import and export.

No network here: :mod:`briefing.fetching` brings the bytes. Feed text is data: an XML document
that declares entities is refused before parsing (a feed has no use for them, and an
entity-expansion "billion laughs" feed would otherwise cost memory and time).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from briefing.errors import BriefingError
from briefing.htmlpage import html_text

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_FEED_LINK_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml"}
)


class FeedError(BriefingError):
    """Bytes that are not a usable feed or OPML file; ``str()`` is one line."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed, its fields as the feed gives them (links not yet checked)."""

    guid: str | None
    link: str | None
    title: str
    content_html: str  # the fullest text the feed carries (content, else summary)
    published: str | None  # ISO date


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    site_url: str | None
    entries: tuple[Entry, ...]


def parse_feed(data: bytes, url: str) -> Feed:
    """Parse a feed's bytes. Raises FeedError for a malformed or hostile document."""
    import feedparser

    if _ENTITY_DECLARATION.search(data[:65536]):
        raise FeedError(f"{url}: refused: the feed declares XML entities (entity expansion)")
    try:
        parsed: Any = feedparser.parse(
            data, response_headers={"content-location": url}, sanitize_html=True
        )
    except Exception as error:  # feedparser on hostile bytes: report, never crash
        raise FeedError(f"{url}: not a feed ({type(error).__name__})") from None
    feed = parsed.get("feed", {})
    version = parsed.get("version") or ""
    if not parsed.get("entries") and (not version or parsed.get("bozo")):
        bozo = parsed.get("bozo_exception")
        detail = f" ({_one_line(str(bozo))[:120]})" if bozo else ""
        raise FeedError(f"{url}: not an RSS or Atom feed, or a malformed one{detail}")
    entries = tuple(_entry(item) for item in parsed.get("entries") or ())
    return Feed(
        title=_one_line(str(feed.get("title") or "")) or None,
        site_url=str(feed.get("link") or "") or None,
        entries=entries,
    )


def _entry(item: Any) -> Entry:
    contents = item.get("content") or []
    values = [str(part.get("value") or "") for part in contents if part.get("value")]
    content = max(values, key=len) if values else str(item.get("summary") or "")
    published = item.get("published_parsed") or item.get("updated_parsed")
    iso = f"{published[0]:04d}-{published[1]:02d}-{published[2]:02d}" if published else None
    return Entry(
        guid=_one_line(str(item.get("id") or "")) or None,
        link=str(item.get("link") or "").strip() or None,
        title=_one_line(html.unescape(str(item.get("title") or ""))),
        content_html=content,
        published=iso,
    )


def entry_document(entry: Entry, source: str | None) -> str:
    """An HTML document holding the entry's own text, for an entry whose page could not be
    fetched: read like any page (briefing.htmlpage), so re-analysis reads it the same way."""
    title = html.escape(entry.title or "(untitled entry)")
    meta = [f"<title>{title}</title>"]
    if source:
        meta.append(f'<meta property="og:site_name" content="{html.escape(source)}">')
    if entry.published:
        meta.append(f'<meta property="article:published_time" content="{entry.published}">')
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        + "".join(meta)
        + f"</head><body><article><h1>{title}</h1>\n{entry.content_html}\n</article></body></html>"
    )


def entry_text(entry: Entry) -> str:
    """The plain text of an entry's content (empty when the feed carries none)."""
    return html_text(entry.content_html)


class _AlternateLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        values = {name.lower(): (value or "") for name, value in attrs}
        rel = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_LINK_TYPES and values.get("href"):
            self.links.append((values["href"].strip(), values.get("title") or None))


def discover_feeds(page: str, base_url: str) -> list[tuple[str, str | None]]:
    """The feeds a page announces with ``<link rel="alternate" type="application/rss+xml">``
    (or Atom), as absolute URLs with their titles, in page order. The caller checks schemes."""
    parser = _AlternateLinks()
    parser.feed(page[:1_000_000])
    parser.close()
    return [(urljoin(base_url, href), title) for href, title in parser.links]


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<?xml") or bool(re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head))


# -- OPML ------------------------------------------------------------------------------------


def parse_opml(data: bytes, path: str) -> list[tuple[str, str | None]]:
    """The feeds of an OPML subscription list: ``(xmlUrl, title)``, in order, nested outlines
    included. Raises FeedError for a file that is not OPML."""
    if _ENTITY_DECLARATION.search(data):
        raise FeedError(f"{path}: refused: the file declares XML entities")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise FeedError(f"{path}: not a valid OPML file ({error})") from None
    if root.tag.lower() != "opml":
        raise FeedError(f"{path}: not an OPML file (its root is <{root.tag[:40]}>)")
    found: list[tuple[str, str | None]] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            name = outline.get("title") or outline.get("text") or None
            found.append((url, _one_line(name) if name else None))
    return found


def export_opml(feeds: list[tuple[str, str | None, str | None]]) -> str:
    """An OPML 2.0 document of ``(url, name, site_url)`` subscriptions."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "briefing feeds"
    body = ElementTree.SubElement(root, "body")
    for url, name, site_url in feeds:
        url, name, site_url = _xml_safe(url), _xml_safe(name), _xml_safe(site_url)
        attributes = {"type": "rss", "text": name or url, "xmlUrl": url}
        if name:
            attributes["title"] = name
        if site_url:
            attributes["htmlUrl"] = site_url
        ElementTree.SubElement(body, "outline", attributes)  # escaped by ElementTree
    ElementTree.indent(root)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )


def _xml_safe(text: str | None) -> str:
    """Text XML can hold: control characters (an ESC in a feed's name) are dropped."""
    return "".join(ch for ch in text or "" if ch >= " " or ch in "\t")


def _one_line(text: str) -> str:
    return " ".join(text.split())
