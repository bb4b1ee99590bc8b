"""What the subcommands share: opening the library, printing JSON, the inferred-target mark."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.store import Library

# Printed after a target the evidence sentence does not state: the pipeline took the state the
# story is about ("The Netherlands suspended its aid" in a story about Uganda).
INFERRED_MARK = " (inferred from the story)"


def open_library(*, write: bool) -> Library:
    """The library; commands that only read fall back to read-only when it isn't writable."""
    from briefing.store import Library, LibraryNotWritable

    try:
        return Library.open()
    except LibraryNotWritable:
        if write:
            raise
        return Library.open(read_only=True)


def print_json(items: Iterable[Any]) -> None:
    """A JSON array on stdout, indented, non-ASCII kept, with a final newline."""
    json.dump(list(items), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
