"""The help screen (every binding, generated from the bindings themselves) and the legend."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.model import ACTOR_KINDS, MEASURE_TYPES
from briefing.tui.rendering import FAMILY_NAMES, MEASURE_FAMILIES, Palette
from briefing.tui.resources import dialog_stylesheets

HelpSection = tuple[str, Sequence[Binding]]


KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "space": "Space",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "ctrl+p": "Ctrl+P",
}


def key_label(keys: str) -> str:
    """The keys of a binding as a reader types them: "space,f" → "Space / f"; letters as
    typed, so "G" reads as Shift+g."""
    return " / ".join(KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))


def describe(binding: Binding) -> str:
    """What a key does, as a sentence where the binding has one (its tooltip), else its
    footer label."""
    return binding.tooltip or binding.description


def bindings_table(sections: Sequence[HelpSection]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
    table.add_column("key", no_wrap=True, style="bold")
    table.add_column("what")
    for title, bindings in sections:
        table.add_row(Text(title, style="bold underline"), Text(""))
        for binding in bindings:
            table.add_row(Text(key_label(binding.key)), Text(describe(binding)))
        table.add_row(Text(""), Text(""))
    return table


class _Modal(ModalScreen[None]):
    """A scrolling page of reference (help, legend): the reader's movement keys scroll it."""

    CSS_PATH: ClassVar[list[str | PurePath]] = list(dialog_stylesheets())
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="modal.close"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="modal.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="modal.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="modal.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="modal.page_up"),
        Binding("g,home", "edge(False)", "Top", show=False, id="modal.top"),
        Binding("G,end", "edge(True)", "Bottom", show=False, id="modal.bottom"),
    ]

    @property
    def scroller(self) -> VerticalScroll:
        return self.query_one(VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self.scroller.scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        step = max(1, self.scroller.scrollable_content_region.height - 1)
        self.scroller.scroll_relative(y=direction * step, animate=False)

    def action_edge(self, end: bool) -> None:
        if end:
            self.scroller.scroll_end(animate=False)
        else:
            self.scroller.scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


class HelpScreen(_Modal):
    def __init__(self, sections: Sequence[HelpSection]) -> None:
        super().__init__(classes="dialog")
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box help-box", id="help"):
            yield Static(Text("Keys (Esc closes)", style="bold"), classes="dialog-title")
            yield Static(bindings_table(self.sections), id="help-table")


def legend_table(palette: Palette) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column("sample", no_wrap=True)
    table.add_column("means")
    table.add_row(Text("Actors (bold; people also italic)", style="bold underline"), Text(""))
    for kind in ACTOR_KINDS:
        table.add_row(Text(kind.capitalize(), style=palette.actors[kind]), Text(f"{kind} actor"))
    table.add_row(Text(""), Text(""))
    table.add_row(Text("Measures (underlined)", style="bold underline"), Text(""))
    for family in FAMILY_NAMES:
        members = [m.replace("_", " ") for m in MEASURE_TYPES if MEASURE_FAMILIES[m] == family]
        table.add_row(Text(family, style=palette.families[family]), Text(", ".join(members)))
    table.add_row(Text(""), Text(""))
    table.add_row(Text("▌ marked line", style=palette.evidence), Text("the selected fact's text"))
    table.add_row(Text("★  ✎"), Text("pinned fact, fact with a note"))
    table.add_row(
        Text("→ X (inferred)", style="dim italic"),
        Text("the sentence names no target: X is the state the story is about"),
    )
    return table


class LegendScreen(_Modal):
    def __init__(self, palette: Palette) -> None:
        super().__init__(classes="dialog")
        self.palette = palette

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box legend-box", id="legend"):
            yield Static(Text("Legend (Esc closes)", style="bold"), classes="dialog-title")
            yield Static(legend_table(self.palette))
