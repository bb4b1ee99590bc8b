"""The library from the command line: ``add``, ``list``, ``show``, ``facts``, ``remove``,
``reanalyze``, ``tag``, ``fact`` and ``edit``.

``--json`` output is a stable interface (documented in the README, "Command-line use"): always
a list of objects, each with an ``id``; facts also carry their ``article_id``. Human output
passes all stored text through :func:`briefing.textsafety.printable`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import TYPE_CHECKING, Any, TextIO

from briefing.commands.common import INFERRED_MARK, open_library, print_json
from briefing.errors import BriefingError, InvalidValue
from briefing.textsafety import printable
from briefing.wording import plural

if TYPE_CHECKING:
    from briefing.importing import ImportProgress, ImportReport
    from briefing.store import ArticleSummary, StoredArticle, StoredFact


def register(subparsers: Any) -> None:
    add = subparsers.add_parser(
        "add",
        help="import article files or directories into the library",
        description="Import article files (.txt, .text, .md, .markdown) and directories "
        "(searched recursively) into the library, analysing them as they go. Articles already "
        "in the library are skipped. Interrupted? Run the same command again to continue.",
    )
    add.add_argument("paths", nargs="+", metavar="PATH", help="file or directory")
    add.add_argument(
        "-j", "--jobs", type=_positive, default=1, metavar="N", help="analyse in N processes"
    )
    add.set_defaults(handler=run_add)

    listing = subparsers.add_parser(
        "list",
        help="list the articles in the library",
        description="List the articles, newest first: dated articles by publication date, "
        "then the undated ones by import time. `*` marks unread. A --tag or --search that "
        "matches nothing says so on stderr and exits 1.",
    )
    listing.add_argument("--tag", metavar="TAG", help="only articles with this tag")
    listing.add_argument(
        "--search", metavar="QUERY", help="only articles whose text has these words"
    )
    listing.add_argument(
        "--query", "-q", metavar="QUERY", help="only articles this query selects (see README)"
    )
    listing.add_argument("--json", action="store_true", help="print JSON (see README)")
    listing.set_defaults(handler=run_list)

    show = subparsers.add_parser(
        "show",
        help="show articles with their facts",
        description="Print articles (headline, source, date, URL, tags, cleaned text) with "
        "their facts.",
    )
    show.add_argument("ids", nargs="+", type=int, metavar="ID", help="article id")
    show.add_argument("--json", action="store_true", help="print JSON (see README)")
    show.set_defaults(handler=run_show)

    facts = subparsers.add_parser(
        "facts",
        help="list facts, of one article or of all",
        description="List the facts of one article, or of the whole library, as corrected by "
        "you. Facts you hid are left out unless --hidden.",
    )
    facts.add_argument("id", nargs="?", type=int, metavar="ID", help="article id")
    facts.add_argument("--pinned", action="store_true", help="only pinned facts")
    facts.add_argument("--hidden", action="store_true", help="include facts you deleted")
    facts.add_argument(
        "--query", "-q", metavar="QUERY", help="only facts this query selects (see README)"
    )
    facts.add_argument("--json", action="store_true", help="print JSON (see README)")
    facts.set_defaults(handler=run_facts)

    remove = subparsers.add_parser(
        "remove",
        help="remove articles (and their facts)",
        description="Delete articles from the library with their facts, notes and tags.",
    )
    remove.add_argument("ids", nargs="+", type=int, metavar="ID", help="article id")
    remove.set_defaults(handler=run_remove)

    reanalyze = subparsers.add_parser(
        "reanalyze",
        help="analyse articles again with the current pipeline, keeping your work",
        description="Analyse stored articles again. Without IDs, every article analysed by an "
        "older pipeline version. Pinned, annotated, corrected, hidden and hand-added facts are "
        "kept.",
    )
    reanalyze.add_argument("ids", nargs="*", type=int, metavar="ID", help="article id")
    reanalyze.add_argument("--all", action="store_true", help="every article, even current ones")
    reanalyze.set_defaults(handler=run_reanalyze)

    tag = subparsers.add_parser(
        "tag",
        help="tag an article (or untag with --remove)",
        description="Add tags to an article, or remove them with --remove. Tags are lower-cased.",
    )
    tag.add_argument("id", type=int, metavar="ID", help="article id")
    tag.add_argument("tags", nargs="+", metavar="TAG", help="tag (several words: quote it)")
    tag.add_argument("--remove", action="store_true", help="remove these tags instead")
    tag.set_defaults(handler=run_tag)

    fact = subparsers.add_parser(
        "fact",
        help="pin, annotate, hide or correct a fact",
        description="Change a fact's state; with no option, print it.",
    )
    fact.add_argument("fact_id", type=int, metavar="FACT_ID", help="fact id")
    pin = fact.add_mutually_exclusive_group()
    pin.add_argument("--pin", dest="pinned", action="store_true", default=None, help="pin the fact")
    pin.add_argument("--unpin", dest="pinned", action="store_false", help="unpin the fact")
    fact.add_argument("--note", metavar="TEXT", help='set the note ("" removes it)')
    hide = fact.add_mutually_exclusive_group()
    hide.add_argument(
        "--hide", dest="hidden", action="store_true", default=None, help="hide (delete) the fact"
    )
    hide.add_argument("--unhide", dest="hidden", action="store_false", help="restore the fact")
    fact.add_argument(
        "--set",
        dest="corrections",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="correct a field (measure, actor, target, quantity, when, status); FIELD= clears it",
    )
    fact.add_argument(
        "--revert",
        action="append",
        default=[],
        metavar="FIELD",
        help="drop your correction of FIELD",
    )
    fact.add_argument("--json", action="store_true", help="print JSON (see README)")
    fact.set_defaults(handler=run_fact)

    edit = subparsers.add_parser(
        "edit",
        help="correct an article's title, source, publication date or URL",
        description="Correct an article's details: --set title=TEXT, source=TEXT, "
        "published=YYYY-MM-DD, url=https://...; FIELD= clears source, published or url. "
        "Without --set, prints the article's details. A re-analysis keeps what you set.",
    )
    edit.add_argument("id", type=int, metavar="ID", help="article id")
    edit.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="set a field (title, source, published, url); FIELD= clears it",
    )
    edit.add_argument("--json", action="store_true", help="print JSON (see README)")
    edit.set_defaults(handler=run_edit)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


# -- add ---------------------------------------------------------------------------------------


class _ProgressDisplay:
    """A one-line bar on a terminal, one plain line per file otherwise (both on stderr)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.last: ImportProgress | None = None

    def __call__(self, progress: ImportProgress) -> None:
        before = self.last
        self.last = progress
        if self.tty:
            self._bar(progress)
            return
        if progress.failed > (before.failed if before else 0):
            outcome = "failed"
        elif progress.skipped > (before.skipped if before else 0):
            outcome = "present"
        else:
            outcome = "added"
        path = printable(progress.current_path)
        self.stream.write(f"[{progress.done}/{progress.total}] {outcome}: {path}\n")
        self.stream.flush()

    def _bar(self, progress: ImportProgress) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        counts = f" {progress.done}/{progress.total}  +{progress.added} ={progress.skipped}"
        if progress.failed:
            counts += f" !{progress.failed}"
        bar_width = max(10, min(40, width - len(counts) - 4))
        filled = bar_width * progress.done // max(1, progress.total)
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}]{counts}"
        self.stream.write("\r" + line[: width - 1].ljust(width - 1))
        self.stream.flush()

    def finish(self) -> None:
        if self.tty and self.last is not None:
            self.stream.write("\n")
            self.stream.flush()


