"""Reading article files (.txt, .md, and .html through briefing.htmlpage) into a RawArticle.

A file is bytes of unknown encoding and layout. This module decides what it is (text or not),
decodes it, and splits it into headline, standfirst (dek), metadata and body paragraphs. It
keeps the text itself unchanged: escape sequences and markup in an article are data, made safe
where they are displayed or exported, not here.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing.chrome import is_chrome, is_consent_notice
from briefing.errors import ArticleError
from briefing.htmlpage import HTML_SUFFIXES, decode_html, html_text, looks_like_html, read_html
from briefing.model import ArticleMeta, RawArticle

# Larger files are refused: a news article is tens of kilobytes; a 5 MB "article" is a mistake
# (a log, a dump, a book) that would stall the analysis.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES

# A standfirst is a short line; anything longer is the first paragraph of the story.
MAX_DEK_CHARS = 300
# A first line longer than this is a paragraph, not a headline (a file without a headline).
MAX_TITLE_CHARS = 250

# Known file signatures of binary formats people mistake for articles.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon file"),
)

# Line breaks other than \n that str.splitlines() honours; folding them into \n keeps "one line"
# meaning the same thing here, in the cleaner and in any tool that reads the body.
_LINE_BREAKS = str.maketrans(
    {"\x0b": "\n", "\x0c": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n", "\x85": "\n"}
    | {"\u2028": "\n", "\u2029": "\n"}
)


def read_article(path: str | os.PathLike[str]) -> RawArticle:
    """Read one article file. Raises ArticleError with a short reason the user can act on."""
    file = Path(path)
    shown = display_path(path)
    suffix = file.suffix.lower()
    data = _read_bytes(file, shown)
    if suffix not in SUPPORTED_SUFFIXES and not _is_plain_name(file):
        raise ArticleError(
            shown,
            f"unsupported file type '{display_path(file.suffix)}' "
            "(briefing reads .txt, .text, .md, .markdown, .html, .htm)",
        )
    if suffix in HTML_SUFFIXES:
        return parse_article(path, decode_html(data, shown))
    return parse_article(path, decode_article_bytes(data, shown))


def parse_article(path: str | os.PathLike[str], text: str) -> RawArticle:
    """Parse decoded article text as the file at ``path`` would be (its suffix picks Markdown
    or plain text). Used by ``read_article`` and to re-read text kept in the library.

    HTML (an .html file, a page fetched from an http(s) URL, or a whole page pasted as text) is
    read by :func:`briefing.htmlpage.read_html`."""
    suffix = Path(path).suffix.lower()
    is_url = bool(re.match(r"https?://", str(path), re.IGNORECASE))
    if suffix in HTML_SUFFIXES or ((is_url or suffix in TEXT_SUFFIXES) and looks_like_html(text)):
        if not text.strip():
            raise ArticleError(display_path(path), "no text in file (only whitespace)")
        return read_html(str(path), text, url=str(path) if is_url else None)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    if not text.strip():
        raise ArticleError(display_path(path), "no text in file (only whitespace)")
    if Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return _read_markdown(str(path), text)
    return _read_text(str(path), text)


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as one printable line: control and bidi characters in a file name are escaped,
    so that an error message naming the file stays one line and cannot drive the terminal."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(path))


def _is_plain_name(file: Path) -> bool:
    # "story" and "notes.2022" have no real extension: read them as plain text. A suffix with
    # letters only (".pdf", ".docx", ".html") names a format briefing does not read.
    return not re.fullmatch(r"\.[A-Za-z]+", file.suffix)


def _read_bytes(file: Path, shown: str) -> bytes:
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ArticleError(shown, "is a directory, not an article file")
        if not stat.S_ISREG(info.st_mode):
            # A pipe or a device would block or never end.
            raise ArticleError(shown, "not a regular file (a pipe, socket or device)")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise ArticleError(shown, _too_large(info.st_size))
        with file.open("rb") as handle:
            # One byte past the limit: a file may grow between stat() and read().
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise ArticleError(shown, "no such file") from None
    except PermissionError:
        raise ArticleError(shown, "permission denied (cannot read the file)") from None
    except IsADirectoryError:
        raise ArticleError(shown, "is a directory, not an article file") from None
    except OSError as error:
        raise ArticleError(shown, f"cannot read the file ({error.strerror or error})") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(shown, _too_large(len(data)))
    if not data:
        raise ArticleError(shown, "empty file")
    return data


def _too_large(size: int) -> str:
    limit_mb = MAX_ARTICLE_BYTES / (1024 * 1024)
    return f"file too large ({size / (1024 * 1024):.1f} MB; the limit is {limit_mb:g} MB)"


def decode_article_bytes(data: bytes, path: object = "<bytes>") -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 without
    a BOM when its NUL pattern gives it away, else Windows-1252 for legacy single-byte text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ArticleError(path, f"looks like {kind}, not a text article")
    encoding = _bom_encoding(data) or _bomless_utf16(data)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise ArticleError(path, f"cannot decode the text as {encoding}") from None
    if b"\x00" in data:
        raise ArticleError(path, "contains NUL bytes: looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _legacy_single_byte(data, path)
    if _looks_binary(text):
        raise ArticleError(path, "mostly control characters: looks like a binary file, not text")
    return text


def _bom_encoding(data: bytes) -> str | None:
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) >= 0.4 * half and even.count(0) <= 0.05 * half:
        return "utf-16-le"
    if even.count(0) >= 0.4 * half and odd.count(0) <= 0.05 * half:
        return "utf-16-be"
    return None


def _legacy_single_byte(data: bytes, path: object) -> str:
    """Windows-1252, the usual encoding of old Western text, when the bytes plausibly are it."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ArticleError(
            path, "cannot decode the text (not UTF-8, UTF-16 or Windows-1252)"
        ) from None
    # cp1252 maps almost every byte to something, so random bytes "decode" too. Real legacy
    # text is mostly ASCII with the odd accented letter or curly quote.
    high = sum(1 for byte in data if byte >= 0x80)
    if high > 0.3 * len(data):
        raise ArticleError(path, "cannot decode the text (not UTF-8, UTF-16 or Windows-1252)")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v\x1b")
    return controls > 0.1 * len(sample)


