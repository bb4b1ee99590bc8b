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
from dataclasses import dataclass
from pathlib import Path

from briefing.chrome import (
    BYLINE,
    STOPWORDS,
    is_caption_label,
    is_chrome,
    is_comment_header,
    is_comment_marker,
    is_prompt_worded,
    is_teaser_label,
)
from briefing.model import CleanArticle, RawArticle
from briefing.reading import MARKDOWN_SUFFIXES

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
    page = _page_lines(raw, lines)
    chrome = chrome_lines([line.text for line in page])
    # A page dump is plain text (a select-all copy of a page). Markdown marks its structure
    # itself: its tables and lists are the author's, however short and link-like their rows.
    plain_text = Path(raw.path).suffix.lower() not in MARKDOWN_SUFFIXES
    if plain_text and _is_dump(page, chrome):
        for page_line, drop in zip(page, chrome, strict=True):
            page_line.chrome = drop
        return _clean_dump(raw, page)
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


# --- Whole-page dumps -------------------------------------------------------------------------
#
# A select-all copy of a web page holds the article among menus, teaser lists, share rows and
# footers. Each line is judged by its shape (length, share of function words, sentence ending,
# chrome pattern) and then by its neighbours, in the manner of jusText: a short line between
# paragraphs of prose is part of the story, one among menu items is not. The article is the
# densest run of prose; its headline is the title-like line above it.

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"
# Lines shorter than this are judged by their neighbours (jusText's "short" blocks).
SHORT_CHARS = 70
# Prose: this share of function words at least (jusText's thresholds for English).
PROSE_STOPWORDS = 0.30
NEAR_STOPWORDS = 0.20
# A line this long with enough function words is prose even without a full stop.
LONG_CHARS = 200
# What a chrome line costs the run of prose that crosses it, in characters of prose.
BAD_LINE_COST = 40
# A run of this many link-like lines (short, no sentence, no function words) is a menu.
MENU_RUN = 5
# How many of a foreign page's most frequent short words count as its function words.
PAGE_STOPWORDS = 40
# Below a headline, a run of prose this many lines down weighs half as much as one right under
# it: legal prose in the footer is no article.
ANCHOR_DECAY_LINES = 20
# How near a comment's header its "Reply" button or the "3 comments" label stands.
COMMENT_MARKER_REACH = 5
# A non-sentence line this wordy (share of function words) is a list item, not a headline.
WORDY_STOPWORDS = 0.4
# Teaser cards: this many headline-and-blurb pairs in a row, blurbs no longer than this.
MIN_CARDS = 3
CARD_BLURB_CHARS = 250
# A list introduced by a colon has at most this many items.
MAX_LIST_ITEMS = 60
# How far above the article its headline may stand.
TITLE_WINDOW = 40

_SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(slots=True)
class _Line:
    text: str
    paragraph: int | None  # the body paragraph it came from; None above the body
    chars: int
    words: int
    stopwords: float
    sentence: bool
    chrome: bool = False
    kind: str = SHORT
    blank_before: bool = False  # an empty line above it in the text: a new block of the page


def _page_lines(raw: RawArticle, body: list[tuple[int, str]]) -> list[_Line]:
    """Every line of the page in order: what reading took off the top, then the body's."""
    top = [*raw.preamble_removed]
    first = body[0][1] if body else ""
    if not first.startswith(raw.title.rstrip("…")):
        top.append(raw.title)  # else the title is the opening of the first line, not a line
    if raw.dek:
        top.append(raw.dek)
    texts = [text.strip() for text in top] + [text for _, text in body]
    paragraphs = [None] * len(top) + [index for index, _ in body]
    stopwords = _page_stopwords(texts)
    pairs = zip(texts, paragraphs, strict=True)
    page = [_line(text, paragraph, stopwords) for text, paragraph in pairs]
    _mark_blocks(page, raw.raw_text)
    return page


def _mark_blocks(page: list[_Line], text: str) -> None:
    """Which lines open a block of the page (an empty line above them in the text)."""
    where: dict[str, list[tuple[int, bool]]] = {}
    blank = False
    for index, raw_line in enumerate(text.split("\n")):
        key = " ".join(raw_line.split())
        if not key:
            blank = True
            continue
        where.setdefault(key, []).append((index, blank))
        blank = False
    at = -1
    cursor: dict[str, int] = {}
    for line in page:
        key = " ".join(line.text.split())
        places = where.get(key, [])
        k = cursor.get(key, 0)
        while k < len(places) and places[k][0] <= at:
            k += 1
        cursor[key] = k
        if k < len(places):
            at, line.blank_before = places[k]


