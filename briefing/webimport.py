"""Articles from the web: one URL (``briefing add URL``), feeds and their refresh.

A page is fetched (:mod:`briefing.fetching`, with its limits), read with trafilatura
(:mod:`briefing.htmlpage` through :mod:`briefing.prepare`), analysed and stored in one
transaction with its keys: its normalized URL and the digest of its text, so that neither the
same URL nor the same text is stored twice though the page's HTML changes between fetches.

A refresh fetches each feed with a conditional GET, then the pages of its new entries, several
at once (at most :data:`PER_HOST` per host), while the articles already fetched are analysed:
fetching hides behind the analysis. An entry whose page cannot be fetched is stored from the
feed's own content when that has text. One feed's or entry's error is reported; the others go
on.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from briefing.errors import ArticleError, BriefingError
from briefing.feeds import (
    Entry,
    FeedError,
    discover_feeds,
    entry_document,
    entry_text,
    looks_like_feed,
    parse_feed,
)
from briefing.fetching import (
    FEED_TYPES,
    PAGE_TYPES,
    Fetcher,
    FetchError,
    Limits,
    Response,
    check_url,
    normalize_url,
)
from briefing.htmlpage import decode_html
from briefing.model import CleanArticle
from briefing.prepare import prepare_text
from briefing.store import Library, LibraryNotWritable

if TYPE_CHECKING:
    from briefing.model import Analysis
    from briefing.nlp import Analyzer
    from briefing.store.feeds import StoredFeed

T = TypeVar("T")

PER_HOST = 2  # pages fetched at once from one host
WORKERS = 8  # pages fetched at once in all
BATCH = 8  # articles analysed together


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def fetch_article(fetcher: Fetcher, url: str) -> CleanArticle:
    """Fetch a page and read its article. Raises FetchError/ArticleError (one line)."""
    response = fetcher.fetch(url, accept=PAGE_TYPES)
    shown = response.requested
    if not response.body.strip():
        raise FetchError(shown, "the page is empty")
    text = decode_html(response.body, shown, response.charset)
    try:
        return prepare_text(response.url, text)
    except ArticleError as error:
        raise FetchError(shown, error.reason) from None


def fetch_all(urls: Sequence[str], *, limits: Limits | None = None) -> list[Response | str]:
    """Fetch feeds and pages as a refresh does: :data:`WORKERS` at once, at most
    :data:`PER_HOST` from one host. What fails comes back as its one-line reason. (The refresh
    figure of benchmarks/run.py measures this against fetching one URL after another.)"""
    gates = _host_gates()

    def one(url: str) -> Response | str:
        with gates[urlsplit(url).hostname or ""]:
            try:
                return fetcher.fetch(url, accept=FEED_TYPES | PAGE_TYPES)
            except BriefingError as error:
                return str(error)

    pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="fetch")
    order = by_turns(range(len(urls)), lambda index: _host(urls[index]))
    results: dict[int, Response | str] = {}
    with Fetcher(limits, max_connections=WORKERS * 2) as fetcher, pool:
        for index, result in zip(order, pool.map(lambda i: one(urls[i]), order), strict=True):
            results[index] = result
    return [results[index] for index in range(len(urls))]


def _host(url: str | None) -> str:
    return (urlsplit(url).hostname or "") if url else ""


def by_turns(items: Iterable[T], host: Callable[[T], str]) -> list[T]:
    """The items with their hosts taking turns (a1 b1 c1 a2 b2 ...), each host's in order.

    A pool works through its queue in order and a worker waits at a host's gate, so a queue
    holding one host's pages first would keep every worker waiting on that host while the
    others sit idle: one feed's 25 entries cut a refresh's concurrency to PER_HOST.
    """
    queues: dict[str, list[T]] = defaultdict(list)
    for item in items:
        queues[host(item)].append(item)
    turns: list[T] = []
    for round_items in itertools.zip_longest(*queues.values()):
        turns.extend(item for item in round_items if item is not None)
    return turns


def _host_gates() -> defaultdict[str, threading.Semaphore]:
    """One gate per host: at most PER_HOST of its pages at once, whatever the pool's size."""
    return defaultdict(lambda: threading.Semaphore(PER_HOST))


def article_keys(article: CleanArticle, *urls: str | None) -> list[str]:
    """What identifies a web article besides its raw HTML: its URLs (normalized) and text."""
    keys = [f"url:{normalize_url(url)}" for url in (article.meta.url, *urls) if url]
    text = " ".join(article.body.split())
    if text:
        keys.append("text:" + hashlib.sha256(text.encode("utf-8")).hexdigest())
    return list(dict.fromkeys(keys))


def url_key(url: str) -> str:
    return f"url:{normalize_url(url)}"


# -- feeds -----------------------------------------------------------------------------------


