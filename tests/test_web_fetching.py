"""briefing.fetching against a real HTTP server on 127.0.0.1: limits, redirects, failures."""

from __future__ import annotations

import gzip
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from briefing.fetching import MAX_REDIRECTS, Fetcher, FetchError, Limits, normalize_url
from tests.web_server import WebServer, article_page, serve

FAST = Limits(connect_timeout=2.0, read_timeout=0.5, deadline=1.5, max_bytes=200_000)


@pytest.fixture
def web() -> Iterator[WebServer]:
    yield from serve()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as client:
        yield client


def failure(fetcher: Fetcher, url: str, **kwargs: object) -> str:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and message.startswith(url[:40])
    return message


def test_a_page_comes_back_with_its_type_charset_and_user_agent(
    web: WebServer, fetcher: Fetcher
) -> None:
    url = web.page("/story", article_page("Headline", ["One paragraph."]))
    response = fetcher.fetch(url)
    assert response.status == 200 and response.content_type == "text/html"
    assert response.charset == "utf-8" and b"Headline" in response.body
    assert web.requests[-1].headers["user-agent"].startswith("briefing/")
    assert "br" not in web.requests[-1].headers["accept-encoding"]


def test_redirects_are_followed_up_to_five(web: WebServer, fetcher: Fetcher) -> None:
    web.page("/final", "<html><body><p>here</p></body></html>")
    for hop in range(MAX_REDIRECTS):
        target = "/final" if hop == 0 else f"/hop{hop - 1}"
        web.page(f"/hop{hop}", b"", status=302, headers={"Location": target})
    response = fetcher.fetch(web.url(f"/hop{MAX_REDIRECTS - 1}"))
    assert response.url.endswith("/final") and len(response.redirects) == MAX_REDIRECTS
    web.page("/hop5", b"", status=301, headers={"Location": "/hop4"})
    assert "too many redirects" in failure(fetcher, web.url("/hop5"))


def test_a_redirect_loop_is_named(web: WebServer, fetcher: Fetcher) -> None:
    web.page("/a", b"", status=302, headers={"Location": "/b"})
    web.page("/b", b"", status=302, headers={"Location": "/a"})
    assert failure(fetcher, web.url("/a")).endswith("redirect loop")


@pytest.mark.parametrize(
    "target", ["file:///etc/passwd", "data:text/html,<p>x</p>", "javascript:alert(1)"]
)
def test_refused_schemes_directly_and_as_redirect_targets(
    web: WebServer, fetcher: Fetcher, target: str
) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.fetch(target)
    web.page("/jump", b"", status=302, headers={"Location": target})
    assert "redirected to a refused link" in failure(fetcher, web.url("/jump"))


def test_conditional_get_sends_validators_and_reads_304(web: WebServer, fetcher: Fetcher) -> None:
    def answer(request: object) -> tuple[int, dict[str, str], bytes]:
        headers = web.requests[-1].headers
        if headers.get("if-none-match") == '"v1"':
            return 304, {}, b""
        return (
            200,
            {
                "Content-Type": "application/rss+xml",
                "ETag": '"v1"',
                "Last-Modified": "Fri, 08 Apr 2022 10:00:00 GMT",
            },
            b"<rss></rss>",
        )

    web.routes["/feed"] = answer
    first = fetcher.fetch(web.url("/feed"), accept=frozenset({"application/rss+xml"}))
    assert first.etag == '"v1"' and not first.not_modified
    second = fetcher.fetch(
        web.url("/feed"),
        accept=frozenset({"application/rss+xml"}),
        etag=first.etag,
        last_modified=first.last_modified,
    )
    assert second.not_modified and second.body == b""
    assert web.requests[-1].headers["if-modified-since"] == first.last_modified


@pytest.mark.parametrize(("status", "words"), [(404, "HTTP 404"), (500, "HTTP 500")])
def test_http_errors(web: WebServer, fetcher: Fetcher, status: int, words: str) -> None:
    web.page("/bad", "oops", status=status)
    assert words in failure(fetcher, web.url("/bad"))


