"""The reader: a bare ``briefing`` opens it; ``briefing open ID`` opens it at one article;
``briefing desk [QUERY]`` opens it at the desk.

Textual is imported only here, inside the handlers, so other subcommands start without it.
"""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "open",
        help="open the reader at one article",
        description="Open the reader with the article ARTICLE_ID (see `briefing list`) open.",
    )
    parser.add_argument("article_id", type=int, metavar="ARTICLE_ID", help="the article's id")
    parser.set_defaults(handler=run)
    desk = subparsers.add_parser(
        "desk",
        help="open the reader at the desk (every development), optionally filtered",
        description="Open the reader at the desk: every development of the library, newest "
        "first, filtered by QUERY (the query language of `briefing developments --query`).",
    )
    desk.add_argument(
        "query", nargs="?", default="", metavar="QUERY", help="a query, e.g. 'actor:Japan'"
    )
    desk.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    query = getattr(args, "query", None)
    if query:
        from briefing.query import parse_query

        parse_query(query)  # a bad query is one line and exit 2, before the terminal changes
    from briefing.tui.app import create_app

    app = create_app(
        open_article=getattr(args, "article_id", None), desk_query=getattr(args, "query", None)
    )
    app.run()
    return int(app.return_code or 0)


DEFAULT_HANDLER = run
