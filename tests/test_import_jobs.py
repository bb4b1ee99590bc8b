"""The fork server behind ``briefing add --jobs N`` imports ``briefing.importing`` before it loads
the model, and the workers can start only after both: that import stays light."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
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