# --- Plain text -------------------------------------------------------------------------------


def _read_text(path: str, text: str) -> RawArticle:
    units = _text_paragraphs(text)
    preamble: list[str] = []
    published: str | None = None
    # Site chrome above the headline: cookie banners, "Skip to content", nav rows, a section
    # label ("World news") or a bare date over a headline.
    while len(units) > 1:
        menu = _nav_run_length(units)
        if menu:
            preamble.extend(units[:menu])
            published = published or _first_date(units[:menu])
            units = units[menu:]
            continue
        first_line = units[0].split("\n", 1)[0]
        date_line = _first_date([first_line])
        section = _is_section_label(first_line) and _headline_shaped(_one_line(units[1]))
        if not (_is_leading_chrome(first_line) or section or date_line):
            break
        published = published or date_line
        preamble.append(first_line)
        rest = units[0].split("\n", 1)[1:]
        units = rest + units[1:] if rest else units[1:]
    stamp = _DATE_STAMP.match(units[0])
    if stamp and len(units[0]) > stamp.end():
        # "date 2022-03-29 The Russian Federation has decided ...": a page dump's date
        # stamp before its first words
        published = published or parse_date(stamp.group(1))
        preamble.append(stamp.group(0).strip())
        units[0] = units[0][stamp.end() :]
    while len(units) > 1 and _menu_strip(_one_line(units[0])):
        # "icon bookmark icon camera icon check ...": a page's icon or menu strip, too long for
        # a headline and with no sentence in it
        preamble.append(_one_line(units.pop(0)))
    first = _one_line(units.pop(0))
    if len(first) > MAX_TITLE_CHARS or _lead_sentence(first):
        # No headline line: the first line is already the story. Title it by its opening
        # sentence and keep the whole line in the body.
        title = _title_from_sentence(first)
        units.insert(0, first)
        headline = False
    else:
        title = first
        headline = True
    dek: str | None = None
    # a standfirst stands under a headline; the story's own first line is no standfirst
    if headline and len(units) >= 2 and _is_dek(_one_line(units[0]), _one_line(units[1])):
        dek = _one_line(units.pop(0))
    published = published or _dateline_date([_one_line(u) for u in units[:3]])
    return RawArticle(
        path=path,
        raw_text=text,
        title=title,
        dek=dek,
        paragraphs=tuple(units),
        meta=ArticleMeta(published=published),
        preamble_removed=tuple(preamble),
    )