def run_add(args: argparse.Namespace) -> int:
    from briefing.importing import import_paths

    display = _ProgressDisplay(sys.stderr)
    with open_library(write=True) as library:
        try:
            report = import_paths(library, args.paths, jobs=args.jobs, on_progress=display)
        except KeyboardInterrupt:
            display.finish()
            last = display.last
            stored = last.added if last else 0
            were = "was" if stored == 1 else "were"
            print(
                f"briefing: interrupted; {plural(stored, 'article')} {were} added and kept. "
                "Run the same command again to continue.",
                file=sys.stderr,
            )
            return 130
    display.finish()
    if report.total == 0:
        raise BriefingError(
            "found no article files to import (briefing reads .txt, .text, .md, .markdown, "
            ".html, .htm, and http(s) URLs)"
        )
    print(_import_summary(report))
    return 1 if report.failed else 0


def _import_summary(report: ImportReport) -> str:
    lines = [
        f"Added {len(report.added)}, already present {len(report.present)}, "
        f"failed {len(report.failed)}."
    ]
    for failure in report.failed:
        lines.append(f"  failed: {printable(failure.path)}: {printable(failure.reason)}")
    for path in report.unsupported:
        lines.append(f"  skipped (not an article format): {printable(path)}")
    return "\n".join(lines)


# -- reading the library -------------------------------------------------------------------------


def summary_json(summary: ArticleSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "source": summary.source,
        "published": summary.published,
        "imported_at": summary.imported_at,
        "fact_count": summary.fact_count,
        "unread": summary.unread,
        "tags": list(summary.tags),
    }


def fact_json(fact: StoredFact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "article_id": fact.article_id,
        "measure": fact.measure,
        "actor": fact.actor,
        "target": fact.target,
        "target_stated": fact.target_stated,
        "quantity": fact.quantity,
        "when": fact.when,
        "status": fact.status,
        "sentence": fact.sentence,
        "start": fact.start,
        "end": fact.end,
        "pinned": fact.pinned,
        "note": fact.note,
        "hidden": fact.hidden,
        "origin": fact.origin,
        "corrected": list(fact.corrected),
        "created_at": fact.created_at,
    }


