"""Fetching web pages and feeds over http(s): the only module of briefing that uses the network.

Every fetch is bounded: only ``http``/``https`` URLs (a ``file:``, ``data:`` or ``javascript:``
link is refused, also as a redirect target), at most :data:`MAX_REDIRECTS` redirects (a loop is
named as one), a connect timeout, a read timeout (no byte for that long), an overall deadline
per page, a cap on the *decompressed* size (checked against ``Content-Length`` first, then
counted while the body streams in and is inflated in bounded steps, so a gzip bomb stops at the
cap instead of filling memory), and only the content types the caller accepts. Bodies are
decompressed here, not by httpx: only gzip and deflate are asked for, and anything else a server
sends anyway is refused.

Each failure is a :class:`FetchError`: one line naming the URL and what went wrong.
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Final
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from briefing import __version__
from briefing.errors import ArticleError

if TYPE_CHECKING:  # httpx loads with the first Fetcher: checking a URL needs no HTTP client
    import httpx

USER_AGENT: Final = f"briefing/{__version__} (terminal news reader; fetches pages one user reads)"
MAX_REDIRECTS: Final = 5
# A news page is tens to hundreds of kilobytes of HTML; the largest real pages are a few MB.
MAX_BYTES: Final = 5 * 1024 * 1024

PAGE_TYPES: Final = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES: Final = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
        "application/x-atom+xml",
    }
)

_TRACKING = re.compile(r"(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|_ga)", re.IGNORECASE)


class FetchError(ArticleError):
    """A URL that could not be fetched; ``str()`` is one line: ``URL: reason``."""


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds of one fetch. Tests shrink them; the defaults suit real sites."""

    connect_timeout: float = 10.0
    read_timeout: float = 15.0  # no byte for this long: the server stalled
    deadline: float = 30.0  # the whole fetch of one URL, redirects included
    max_bytes: int = MAX_BYTES  # decompressed
    max_redirects: int = MAX_REDIRECTS


@dataclass(frozen=True, slots=True)
class Response:
    """What a fetch brought back. ``not_modified``: a conditional GET answered 304 (no body)."""

    url: str  # after redirects
    requested: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    redirects: tuple[str, ...] = field(default=())


