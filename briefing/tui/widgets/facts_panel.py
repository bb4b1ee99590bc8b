"""The facts panel: the open article's facts, one entry each, for the user to curate.

Facts per article are few (tens at most), so an ``OptionList`` of ``Text`` prompts is enough.
The curation actions live on the main screen (they write to the store); the bindings here
route to them so the footer shows them while this pane has focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.store.records import StoredFact
from briefing.tui.rendering import display_safe

PIN_MARKER = "★"
NOTE_MARKER = "✎"


def fact_prompt(fact: StoredFact) -> Text:
    """Measure type and status, actor → target, quantity and time, with pin and note markers."""
    text = Text(end="")
    text.append(PIN_MARKER if fact.pinned else " ", "bold")
    text.append(NOTE_MARKER if fact.note else " ")
    text.append(" ")
    text.append(fact.measure.replace("_", " ").upper(), "bold")
    text.append(f" · {fact.status.replace('_', ' ')}", "dim")
    if fact.origin == "user":
        text.append(" · added", "dim italic")
    elif fact.edited:
        text.append(" · edited", "dim italic")
    text.append("\n   ")
    text.append(display_safe(fact.actor or "?"))
    text.append(" → ")
    text.append(display_safe(fact.target or "?"))
    details = [value for value in (fact.quantity and f"×{fact.quantity}", fact.when) if value]
    if details:
        text.append("\n   " + display_safe(" · ".join(details)), "italic")
    if fact.note:
        text.append(f"\n   {NOTE_MARKER} " + display_safe(fact.note), "dim")
    return text


class FactsPanel(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="facts.down"),
        Binding("k", "cursor_up", "Up", show=False, id="facts.up"),
        Binding("g", "first", "First", show=False, id="facts.first"),
        Binding("G", "last", "Last", show=False, id="facts.last"),
        Binding("space,f", "screen.toggle_pin", "Pin", id="facts.pin"),
        Binding("e", "screen.edit_fact", "Edit", id="facts.edit"),
        Binding("N", "screen.edit_note", "Note", id="facts.note"),
        Binding("d", "screen.hide_fact", "Hide", id="facts.hide"),
    ]

    def __init__(
        self, *, anchor: Callable[[], int | None] = lambda: None, id: str | None = None
    ) -> None:
        """``anchor`` gives the body offset under the article's cursor: the fact there is the
        one highlighted when the panel takes focus with none."""
        super().__init__(id=id)
        self._anchor = anchor
        self.facts: list[StoredFact] = []

    def show_facts(self, facts: Sequence[StoredFact], *, keep_position: bool = False) -> None:
        """Show the visible (not hidden) facts, in text order."""
        previous = self.highlighted
        visible = sorted((fact for fact in facts if not fact.hidden), key=lambda f: f.start)
        if visible == self.facts and self.option_count == len(visible):
            return  # same facts, same state: keep the rendered options
        self.facts = visible
        options: list[Option | None] = []
        for fact in self.facts:
            if options:
                options.append(None)  # a rule between facts
            options.append(Option(fact_prompt(fact), id=str(fact.id)))
        self.set_options(options)
        if keep_position and previous is not None and self.facts:
            self.highlighted = min(previous, len(self.facts) - 1)
        elif self.has_focus:
            self.highlight_first()

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

    def on_focus(self) -> None:
        if self.highlighted is None:
            self.highlight_first(self._anchor())

    @property
    def current(self) -> StoredFact | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.facts):
            return None
        return self.facts[index]
