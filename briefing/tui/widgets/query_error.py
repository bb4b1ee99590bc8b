"""The line under a query box that says why a query cannot be read (hidden when it can)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from briefing.query import Query, check_query


class QueryErrorLine(Static):
    DEFAULT_CSS = """
    QueryErrorLine {
        display: none;
        height: auto;
        max-height: 4;
        padding: 0 1;
        color: $text-error;
        background: $error-muted;
    }
    QueryErrorLine.-error {
        display: block;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.message: str | None = None

    def show_error(self, message: str | None) -> None:
        """Show ``message`` (plain text, never markup), or hide the line for None."""
        self.message = message
        self.update(Text(message or ""))
        self.set_class(message is not None, "-error")

    def check(self, text: str) -> Query | None:
        """Read a query box's text (the query language of :mod:`briefing.query`): the query,
        or None with the reason shown on this line."""
        parsed = check_query(text)
        if isinstance(parsed, str):
            self.show_error(parsed)
            return None
        self.show_error(None)
        return parsed
