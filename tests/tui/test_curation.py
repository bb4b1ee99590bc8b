"""Curating facts in the reader as a new user would (issue 14): the facts panel always has a
fact to act on, hidden facts come back from the panel, u undoes every kind of change for the
whole session, tags keep their words, and nothing that takes focus is out of sight."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from briefing.store import Library
from briefing.tui.app import ReaderApp, create_app
from briefing.tui.dialogs.fact_form import FactForm
from briefing.tui.dialogs.help import LegendScreen
from briefing.tui.dialogs.prompt import PromptDialog
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.facts_panel import FactsPanel

from .conftest import run_async

WIDE = (120, 40)
NARROW = (100, 30)


def main_screen(app: ReaderApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def facts_of(data_dir: Path, title_word: str) -> dict[str, object]:
    with Library.open(data_dir) as library:
        (summary,) = [s for s in library.summaries() if s.title.startswith(title_word)]
        return {fact.measure: fact for fact in library.facts(summary.id, include_hidden=True)}


def footer_keys(app: ReaderApp) -> dict[str, str]:
    return {key: active.binding.description for key, active in app.screen.active_bindings.items()}


@run_async
async def test_facts_panel_has_a_fact_highlighted_whenever_it_has_focus(
    library_dir: Path,
) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter", "tab", "tab")
        await pilot.pause()
        assert isinstance(app.focused, FactsPanel)
        assert screen.facts_panel.current is not None
        # Space acts at once: no j needed first.
        await pilot.press("space")
        await pilot.pause()
        first = screen.facts_panel.facts[0]
        assert facts_of(library_dir, "Japan")[first.measure].pinned  # type: ignore[attr-defined]
        # n and p keep a highlighted fact in the newly opened article.
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.focused, FactsPanel)
        assert screen.facts_panel.current is not None
        assert screen.facts_panel.current.article_id == screen.article.id  # type: ignore[union-attr]
        await pilot.press("p")
        await pilot.pause()
        assert screen.facts_panel.current is not None


@run_async
async def test_focus_takes_the_fact_under_the_articles_cursor(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter", "tab")
        await pilot.pause()
        facts = screen.facts_panel.facts
        assert len(facts) >= 2
        last = facts[-1]
        screen.article_view.cursor = screen.article_view.line_of_offset(last.start)
        await pilot.press("tab")
        await pilot.pause()
        assert screen.facts_panel.current == last


@run_async
async def test_footer_says_unpin_on_a_pinned_fact_and_restore_on_a_hidden_one(
    library_dir: Path,
) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter", "tab", "tab")
        await pilot.pause()
        assert footer_keys(app)["space"] == "Pin"
        await pilot.press("space")
        await pilot.pause()
        assert footer_keys(app)["space"] == "Unpin"
        assert footer_keys(app)["d"] == "Hide"


@run_async
async def test_hidden_facts_are_listed_and_restored_in_the_panel(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter", "tab", "tab")
        await pilot.pause()
        count = len(screen.facts_panel.facts)
        hidden = screen.facts_panel.current
        assert hidden is not None
        await pilot.press("d")
        await pilot.pause()
        assert len(screen.facts_panel.facts) == count - 1
        assert facts_of(library_dir, "Japan")[hidden.measure].hidden  # type: ignore[attr-defined]
        # Open another article and come back: the hidden fact is still reachable in the panel.
        await pilot.press("n", "p", "H")
        await pilot.pause()
        assert len(screen.facts_panel.facts) == count
        screen.facts_panel.highlight_fact(hidden.id)
        await pilot.pause()
        assert footer_keys(app)["d"] == "Restore"
        await pilot.press("d")
        await pilot.pause()
        assert not facts_of(library_dir, "Japan")[hidden.measure].hidden  # type: ignore[attr-defined]
        await pilot.press("H")
        await pilot.pause()
        assert len(screen.facts_panel.facts) == count


@run_async
async def test_undo_covers_pin_note_edit_and_hide_across_articles(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter", "tab", "tab")
        await pilot.pause()
        fact = screen.facts_panel.current
        assert fact is not None
        await pilot.press("space")  # pin
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press(*"check this", "enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FactForm)
        form = app.screen
        target = form.query_one("#field-target", Input)
        target.value = "the envoys"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("d")  # hide
        await pilot.pause()
        after = facts_of(library_dir, "Japan")[fact.measure]
        assert after.pinned and after.note == "check this"  # type: ignore[attr-defined]
        assert after.target == "the envoys" and after.hidden  # type: ignore[attr-defined]
        # Move on to other articles: the undo history stays.
        await pilot.press("n", "n")
        await pilot.pause()
        assert screen.article is not None and not screen.article.title.startswith("Japan")
        await pilot.press("u")  # un-hide, and back to the Japan article
        await pilot.pause()
        assert screen.article.title.startswith("Japan")
        assert not facts_of(library_dir, "Japan")[fact.measure].hidden  # type: ignore[attr-defined]
        await pilot.press("u")  # the correction
        await pilot.pause()
        restored = facts_of(library_dir, "Japan")[fact.measure]
        assert restored.target == fact.target and not restored.edited  # type: ignore[attr-defined]
        await pilot.press("u", "u")  # the note, the pin
        await pilot.pause()
        restored = facts_of(library_dir, "Japan")[fact.measure]
        assert not restored.pinned and restored.note is None  # type: ignore[attr-defined]
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo" in " ".join(str(n.message) for n in app._notifications)


@run_async
async def test_tags_dialog_keeps_multi_word_tags_and_lower_cases_capitals(
    library_dir: Path,
) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter", "t")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("ctrl+u", *"Saudi Arabia, RUSSIA", "enter")
        await pilot.pause()
        await pilot.press("t")  # confirmed unchanged: nothing splits, nothing is lost
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    with Library.open(library_dir) as library:
        (japan,) = [s for s in library.summaries() if s.title.startswith("Japan")]
    assert japan.tags == ("russia", "saudi arabia")


@run_async
async def test_whatever_takes_focus_is_visible_in_a_narrow_terminal(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=NARROW) as pilot:
        screen = main_screen(app)
        await pilot.press("enter", "F")
        await pilot.pause()
        assert screen.query_one("#facts-pane").display
        assert not screen.query_one("#list-pane").display
        await pilot.press("slash")
        await pilot.pause()
        search = screen.query_one("#filter", Input)
        assert app.focused is search
        assert search.region.width > 0 and screen.query_one("#list-pane").display
        await pilot.press(*"coal", "enter")
        await pilot.pause()
        assert isinstance(app.focused, ArticleList) and app.focused.region.width > 0
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.focused, FactsPanel) and app.focused.region.width > 0
        await pilot.press("z", "tab")  # zen, then another pane: zen gives way
        await pilot.pause()
        assert app.focused is not None and app.focused.region.width > 0


@run_async
async def test_add_fact_takes_a_sentence_in_sight_when_the_cursor_scrolled_away(
    library_dir: Path,
) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter", "tab")
        await pilot.pause()
        view = screen.article_view
        assert view.cursor == 0
        view.scroll_to(y=12, animate=False)  # as the mouse wheel does: the cursor stays behind
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FactForm)
        top = round(view.scroll_y)
        assert top <= view.cursor < top + view.scrollable_content_region.height
        offset = view.current_offset()
        assert offset is not None and offset >= view._lines[top].body_start


@run_async
async def test_search_words_are_marked_in_the_open_article(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("slash", *"coal", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.article is not None and "coal" in screen.article.body.lower()
        assert screen.article_view.search_words
        await pilot.press("slash", "ctrl+u", "enter")
        await pilot.pause()
        assert not screen.article_view.search_words


@run_async
async def test_fact_lines_wrap_under_their_indent_and_an_empty_panel_says_what_to_do(
    data_dir: Path,
) -> None:
    from .conftest import make_analysis

    body = "Japan imposed sanctions on a long list of Russian banks, insurers and shipping firms."
    with Library.open(data_dir) as library:
        library.add_analysis(
            make_analysis(
                "Japan",
                body,
                facts=[("sanctions", "Japan", "a long list of Russian banks, insurers", "Japan")],
                published="2024-05-01",
            ),
            body,
        )
        library.add_analysis(make_analysis("Quiet", "Nothing happened today."), "Quiet")
    app = create_app(data_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter")
        await pilot.pause()
        panel = screen.facts_panel
        lines = [panel.render_line(y).text for y in range(4)]
        assert lines[1].startswith("   Japan → a long")
        assert lines[2].startswith("   ") and lines[2].strip()  # the wrapped rest, indented
        await pilot.press("n")
        await pilot.pause()
        assert screen.article is not None and screen.article.title == "Quiet"
        shown = " ".join(panel.render_line(y).text for y in range(3))
        assert "No facts" in shown and "Press a" in shown


@run_async
async def test_keys_sent_in_one_burst_reach_the_pane_they_were_typed_for(
    library_dir: Path,
) -> None:
    """A terminal delivers fast typing (or a paste of keys) in one read: Tab, Tab, Space must
    pin a fact, not act on the panes Tab left."""
    from textual import events

    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter")
        await pilot.pause()
        for key, character in (("tab", "\t"), ("tab", "\t"), ("space", " ")):
            app.post_message(events.Key(key, character))  # queued together, no pause between
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, FactsPanel)
        first = screen.facts_panel.facts[0]
        assert facts_of(library_dir, "Japan")[first.measure].pinned  # type: ignore[attr-defined]


@run_async
async def test_search_typed_in_one_burst_lands_in_the_search_box(library_dir: Path) -> None:
    from textual import events

    app = create_app(library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        for key, character in (("slash", "/"), *((c, c) for c in "Fcoal")):
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one("#filter", Input).value == "Fcoal"
        assert not screen.has_class("-show-facts")


def panel_text(panel: FactsPanel) -> str:
    """The panel's lines as one string, wrapped lines joined with a space."""
    lines = (panel.render_line(y).text.strip() for y in range(panel.size.height))
    return " ".join(line for line in lines if line)


