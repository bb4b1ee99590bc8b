"""The analysis pipeline (the only package that imports spaCy)."""