def _page_stopwords(texts: list[str]) -> frozenset[str]:
    """The function words of the page's language. English has its list; a page in another
    language has few of those, and then the short words that its long lines use most, and
    write in lower case somewhere, serve instead (function words are the most frequent words
    of any language; names and German nouns are always capitalized)."""
    counts: dict[str, int] = {}
    lower: set[str] = set()
    english = total = 0
    for text in texts:
        words = _WORD.findall(text)
        if len(words) < 8:
            continue
        total += len(words)
        english += sum(1 for w in words if w.casefold() in STOPWORDS)
        lower.update(w for w in words if w.islower())
        for word in {w.casefold() for w in words if len(w) <= 6}:
            counts[word] = counts.get(word, 0) + 1
    if not total or english >= 0.15 * total:
        return STOPWORDS
    frequent = [w for w, n in counts.items() if n >= 2 and w in lower]
    frequent.sort(key=lambda w: -counts[w])
    return STOPWORDS | frozenset(frequent[:PAGE_STOPWORDS])


def _line(text: str, paragraph: int | None, stopwords: frozenset[str] = STOPWORDS) -> _Line:
    text = text.strip()
    words = _WORD.findall(text)
    stop = sum(1 for w in words if w.casefold() in stopwords)
    return _Line(
        text=text,
        paragraph=paragraph,
        chars=len(text),
        words=len(words),
        stopwords=stop / len(words) if words else 0.0,
        sentence=bool(_SENTENCE_END.search(text)),
    )


def _link_like(line: _Line) -> bool:
    """A menu item or a headline link: short, not a sentence, hardly a function word."""
    return line.chars < SHORT_CHARS and not line.sentence and line.stopwords < 0.2


def is_page_dump(lines: list[str]) -> bool:
    """Whether a text is a whole page rather than an article: it holds many link-like lines
    (menus, section names, headline lists) that no chrome pattern explains."""
    return _is_dump([_line(text, None) for text in lines], chrome_lines(lines))


def _is_dump(page: list[_Line], chrome: list[bool]) -> bool:
    links = sum(1 for line, drop in zip(page, chrome, strict=True) if not drop and _link_like(line))
    return links >= 10 and links >= 0.2 * len(page)


def _classify(page: list[_Line]) -> None:
    """Each line's class by its own shape (its chrome flag already set), then by its
    neighbours'."""
    seen: dict[str, int] = {}
    for line in page:
        key = line.text.casefold()
        seen[key] = seen.get(key, 0) + 1
    for line in page:
        # A line the page repeats is a menu item, a section label or a teaser's headline.
        if line.chrome or seen[line.text.casefold()] > 1:
            line.kind = BAD
        elif line.chars < SHORT_CHARS:
            # A short sentence is prose near prose; other short lines take their neighbours'.
            sentence = line.sentence and line.words >= 4 and line.stopwords >= PROSE_STOPWORDS
            line.kind = NEAR if sentence else SHORT
        elif not line.sentence and line.chars < LONG_CHARS:
            # A headline (of this story, of a teaser, a subheading) goes with its neighbours; a
            # list item as wordy as prose is near prose.
            wordy = line.words >= 6 and line.stopwords >= WORDY_STOPWORDS
            line.kind = NEAR if wordy else SHORT
        elif line.stopwords >= PROSE_STOPWORDS:
            line.kind = GOOD
        elif line.stopwords >= NEAR_STOPWORDS:
            line.kind = NEAR
        else:
            line.kind = BAD
    _mark_menu_runs(page)
    _mark_teaser_cards(page)
    _revise_by_neighbours(page)


def _headline_like(line: _Line) -> bool:
    """Not a sentence, and not as long or as wordy as prose."""
    return not line.sentence and line.chars < LONG_CHARS and line.stopwords < WORDY_STOPWORDS


def _mark_menu_runs(page: list[_Line]) -> None:
    """A run of link-like lines (menu items, section names, headlines of other stories) is a
    menu or a list of links, wherever it stands."""
    start = 0
    while start < len(page):
        end = start
        while end < len(page) and (page[end].kind == BAD or _headline_like(page[end])):
            end += 1
        links = sum(1 for line in page[start:end] if line.kind != BAD)
        if links >= MENU_RUN:
            for line in page[start:end]:
                line.kind = BAD
        start = max(end, start + 1)


