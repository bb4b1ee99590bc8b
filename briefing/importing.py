"""Batch import of article files into the library (used by ``briefing add`` and the reader).

Files are read and cleaned one by one (a bad file is reported and skipped), articles already in
the library are skipped before the model runs, the rest are analysed in batches through
``nlp.pipe`` and each article is stored in its own transaction as soon as its analysis is ready.
An import stopped at any moment (Ctrl-C, kill -9) leaves every article stored whole or absent;
running it again continues where it stopped.

Progress goes to an ``on_progress`` callback, called from the importing thread; nothing here
prints or knows about the terminal or the reader.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
import os
import signal
import stat
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from briefing.errors import ArticleError, BriefingError
from briefing.fetching import is_web_url

# The reader (briefing.reading) and the store are imported where they are used, not here: the
# fork server that loads the model for ``--jobs N`` imports this module for the workers' side,
# and every import here delays the workers' start (reading and the store took ~0.07 s of the
# server's ~1.1 s before the first worker could start).
if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from briefing.fetching import Fetcher
    from briefing.model import Analysis, CleanArticle
    from briefing.nlp import Analyzer
    from briefing.store import Library


@cache
def article_suffixes() -> tuple[str, ...]:
    """What the reader understands. Directories are searched for these (not for files without
    a suffix, which the reader takes as text when named: a folder's LICENSE is no article). A
    file named explicitly is always tried, and the reader says why when it can't read it."""
    from briefing.reading import SUPPORTED_SUFFIXES

    return tuple(sorted(suffix for suffix in SUPPORTED_SUFFIXES if suffix))


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """Where an import stands after one more file: ``done`` of ``total`` files handled."""

    done: int
    total: int
    current_path: str
    added: int
    skipped: int  # already in the library
    failed: int


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    path: str
    id: int


@dataclass(frozen=True, slots=True)
class ImportFailure:
    path: str
    reason: str


@dataclass(slots=True)
class ImportReport:
    """What an import did, file by file."""

    added: list[ImportedArticle] = field(default_factory=list)
    present: list[ImportedArticle] = field(default_factory=list)  # already in the library
    failed: list[ImportFailure] = field(default_factory=list)
    # Files found in folders but not in an article format (a .pdf, a .docx): named, not read.
    unsupported: list[str] = field(default_factory=list)
    total: int = 0  # files found (and paths that could not be found)

    @property
    def ids(self) -> list[int]:
        """Ids of every article named by the import, added or already present."""
        return list(dict.fromkeys(item.id for item in [*self.added, *self.present]))

    @property
    def done(self) -> int:
        return len(self.added) + len(self.present) + len(self.failed)


ProgressCallback = Callable[[ImportProgress], None]


def _os_reason(error: OSError) -> str:
    """Why a path could not be read, in the README's words ("no such file")."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


def find_article_files(
    paths: Iterable[str | os.PathLike[str]],
    unsupported: list[str] | None = None,
) -> tuple[list[str], list[ImportFailure]]:
    """Expand files and directories (recursively) into the article files to import.

    Hidden files and directories are skipped, each directory is visited once even through
    symlink loops, a file reached twice is listed once, and paths that cannot be found or
    listed come back as failures instead of stopping the rest. Regular files in folders that
    are not in an article format are appended to ``unsupported`` when it is given.
    """
    files: list[str] = []
    failures: list[ImportFailure] = []
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def add_file(path: str, info: os.stat_result) -> None:
        key = (info.st_dev, info.st_ino)
        if key not in seen_files:
            seen_files.add(key)
            files.append(path)

    for given in paths:
        path = os.fspath(given)
        if is_web_url(path):
            files.append(path)  # an http(s) URL: fetched by the import (briefing.webimport)
            continue
        try:
            info = os.stat(path)
        except OSError as error:
            failures.append(ImportFailure(path, _os_reason(error)))
            continue
        if not stat.S_ISDIR(info.st_mode):
            add_file(path, info)
            continue
        for found, found_info in _walk(path, seen_dirs, failures, unsupported):
            add_file(found, found_info)
    return files, failures


def _walk(
    top: str,
    seen_dirs: set[tuple[int, int]],
    failures: list[ImportFailure],
    unsupported: list[str] | None,
) -> Iterator[tuple[str, os.stat_result]]:
    try:
        top_info = os.stat(top)
    except OSError as error:
        failures.append(ImportFailure(top, _os_reason(error)))
        return
    key = (top_info.st_dev, top_info.st_ino)
    if key in seen_dirs:
        return  # a symlink loop, or a directory named twice
    seen_dirs.add(key)
    try:
        entries = sorted(os.scandir(top), key=lambda entry: entry.name)
    except OSError as error:
        failures.append(ImportFailure(top, _os_reason(error)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()  # follows symlinks
            info = entry.stat()
        except OSError:
            continue  # a dangling symlink or a file that vanished while listing: nothing to read
        if is_dir:
            yield from _walk(entry.path, seen_dirs, failures, unsupported)
        elif not stat.S_ISREG(info.st_mode):
            continue
        elif entry.name.lower().endswith(article_suffixes()):
            yield entry.path, info
        elif unsupported is not None:
            unsupported.append(entry.path)


def import_paths(
    library: Library,
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    batch_size: int = 16,
    on_progress: ProgressCallback | None = None,
    analyzer: Analyzer | None = None,
) -> ImportReport:
    """Import article files and directories into ``library``; see the module docstring.

    ``jobs`` > 1 analyses in that many worker processes, used when there are enough files to
    pay for starting them, or a folder where a fork server can start them (see
    ``_start_method``). ``analyzer`` reuses an already loaded analyzer for in-process analysis
    (else one is loaded on first need).
    """
    if library.read_only:
        from briefing.store import LibraryNotWritable

        raise LibraryNotWritable("the library is open read-only; cannot import")
    given = [os.fspath(path) for path in paths]
    # The fork server's start (the model's load) is what the workers wait for: begun before
    # the folders are listed (which imports the reader, ~0.05 s), when they may hold enough
    # files; once begun, the workers are used whatever the count, as they cost no more than
    # loading the model here.
    early = jobs > 1 and _may_need_workers(given, batch_size) and _start_fork_server()
    unsupported: list[str] = []
    files, failures = find_article_files(given, unsupported)
    run = _ImportRun(library, len(files) + len(failures), on_progress)
    run.report.unsupported = unsupported
    for failure in failures:
        run.fail(failure.path, failure.reason)
    analyze: _BatchAnalyzer
    if jobs > 1 and (early or len(files) >= 2 * batch_size):
        analyze = _PoolAnalyzer(jobs)
    else:
        analyze = _InProcessAnalyzer(analyzer)
    pooled = isinstance(analyze, _PoolAnalyzer)
    try:
        batch: list[CleanArticle] = []
        for number, path in enumerate(files):
            article = run.read(path)
            if article is None:
                continue
            batch.append(article)
            remaining = len(files) - number - 1
            if len(batch) >= (_tail_batch(batch_size, remaining, jobs) if pooled else batch_size):
                analyze.submit(batch)
                batch = []
                for done_batch, results in analyze.ready():
                    run.store(done_batch, results)
        if batch:
            analyze.submit(batch)
        for done_batch, results in analyze.finish():
            run.store(done_batch, results)
    finally:
        analyze.close()
        run.close()
    return run.report


def _may_need_workers(paths: Sequence[str], batch_size: int) -> bool:
    """Whether importing ``paths`` may call for worker processes: enough of them, or a folder."""
    return len(paths) >= 2 * batch_size or any(
        not is_web_url(path) and os.path.isdir(path) for path in paths
    )


def _tail_batch(batch_size: int, remaining: int, jobs: int) -> int:
    """The batch size for worker processes as the files run out: smaller batches at the end,
    so that no worker sits idle while another works through a last full batch (with 200
    files and batches of 16, one of two workers would get 16 more articles than the other)."""
    return min(batch_size, max(2, remaining // (2 * jobs)))


class _ImportRun:
    """The state of one import: the report so far and the progress callback."""

    def __init__(self, library: Library, total: int, on_progress: ProgressCallback | None):
        self.library = library
        self.report = ImportReport(total=total)
        self.on_progress = on_progress
        self.keys: dict[str, list[str]] = {}  # a web article's URL and text keys, by path
        self.fetcher: Fetcher | None = None

    def close(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()

    def progress(self, path: str) -> None:
        if self.on_progress is not None:
            report = self.report
            self.on_progress(
                ImportProgress(
                    done=report.done,
                    total=report.total,
                    current_path=path,
                    added=len(report.added),
                    skipped=len(report.present),
                    failed=len(report.failed),
                )
            )

    def fail(self, path: str, reason: str) -> None:
        self.report.failed.append(ImportFailure(path, reason))
        self.progress(path)

    def read(self, path: str) -> CleanArticle | None:
        """Read and clean a file; None when it failed or is already in the library."""
        if is_web_url(path):
            return self.read_url(path)
        from briefing.prepare import prepare_file
        from briefing.store import content_hash

        try:
            article = prepare_file(path)
        except ArticleError as error:
            self.fail(path, error.reason)
            return None
        except BriefingError as error:
            self.fail(path, str(error))
            return None
        except OSError as error:
            # The file vanished or became unreadable between listing and reading.
            self.fail(path, _os_reason(error))
            return None
        except Exception as error:  # one file's surprise must not stop the rest
            self.fail(path, f"could not be read ({type(error).__name__}: {error})")
            return None
        existing = self.library.find_by_hash(content_hash(article.raw_text))
        if existing is not None:
            self.report.present.append(ImportedArticle(path, existing))
            self.progress(path)
            return None
        return article

    def read_url(self, url: str) -> CleanArticle | None:
        """Fetch and read a page; None when it failed or is already in the library (the same
        URL or the same text)."""
        from briefing.fetching import Fetcher
        from briefing.webimport import article_keys, fetch_article, url_key

        existing = self.library.feeds.article_with_keys([url_key(url)])
        if existing is not None:  # the same URL: not fetched again
            self.report.present.append(ImportedArticle(url, existing))
            self.progress(url)
            return None
        self.fetcher = self.fetcher or Fetcher()
        try:
            article = fetch_article(self.fetcher, url)
        except BriefingError as error:
            self.fail(url, error.reason if isinstance(error, ArticleError) else str(error))
            return None
        keys = article_keys(article, url)
        existing = self.library.feeds.article_with_keys(keys)
        if existing is not None:
            self.report.present.append(ImportedArticle(url, existing))
            self.progress(url)
            return None
        self.keys[article.path] = keys
        return article

    def store(self, batch: Sequence[CleanArticle], results: Sequence[Analysis | str]) -> None:
        for article, result in zip(batch, results, strict=True):
            if isinstance(result, str):
                self.fail(article.path, result)
                continue
            keys = self.keys.pop(article.path, [])
            article_id, created = self.library.add_analysis(result, article.raw_text, keys=keys)
            # Not created: the same text came twice in this import, from two paths.
            target = self.report.added if created else self.report.present
            target.append(ImportedArticle(article.path, article_id))
            self.progress(article.path)


def _analyze_batch(analyzer: Analyzer, batch: Sequence[CleanArticle]) -> list[Analysis | str]:
    """Analyses for a batch, in order; an article the model fails on becomes its reason."""
    try:
        return list(analyzer.analyze_many(batch, batch_size=len(batch)))
    except Exception:  # find the article at fault, keep the rest
        results: list[Analysis | str] = []
        for article in batch:
            try:
                results.append(analyzer.analyze(article))
            except Exception as error:
                results.append(f"analysis failed ({type(error).__name__}: {error})")
        return results


class _BatchAnalyzer(Protocol):
    """Takes batches of articles, hands back (batch, results) in submission order."""

    def submit(self, batch: list[CleanArticle]) -> None: ...

    def ready(self) -> Iterator[tuple[list[CleanArticle], list[Analysis | str]]]:
        """Results that may be stored now without waiting long."""
        ...

    def finish(self) -> Iterator[tuple[list[CleanArticle], list[Analysis | str]]]: ...

    def close(self) -> None: ...


class _InProcessAnalyzer:
    def __init__(self, analyzer: Analyzer | None) -> None:
        self._analyzer = analyzer
        self._pending: list[CleanArticle] = []

    def submit(self, batch: list[CleanArticle]) -> None:
        self._pending = batch

    def ready(self) -> Iterator[tuple[list[CleanArticle], list[Analysis | str]]]:
        if self._pending:
            batch, self._pending = self._pending, []
            if self._analyzer is None:
                from briefing.nlp import Analyzer

                self._analyzer = Analyzer.load()
            yield batch, _analyze_batch(self._analyzer, batch)

    def finish(self) -> Iterator[tuple[list[CleanArticle], list[Analysis | str]]]:
        return self.ready()

    def close(self) -> None:
        self._pending = []


# -- worker processes ----------------------------------------------------------------------

# The analyzer a worker uses. Workers started by the fork server find it set: the server loaded
# the model once (briefing.import_preload) and forks every worker from itself, so they share
# its memory copy-on-write and load nothing. A spawned worker starts a fresh interpreter where
# it is None, and loads the model itself.
_worker_analyzer: Analyzer | None = None
_worker_error: BriefingError | None = None
_worker_model_pid: int | None = None  # the process that loaded it (the server, when forked)

PRELOAD_MODULE = "briefing.import_preload"


def _start_method() -> str:
    """How to start the workers: "forkserver", from a server process that loaded the model
    once, where that is safe; else "spawn" (each worker loads the model: ~1 s of CPU each).

    A fork server, not fork from this process: the server loads the model on one core while
    this process reads and cleans the first files on the other (forking from here would leave
    one core idle during the load, and forking a process with threads, such as the reader's,
    can deadlock the child; the server is a fresh interpreter with no threads). Not on macOS:
    its system libraries are not fork-safe (Python's default there is spawn since 3.8; numpy
    may use Accelerate). Windows has neither fork nor the server.
    """
    if sys.platform == "darwin" or "forkserver" not in multiprocessing.get_all_start_methods():
        return "spawn"
    return "forkserver"


def _load_worker_model() -> None:
    """Load the model for the workers of this process (and of processes forked from it)."""
    global _worker_analyzer, _worker_error, _worker_model_pid
    from briefing.nlp import Analyzer

    _worker_model_pid = os.getpid()
    try:
        _worker_analyzer = Analyzer.load()
    except BriefingError as error:
        # Raised from an initializer, it would kill the worker, and the pool would start
        # another forever (raised in the fork server, it would stop the server). Keep it for
        # the first batch, which hands it to the parent.
        _worker_error = error
    except Exception as error:  # a broken install: said the same way
        _worker_error = BriefingError(
            f"the language model could not be loaded ({type(error).__name__}: {error})"
        )
    # Objects alive now (the model's ~100,000) move out of the cyclic collector's sight: in
    # a forked worker a full collection would otherwise write to every one of them, copying
    # the pages they share with the server.
    gc.freeze()


def _init_worker() -> None:
    # Ctrl-C is the parent's to handle: it stops the pool. Workers printing their own
    # KeyboardInterrupt tracebacks would bury the message.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _worker_analyzer is None and _worker_error is None:
        _load_worker_model()  # spawned: nothing inherited


def _worker_analyze(batch: list[CleanArticle]) -> list[Analysis | str]:
    if _worker_error is not None:
        raise _worker_error
    assert _worker_analyzer is not None, "worker not initialised"
    return _analyze_batch(_worker_analyzer, batch)


def _start_fork_server() -> bool:
    """Start the fork server (and so the model's load) now, from this thread, where the
    workers start from one (see ``_start_method``): a few milliseconds here. Left to the pool's
    thread, its start waited for this thread, which holds the interpreter lock while it reads
    files, to let go of it, up to 0.1 s later. True when the server runs (or was already)."""
    if _start_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    # Read by the server when it starts (once per process; a server already running is
    # reused, model and all).
    forkserver.set_forkserver_preload([PRELOAD_MODULE])
    try:
        forkserver.ensure_running()
    except OSError:  # the pool's start tries again, and reports it
        return False
    return True


class _PoolAnalyzer:
    """Analysis in ``jobs`` processes; at most two batches per worker in flight.

    The fork server (and so the model's load) starts when this is made; the pool, when the
    first batch comes (an import of files already in the library needs none, and does not wait
    for one). The pool starts in a thread, so that batches submitted while the fork server
    loads the model (or spawned workers load theirs) wait here and this process goes on
    reading files.
    """

    def __init__(self, jobs: int, method: str | None = None) -> None:
        self.method = method or _start_method()
        self._jobs = jobs
        self._pool: multiprocessing.pool.Pool | None = None
        self._start_error: BaseException | None = None
        self._waiting: list[list[CleanArticle]] = []  # submitted before the pool started
        self._window = 2 * jobs
        self._in_flight: deque[tuple[list[CleanArticle], AsyncResult[Any]]] = deque()
        self._starter: threading.Thread | None = None
        if self.method == "forkserver":
            _start_fork_server()

    def _start_pool(self) -> None:
        context = multiprocessing.get_context(self.method)
        self._starter = threading.Thread(
            target=self._start, args=(context,), name="briefing-pool-start", daemon=True
        )
        self._starter.start()

    def _start(self, context: Any) -> None:
        try:
            self._pool = context.Pool(processes=self._jobs, initializer=_init_worker)
        except BaseException as error:  # handed to the importing thread
            self._start_error = error

    def _started(self, wait: bool) -> bool:
        if self._starter is None:
            return False  # nothing submitted yet
        if self._starter.is_alive():
            if not wait:
                return False
            self._starter.join()
        if self._start_error is not None:
            raise self._start_error
        assert self._pool is not None
        for batch in self._waiting:
            self._in_flight.append((batch, self._pool.apply_async(_worker_analyze, (batch,))))
        self._waiting.clear()
        return True

    def submit(self, batch: list[CleanArticle]) -> None:
        self._waiting.append(batch)
        if self._starter is None:
            self._start_pool()
        self._started(wait=False)

    def ready(self) -> Iterator[tuple[list[CleanArticle], list[Analysis | str]]]:
        if not self._started(wait=False):
            return
        while self._in_flight and (
            len(self._in_flight) >= self._window or self._in_flight[0][1].ready()
        ):
            batch, result = self._in_flight.popleft()
            yield batch, self._get(batch, result)

    def finish(self) -> Iterator[tuple[list[CleanArticle], list[Analysis | str]]]:
        self._started(wait=True)
        while self._in_flight:
            batch, result = self._in_flight.popleft()
            yield batch, self._get(batch, result)

    def _get(self, batch: list[CleanArticle], result: AsyncResult[Any]) -> list[Analysis | str]:
        try:
            analyses: list[Analysis | str] = result.get()
        except BriefingError:
            raise  # e.g. the model is missing: every batch would fail the same way
        except Exception as error:  # a worker died; report its batch, go on
            reason = f"analysis failed ({type(error).__name__}: {error})"
            return [reason] * len(batch)
        return analyses

    def close(self) -> None:
        # terminate(), not close(): on Ctrl-C or an error nobody waits for queued batches.
        if self._starter is not None:
            self._starter.join()
        self._waiting.clear()
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()


def reanalyze(
    library: Library,
    ids: Sequence[int],
    *,
    analyzer: Analyzer | None = None,
    batch_size: int = 16,
    on_progress: ProgressCallback | None = None,
) -> ImportReport:
    """Analyse stored articles again from their stored raw text (the source file may be gone)
    with the current pipeline, keeping the user's work (see ``Library.replace_analysis``).

    The report lists re-analysed articles under ``added`` and failures under ``failed``.
    """
    if library.read_only:
        from briefing.store import LibraryNotWritable

        raise LibraryNotWritable("the library is open read-only; cannot re-analyse")
    run = _ImportRun(library, len(ids), on_progress)
    pending: list[tuple[int, CleanArticle]] = []

    def flush() -> None:
        nonlocal analyzer
        if not pending:
            return
        if analyzer is None:
            from briefing.nlp import Analyzer

            analyzer = Analyzer.load()
        results = _analyze_batch(analyzer, [article for _, article in pending])
        for (article_id, article), result in zip(pending, results, strict=True):
            if isinstance(result, str):
                run.fail(article.path, result)
            else:
                library.replace_analysis(article_id, result)
                run.report.added.append(ImportedArticle(article.path, article_id))
                run.progress(article.path)
        pending.clear()

    for article_id in ids:
        stored = library.article(article_id)
        try:
            pending.append((article_id, _article_from_text(stored.path, stored.raw_text)))
        except BriefingError as error:
            run.fail(stored.path, str(error))
            continue
        if len(pending) >= batch_size:
            flush()
    flush()
    return run.report


def _article_from_text(path: str, raw_text: str) -> CleanArticle:
    """Read and clean stored raw text as if it were still the file at ``path``."""
    from briefing.prepare import prepare_text

    return prepare_text(path, raw_text)
