"""Article text to Rich ``Text``: safe for the terminal, highlighted with spans, wrapped by offset.

Article text is data. It is never parsed as markup: every renderable is ``Text(plain)`` with
styles applied to character ranges, so ``[bold]`` or ``[@click=app.quit]`` in a body shows as
written. Control characters (including ESC, which starts every terminal escape sequence) are
replaced one-for-one, so the analysis' character offsets stay valid on the display string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rich._wrap import divide_line
from rich.style import Style
from rich.text import Text

from briefing.model import ACTOR_KINDS, Actor, Measure

REPLACEMENT = "\ufffd"

# C0 and C1 controls except newline, DEL, and the Unicode bidi overrides/isolates (which
# could make a line read differently from what it holds). Tab and CR become spaces instead.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = str.maketrans({"\t": " ", "\r": " "})


def display_safe(text: str) -> str:
    """The string as it may be drawn: same length, no control characters."""
    return _UNSAFE.sub(REPLACEMENT, text.translate(_SPACES))


# Measures are grouped into families for colour: a reader scanning a page cares whether a
# measure hits money, goods or people/diplomacy more than about its exact type.
MEASURE_FAMILIES: dict[str, str] = {
    "sanctions": "economic",
    "asset_freeze": "economic",
    "financial_restriction": "economic",
    "aid_suspension": "economic",
    "import_ban": "trade",
    "export_control": "trade",
    "trade_restriction": "trade",
    "transport_ban": "trade",
    "expulsion": "diplomatic",
    "diplomatic_measure": "diplomatic",
    "travel_ban": "diplomatic",
}
FAMILY_NAMES: tuple[str, ...] = ("economic", "trade", "diplomatic")

# Theme variables each highlight takes its colour from. The ``text-*`` variables are Textual's
# contrast-adjusted foregrounds and ``*-muted`` its soft backgrounds, so every theme, dark or
# light, stays legible.
_ACTOR_COLOURS = {
    "person": "text-accent",
    "organization": "text-primary",
    "country": "text-success",
    "group": "text-secondary",
}
_FAMILY_BACKGROUNDS = {
    "economic": "error-muted",
    "trade": "warning-muted",
    "diplomatic": "primary-muted",
}


@dataclass(frozen=True, slots=True)
class Palette:
    """Styles for one theme. Colour is never the only cue: actors are bold (people also
    italic), measures underlined, so the highlights read the same with NO_COLOR."""

    actors: Mapping[str, Style]
    families: Mapping[str, Style]
    evidence: Style
    removed: Style
    headline: Style
    dek: Style
    meta: Style

    @classmethod
    def from_variables(cls, variables: Mapping[str, str]) -> Palette:
        def colour(name: str) -> str | None:
            value = variables.get(name, "")
            # Theme variables may be "auto 60%" and similar; only plain colours go to Rich.
            return value[:7] if value.startswith("#") else None

        actors = {
            kind: Style(bold=True, italic=kind == "person", color=colour(_ACTOR_COLOURS[kind]))
            for kind in ACTOR_KINDS
        }
        families = {
            family: Style(underline=True, bgcolor=colour(_FAMILY_BACKGROUNDS[family]))
            for family in FAMILY_NAMES
        }
        return cls(
            actors=actors,
            families=families,
            evidence=Style(bgcolor=colour("boost") or colour("surface-lighten-1")),
            removed=Style(dim=True, strike=False, italic=True),
            headline=Style(bold=True, color=colour("text-primary")),
            dek=Style(italic=True),
            meta=Style(dim=True),
        )


def highlighted_body(
    body: str, actors: Iterable[Actor], measures: Iterable[Measure], palette: Palette
) -> Text:
    """The body with measures and actors styled by range (measures first, actors on top)."""
    text = Text(display_safe(body), end="")
    length = len(body)
    for measure in measures:
        family = MEASURE_FAMILIES.get(measure.type, "diplomatic")
        if 0 <= measure.start < measure.end <= length:
            text.stylize(palette.families[family], measure.start, measure.end)
    for actor in actors:
        style = palette.actors.get(actor.kind, palette.actors["organization"])
        if 0 <= actor.start < actor.end <= length:
            text.stylize(style, actor.start, actor.end)
    return text


@dataclass(frozen=True, slots=True)
class WrappedLine:
    """One display line of a wrapped text and where it sits in the original string."""

    text: Text
    start: int
    end: int


def wrap_with_offsets(text: Text, width: int) -> list[WrappedLine]:
    """Wrap like Rich does, but keep each line's character offsets into ``text.plain``.

    Needed to scroll to a fact's sentence and to know which sentence is under the cursor. All
    cut points are found first and the text divided once: slicing a styled ``Text`` line by
    line costs a pass over its spans per line.
    """
    width = max(1, width)
    plain = text.plain
    cuts: list[int] = []
    starts: list[int] = []  # where each display line starts; blank lines start at their "\n"
    position = 0
    for paragraph in plain.split("\n"):
        if paragraph:
            line_starts = [position, *(position + cut for cut in divide_line(paragraph, width))]
        else:
            line_starts = [position]
        starts.extend(line_starts)
        cuts.extend(line_starts)
        position += len(paragraph)
        cuts.append(position)  # the newline (or the end) closes the paragraph's last line
        position += 1
    pieces = text.divide(sorted({cut for cut in cuts if 0 < cut < len(plain)}))
    by_start: dict[int, Text] = {}
    offset = 0
    for piece in pieces:
        by_start[offset] = piece
        offset += len(piece.plain)
    lines: list[WrappedLine] = []
    for start in starts:
        found = by_start.get(start)
        if found is None or found.plain.startswith("\n"):
            lines.append(WrappedLine(Text(""), start, start))
            continue
        end = start + len(found.plain)
        found.rstrip()
        lines.append(WrappedLine(found, start, end))
    return lines


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Rough sentence boundaries for the "current sentence" (no model at display time):
    ends at ., ! or ? followed by space, and at line breaks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(body):
        # Closing quotes/brackets belong to the sentence they close.
        end = match.start() + len(match.group().rstrip())
        if body[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if body[start:].strip():
        spans.append((start, len(body.rstrip())))
    return spans


def sentence_at(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The sentence containing ``offset``, or the next one after it."""
    for start, end in spans:
        if offset < end:
            return (start, end)
    return spans[-1] if spans else None
