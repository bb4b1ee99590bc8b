"""A real HTTP server on 127.0.0.1 for the web tests: routes are set per test.

Each route maps a path to a handler ``(request) -> (status, headers, body)``, or to a callable
that writes the response itself (slow and stalled answers). Requests are recorded.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = tuple[int, dict[str, str], bytes]


@dataclass
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class WebServer:
    routes: dict[str, Callable[[Request], Answer] | Callable[[BaseHTTPRequestHandler], None]] = (
        field(default_factory=dict)
    )
    raw_routes: set[str] = field(default_factory=set)
    requests: list[Request] = field(default_factory=list)
    port: int = 0
    delay: float = 0.0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        extra = {"Content-Type": content_type, **(headers or {})}
        self.routes[path] = lambda request: (status, extra, data)
        return self.url(path)

    def raw(self, path: str, writer: Callable[[BaseHTTPRequestHandler], None]) -> str:
        self.routes[path] = writer
        self.raw_routes.add(path)
        return self.url(path)


def serve() -> Iterator[WebServer]:
    state = WebServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
            state.requests.append(request)
            if state.delay:
                time.sleep(state.delay)
            route = state.routes.get(self.path.split("?")[0])
            if route is None:
                self._answer(404, {"Content-Type": "text/plain"}, b"not found")
                return
            if self.path.split("?")[0] in state.raw_routes:
                route(self)  # type: ignore[arg-type]
                return
            status, headers, body = route(request)  # type: ignore[arg-type,misc]
            self._answer(status, headers, body)

        def _answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def article_page(
    title: str,
    paragraphs: list[str],
    *,
    description: str | None = None,
    extra_nav: bool = True,
    site: str = "Test Herald",
) -> str:
    nav = (
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
        "<li><a href='/business'>Business</a></li></ul></nav>"
        if extra_nav
        else ""
    )
    desc = f'<meta name="description" content="{description}">' if description else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | {site}</title>{desc}"
        f"<meta property='og:site_name' content='{site}'>"
        f"<meta property='og:title' content='{title}'>"
        "<meta property='article:published_time' content='2022-04-08T10:00:00Z'>"
        f"</head><body>{nav}<main><article><h1>{title}</h1>{body}</article></main>"
        "<footer><p>Copyright 2022 Test Herald. All rights reserved.</p>"
        "<p>Subscribe to our newsletter for the latest news.</p></footer></body></html>"
    )
