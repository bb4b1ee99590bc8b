"""Edit a fact's fields, or add a fact for the sentence under the cursor."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from briefing.model import MEASURE_TYPES, STATUSES
from briefing.tui.dialogs.form import SaveOrCancel
from briefing.tui.rendering import display_safe
from briefing.tui.resources import dialog_stylesheets

FIELDS: tuple[str, ...] = ("measure", "actor", "target", "quantity", "when", "status")
TEXT_FIELDS: tuple[str, ...] = ("actor", "target", "quantity", "when")


class FactForm(SaveOrCancel, ModalScreen[dict[str, str | None] | None]):
    """Returns every field's value (blank text fields as None), or None when cancelled."""

    CSS_PATH: ClassVar[list[str | PurePath]] = list(dialog_stylesheets())

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "Save", id="form.save"),
    ]

    def __init__(self, title: str, values: dict[str, str | None], sentence: str) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.values = values
        self.sentence = sentence

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box fact-form"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Label(display_safe(self.sentence), classes="dialog-sentence", markup=False)
            with Horizontal(classes="form-row"):
                yield Label("Measure", classes="form-label")
                yield Select(
                    [(name.replace("_", " "), name) for name in MEASURE_TYPES],
                    value=self.values.get("measure") or MEASURE_TYPES[0],
                    allow_blank=False,
                    compact=True,
                    id="field-measure",
                )
            for name in TEXT_FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(name.capitalize(), classes="form-label")
                    yield Input(self.values.get(name) or "", compact=True, id=f"field-{name}")
            with Horizontal(classes="form-row"):
                yield Label("Status", classes="form-label")
                yield Select(
                    [(name.replace("_", " "), name) for name in STATUSES],
                    value=self.values.get("status") or STATUSES[0],
                    allow_blank=False,
                    compact=True,
                    id="field-status",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#field-actor", Input).focus()

    def result(self) -> dict[str, str | None]:
        values: dict[str, str | None] = {}
        for name in ("measure", "status"):
            values[name] = str(self.query_one(f"#field-{name}", Select).value)
        for name in TEXT_FIELDS:
            values[name] = self.query_one(f"#field-{name}", Input).value.strip() or None
        return values

    def action_save(self) -> None:
        self.dismiss(self.result())

    def action_cancel(self) -> None:
        self.dismiss(None)
