"""Feeds from the command line: ``feed add/list/remove/import/export`` and ``refresh``.

(``briefing add URL`` is the ``add`` command: :mod:`briefing.importing` fetches URLs.)
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from briefing.commands.common import open_library, print_json
from briefing.errors import BriefingError
from briefing.textsafety import printable

if TYPE_CHECKING:
    from briefing.store.feeds import StoredFeed


def register(subparsers: Any) -> None:
    feed = subparsers.add_parser(
        "feed",
        help="manage feeds (RSS, Atom): add, list, remove, import, export",
        description="Subscribe to RSS and Atom feeds; `briefing refresh` fetches their new "
        "entries' full articles.",
    )
    actions = feed.add_subparsers(
        dest="feed_command",
        metavar="ACTION",
        required=True,
        help="add, list, remove, import (OPML) or export (OPML)",
    )
    add = actions.add_parser(
        "add", help="subscribe to a feed (a page URL finds its feed through its links)"
    )
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", metavar="NAME", help="the feed's name (default: its title)")
    add.set_defaults(handler=run_feed_add)
    listing = actions.add_parser("list", help="list the feeds")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_feed_list)
    remove = actions.add_parser("remove", help="unsubscribe (its articles stay)")
    remove.add_argument("id", type=int, metavar="ID")
    remove.set_defaults(handler=run_feed_remove)
    opml_in = actions.add_parser("import", help="subscribe to the feeds of an OPML file")
    opml_in.add_argument("file", metavar="FILE.opml")
    opml_in.set_defaults(handler=run_feed_import)
    opml_out = actions.add_parser("export", help="print the feeds as OPML")
    opml_out.set_defaults(handler=run_feed_export)

    refresh = subparsers.add_parser(
        "refresh",
        help="fetch the feeds' new entries, with their full articles",
        description="Fetch each feed (a conditional GET), then each new entry's page; analyse "
        "and store its article. An entry whose page cannot be fetched is stored from the "
        "feed's own text when it has some.",
    )
    refresh.add_argument("--feed", type=int, action="append", metavar="ID", help="only this feed")
    refresh.add_argument("--json", action="store_true", help="print the summary as JSON")
    refresh.set_defaults(handler=run_refresh)


def _feed_json(feed: StoredFeed) -> dict[str, Any]:
    return {
        "id": feed.id,
        "url": feed.url,
        "name": feed.name,
        "site_url": feed.site_url,
        "added_at": feed.added_at,
        "checked_at": feed.checked_at,
        "last_error": feed.last_error,
        "article_count": feed.article_count,
    }


def run_feed_add(args: argparse.Namespace) -> int:
    from briefing.fetching import Fetcher
    from briefing.webimport import subscribe

    with open_library(write=True) as library, Fetcher() as fetcher:
        feed = subscribe(library, fetcher, args.url, args.name)
    print(f"feed {feed.id}: {printable(feed.title)} ({printable(feed.url)})")
    return 0


def run_feed_list(args: argparse.Namespace) -> int:
    with open_library(write=False) as library:
        feeds = library.feeds.all()
    if args.json:
        print_json(_feed_json(feed) for feed in feeds)
        return 0
    if not feeds:
        print("no feeds yet: briefing feed add URL")
    for feed in feeds:
        status = f"  ! {printable(feed.last_error)}" if feed.last_error else ""
        print(
            f"{feed.id:>4}  {printable(feed.title)}  {printable(feed.url)}  "
            f"{feed.article_count} article(s){status}"
        )
    return 0


def run_feed_remove(args: argparse.Namespace) -> int:
    with open_library(write=True) as library:
        feed = library.feeds.remove(args.id)
    print(f"removed feed {feed.id}: {printable(feed.title)} (its articles stay)")
    return 0


def run_feed_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from briefing.feeds import parse_opml
    from briefing.fetching import FetchError, check_url
    from briefing.store.feeds import FeedExists
    from briefing.webimport import _now

    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        raise BriefingError(f"{printable(args.file)}: {error.strerror or error}") from None
    entries = parse_opml(data, printable(args.file))
    added = present = failed = 0
    with open_library(write=True) as library:
        for url, name in entries:
            try:
                feed = library.feeds.add(check_url(url), name, None, _now())
            except FeedExists:
                present += 1
                continue
            except FetchError as error:
                print(f"briefing: {printable(str(error))}", file=sys.stderr)
                failed += 1
                continue
            added += 1
            print(f"feed {feed.id}: {printable(feed.title)}")
    print(f"{added} added, {present} already present, {failed} failed")
    return 1 if failed else 0


def run_feed_export(args: argparse.Namespace) -> int:
    from briefing.feeds import export_opml

    with open_library(write=False) as library:
        feeds = library.feeds.all()
    sys.stdout.write(export_opml([(feed.url, feed.name, feed.site_url) for feed in feeds]))
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    from briefing.webimport import RefreshProgress, refresh

    tty = sys.stderr.isatty()

    def progress(step: RefreshProgress) -> None:
        if tty:
            sys.stderr.write(
                f"\r[{step.done}/{step.total}] +{step.added} {printable(step.feed)}"[:79]
            )
            sys.stderr.flush()

    with open_library(write=True) as library:
        if not library.feeds.all():
            raise BriefingError("no feeds yet: add one with `briefing feed add URL`")
        reports = refresh(library, feed_ids=args.feed, on_progress=progress)
    if tty:
        sys.stderr.write("\n")
    if args.json:
        print_json(r.to_json() for r in reports)
    else:
        for report in reports:
            line = (
                f"{printable(report.name)}: {len(report.added)} added, {report.present} already "
                f"present, {len(report.failed) + (1 if report.error else 0)} failed"
            )
            if report.not_modified:
                line += " (not modified)"
            print(line)
            for problem in ([report.error] if report.error else []) + report.failed:
                print(f"  {printable(problem)}")
    return 1 if any(report.error or report.failed for report in reports) else 0
