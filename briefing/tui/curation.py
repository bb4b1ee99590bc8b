"""What the reader's screens share to curate facts: the store write that reports instead of
raising, the note and correction dialogs, the Pin/Unpin (Hide/Restore) key choice, and the
history that ``u`` undoes.

The main screen acts on the fact highlighted in the facts panel; the desk on a whole
development (every report) or on one report. Both write through :meth:`CuratingScreen.change`,
which keeps the facts as they were in a history shared by the two screens, so that ``u`` in the
reader also undoes a change made on the desk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen
from textual.widgets import Footer

from briefing.errors import BriefingError
from briefing.store import CORRECTABLE_FIELDS

if TYPE_CHECKING:
    from briefing.store import Library
    from briefing.store.records import StoredFact

T = TypeVar("T")
R = TypeVar("R")

READ_ONLY = "The library is open read-only: nothing can be changed."


@dataclass(frozen=True, slots=True)
class Change:
    """One change the user made ("pin", "note", "edit", ...), with the facts as they were."""

    what: str
    before: tuple[StoredFact, ...]


def toggle_enabled(state: bool | None, parameters: tuple[object, ...]) -> bool | None:
    """For ``check_action``: of two bindings on one key (Pin and Unpin, Hide and Restore),
    the one that fits ``state``; with nothing to act on, the first shown disabled."""
    if state is None:
        return None if parameters == (True,) else False
    return state != parameters[0]


class CuratingScreen(Screen[R]):
    """A screen whose keys change facts in the library."""

    def __init__(self, history: list[Change] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # What u undoes: each change with the facts as they were, for the whole session.
        self.history: list[Change] = [] if history is None else history

    @property
    def library(self) -> Library:
        raise NotImplementedError

    def after_change(self) -> None:
        """Show the library as it now is, after a change was written."""

    async def mount_footer(self) -> None:
        """Add the footer once the first frame is drawn, then have it show the keys: its keys
        are widgets of their own, and the screen's content is what the user waits for."""
        await self.mount(Footer(compact=True, show_command_palette=False))
        self.refresh_bindings()

    def write(self, change: Callable[[], T]) -> T | None:
        """Run one store write; report failures (read-only, busy) instead of raising."""
        if self.library.read_only:
            self.notify(READ_ONLY, severity="warning")
            return None
        try:
            return change()
        except BriefingError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return None

    def change(
        self, facts: Sequence[StoredFact], what: str, **changes: object
    ) -> list[StoredFact] | None:
        """Write the same change to these facts; remember them as they were, for u."""
        if not facts:
            return None
        library = self.library

        def update() -> list[StoredFact]:
            return [library.update_fact(fact.id, **changes) for fact in facts]  # type: ignore[arg-type]

        updated = self.write(update)
        if updated is not None:
            self.history.append(Change(what, tuple(facts)))
            self.after_change()
        return updated

    def undo(self) -> Change | None:
        """Give the facts of the last change back the state they had before it."""
        if not self.history:
            self.notify("Nothing to undo.")
            return None
        last = self.history[-1]
        library = self.library

        def restore() -> bool:
            for before in last.before:
                library.update_fact(
                    before.id,
                    pinned=before.pinned,
                    note=before.note,
                    hidden=before.hidden,
                    corrections={name: getattr(before, name) for name in before.corrected},
                    revert=[name for name in CORRECTABLE_FIELDS if name not in before.corrected],
                )
            return True

        if self.write(restore) is None:
            return None
        self.history.pop()
        return last

    def ask_note(self, title: str, fact: StoredFact) -> None:
        """The note dialog for a fact: Enter saves, empty removes."""
        from briefing.tui.dialogs.prompt import PromptDialog

        def save(note: str | None) -> None:
            if note is not None:
                self.change([fact], "note", note=note.strip() or None)

        hint = "Enter saves · empty removes"
        self.app.push_screen(PromptDialog(title, fact.note or "", hint=hint), save)

    def ask_corrections(
        self,
        title: str,
        facts: Sequence[StoredFact],
        sentence: str,
        values: dict[str, str | None] | None = None,
    ) -> None:
        """The correction form, filled with ``values`` (default: the last fact's fields);
        what the user changes is written to every fact."""
        from briefing.tui.dialogs.fact_form import FIELDS, FactForm

        shown = values or {name: getattr(facts[-1], name) for name in FIELDS}

        def save(result: dict[str, str | None] | None) -> None:
            if result is None:
                return
            changed = {name: value for name, value in result.items() if value != shown[name]}
            if changed:
                self.change(facts, "edit", corrections=changed)

        self.app.push_screen(FactForm(title, shown, sentence), save)
