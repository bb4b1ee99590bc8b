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
from textual.color import Color, ColorParseError

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
# light, stays legible. Each actor kind has its own attributes (people bold italic, groups
# italic, countries and organizations bold); organizations, bold like countries and like the
# headline, take the first candidate colour unlike both (accent and warning are one orange in
# textual-dark, and pastel themes have near twins).
_ACTOR_STYLES: dict[str, tuple[tuple[str, ...], bool, bool]] = {
    # kind: (candidate variables, bold, italic)
    "person": (("text-accent",), True, True),
    "country": (("text-success",), True, False),
    "organization": (("text-warning", "text-error", "text-secondary", "text-accent"), True, False),
    "group": (("text-secondary",), False, True),
}
HEADLINE_COLOUR = "text-primary"
DISTINCT = 45  # colours closer than this (RGB distance) are too alike to tell kinds apart
_FAMILY_BACKGROUNDS = {
    "economic": "error-muted",
    "trade": "warning-muted",
    "diplomatic": "primary-muted",
}
EVIDENCE_TINT = 0.2  # how much of the accent colour the marked lines' background takes
READABLE = 4.5  # WCAG AA contrast for text
MUTED = 3.0  # and the floor for secondary lines (source and date)
STRONG_ALPHA = 0.87  # Textual's $text: "auto 87%"
MUTED_ALPHA = 0.7  # the header's source line: the foreground this much over the background
BLACK = Color(0, 0, 0)


def theme_colour(variables: Mapping[str, str], name: str, over: Color) -> Color | None:
    """A theme variable as the colour it shows over ``over``, or None if it shows nothing.

    Theme values carry an alpha channel (``#FFFFFF0A``, ``$foreground 60%``, ``auto 87%``):
    cutting them to ``#RRGGBB`` turns a faint tint into solid white or black, so they are
    blended over the colour beneath, as Textual does for its own CSS.
    """
    value = variables.get(name, "").strip()
    if not value:
        return None
    first, _, rest = value.partition(" ")
    alpha = 1.0
    if rest.strip().endswith("%"):
        try:
            alpha = float(rest.strip()[:-1]) / 100
        except ValueError:
            return None
    try:
        colour = over.get_contrast_text(1.0) if first == "auto" else Color.parse(first)
    except ColorParseError:
        return None
    if colour.ansi is not None:
        # A terminal colour, unknown here: it cannot be blended, and shown solid a faint tint
        # would shout.
        return colour if alpha >= 1 else None
    colour = colour.multiply_alpha(alpha)
    return None if colour.a <= 0 else over + colour


