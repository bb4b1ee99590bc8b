"""The import status line and the work behind it.

One import (or re-analysis) at a time runs in a worker thread, where the language model loads;
what is asked for meanwhile waits in a queue, so there is one status line and no worker ever
cancels another. The worker only posts to the UI thread; the runner reports to the screen with
messages, and the screen decides what the list and the toasts show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, ProgressBar

from briefing.errors import BriefingError
from briefing.tui.rendering import display_safe

if TYPE_CHECKING:
    from briefing.importing import ImportProgress, ImportReport
    from briefing.store import Library
    from briefing.tui.dialogs.import_dialog import ImportRequest
    from briefing.webimport import FeedReport, RefreshProgress


@dataclass(frozen=True, slots=True)
class _Reanalysis:
    article_id: int


@dataclass(frozen=True, slots=True)
class _Refresh:
    """Fetch every feed's new entries (``briefing refresh``)."""


class ImportRunner(Horizontal):
    """Shown (class ``-busy``) while something runs."""

    class Stored(Message):
        """The running import stored more articles: time to list them."""

    class Finished(Message):
        def __init__(self, report: ImportReport) -> None:
            super().__init__()
            self.report = report

    class Reanalysed(Message):
        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class Refreshed(Message):
        def __init__(self, reports: list[FeedReport]) -> None:
            super().__init__()
            self.reports = reports

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self, library: Library, save_pasted_text: Callable[[str], Path]) -> None:
        # Children made here, not in compose: the first status arrives before they mount.
        self._label = Label("", id="import-label")
        self.progress = ProgressBar(id="import-progress", show_eta=False)
        super().__init__(self._label, self.progress, id="import-status")
        self.library = library
        self.save_pasted_text = save_pasted_text
        self.queue: list[ImportRequest | _Reanalysis | _Refresh] = []
        self.busy = False
        self._listed_added = 0

    # -- asking ---------------------------------------------------------------------------------

    def start_import(self, request: ImportRequest) -> bool:
        """Import now, or queue behind what runs; False when it was queued."""
        return self._start(request)

    def start_reanalysis(self, article_id: int) -> bool:
        return self._start(_Reanalysis(article_id))

    def start_refresh(self) -> bool:
        return self._start(_Refresh())

    def _start(self, job: ImportRequest | _Reanalysis | _Refresh) -> bool:
        if self.busy:
            self.queue.append(job)
            return False
        self.busy = True
        self.add_class("-busy")
        self._listed_added = 0
        self.progress.update(total=None, progress=0)
        if isinstance(job, _Reanalysis):
            self.show("Re-analysing (loading the language model)…")
            self.reanalyse_worker(job.article_id)
        elif isinstance(job, _Refresh):
            self.show("Refreshing the feeds…")
            self.refresh_worker()
        else:
            self.show("Loading the language model…")
            self.import_worker(job)
        return True

    def _ended(self, message: Message) -> None:
        self.busy = False
        self.remove_class("-busy")
        self.post_message(message)
        if self.queue:
            self._start(self.queue.pop(0))

    # -- the status line ------------------------------------------------------------------------

    def show(self, message: str | Text) -> None:
        self._label.update(message)

    def _show_progress(self, line: str, done: int, total: int) -> None:
        self.show(Text(line, no_wrap=True, overflow="ellipsis"))
        self.progress.update(total=max(1, total), progress=done)

    def _progress(self, progress: ImportProgress) -> None:
        name = Path(progress.current_path).name
        self._show_progress(
            f"Importing {progress.done}/{progress.total}: {display_safe(name)} "
            f"({progress.added} new, {progress.skipped} already in, {progress.failed} failed)",
            progress.done,
            progress.total,
        )
        if progress.added != self._listed_added:
            self._listed_added = progress.added
            self.post_message(self.Stored())

    # -- the workers (they only post to the UI thread) ----------------------------------------

    @work(thread=True, group="import", exit_on_error=False)
    def import_worker(self, request: ImportRequest) -> None:
        # Imported here, in the worker thread: spaCy loads only when something needs it.
        from briefing.importing import import_paths

        def progress(update: ImportProgress) -> None:
            self.app.call_from_thread(self._progress, update)

        try:
            paths: list[str | Path] = [request.path] if request.path is not None else []
            if request.url is not None:
                paths = [request.url]  # fetched by the import, with briefing's limits
            if request.text is not None:
                paths = [self.save_pasted_text(request.text)]
            with self.library.another_connection() as library:
                report = import_paths(library, paths, jobs=1, on_progress=progress)
        except (BriefingError, OSError) as error:
            self.app.call_from_thread(self._ended, self.Failed(str(error)))
            return
        self.app.call_from_thread(self._ended, self.Finished(report))

    @work(thread=True, group="import", exit_on_error=False)
    def reanalyse_worker(self, article_id: int) -> None:
        from briefing.importing import reanalyze

        try:
            with self.library.another_connection() as library:
                report = reanalyze(library, [article_id])
        except BriefingError as error:
            self.app.call_from_thread(self._ended, self.Failed(str(error)))
            return
        if report.failed:
            self.app.call_from_thread(self._ended, self.Failed(report.failed[0].reason))
            return
        self.app.call_from_thread(self._ended, self.Reanalysed(article_id))

    @work(thread=True, group="import", exit_on_error=False)
    def refresh_worker(self) -> None:
        # Imported here, in the worker thread: the web libraries load only when needed.
        from briefing.webimport import refresh

        def progress(update: RefreshProgress) -> None:
            self.app.call_from_thread(self._refresh_progress, update)

        def stored(_article_id: int) -> None:
            self.app.call_from_thread(self.post_message, self.Stored())

        try:
            with self.library.another_connection() as library:
                reports = refresh(library, on_progress=progress, on_stored=stored)
        except BriefingError as error:
            self.app.call_from_thread(self._ended, self.Failed(str(error)))
            return
        self.app.call_from_thread(self._ended, self.Refreshed(reports))

    def _refresh_progress(self, progress: RefreshProgress) -> None:
        self._show_progress(
            f"Refreshing {progress.done}/{progress.total}: {display_safe(progress.feed)} "
            f"({progress.added} new)",
            progress.done,
            progress.total,
        )
