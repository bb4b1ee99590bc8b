"""The reader driven by real key presses (Textual's Pilot) against a real library on disk.

Each test checks what the store holds afterwards by opening the database again, the way the
next session would see it.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from rich.console import Console
from textual.strip import Strip

from briefing.errors import BriefingError
from briefing.store import Library
from briefing.tui.app import ReaderApp, create_app
from briefing.tui.dialogs.fact_form import FactForm
from briefing.tui.dialogs.help import HelpScreen, LegendScreen, bindings_table
from briefing.tui.dialogs.prompt import PromptDialog
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.facts_panel import FactsPanel

from .conftest import make_analysis, run_async

WIDE = (120, 40)


def main_screen(app: ReaderApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def stored_facts(data_dir: Path, **kwargs: bool) -> dict[str, object]:
    """The Japan article's facts by measure, as the database holds them now."""
    with Library.open(data_dir) as library:
        japan = library.summaries(search="Japan expels")[0]
        return {fact.measure: fact for fact in library.facts(japan.id, **kwargs)}


async def open_first_and_focus_facts(pilot: object, app: ReaderApp) -> None:
    await pilot.press("enter", "tab", "tab")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.focused, FactsPanel)


@run_async
async def test_pin_and_note_reach_the_database(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await open_first_and_focus_facts(pilot, app)
        await pilot.press("space")
        await pilot.pause()
        facts = stored_facts(library_dir)
        assert facts["expulsion"].pinned  # type: ignore[attr-defined]
        await pilot.press("j", "f")  # f pins too
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press(*"check the count", "enter")
        await pilot.pause()
        # Saved at once, while the app still runs: a crash now loses nothing.
        facts = stored_facts(library_dir)
        assert facts["sanctions"].pinned  # type: ignore[attr-defined]
        assert facts["sanctions"].note == "check the count"  # type: ignore[attr-defined]
        assert not facts["import_ban"].pinned  # type: ignore[attr-defined]
        await pilot.press("space")  # unpin
        await pilot.pause()
        assert not stored_facts(library_dir)["sanctions"].pinned  # type: ignore[attr-defined]


@run_async
async def test_selecting_a_fact_scrolls_to_its_sentence(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await open_first_and_focus_facts(pilot, app)
        view = main_screen(app).query_one(ArticleView)
        await pilot.press("G")  # the last fact: the EU import ban, far down the body
        await pilot.pause()
        fact = main_screen(app).facts_panel.current
        assert fact is not None and fact.measure == "import_ban"
        assert view.evidence == (fact.start, fact.end)
        line = view.line_of_offset(fact.start)
        assert view.scroll_y > 0
        assert view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height
        # The marked lines hold the fact's sentence, each with a marker in the gutter.
        shown = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
        marked = [text[2:].strip() for text in shown if text.startswith("▌ ")]
        assert "European Union agreed an import ban on Russian coal." in " ".join(marked)
        assert len(marked) <= 3


@run_async
async def test_search_narrows_the_list_and_escape_clears_it(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        articles = main_screen(app).query_one(ArticleList)
        assert articles.row_count == 3
        await pilot.press("slash", *"oligarch", "enter")
        await pilot.pause()
        assert articles.row_count == 1
        assert articles.current is not None
        assert articles.current.title == "Canada freezes assets of oligarchs"
        assert app.focused is articles
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).article is not None
        assert main_screen(app).article.title.startswith("Canada")  # type: ignore[union-attr]
        await pilot.press("escape")
        await pilot.pause()
        assert articles.row_count == 3


@run_async
async def test_hide_then_undo(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await open_first_and_focus_facts(pilot, app)
        panel = main_screen(app).facts_panel
        await pilot.press("d")
        await pilot.pause()
        assert [f.measure for f in panel.facts] == ["sanctions", "import_ban"]
        hidden = stored_facts(library_dir, include_hidden=True)
        assert hidden["expulsion"].hidden  # type: ignore[attr-defined]
        assert "expulsion" not in stored_facts(library_dir)
        await pilot.press("u")
        await pilot.pause()
        assert len(panel.facts) == 3
        assert not stored_facts(library_dir)["expulsion"].hidden  # type: ignore[attr-defined]


@run_async
async def test_edit_a_fact_in_the_form(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await open_first_and_focus_facts(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FactForm)
        await pilot.press("tab")  # actor -> target
        await pilot.press("ctrl+u", *"8 Russian envoys")
        await pilot.press("tab", *"8", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        fact = stored_facts(library_dir)["expulsion"]
        assert fact.target == "8 Russian envoys"  # type: ignore[attr-defined]
        assert fact.quantity == "8"  # type: ignore[attr-defined]
        assert fact.actor == "Japan"  # type: ignore[attr-defined]
        assert fact.edited  # type: ignore[attr-defined]


@run_async
async def test_add_a_fact_from_the_sentence_under_the_cursor(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter", "tab")
        view = main_screen(app).article_view
        body = main_screen(app).article.body  # type: ignore[union-attr]
        target = body.index("Prime Minister Fumio Kishida")
        while (view.current_offset() or 0) + 40 < target:
            await pilot.press("j")
        await pilot.pause()
        sentence = view.current_sentence()
        assert sentence is not None
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FactForm)
        await pilot.press("ctrl+u", *"Japan", "tab", *"Russia", "ctrl+s")
        await pilot.pause()
    with Library.open(library_dir) as library:
        added = [fact for fact in library.facts() if fact.origin == "user"]
    assert len(added) == 1
    assert (added[0].actor, added[0].target) == ("Japan", "Russia")
    assert added[0].sentence == body[sentence[0] : sentence[1]]
    assert (added[0].start, added[0].end) == sentence


@run_async
async def test_tags_next_previous_and_unread(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter", "t")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("end", *", coal", "enter")
        await pilot.pause()
        await pilot.press("tab", "tab", "n")  # n works from the facts panel too
        await pilot.pause()
        assert screen.article is not None and screen.article.title.startswith("Canada")
        await pilot.press("n")
        await pilot.pause()
        assert screen.article.title.startswith("Brazil")
        await pilot.press("p", "p")
        await pilot.pause()
        assert screen.article.title.startswith("Japan")
    with Library.open(library_dir) as library:
        summaries = {s.title.split()[0]: s for s in library.summaries()}
    assert summaries["Japan"].tags == ("coal", "russia")
    assert not summaries["Japan"].unread and not summaries["Brazil"].unread


@run_async
async def test_help_lists_every_binding(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        console = Console(width=200, record=True)
        console.print(bindings_table(help_screen.sections))
        shown = console.export_text()
        every = [
            binding
            for _, _, bindings in app.binding_sections(main_screen_of(app))
            for binding in bindings
        ]
        assert len(every) > 30
        for binding in every:
            assert binding.id and binding.description and binding.tooltip, binding
            # Help says what each key does in a sentence, not the footer's one-word label.
            assert binding.tooltip in shown
            assert len(binding.tooltip.split()) >= 2, binding
        # j and k scroll the help, as they scroll everything else.
        scroller = help_screen.query_one("#help")
        assert scroller.max_scroll_y > 0
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert scroller.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert scroller.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert scroller.scroll_y == scroller.max_scroll_y
        await pilot.press("escape", "l")
        await pilot.pause()
        assert isinstance(app.screen, LegendScreen)


@run_async
async def test_palette_names_keys_as_typed_and_does_not_list_itself(library_dir: Path) -> None:
    from briefing.tui.commands import ReaderCommands

    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        provider = ReaderCommands(app.screen)
        commands = {name: help_text for name, help_text, _ in provider.commands()}
        assert commands
        assert not any("question_mark" in text or "key: " in text for text in commands.values())
        assert not any(name.startswith("Commands") for name in commands)
        assert "key ?" in commands["Help (everywhere)"]
        assert commands["Pin (facts)"].startswith("Pin the fact")


@run_async
async def test_the_footer_fits_80_columns_in_every_pane(library_dir: Path) -> None:
    from textual.widgets._footer import FooterKey

    app = create_app(library_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in ([], ["enter"], ["tab"], ["F"]):
            if keys:
                await pilot.press(*keys)
            await pilot.pause()
            await pilot.pause()
            used = sum(key.outer_size.width for key in app.screen.query(FooterKey))
            assert 0 < used <= 80, (type(app.focused).__name__, used)


def main_screen_of(app: ReaderApp) -> MainScreen:
    return next(s for s in app.screen_stack if isinstance(s, MainScreen))


@run_async
async def test_command_palette_runs_reader_actions(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"legend")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LegendScreen)


@run_async
async def test_narrow_terminal_folds_the_facts_panel(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main_screen(app)
        facts_pane = screen.query_one("#facts-pane")
        await pilot.press("enter")
        await pilot.pause()
        assert not facts_pane.display
        await pilot.press("F")
        await pilot.pause()
        assert facts_pane.display and isinstance(app.focused, FactsPanel)
        await pilot.press("space")
        await pilot.pause()
        assert stored_facts(library_dir)["expulsion"].pinned  # type: ignore[attr-defined]
        await pilot.press("escape", "z")
        await pilot.pause()
        assert not screen.query_one("#list-pane").display
        assert isinstance(app.focused, ArticleView)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one("#list-pane").display


@run_async
async def test_too_small_terminal_says_so(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.query_one("#too-small").display
        assert not screen.query_one("#panes").display
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not screen.query_one("#too-small").display


@run_async
async def test_hostile_text_is_shown_literally(data_dir: Path) -> None:
    body = (
        "Officials wrote [bold red]ALERT[/bold red] and [link=https://evil.example]here[/link] "
        "and [@click=app.quit]quit[/]. A paste \x1b]52;c;SGVsbG8=\x07 then \x1b[2J cleared. "
        "Then \u202egnp.exe and a bell \x07."
    )
    with Library.open(data_dir) as library:
        analysis = make_analysis("[b]Markup[/b] \x1b[31mtitle", body, facts=())
        article_id, _ = library.add_analysis(analysis, body)
    app = create_app(data_dir, open_article=article_id)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        view = main_screen(app).article_view
        lines = [view.render_line(y).text for y in range(view.size.height)]
        listed = main_screen(app).article_list.render_line(0).text
        await pilot.click(ArticleView, offset=(10, 7))
        await pilot.pause()
        assert app.is_running  # the [@click=app.quit] is text, not an action
    shown = " ".join(line.strip() for line in lines)
    for literal in (
        "[bold red]ALERT[/bold red]",
        "[link=https://evil.example]",
        "[@click=app.quit]",
    ):
        assert literal in shown
    assert "[b]Markup[/b]" in shown and "[b]Markup[/b]" in listed
    assert "\x1b" not in shown + listed and "\x07" not in shown and "\u202e" not in shown
    assert "]52;c;SGVsbG8=" in shown  # the escape's payload is shown inert


@run_async
async def test_open_at_an_article_and_unknown_id(library_dir: Path) -> None:
    with Library.open(library_dir) as library:
        canada = library.summaries(search="Canada")[0].id
    app = create_app(library_dir, open_article=canada)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.article is not None and screen.article.id == canada
        assert screen.article_list.current is not None
        assert screen.article_list.current.id == canada
    with pytest.raises(BriefingError):
        create_app(library_dir, open_article=canada + 1000)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
@run_async
async def test_unwritable_library_opens_read_only(library_dir: Path) -> None:
    db = next(library_dir.glob("*.sqlite3"))
    db.chmod(0o444)
    library_dir.chmod(0o555)
    try:
        app = create_app(library_dir)
        async with app.run_test(size=WIDE) as pilot:
            await open_first_and_focus_facts(pilot, app)
            assert app.library.read_only
            assert "read-only" in main_screen(app).sub_title
            await pilot.press("space")  # refused with a notice, no traceback
            await pilot.pause()
            assert app.is_running
    finally:
        library_dir.chmod(0o755)
        db.chmod(0o644)
    assert not stored_facts(library_dir)["expulsion"].pinned  # type: ignore[attr-defined]


@run_async
async def test_theme_choice_is_remembered(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    again = create_app(library_dir)
    async with again.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


@run_async
async def test_article_list_loads_lazily(data_dir: Path) -> None:
    count = 1200
    with Library.open(data_dir) as library:
        for number in range(count):
            analysis = make_analysis(
                f"Article {number:05d}",
                f"Body of article {number}. " + "Words. " * 5,
                published=f"20{10 + number // 365:02d}-01-01",
            )
            library.add_analysis(analysis, analysis.body)
    app = create_app(data_dir)
    async with app.run_test(size=WIDE) as pilot:
        articles = main_screen(app).article_list
        await pilot.pause()
        assert articles.row_count == count
        assert len(articles._pages) == 1  # only the first page was read
        await pilot.press("G")
        await pilot.pause()
        assert articles.cursor == count - 1
        assert len(articles._pages) <= 3
        last = articles.current
        assert last is not None and last.published == "2010-01-01"
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).article is not None
        assert main_screen(app).article.id == last.id  # type: ignore[union-attr]
        await pilot.press("g")
        await pilot.pause()
        assert articles.cursor == 0


def screen_lines(app: ReaderApp) -> list[str]:
    """The screen as the terminal holds it: every widget's cached lines, repainted only where
    a widget marked them dirty (so a row a move forgot to repaint shows its old state)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def list_rows(app: ReaderApp) -> list[str]:
    """The article list's headline rows on screen (the pane's width follows the terminal's)."""
    articles = main_screen(app).article_list
    top, height = articles.region.y, articles.region.height
    left, right = articles.region.x, articles.region.right
    first = top + round(articles.scroll_y) % 2  # the list may be scrolled by half a row
    return [line[left:right] for line in screen_lines(app)[first : top + height : 2]]


def numbered_library(data_dir: Path, count: int, title_width: int = 0) -> None:
    """``count`` articles listed newest first as "Article 0000", "Article 0001", ..."""
    with Library.open(data_dir) as library:
        for number in range(count):
            title = f"Article {number:04d} " + "long headline " * title_width
            analysis = make_analysis(
                title.strip(),
                f"Body of article {number}. Officials met.",
                published=(date(2030, 1, 1) - timedelta(days=number)).isoformat(),
            )
            library.add_analysis(analysis, analysis.body)


@run_async
async def test_moving_repaints_every_row_that_changed(data_dir: Path) -> None:
    # Moves repaint only the rows they change (two or three), not the whole list: any row left
    # out would keep its old marker or cursor on screen.
    numbered_library(data_dir, 60)
    app = create_app(data_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        articles = main_screen(app).article_list
        await pilot.press("j", "j", "enter")  # open the third article from the list
        await pilot.pause()
        await pilot.press("n", "n")  # and step twice from it
        await pilot.pause()
        rows = list_rows(app)
        assert main_screen(app).article.title == "Article 0004"  # type: ignore[union-attr]
        opened = [row for row in rows if row.startswith("▸")]
        assert len(opened) == 1 and "Article 0004" in opened[0]
        assert all("Article 0002" not in row or row.startswith("  ") for row in rows)
        # Far enough down that the list scrolls, then back up with the cursor alone.
        visible = articles.region.height // 2
        await pilot.press(*["n"] * visible)
        await pilot.pause()
        rows = list_rows(app)
        assert articles.scroll_y > 0
        opened = [row for row in rows if row.startswith("▸")]
        assert len(opened) == 1 and f"Article {4 + visible:04d}" in opened[0]
        articles.focus()
        await pilot.press("k", "k")  # the list's cursor alone moves
        await pilot.pause()
        assert articles.cursor == 2 + visible
        cursor = articles.get_component_rich_style("article-list--cursor").bgcolor
        top = articles.region.y + (articles.cursor * 2 - round(articles.scroll_y))
        strips = app.screen._compositor.render_strips()

        def has_cursor(strip: Strip) -> bool:
            return any(segment.style and segment.style.bgcolor == cursor for segment in strip)

        assert f"Article {2 + visible:04d}" in strips[top].text and has_cursor(strips[top])
        assert not has_cursor(strips[top + 4])  # the row the cursor left
        # Opening the row under the cursor takes the marker off the row opened before.
        await pilot.press("enter")
        await pilot.pause()
        opened = [row for row in list_rows(app) if row.startswith("▸")]
        assert len(opened) == 1 and f"Article {2 + visible:04d}" in opened[0]


@run_async
async def test_title_shows_the_list_position(data_dir: Path) -> None:
    numbered_library(data_dir, 1200)
    app = create_app(data_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert "1 of 1,200" in screen_lines(app)[0]
        await pilot.press("G")
        await pilot.pause()
        assert "1,200 of 1,200" in screen_lines(app)[0]
        await pilot.press("enter")
        await pilot.pause()
        assert screen.sub_title == "1,200 of 1,200 · 0 facts"
        await pilot.press("slash", *"0042", "enter")
        await pilot.pause()
        assert screen.article_list.row_count == 1
        assert "1 of 1 matching" in screen_lines(app)[0]


@run_async
async def test_long_headlines_end_in_an_ellipsis_on_screen(data_dir: Path) -> None:
    # The list has more rows than the screen: nothing may take the rows' last column (the
    # ellipsis of a cut headline), and nothing scrolls sideways.
    numbered_library(data_dir, 60, title_width=5)
    app = create_app(data_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        articles = main_screen(app).article_list
        assert articles.max_scroll_y > 0 and articles.max_scroll_x == 0
        assert not articles.show_horizontal_scrollbar
        for row in list_rows(app):
            assert row.rstrip().endswith("…"), row


@run_async
async def test_space_scrolls_b_shows_chrome_and_shift_tab_cycles(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = main_screen(app)
        view = screen.article_view
        assert view.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_y > 0
        assert isinstance(app.focused, ArticleList)  # scrolling moved no focus or cursor
        assert screen.article_list.cursor == 0

        def shown() -> str:
            return "\n".join(view.render_line(y).text for y in range(view.size.height))

        view.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert "Sign up for our newsletter" not in shown()
        await pilot.press("b")
        view.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert "Sign up for our newsletter" in shown()
        await pilot.press("shift+tab")
        assert isinstance(app.focused, FactsPanel)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleView)
