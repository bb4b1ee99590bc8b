"""`briefing add URL`, `briefing feed ...` and `briefing refresh` as a user runs them: real
subprocesses, a real library, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web_server import WebServer, article_page, serve


@pytest.fixture
def web() -> Iterator[WebServer]:
    yield from serve()


def briefing(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def story(n: int) -> list[str]:
    return [
        f"Story {n}: the government of Japan said on Friday that it would expel {n + 2} Russian "
        f"diplomats, the {n}th such step this spring, in a move coordinated with its partners.",
        f"Officials in Tokyo said the measure {n} followed talks with the European Union and "
        "the United States, and that further sanctions on Russian coal were being considered.",
        f"Paragraph three of story {n} says the foreign ministry summoned the ambassador to "
        "explain the decision, which takes effect within ten days of the announcement.",
    ]


def count_articles(data_dir: Path) -> int:
    db = sqlite3.connect(data_dir / "library.sqlite3")
    try:
        return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        db.close()


def test_add_url_stores_once_and_bad_urls_fail_one_line_each(
    data_dir: Path, web: WebServer
) -> None:
    url = web.page("/world/japan-expels", article_page("Japan expels Russian diplomats", story(1)))
    web.page("/a", b"", status=302, headers={"Location": "/b"})
    web.page("/b", b"", status=302, headers={"Location": "/a"})
    web.page(
        "/bomb", gzip.compress(b"\0" * (40 * 1024 * 1024)), headers={"Content-Encoding": "gzip"}
    )
    web.page("/pdf", b"%PDF-1.4", content_type="application/pdf")
    web.page("/gone", "missing", status=404)
    done = briefing(data_dir, "add", url)
    assert done.returncode == 0, done.stderr
    shown = json.loads(briefing(data_dir, "show", "1", "--json").stdout)[0]
    assert shown["title"] == "Japan expels Russian diplomats"
    assert shown["url"] == url and shown["source"] == "Test Herald"
    assert shown["body"].startswith("Story 1:") and "Home" in shown["removed"]
    assert shown["facts"], "the article was analysed"
    # The same URL, spelled differently, is not fetched or stored again.
    before = len(web.requests)
    again = briefing(data_dir, "add", url.replace("127.0.0.1", "127.0.0.1") + "/?utm_source=x#top")
    assert again.returncode == 0 and len(web.requests) == before and count_articles(data_dir) == 1
    bad = [web.url(p) for p in ("/a", "/bomb", "/pdf", "/gone")] + ["file:///etc/passwd"]
    failed = briefing(data_dir, "add", *bad)
    assert failed.returncode == 1 and count_articles(data_dir) == 1
    assert "Traceback" not in failed.stderr
    said = failed.stdout + failed.stderr
    for reason in (
        "redirect loop",
        "page too large",
        "content type application/pdf",
        "HTTP 404",
        "only http and https",
    ):
        assert reason in said


def feed_xml(web: WebServer, count: int, extra: str = "") -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{web.url(f'/s{n}')}</link><guid>g{n}</guid>"
        f"<description>Feed summary of story {n} about sanctions on Russia.</description></item>"
        for n in range(count)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>'
        f"<link>{web.url('/')}</link>{items}{extra}</channel></rss>"
    ).encode()


def test_feed_add_refresh_and_conditional_refresh(data_dir: Path, web: WebServer) -> None:
    for n in range(3):
        web.page(f"/s{n}", article_page(f"Story number {n} headline", story(n)))
    del web.routes["/s2"]  # its page is gone: stored from the feed's own text
    refused = "<item><title>Bad</title><link>javascript:alert(1)</link><guid>bad</guid></item>"
    body = feed_xml(web, 3, refused)

    def answer(request: object) -> tuple[int, dict[str, str], bytes]:
        if web.requests[-1].headers.get("if-none-match") == '"f1"':
            return 304, {}, b""
        return 200, {"Content-Type": "application/rss+xml", "ETag": '"f1"'}, body

    web.routes["/feed.xml"] = answer
    web.page(
        "/",
        '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
        "</head><body><p>home</p></body></html>",
    )
    added = briefing(data_dir, "feed", "add", web.url("/"))
    assert added.returncode == 0, added.stderr
    assert "Local Wire" in added.stdout
    first = briefing(data_dir, "refresh", "--json")
    (report,) = json.loads(first.stdout)
    assert report["added"] == 3 and report["failed"] == 1, first.stdout
    assert "refused link" in report["errors"][0]
    articles = json.loads(briefing(data_dir, "list", "--json").stdout)
    assert {a["source"] for a in articles} == {"Local Wire"}
    titles = {a["title"] for a in articles}
    assert {"Story number 0 headline", "Story number 1 headline", "Story 2"} == titles
    second = briefing(data_dir, "refresh", "--json")
    (report,) = json.loads(second.stdout)
    assert report["not_modified"] and report["added"] == 0
    assert (
        web.requests[-1].path == "/feed.xml" and web.requests[-1].headers["if-none-match"] == '"f1"'
    )
    assert count_articles(data_dir) == 3
    listing = json.loads(briefing(data_dir, "feed", "list", "--json").stdout)
    assert listing[0]["article_count"] == 3
    opml = briefing(data_dir, "feed", "export").stdout
    assert web.url("/feed.xml") in opml
    assert briefing(data_dir, "feed", "remove", "1").returncode == 0
    assert json.loads(briefing(data_dir, "feed", "list", "--json").stdout) == []
    assert count_articles(data_dir) == 3


def test_a_malformed_feed_is_one_line(data_dir: Path, web: WebServer) -> None:
    web.page("/broken.xml", b"<rss><channel><title>x</titl", content_type="application/rss+xml")
    done = briefing(data_dir, "feed", "add", web.url("/broken.xml"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
