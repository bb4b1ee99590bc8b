"""Import articles: a path (file or folder, with completion) or pasted article text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, TabbedContent, TabPane, TextArea

from briefing.tui.resources import dialog_stylesheets


@dataclass(frozen=True, slots=True)
class ImportRequest:
    path: Path | None = None  # a file or a folder
    text: str | None = None  # pasted article text (headline on the first line) or a page's HTML
    url: str | None = None  # an http(s) address, fetched with briefing's limits


class PathSuggester(Suggester):
    """Completes the last path component from the file system (accept with → or End)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        expanded = os.path.expanduser(value)
        folder, prefix = os.path.split(expanded)
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            return None
        for name in names:
            if not name.startswith(prefix) or name.startswith("."):
                continue
            completed = value + name[len(prefix) :]
            if os.path.isdir(os.path.join(folder or ".", name)):
                return completed + os.sep
            if name != prefix:
                return completed
        return None


class ImportDialog(ModalScreen[ImportRequest | None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = list(dialog_stylesheets())
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="import.cancel"),
        Binding("ctrl+s", "submit", "Import", id="import.submit"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box import-dialog"):
            yield Label("Import articles", classes="dialog-title")
            with TabbedContent(id="import-tabs"):
                with TabPane("Path", id="tab-path"):
                    yield Input(
                        placeholder="file or folder (.txt, .md, .html), or an http(s) URL",
                        suggester=PathSuggester(),
                        compact=True,
                        id="import-path",
                    )
                with TabPane("Paste text", id="tab-paste"):
                    yield TextArea(id="import-text", soft_wrap=True, show_line_numbers=False)
            yield Label(
                "Path: → completes. Paste: headline on the first line, then the body (or a "
                "whole page's HTML). ctrl+s imports.",
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import (ctrl+s)", variant="primary", id="import", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "import":
            self.action_submit()
        else:
            self.action_cancel()

    def action_submit(self) -> None:
        tabs = self.query_one("#import-tabs", TabbedContent)
        if tabs.active == "tab-paste":
            text = self.query_one("#import-text", TextArea).text
            if not text.strip():
                self.notify("Paste an article's text first.", severity="warning")
                return
            self.dismiss(ImportRequest(text=text))
            return
        value = self.query_one("#import-path", Input).value.strip()
        if not value:
            self.notify("Type a file or folder path, or a web address.", severity="warning")
            return
        scheme = value.split(":", 1)[0].lower() if "://" in value or ":" in value[:12] else ""
        if scheme in {"http", "https"}:
            self.dismiss(ImportRequest(url=value))
            return
        if scheme and not Path(value).expanduser().exists():
            self.notify(
                f"Only http and https addresses are fetched, not {scheme}:",
                severity="error",
                markup=False,
            )
            return
        path = Path(value).expanduser()
        if not path.exists():
            self.notify(f"No such file or folder: {path}", severity="error", markup=False)
            return
        self.dismiss(ImportRequest(path=path))

    def action_cancel(self) -> None:
        self.dismiss(None)
