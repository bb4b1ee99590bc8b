"""Separating an article's story from the page around it."""