def _text_paragraphs(text: str) -> list[str]:
    """The paragraphs of a plain-text article: one per non-empty line (the seed's layout), or,
    for text hard-wrapped at a fixed width, one per block between blank lines, its lines kept
    apart by "\n" so that the cleaner still judges each line."""
    blocks: list[list[str]] = [[]]
    for line in (raw.strip() for raw in text.split("\n")):
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if _is_hard_wrapped(blocks):
        return ["\n".join(block) for block in blocks]
    return [line for block in blocks for line in block]


def _is_hard_wrapped(blocks: list[list[str]]) -> bool:
    """Most lines sit in multi-line blocks, no line is long, and lines break mid-sentence."""
    multi = [block for block in blocks if len(block) >= 2]
    lines = [line for block in blocks for line in block]
    if len(multi) < 2 or sum(len(b) for b in multi) < 0.6 * len(lines):
        return False
    lengths = sorted(len(line) for line in lines)
    if lengths[int(0.95 * (len(lengths) - 1))] > 100:
        return False
    inner = [line for block in multi for line in block[:-1]]
    open_ends = sum(1 for line in inner if not re.search(r"[.!?:;\"'”’)]$", line))
    return open_ends >= 0.5 * len(inner)


# Section labels ("kickers") that sites print above a headline.
_SECTION_WORDS = (
    r"world|europe|asia|asia[ -]pacific|africa|americas|middle east|latin america|uk|us|u\.s\."
    r"|china|russia|ukraine|politics|business|markets|economy|finance|energy|commodities|trade"
    r"|technology|tech|science|climate|environment|health|sport|sports|opinion|analysis"
    r"|exclusive|breaking|live|explainer|comment|diplomacy|defen[cs]e|security|world news"
    r"|international|national|global|foreign affairs|policy|government|legal|news|latest"
    r"|war in ukraine|ukraine war|russia-ukraine war|israel-gaza war|sanctions"
)
_SECTION_LABEL = re.compile(
    rf"(?:{_SECTION_WORDS})(?: news)?(?:\s*(?:[/|>&,-]|and)\s*(?:{_SECTION_WORDS})(?: news)?)*",
    re.IGNORECASE,
)
_DATE_ONLY = re.compile(r"[\w ,./:-]{6,40}")


# A date stamp a page dump puts before its first words: "date 2022-03-29", "Published: 2022-03-29".
_DATE_STAMP = re.compile(
    r"\s*(?:date|published|posted)\s*:?\s+(\d{4}-\d{2}-\d{2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?\s+",  # a time, never the first words
    re.IGNORECASE,
)
# Headlines are short and end without a full stop; a first line of this many words ending in one
# is the story's first paragraph: there is no headline line. A first line of ten words or more
# ending in a full stop ("India has banned wheat exports to arrest rising domestic prices.") is
# a sentence too; a shorter one may be a headline written as one ("Ghana recalls its envoy.").
LEAD_SENTENCE_WORDS = 25
SHORT_LEAD_WORDS = 10


def _lead_sentence(line: str) -> bool:
    words = len(line.split())
    if words >= LEAD_SENTENCE_WORDS:
        return bool(re.search(r"[.!?][\"'”’)]*$", line))
    return words >= SHORT_LEAD_WORDS and bool(re.search(r"\.[\"'”’)]*$", line))


def _menu_strip(line: str) -> bool:
    """A line longer than any headline with no sentence mark in it: words of a page's chrome."""
    return len(line) > MAX_TITLE_CHARS and not re.search(r"[.!?,;:\"“”]", line)