def subscribe(library: Library, fetcher: Fetcher, url: str, name: str | None = None) -> StoredFeed:
    """Add a feed. A page URL finds its feed through ``<link rel="alternate">``."""
    if library.read_only:
        raise LibraryNotWritable("the library is open read-only; cannot add a feed")
    response = fetcher.fetch(url, accept=FEED_TYPES | PAGE_TYPES)
    feed_url = response.url
    body = response.body
    if not looks_like_feed(body):
        page = decode_html(body, response.requested, response.charset)
        found = [link for link, _ in discover_feeds(page, response.url)]
        usable = [link for link in found if _usable(link)]
        if not usable:
            raise FeedError(
                f"{response.requested}: no feed found (neither a feed nor a page that links to one)"
            )
        feed_url = usable[0]
        response = fetcher.fetch(feed_url, accept=FEED_TYPES | PAGE_TYPES)
        body = response.body
    parsed = parse_feed(body, feed_url)
    return library.feeds.add(
        normalize_feed_url(response.url), name or parsed.title, _safe_link(parsed.site_url), _now()
    )


def normalize_feed_url(url: str) -> str:
    return check_url(url)


def _usable(link: str) -> bool:
    try:
        check_url(link)
    except FetchError:
        return False
    return True


def _safe_link(link: str | None) -> str | None:
    return link if link and _usable(link) else None


@dataclass(slots=True)
class FeedReport:
    """What a refresh did for one feed."""

    feed_id: int
    name: str
    added: list[int] = field(default_factory=list)
    present: int = 0
    failed: list[str] = field(default_factory=list)  # one line each
    not_modified: bool = False
    error: str | None = None  # the feed itself failed

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.feed_id,
            "name": self.name,
            "added": len(self.added),
            "article_ids": self.added,
            "present": self.present,
            "failed": len(self.failed) + (1 if self.error else 0),
            "errors": ([self.error] if self.error else []) + self.failed,
            "not_modified": self.not_modified,
        }


@dataclass(frozen=True, slots=True)
class RefreshProgress:
    done: int  # entries handled
    total: int  # entries found so far
    feed: str
    added: int


@dataclass(slots=True)
class _Job:
    feed: StoredFeed
    report: FeedReport
    entry: Entry
    keys: list[str]
    link: str | None


def refresh(
    library: Library,
    *,
    feed_ids: Sequence[int] | None = None,
    limits: Limits | None = None,
    analyzer: Analyzer | None = None,
    on_progress: Callable[[RefreshProgress], None] | None = None,
    on_stored: Callable[[int], None] | None = None,
) -> list[FeedReport]:
    """Refresh feeds (all, or ``feed_ids``); see the module docstring."""
    if library.read_only:
        raise LibraryNotWritable("the library is open read-only; cannot refresh")
    feeds = library.feeds.all()
    if feed_ids is not None:
        wanted = set(feed_ids)
        feeds = [feed for feed in feeds if feed.id in wanted]
        missing = wanted - {feed.id for feed in feeds}
        if missing:
            raise BriefingError(f"no feed with id {min(missing)}")
    reports: list[FeedReport] = []
    jobs: list[_Job] = []
    pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="feed")
    with Fetcher(limits, max_connections=WORKERS * 2) as fetcher, pool:
        # 1. The feeds, all at once (conditional GETs).
        fetched = {feed.id: pool.submit(_fetch_feed, fetcher, feed) for feed in feeds}
        for feed in feeds:
            report = FeedReport(feed.id, feed.title)
            reports.append(report)
            jobs.extend(_feed_jobs(library, feed, report, fetched[feed.id]))
        # 2. The entries' pages, a few per host, analysed while the rest download.
        gates = _host_gates()
        jobs = by_turns(jobs, lambda job: _host(job.link))
        futures: list[Future[CleanArticle | str]] = []
        for job in jobs:
            futures.append(pool.submit(_fetch_entry, fetcher, job, gates[_host(job.link)]))
        _store_jobs(library, jobs, futures, analyzer, on_progress, on_stored)
    return reports


def _fetch_feed(fetcher: Fetcher, feed: StoredFeed) -> object:
    try:
        return fetcher.fetch(
            feed.url,
            accept=FEED_TYPES | PAGE_TYPES,
            etag=feed.etag,
            last_modified=feed.last_modified,
        )
    except BriefingError as error:
        return error


