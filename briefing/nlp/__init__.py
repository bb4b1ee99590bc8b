"""The analysis pipeline (the only package that imports spaCy).

``Analyzer.load()`` builds the spaCy pipeline once per process; importing this package does not
import spaCy (the store and the reader only need ``PIPELINE_VERSION``).
"""

from briefing.nlp.analyzer import PIPELINE_VERSION, Analyzer

__all__ = ["PIPELINE_VERSION", "Analyzer"]