def _is_card_headline(line: _Line) -> bool:
    """A line of a card's head: a headline or a section label (not a sentence, and no chrome
    such as a caption or a share row, which stand between a story's paragraphs), or a byline."""
    if BYLINE.fullmatch(line.text):
        return True
    if line.kind not in (SHORT, BAD) or line.sentence or not line.words:
        return False
    return not (line.chrome and is_chrome(line.text))  # a headline under "Most read" counts


def _mark_teaser_cards(page: list[_Line]) -> None:
    """Teaser cards: a headline (perhaps with a section label or a byline) and a blurb of one
    paragraph, again and again. A story's subheadings have paragraphs of their own under them;
    a blurb under an unsigned headline must be short to count."""
    i = 0
    while i < len(page):
        cards, j = 0, i
        while True:
            k = j
            while k < len(page) and _is_card_headline(page[k]):
                k += 1
            headed = any(line.words >= 3 and not is_chrome(line.text) for line in page[j:k])
            if not headed or k >= len(page) or page[k].kind not in (GOOD, NEAR):
                break
            signed = any(BYLINE.fullmatch(line.text) for line in page[j:k])
            limit = 2 * CARD_BLURB_CHARS if signed else CARD_BLURB_CHARS
            if page[k].chars > limit:
                break
            cards, j = cards + 1, k + 1
        if cards >= MIN_CARDS:
            for line in page[i:j]:
                line.kind = BAD
            i = j
        else:
            i += 1


def _neighbour(page: list[_Line], i: int, step: int, skip: tuple[str, ...]) -> str:
    j = i + step
    while 0 <= j < len(page):
        if page[j].kind not in skip:
            return page[j].kind
        j += step
    return BAD


def _revise_by_neighbours(page: list[_Line]) -> None:
    """jusText's context rules: a short line takes the class of its neighbours when they agree;
    a near-prose line is prose next to prose."""
    new = [line.kind for line in page]
    for i, line in enumerate(page):
        if line.kind != SHORT:
            continue
        before = _neighbour(page, i, -1, (SHORT, NEAR))
        after = _neighbour(page, i, 1, (SHORT, NEAR))
        if before == after == GOOD:
            new[i] = GOOD
        elif before == BAD and after == BAD:
            new[i] = BAD
        elif before == BAD:
            new[i] = GOOD if _neighbour(page, i, -1, (SHORT,)) == NEAR else BAD
        else:
            new[i] = GOOD if _neighbour(page, i, 1, (SHORT,)) == NEAR else BAD
    for i, line in enumerate(page):
        if line.kind == NEAR:
            good = GOOD in (
                _neighbour(page, i, -1, (SHORT, NEAR)),
                _neighbour(page, i, 1, (SHORT, NEAR)),
            )
            new[i] = GOOD if good else BAD
    for line, kind in zip(page, new, strict=True):
        line.kind = kind


def _prose_runs(page: list[_Line], after: int = 0) -> list[tuple[float, int, int]]:
    """The stretches of prose net of the chrome inside them (the positive runs of a maximum
    subarray scan), as (score, start, end): the article is one, teaser blocks and comments
    others."""
    runs: list[tuple[float, int, int]] = []
    best, best_end = 0.0, after
    total, start = 0.0, after
    for i in range(after, len(page)):
        line = page[i]
        gain = line.chars if line.kind == GOOD else -BAD_LINE_COST
        if total + gain <= 0:
            if best > 0:
                runs.append((best, start, best_end))
            total, best, start = 0.0, 0.0, i + 1
            continue
        total += gain
        if total > best:
            best, best_end = total, i + 1
    if best > 0:
        runs.append((best, start, best_end))
    return runs


def _article_run(page: list[_Line], anchor: int | None) -> tuple[int, int]:
    """The article's lines: the densest run of prose, or, below a headline that the page's
    title names, the first run nearly as dense (footers of legal prose come later)."""
    runs = _prose_runs(page, 0 if anchor is None else anchor + 1)
    if not runs and anchor is not None:
        runs = _prose_runs(page)
    if not runs:
        return 0, 0
    if anchor is None:
        _, start, end = max(runs)
    else:
        # Below the headline the article comes soon: farther runs weigh less.
        _, start, end = max(runs, key=lambda r: r[0] / (1 + (r[1] - anchor) / ANCHOR_DECAY_LINES))
    return start, _before_comments(page, start, end)


