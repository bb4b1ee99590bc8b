"""``briefing analyze PATH... [--json]``: run the pipeline on files and print the result.

A pure function of its input: it stores nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from briefing.errors import BriefingError
from briefing.textsafety import printable
from briefing.wording import plural


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyze article files and print actors, measures and facts (stores nothing)",
        description="Read, clean and analyze article files. With several paths and --json, "
        "prints one JSON object per line, in the order given.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article file (.txt or .md)")
    parser.add_argument("--json", action="store_true", help="print the analysis as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing.nlp import Analyzer
    from briefing.prepare import prepare_file

    articles = []
    failed = 0
    for path in args.paths:
        try:
            articles.append(prepare_file(path))
        except BriefingError as error:
            print(f"briefing: {error}", file=sys.stderr)
            failed += 1
    if articles:
        analyzer = Analyzer.load()
        for analysis in analyzer.analyze_many(articles):
            if args.json:
                sys.stdout.write(json.dumps(analysis.to_json(), ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(format_summary(analysis) + "\n")
            sys.stdout.flush()
    return 1 if failed else 0


def format_summary(analysis: Any) -> str:
    """A readable terminal summary: headline, actors, facts. Article text goes through
    ``printable``: an escape sequence in a headline must not reach the terminal."""
    lines = [printable(analysis.title)]
    if analysis.dek:
        lines.append(printable(analysis.dek))
    lines.append("")
    canon = sorted({printable(a.canonical) for a in analysis.actors})
    lines.append("Actors: " + (", ".join(canon) if canon else "none"))
    lines.append(f"Facts ({len(analysis.facts)}):")
    for fact in analysis.facts:
        parts = [fact.actor or "?", fact.measure.replace("_", " ")]
        if fact.target:
            parts.append(fact.target)
        line = "  - " + " — ".join(map(printable, parts)) + f" [{fact.status}]"
        if fact.quantity:
            line += f" ×{printable(fact.quantity)}"
        if fact.when:
            line += f" ({printable(fact.when)})"
        lines.append(line)
    if analysis.removed:
        lines.append(f"Removed {plural(len(analysis.removed), 'line')} of page chrome.")
    return "\n".join(lines)
