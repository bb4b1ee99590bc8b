"""The desk: every development of the library (one measure as all its articles report it),
filtered by a query, newest first, with the sources of the one under the cursor.

Opened from the reader with ``D`` (or the palette); ``Esc`` goes back. Enter on a development
goes to its sources; Enter on a source opens its article in the reader at the evidence sentence.
Pin, note, correct and hide work as in the facts panel: in the list on the whole development
(pin, hide and edit every report; the note goes on its first report), in the sources on the
report highlighted, through :class:`briefing.tui.curation.CuratingScreen`: ``u`` in the reader
undoes them. ``H`` lists hidden developments and reports too, to restore them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList, Static

from briefing.errors import BriefingError
from briefing.query import Query
from briefing.store.developments import Development
from briefing.store.records import StoredFact
from briefing.tui.curation import Change, CuratingScreen, toggle_enabled
from briefing.tui.widgets.development_list import DevelopmentList
from briefing.tui.widgets.query_error import QueryErrorLine
from briefing.tui.widgets.sources_panel import SourcesPanel
from briefing.wording import plural

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from briefing.store import Library

QUERY_DELAY = 0.15  # seconds of typing pause before the desk re-queries
PLACEHOLDER = "/ query: actor:Japan measure:expulsion,sanctions -status:lifted since:2022-03"

# Where to open the reader: (article id, evidence start, evidence end).
OpenRequest = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class DeskResult:
    """What the desk hands back to the reader when it closes: the query as typed (kept for
    the next visit) and the source to open, if one was chosen."""

    query: str
    open: OpenRequest | None = None


def source_request(development: Development) -> OpenRequest | None:
    """The development's first source, as a place to open the reader at."""
    if not development.sources:
        return None
    fact = development.sources[0].fact
    return fact.article_id, fact.start, fact.end


