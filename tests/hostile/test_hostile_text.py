"""Article text that tries to be markup, terminal escapes, bidi tricks or actions: stored
unchanged, printed safely by every command, shown literally (and inert) in the reader, and
neutralised in the Markdown export."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from briefing.store import Library
from briefing.textsafety import printable

from .support import (
    HOSTILE_BODY,
    HOSTILE_TITLE,
    TERMINAL_CONTROL,
    assert_terminal_safe,
    briefing,
)

HOSTILE_FILE = "hostile text.txt"


def _hostile_id(library_dir: Path) -> int:
    with Library.open(library_dir, read_only=True) as library:
        return next(
            article.id for article in library.articles() if article.path.endswith(HOSTILE_FILE)
        )


def test_raw_text_is_stored_byte_for_byte(
    added_library: tuple[Path, subprocess.CompletedProcess[str]], corpus: dict[str, Path]
) -> None:
    library_dir, _ = added_library
    article_id = _hostile_id(library_dir)
    db = next(library_dir.glob("*.sqlite3"))
    with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as connection:
        (raw_text,) = connection.execute(
            "SELECT raw_text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
    assert raw_text.encode("utf-8") == corpus[HOSTILE_FILE].read_bytes()
    with Library.open(library_dir, read_only=True) as library:
        article = library.article(article_id)
    assert article.title == HOSTILE_TITLE.strip()
    for needle in ("[@click=app.quit]", "\x1b]52;c;", "\u202e", "\u200b", "W" * 10_000):
        assert needle in article.body


def test_analyze_json_keeps_the_text_and_its_offsets(
    analyze_run: subprocess.CompletedProcess[str], corpus: dict[str, Path]
) -> None:
    analyses = [json.loads(line) for line in analyze_run.stdout.splitlines()]
    analysis = next(item for item in analyses if item["path"] == str(corpus[HOSTILE_FILE]))
    assert analysis["body"] == HOSTILE_BODY
    assert analysis["title"] == HOSTILE_TITLE.strip()
    assert analysis["facts"], "the Japan expulsion and the EU sanctions are still found"
    for fact in analysis["facts"]:
        assert analysis["body"][fact["start"] : fact["end"]] == fact["sentence"]


def test_every_human_output_is_terminal_safe(
    added_library: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    library_dir, _ = added_library
    article_id = str(_hostile_id(library_dir))
    fact_id = None
    with Library.open(library_dir, read_only=True) as library:
        fact_id = library.facts(int(article_id))[0].id
    outputs = {
        "list": briefing(library_dir, "list"),
        "show": briefing(library_dir, "show", article_id),
        "facts": briefing(library_dir, "facts", article_id),
        "fact": briefing(library_dir, "fact", str(fact_id)),
        "search": briefing(library_dir, "list", "--search", "click"),
    }
    for command, done in outputs.items():
        assert done.returncode == 0, (command, done.stderr)
        assert_terminal_safe(done.stdout)
        assert_terminal_safe(done.stderr)
    assert printable(HOSTILE_TITLE.strip()) in outputs["list"].stdout
    assert "[@click=app.quit]quit[/]" in outputs["show"].stdout  # literal, not swallowed
    # JSON output is data for programs: the text comes back exactly, escapes included.
    shown = json.loads(briefing(library_dir, "show", article_id, "--json").stdout)[0]
    assert shown["body"] == HOSTILE_BODY


def test_a_hostile_note_and_correction_stay_data(
    added_library: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    library_dir, _ = added_library
    with Library.open(library_dir, read_only=True) as library:
        fact = library.facts(_hostile_id(library_dir))[0]
    note = "[red]note[/red] \x1b]0;title\x07 \x1b[2J"
    done = briefing(library_dir, "fact", str(fact.id), "--note", note, "--set", "target=\x1b[5mX")
    assert done.returncode == 0, done.stderr
    assert_terminal_safe(done.stdout)
    with Library.open(library_dir, read_only=True) as library:
        stored = library.fact(fact.id)
    assert stored.note == note and stored.target == "\x1b[5mX"


def _walk(tokens: list[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        found.extend(_walk(token.children or []))
    return found


def test_export_neutralises_markup_escapes_and_links(
    added_library: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    library_dir, _ = added_library
    target = tmp_path / "briefing.md"
    done = briefing(library_dir, "export", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert_terminal_safe(done.stdout)
    text = target.read_text(encoding="utf-8")
    assert not TERMINAL_CONTROL.search(text.replace("\n", "").replace("\t", ""))
    for invisible in ("\u202e", "\u202c"):
        assert invisible not in text
    tokens = _walk(
        MarkdownIt("commonmark")
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .enable("table")
        .parse(text)
    )
    kinds = {token.type for token in tokens}
    assert not kinds & {"html_block", "html_inline", "link_open", "image"}, kinds
    # The words are still there, as text.
    inline_text = " ".join(token.content for token in tokens if token.type == "text")
    assert "[@click=app.quit]" in inline_text or "Japan" in inline_text


def test_reader_shows_hostile_text_literally_and_stays_open(
    added_library: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    from briefing.tui.app import create_app
    from briefing.tui.screens.main import MainScreen
    from briefing.tui.widgets.article_view import ArticleView

    library_dir, _ = added_library
    article_id = _hostile_id(library_dir)

    async def run() -> tuple[list[str], list[str], bool]:
        app = create_app(library_dir, open_article=article_id)
        async with app.run_test(size=(120, 50)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MainScreen)
            view = screen.article_view
            strips = [view.render_line(y) for y in range(view.size.height)]
            lines = [strip.text for strip in strips]
            # Every segment of every rendered line: no escape reaches the terminal.
            segments = [segment.text for strip in strips for segment in strip]
            # Click across the text where the [@click=app.quit] words are drawn.
            for y in range(view.size.height):
                if "[@click=app.quit]" in lines[y]:
                    x = lines[y].index("[@click=app.quit]")
                    await pilot.click(ArticleView, offset=(x + 3, y))
                    await pilot.pause()
            for key in ("j", "enter", "down", "space"):
                await pilot.press(key)
            await pilot.pause()
            return lines, segments, app.is_running

    lines, segments, running = asyncio.run(run())
    assert running, "text in an article must never run an action"
    shown = " ".join(line.strip() for line in lines)
    for literal in ("[bold]loud[/bold]", "[link=file:///etc/passwd]", "[@click=app.quit]"):
        assert literal in shown, literal
    for segment in segments:
        assert not TERMINAL_CONTROL.search(segment), repr(segment)
        assert "\u202e" not in segment


def test_paths_the_user_gives_are_printed_safely(
    added_library: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    """An ESC in an output path (a script passing a hostile file name) is not echoed raw,
    neither in the success line nor in an error."""
    library_dir, _ = added_library
    written = briefing(library_dir, "export", "-o", str(tmp_path / "brief\x1b[31m.md"))
    assert written.returncode == 0, written.stderr
    missing = briefing(library_dir, "export", "-o", str(tmp_path / "no\x1b]0;x\x07dir" / "b.md"))
    assert missing.returncode == 1
    for done in (written, missing):
        assert_terminal_safe(done.stdout)
        assert_terminal_safe(done.stderr)
    assert (tmp_path / "brief\x1b[31m.md").exists()  # the file itself has the name asked for
