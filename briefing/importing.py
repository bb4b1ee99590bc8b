"""Batch import of article files into the library (used by `briefing add` and the reader)."""