class DeskScreen(CuratingScreen[DeskResult]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Back",
            id="desk.back",
            tooltip="Back: from the sources to the list, from the list to the reader",
        ),
        Binding(
            "slash",
            "query",
            "Query",
            priority=True,
            id="desk.query",
            tooltip="Type a query: actor:, target:, measure:, status:, since:, until:, tag:, "
            "source:, pinned:, note:, article: and words of the text",
        ),
        Binding(
            "H",
            "toggle_hidden",
            "Hidden",
            id="desk.show_hidden",
            tooltip="List hidden developments and reports too (marked ⊘), to restore them with d",
        ),
    ]

    DEFAULT_CSS = """
    DeskScreen #desk-title {
        height: 1;
        width: 1fr;
        text-align: center;
        background: $panel;
    }
    DeskScreen #desk-query {
        border: none;
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    DeskScreen #desk-query:focus {
        background: $primary-muted;
    }
    DeskScreen #desk-panes {
        height: 1fr;
    }
    DeskScreen #developments {
        width: 55%;
        border-right: vkey $foreground 20%;
    }
    DeskScreen #sources-title {
        width: 1fr;
        height: 1;
        padding: 0 1;
        background: $boost;
        text-style: bold;
    }
    """

    def __init__(
        self, library: Library, query: str = "", history: list[Change] | None = None
    ) -> None:
        """``history``: the reader's undo history, which the desk's changes join."""
        super().__init__(history, id="desk")
        self._library = library
        self.initial_query = query
        self._query_timer: Timer | None = None
        self._shown_states: tuple[bool | None, bool | None] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="desk-title")
        yield Input(self.initial_query, placeholder=PLACEHOLDER, id="desk-query")
        yield QueryErrorLine(id="desk-query-error")
        with Horizontal(id="desk-panes"):
            yield DevelopmentList(self.library, id="developments")
            with Vertical(id="sources-pane"):
                yield Label("Sources", id="sources-title")
                yield SourcesPanel(id="sources")
        # The footer is mounted after the first frame (see on_mount), as on the main screen:
        # its keys are widgets of their own, and the developments are what the user waits for.

    @property
    def library(self) -> Library:
        return self._library

    @property
    def developments(self) -> DevelopmentList:
        return self.query_one("#developments", DevelopmentList)

    @property
    def sources(self) -> SourcesPanel:
        return self.query_one("#sources", SourcesPanel)

    @property
    def query_box(self) -> Input:
        return self.query_one("#desk-query", Input)

    @property
    def error_line(self) -> QueryErrorLine:
        return self.query_one("#desk-query-error", QueryErrorLine)

    def help_sections(self) -> list[tuple[str, DOMNode, Sequence[Binding]]]:
        """The desk's keys, for help and the palette (see ReaderApp.binding_sections)."""
        return [
            ("Desk", self, _bindings(self.BINDINGS)),
            ("Developments", self.developments, _bindings(DevelopmentList.BINDINGS)),
            ("Sources", self.sources, _bindings(SourcesPanel.BINDINGS)),
        ]

    def on_mount(self) -> None:
        self.apply_query(initial=True)
        self.set_focus(self.developments)
        self.call_after_refresh(self.mount_footer)

    # -- the query ----------------------------------------------------------------------------

    @on(Input.Changed, "#desk-query")
    def on_query_changed(self) -> None:
        if self._query_timer is not None:
            self._query_timer.stop()
        self._query_timer = self.set_timer(QUERY_DELAY, self.apply_query)

    @on(Input.Submitted, "#desk-query")
    def on_query_submitted(self) -> None:
        self.apply_query()
        if self.error_line.message is None:
            self.set_focus(self.developments)

    def apply_query(self, *, initial: bool = False) -> None:
        """Read the query box: a query that reads filters the list; one that does not says
        why under the box and leaves the list as it was (the text stays to be fixed)."""
        if self._query_timer is not None:
            self._query_timer.stop()
            self._query_timer = None
        parsed = self.error_line.check(self.query_box.value)
        if parsed is None:
            if initial:
                self.developments.set_query(Query())
            return
        if initial or parsed.terms != self.developments.query_filter.terms:
            self.developments.set_query(parsed)
            self.show_current()

    # -- list and sources ---------------------------------------------------------------------

    @on(DevelopmentList.Moved)
    def on_moved(self) -> None:
        self.show_current()

    def show_current(self) -> None:
        self.sources.show_development(self.developments.current)
        self.update_title()
        # The footer rebuilds its keys on every refresh of the bindings: only when Pin/Unpin or
        # Hide/Restore changes, not on every move.
        states = (self._state("pin"), self._state("hide"))
        if states != self._shown_states:
            self._shown_states = states
            self.refresh_bindings()

    def update_title(self) -> None:
        listing = self.developments
        title = Text("briefing", style="bold", end="")
        title.append(" — desk")
        if listing.row_count:
            position = f"{listing.cursor + 1:,} of {plural(listing.row_count, 'development')}"
        else:
            position = "no developments"
        title.append(" · " + position)
        if not listing.query_filter.empty:
            title.append(" matching")
        if listing.include_hidden:
            title.append(" · hidden shown (⊘)")
        self.query_one("#desk-title", Static).update(title, layout=False)  # a fixed one-line bar

    @on(DevelopmentList.Opened)
    def on_development_opened(self) -> None:
        if self.sources.sources:
            self.set_focus(self.sources)
            self.sources.highlighted = self.sources.highlighted or 0

    @on(OptionList.OptionHighlighted, "#sources")
    def on_source_highlighted(self) -> None:
        self._shown_states = None
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self._shown_states = None  # the keys act on another pane now
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#sources")
    def on_source_selected(self) -> None:
        source = self.sources.current
        if source is not None:
            fact = source.fact
            self.leave(DeskResult(self.query_box.value, (fact.article_id, fact.start, fact.end)))

    # -- keys ---------------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.focused is self.sources or self.focused is self.query_box:
            self.set_focus(self.developments)
            return
        self.leave(DeskResult(self.query_box.value))

    def leave(self, result: DeskResult) -> None:
        """Back to the reader. Started at the desk (``briefing desk``), the desk is the first
        screen and the reader is made only now: its start is no part of the desk's."""
        if len(self.app.screen_stack) > 1:
            self.dismiss(result)
            return
        from briefing.tui.screens.main import MainScreen

        reader = MainScreen(self.history)
        # The first screen cannot be replaced: the reader goes on top and stays there (its D
        # opens a desk of its own); this one waits below, idle.
        self.app.push_screen(reader)
        reader.call_after_refresh(reader.desk_closed, result)

    def action_query(self) -> None:
        self.set_focus(self.query_box)

    def action_toggle_hidden(self) -> None:
        listing = self.developments
        listing.include_hidden = not listing.include_hidden
        listing.reload()
        self.show_current()
        self.notify(
            "Hidden developments and reports are listed (⊘): d restores one."
            if listing.include_hidden
            else "Hidden developments and reports are left out."
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"query", "toggle_hidden"} and isinstance(self.focused, Input):
            return False  # typed into the query box
        if action in {"pin", "hide"}:
            return toggle_enabled(self._state(action), parameters)
        return True

    def _state(self, action: str) -> bool | None:
        """Pinned (or hidden) for what the keys act on: the highlighted report in the sources,
        else the development under the cursor."""
        if self.focused is self.sources:
            source = self.sources.current
            if source is None:
                return None
            return source.fact.pinned if action == "pin" else source.fact.hidden
        development = self.developments.current
        if development is None:
            return None
        return development.pinned if action == "pin" else development.hidden

    # -- curation -----------------------------------------------------------------------------

    def _targets(self) -> tuple[list[StoredFact], bool] | None:
        """The facts the keys act on, and whether they are a whole development's."""
        if self.focused is self.sources:
            source = self.sources.current
            return ([source.fact], False) if source is not None else None
        development = self.developments.current
        if development is None:
            return None
        try:
            whole = self.library.development(development.id, include_hidden=True)
        except BriefingError as error:
            self.notify(str(error), severity="error", markup=False)
            return None
        return [source.fact for source in whole.sources], True

    def after_change(self) -> None:
        """Re-read the list's pages (a development may have moved, merged or gone)."""
        self.developments.reload()
        self.show_current()

    def action_pin(self, pinned: bool) -> None:
        targets = self._targets()
        if targets is None:
            return
        facts, whole = targets
        if pinned:  # a whole development: its visible reports
            chosen = [f for f in facts if not f.pinned and not (whole and f.hidden)]
        else:
            chosen = [f for f in facts if f.pinned]
        self.change(chosen, "pin" if pinned else "unpin", pinned=pinned)

    def action_hide(self, hidden: bool) -> None:
        targets = self._targets()
        if targets is None:
            return
        facts, whole = targets
        chosen = [f for f in facts if f.hidden != hidden]
        updated = self.change(chosen, "hide" if hidden else "restore", hidden=hidden)
        if updated and hidden and not self.developments.include_hidden:
            what = "Development" if whole else "Report"
            self.notify(f"{what} hidden. H lists hidden ones, to restore them with d.")

    def action_edit_note(self) -> None:
        targets = self._targets()
        if targets is None:
            return
        facts, whole = targets
        visible = [f for f in facts if not f.hidden] or facts
        if visible:
            # On a whole development the note goes on its first report (the export gathers a
            # development's notes from its reports).
            title = "Note on this development" if whole else "Note on this report"
            self.ask_note(title, visible[0])

    def action_edit_fact(self) -> None:
        from briefing.tui.dialogs.fact_form import FIELDS

        targets = self._targets()
        if targets is None:
            return
        facts, whole = targets
        visible = [f for f in facts if not f.hidden] or facts
        if not visible:
            return
        latest = visible[-1]
        values: dict[str, str | None] = {name: getattr(latest, name) for name in FIELDS}
        development = self.developments.current
        if whole and development is not None:
            values.update(
                measure=development.measure,
                actor=development.actor,
                target=development.target,
                status=development.status,
            )
        title = (
            f"Edit the development ({plural(len(visible), 'report')})" if whole else "Edit report"
        )
        self.ask_corrections(title, visible, latest.sentence, values)

    # -- dossiers -----------------------------------------------------------------------------

    def action_dossier(self, role: str) -> None:
        from briefing.tui.screens.dossier import DossierScreen

        development = self.developments.current
        if development is None:
            return
        name = development.actor if role == "actor" else development.target
        if not name:
            self.notify(f"This development names no {role}.")
            return
        try:
            dossier = self.library.actor_dossier(name, include_hidden=False)
        except BriefingError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if dossier is None:
            self.notify(f"No developments name {name} as actor or target.", markup=False)
            return

        def opened(request: OpenRequest | None) -> None:
            if request is not None:
                self.leave(DeskResult(self.query_box.value, request))

        self.app.push_screen(DossierScreen(dossier), opened)


def _bindings(bindings: Sequence[BindingType]) -> list[Binding]:
    return [binding for binding in bindings if isinstance(binding, Binding)]