def _before_comments(page: list[_Line], start: int, end: int) -> int:
    """Where the readers' comments begin, if they do inside the run: at the first of two or
    more comment headers ("jdoe says:", "Reply")."""
    headers = [i for i in range(start, end) if is_comment_header(page[i].text)]
    marked = any(
        is_comment_marker(line.text)
        for h in headers[:1]
        for line in page[max(0, h - COMMENT_MARKER_REACH) : h + COMMENT_MARKER_REACH]
    )
    if len(headers) >= 2 or marked:
        first_prose = next((i for i in range(start, end) if page[i].kind == GOOD), start)
        return max(first_prose + 1, headers[0])
    return end


def _take_introduced_lists(page: list[_Line], start: int, end: int) -> int:
    """A line of the story that ends in a colon introduces a list ("Tour dates:"): the lines of
    its block, up to the next empty line, are the story's, however short. Returns the new end
    of the article."""
    if not any(line.blank_before for line in page):
        return end  # no blocks to go by
    for i in range(max(start, 1), min(end + 1, len(page))):
        line = page[i]
        if line.words < 3 or not line.text.endswith(":") or line.chrome or page[i - 1].kind != GOOD:
            continue
        j = i + 1
        while j < len(page) and not page[j].blank_before and not page[j].chrome:
            j += 1
        if j - i - 1 > MAX_LIST_ITEMS or (j < len(page) and not page[j].blank_before):
            continue  # a list too long, or cut short by chrome
        for item in page[i:j]:
            item.kind = GOOD
        end = max(end, j)
    return end


def _clean_dump(raw: RawArticle, page: list[_Line]) -> CleanArticle:
    _classify(page)
    start, end = _article_run(page, _headline_anchor(page))
    end = _take_introduced_lists(page, start, end)
    keep = [start <= i < end and line.kind == GOOD for i, line in enumerate(page)]
    title_at = _find_title(page, start)
    title = page[title_at].text if title_at is not None else raw.title
    dek_at = _find_dek(page, title_at, start)
    dek = page[dek_at].text if dek_at is not None else None
    kept: dict[int, list[str]] = {}
    removed: list[str] = []
    for i, (line, keep_it) in enumerate(zip(page, keep, strict=True)):
        if i in (title_at, dek_at):
            continue
        if keep_it:
            kept.setdefault(i if line.paragraph is None else line.paragraph, []).append(line.text)
        else:
            removed.append(line.text)
    body = "\n\n".join(" ".join(kept[index]) for index in sorted(kept))
    return CleanArticle(
        path=raw.path,
        raw_text=raw.raw_text,
        title=title,
        dek=dek,
        body=body,
        removed=tuple(removed),
        meta=raw.meta,
    )


def _title_shaped(line: _Line) -> bool:
    return (
        3 <= line.words <= 30
        and line.chars <= 250
        and not line.chrome
        and not re.search(r"[.:;,][\"'”’)]*$", line.text)
        and not BYLINE.match(line.text)
    )


def _headline_anchor(page: list[_Line]) -> int | None:
    """The headline where the page's first line, its title ("Headline - Site", "Site |
    Headline"), repeats it: the article comes after it."""
    page_title = page[0].text.casefold() if page else ""
    for i in range(1, len(page)):
        line = page[i]
        if _names_the_page(line, page_title):
            return i
    return None


def _names_the_page(line: _Line, page_title: str) -> bool:
    return _title_shaped(line) and line.chars >= 15 and line.text.casefold() in page_title


def _find_title(page: list[_Line], start: int) -> int | None:
    """The headline: the line above the article that the page's own title repeats ("Headline -
    Site"), else the nearest title-shaped line above it."""
    window = range(start - 1, max(-1, start - 1 - TITLE_WINDOW), -1)
    page_title = page[0].text.casefold() if page else ""
    for i in window:
        line = page[i]
        if (
            i > 0
            and _title_shaped(line)
            and line.chars >= 15
            and line.text.casefold() in page_title
        ):
            return i
    for i in window:
        if _title_shaped(page[i]) and page[i].words >= 4:
            return i
    return None


def _find_dek(page: list[_Line], title: int | None, start: int) -> int | None:
    """The standfirst: a sentence between the headline and the article."""
    if title is None:
        return None
    for i in range(title + 1, start):
        line = page[i]
        if line.chrome or line.words < 6 or line.chars > 300 or BYLINE.match(line.text):
            continue
        if line.stopwords >= NEAR_STOPWORDS:
            return i
    return None