def article_json(article: StoredArticle) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "content_hash": article.content_hash,
        "title": article.title,
        "dek": article.dek,
        "source": article.meta.source,
        "published": article.meta.published,
        "url": article.meta.url,
        "imported_at": article.imported_at,
        "unread": article.unread,
        "tags": list(article.tags),
        "pipeline_version": article.pipeline_version,
        "body": article.body,
        "removed": list(article.removed),
        "actors": [a.to_json() for a in article.actors],
        "measures": [m.to_json() for m in article.measures],
        "facts": [fact_json(fact) for fact in article.facts],
    }


def run_list(args: argparse.Namespace) -> int:
    from briefing.query import parse_query

    query = parse_query(args.query) if args.query is not None else None
    with open_library(write=False) as library:
        wanted = set(library.query_article_ids(query)) if query is not None else None
        total = library.count(tag=args.tag, search=args.search)
        summaries: list[ArticleSummary] = []
        page = 1000
        while len(summaries) < total:
            chunk = library.summaries(
                offset=len(summaries), limit=page, tag=args.tag, search=args.search
            )
            if not chunk:
                break
            summaries.extend(chunk)
    if wanted is not None:
        summaries = [summary for summary in summaries if summary.id in wanted]
    if args.json:
        print_json(summary_json(summary) for summary in summaries)
    else:
        for summary in summaries:
            sys.stdout.write(_summary_line(summary) + "\n")
    if not summaries and (
        args.tag is not None or args.search is not None or args.query is not None
    ):
        print(f"briefing: no articles match {_filter_words(args)}", file=sys.stderr)
        return 1
    return 0


def _filter_words(args: argparse.Namespace) -> str:
    words = []
    if args.tag is not None:
        words.append(f"tag “{printable(args.tag)}”")
    if args.search is not None:
        words.append(f"search “{printable(args.search)}”")
    if getattr(args, "query", None) is not None:
        words.append(f"query “{printable(args.query)}”")
    return " and ".join(words)


def _summary_line(summary: ArticleSummary) -> str:
    date = summary.published or f"({summary.imported_at[:10]})"
    mark = "*" if summary.unread else " "
    facts = "fact " if summary.fact_count == 1 else "facts"
    parts = [f"{summary.id:>5}{mark} {date:<12} {summary.fact_count:>3} {facts}  "]
    parts.append(printable(summary.title))
    if summary.source:
        parts.append(f" — {printable(summary.source)}")
    if summary.tags:
        parts.append("  [" + ", ".join(printable(tag) for tag in summary.tags) + "]")
    return "".join(parts)


def run_show(args: argparse.Namespace) -> int:
    with open_library(write=False) as library:
        articles = [library.article(article_id) for article_id in args.ids]
    if args.json:
        print_json(article_json(article) for article in articles)
        return 0
    for number, article in enumerate(articles):
        if number:
            sys.stdout.write("\n" + "=" * 40 + "\n\n")
        sys.stdout.write(_article_text(article) + "\n")
    return 0


def _article_text(article: StoredArticle) -> str:
    lines = [f"[{article.id}] {printable(article.title)}"]
    if article.dek:
        lines.append(printable(article.dek))
    meta = [
        printable(value)
        for value in (article.meta.source, article.meta.published, article.meta.url)
        if value
    ]
    meta.append(f"imported {article.imported_at}")
    lines.append(" · ".join(meta))
    if article.tags:
        lines.append("Tags: " + ", ".join(printable(tag) for tag in article.tags))
    lines.append("")
    lines.append(printable(article.body, keep_newlines=True))
    visible = [fact for fact in article.facts if not fact.hidden]
    lines.append("")
    lines.append(f"Facts ({len(visible)}):")
    lines.extend(_fact_line(fact) for fact in visible)
    return "\n".join(lines)


def _fact_line(fact: StoredFact) -> str:
    parts = [fact.actor or "?", fact.measure.replace("_", " ")]
    if fact.target:
        parts.append(fact.target)
    line = " — ".join(printable(part) for part in parts)
    if fact.target and not fact.target_stated:
        line += INFERRED_MARK
    line += f" [{fact.status}]"
    if fact.quantity:
        line += f" ×{printable(fact.quantity)}"
    if fact.when:
        line += f" ({printable(fact.when)})"
    flags = "".join(
        flag for flag, on in (("P", fact.pinned), ("H", fact.hidden), ("E", fact.edited)) if on
    )
    if fact.origin == "user":
        flags += "U"
    line = f"  #{fact.id:<6}{flags:<4}{line}"
    if fact.note:
        line += f"\n           note: {printable(fact.note)}"
    return line


