"""The desk's sources panel: the reports of the development under the desk's cursor.

A development has a handful of reports (tens at most), so an ``OptionList`` of ``Text`` prompts
is enough: title, publication and date, status, and the evidence sentence, with the pin, note
and hidden markers of the facts panel. The curation keys route to the desk screen.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.store.developments import Development, DevelopmentSource
from briefing.tui.rendering import display_safe
from briefing.tui.widgets.facts_panel import HIDDEN_MARKER, INDENT, NOTE_MARKER, PIN_MARKER

EMPTY_HINT = "No development here. Change the query above (/) or press H for hidden ones."


def source_prompt(source: DevelopmentSource) -> Table:
    fact = source.fact
    markers = Text(end="")
    markers.append(PIN_MARKER if fact.pinned else " ", "bold")
    markers.append(HIDDEN_MARKER if fact.hidden else NOTE_MARKER if fact.note else " ")
    grid = Table.grid(padding=0, expand=True)
    grid.add_column(width=INDENT, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(markers, Text(display_safe(source.title) or "(untitled)", "bold"))
    meta = [
        source.source or "unknown source",
        source.published or "no date",
        fact.status.replace("_", " "),
    ]
    if fact.target and not fact.target_stated:
        meta.append(f"target {fact.target} inferred from the story")
    if fact.hidden:
        meta.append("hidden: d restores it")
    elif fact.edited:
        meta.append("edited")
    grid.add_row("", Text(display_safe(" · ".join(meta)), "dim"))
    if fact.sentence:
        grid.add_row("", Text("“" + display_safe(fact.sentence) + "”", "italic"))
    if fact.note:
        grid.add_row("", Text(f"{NOTE_MARKER} " + display_safe(fact.note), "dim"))
    return grid


class SourcesPanel(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="sources.down", tooltip="Next source"),
        Binding("k", "cursor_up", "Up", show=False, id="sources.up", tooltip="Previous source"),
        Binding("g", "first", "First", show=False, id="sources.first", tooltip="First source"),
        Binding("G", "last", "Last", show=False, id="sources.last", tooltip="Last source"),
        Binding(
            "space,f",
            "screen.pin(True)",
            "Pin",
            id="sources.pin",
            tooltip="Pin this report (the development is pinned when one of its reports is)",
        ),
        Binding(
            "space,f",
            "screen.pin(False)",
            "Unpin",
            id="sources.unpin",
            tooltip="Unpin this report",
        ),
        Binding(
            "e",
            "screen.edit_fact",
            "Edit",
            id="sources.edit",
            tooltip="Correct this report's measure, actor, target, quantity, time or status",
        ),
        Binding(
            "N",
            "screen.edit_note",
            "Note",
            id="sources.note",
            tooltip="Write a note on this report",
        ),
        Binding(
            "d",
            "screen.hide(True)",
            "Hide",
            id="sources.hide",
            tooltip="Hide this report (H lists hidden ones)",
        ),
        Binding(
            "d",
            "screen.hide(False)",
            "Restore",
            id="sources.restore",
            tooltip="Restore this hidden report",
        ),
    ]

    DEFAULT_CSS = """
    SourcesPanel {
        height: 1fr;
        border: none;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    SourcesPanel:focus {
        border: none;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.development: Development | None = None
        self.sources: list[DevelopmentSource] = []

    def show_development(self, development: Development | None) -> None:
        """List a development's sources (in date order), keeping the highlighted one when it
        is the same development again."""
        previous_id = self.current.fact.id if self.current is not None else None
        same = (
            development is not None
            and self.development is not None
            and development.id == self.development.id
        )
        if development == self.development and self.option_count:
            return
        self.development = development
        self.sources = list(development.sources) if development is not None else []
        options: list[Option | None] = []
        for source in self.sources:
            if options:
                options.append(None)
            options.append(Option(source_prompt(source), id=str(source.fact.id)))
        if not options:
            options.append(Option(Text(EMPTY_HINT, "dim italic"), id="empty", disabled=True))
        self.set_options(options)
        if not self.sources:
            return
        index = 0
        if same and previous_id is not None:
            index = next((i for i, s in enumerate(self.sources) if s.fact.id == previous_id), 0)
        if self.has_focus or same:
            self.highlighted = index

    def on_focus(self) -> None:
        if self.highlighted is None and self.sources:
            self.highlighted = 0

    @property
    def current(self) -> DevelopmentSource | None:
        if self.highlighted is None and self.has_focus and self.sources:
            self.highlighted = 0
        index = self.highlighted
        if index is None or not 0 <= index < len(self.sources):
            return None
        return self.sources[index]
