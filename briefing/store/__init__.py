"""The library: articles, analyses and curated facts in one SQLite database."""
