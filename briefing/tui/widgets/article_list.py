"""The article list: a :class:`~briefing.tui.widgets.paged_list.PagedList` of article
summaries, fetched page by page from the store as rows scroll into view.

The list has no scrollbar (see reader.tcss): the screen's title shows the position as "2,346 of
10,000", which says more than a one-cell thumb on a 10,000-row track, and Textual repaints a
scrollbar on every layout pass of the screen, which every article opened causes.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from briefing.query import TEXT, Query
from briefing.store.records import ArticleSummary
from briefing.tui.rendering import date_label, display_safe
from briefing.tui.widgets.paged_list import PagedList, cursor_bindings

if TYPE_CHECKING:
    from briefing.store import Library

ROW_HEIGHT = 2
PAGE_SIZE = 100
CACHED_PAGES = 16


class ArticleList(PagedList[ArticleSummary]):
    """Newest first; two lines per article (headline, then source · date · facts · tags)."""

    ROW_HEIGHT = ROW_HEIGHT
    PAGE_SIZE = PAGE_SIZE
    CACHED_PAGES = CACHED_PAGES
    CURSOR_CLASS = "article-list--cursor"

    BINDINGS: ClassVar[list[BindingType]] = [
        *cursor_bindings(
            "list",
            down="Next article in the list",
            up="Previous article in the list",
            first="First article (newest)",
            last="Last article (oldest)",
            page_down="A screen of articles down",
            page_up="A screen of articles up",
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

    class Moved(PagedList.Moved):
        """The cursor's position, or the number of rows, changed (for the position shown)."""

    class Opened(Message):
        """The user chose an article (Enter or click)."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(library, id=id)
        self.search: str | None = None  # the search box's text, while it filters the list
        # A query with key:value terms (or negated or quoted words), paged by
        # Library.summaries; None when the search is plain words (the full-text search).
        self.query_filter: Query | None = None
        self._open_id: int | None = None
        # Which cached page holds each article: a move (patching the opened row, finding it
        # again) costs the same on 10 articles as on 10,000.
        self._page_of: dict[int, int] = {}

    def on_mount(self) -> None:
        self.reload()

    # -- data ---------------------------------------------------------------------------------

    def count_rows(self) -> int:
        if self.query_filter is not None:
            return self.library.count(query=self.query_filter)
        return self.library.count(search=self.search)

    def fetch_page(self, offset: int, limit: int) -> list[ArticleSummary]:
        return self.library.summaries(
            offset=offset,
            limit=limit,
            search=None if self.query_filter is not None else self.search,
            query=self.query_filter,
        )

    def page_loaded(self, page_number: int, page: list[ArticleSummary]) -> None:
        self._page_of.update((summary.id, page_number) for summary in page)

    def page_evicted(self, page: list[ArticleSummary]) -> None:
        for summary in page:
            self._page_of.pop(summary.id, None)

    def opened(self, item: ArticleSummary) -> Message:
        return self.Opened(item.id)

    def reload(self) -> None:
        """Forget cached pages and recount (after an import, a search, an edit)."""
        self._page_of.clear()
        super().reload()

    def set_search(self, text: str, query: Query | None = None) -> None:
        """Filter by the search box's text: plain words search the full text; a ``query``
        with other terms (``measure:sanctions -actor:Canada``) selects as the query language
        says."""
        self.search = text.strip() or None
        plain = query is None or all(
            term.key == TEXT and not term.negated and not term.quoted for term in query.terms
        )
        self.query_filter = None if plain else query
        self.start_over()

    def summary_at(self, index: int) -> ArticleSummary | None:
        return self.item_at(index)

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

    # -- drawing ------------------------------------------------------------------------------

    def row_classes(self, index: int, item: ArticleSummary) -> tuple[str, ...]:
        if index == self.cursor:
            return ("article-list--cursor",)
        if item.id == self._open_id:
            return ("article-list--open",)
        return ()

    def render_part(self, item: ArticleSummary, part: int, row: tuple[str, ...]) -> Text:
        return self._headline(item, marked=not row) if part == 0 else self._meta(item, row)

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
