"""The article list: a Line API widget that draws only the visible rows.

``ListView``/``OptionList`` build a widget or an entry per item and a filled ``DataTable``
takes seconds at 10,000 rows; this widget keeps only the row count and fetches summaries page by
page from the store as rows scroll into view, keeping a few pages in an LRU cache.

A move repaints only the rows that changed. The list has no scrollbar (see reader.tcss): the
screen's title shows the position as "2,346 of 10,000", which says more than a one-cell thumb
on a 10,000-row track, and Textual repaints a scrollbar on every layout pass of the screen,
which every article opened causes.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.errors import BriefingError
from briefing.query import TEXT, Query
from briefing.store.records import ArticleSummary
from briefing.tui.rendering import date_label, display_safe

if TYPE_CHECKING:
    from briefing.store import Library

ROW_HEIGHT = 2
PAGE_SIZE = 100
CACHED_PAGES = 16


class ArticleList(ScrollView, can_focus=True):
    """Newest first; two lines per article (headline, then source · date · facts · tags)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "cursor_down",
            "Down",
            show=False,
            id="list.down",
            tooltip="Next article in the list",
        ),
        Binding(
            "k,up",
            "cursor_up",
            "Up",
            show=False,
            id="list.up",
            tooltip="Previous article in the list",
        ),
        Binding(
            "g,home",
            "first",
            "First",
            show=False,
            id="list.first",
            tooltip="First article (newest)",
        ),
        Binding(
            "G,end", "last", "Last", show=False, id="list.last", tooltip="Last article (oldest)"
        ),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="list.page_down",
            tooltip="A screen of articles down",
        ),
        Binding(
            "pageup",
            "page(-1)",
            "Page up",
            show=False,
            id="list.page_up",
            tooltip="A screen of articles up",
        ),
        Binding(
            "enter", "open", "Open", id="list.open", tooltip="Open the article under the cursor"
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--meta",
        "article-list--open",
        "article-list--unread",
    }

    # No automatic repaint: watch_cursor repaints the rows that changed (see refresh_row).
    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)

    class Moved(Message):
        """The cursor's position, or the number of rows, changed (for the position shown)."""

    class Opened(Message):
        """The user chose an article (Enter or click)."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.search: str | None = None  # the search box's text, while it filters the list
        # A query with key:value terms (or negated or quoted words), paged by
        # Library.summaries; None when the search is plain words (the full-text search).
        self.query_filter: Query | None = None
        self._open_id: int | None = None
        self.row_count = 0
        self._pages: OrderedDict[int, list[ArticleSummary]] = OrderedDict()
        # Which cached page holds each article: a move (patching the opened row, finding it
        # again) costs the same on 10 articles as on 10,000.
        self._page_of: dict[int, int] = {}
        self._reported: str | None = None  # the last store error shown

    def on_mount(self) -> None:
        self.reload()

    # -- data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Forget cached pages and recount (after an import, a search, an edit)."""
        self._pages.clear()
        self._page_of.clear()
        try:
            if self.query_filter is not None:
                self.row_count = self.library.count(query=self.query_filter)
            else:
                self.row_count = self.library.count(search=self.search)
        except BriefingError as error:
            self._report(error)  # keep the old count; rows are fetched again when drawn
        self._update_virtual_size()
        if self.row_count and self.cursor >= self.row_count:
            self.cursor = self.row_count - 1
        self.refresh()
        self.post_message(self.Moved())

    def set_search(self, text: str, query: Query | None = None) -> None:
        """Filter by the search box's text: plain words search the full text; a ``query``
        with other terms (``measure:sanctions -actor:Canada``) selects as the query language
        says."""
        self.search = text.strip() or None
        plain = query is None or all(
            term.key == TEXT and not term.negated and not term.quoted for term in query.terms
        )
        self.query_filter = None if plain else query
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        self.reload()

    def summary_at(self, index: int) -> ArticleSummary | None:
        if not 0 <= index < self.row_count:
            return None
        page_number, row = divmod(index, PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            try:
                page = self.library.summaries(
                    offset=page_number * PAGE_SIZE,
                    limit=PAGE_SIZE,
                    search=None if self.query_filter is not None else self.search,
                    query=self.query_filter,
                )
            except BriefingError as error:
                self._report(error)  # not cached: the next draw asks again
                return None
            self._reported = None
            self._pages[page_number] = page
            self._page_of.update((summary.id, page_number) for summary in page)
            while len(self._pages) > CACHED_PAGES:
                _, evicted = self._pages.popitem(last=False)
                for summary in evicted:
                    self._page_of.pop(summary.id, None)
        else:
            self._pages.move_to_end(page_number)
        return page[row] if row < len(page) else None

    def _report(self, error: BriefingError) -> None:
        """Tell the user once per distinct problem (this runs for every line drawn)."""
        message = str(error)
        if message != self._reported:
            self._reported = message
            self.notify(message, title="Library", severity="error", markup=False)

    @property
    def current(self) -> ArticleSummary | None:
        return self.summary_at(self.cursor)

    def index_of(self, article_id: int) -> int | None:
        """Where an article sits in the list: the cached pages first, then page by page."""
        cached = self._cached_index(article_id)
        if cached is not None:
            return cached
        for index in range(0, self.row_count, PAGE_SIZE):
            if index // PAGE_SIZE in self._pages:
                continue
            self.summary_at(index)
            for row, summary in enumerate(self._pages.get(index // PAGE_SIZE, [])):
                if summary.id == article_id:
                    return index + row
        return None

    def patch(self, article_id: int, **changes: object) -> None:
        """Update one cached row in place (unread marker, fact count, tags) after a change
        made through the reader, without re-reading pages from the store."""
        index = self._cached_index(article_id)
        if index is not None:
            page_number, row = divmod(index, PAGE_SIZE)
            page = self._pages[page_number]
            page[row] = dataclasses.replace(page[row], **changes)  # type: ignore[arg-type]
            self.refresh_row(index)

    @property
    def open_id(self) -> int | None:
        """The article open in the reader (drawn with a marker)."""
        return self._open_id

    @open_id.setter
    def open_id(self, article_id: int | None) -> None:
        for changed in (self._open_id, article_id):
            index = None if changed is None else self._cached_index(changed)
            if index is not None:
                self.refresh_row(index)
        self._open_id = article_id

    def _cached_index(self, article_id: int) -> int | None:
        """An article's index in the list, if its page is cached."""
        page_number = self._page_of.get(article_id)
        if page_number is None:
            return None
        for row, summary in enumerate(self._pages[page_number]):
            if summary.id == article_id:
                return page_number * PAGE_SIZE + row
        return None

    # -- cursor -------------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.row_count - 1)) if self.row_count else 0

    def watch_cursor(self, previous: int, cursor: int) -> None:
        self.post_message(self.Moved())
        scrolled = self.scroll_to_region(
            Region(0, cursor * ROW_HEIGHT, max(1, self.size.width), ROW_HEIGHT),
            animate=False,
            force=True,
        )
        if scrolled:
            return  # scrolling repaints every row
        self.refresh_row(previous)
        self.refresh_row(cursor)

    def refresh_row(self, index: int) -> None:
        """Repaint one article's rows, if they are on screen.

        A move repaints the two or three rows that changed, not the whole pane: a full
        repaint also redraws the scrollbar, which costs more than all the rows together.
        """
        top = index * ROW_HEIGHT - round(self.scroll_y)
        if top + ROW_HEIGHT <= 0 or top >= self.scrollable_content_region.height:
            return
        self.refresh(Region(0, top, self.scrollable_content_region.width, ROW_HEIGHT))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.row_count - 1

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.size.height // ROW_HEIGHT)

    def action_open(self) -> None:
        summary = self.current
        if summary is not None:
            self.post_message(self.Opened(summary.id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + round(self.scroll_y)) // ROW_HEIGHT
        if 0 <= index < self.row_count:
            self.cursor = index
            self.action_open()

    # -- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        # Not ``size.width``: that includes the vertical scrollbar, which would hide the last
        # column (a cut headline's ellipsis).
        width = self.scrollable_content_region.width
        base = self.rich_style
        index, part = divmod(round(self.scroll_y) + y, ROW_HEIGHT)
        summary = self.summary_at(index)
        if summary is None:
            return Strip.blank(width, base)
        style = base
        row: tuple[str, ...] = ()
        if index == self.cursor:
            row = ("article-list--cursor",)
            style = base + self.get_component_rich_style("article-list--cursor")
        elif summary.id == self.open_id:
            row = ("article-list--open",)
            style = base + self.get_component_rich_style("article-list--open")
        text = self._headline(summary, marked=not row) if part == 0 else self._meta(summary, row)
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(text.render(self.app.console))).apply_style(style)

    def _headline(self, summary: ArticleSummary, *, marked: bool = True) -> Text:
        # Markers, not only colours: ▸ the open article, ● unread. On the cursor's or the open
        # row's background the marker takes the row's colour.
        marker = "▸ " if summary.id == self.open_id else "● " if summary.unread else "  "
        text = Text(marker, end="", no_wrap=True)
        if summary.unread and marked:
            text.stylize(self.get_component_rich_style("article-list--unread", partial=True))
        text.append(display_safe(summary.title) or "(untitled)", Style(bold=summary.unread))
        return text

    def _meta(self, summary: ArticleSummary, row: tuple[str, ...] = ()) -> Text:
        parts = [
            summary.source or "unknown source",
            date_label(summary.published, summary.imported_at),
        ]
        count = summary.fact_count
        parts.append(f"{count} fact" + ("" if count == 1 else "s"))
        if summary.tags:
            parts.append(" ".join(f"#{tag}" for tag in summary.tags))
        meta = Text("  " + display_safe(" · ".join(parts)), end="", no_wrap=True)
        # A muted line: the theme's muted colour (it has an alpha channel, "auto 60%") blended
        # over the row's own background, as Textual does for its widgets; the component's
        # partial style would cut it to solid white.
        muted = self.get_visual_style(*row, "article-list--meta").rich_style
        meta.stylize(Style(color=muted.color))
        return meta

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()

    def _update_virtual_size(self) -> None:
        # Rows are cut to the pane's width, so nothing scrolls sideways: a virtual width of 0
        # keeps a horizontal scrollbar (and its repaint on every move) from appearing when the
        # vertical one takes a column.
        self.virtual_size = Size(0, self.row_count * ROW_HEIGHT)