def _first_date(lines: list[str]) -> str | None:
    """The date of the first line that is nothing but a date ("April 8, 2022")."""
    return next(
        (found for line in lines if _DATE_ONLY.fullmatch(line) and (found := parse_date(line))),
        None,
    )


def _is_section_label(line: str) -> bool:
    return len(line) <= 40 and bool(_SECTION_LABEL.fullmatch(line.strip()))


def _is_leading_chrome(line: str) -> bool:
    """Chrome above a headline: a chrome line, or a notice about cookies and consent written as
    a sentence (a headline never ends with a full stop)."""
    return is_chrome(line) or (
        is_consent_notice(line) and bool(re.search(r"[.!][\"'”’)]*$", line.strip()))
    )


def _nav_run_length(units: list[str], headings: frozenset[int] = frozenset()) -> int:
    """How many menu-like lines (a few words, no punctuation, one line each) open the text, when
    two or more of them stand right above a headline (a headline-shaped line, or a Markdown
    heading: the indexes in ``headings``): the site's navigation. One short line alone may be a
    short headline ("Russia retaliates"), so it does not count."""
    run = 0
    for index, unit in enumerate(units):
        line = _one_line(unit)
        menu_like = "\n" not in unit and len(line.split()) <= 3
        if index not in headings and menu_like and not re.search(r"[.!?,;:\"“”]", line):
            run += 1
            continue
        return run if run >= 2 and (index in headings or _headline_shaped(line)) else 0
    return 0


def _headline_shaped(line: str) -> bool:
    return (
        len(line.split()) >= 4
        and len(line) <= MAX_TITLE_CHARS
        and not re.search(r"[.:;][\"'”’)]*$", line)
    )