def test_wrong_content_type_is_refused_before_the_body(web: WebServer, fetcher: Fetcher) -> None:
    web.page("/img", b"\x89PNG" + b"\0" * 100, content_type="image/png")
    assert "content type image/png" in failure(fetcher, web.url("/img"))


def test_a_declared_huge_body_is_refused_from_its_content_length(
    web: WebServer, fetcher: Fetcher
) -> None:
    def huge(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(100 * 1024 * 1024))
        handler.end_headers()
        handler.wfile.write(b"<html>" + b"x" * 1000)

    start = time.monotonic()
    assert "page too large" in failure(fetcher, web.raw("/huge", huge))
    assert time.monotonic() - start < 1.0


def test_an_undeclared_huge_body_stops_at_the_cap(web: WebServer, fetcher: Fetcher) -> None:
    def endless(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            for _ in range(1000):
                handler.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
        except (BrokenPipeError, ConnectionResetError):
            pass

    assert "page too large (over" in failure(fetcher, web.raw("/endless", endless))


def test_a_gzip_bomb_stops_at_the_decompressed_cap(web: WebServer, fetcher: Fetcher) -> None:
    bomb = gzip.compress(b"<html>" + b"\0" * (50 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < FAST.max_bytes  # small on the wire, 50 MB inflated
    web.page("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    assert "page too large" in failure(fetcher, web.url("/bomb"))
    # A small gzip page inflates normally.
    web.page(
        "/small", gzip.compress(b"<html><p>fine</p></html>"), headers={"Content-Encoding": "gzip"}
    )
    assert fetcher.fetch(web.url("/small")).body == b"<html><p>fine</p></html>"


def test_a_stalled_server_times_out(web: WebServer, fetcher: Fetcher) -> None:
    def stall(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.write(b"<html>")
        handler.wfile.flush()
        time.sleep(3)

    start = time.monotonic()
    assert "stopped sending" in failure(fetcher, web.raw("/stall", stall))
    assert time.monotonic() - start < 1.4


def test_a_slow_drip_hits_the_deadline(web: WebServer, fetcher: Fetcher) -> None:
    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            for _ in range(40):
                handler.wfile.write(b"<p>x</p>")
                handler.wfile.flush()
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass

    start = time.monotonic()
    assert "took longer than 1.5 s" in failure(fetcher, web.raw("/drip", drip))
    assert time.monotonic() - start < 2.5


def test_an_unreachable_port_is_one_line(fetcher: Fetcher) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert "connection refused" in failure(fetcher, f"http://127.0.0.1:{port}/x")


def test_normalized_urls() -> None:
    same = [
        "https://Example.com/news/story/?utm_source=x&id=3#top",
        "http://www.example.com/news/story?id=3&fbclid=abc",
        "HTTPS://EXAMPLE.COM:443/news//story?id=3&utm_medium=rss",
    ]
    assert len({normalize_url(url) for url in same}) == 1
    assert normalize_url("https://example.com/news/story?id=4") != normalize_url(same[0])


def test_fetching_many_pages_takes_hosts_in_turns() -> None:
    """One site's many pages must not hold every worker at that site's gate while the other
    sites wait: the first requests reach every host."""
    import threading
    import time as clock
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from briefing.webimport import PER_HOST, by_turns, fetch_all

    arrivals: list[str] = []
    lock = threading.Lock()

    class Slow(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            with lock:
                arrivals.append(self.server.server_address[0])  # type: ignore[index]
            clock.sleep(0.05)
            body = b"<html><body><p>A page.</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    hosts = ["127.0.0.2", "127.0.0.3", "127.0.0.4"]
    servers = [ThreadingHTTPServer((host, 0), Slow) for host in hosts]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        urls = [
            f"http://{host}:{server.server_address[1]}/page-{n}"
            for host, server in zip(hosts, servers, strict=True)
            for n in range(12)
        ]
        results = fetch_all(urls)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    assert not [r for r in results if isinstance(r, str)]
    assert set(arrivals[: PER_HOST * len(hosts)]) == set(hosts)
    assert by_turns(["a1", "a2", "b1", "c1", "c2"], lambda item: item[0]) == [
        "a1",
        "b1",
        "c1",
        "a2",
        "c2",
    ]
