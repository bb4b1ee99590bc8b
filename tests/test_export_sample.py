"""docs/sample-briefing.md (shown in the README) must be what the code exports today.

It is regenerated from the bundled sample articles through the real pipeline (reading, cleaning,
the spaCy model, the store) with the fixed ``generated_at`` of scripts/sample_briefing.py; any
change to the code, the model or the samples that changes the briefing fails this test until
``make sample-briefing`` is run.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

from export_support import inline_text, parse
from test_export import list_items, strong_texts

ROOT = Path(__file__).resolve().parent.parent


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "sample_briefing", ROOT / "scripts" / "sample_briefing.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_briefing_is_up_to_date(analyzer: Any) -> None:
    script = load_script()
    regenerated = script.render_sample_briefing(analyzer)
    checked_in = (ROOT / "docs" / "sample-briefing.md").read_text(encoding="utf-8")
    assert regenerated == checked_in, "docs/sample-briefing.md is stale: run `make sample-briefing`"

    briefing = parse(checked_in)
    samples = [p for p in (ROOT / "sample_articles").iterdir() if p.suffix in (".txt", ".md")]
    assert briefing.front_matter["article_count"] == len(samples)
    assert briefing.front_matter["fact_count"] > 0
    [table] = briefing.tables
    assert len(table) == 1 + briefing.front_matter["development_count"]
    assert all(len(row) == 6 for row in table)
    assert set(briefing.footnote_refs) == briefing.footnote_definitions
    assert len(briefing.footnote_definitions) == len(samples)
    # Paths are relative to the repository, so the file does not depend on the checkout.
    assert str(ROOT) not in checked_in

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert script.readme_with_excerpt(readme, checked_in) == readme, (
        "the README's sample briefing excerpt is stale: run `make sample-briefing`"
    )


# Words that make a bold claim's actor or target no whole name.
_PRONOUN = re.compile(r"(?i)^(?:its|their|our|his|her|it|them|this|these|those|anyone)\b")
_DANGLING = re.compile(r"(?i)\b(?:of|to|on|the|a|an|and|with|for|from)$")
_BARE_NUMBER = re.compile(r"^[0-9][0-9,.]*$")
_MEASURE_ONLY = re.compile(
    r"(?i)^(?:(?:new|tougher|all|its|commercial|and|financial)\s+)*"
    r"(?:sanctions?(?: list| bill)?|aid|assets|property|transactions|borders|airspace)$"
)


def test_sample_briefing_lists_each_development_once_with_whole_names(
    analyzer: Any, tmp_path: Path
) -> None:
    from briefing.importing import import_paths
    from briefing.store import Library

    with Library.open(tmp_path / "library") as library:
        import_paths(library, [ROOT / "sample_articles"], analyzer=analyzer)
        developments = library.count_developments()
        facts = len(library.facts())
    briefing = parse((ROOT / "docs" / "sample-briefing.md").read_text(encoding="utf-8"))
    items = list_items(briefing.section("Key developments"))
    assert len(items) == developments == briefing.front_matter["development_count"]
    assert developments <= facts == briefing.front_matter["fact_count"]
    claims = [inline_text(next(t for t in item if t.type == "inline")) for item in items]
    assert len(set(claims)) == len(claims)  # no development listed twice
    for item in items:
        for name in strong_texts(next(t for t in item if t.type == "inline")):
            assert not _PRONOUN.search(name), name
            assert not _DANGLING.search(name), name
            assert not _BARE_NUMBER.match(name), name
            assert not _MEASURE_ONLY.match(name), name
    # The bottom line says what happened: it opens with the first key development's claim.
    first = claims[0].split(" — ")[0]
    bottom = next(
        inline_text(t) for t in briefing.tokens if t.type == "inline" and "Bottom line" in t.content
    )
    assert bottom.startswith(f"Bottom line: {first}")
