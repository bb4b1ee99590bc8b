"""The hostile-input and fault battery (issue 7): every test in this folder is marked
``hostile``, so ``pytest -m hostile`` runs just the battery and ``-m "not hostile"`` skips it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.hostile)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every hostile file on disk, by case name (see corpus.py)."""
    from .corpus import write_corpus

    return write_corpus(tmp_path_factory.mktemp("hostile") / "saved articles")


@pytest.fixture(scope="session")
def analyze_run(corpus: dict[str, Path]) -> subprocess.CompletedProcess[str]:
    """``briefing analyze --json`` over every file, named one by one: one model load."""
    from .support import briefing

    return briefing(None, "analyze", "--json", *map(str, corpus.values()), timeout=600)


@pytest.fixture(scope="session")
def added_library(
    corpus: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """``briefing add`` of the whole folder into a fresh library: (library dir, the run)."""
    from .support import briefing

    library = tmp_path_factory.mktemp("hostile-library")
    folder = next(iter(corpus.values())).parent
    return library, briefing(library, "add", str(folder), timeout=600)