# Words whose full stop ends no sentence: "U.S.", "Mr.", "Jan."
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_ABBREVIATIONS = frozenset(
    {"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Prof", "No"}
    | {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
)


def _title_from_sentence(line: str) -> str:
    sentence = line
    for stop in re.finditer(r"[.!?](?=\s)", line):
        word = line[: stop.end()].rsplit(None, 1)[-1]
        if word.endswith(".") and (_INITIALS.fullmatch(word) or word[:-1] in _ABBREVIATIONS):
            continue  # "The U.S. Department of Commerce ..." goes on
        sentence = line[: stop.end()]
        break
    if len(sentence) <= 120:
        return sentence
    return sentence[:120].rsplit(" ", 1)[0] + "…"


_WEEKDAY = r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"


def _is_dek(candidate: str, following: str) -> bool:
    """Whether the line after the headline is a standfirst rather than the story's first line.

    A dek is a single sentence-like line, shorter than the lead, that usually carries no final
    full stop; a lead is a full sentence with a full stop, often with "said" or a weekday.
    """
    words = candidate.split()
    if len(words) < 3 or len(candidate) > MAX_DEK_CHARS:
        return False
    if is_chrome(candidate) or _dateline_date([candidate]) or _BYLINE.match(candidate):
        return False
    if candidate[0] in "\"'“‘«(-—•*":  # a quote or a list item: body text
        return False
    if re.search(r"[:—–-]$", candidate.rstrip()):  # introduces what follows ("MOSCOW (AP) —")
        return False
    ends_sentence = bool(re.search(r"[.!?…][\"'”’)]*$", candidate))
    if not ends_sentence:
        return True
    # A full stop: a dek only if it is one short sentence, much shorter than the lead, without
    # the marks of a lead paragraph (a weekday, a reporting verb). A short lead of an article
    # without a dek has the same shape, so the bar is high.
    if len(candidate) > 140 or len(following) < 1.5 * len(candidate):
        return False
    if re.search(r"[.!?]\s+[A-Z]", candidate):
        return False
    return not re.search(_WEEKDAY + _REPORTING, candidate, re.IGNORECASE)


_REPORTING = r"|\b(said|says|say|told|tells|announced|announces|according to|reported)\b"


_BYLINE = re.compile(r"by [A-Z][\w.'-]+", re.IGNORECASE)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_FORMS = (
    re.compile(r"(?P<year>\d{4})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})(?:[T ].*)?"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.IGNORECASE),
    re.compile(
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.IGNORECASE
    ),
)
# "MOSCOW, March 15, 2022", "Published: 8 April 2022", "Friday, April 8, 2022 10:00 GMT".
_DATELINE = re.compile(
    r"(?:[A-Z][\w .'-]{1,40},\s*)?(?:(?:published|updated|posted)(?: on)?:?\s*)?"
    r"(?:" + _WEEKDAY + r",?\s*)?"
    r"(?P<date>[\w ,./-]{6,30}?)(?:\s*[-,|]?\s*\d{1,2}[:.]\d{2}.{0,20})?",
    re.IGNORECASE,
)


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date written in one of the common ways, else None."""
    value = text.strip().strip("\"'")
    value = re.sub(r"^" + _WEEKDAY + r",?\s*", "", value, flags=re.IGNORECASE)
    for form in _DATE_FORMS:
        match = form.fullmatch(value) or form.match(value)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()]
        try:
            return date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:
            return None
    return None


def _dateline_date(lines: list[str]) -> str | None:
    for line in lines:
        if len(line) > 80:
            continue
        match = _DATELINE.fullmatch(line)
        if match:
            found = parse_date(match.group("date"))
            if found:
                return found
    return None


# --- Markdown ---------------------------------------------------------------------------------

_FRONT_MATTER_FENCE = re.compile(r"---[ \t]*")
_FRONT_MATTER_END = re.compile(r"(---|\.\.\.)[ \t]*")
_KEY_VALUE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*)|[ \t]*)")
_LIST_ITEM = re.compile(r"[ \t]*-[ \t]+(.*)")
_DEK_KEYS = ("dek", "standfirst", "subtitle", "subheadline", "description", "summary", "excerpt")


@dataclass
class _Block:
    """One block of a Markdown body, as plain text."""

    text: str
    kind: str  # "heading", "paragraph", "item", "quote", "row", "code", "html"
    level: int = 0  # heading level
    emphasized: bool = False  # the whole paragraph is in italics/bold


def _read_markdown(path: str, text: str) -> RawArticle:
    front, body = split_front_matter(text)
    blocks = markdown_blocks(body)
    preamble: list[str] = []
    leading_date = _skip_markdown_chrome(blocks, preamble)

    title = _scalar(front.get("title")) or None
    if title is None:
        if blocks and _is_markdown_title(blocks[0]):
            title = _one_line(blocks.pop(0).text)
        elif blocks:
            title = _title_from_sentence(_one_line(blocks[0].text))
        else:
            title = Path(path).stem.replace("_", " ").replace("-", " ")
    elif blocks and blocks[0].kind == "heading" and _same_text(blocks[0].text, title):
        blocks.pop(0)  # the front matter title repeated as the first heading

    dek = next((_scalar(front[k]) for k in _DEK_KEYS if _scalar(front.get(k))), None)
    if dek is None and len(blocks) >= 2 and _is_markdown_dek(blocks[0]):
        dek = _one_line(blocks.pop(0).text)

    source = _scalar(front.get("source") or front.get("publisher") or front.get("site_name"))
    url = _scalar(front.get("url") or front.get("link") or front.get("canonical"))
    if re.match(r"https?://", source):
        # Web clippers write the page address as `source`: keep it as the URL and name the
        # publication by its host.
        url = url or source
        source = re.sub(r"^www\.", "", urlsplit(source).hostname or "")
    meta = ArticleMeta(
        source=source or None,
        published=(
            _published(front) or leading_date or _dateline_date([b.text for b in blocks[:2]])
        ),
        url=url or None,
        tags=_tags(front.get("tags") or front.get("tag") or front.get("keywords")),
    )
    paragraphs = tuple(b.text for b in blocks if b.text)
    return RawArticle(
        path=path,
        raw_text=text,
        title=title,
        dek=dek,
        paragraphs=paragraphs,
        meta=meta,
        preamble_removed=tuple(preamble),
    )


def _skip_markdown_chrome(blocks: list[_Block], preamble: list[str]) -> str | None:
    """Move the site chrome above a Markdown page's headline from ``blocks`` to ``preamble``,
    line by line as for plain text (a consent banner and its row of buttons are often one
    paragraph): chrome lines, navigation, a section label or a date over the headline. Returns
    the date, if one stood there."""
    published: str | None = None
    while blocks and blocks[0].kind != "heading":
        headings = frozenset(i for i, block in enumerate(blocks) if block.kind == "heading")
        menu = _nav_run_length([block.text for block in blocks], headings)
        if menu:
            preamble.extend(block.text for block in blocks[:menu])
            published = published or _first_date(preamble[-menu:])
            del blocks[:menu]
            continue
        first, _, rest = blocks[0].text.partition("\n")
        if not rest and len(blocks) == 1:
            break  # what is left is the story
        following = rest or blocks[1].text
        heading_next = not rest and blocks[1].kind == "heading"
        section = _is_section_label(first) and (
            heading_next or _headline_shaped(_one_line(following.split("\n", 1)[0]))
        )
        date_line = _first_date([first])
        if not (_is_leading_chrome(first) or section or date_line):
            break
        published = published or date_line
        preamble.append(first)
        if rest:
            blocks[0] = replace(blocks[0], text=rest)
        else:
            blocks.pop(0)
    return published


def _is_markdown_title(block: _Block) -> bool:
    """Without a front matter title: a leading top heading, or a short one-line first paragraph
    (a headline written without the ``#``)."""
    if block.kind == "heading":
        return block.level <= 2
    return len(block.text) <= MAX_TITLE_CHARS and "\n" not in block.text


def _all_chrome(text: str) -> bool:
    return all(is_chrome(line) for line in text.split("\n"))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _is_markdown_dek(block: _Block) -> bool:
    """A standfirst right after the title: a subheading, or a short paragraph all in italics."""
    if len(block.text) > MAX_DEK_CHARS or _all_chrome(block.text):
        return False
    if block.kind == "heading":
        return block.level >= 2 and len(block.text.split()) >= 4
    return block.kind == "paragraph" and block.emphasized


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _scalar(value: str | list[str] | None) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    return (value or "").strip()


def _published(front: dict[str, str | list[str]]) -> str | None:
    for key in ("published", "date", "published_at", "pubdate"):
        value = _scalar(front.get(key))
        if value:
            return parse_date(value)
    return None


def _tags(value: str | list[str] | None) -> tuple[str, ...]:
    items = value if isinstance(value, list) else (value or "").split(",")
    return tuple(tag for tag in (item.strip() for item in items) if tag)


def split_front_matter(text: str) -> tuple[dict[str, str | list[str]], str]:
    """Split YAML-style front matter off a Markdown text, by hand (no YAML library).

    Understands ``key: value`` lines, quoted strings, ``[a, b]`` flow lists, ``- item`` block
    lists and ``|``/``>`` block scalars. Front matter that is not closed, or whose lines are not
    a mapping, is not front matter: the text is returned whole as the body.
    """
    lines = text.split("\n")
    if not lines or not _FRONT_MATTER_FENCE.fullmatch(lines[0].lstrip("\ufeff")):
        return {}, text
    end = next((i for i in range(1, len(lines)) if _FRONT_MATTER_END.fullmatch(lines[i])), None)
    if end is None:
        return {}, text
    parsed = _parse_mapping(lines[1:end])
    if parsed is None:
        return {}, text
    return parsed, "\n".join(lines[end + 1 :])


def _parse_mapping(lines: list[str]) -> dict[str, str | list[str]] | None:
    result: dict[str, str | list[str]] = {}
    key: str | None = None
    block_scalar: list[str] | None = None
    for line in lines:
        stripped = line.strip()
        if block_scalar is not None:
            if not stripped or line[:1] in " \t":
                block_scalar.append(stripped)
                continue
            result[key or ""] = " ".join(part for part in block_scalar if part)
            block_scalar = None
        if not stripped or stripped.startswith("#"):
            continue
        item = _LIST_ITEM.fullmatch(line)
        if item and key is not None:
            current = result.get(key)
            values = current if isinstance(current, list) else []
            values.append(_unquote(item.group(1)))
            result[key] = values
            continue
        pair = _KEY_VALUE.fullmatch(line)
        if pair and line[:1] not in " \t":
            key, raw = pair.group(1).lower(), (pair.group(2) or "").strip()
            if raw in ("|", ">", "|-", ">-", "|+", ">+"):
                block_scalar = []
            elif raw.startswith("[") and raw.endswith("]"):
                result[key] = _flow_list(raw[1:-1])
            else:
                result[key] = _unquote(raw)
            continue
        if key is not None and line[:1] in " \t" and isinstance(result.get(key), str):
            # A plain scalar continued on an indented line.
            result[key] = f"{result[key]} {_unquote(stripped)}".strip()
            continue
        return None  # not a mapping: this was not front matter
    if block_scalar is not None:
        result[key or ""] = " ".join(part for part in block_scalar if part)
    return result


def _unquote(raw: str) -> str:
    value = raw.strip()
    double = re.match(r'"((?:[^"\\]|\\.)*)"', value)
    if double:  # anything after the closing quote (a comment) is ignored
        escapes = {"n": "\n", "t": "\t"}
        return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), double.group(1))
    single = re.match(r"'((?:[^']|'')*)'", value)
    if single:
        return single.group(1).replace("''", "'")
    # An unquoted value may carry a trailing comment.
    return re.sub(r"\s+#.*$", "", value)


