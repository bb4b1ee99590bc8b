"""Markdown and front matter built to choke a parser. That they analyse and import without a
crash is checked with the other files (corpus.py, test_hostile_files.py); here, what becomes of
their text."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cleaning import clean_article
from briefing.reading import read_article

from .corpus import LEAD


def _body(tmp_path: Path, text: str) -> str:
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    return clean_article(read_article(path)).body


def test_front_matter_that_is_not_a_mapping_is_kept_as_text(tmp_path: Path) -> None:
    body = _body(tmp_path, "---\n- just\n- a list\n---\n# Headline here\n\n" + LEAD + "\n")
    assert LEAD in body


def test_unterminated_front_matter_loses_no_story(tmp_path: Path) -> None:
    body = _body(tmp_path, "---\ntitle: Never closed\nsource: [Reuters\n\n" + LEAD + "\n")
    assert LEAD in body


def test_a_huge_table_keeps_every_row(tmp_path: Path) -> None:
    rows = "".join(f"| Country {i} | measure {i} |\n" for i in range(2000))
    body = _body(tmp_path, "# Table\n\n" + LEAD + "\n\n| A | B |\n|---|---|\n" + rows)
    assert "Country 0" in body and "Country 1999" in body


def test_nesting_up_to_the_parser_limit_keeps_its_text(tmp_path: Path) -> None:
    body = _body(tmp_path, "# Quotes\n\n" + LEAD + "\n\n" + ">" * 15 + " Canada froze assets.\n")
    assert "Canada froze assets." in body


@pytest.mark.xfail(
    strict=True,
    reason="known limit: markdown-it stops at 20 levels of tokens (deeper would overflow "
    "Python's recursion limit), and the text below that depth is dropped",
)
def test_text_nested_deeper_than_the_parser_limit_is_kept(tmp_path: Path) -> None:
    body = _body(tmp_path, "# Quotes\n\n" + LEAD + "\n\n" + ">" * 500 + " Canada froze assets.\n")
    assert "Canada froze assets." in body


def test_readme_states_the_limits_the_battery_enforces() -> None:
    from briefing.reading import MAX_ARTICLE_BYTES, markdown_blocks

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Troubleshooting and limits", 1)[1].split("\n## ", 1)[0]
    assert f"{MAX_ARTICLE_BYTES / 2**20:g} MB" in section
    for encoding in ("UTF-8", "UTF-16", "Windows-1252"):
        assert encoding in section
    # The nesting the README promises to keep is what the parser keeps.
    depth = 19
    assert f"{depth} levels" in section
    kept = "\n".join(block.text for block in markdown_blocks(">" * depth + " Kept at the limit."))
    assert "Kept at the limit." in kept
    deeper = markdown_blocks(">" * (depth + 1) + " Dropped below the limit.")
    assert "Dropped" not in "\n".join(block.text for block in deeper)
