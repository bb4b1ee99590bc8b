"""The desk's list of developments: a :class:`~briefing.tui.widgets.paged_list.PagedList`,
fetching pages of developments (each with its sources) from the store as rows come into view,
so that a library of 100,000 facts opens and moves as fast as a small one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from briefing.query import Query
from briefing.store.developments import Development
from briefing.tui.rendering import display_safe
from briefing.tui.widgets.facts_panel import actor_and_target
from briefing.tui.widgets.paged_list import PagedList, cursor_bindings

if TYPE_CHECKING:
    from briefing.store import Library

PAGE_SIZE = 50
CACHED_PAGES = 8
PIN_MARKER = "★"
HIDDEN_MARKER = "⊘"
# The one-line headline's mark for a target inferred from the story (the facts panel and the
# sources say it in full).
INFERRED_SHORT = " (inferred)"


def label(name: str) -> str:
    """A measure or status as words ("import_ban" -> "import ban")."""
    return name.replace("_", " ")


def steps_text(development: Development) -> str:
    """The story in order: "threatened 2024-03-01 → announced 2024-03-04"."""
    return " → ".join(
        label(status) + (f" {date}" if date else "") for status, date in development.steps
    ) or label(development.status)


def development_headline(development: Development) -> Text:
    """Pin (or hidden) marker, MEASURE, actor → target (marked when no report states it)."""
    marker = (
        HIDDEN_MARKER if development.hidden else PIN_MARKER if development.pinned else " "
    ) + " "
    text = Text(marker, end="", no_wrap=True)
    text.append(label(development.measure).upper(), Style(bold=True))
    text.append("  ")
    text.append_text(
        actor_and_target(
            development.actor,
            development.target,
            stated=development.target_stated,
            mark=INFERRED_SHORT,
        )
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


class DevelopmentList(PagedList[Development]):
    """Newest first (latest report); two lines per development."""

    PAGE_SIZE = PAGE_SIZE
    CACHED_PAGES = CACHED_PAGES
    CURSOR_CLASS = "development-list--cursor"

    BINDINGS: ClassVar[list[BindingType]] = [
        *cursor_bindings(
            "desk",
            down="Next development",
            up="Previous development",
            first="First development (the latest reported)",
            last="Last development (the oldest)",
            page_down="A screen of developments down",
            page_up="A screen of developments up",
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

    class Moved(PagedList.Moved):
        """The cursor's position, or the number of rows, changed."""

    class Opened(Message):
        """The user chose the development under the cursor (Enter or click)."""

        def __init__(self, development: Development) -> None:
            super().__init__()
            self.development = development

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(library, id=id)
        self.query_filter = Query()
        self.include_hidden = False

    # -- data ---------------------------------------------------------------------------------

    def count_rows(self) -> int:
        return self.library.count_developments(
            self.query_filter, include_hidden=self.include_hidden
        )

    def fetch_page(self, offset: int, limit: int) -> list[Development]:
        return self.library.developments(
            self.query_filter, offset=offset, limit=limit, include_hidden=self.include_hidden
        )

    def opened(self, item: Development) -> Message:
        return self.Opened(item)

    def set_query(self, query: Query) -> None:
        self.query_filter = query
        self.start_over()

    def development_at(self, index: int) -> Development | None:
        return self.item_at(index)

    # -- drawing ------------------------------------------------------------------------------

    def render_part(self, item: Development, part: int, row: tuple[str, ...]) -> Text:
        if part == 0:
            return development_headline(item)
        text = Text(development_meta(item), end="", no_wrap=True)
        muted = self.get_visual_style(*row, "development-list--meta").rich_style
        text.stylize(Style(color=muted.color))
        return text
