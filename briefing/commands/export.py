"""``briefing export``: write the Markdown briefing for a selection of the library.

Without ``-o`` (or with ``-o -``) the briefing goes to stdout; ``-o DIR`` writes
``briefing-YYYY-MM-DD-SELECTION.md`` inside DIR (``-2``, ``-3``... when taken). An existing file
is never replaced without ``--force``. A selection that matches nothing writes nothing: "no
articles match" on stderr, exit status 1.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError
from briefing.textsafety import printable

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(text: str) -> str:
    """An argparse type: a real calendar date written YYYY-MM-DD."""
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD")


def article_id(text: str) -> int:
    """An argparse type: a library id, as ``briefing list`` shows it."""
    if text.isdigit() and int(text) > 0:
        return int(text)
    raise argparse.ArgumentTypeError(f"{text!r} is not an article id (a positive whole number)")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a Markdown briefing of the library's articles and facts",
        description="Write a Markdown briefing (YAML front matter, bottom line, key "
        "developments, measures table, actors, sources) of the articles selected by the "
        "options (default: the whole library). Without -o, prints it.",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write: a file, a directory (for briefing-YYYY-MM-DD-SELECTION.md inside "
        "it) or - for stdout (the default)",
    )
    parser.add_argument(
        "--articles", nargs="+", type=article_id, metavar="ID", help="only these articles"
    )
    parser.add_argument("--tag", metavar="TAG", help="only articles with this tag")
    parser.add_argument(
        "--search", metavar="QUERY", help="only articles whose text has these words (as list)"
    )
    parser.add_argument(
        "--since", type=iso_date, metavar="DATE", help="only articles published on or after DATE"
    )
    parser.add_argument(
        "--until", type=iso_date, metavar="DATE", help="only articles published on or before DATE"
    )
    parser.add_argument(
        "--query",
        "-q",
        metavar="QUERY",
        help="only the facts (and their articles) this query selects: actor:, target:, "
        "measure:, status:, since:, until:, tag:, source:, pinned:, note:, article:, words "
        "(see README)",
    )
    parser.add_argument("--pinned-only", action="store_true", help="only pinned facts")
    parser.add_argument(
        "--include-hidden", action="store_true", help="include facts hidden in the reader"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument("--title", metavar="TITLE", help="the briefing's title")
    parser.set_defaults(handler=run)


def _selection_parts(
    ids: list[int] | None,
    tag: str | None,
    since: str | None,
    until: str | None,
    search: str | None,
    query: str | None,
) -> list[tuple[str, str]]:
    """The chosen parts of a selection as (label, value), in the order both forms name them."""
    parts = [("query", query)] if query else []
    if ids:
        parts.append(("article" if len(ids) == 1 else "articles", " ".join(map(str, ids))))
    chosen = (("tag", tag), ("search", search), ("since", since), ("until", until))
    return parts + [(label, value) for label, value in chosen if value]


def describe_selection(
    ids: list[int] | None,
    tag: str | None,
    since: str | None,
    until: str | None,
    search: str | None = None,
    query: str | None = None,
) -> str:
    """The selection in words, for the briefing's front matter and opening line."""
    words = []
    for label, value in _selection_parts(ids, tag, since, until, search, query):
        if label in ("query", "tag"):
            words.append(f"{label} “{value}”")
        elif label == "search":
            words.append(f"matching “{value}”")
        elif label.startswith("article"):
            words.append(f"{label} {value.replace(' ', ', ')}")
        else:
            words.append(f"{label} {value}")
    return "; ".join(words) if words else "all articles"


def selection_name(
    ids: list[int] | None,
    tag: str | None,
    since: str | None,
    until: str | None,
    search: str | None = None,
    query: str | None = None,
) -> str:
    """The selection in a few words for the default file name ("tag russia", "search oil")."""
    parts = _selection_parts(ids, tag, since, until, search, query)
    return " ".join(f"{label} {value}" for label, value in parts) or "all"


def generation_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError) as error:
            raise BriefingError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp") from error
    return datetime.now(UTC)


def run(args: argparse.Namespace) -> int:
    from briefing.export import (
        ExportOptions,
        ExportTargetExists,
        available_path,
        default_file_name,
        front_matter_fields,
        render_briefing,
        write_briefing,
    )
    from briefing.query import parse_query
    from briefing.store import Library, LibraryNotFound, StoredArticle
    from briefing.wording import plural

    if args.since and args.until and args.since > args.until:
        raise BriefingError(f"--since {args.since} is after --until {args.until}")
    query = parse_query(args.query) if args.query else None
    chosen = (args.articles, args.tag, args.since, args.until, args.search, args.query)
    selection = describe_selection(*chosen)
    articles: list[StoredArticle]
    developments: dict[int, int] = {}
    fact_ids: frozenset[int] | None = None
    try:
        with Library.open(read_only=True) as library:
            ids = args.articles
            if args.search is not None:
                total = library.count(search=args.search)
                found = [s.id for s in library.summaries(limit=total, search=args.search)]
                ids = found if ids is None else [i for i in ids if i in set(found)]
                if args.articles:
                    for article_id in args.articles:
                        library.article(article_id)  # an unknown id is an error, not no match
            if query is not None:
                matching = library.query_facts(query, include_hidden=args.include_hidden)
                fact_ids = frozenset(fact.id for fact in matching)
                selected = library.query_article_ids(query)
                ids = selected if ids is None else [i for i in ids if i in set(selected)]
            articles = library.articles(ids, tag=args.tag, since=args.since, until=args.until)
            developments = library.development_map()
    except LibraryNotFound:
        if args.articles:
            raise
        # No library yet selects nothing, like an empty one.
        articles = []
    if not articles and any(value for value in chosen):
        raise BriefingError(f"no articles match this selection ({selection})")
    generated_at = generation_time()
    options = ExportOptions(
        title=args.title,
        pinned_only=args.pinned_only,
        include_hidden=args.include_hidden,
        generated_at=generated_at,
        selection=selection,
        developments=developments,
        fact_ids=fact_ids,
    )
    text = render_briefing(articles, options=options)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    target = Path(args.output)
    if target.is_dir():
        name = default_file_name(generated_at, selection_name(*chosen))
        target = available_path(target, name)
    try:
        written = write_briefing(target, text, force=args.force)
    except ExportTargetExists as error:
        raise BriefingError(f"{error}; use --force to replace it") from error
    facts = int(front_matter_fields(text).get("fact_count", "0"))
    where = printable(str(written))
    print(
        f"Wrote a briefing of {plural(len(articles), 'article')} and {plural(facts, 'fact')}"
        f" to {where}"
    )
    return 0