def run_facts(args: argparse.Namespace) -> int:
    from briefing.query import parse_query

    query = parse_query(args.query) if args.query is not None else None
    with open_library(write=False) as library:
        if query is None:
            facts = library.facts(args.id, pinned_only=args.pinned, include_hidden=args.hidden)
        else:
            if args.id is not None:
                library.article(args.id)  # an unknown id is an error, not no match
            facts = [
                fact
                for fact in library.query_facts(query, include_hidden=args.hidden)
                if (args.id is None or fact.article_id == args.id)
                and (fact.pinned or not args.pinned)
            ]
    if args.json:
        print_json(fact_json(fact) for fact in facts)
        return 0
    for fact in facts:
        sys.stdout.write(f"{fact.article_id:>5} {_fact_line(fact)}\n")
    return 0


# -- changing the library ----------------------------------------------------------------------


def run_remove(args: argparse.Namespace) -> int:
    with open_library(write=True) as library:
        for article_id in args.ids:
            title = library.article(article_id).title
            library.remove(article_id)
            print(f"Removed article {article_id}: {printable(title)}")
    return 0


def run_reanalyze(args: argparse.Namespace) -> int:
    from briefing.importing import reanalyze
    from briefing.nlp import PIPELINE_VERSION

    with open_library(write=True) as library:
        if args.ids:
            ids = list(args.ids)
            for article_id in ids:
                library.article(article_id)  # unknown ids fail before any work is done
        elif args.all:
            ids = library.article_ids()
        else:
            ids = library.article_ids(not_pipeline_version=PIPELINE_VERSION)
        if not ids:
            print("Every article is already analysed by the current pipeline.")
            return 0
        display = _ProgressDisplay(sys.stderr)
        try:
            report = reanalyze(library, ids, on_progress=display)
        except KeyboardInterrupt:
            display.finish()
            done = display.last.added if display.last else 0
            were = "was" if done == 1 else "were"
            print(
                f"briefing: interrupted; {plural(done, 'article')} {were} re-analysed.",
                file=sys.stderr,
            )
            return 130
        display.finish()
    print(f"Re-analysed {len(report.added)}, failed {len(report.failed)}.")
    for failure in report.failed:
        print(f"  failed: {printable(failure.path)}: {printable(failure.reason)}")
    return 1 if report.failed else 0


def run_tag(args: argparse.Namespace) -> int:
    with open_library(write=True) as library:
        if args.remove:
            tags = library.remove_tags(args.id, args.tags)
        else:
            tags = library.add_tags(args.id, args.tags)
    shown = ", ".join(printable(tag) for tag in tags) if tags else "(none)"
    print(f"Article {args.id} tags: {shown}")
    return 0


def run_fact(args: argparse.Namespace) -> int:
    from briefing.store import UNSET

    corrections: dict[str, str | None] = {}
    for assignment in args.corrections:
        field, equals, value = assignment.partition("=")
        if not equals:
            raise BriefingError(f"--set wants FIELD=VALUE, not {assignment!r}")
        corrections[field.strip()] = value or None
    changing = (
        args.pinned is not None
        or args.hidden is not None
        or args.note is not None
        or corrections
        or args.revert
    )
    with open_library(write=bool(changing)) as library:
        if changing:
            fact = library.update_fact(
                args.fact_id,
                pinned=args.pinned,
                hidden=args.hidden,
                note=UNSET if args.note is None else args.note,
                corrections=corrections or None,
                revert=args.revert,
            )
        else:
            fact = library.fact(args.fact_id)
    if args.json:
        print_json([fact_json(fact)])
    else:
        print(f"{fact.article_id:>5} {_fact_line(fact)}")
    return 0


EDITABLE_FIELDS = ("title", "source", "published", "url")


def run_edit(args: argparse.Namespace) -> int:
    changes: dict[str, str | None] = {}
    for assignment in args.assignments:
        field, equals, value = assignment.partition("=")
        field = field.strip()
        if not equals:
            raise InvalidValue(f"--set wants FIELD=VALUE, not {assignment!r}")
        if field not in EDITABLE_FIELDS:
            raise InvalidValue(
                f"cannot edit {field!r}: the fields are {', '.join(EDITABLE_FIELDS)}"
            )
        changes[field] = value
    with open_library(write=bool(changes)) as library:
        if changes:
            article = library.update_article(args.id, **changes)  # type: ignore[arg-type]
        else:
            article = library.article(args.id)
    if args.json:
        print_json([article_json(article)])
        return 0
    print(f"[{article.id}] {printable(article.title)}")
    for label, value in (
        ("source", article.meta.source),
        ("published", article.meta.published),
        ("url", article.meta.url),
    ):
        print(f"  {label + ':':<11}{printable(value) if value else '(none)'}")
    return 0
