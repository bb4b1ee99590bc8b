"""Colours in every built-in theme, measured on the screen the reader draws.

Each check reads the cells Textual's compositor renders (the app's own filters applied: ANSI
colours to true colour, NO_COLOR's monochrome) and computes WCAG contrast ratios between a
cell's text colour and its background: 4.5 for text to read, 3 for muted lines.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.terminal_theme import TerminalTheme
from textual.app import App
from textual.color import Color
from textual.filter import dim_color
from textual.strip import Strip
from textual.theme import BUILTIN_THEMES
from textual.widget import Widget

from briefing.model import ACTOR_KINDS
from briefing.store import Library
from briefing.tui.app import ReaderApp, create_app
from briefing.tui.rendering import DISTINCT, Palette
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView

from .conftest import make_analysis, run_async

THEMES = sorted(BUILTIN_THEMES)
BODY = 4.5  # WCAG AA for body text
MUTED = 3.0  # WCAG AA for large text, the floor for secondary lines


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class Cell:
    """A run of drawn text with the colours it shows in."""

    text: str
    fg: tuple[int, int, int]
    bg: tuple[int, int, int]
    bold: bool
    italic: bool

    @property
    def ratio(self) -> float:
        return contrast(self.fg, self.bg)


def cells(strip: Strip, terminal: TerminalTheme) -> Iterator[Cell]:
    """The drawn runs of a row. Terminal colours (ANSI themes draw with the terminal's own
    palette) are taken from ``terminal``, the palette the app assumes; dim text is blended
    toward its background as a terminal shows it."""
    for segment in strip:
        text, style, _ = segment
        if not text.strip() or style is None:
            continue
        assert style.color is not None and style.bgcolor is not None, segment
        fg_triplet = style.color.get_truecolor(terminal, foreground=True)
        bg_triplet = style.bgcolor.get_truecolor(terminal, foreground=False)
        if style.dim:
            fg_triplet = dim_color(
                RichColor.from_triplet(bg_triplet), RichColor.from_triplet(fg_triplet)
            ).get_truecolor()
        fg, bg = tuple(fg_triplet), tuple(bg_triplet)
        if style.reverse:
            fg, bg = bg, fg
        yield Cell(text, fg, bg, bool(style.bold), bool(style.italic))  # type: ignore[arg-type]


def screen_rows(app: App[None], widget: Widget) -> list[Strip]:
    """The widget's content rows as the screen shows them."""
    strips = app.screen._compositor.render_strips()
    region = widget.content_region
    return [
        Strip(list(Segment.simplify(strips[y].crop(region.x, region.right))))
        for y in range(region.y, region.bottom)
    ]


def row_text(strip: Strip) -> str:
    return "".join(segment.text for segment in strip)


async def show_theme(app: ReaderApp, pilot: object, theme: str) -> None:
    app.theme = theme
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def open_japan_with_marked_fact(app: ReaderApp, pilot: object) -> ArticleView:
    # Open the newest article, go to the facts, select the second (its sentence gets marked),
    # then back to the list, so neither the article's cursor line nor the facts hide anything.
    await pilot.press("enter", "tab", "tab", "j", "tab")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    view = app.screen.query_one(ArticleView)
    assert view.evidence is not None
    return view


