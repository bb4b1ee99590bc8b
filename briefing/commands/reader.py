"""The reader: a bare ``briefing`` opens it; ``briefing open ID`` opens it at one article.

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


def run(args: argparse.Namespace) -> int:
    from briefing.tui.app import create_app

    app = create_app(open_article=getattr(args, "article_id", None))
    app.run()
    return int(app.return_code or 0)


DEFAULT_HANDLER = run
