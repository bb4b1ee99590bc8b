"""``briefing developments`` and ``briefing actor``: the library's facts grouped into
developments (one measure as several articles report it), and one actor's dossier.

Both take the query language of :mod:`briefing.query`; ``--json`` is a stable interface (see
the README): arrays of objects with an ``id``, fields only ever added.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from briefing.commands.common import INFERRED_MARK, open_library, print_json
from briefing.errors import BriefingError
from briefing.textsafety import printable
from briefing.wording import plural

if TYPE_CHECKING:
    from briefing.store import Development, Dossier


def register(subparsers: Any) -> None:
    developments = subparsers.add_parser(
        "developments",
        help="the library's measures, each reported once with all its sources",
        description="List developments, newest first: facts from several articles that report "
        "the same measure (same actor, measure, compatible target, within 14 days) grouped "
        "with every source. --query selects (see the README: actor:, target:, measure:, "
        "status:, since:, until:, tag:, source:, pinned:, note:, article:, words).",
    )
    developments.add_argument("--query", "-q", metavar="QUERY", help="only these (see README)")
    developments.add_argument(
        "--hidden", action="store_true", help="include developments whose facts you all hid"
    )
    developments.add_argument("--json", action="store_true", help="print JSON (see README)")
    developments.set_defaults(handler=run_developments)

    actor = subparsers.add_parser(
        "actor",
        help="what one actor did and suffered: its measures taken and faced",
        description="The measures an actor took and the measures it faced, as developments in "
        "date order, with counts by type and status. NAME may be an alias (US, Washington).",
    )
    actor.add_argument("name", metavar="NAME", help="an actor's name or alias")
    actor.add_argument("--json", action="store_true", help="print JSON (see README)")
    actor.set_defaults(handler=run_actor)


def development_json(development: Development) -> dict[str, Any]:
    return {
        "id": development.id,
        "measure": development.measure,
        "actor": development.actor,
        "target": development.target,
        "target_stated": development.target_stated,
        "status": development.status,
        "first_reported": development.first_reported,
        "last_reported": development.last_reported,
        "pinned": development.pinned,
        "sources": [
            {
                "article_id": source.article_id,
                "fact_id": source.fact.id,
                "sentence": source.fact.sentence,
                "title": source.title,
                "source": source.source,
                "published": source.published,
            }
            for source in development.sources
        ],
    }


def dossier_json(dossier: Dossier) -> dict[str, Any]:
    return {
        "id": dossier.name,
        "name": dossier.name,
        "aliases": list(dossier.aliases),
        "took": [development_json(d) for d in dossier.took],
        "faced": [development_json(d) for d in dossier.faced],
    }


def development_lines(development: Development) -> list[str]:
    """Two or more lines: the claim, then each source."""
    first, last = development.first_reported, development.last_reported
    dates = "undated" if first is None else first if first == last else f"{first} → {last}"
    parts = [development.actor or "?", development.measure.replace("_", " ")]
    if development.target:
        parts.append(development.target)
    steps = " → ".join(status.replace("_", " ") for status, _ in development.steps)
    line = f"#{development.id:<6}{dates:<24}" + " — ".join(printable(p) for p in parts)
    if development.target and not development.target_stated:
        line += INFERRED_MARK
    line += f" [{steps or development.status}]"
    if development.pinned:
        line += " ★"
    lines = [line]
    for source in development.sources:
        origin = ", ".join(printable(p) for p in (source.source, source.published) if p)
        lines.append(
            f"        {printable(source.title)}"
            + (f" ({origin})" if origin else "")
            + f" — article {source.article_id}, fact {source.fact.id}"
        )
    return lines


def _counts(developments: Sequence[Development]) -> str:
    by_type = Counter(d.measure.replace("_", " ") for d in developments)
    by_status = Counter(d.status.replace("_", " ") for d in developments)
    kinds = ", ".join(f"{name} {count}" for name, count in sorted(by_type.items()))
    states = ", ".join(f"{name} {count}" for name, count in sorted(by_status.items()))
    return f"by type: {kinds}; by status: {states}"


def run_developments(args: argparse.Namespace) -> int:
    from briefing.query import parse_query

    query = parse_query(args.query or "")
    with open_library(write=False) as library:
        total = library.count_developments(query, include_hidden=args.hidden)
        found = library.developments(query, limit=total, include_hidden=args.hidden)
    if args.json:
        print_json(development_json(d) for d in found)
    else:
        for development in found:
            sys.stdout.write("\n".join(development_lines(development)) + "\n")
    if not found and not query.empty:
        print(f"briefing: no developments match {printable(args.query)}", file=sys.stderr)
        return 1
    return 0


def run_actor(args: argparse.Namespace) -> int:
    with open_library(write=False) as library:
        dossier = library.actor_dossier(args.name)
    if dossier is None:
        raise BriefingError(f"no measure taken or faced by {args.name!r} in the library")
    if args.json:
        print_json([dossier_json(dossier)])
        return 0
    print(printable(dossier.name))
    if dossier.aliases:
        print("Also: " + ", ".join(printable(a) for a in dossier.aliases))
    for label, group in (("Took", dossier.took), ("Faced", dossier.faced)):
        print()
        if not group:
            print(f"{label} no measures.")
            continue
        print(f"{label} {plural(len(group), 'measure')} ({_counts(group)}):")
        for development in group:
            print("\n".join("  " + line for line in development_lines(development)))
    return 0