def check_screen(app: ReaderApp, theme: str) -> list[str]:
    """Every contrast problem of the marked lines, the list and the headline, as messages."""
    problems: list[str] = []
    terminal = app.ansi_theme
    view = app.screen.query_one(ArticleView)
    articles = app.screen.query_one(ArticleList)
    rows = screen_rows(app, view)
    texts = [row_text(row) for row in rows]
    marked = [row for row, text in zip(rows, texts, strict=True) if text.startswith("▌ ")]
    plain = [row for row, text in zip(rows, texts, strict=True) if text.startswith("  ")]
    if not marked:
        problems.append(f"{theme}: no marked line on screen")
    plain_cell = next(cell for row in plain for cell in cells(row, terminal))
    for row in marked:
        for cell in list(cells(row, terminal))[1:]:  # after the gutter marker
            if cell.ratio < BODY:
                problems.append(f"{theme}: marked {cell.text!r} {cell.ratio:.2f}")
            if (cell.fg, cell.bg) == (plain_cell.fg, plain_cell.bg):
                problems.append(f"{theme}: marked line looks like the others ({cell.text!r})")
    headline = next(cells(rows[0], terminal))
    if headline.ratio < BODY:
        problems.append(f"{theme}: article headline {headline.ratio:.2f}")
    list_rows = screen_rows(app, articles)
    # Row pairs: headline, meta. Skip the cursor's (the list is focused) and the open one's.
    for top in range(0, articles.row_count * 2, 2):
        index = top // 2
        summary = articles.summary_at(index)
        if index == articles.cursor or (summary and summary.id == articles.open_id):
            continue
        head = [c for c in cells(list_rows[top], terminal) if c.text.strip() not in ("●", "▸")]
        meta = list(cells(list_rows[top + 1], terminal))
        for cell in meta:
            if cell.ratio < MUTED:
                problems.append(f"{theme}: list meta {cell.text!r} {cell.ratio:.2f}")
            if cell.ratio > head[0].ratio:
                problems.append(
                    f"{theme}: list meta {cell.ratio:.2f} louder than its headline "
                    f"{head[0].ratio:.2f}"
                )
        for cell in head:
            if cell.ratio < BODY:
                problems.append(f"{theme}: list headline {cell.text!r} {cell.ratio:.2f}")
    return problems


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
@run_async
async def test_marked_lines_list_and_headline_read_in_every_theme(
    library_dir: Path, no_color: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    app = create_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_japan_with_marked_fact(app, pilot)
        problems: list[str] = []
        for theme in THEMES:
            if no_color and BUILTIN_THEMES[theme].ansi:
                # Textual's NO_COLOR filter draws the ANSI themes black on black: under
                # NO_COLOR the reader does not offer them (test below).
                assert theme not in app.available_themes
                continue
            await show_theme(app, pilot, theme)
            problems += check_screen(app, theme)
        assert not problems, "\n".join(problems)


def test_actor_kinds_differ_from_each_other_and_from_the_headline() -> None:
    app: App[None] = App()
    for theme in THEMES:
        app.theme = theme
        palette = Palette.from_variables(app.get_css_variables())
        styles = {"headline": palette.headline, **palette.actors}
        looks = {}
        for name, style in styles.items():
            assert style.color is not None, (theme, name)
            looks[name] = (style.bold, style.italic, style.color)
        for one, other in itertools.combinations(ACTOR_KINDS, 2):
            (bold1, italic1, c1), (bold2, italic2, c2) = looks[one], looks[other]
            assert (bold1, italic1) != (bold2, italic2) or far_apart(c1, c2), (theme, one, other)
        # Organizations are bold like the headline: their colours must tell them apart.
        assert far_apart(looks["organization"][2], looks["headline"][2]), theme
        # Every actor colour reads on the page.
        background = Color.parse(app.get_css_variables()["background"])
        if background.ansi is None:
            for kind in ACTOR_KINDS:
                colour = looks[kind][2].triplet
                assert colour is not None
                assert contrast(tuple(colour), background.rgb) >= BODY, (theme, kind)


def far_apart(one: RichColor, other: RichColor) -> bool:
    if one.triplet is None or other.triplet is None:
        return one.number != other.number
    return sum((a - b) ** 2 for a, b in zip(one.triplet, other.triplet, strict=True)) >= (
        DISTINCT * DISTINCT
    )


@run_async
async def test_unread_marker_is_not_the_colour_of_people(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "tab")  # the list keeps unread rows below the cursor
        articles = app.screen.query_one(ArticleList)
        for theme in THEMES:
            await show_theme(app, pilot, theme)
            palette = Palette.from_variables(app.get_css_variables())
            rows = screen_rows(app, articles)
            markers = [
                segment.style
                for row in rows
                for segment in row
                if segment.text.strip() == "●" and segment.style is not None
            ]
            assert markers, theme
            person = palette.actors["person"].color
            assert person is not None
            for style in markers:
                assert style.color is not None
                assert style.color.get_truecolor(app.ansi_theme) != person.get_truecolor(
                    app.ansi_theme
                ), theme


@run_async
async def test_articles_without_a_date_say_so(data_dir: Path) -> None:
    undated = make_analysis("Undated statement on export controls", "Text. " * 20)
    undated = dataclasses.replace(undated, meta=dataclasses.replace(undated.meta, published=None))
    with Library.open(data_dir) as library:
        article_id, _ = library.add_analysis(undated, undated.body)
        imported = library.article(article_id).imported_at[:10]
    app = create_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        meta_row = row_text(screen_rows(app, articles)[1])
        assert "Wire · no date · imported " in meta_row  # the list's narrow pane may cut the rest
        assert imported not in row_text(screen_rows(app, articles)[0])
        header = [row_text(row) for row in screen_rows(app, view)[:3]]
        assert any(f"Wire · no date · imported {imported}" in line for line in header), header


@run_async
async def test_panes_grow_with_the_terminal(library_dir: Path) -> None:
    long_title = "Japan expels eight Russian diplomats"  # 36 characters: cut at 40 columns
    app = create_app(library_dir)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        articles = screen.query_one(ArticleList)
        view = screen.query_one(ArticleView)
        facts = screen.query_one("#facts-pane")
        assert articles.size.width >= 55 and facts.size.width >= 50
        assert long_title in row_text(screen_rows(app, articles)[0])
        assert view.text_width() >= 60
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert articles.size.width >= 30 and facts.size.width >= 28
        assert view.text_width() >= 40  # was 38 with fixed panes
        await pilot.resize_terminal(80, 24)  # the facts fold away; the list keeps its floor
        await pilot.pause()
        assert not facts.display and articles.size.width >= 28


class ViewApp(App[None]):
    def compose(self) -> Iterator[ArticleView]:
        yield ArticleView(id="article")


@run_async
async def test_article_view_highlights_search_words(data_dir: Path) -> None:
    body = "Japan imposed sanctions on [red]Russia[/red]. SANCTIONED firms and japanese banks."
    analysis = make_analysis("Words", body, actors=[("Japan", "Japan", "country")])
    with Library.open(data_dir) as library:
        article_id, _ = library.add_analysis(analysis, body)
        article = library.article(article_id)
    app = ViewApp()
    async with app.run_test(size=(100, 20)) as pilot:
        view = app.query_one(ArticleView)
        view.set_palette(Palette.from_variables(app.get_css_variables()))
        view.show_article(article)
        await pilot.pause()

        def reversed_words() -> list[str]:
            return [
                segment.text
                for row in screen_rows(app, view)
                for segment in row
                if segment.style is not None and segment.style.reverse
            ]

        assert reversed_words() == []
        view.highlight_words(["sanction*", "JAPAN", "[red]Russia", "AND"])
        await pilot.pause()
        assert reversed_words() == ["Japan", "sanctions", "[red]Russia", "SANCTIONED", "japanese"]
        assert "[red]Russia[/red]" in "".join(row_text(r) for r in screen_rows(app, view))
        view.highlight_words([])
        await pilot.pause()
        assert reversed_words() == []


def test_no_color_never_starts_in_an_ansi_theme(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A theme saved in settings.json from a colour session must not blank the screen of a
    NO_COLOR session."""
    (library_dir / "settings.json").write_text('{"theme": "ansi-dark"}', encoding="utf-8")
    monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(library_dir)
    try:
        assert app.theme != "ansi-dark"
        assert not any(theme.ansi for theme in app.available_themes.values())
    finally:
        app.library.close()
