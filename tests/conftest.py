"""Shared fixtures: a throwaway library directory and the real spaCy pipeline, loaded once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from briefing.nlp import Analyzer

# Property tests draw the same examples on every run by default, so that a red build (CI, a
# colleague's machine) always reproduces; HYPOTHESIS_PROFILE=explore searches new examples
# (that is how the export's caret bug was found), and a failure it finds becomes a plain test.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh library directory; BRIEFING_DATA_DIR points at it so nothing touches the real
    user data directory (subprocesses started from the test inherit it too)."""
    directory = tmp_path / "library"
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(directory))
    return directory


@pytest.fixture(scope="session")
def analyzer() -> Iterator[Analyzer]:
    """The real analyzer with the real English model, loaded once per test session."""
    from briefing.nlp import Analyzer

    yield Analyzer.load()


@pytest.fixture(autouse=True)
def _rules_only(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests marked ``rules_only`` run the rules alone: each proves one rule on one sentence.
    The trained fact filter that runs after them is tested in test_fact_filter.py and measured
    on the gold sets."""
    if request.node.get_closest_marker("rules_only") is None:
        yield
        return
    analyzer: Analyzer = request.getfixturevalue("analyzer")
    analyzer.use_fact_filter = False
    try:
        yield
    finally:
        analyzer.use_fact_filter = True
