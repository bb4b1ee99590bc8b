"""A lazily paged list: a Line API widget that draws only the visible rows.

``ListView``/``OptionList`` build a widget or an entry per item and a filled ``DataTable``
takes seconds at 10,000 rows; a :class:`PagedList` keeps only the row count and fetches pages
of rows from the store as they scroll into view, keeping a few pages in an LRU cache, so that a
large library opens and moves as fast as a small one.

A move repaints only the rows that changed (see :meth:`PagedList.refresh_row`). A store error
is shown once, not once per line drawn. Subclasses say how to count and fetch rows, what
message Enter (or a click) posts, and how to draw a row; the article list and the desk's list
of developments are two.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from rich.text import Text

    from briefing.store import Library

T = TypeVar("T")


def cursor_bindings(
    scope: str, *, down: str, up: str, first: str, last: str, page_down: str, page_up: str
) -> list[BindingType]:
    """The keys that move a list's cursor, with ids ``scope.down`` ... and these tooltips."""
    return [
        Binding("j,down", "cursor_down", "Down", show=False, id=f"{scope}.down", tooltip=down),
        Binding("k,up", "cursor_up", "Up", show=False, id=f"{scope}.up", tooltip=up),
        Binding("g,home", "first", "First", show=False, id=f"{scope}.first", tooltip=first),
        Binding("G,end", "last", "Last", show=False, id=f"{scope}.last", tooltip=last),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            show=False,
            id=f"{scope}.page_down",
            tooltip=page_down,
        ),
        Binding(
            "pageup", "page(-1)", "Page up", show=False, id=f"{scope}.page_up", tooltip=page_up
        ),
    ]


class PagedList(ScrollView, Generic[T], can_focus=True):
    """Rows of ``ROW_HEIGHT`` lines, one per item, fetched ``PAGE_SIZE`` at a time."""

    ROW_HEIGHT: ClassVar[int] = 2
    PAGE_SIZE: ClassVar[int] = 100
    CACHED_PAGES: ClassVar[int] = 16
    # The component class that styles the cursor's row.
    CURSOR_CLASS: ClassVar[str]

    # No automatic repaint: watch_cursor repaints the rows that changed (see refresh_row).
    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)

    class Moved(Message):
        """The cursor's position, or the number of rows, changed (for the position shown).

        Each subclass declares its own (``class Moved(PagedList.Moved)``), so that handlers
        tell the lists apart."""

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.row_count = 0
        self._pages: OrderedDict[int, list[T]] = OrderedDict()
        self._reported: str | None = None  # the last store error shown

    # -- what subclasses give -----------------------------------------------------------------

    def count_rows(self) -> int:
        """How many rows the list has (may raise BriefingError)."""
        raise NotImplementedError

    def fetch_page(self, offset: int, limit: int) -> list[T]:
        """Rows ``offset`` to ``offset + limit`` (may raise BriefingError)."""
        raise NotImplementedError

    def opened(self, item: T) -> Message:
        """The message Enter (or a click) posts for the row under the cursor."""
        raise NotImplementedError

    def render_part(self, item: T, part: int, row: tuple[str, ...]) -> Text:
        """Line ``part`` of an item's row; ``row``: the row's component classes."""
        raise NotImplementedError

    def row_classes(self, index: int, item: T) -> tuple[str, ...]:
        """The component classes of a row (the first styles its background)."""
        return (self.CURSOR_CLASS,) if index == self.cursor else ()

    def page_loaded(self, page_number: int, page: list[T]) -> None:
        """A page entered the cache."""

    def page_evicted(self, page: list[T]) -> None:
        """A page left the cache."""

    # -- data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Forget cached pages and recount (after a new filter, an import, a change)."""
        self._pages.clear()
        try:
            self.row_count = self.count_rows()
        except BriefingError as error:
            self._report(error)  # keep the old count; rows are fetched again when drawn
        self._update_virtual_size()
        if self.row_count and self.cursor >= self.row_count:
            self.cursor = self.row_count - 1
        self.refresh()
        self.post_message(self.Moved())

    def start_over(self) -> None:
        """Back to the first row and recount (a new filter)."""
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        self.reload()

    def item_at(self, index: int) -> T | None:
        if not 0 <= index < self.row_count:
            return None
        page_number, row = divmod(index, self.PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            try:
                page = self.fetch_page(page_number * self.PAGE_SIZE, self.PAGE_SIZE)
            except BriefingError as error:
                self._report(error)  # not cached: the next draw asks again
                return None
            self._reported = None
            self._pages[page_number] = page
            self.page_loaded(page_number, page)
            while len(self._pages) > self.CACHED_PAGES:
                _, evicted = self._pages.popitem(last=False)
                self.page_evicted(evicted)
        else:
            self._pages.move_to_end(page_number)
        return page[row] if row < len(page) else None

    @property
    def current(self) -> T | None:
        return self.item_at(self.cursor)

    def _report(self, error: BriefingError) -> None:
        """Tell the user once per distinct problem (this runs for every line drawn)."""
        message = str(error)
        if message != self._reported:
            self._reported = message
            self.notify(message, title="Library", severity="error", markup=False)

    # -- cursor -------------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.row_count - 1)) if self.row_count else 0

    def watch_cursor(self, previous: int, cursor: int) -> None:
        self.post_message(self.Moved())
        height = self.ROW_HEIGHT
        scrolled = self.scroll_to_region(
            Region(0, cursor * height, max(1, self.size.width), height),
            animate=False,
            force=True,
        )
        if scrolled:
            return  # scrolling repaints every row
        self.refresh_row(previous)
        self.refresh_row(cursor)

    def refresh_row(self, index: int) -> None:
        """Repaint one item's rows, if they are on screen.

        A move repaints the two or three rows that changed, not the whole pane: a full
        repaint also redraws the scrollbar, which costs more than all the rows together.
        """
        height = self.ROW_HEIGHT
        top = index * height - round(self.scroll_y)
        if top + height <= 0 or top >= self.scrollable_content_region.height:
            return
        self.refresh(Region(0, top, self.scrollable_content_region.width, height))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.row_count - 1

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.size.height // self.ROW_HEIGHT)

    def action_open(self) -> None:
        item = self.current
        if item is not None:
            self.post_message(self.opened(item))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + round(self.scroll_y)) // self.ROW_HEIGHT
        if 0 <= index < self.row_count:
            self.cursor = index
            self.action_open()

    # -- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        # Not ``size.width``: that includes the vertical scrollbar, which would hide the last
        # column (a cut line's ellipsis).
        width = self.scrollable_content_region.width
        base = self.rich_style
        index, part = divmod(round(self.scroll_y) + y, self.ROW_HEIGHT)
        item = self.item_at(index)
        if item is None:
            return Strip.blank(width, base)
        row = self.row_classes(index, item)
        style = base + self.get_component_rich_style(row[0]) if row else base
        text = self.render_part(item, part, row)
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(text.render(self.app.console))).apply_style(style)

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()

    def _update_virtual_size(self) -> None:
        # Rows are cut to the pane's width, so nothing scrolls sideways: a virtual width of 0
        # keeps a horizontal scrollbar (and its repaint on every move) from appearing when the
        # vertical one takes a column.
        self.virtual_size = Size(0, self.row_count * self.ROW_HEIGHT)
