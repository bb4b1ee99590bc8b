"""Feeds and their pages for the refresh figure, served from this machine only.

Each feed lives on its own loopback address (127.0.0.2, 127.0.0.3, ...), as real feeds live on
their own hosts, so that the refresh's per-host limit is measured as it works in use. Every
answer waits ``delay`` seconds first (a distant server's latency). The servers bind only to
loopback addresses and stop with the ``with`` block.

Run as a script, it serves in a process of its own (so that the servers' Python does not share
the measured process's interpreter lock), writes each page's HTML into ``--pages-dir``, prints
one JSON line {"feeds": [...], "pages": [...]} and serves until its standard input closes:

    python benchmarks/feeds_server.py --feeds 20 --entries 25 --delay 0.05 --pages-dir DIR
"""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Site:
    host: str
    port: int = 0
    routes: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path -> (type, body)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"


def page_html(title: str, paragraphs: Sequence[str], site: str) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} | {site}</title>"
        f"<meta property='og:site_name' content='{site}'>"
        "<meta property='article:published_time' content='2022-04-08T10:00:00Z'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<main><article><h1>{html.escape(title)}</h1>{body}</article></main>"
        "<footer><p>Copyright 2022. All rights reserved.</p></footer></body></html>"
    ).encode()


def feed_xml(site: Site, name: str, links: Sequence[tuple[str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(title)}</title><link>{link}</link><guid>{link}</guid></item>"
        for title, link in links
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
        f"<link>{site.url('/')}</link>{items}</channel></rss>"
    ).encode()


@contextmanager
def serve_feeds(
    articles: Sequence[tuple[str, list[str]]], feeds: int, entries: int, delay: float
) -> Iterator[tuple[list[str], list[str], dict[str, bytes]]]:
    """Serve ``feeds`` feeds of ``entries`` pages each, made from ``articles`` (title,
    paragraphs), each page distinct. Yields the feed URLs, the page URLs and each page's HTML
    by URL (for the reference, which reads the same pages from files)."""
    sites = [Site(f"127.0.0.{2 + number}") for number in range(feeds)]
    servers: list[ThreadingHTTPServer] = []

    def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                time.sleep(delay)
                found = site.routes.get(self.path.split("?", 1)[0])
                status, (kind, body) = (200, found) if found else (404, ("text/plain", b"no"))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    for site in sites:
        server = ThreadingHTTPServer((site.host, 0), handler_for(site))
        server.daemon_threads = True
        site.port = server.server_address[1]
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    pages: dict[str, bytes] = {}
    feed_urls: list[str] = []
    number = 0
    try:
        for feed_number, site in enumerate(sites):
            links: list[tuple[str, str]] = []
            for _ in range(entries):
                title, paragraphs = articles[number % len(articles)]
                edition = (
                    f"Correspondents in bureau {number} contributed to this report "
                    f"(feed {feed_number})."
                )
                body = page_html(title, [*paragraphs, edition], f"Site {feed_number}")
                path = f"/story-{number}.html"
                site.routes[path] = ("text/html; charset=utf-8", body)
                pages[site.url(path)] = body
                links.append((title, site.url(path)))
                number += 1
            site.routes["/feed.xml"] = (
                "application/rss+xml",
                feed_xml(site, f"Feed {feed_number}", links),
            )
            feed_urls.append(site.url("/feed.xml"))
        yield feed_urls, list(pages), pages
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def sample_articles(directory: Path) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of the bundled sample articles, read as briefing reads them."""
    from briefing.reading import read_article

    articles = []
    for path in sorted(directory.iterdir()):
        if path.suffix in {".txt", ".md"} and not path.name.startswith("."):
            raw = read_article(path)
            articles.append((raw.title, [p for p in raw.paragraphs if len(p) > 40]))
    return articles


def main() -> None:
    import argparse
    import json
    import sys

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=25)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--pages-dir", type=Path, required=True)
    args = parser.parse_args()
    samples = Path(__file__).resolve().parent.parent / "sample_articles"
    articles = sample_articles(samples)
    with serve_feeds(articles, args.feeds, args.entries, args.delay) as (feeds, urls, pages):
        args.pages_dir.mkdir(parents=True, exist_ok=True)
        for number, body in enumerate(pages.values()):
            (args.pages_dir / f"{number:04d}.html").write_bytes(body)
        print(json.dumps({"feeds": feeds, "pages": urls}), flush=True)
        sys.stdin.read()  # serve until the measuring process closes the pipe


if __name__ == "__main__":
    main()
