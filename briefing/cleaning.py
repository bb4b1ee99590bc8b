"""Separating an article's story from the page around it.

A line goes when its whole shape is page chrome (see ``briefing.chrome``: cookie banners,
sign-up and paywall prompts, share buttons, copyright notices, photo credits, ...), when it is a
headline listed under a teaser label ("Most read", "Related") or the caption under an "Image
caption" label, or when it sits in the block of chrome at the very end of the page and speaks to
the reader in the language of that block ("our newsletter", "your inbox"). Nothing is dropped for
being short, and a story sentence that only mentions "register" or "cookie" stays. Every removed
line is kept, in order, so the reader can show it.
"""

from __future__ import annotations

import re

from briefing.chrome import is_caption_label, is_chrome, is_prompt_worded, is_teaser_label
from briefing.model import CleanArticle, RawArticle

# How many headline-shaped lines a teaser label ("Most read") can introduce.
MAX_TEASERS_AFTER_LABEL = 6
# Lines longer than this are prose, never a teaser headline or a trailing prompt.
MAX_TEASER_CHARS = 120
MAX_TRAILING_PROMPT_CHARS = 300
MAX_CAPTION_CHARS = 200


def clean_article(raw: RawArticle) -> CleanArticle:
    """Drop the page chrome from an article's paragraphs; keep everything else untouched."""
    # A paragraph may hold several lines (Markdown puts adjacent lines in one paragraph); each
    # line is judged on its own and the kept lines of a paragraph are joined again.
    lines: list[tuple[int, str]] = [
        (index, line.strip())
        for index, paragraph in enumerate(raw.paragraphs)
        for line in paragraph.split("\n")
        if line.strip()
    ]
    dropped = chrome_lines([line for _, line in lines])
    kept: dict[int, list[str]] = {}
    removed = list(raw.preamble_removed)
    for (index, line), drop in zip(lines, dropped, strict=True):
        if drop:
            removed.append(line)
        else:
            kept.setdefault(index, []).append(line)
    body = "\n\n".join(" ".join(kept[index]) for index in sorted(kept))
    return CleanArticle(
        path=raw.path,
        raw_text=raw.raw_text,
        title=raw.title,
        dek=raw.dek,
        body=body,
        removed=tuple(removed),
        meta=raw.meta,
    )


def chrome_lines(lines: list[str]) -> list[bool]:
    """For each line of an article body, whether it is page chrome."""
    drop = [is_chrome(line) for line in lines]
    for i, line in enumerate(lines):
        if is_teaser_label(line):
            drop[i] = True
            _drop_teasers_after(lines, drop, i)
        elif is_caption_label(line) and i + 1 < len(lines) and _is_caption(lines[i + 1]):
            drop[i] = drop[i + 1] = True
    _drop_trailing_prompts(lines, drop)
    return drop


def _drop_teasers_after(lines: list[str], drop: list[bool], label: int) -> None:
    """The headline-shaped lines right after a teaser label are links to other stories."""
    for j in range(label + 1, min(len(lines), label + 1 + MAX_TEASERS_AFTER_LABEL)):
        if drop[j]:
            continue  # "Loading..." and the like inside the teaser list
        if not looks_like_headline(lines[j]):
            return
        drop[j] = True


def _is_caption(line: str) -> bool:
    """A picture caption: one short line without a closing full stop."""
    text = line.strip()
    return len(text) <= MAX_CAPTION_CHARS and not re.search(r"[.!?][\"'”’)]*$", text)


def looks_like_headline(line: str) -> bool:
    """A short title-like line (or a topic tag): no closing full stop, no quotation, no
    past-tense reported speech (headlines say "says", stories say "said")."""
    text = line.strip()
    words = text.split()
    if not text or len(text) > MAX_TEASER_CHARS or len(words) > 16:
        return False
    if text[0] in "\"'“‘«(":
        return False
    if not (text[0].isupper() or text[0].isdigit() or len(words) <= 3):
        return False
    if re.search(r"[.!,;:][\"'”’)]*$", text):
        return False
    return not re.search(r"\b(said|told)\b", text)


def _drop_trailing_prompts(lines: list[str], drop: list[bool]) -> None:
    """In the chrome block that ends a page, prompts worded like chrome go too.

    Walking back from the last line: chrome lines extend the block; a line that addresses the
    reader in the vocabulary of sign-up and legal prompts joins it only when chrome follows it,
    so that the story's own last sentence is never taken for a prompt.
    """
    chrome_after = False
    for j in range(len(lines) - 1, -1, -1):
        if drop[j]:
            chrome_after = True
            continue
        line = lines[j]
        if chrome_after and len(line) <= MAX_TRAILING_PROMPT_CHARS and is_prompt_worded(line):
            drop[j] = True
            continue
        return
