"""Feeds and HTML pages as data: RSS 1.0/2.0 and Atom, hostile feeds, OPML, discovery, .html."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.feeds import FeedError, discover_feeds, export_opml, parse_feed, parse_opml
from briefing.prepare import prepare_file
from tests.web_server import article_page

RSS2 = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire One</title>
<link>https://wire.example/</link>
<item><title>Japan expels diplomats</title><link>https://wire.example/a?utm_source=rss</link>
<guid>wire-a</guid><pubDate>Fri, 08 Apr 2022 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Japan said it would expel eight diplomats.&lt;/p&gt;</description></item>
</channel></rss>"""
RSS1 = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://r1.example/"><title>RDF News</title>
<link>https://r1.example/</link></channel>
<item rdf:about="https://r1.example/b"><title>EU freezes assets</title>
<link>https://r1.example/b</link><description>The EU froze assets.</description></item></rdf:RDF>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Times</title><link href="https://atom.example/"/><id>urn:x</id>
<entry><title>Canada bans imports</title><id>urn:entry:1</id>
<link href="https://atom.example/c"/><updated>2022-04-09T08:00:00Z</updated>
<content type="html">&lt;p&gt;Canada banned imports of Russian oil.&lt;/p&gt;</content>
</entry></feed>"""


@pytest.mark.parametrize(
    ("data", "title", "entry_title", "link"),
    [
        (RSS2, "Wire One", "Japan expels diplomats", "https://wire.example/a?utm_source=rss"),
        (RSS1, "RDF News", "EU freezes assets", "https://r1.example/b"),
        (ATOM, "Atom Times", "Canada bans imports", "https://atom.example/c"),
    ],
)
def test_rss_and_atom_parse(data: bytes, title: str, entry_title: str, link: str) -> None:
    feed = parse_feed(data, "https://feed.example/")
    assert feed.title == title
    (entry,) = feed.entries
    assert entry.title == entry_title and entry.link == link
    assert entry.content_html.strip()


def test_dates_and_guids() -> None:
    (entry,) = parse_feed(RSS2, "u").entries
    assert entry.guid == "wire-a" and entry.published == "2022-04-08"
    (atom,) = parse_feed(ATOM, "u").entries
    assert atom.guid == "urn:entry:1" and atom.published == "2022-04-09"


def test_malformed_and_hostile_feeds_are_one_line_errors() -> None:
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"this is not xml at all { }", "https://x.example/feed")
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b'<rss version="2.0"><channel><title>&c;</title></channel></rss>'
    )
    with pytest.raises(FeedError, match="entity expansion") as caught:
        parse_feed(laughs, "https://x.example/feed")
    assert "\n" not in str(caught.value)


def test_opml_round_trip_and_refusals(tmp_path: Path) -> None:
    text = export_opml(
        [
            ("https://a.example/feed", "A & B \x1b[31m", None),
            ("https://b.example/rss", None, "https://b.example/"),
        ]
    )
    assert "\x1b" not in text and "&amp;" in text
    assert parse_opml(text.encode(), "x.opml") == [
        ("https://a.example/feed", "A & B [31m"),
        ("https://b.example/rss", "https://b.example/rss"),
    ]
    with pytest.raises(FeedError, match="not an OPML file"):
        parse_opml(b"<html></html>", "x.opml")
    with pytest.raises(FeedError, match="entities"):
        parse_opml(b'<!DOCTYPE o [<!ENTITY a "x">]><opml/>', "x.opml")


def test_a_page_announces_its_feed() -> None:
    page = (
        '<html><head><link rel="alternate" type="application/rss+xml" title="News" '
        'href="/feed.xml"><link rel="stylesheet" href="/s.css"></head></html>'
    )
    assert discover_feeds(page, "https://site.example/story") == [
        ("https://site.example/feed.xml", "News")
    ]


def test_an_html_file_is_read_with_its_metadata_and_removed_text(tmp_path: Path) -> None:
    paragraphs = [
        f"The government of Japan said on Friday that it would expel {n} Russian diplomats "
        "and trade officials, in a step coordinated with its partners in the Group of Seven."
        for n in range(2, 8)
    ]
    standfirst = "Tokyo joins the European expulsions after the killings near Kyiv"
    html = article_page("Japan expels eight Russian diplomats", paragraphs, description=standfirst)
    html = html.replace("<h1>", f"<p class='standfirst'>{standfirst}</p><h1>", 1)
    path = tmp_path / "story.html"
    path.write_text(html, encoding="utf-8")
    article = prepare_file(path)
    assert article.title == "Japan expels eight Russian diplomats"
    assert article.dek == standfirst
    assert article.meta.source == "Test Herald" and article.meta.published == "2022-04-08"
    assert article.body.split("\n\n") == paragraphs
    assert "Home" in article.removed and any("Copyright" in line for line in article.removed)
    # A description that is not printed on the page is no standfirst.
    path.write_text(article_page("Other", paragraphs, description="Only for search engines here"))
    assert prepare_file(path).dek is None


def test_pasted_html_in_a_text_file_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    paragraphs = [
        f"Paragraph {n} of a story about the sanctions package agreed in Brussels." * 2
        for n in range(5)
    ]
    path.write_text(article_page("EU agrees sanctions", paragraphs), encoding="utf-8")
    article = prepare_file(path)
    assert article.title == "EU agrees sanctions" and "<p>" not in article.body
