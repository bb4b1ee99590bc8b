"""A one-line prompt (notes, tags): Enter saves, Esc cancels."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from briefing.tui.resources import dialog_stylesheets


class PromptDialog(ModalScreen[str | None]):
    """Returns the text entered (possibly empty), or None when cancelled."""

    CSS_PATH: ClassVar[list[str | PurePath]] = list(dialog_stylesheets())

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, title: str, value: str = "", *, hint: str = "") -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Input(self.value, compact=True, id="prompt-input")
            if self.hint:
                yield Label(self.hint, classes="dialog-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
