"""docs/sample-briefing.md (shown in the README) must be what the code exports today.

It is regenerated from the bundled sample articles through the real pipeline (reading, cleaning,
the spaCy model, the store) with the fixed ``generated_at`` of scripts/sample_briefing.py; any
change to the code, the model or the samples that changes the briefing fails this test until
``make sample-briefing`` is run.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from export_support import parse

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
    assert len(table) == 1 + briefing.front_matter["fact_count"]
    assert all(len(row) == 6 for row in table)
    assert set(briefing.footnote_refs) == briefing.footnote_definitions
    assert len(briefing.footnote_definitions) == len(samples)
    # Paths are relative to the repository, so the file does not depend on the checkout.
    assert str(ROOT) not in checked_in

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert script.readme_with_excerpt(readme, checked_in) == readme, (
        "the README's sample briefing excerpt is stale: run `make sample-briefing`"
    )