def _feed_jobs(
    library: Library, feed: StoredFeed, report: FeedReport, future: Future[object]
) -> Iterator[_Job]:
    from briefing.fetching import Response

    result = future.result()
    if isinstance(result, BriefingError):
        report.error = str(result)
        library.feeds.checked(feed.id, now=_now(), error=report.error)
        return
    assert isinstance(result, Response)
    if result.not_modified:
        report.not_modified = True
        library.feeds.checked(feed.id, now=_now(), error=None)
        return
    try:
        parsed = parse_feed(result.body, feed.url)
    except FeedError as error:
        report.error = str(error)
        library.feeds.checked(feed.id, now=_now(), error=report.error)
        return
    if parsed.title and not feed.name:
        library.feeds.rename(feed.id, parsed.title)
        report.name = parsed.title
    for entry in parsed.entries:
        link = entry.link
        if link is not None and not _usable(link):
            report.failed.append(f"{_short(link)}: refused link (only http and https are fetched)")
            continue
        keys = _entry_keys(entry)
        if not keys:
            continue
        if library.feeds.seen(feed.id, keys):
            report.present += 1
            continue
        existing = library.feeds.article_with_keys([url_key(link)] if link else [])
        if existing is not None:
            library.feeds.mark_seen(feed.id, keys, existing, _now())
            report.present += 1
            continue
        yield _Job(feed, report, entry, keys, link)
    # Validators only once the entries are known: a crash before this refetches the feed.
    library.feeds.checked(
        feed.id,
        now=_now(),
        error=None,
        etag=result.etag,
        last_modified=result.last_modified,
        keep_validators=False,
    )


def _entry_keys(entry: Entry) -> list[str]:
    keys = []
    if entry.guid:
        keys.append(f"guid:{entry.guid}")
    if entry.link:
        keys.append(url_key(entry.link))
    text = entry_text(entry)
    if text or entry.title:
        digest = hashlib.sha256(f"{entry.title}\n{text}".encode()).hexdigest()
        keys.append(f"entry:{digest}")
    return keys


def _short(text: str) -> str:
    shown = "".join(ch if ch.isprintable() else "?" for ch in text)
    return shown if len(shown) <= 120 else shown[:119] + "…"


def _fetch_entry(fetcher: Fetcher, job: _Job, gate: threading.Semaphore) -> CleanArticle | str:
    """The entry's article: its page, else the feed's own content; else why not (a str)."""
    reason = "no link"
    if job.link:
        with gate:
            try:
                return _with_source(fetch_article(fetcher, job.link), job.feed.title)
            except BriefingError as error:
                reason = str(error)
    if entry_text(job.entry):
        try:
            article = prepare_text(job.link or job.feed.url, entry_document(job.entry, None))
            return _with_source(article, job.feed.title, url=job.link)
        except BriefingError as error:
            reason = f"{reason}; the feed's text: {error}"
    return reason


def _with_source(article: CleanArticle, source: str, url: str | None = None) -> CleanArticle:
    from dataclasses import replace

    meta = replace(article.meta, source=source, url=article.meta.url or url)
    return replace(article, meta=meta)


def _store_jobs(
    library: Library,
    jobs: list[_Job],
    futures: list[Future[CleanArticle | str]],
    analyzer: Analyzer | None,
    on_progress: Callable[[RefreshProgress], None] | None,
    on_stored: Callable[[int], None] | None,
) -> None:
    done = 0
    added = 0
    batch: list[tuple[_Job, CleanArticle]] = []

    def flush() -> None:
        nonlocal analyzer, added, done
        if not batch:
            return
        if analyzer is None:
            from briefing.nlp import Analyzer

            analyzer = Analyzer.load()
        results = _analyze(analyzer, [article for _, article in batch])
        for (job, article), result in zip(batch, results, strict=True):
            done += 1
            if isinstance(result, str):
                job.report.failed.append(f"{_short(job.link or job.entry.title)}: {result}")
                continue
            keys = article_keys(article, job.link)
            article_id, created = library.add_analysis(result, article.raw_text, keys=keys)
            library.feeds.mark_seen(job.feed.id, job.keys, article_id, _now())
            if created:
                job.report.added.append(article_id)
                added += 1
                if on_stored is not None:
                    on_stored(article_id)
            else:
                job.report.present += 1
            if on_progress is not None:
                on_progress(RefreshProgress(done, len(jobs), job.report.name, added))
        batch.clear()

    for job, future in zip(jobs, futures, strict=True):
        result = future.result()
        if isinstance(result, str):
            done += 1
            job.report.failed.append(_short(result) if job.link else f"{job.entry.title}: {result}")
            if on_progress is not None:
                on_progress(RefreshProgress(done, len(jobs), job.report.name, added))
            continue
        existing = library.feeds.article_with_keys(article_keys(result, job.link))
        if existing is not None:
            done += 1
            library.feeds.mark_seen(job.feed.id, job.keys, existing, _now())
            job.report.present += 1
            continue
        batch.append((job, result))
        if len(batch) >= BATCH:
            flush()
    flush()


def _analyze(analyzer: Analyzer, articles: list[CleanArticle]) -> list[Analysis | str]:
    try:
        return list(analyzer.analyze_many(articles, batch_size=len(articles)))
    except Exception:
        results: list[Analysis | str] = []
        for article in articles:
            try:
                results.append(analyzer.analyze(article))
            except Exception as error:
                results.append(f"analysis failed ({type(error).__name__}: {error})")
        return results
