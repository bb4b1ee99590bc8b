"""The desk's list of developments: a Line API widget that draws only the visible rows.

Like :mod:`briefing.tui.widgets.article_list`: it keeps only the row count and fetches pages of
developments (each with its sources) from the store as rows come into view, keeping a few pages
in an LRU cache, so that a library of 100,000 facts opens and moves as fast as a small one.
"""

from __future__ import annotations

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
from briefing.query import Query
from briefing.store.developments import Development
from briefing.tui.rendering import display_safe

if TYPE_CHECKING:
    from briefing.store import Library

ROW_HEIGHT = 2
PAGE_SIZE = 50
CACHED_PAGES = 8
PIN_MARKER = "★"
HIDDEN_MARKER = "⊘"


def label(name: str) -> str:
    """A measure or status as words ("import_ban" -> "import ban")."""
    return name.replace("_", " ")


def steps_text(development: Development) -> str:
    """The story in order: "threatened 2024-03-01 → announced 2024-03-04"."""
    return " → ".join(
        label(status) + (f" {date}" if date else "") for status, date in development.steps
    ) or label(development.status)


def development_headline(development: Development) -> Text:
    """Pin (or hidden) marker, MEASURE, actor → target."""
    marker = (
        HIDDEN_MARKER if development.hidden else PIN_MARKER if development.pinned else " "
    ) + " "
    text = Text(marker, end="", no_wrap=True)
    text.append(label(development.measure).upper(), Style(bold=True))
    text.append(
        "  "
        + display_safe(development.actor or "?")
        + " → "
        + display_safe(development.target or "?")
    )
    return text


def development_meta(development: Development) -> str:
    """Status steps · sources · last reported date, as one plain line."""
    count = development.report_count
    parts = [
        steps_text(development),
        f"{count} source" + ("" if count == 1 else "s"),
        f"last {development.last_reported}" if development.last_reported else "no date",
    ]
    return "  " + display_safe(" · ".join(parts))