@run_async
async def test_a_target_inferred_from_the_story_is_marked_until_the_user_sets_it(
    uganda_dir: Path,
) -> None:
    app = create_app(uganda_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("enter", "tab", "tab")
        await pilot.pause()
        panel = screen.facts_panel
        assert isinstance(app.focused, FactsPanel)
        shown = panel_text(panel)
        assert "Netherlands → Uganda (inferred from the story)" in shown
        assert "Denmark → Uganda" in shown and shown.count("inferred") == 1
        # Quiet: the mark is dim italic, the names are not.
        segments = [s for y in range(panel.size.height) for s in panel.render_line(y)]
        marked = [s for s in segments if "inferred" in s.text]
        assert marked and all(s.style and s.style.dim and s.style.italic for s in marked)
        named = [s for s in segments if "Netherlands" in s.text]
        assert named and not any(s.style and s.style.dim for s in named)
        # The user sets the target: it is theirs, stated, and the mark goes.
        current = panel.current
        assert current is not None and current.actor == "Netherlands"
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FactForm)
        app.screen.query_one("#field-target", Input).value = "Ugandan government"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Netherlands → Ugandan government" in panel_text(panel)
        assert "inferred" not in panel_text(panel)
        with Library.open(uganda_dir, read_only=True) as library:
            assert library.fact(current.id).target_stated
        # Undone: the machine's inference again, marked again.
        await pilot.press("u")
        await pilot.pause()
        assert "Netherlands → Uganda (inferred from the story)" in panel_text(panel)
        with Library.open(uganda_dir, read_only=True) as library:
            assert not library.fact(current.id).target_stated
        # The legend says what the mark means.
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LegendScreen)
        legend = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "→ X (inferred)" in legend and "the sentence names no target" in legend