def check_url(url: str) -> str:
    """The URL, stripped, if it is an absolute http(s) URL with a host; else FetchError."""
    text = url.strip()
    shown = _shown(text)
    try:
        parts = urlsplit(text)
    except ValueError:
        raise FetchError(shown, "not a valid URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        what = f"'{scheme}:' links" if scheme else "URLs without http:// or https://"
        raise FetchError(shown, f"{what} are not fetched (only http and https)")
    if not parts.hostname:
        raise FetchError(shown, "not a valid URL (no host)")
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        raise FetchError(shown, "not a valid URL (spaces or control characters)")
    return text


def is_web_url(text: str) -> bool:
    """Whether a command-line argument is meant as a URL rather than a file path."""
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", text.strip()))


def normalize_url(url: str) -> str:
    """The key under which a URL is stored once: lower-case scheme and host, no default port,
    no fragment, no tracking parameters (``utm_*``, ``fbclid``, ...), the remaining parameters
    sorted, no trailing slash on the path, ``https`` and ``http`` alike."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/").rstrip("/")
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.fullmatch(key)
    )
    return urlunsplit(("http", netloc, path, urlencode(query), ""))


def _shown(url: str) -> str:
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in url)
    return text if len(text) <= 200 else text[:199] + "…"


class Fetcher:
    """An http(s) client with briefing's limits. Thread-safe: share one among workers."""

    def __init__(self, limits: Limits | None = None, *, max_connections: int = 16) -> None:
        import httpx

        self.limits = limits or Limits()
        self._client = httpx.Client(
            follow_redirects=False,
            headers={
                "User-Agent": USER_AGENT,
                # Only what this module inflates itself, in bounded steps.
                "Accept-Encoding": "gzip, deflate",
            },
            timeout=httpx.Timeout(self.limits.read_timeout, connect=self.limits.connect_timeout),
            limits=httpx.Limits(
                max_connections=max_connections, max_keepalive_connections=max_connections
            ),
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        *,
        accept: frozenset[str] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Response:
        """GET ``url`` within the limits. With ``etag``/``last_modified``, a conditional GET:
        a 304 answer comes back as ``not_modified`` with an empty body."""
        requested = check_url(url)
        start = time.monotonic()
        current = requested
        visited = [requested]
        headers = {"Accept": _accept_header(accept)}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        while True:
            try:
                response = self._get(current, headers, start, accept)
            except FetchError as error:
                raise FetchError(_shown(requested), error.reason) from None
            if isinstance(response, str):  # a redirect
                target = urljoin(current, response)
                try:
                    check_url(target)
                except FetchError as error:
                    raise FetchError(
                        _shown(requested), f"redirected to a refused link ({error.reason})"
                    ) from None
                if normalize_url(target) in {normalize_url(seen) for seen in visited}:
                    raise FetchError(_shown(requested), "redirect loop")
                if len(visited) > self.limits.max_redirects:
                    raise FetchError(
                        _shown(requested),
                        f"too many redirects (more than {self.limits.max_redirects})",
                    )
                visited.append(target)
                current = target
                continue
            status, content_type, charset, body, response_headers = response
            return Response(
                url=current,
                requested=requested,
                status=status,
                content_type=content_type,
                charset=charset,
                body=body,
                etag=response_headers.get("etag"),
                last_modified=response_headers.get("last-modified"),
                not_modified=status == 304,
                redirects=tuple(visited[1:]),
            )

    def _get(
        self, url: str, headers: dict[str, str], start: float, accept: frozenset[str]
    ) -> str | tuple[int, str, str | None, bytes, httpx.Headers]:
        import httpx

        limits = self.limits
        remaining = limits.deadline - (time.monotonic() - start)
        if remaining <= 0:
            raise FetchError(url, f"took longer than {limits.deadline:g} s")
        timeout = httpx.Timeout(
            min(limits.read_timeout, remaining), connect=min(limits.connect_timeout, remaining)
        )
        try:
            with self._client.stream("GET", url, headers=headers, timeout=timeout) as response:
                status = response.status_code
                if status in (301, 302, 303, 307, 308):
                    location = str(response.headers.get("location") or "")
                    if not location:
                        raise FetchError(url, f"HTTP {status} redirect without a Location")
                    return location
                if status == 304:
                    return status, "", None, b"", response.headers
                if status >= 400 or status < 200:
                    reason = response.reason_phrase or ""
                    raise FetchError(url, f"HTTP {status} {reason}".rstrip())
                content_type, charset = _content_type(response.headers.get("content-type", ""))
                if content_type and content_type not in accept:
                    raise FetchError(
                        url, f"not a web page or feed (content type {_shown(content_type)})"
                    )
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limits.max_bytes:
                    raise FetchError(url, _too_large(limits.max_bytes))
                body = self._read_body(response, url, start)
                return status, content_type, charset, body, response.headers
        except httpx.TimeoutException as error:
            if isinstance(error, httpx.ConnectTimeout):
                raise FetchError(
                    url, f"timed out connecting (after {limits.connect_timeout:g} s)"
                ) from None
            if time.monotonic() - start >= limits.deadline - 0.05:
                raise FetchError(url, f"took longer than {limits.deadline:g} s") from None
            raise FetchError(
                url, f"the server stopped sending (nothing for {limits.read_timeout:g} s)"
            ) from None
        except httpx.ConnectError as error:
            raise FetchError(url, _connect_reason(error)) from None
        except httpx.TooManyRedirects:
            raise FetchError(url, "too many redirects") from None
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as error:
            raise FetchError(url, f"the connection broke ({_first_line(error)})") from None
        except httpx.InvalidURL as error:
            # The URL asked for passed check_url: httpx stumbled on the redirect's Location.
            raise FetchError(
                url, f"redirected to a refused link (an invalid URL: {_first_line(error)})"
            ) from None
        except httpx.HTTPError as error:
            raise FetchError(url, f"fetch failed ({_first_line(error)})") from None

    def _read_body(self, response: httpx.Response, url: str, start: float) -> bytes:
        limits = self.limits
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        inflate = _Inflater(encoding, url, limits.max_bytes)
        parts: list[bytes] = []
        size = 0
        for chunk in response.iter_raw():
            if time.monotonic() - start > limits.deadline:
                raise FetchError(url, f"took longer than {limits.deadline:g} s")
            for piece in inflate.feed(chunk):
                size += len(piece)
                if size > limits.max_bytes:
                    raise FetchError(url, _too_large(limits.max_bytes))
                parts.append(piece)
        for piece in inflate.flush():
            size += len(piece)
            if size > limits.max_bytes:
                raise FetchError(url, _too_large(limits.max_bytes))
            parts.append(piece)
        return b"".join(parts)


class _Inflater:
    """Decompress a body in steps of at most 64 KB of output, so that the caller can stop at
    its cap whatever the compression ratio."""

    STEP: Final = 64 * 1024

    def __init__(self, encoding: str, url: str, cap: int) -> None:
        self.url = url
        self.cap = cap
        self._maybe_raw = encoding == "deflate"  # servers send raw deflate under that name too
        if encoding in ("", "identity"):
            self._decoder: zlib._Decompress | None = None
        elif encoding in ("gzip", "x-gzip"):
            self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._decoder = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchError(url, f"unsupported content encoding {_shown(encoding)!r}")
        self._first = True

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._decoder is None:
            yield data
            return
        try:
            if self._first and self._maybe_raw and data[:1] != b"\x78":
                self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate
            self._first = False
            pending = data
            while pending:
                out = self._decoder.decompress(pending, self.STEP)
                pending = self._decoder.unconsumed_tail
                if out:
                    yield out
        except zlib.error:
            raise FetchError(self.url, "the compressed body is damaged") from None

    def flush(self) -> Iterator[bytes]:
        if self._decoder is not None:
            try:
                out = self._decoder.flush()
            except zlib.error:
                raise FetchError(self.url, "the compressed body is damaged") from None
            if out:
                yield out


def _accept_header(accept: frozenset[str]) -> str:
    return ", ".join(sorted(accept)) + ";q=1.0, */*;q=0.1"


def _content_type(header: str) -> tuple[str, str | None]:
    main, _, params = header.partition(";")
    charset = re.search(r"charset\s*=\s*\"?([A-Za-z0-9._:-]+)", params, re.IGNORECASE)
    return main.strip().lower(), charset.group(1) if charset else None


def _too_large(cap: int) -> str:
    return f"page too large (over {cap / (1024 * 1024):g} MB uncompressed)"


def _first_line(error: BaseException) -> str:
    text = str(error).strip().split("\n", 1)[0] or type(error).__name__
    return _shown(text)


def _connect_reason(error: httpx.ConnectError) -> str:
    text = str(error)
    lowered = text.lower()
    if any(
        mark in lowered
        for mark in (
            "name or service not known",
            "nodename nor servname",
            "getaddrinfo",
            "name resolution",
            "no address associated",
            "-2]",
            "-3]",
            "-5]",
        )
    ):
        return "cannot find the host (DNS lookup failed)"
    if "refused" in lowered:
        return "cannot connect (connection refused)"
    if "certificate" in lowered or "ssl" in lowered:
        return f"secure connection failed ({_first_line(error)})"
    return f"cannot connect ({_first_line(error)})"
