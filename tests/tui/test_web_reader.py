"""The reader's web imports against a real local HTTP server (127.0.0.1): a URL typed in the
import dialog, and R refreshing the feeds in the background with the feed's name as source."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from briefing.store import Library
from briefing.tui.app import create_app
from briefing.tui.dialogs.import_dialog import ImportDialog
from briefing.tui.screens.main import MainScreen
from tests.web_server import WebServer, article_page, serve

from .conftest import run_async

WIDE = (120, 40)

STORY = [
    "Japan said on Friday it would expel eight Russian diplomats over the invasion of "
    "Ukraine, the foreign ministry said in a statement.",
    "The diplomats must leave the country within days, officials said, as Tokyo joined other "
    "governments in measures against Moscow.",
    "Prime Minister Fumio Kishida also announced new sanctions against Russia, including a ban "
    "on imports of Russian coal.",
]


@pytest.fixture
def web() -> Iterator[WebServer]:
    yield from serve()


def feed_xml(web: WebServer, links: list[str]) -> str:
    items = "".join(
        f"<item><title>Story {n}</title><link>{link}</link><guid>g{n}</guid>"
        "<description>Short summary.</description></item>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>'
        f"<link>{web.url('/')}</link>{items}</channel></rss>"
    )


@pytest.mark.slow
@run_async
async def test_a_url_typed_in_the_import_dialog_is_fetched_and_stored(
    empty_library_dir: Path, web: WebServer
) -> None:
    url = web.page("/japan", article_page("Japan expels eight Russian diplomats", STORY))
    app = create_app(empty_library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        app.screen.query_one("#import-path", Input).value = url
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.article_list.row_count == 1
        assert screen.article is not None
        assert screen.article.title == "Japan expels eight Russian diplomats"
        assert screen.article.meta.url == url
    assert [r.path for r in web.requests] == ["/japan"]


@run_async
async def test_the_import_dialog_refuses_other_schemes(empty_library_dir: Path) -> None:
    app = create_app(empty_library_dir)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one("#import-path", Input).value = "javascript:alert(1)"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # refused, the dialog stays with what was typed
        assert "Only http and https" in " ".join(str(n.message) for n in app._notifications)


@pytest.mark.slow
@run_async
async def test_r_refreshes_the_feeds_in_the_background(
    empty_library_dir: Path, web: WebServer
) -> None:
    links = [
        web.page("/one", article_page("Japan expels eight Russian diplomats", STORY)),
        web.page(
            "/two",
            article_page(
                "Canada bans Russian oil imports",
                [
                    "Canada on Monday banned imports of Russian crude oil, Prime Minister "
                    "Justin Trudeau said, in a step against Moscow over the war in Ukraine.",
                    "The ban takes effect at once, the government said in a statement on its "
                    "website, and covers all Russian petroleum products.",
                ],
            ),
        ),
    ]
    feed_url = web.page("/feed.xml", feed_xml(web, links), content_type="application/rss+xml")
    with Library.open(empty_library_dir) as library:
        library.feeds.add(feed_url, "Local Wire", None, "2026-01-01T00:00:00Z")
    app = create_app(empty_library_dir)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("R")
        for _ in range(600):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if not screen.importing:
                break
        assert screen.article_list.row_count == 2
        bar = screen.import_runner.progress  # the status line's bar followed the entries
        assert bar.total == 2 and bar.progress == 2
        sources = {
            screen.article_list.summary_at(i).source  # type: ignore[union-attr]
            for i in range(2)
        }
        assert sources == {"Local Wire"}
        assert all(screen.article_list.summary_at(i).unread for i in range(2))  # type: ignore[union-attr]
        text = " ".join(str(n.message) for n in app._notifications)
        assert "Local Wire: 2 added" in text
