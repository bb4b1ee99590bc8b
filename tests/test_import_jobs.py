"""The fork server behind ``briefing add --jobs N`` imports ``briefing.importing`` before it loads
the model, and the workers can start only after both: that import stays light."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from briefing.model import CleanArticle
    from briefing.nlp import Analyzer

SERVER_SIDE = """
import sys
import briefing.importing
heavy = ("briefing.reading", "briefing.store", "briefing.prepare", "markdown_it", "sqlite3")
print(",".join(name for name in heavy if name in sys.modules))
"""


def test_importing_the_workers_side_leaves_the_reader_and_the_store_out() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SERVER_SIDE], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""


# The fork server's start is the model's load, and the workers wait for all of it.

MODEL_SIDE = """
import sys
from briefing.nlp import Analyzer
Analyzer.load()
print("spacy.cli" in sys.modules)
import spacy
import spacy.cli  # still importable, the real one
print(spacy.cli.__file__.endswith("__init__.py"), callable(spacy.info))
"""


def test_loading_the_model_leaves_spacys_command_line_out() -> None:
    done = subprocess.run(
        [sys.executable, "-c", MODEL_SIDE], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "True", "True"]


def test_the_tokenizer_is_the_one_spacy_builds(analyzer: Analyzer) -> None:
    """The pipeline's tokenizer is made empty and read from the saved one (loader.py): the same
    tokenizer as spaCy's own two builds give, state for state."""
    import spacy

    from briefing.nlp.loader import SAVED_TOKENIZER, model_candidates

    nlp = analyzer.nlp
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": SAVED_TOKENIZER}
    for name in model_candidates():
        try:
            plain = spacy.load(name, exclude=["attribute_ruler", "lemmatizer"])
        except (OSError, ImportError, ValueError):
            continue
        assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(
            exclude=["vocab"]
        )
        assert nlp.tokenizer.faster_heuristics == plain.tokenizer.faster_heuristics
        text = "Mr. O'Neill's U.S.-led talks can't start (Jan. 5th) at 9:30a.m. e-mail: x@y.org"
        assert [t.text for t in nlp.make_doc(text)] == [t.text for t in plain.make_doc(text)]
        return
    pytest.fail("no spaCy pipeline found")


# The fork server starts before the folders are listed, when they may hold enough files.

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the fork server is used on Linux only")
def test_a_folder_of_few_files_goes_to_the_workers_once_the_server_starts(
    tmp_path: Path, analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three files in a folder with ``jobs=2``: the server's start began before the count was
    known, so its workers analyse them (loading the model here as well would only cost more),
    the same as in one process; imported again, nothing is analysed and no pool is made."""
    from briefing import importing
    from briefing.importing import import_paths
    from briefing.store import Library

    folder = tmp_path / "few"
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("00[1-3]_*")):
        shutil.copy(sample, folder / sample.name)
    pools: list[importing._PoolAnalyzer] = []
    original = importing._PoolAnalyzer.__init__

    def record(self: importing._PoolAnalyzer, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        pools.append(self)

    monkeypatch.setattr(importing._PoolAnalyzer, "__init__", record)
    with Library.open(tmp_path / "library") as library:
        report = import_paths(library, [folder], jobs=2)
        assert len(report.added) == 3 and not report.failed
        assert len(pools) == 1 and pools[0]._pool is not None
        stored = [library.article(item.id) for item in report.added]
        again = import_paths(library, [folder], jobs=2)
        assert len(again.present) == 3
        assert len(pools) == 2 and pools[1]._starter is None  # no pool: nothing to analyse
    expected = analyzer.analyze_many(_read(item.path) for item in report.added)
    for article, analysis in zip(stored, expected, strict=True):
        assert [(f.measure, f.actor, f.sentence) for f in article.facts] == [
            (f.measure, f.actor, f.sentence) for f in analysis.facts
        ]


def _read(path: str) -> CleanArticle:
    from briefing.prepare import prepare_file

    return prepare_file(path)
