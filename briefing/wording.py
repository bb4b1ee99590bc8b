"""Counts in words, for every message and document: "1 article", "2 articles"."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` and the noun that agrees with it: ``plural(1, "fact") == "1 fact"``."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"
