"""Regenerate docs/sample-briefing.md (``make sample-briefing``): the briefing exported from the
bundled sample articles, and its excerpt in the README. tests/test_export_sample.py fails while
either is stale.

The articles go through the real pipeline (read, clean, analyze, store) into a throwaway library;
the export uses a fixed ``generated_at`` and repository-relative paths, so the output depends only
on the code, the model and the sample articles.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.export import ExportOptions, render_briefing, write_briefing
from briefing.importing import import_paths
from briefing.store import Library

if TYPE_CHECKING:
    from briefing.nlp import Analyzer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = "sample_articles"
OUTPUT = ROOT / "docs" / "sample-briefing.md"
README = ROOT / "README.md"
EXCERPT_START = "<!-- sample-briefing excerpt: written by `make sample-briefing` -->"
EXCERPT_END = "<!-- end of sample-briefing excerpt -->"
EXCERPT_DEVELOPMENTS = 3  # key developments shown
EXCERPT_ROWS = 4  # measures table rows shown
GENERATED_AT = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def render_sample_briefing(analyzer: Analyzer | None = None) -> str:
    """The sample briefing as it should be checked in."""
    previous = Path.cwd()
    # Relative paths keep the checkout's location out of the Sources section.
    os.chdir(ROOT)
    try:
        with tempfile.TemporaryDirectory() as data_dir, Library.open(Path(data_dir)) as library:
            report = import_paths(library, [SAMPLES], analyzer=analyzer)
            if report.failed:
                failures = "; ".join(f"{f.path}: {f.reason}" for f in report.failed)
                raise SystemExit(f"sample articles failed to import: {failures}")
            articles = library.articles()
            developments = library.development_map()
    finally:
        os.chdir(previous)
    options = ExportOptions(
        title="Sample briefing: sanctions and expulsions in the bundled articles",
        generated_at=GENERATED_AT,
        selection="the bundled sample articles",
        developments=developments,
    )
    return render_briefing(articles, options=options)


def excerpt(briefing: str) -> list[str]:
    """The README's taste of a briefing: title, bottom line, the first key developments and the
    first rows of the measures table, as Markdown source."""
    lines = briefing.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("# "))
    measures = lines.index("## Measures")
    cut = next(
        (i for i in range(start, measures) if lines[i].startswith(f"{EXCERPT_DEVELOPMENTS + 1}. ")),
        measures,
    )
    shown = lines[start:cut]
    while shown and not shown[-1]:
        shown.pop()
    table = lines[measures : measures + 4 + EXCERPT_ROWS]
    return [*shown, "", "[…]", "", *table, "", "[…]"]


def readme_with_excerpt(readme: str, briefing: str) -> str:
    """``readme`` with the text between the excerpt markers replaced by the excerpt."""
    try:
        head, rest = readme.split(EXCERPT_START + "\n", 1)
        _, tail = rest.split(EXCERPT_END, 1)
    except ValueError:
        raise SystemExit(f"README.md lacks the markers {EXCERPT_START} ... {EXCERPT_END}") from None
    block = ["````markdown", *excerpt(briefing), "````", ""]
    return head + EXCERPT_START + "\n" + "\n".join(block) + EXCERPT_END + tail


def main() -> int:
    briefing = render_sample_briefing()
    write_briefing(OUTPUT, briefing, force=True)
    readme = README.read_text(encoding="utf-8")
    updated = readme_with_excerpt(readme, briefing)
    if updated != readme:
        README.write_text(updated, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} and its excerpt in {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