def _flow_list(inner: str) -> list[str]:
    items = re.findall(r"\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^,]*)\s*(?:,|$)", inner)
    return [value for value in (_unquote(item) for item in items) if value]


def _markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def markdown_blocks(body: str) -> list[_Block]:
    """The blocks of a Markdown text as plain text, in order, without any markup."""
    tokens = _markdown_parser().parse(body)
    blocks: list[_Block] = []
    containers: list[str] = []
    heading_level = 0
    row: list[str] | None = None
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            containers.append("quote" if token.type == "blockquote_open" else "item")
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            containers.pop()
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            # Table cells joined by a middle dot: plain text, not a Markdown table.
            text = " · ".join(cell for cell in row if cell)
            if text:
                blocks.append(_Block(text, "row"))
            row = None
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            if row is not None:
                row.append(text)
            elif heading_level:
                blocks.append(_Block(text, "heading", level=heading_level))
            elif text:
                kind = containers[-1] if containers else "paragraph"
                blocks.append(_Block(text, kind, emphasized=_all_emphasized(token.children or [])))
        elif token.type in ("fence", "code_block"):
            # Code fence markers go; the text inside stays, one paragraph per line.
            blocks.extend(
                _Block(line.strip(), "code") for line in token.content.split("\n") if line.strip()
            )
        elif token.type == "html_block":
            text = html_text(token.content)
            if text:
                blocks.append(_Block(text, "html"))
    return [b for b in blocks if b.text]


def _inline_text(children: list[Token]) -> str:
    # Only text survives: emphasis and link markers carry no text of their own, link targets
    # live in attributes, images (and their alt text) are not article text, inline HTML tags
    # are markup.
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            # Kept as a line break: scraped Markdown often puts unrelated lines (a sign-up
            # prompt, a copyright notice) next to each other, and the cleaner judges each line.
            parts.append("\n")
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _all_emphasized(children: list[Token]) -> bool:
    """Whether everything in a paragraph sits inside one emphasis (italics or bold)."""
    meaningful = [c for c in children if not (c.type == "text" and not c.content.strip())]
    if len(meaningful) < 3:
        return False
    first, last = meaningful[0], meaningful[-1]
    if first.type not in ("em_open", "strong_open"):
        return False
    closing = first.type.replace("_open", "_close")
    if last.type != closing or last.level != first.level:
        return False
    # "*a* and *b*" closes the first emphasis early: not one emphasis around everything.
    return not any(c.type == closing and c.level == first.level for c in meaningful[1:-1])
