"""Correct an article's details: headline, source, publication date and URL.

The dialog collects the values; ``save`` (the screen's) writes them and returns an error to
show, in which case the dialog stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from briefing.tui.dialogs.form import SaveOrCancel
from briefing.tui.resources import dialog_stylesheets

# (field, label, placeholder): the fields of ``Library.update_article``.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("title", "Headline", ""),
    ("source", "Source", "e.g. Reuters"),
    ("published", "Date", "YYYY-MM-DD, empty: no date"),
    ("url", "URL", "https://…"),
)


class ArticleForm(SaveOrCancel, ModalScreen[bool]):
    """Returns True when the details were saved, False when cancelled."""

    CSS_PATH: ClassVar[list[str | PurePath]] = list(dialog_stylesheets())

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="article_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="article_form.save"),
    ]

    def __init__(
        self, values: dict[str, str | None], save: Callable[[dict[str, str]], str | None]
    ) -> None:
        super().__init__(classes="dialog")
        self.values = values
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box fact-form"):
            yield Label("Article details", classes="dialog-title")
            for name, label, placeholder in FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="form-label")
                    yield Input(
                        self.values.get(name) or "",
                        placeholder=placeholder,
                        compact=True,
                        id=f"field-{name}",
                    )
            yield Label("", id="form-error", classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#field-title", Input).focus()

    def changes(self) -> dict[str, str]:
        """The fields whose text differs from what the article had."""
        changed: dict[str, str] = {}
        for name, _label, _placeholder in FIELDS:
            value = self.query_one(f"#field-{name}", Input).value.strip()
            if value != (self.values.get(name) or ""):
                changed[name] = value
        return changed

    def action_save(self) -> None:
        changed = self.changes()
        if not changed:
            self.dismiss(False)
            return
        error = self.save(changed)
        if error is None:
            self.dismiss(True)
        else:
            self.query_one("#form-error", Label).update(error)

    def action_cancel(self) -> None:
        self.dismiss(False)
