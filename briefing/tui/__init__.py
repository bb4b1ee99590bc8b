"""The reader (the only package that imports Textual)."""