class DevelopmentList(ScrollView, can_focus=True):
    """Newest first (latest report); two lines per development."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "cursor_down",
            "Down",
            show=False,
            id="desk.down",
            tooltip="Next development",
        ),
        Binding(
            "k,up",
            "cursor_up",
            "Up",
            show=False,
            id="desk.up",
            tooltip="Previous development",
        ),
        Binding(
            "g,home",
            "first",
            "First",
            show=False,
            id="desk.first",
            tooltip="First development (the latest reported)",
        ),
        Binding(
            "G,end",
            "last",
            "Last",
            show=False,
            id="desk.last",
            tooltip="Last development (the oldest)",
        ),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="desk.page_down",
            tooltip="A screen of developments down",
        ),
        Binding(
            "pageup",
            "page(-1)",
            "Page up",
            show=False,
            id="desk.page_up",
            tooltip="A screen of developments up",
        ),
        Binding(
            "enter",
            "open",
            "Sources",
            id="desk.sources",
            tooltip="Go to the development's sources (Enter on one opens its article)",
        ),
        # Two bindings on one key: the screen enables the one that fits the development.
        Binding(
            "space,f",
            "screen.pin(True)",
            "Pin",
            id="desk.pin",
            tooltip="Pin the development: every one of its reports (in the sources, one report)",
        ),
        Binding(
            "space,f",
            "screen.pin(False)",
            "Unpin",
            id="desk.unpin",
            tooltip="Unpin the development: every one of its reports",
        ),
        Binding(
            "e",
            "screen.edit_fact",
            "Edit",
            id="desk.edit",
            tooltip="Correct the measure, actor, target or status of every report of the "
            "development (in the sources, of one report)",
        ),
        Binding(
            "N",
            "screen.edit_note",
            "Note",
            id="desk.note",
            tooltip="Write a note on the development (kept on its first report; in the "
            "sources, on the report highlighted)",
        ),
        Binding(
            "d",
            "screen.hide(True)",
            "Hide",
            id="desk.hide",
            tooltip="Hide the development: every one of its reports (H lists hidden ones)",
        ),
        Binding(
            "d",
            "screen.hide(False)",
            "Restore",
            id="desk.restore",
            tooltip="Restore the hidden development: every one of its reports",
        ),
        Binding(
            "a",
            "screen.dossier('actor')",
            "Actor",
            id="desk.actor_dossier",
            tooltip="The dossier of the development's actor: the measures it took and faced",
        ),
        Binding(
            "t",
            "screen.dossier('target')",
            "Target",
            id="desk.target_dossier",
            tooltip="The dossier of the development's target: the measures it took and faced",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "development-list--cursor",
        "development-list--meta",
    }

    DEFAULT_CSS = """
    DevelopmentList {
        height: 1fr;
        background: $surface;
        color: $text;
        scrollbar-size-vertical: 0;
    }
    DevelopmentList > .development-list--cursor {
        background: $block-cursor-blurred-background;
    }
    DevelopmentList:focus > .development-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    DevelopmentList > .development-list--meta {
        color: $text-muted;
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)

    class Moved(Message):
        """The cursor's position, or the number of rows, changed."""

    class Opened(Message):
        """The user chose the development under the cursor (Enter or click)."""

        def __init__(self, development: Development) -> None:
            super().__init__()
            self.development = development

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.query_filter = Query()
        self.include_hidden = False
        self.row_count = 0
        self._pages: OrderedDict[int, list[Development]] = OrderedDict()
        self._reported: str | None = None

    # -- data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Forget cached pages and recount (after a query, a change, H)."""
        self._pages.clear()
        try:
            self.row_count = self.library.count_developments(
                self.query_filter, include_hidden=self.include_hidden
            )
        except BriefingError as error:
            self._report(error)
        self.virtual_size = Size(0, self.row_count * ROW_HEIGHT)
        if self.row_count and self.cursor >= self.row_count:
            self.cursor = self.row_count - 1
        self.refresh()
        self.post_message(self.Moved())

    def set_query(self, query: Query) -> None:
        self.query_filter = query
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        self.reload()

    def development_at(self, index: int) -> Development | None:
        if not 0 <= index < self.row_count:
            return None
        page_number, row = divmod(index, PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            try:
                page = self.library.developments(
                    self.query_filter,
                    offset=page_number * PAGE_SIZE,
                    limit=PAGE_SIZE,
                    include_hidden=self.include_hidden,
                )
            except BriefingError as error:
                self._report(error)
                return None
            self._reported = None
            self._pages[page_number] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page[row] if row < len(page) else None

    @property
    def current(self) -> Development | None:
        return self.development_at(self.cursor)

    def _report(self, error: BriefingError) -> None:
        message = str(error)
        if message != self._reported:
            self._reported = message
            self.notify(message, title="Library", severity="error", markup=False)

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
            return
        self.refresh_row(previous)
        self.refresh_row(cursor)

    def refresh_row(self, index: int) -> None:
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
        development = self.current
        if development is not None:
            self.post_message(self.Opened(development))

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
        width = self.scrollable_content_region.width
        base = self.rich_style
        index, part = divmod(round(self.scroll_y) + y, ROW_HEIGHT)
        development = self.development_at(index)
        if development is None:
            return Strip.blank(width, base)
        row: tuple[str, ...] = ()
        style = base
        if index == self.cursor:
            row = ("development-list--cursor",)
            style = base + self.get_component_rich_style("development-list--cursor")
        if part == 0:
            text = development_headline(development)
        else:
            text = Text(development_meta(development), end="", no_wrap=True)
            muted = self.get_visual_style(*row, "development-list--meta").rich_style
            text.stylize(Style(color=muted.color))
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(text.render(self.app.console))).apply_style(style)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(0, self.row_count * ROW_HEIGHT)
