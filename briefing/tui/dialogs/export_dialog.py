"""Export options: where to write the briefing and what goes in. The export module writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from briefing.tui.dialogs.import_dialog import PathSuggester
from briefing.tui.resources import dialog_stylesheets

Scope = Literal["article", "search", "all"]


@dataclass(frozen=True, slots=True)
class ExportRequest:
    path: Path
    scope: Scope
    pinned_only: bool
    overwrite: bool


class ExportDialog(ModalScreen[ExportRequest | None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = list(dialog_stylesheets())
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "submit", "Export", id="export.submit"),
    ]

    def __init__(self, default_path: Path, *, has_article: bool, search: str | None) -> None:
        super().__init__(classes="dialog")
        self.default_path = default_path
        self.has_article = has_article
        self.search = search

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box export-dialog"):
            yield Label("Export a briefing (Markdown)", classes="dialog-title")
            yield Label("File")
            yield Input(
                str(self.default_path), suggester=PathSuggester(), compact=True, id="export-path"
            )
            with RadioSet(id="export-scope"):
                yield RadioButton("This article", id="scope-article", disabled=not self.has_article)
                yield RadioButton(
                    "Articles matching the search", id="scope-search", disabled=not self.search
                )
                yield RadioButton("All articles", id="scope-all", value=True)
            yield Checkbox("Pinned facts only", id="export-pinned")
            yield Checkbox("Overwrite an existing file", id="export-overwrite")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="export", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_submit()
        else:
            self.action_cancel()

    def action_submit(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self.notify("Type the file to write.", severity="warning")
            return
        pressed = self.query_one("#export-scope", RadioSet).pressed_button
        scope: Scope = "all"
        if pressed is not None and pressed.id == "scope-article":
            scope = "article"
        elif pressed is not None and pressed.id == "scope-search":
            scope = "search"
        self.dismiss(
            ExportRequest(
                path=Path(value).expanduser(),
                scope=scope,
                pinned_only=self.query_one("#export-pinned", Checkbox).value,
                overwrite=self.query_one("#export-overwrite", Checkbox).value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