def contrast_ratio(one: Color, other: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours, 1 to 21."""

    def luminance(colour: Color) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        red, green, blue = colour.rgb
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: Color, backgrounds: Sequence[Color], floor: float = READABLE) -> Color:
    """``colour``, moved toward black or white (whichever the backgrounds call for) until it
    reads at ``floor`` (4.5:1 unless told) on each of them. Some themes' highlight colours
    do not (textual-light's accent is 3.3:1 on its background); the hue stays."""
    if colour.ansi is not None or not backgrounds:
        return colour
    target = backgrounds[0].get_contrast_text(1.0)
    for step in range(11):
        moved = colour.blend(target, step / 10)
        if all(contrast_ratio(moved, b) >= floor for b in backgrounds):
            return moved
    return target


def _alike(one: Color, other: Color) -> bool:
    if one.ansi is not None or other.ansi is not None:
        return one.ansi == other.ansi
    squares = sum((a - b) ** 2 for a, b in zip(one.rgb, other.rgb, strict=True))
    return squares < DISTINCT * DISTINCT


def _actor_colours(
    variables: Mapping[str, str], background: Color, shown_on: Sequence[Color]
) -> dict[str, Color | None]:
    """Each actor kind's colour: its first candidate unlike the headline's and every kind's
    chosen before it; failing that, unlike those with the same attributes (which colour
    alone tells apart); failing that, its first candidate."""
    headline = theme_colour(variables, HEADLINE_COLOUR, background)
    if headline is not None:
        headline = readable(headline, [background])
    chosen: dict[str, Color | None] = {}

    def unlike(colour: Color, others: Iterable[Color | None]) -> bool:
        return not any(other is not None and _alike(colour, other) for other in others)

    for kind, (candidates, bold, italic) in _ACTOR_STYLES.items():
        same = [chosen[k] for k in chosen if _ACTOR_STYLES[k][1:] == (bold, italic)]
        if bold and not italic:
            same.append(headline)
        everyone = [headline, *chosen.values()]
        found = [
            readable(c, shown_on)
            for name in candidates
            if (c := theme_colour(variables, name, background))
        ]
        chosen[kind] = next(
            (c for c in found if unlike(c, everyone)),
            next((c for c in found if unlike(c, same)), found[0] if found else None),
        )
    return chosen


def _rich(colour: Color | None) -> str | None:
    return None if colour is None else colour.rich_color.name


@dataclass(frozen=True, slots=True)
class Palette:
    """Styles for one theme. Colour is never the only cue: actors are bold or italic,
    measures underlined, search words reversed, marked lines have a gutter marker, so the
    highlights read the same with NO_COLOR."""

    actors: Mapping[str, Style]
    families: Mapping[str, Style]
    evidence: Style
    removed: Style
    headline: Style
    dek: Style
    meta: Style
    search: Style

    @classmethod
    def from_variables(cls, variables: Mapping[str, str]) -> Palette:
        raw_background = variables.get("background", "")
        ansi = raw_background.startswith("ansi_")
        background = theme_colour(variables, "background", BLACK) or BLACK

        def colour(name: str, over: Color = background) -> str | None:
            return _rich(theme_colour(variables, name, over))

        accent = theme_colour(variables, "accent", background) or background
        tinted = background.blend(accent, EVIDENCE_TINT)  # the marked lines' background
        actor_colours = _actor_colours(variables, background, [background, tinted])
        actors = {
            kind: Style(
                bold=_ACTOR_STYLES[kind][1],
                italic=_ACTOR_STYLES[kind][2],
                color=_rich(actor_colours[kind]),
            )
            for kind in ACTOR_KINDS
        }
        families = {
            family: Style(underline=True, bgcolor=colour(_FAMILY_BACKGROUNDS[family]))
            for family in FAMILY_NAMES
        }
        if ansi:
            # The terminal's own colours, unknown here: reverse video reads in any of them.
            evidence = Style(color="default", bgcolor="default", reverse=True)
            meta = Style(dim=True)
        else:
            # The marked lines: a tint of the accent, text in the theme's strong text colour
            # (Textual's $text); highlights keep their own colours on it (see ArticleView).
            foreground = theme_colour(variables, "foreground", background)
            strong = tinted + tinted.get_contrast_text(STRONG_ALPHA)
            evidence = Style(color=_rich(strong), bgcolor=_rich(tinted))
            muted = (
                None
                if foreground is None
                else readable(background.blend(foreground, MUTED_ALPHA), [background], MUTED)
            )
            meta = Style(color=_rich(muted))
        headline = theme_colour(variables, HEADLINE_COLOUR, background)
        return cls(
            actors=actors,
            families=families,
            evidence=evidence,
            removed=Style(dim=True, strike=False, italic=True),
            headline=Style(bold=True, color=_rich(headline and readable(headline, [background]))),
            dek=Style(italic=True),
            meta=meta,
            search=Style(reverse=True),
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


_SEARCH_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_SEARCH_PUNCTUATION = "\"'*()^:+-"


def search_terms(words: Iterable[str]) -> tuple[str, ...]:
    """The words of a search box worth marking: quotes, prefix stars and brackets stripped,
    FTS operators (upper-case AND, OR, NOT, NEAR) dropped, each word once, longest first."""
    terms: dict[str, None] = {}
    for raw in words:
        for word in raw.split():
            if word in _SEARCH_OPERATORS:
                continue
            word = word.strip(_SEARCH_PUNCTUATION)
            if word:
                terms.setdefault(word.casefold(), None)
    return tuple(sorted(terms, key=len, reverse=True))


def mark_words(text: Text, terms: Sequence[str], style: Style) -> None:
    """Style every word of ``text`` that starts with one of ``terms`` (case-insensitive), as
    the full-text search matches prefixes. Only spans are added: the text stays as it is."""
    if not terms:
        return
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(term) for term in terms) + r")\w*", re.IGNORECASE
    )
    for match in pattern.finditer(text.plain):
        if match.end() > match.start():
            text.stylize(style, match.start(), match.end())


def date_label(published: str | None, imported_at: str) -> str:
    """An article's date; without one, say so and give the import date as what it is."""
    if published:
        return published
    return f"no date · imported {imported_at[:10]}" if imported_at else "no date"


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
