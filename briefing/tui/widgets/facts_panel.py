"""The facts panel: the open article's facts, one entry each, for the user to curate.

Facts per article are few (tens at most), so an ``OptionList`` of ``Text`` prompts is enough.
The curation actions live on the main screen (they write to the store); the bindings here
route to them so the footer shows them while this pane has focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.store.records import StoredFact
from briefing.tui.rendering import display_safe

PIN_MARKER = "★"
NOTE_MARKER = "✎"
HIDDEN_MARKER = "⊘"
# After a target the sentence does not state: the pipeline took the state the story is about.
INFERRED_MARK = " (inferred from the story)"
INDENT = 3  # the markers' columns; every further line of a fact, wrapped or not, starts here

EMPTY_HINT = (
    "No facts in this article.\nPress a to add one for the sentence under the article's cursor."
)


def actor_and_target(
    actor: str | None, target: str | None, *, stated: bool, mark: str = INFERRED_MARK
) -> Text:
    """Actor → target, and after a target the pipeline inferred from the story (the sentence
    names nobody the measure falls on) a quiet ``mark``, so that it never reads as stated."""
    text = Text(display_safe(actor or "?") + " → " + display_safe(target or "?"), end="")
    if target and not stated:
        text.append(mark, "dim italic")
    return text


def fact_prompt(fact: StoredFact) -> Table:
    """Measure type and status, actor → target, quantity and time, with pin and note markers.

    A grid of two columns: the markers, then the fact's lines, so that a long line wraps under
    its own first word instead of at the panel's left edge.
    """
    markers = Text(end="")
    markers.append(PIN_MARKER if fact.pinned else " ", "bold")
    markers.append(HIDDEN_MARKER if fact.hidden else NOTE_MARKER if fact.note else " ")
    head = Text(end="")
    head.append(fact.measure.replace("_", " ").upper(), "bold")
    head.append(f" · {fact.status.replace('_', ' ')}", "dim")
    if fact.hidden:
        head.append(" · hidden", "dim italic")
    elif fact.origin == "user":
        head.append(" · added", "dim italic")
    elif fact.edited:
        head.append(" · edited", "dim italic")
    grid = Table.grid(padding=0, expand=True)
    grid.add_column(width=INDENT, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(markers, head)
    grid.add_row("", actor_and_target(fact.actor, fact.target, stated=fact.target_stated))
    details = [value for value in (fact.quantity and f"×{fact.quantity}", fact.when) if value]
    if details:
        grid.add_row("", Text(display_safe(" · ".join(details)), "italic"))
    if fact.note:
        grid.add_row("", Text(f"{NOTE_MARKER} " + display_safe(fact.note), "dim"))
    if fact.hidden:
        grid.add_row("", Text("d restores it", "dim italic"))
    return grid


class FactsPanel(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="facts.down", tooltip="Next fact"),
        Binding("k", "cursor_up", "Up", show=False, id="facts.up", tooltip="Previous fact"),
        Binding("g", "first", "First", show=False, id="facts.first", tooltip="First fact"),
        Binding("G", "last", "Last", show=False, id="facts.last", tooltip="Last fact"),
        # Two bindings on one key: the screen enables the one that fits the highlighted fact,
        # so the footer says what the key will do.
        Binding(
            "space,f",
            "screen.pin(True)",
            "Pin",
            id="facts.pin",
            tooltip="Pin the fact (pinned facts lead the briefing)",
        ),
        Binding(
            "space,f", "screen.pin(False)", "Unpin", id="facts.unpin", tooltip="Unpin the fact"
        ),
        Binding(
            "e",
            "screen.edit_fact",
            "Edit",
            id="facts.edit",
            tooltip="Correct the fact's measure, actor, target, quantity, time or status",
        ),
        Binding(
            "N", "screen.edit_note", "Note", id="facts.note", tooltip="Write a note on the fact"
        ),
        Binding(
            "d",
            "screen.hide_fact(True)",
            "Hide",
            id="facts.hide",
            tooltip="Hide the fact (u undoes; H lists hidden facts)",
        ),
        Binding(
            "d",
            "screen.hide_fact(False)",
            "Restore",
            id="facts.restore",
            tooltip="Restore the hidden fact",
        ),
        Binding(
            "H",
            "screen.toggle_hidden_facts",
            "Hidden",
            id="facts.show_hidden",
            tooltip="List the article's hidden facts too, to restore them",
        ),
    ]

    def __init__(
        self, *, anchor: Callable[[], int | None] = lambda: None, id: str | None = None
    ) -> None:
        """``anchor`` gives the body offset under the article's cursor: the fact there is the
        one highlighted when the panel takes focus with none."""
        super().__init__(id=id)
        self._anchor = anchor
        self.facts: list[StoredFact] = []
        self.show_hidden = False  # hidden facts are listed too (dimmed), to be restored

    def show_facts(self, facts: Sequence[StoredFact], *, keep_position: bool = False) -> None:
        """Show the facts in text order: the visible ones, and the hidden ones too while
        :attr:`show_hidden` is on."""
        previous = self.highlighted
        previous_id = self.current.id if self.current is not None else None
        shown = sorted(
            (fact for fact in facts if self.show_hidden or not fact.hidden),
            key=lambda f: (f.start, f.id),
        )
        if shown == self.facts and self.option_count == max(1, len(shown)):
            return  # same facts, same state: keep the rendered options
        self.facts = shown
        options: list[Option | None] = []
        for fact in self.facts:
            if options:
                options.append(None)  # a rule between facts
            options.append(Option(fact_prompt(fact), id=str(fact.id)))
        if not options:
            options.append(Option(Text(EMPTY_HINT, "dim italic"), id="empty", disabled=True))
        self.set_options(options)
        if keep_position and previous is not None and self.facts:
            same = next((i for i, f in enumerate(self.facts) if f.id == previous_id), None)
            self.highlighted = same if same is not None else min(previous, len(self.facts) - 1)
        elif self.has_focus:
            self.highlight_first(self._anchor())

    def highlight_first(self, offset: int | None = None) -> None:
        """Highlight the fact whose evidence holds body ``offset`` (else the next one after it,
        else the first): the curation keys act on the highlighted fact, so a focused panel
        always has one."""
        if not self.facts:
            return
        index = 0
        if offset is not None:
            index = next(
                (i for i, fact in enumerate(self.facts) if offset < fact.end),
                len(self.facts) - 1,
            )
        self.highlighted = index

    def highlight_fact(self, fact_id: int) -> None:
        index = next((i for i, fact in enumerate(self.facts) if fact.id == fact_id), None)
        if index is not None:
            self.highlighted = index

    def on_focus(self) -> None:
        if self.highlighted is None:
            self.highlight_first(self._anchor())

    @property
    def current(self) -> StoredFact | None:
        """The fact the keys act on. A focused panel with none highlighted highlights one
        first: keys typed in one burst with the Tab that focused the panel arrive before its
        Focus event."""
        if self.highlighted is None and self.has_focus:
            self.highlight_first(self._anchor())
        index = self.highlighted
        if index is None or not 0 <= index < len(self.facts):
            return None
        return self.facts[index]
