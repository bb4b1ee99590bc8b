"""An actor's dossier: the measures it took and the measures it faced, as developments in date
order, with counts by measure type and status (``Library.actor_dossier``).

Opened from the desk (``a`` for a development's actor, ``t`` for its target); Enter on a
development opens its first source in the reader at the evidence sentence; ``Esc`` goes back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from briefing.store.developments import Development, Dossier
from briefing.tui.rendering import display_safe
from briefing.tui.widgets.development_list import (
    development_headline,
    development_meta,
    label,
)
from briefing.wording import plural

if TYPE_CHECKING:
    from textual.dom import DOMNode

# Where to open the reader: (article id, evidence start, evidence end).
OpenRequest = tuple[int, int, int]


def counts_line(developments: Sequence[Development]) -> str:
    """ "3 sanctions, 1 expulsion · 2 announced, 2 in force" (most frequent first)."""
    if not developments:
        return "none"
    by_type = Counter(label(d.measure) for d in developments)
    by_status = Counter(label(d.status) for d in developments)
    types = ", ".join(f"{count} {name}" for name, count in by_type.most_common())
    statuses = ", ".join(f"{count} {name}" for name, count in by_status.most_common())
    return f"{types} · {statuses}"


def summary(dossier: Dossier) -> Text:
    text = Text(display_safe(dossier.name), "bold", end="")
    if dossier.aliases:
        text.append("  also " + display_safe(", ".join(dossier.aliases[:8])), "dim")
    text.append(f"\nTook {plural(len(dossier.took), 'measure')}: {counts_line(dossier.took)}")
    text.append(f"\nFaced {plural(len(dossier.faced), 'measure')}: {counts_line(dossier.faced)}")
    return text


class DossierList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="dossier.down", tooltip="Next one"),
        Binding("k", "cursor_up", "Up", show=False, id="dossier.up", tooltip="Previous one"),
        Binding("g", "first", "First", show=False, id="dossier.first", tooltip="First one"),
        Binding("G", "last", "Last", show=False, id="dossier.last", tooltip="Last one"),
    ]

    DEFAULT_CSS = """
    DossierList {
        height: 1fr;
        border: none;
        background: $surface;
    }
    DossierList:focus {
        border: none;
    }
    """


class DossierScreen(Screen[OpenRequest | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="dossier.back", tooltip="Back to the desk"),
        Binding(
            "enter",
            "open",
            "Open",
            id="dossier.open",
            tooltip="Open the development's first source in the reader, at its evidence",
        ),
    ]

    DEFAULT_CSS = """
    DossierScreen #dossier-summary {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, dossier: Dossier) -> None:
        super().__init__(id="dossier")
        self.dossier = dossier
        # The option index of each development (section headings are disabled options).
        self.rows: list[Development | None] = []

    def compose(self) -> ComposeResult:
        yield Static(summary(self.dossier), id="dossier-summary")
        options: list[Option] = []
        for heading, developments in (
            ("Took", self.dossier.took),
            ("Faced", self.dossier.faced),
        ):
            options.append(
                Option(
                    Text(f"{heading} ({len(developments)})", "bold underline"),
                    disabled=True,
                )
            )
            self.rows.append(None)
            for development in developments:
                options.append(
                    Option(
                        Group(
                            development_headline(development),
                            Text(development_meta(development), "dim"),
                        ),
                        id=f"development-{development.id}-{heading}",
                    )
                )
                self.rows.append(development)
        yield DossierList(*options, id="dossier-list")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        listing = self.query_one(DossierList)
        listing.focus()
        first = next((i for i, row in enumerate(self.rows) if row is not None), None)
        if first is not None:
            listing.highlighted = first

    @property
    def current(self) -> Development | None:
        index = self.query_one(DossierList).highlighted
        if index is None or not 0 <= index < len(self.rows):
            return None
        return self.rows[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        development = self.current
        if development is None or not development.sources:
            return
        fact = development.sources[0].fact
        self.dismiss((fact.article_id, fact.start, fact.end))

    def action_back(self) -> None:
        self.dismiss(None)

    def help_sections(self) -> list[tuple[str, DOMNode, Sequence[Binding]]]:
        return [
            ("Dossier", self, [b for b in self.BINDINGS if isinstance(b, Binding)]),
        ]
