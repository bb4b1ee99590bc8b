"""Export options: where to write the briefing and what goes in. The export module writes.

The file field starts at a name of its own for each selection (``briefing-DAY-all.md``,
``...-article-12.md``, ``...-search-oil-embargo.md``, with ``-2``, ``-3`` when taken) and
follows the selection until the user types a path. A folder gets that name inside it. An
existing file is replaced only after the dialog has asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import ClassVar, Literal

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from briefing.export import available_path
from briefing.tui.dialogs.import_dialog import PathSuggester
from briefing.tui.resources import dialog_stylesheets

Scope = Literal["article", "search", "all"]
_SCOPE_OF_BUTTON: dict[str | None, Scope] = {
    "scope-article": "article",
    "scope-search": "search",
    "scope-all": "all",
}


@dataclass(frozen=True, slots=True)
class ExportRequest:
    path: Path
    scope: Scope
    pinned_only: bool
    overwrite: bool  # the user agreed to replace the existing file at ``path``
    typed: str = ""  # what the file field said, shown again if the export fails


class ExportDialog(ModalScreen[ExportRequest | None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = list(dialog_stylesheets())
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "submit", "Export", id="export.submit"),
    ]

    def __init__(
        self,
        directory: Path,
        names: Mapping[Scope, str],
        *,
        has_article: bool,
        search: str | None,
        again: ExportRequest | None = None,
    ) -> None:
        """``names``: the default file name of each selection, put in ``directory``;
        ``again``: a request whose export failed, shown as the user left it."""
        super().__init__(classes="dialog")
        self.directory = directory
        self.names = dict(names)
        self.has_article = has_article
        self.search = search
        self.again = again
        self.scope: Scope = again.scope if again is not None else "all"
        self.pending: ExportRequest | None = None  # waiting for "replace?" to be answered

    def default_path(self, scope: Scope) -> str:
        return str(available_path(self.directory, self.names[scope]))

    def compose(self) -> ComposeResult:
        typed = self.again.typed if self.again is not None else self.default_path(self.scope)
        with Vertical(classes="dialog-box export-dialog"):
            yield Label("Export a briefing (Markdown)", classes="dialog-title")
            yield Label("File (or a folder)")
            yield Input(typed, suggester=PathSuggester(), compact=True, id="export-path")
            with RadioSet(id="export-scope"):
                yield RadioButton(
                    "This article",
                    id="scope-article",
                    disabled=not self.has_article,
                    value=self.scope == "article",
                )
                yield RadioButton(
                    "Articles matching the search",
                    id="scope-search",
                    disabled=not self.search,
                    value=self.scope == "search",
                )
                yield RadioButton("All articles", id="scope-all", value=self.scope == "all")
            yield Checkbox(
                "Pinned facts only",
                id="export-pinned",
                value=self.again.pinned_only if self.again is not None else False,
            )
            with Vertical(id="export-confirm"):
                yield Label("", id="export-confirm-text", markup=False)
                with Horizontal(classes="dialog-buttons"):
                    yield Button("Replace (y)", variant="error", id="replace", compact=True)
                    yield Button("Back (n)", id="back", compact=True)
            with Horizontal(classes="dialog-buttons", id="export-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="export", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-confirm").display = False
        self.query_one("#export-path", Input).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """The default name follows the selection, unless the user typed a path."""
        event.stop()
        scope = _SCOPE_OF_BUTTON.get(event.pressed.id, "all")
        field = self.query_one("#export-path", Input)
        if field.value.strip() in (self.default_path(self.scope), ""):
            field.value = self.default_path(scope)
        self.scope = scope

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export":
            self.action_submit()
        elif event.button.id == "replace":
            self.action_replace()
        elif event.button.id == "back":
            self.action_back()
        else:
            self.action_cancel()

    def on_key(self, event: events.Key) -> None:
        """While asking "replace?": y replaces, n goes back (Enter presses the focused
        button, Back by default)."""
        if self.pending is None or event.key not in ("y", "n"):
            return
        event.stop()
        if event.key == "y":
            self.action_replace()
        else:
            self.action_back()

    def action_submit(self) -> None:
        if self.pending is not None:
            return
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self.notify("Type the file to write.", severity="warning")
            return
        path = Path(typed).expanduser()
        if path.is_dir():
            # As `briefing export -o DIR` does: the selection's own name inside it.
            path = available_path(path, self.names[self.scope])
        request = ExportRequest(
            path=path,
            scope=self.scope,
            pinned_only=self.query_one("#export-pinned", Checkbox).value,
            overwrite=False,
            typed=typed,
        )
        if path.exists() or path.is_symlink():
            self.ask_to_replace(request)
            return
        self.dismiss(request)

    def ask_to_replace(self, request: ExportRequest) -> None:
        self.pending = request
        self.query_one("#export-confirm-text", Label).update(
            f"{request.path} already exists. Replace it?"
        )
        self.query_one("#export-confirm").display = True
        self.query_one("#export-buttons").display = False
        self.query_one("#back", Button).focus()

    def action_replace(self) -> None:
        if self.pending is None:
            return
        request = self.pending
        self.pending = None
        self.dismiss(
            ExportRequest(
                path=request.path,
                scope=request.scope,
                pinned_only=request.pinned_only,
                overwrite=True,
                typed=request.typed,
            )
        )

    def action_back(self) -> None:
        """Leave the existing file alone and go back to the file field."""
        self.pending = None
        self.query_one("#export-confirm").display = False
        self.query_one("#export-buttons").display = True
        self.query_one("#export-path", Input).focus()

    def action_cancel(self) -> None:
        if self.pending is not None:
            self.action_back()
            return
        self.dismiss(None)
