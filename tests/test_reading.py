"""read_article: layouts (.txt, .md), front matter, encodings, and every way a file can be bad."""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import ArticleError
from briefing.reading import MAX_ARTICLE_BYTES, parse_date, read_article, split_front_matter

SEED = Path(__file__).resolve().parent.parent / "sample_articles" / "000_3697d80e75a72aeb.txt"

LEAD = (
    "The United States said on Thursday it was suspending security assistance to Pakistan "
    "until Islamabad takes decisive action against militant groups."
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- Plain text layout --------------------------------------------------------------------------


def test_seed_layout_headline_dek_and_one_paragraph_per_line() -> None:
    article = read_article(SEED)
    assert article.title == "Japan announces expulsion of 8 Russian diplomats"
    assert article.dek == (
        "Japan is expelling eight Russian diplomats over their country's invasion of Ukraine"
    )
    assert len(article.paragraphs) == 15
    assert article.paragraphs[0].startswith("Japan’s government says it is expelling")
    assert article.paragraphs[-1].startswith("This site is protected by reCAPTCHA")
    assert article.preamble_removed == ()
    assert article.raw_text == SEED.read_text(encoding="utf-8")


def test_site_chrome_above_the_headline_is_skipped_and_recorded(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.txt",
        "Skip to main content\n\nWe use cookies to improve your experience. By continuing you "
        "agree to our use of cookies.\nAccept all cookies\nHome | World | Business | Sport\n"
        "Advertisement\nJapan expels eight Russian diplomats\n" + LEAD + "\nSecond paragraph.\n",
    )
    article = read_article(path)
    assert article.title == "Japan expels eight Russian diplomats"
    assert article.dek is None
    assert article.preamble_removed == (
        "Skip to main content",
        "We use cookies to improve your experience. By continuing you agree to our use of cookies.",
        "Accept all cookies",
        "Home | World | Business | Sport",
        "Advertisement",
    )
    assert article.paragraphs == (LEAD, "Second paragraph.")


def test_a_short_headline_is_not_mistaken_for_chrome(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", "Sanctions\n" + LEAD + "\n"))
    assert article.title == "Sanctions"
    assert article.paragraphs == (LEAD,)


@pytest.mark.parametrize(
    ("second_line", "is_dek"),
    [
        # The seed's shape: a sentence without a final stop.
        ("Washington also shuts two Russian compounds and sanctions Moscow's spies", True),
        # A short one-sentence standfirst with a full stop, shorter than the lead.
        ("Tokyo does not name China, but the rules follow a US push.", True),
        # The lead itself: a full sentence, with the marks of a lead (weekday, "said").
        (LEAD, False),
        ("Officials said on Friday that the talks had failed.", False),
        # A short lead of an article without a dek.
        ("Japan's government says it is expelling eight Russian diplomats.", False),
        ("MOSCOW (AP) —", False),
        # A quote paragraph, a dateline, a byline and a lead-in are body text.
        ('"We will not back down," the minister said', False),
        ("MOSCOW, March 15, 2022", False),
        ("By Jane Smith and Ali Khan", False),
        ("The package contains three measures:", False),
        # Too long for a standfirst.
        ("Word " * 70, False),
    ],
)
def test_dek_is_decided_by_shape(tmp_path: Path, second_line: str, is_dek: bool) -> None:
    body = (
        "The third line is the story: Japan said on Friday that it was expelling eight Russian "
        "diplomats, joining European countries that have done the same."
    )
    article = read_article(write(tmp_path, "a.txt", f"Headline here\n{second_line}\n{body}\n"))
    assert (article.dek == second_line.strip()) is is_dek
    if not is_dek:
        assert article.paragraphs[0] == second_line.strip()


def test_a_file_without_headline_keeps_its_first_paragraph(tmp_path: Path) -> None:
    paragraph = "Japan expelled eight Russian diplomats on Friday. " * 8
    article = read_article(write(tmp_path, "story", paragraph.strip() + "\nMore text.\n"))
    assert article.title == "Japan expelled eight Russian diplomats on Friday."
    assert article.paragraphs[0] == paragraph.strip()


def test_extensionless_and_text_files_read_as_plain_text(tmp_path: Path) -> None:
    for name in ("article", "article.text", "article.TXT", "notes.2022"):
        article = read_article(write(tmp_path, name, "Headline\n" + LEAD + "\n"))
        assert article.title == "Headline"
        assert article.paragraphs == (LEAD,)


def test_dateline_near_the_top_gives_the_published_date(tmp_path: Path) -> None:
    text = "Headline\nA dek without a stop\nMOSCOW, March 15, 2022\n" + LEAD + "\n"
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.meta.published == "2022-03-15"
    assert article.paragraphs[0] == "MOSCOW, March 15, 2022"  # the dateline stays in the story
    undated = read_article(write(tmp_path, "b.txt", "Headline\n" + LEAD + "\n"))
    assert undated.meta.published is None


def test_article_text_stays_data(tmp_path: Path) -> None:
    hostile = "Sanctions \x1b[31mred\x1b[0m [bold]not markup[/bold] *not emphasis* '; DROP TABLE x;"
    article = read_article(write(tmp_path, "a.txt", "Headline\n" + hostile + "\n"))
    assert article.paragraphs == (hostile,)


# --- Markdown -----------------------------------------------------------------------------------

MARKDOWN = """---
title: "Sanctions: the EU's fifth package"  # a comment after a quoted value
source: 'Sample Wire'
published: April 8, 2022
url: https://example.org/a?b=c#d
# a comment line
tags:
  - EU
  - "Russia"
---

*The bloc also shuts its ports to Russian ships*

The European Union on **Friday** adopted a [fifth package](https://example.org/p "title") of
sanctions against _Russia_.

![A ship in port](https://example.org/ship.jpg)

## What the package contains

* A ban on Russian-flagged vessels.
* A ban on road freight operators.

> "This is a quote," she said.

| Country | Measure |
|---------|---------|
| Japan   | expulsion |

```
code inside a fence
```

Text with <span class="x">inline html</span> and `code`.
"""


def test_markdown_front_matter_is_parsed_by_hand(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.md", MARKDOWN))
    assert article.title == "Sanctions: the EU's fifth package"
    assert article.meta.source == "Sample Wire"
    assert article.meta.published == "2022-04-08"
    assert article.meta.url == "https://example.org/a?b=c#d"
    assert article.meta.tags == ("EU", "Russia")


def test_markdown_body_becomes_plain_paragraphs(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.md", MARKDOWN))
    assert article.dek == "The bloc also shuts its ports to Russian ships"
    assert article.paragraphs == (
        "The European Union on Friday adopted a fifth package of\nsanctions against Russia.",
        "What the package contains",
        "A ban on Russian-flagged vessels.",
        "A ban on road freight operators.",
        '"This is a quote," she said.',
        "Country · Measure",
        "Japan · expulsion",
        "code inside a fence",
        "Text with inline html and code.",
    )
    joined = "\n".join(article.paragraphs)
    for markup in ("https://", "**", "](", "![", "```", "<span", "|", "ship.jpg"):
        assert markup not in joined


def test_markdown_heading_is_the_title_without_front_matter(tmp_path: Path) -> None:
    text = "# Europe closes its skies\n\n## Russia answers with a ban on 36 countries\n\nBody.\n"
    article = read_article(write(tmp_path, "a.markdown", text))
    assert article.title == "Europe closes its skies"
    assert article.dek == "Russia answers with a ban on 36 countries"
    assert article.paragraphs == ("Body.",)


def test_markdown_short_subheading_is_a_section_not_a_dek(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.md", "# Title\n\n## Background\n\nBody text.\n"))
    assert article.dek is None
    assert article.paragraphs == ("Background", "Body text.")


def test_markdown_title_repeated_as_heading_is_dropped_once(tmp_path: Path) -> None:
    text = "---\ntitle: Same title\ndek: From the front matter\n---\n# Same title\n\nBody.\n"
    article = read_article(write(tmp_path, "a.md", text))
    assert (article.title, article.dek, article.paragraphs) == (
        "Same title",
        "From the front matter",
        ("Body.",),
    )


@pytest.mark.parametrize("key", ["dek", "description", "summary", "subtitle", "standfirst"])
def test_markdown_dek_from_front_matter(tmp_path: Path, key: str) -> None:
    text = f"---\ntitle: T\n{key}: The standfirst\n---\n\n*An italic first line*\n\nBody.\n"
    article = read_article(write(tmp_path, "a.md", text))
    assert article.dek == "The standfirst"
    assert article.paragraphs[0] == "An italic first line"


def test_markdown_partly_italic_first_paragraph_is_not_a_dek(tmp_path: Path) -> None:
    text = "# Title\n\n*Japan* expels diplomats, and *Russia* promises a reply.\n\nBody.\n"
    article = read_article(write(tmp_path, "a.md", text))
    assert article.dek is None
    assert article.paragraphs[0] == "Japan expels diplomats, and Russia promises a reply."


def test_flow_lists_quotes_and_block_scalars_in_front_matter() -> None:
    front, body = split_front_matter(
        "---\ntags: [a, \"b, c\", 'd''s']\nsummary: >\n  folded\n  text\ntitle: x # note\n---\nB"
    )
    assert front == {"tags": ["a", "b, c", "d's"], "summary": "folded text", "title": "x"}
    assert body == "B"


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Never closed\n\nBody text.\n",  # unterminated
        "---\nJust a line of prose, not a mapping\n---\n\nBody text.\n",  # not a mapping
        "---\n---\nBody text.\n",  # empty
        "---\n: no key\n---\nBody text.\n",
    ],
)
def test_odd_front_matter_never_crashes(tmp_path: Path, text: str) -> None:
    article = read_article(write(tmp_path, "a.md", text))
    assert "Body text." in [*article.paragraphs, article.title]


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2022-04-08", "2022-04-08"),
        ("2022-04-08T10:30:00Z", "2022-04-08"),
        ("'2022/4/8'", "2022-04-08"),
        ("April 8, 2022", "2022-04-08"),
        ("Friday, April 8, 2022", "2022-04-08"),
        ("8 April 2022", "2022-04-08"),
        ("8th Apr. 2022", "2022-04-08"),
        ("Sept 30 2023", "2023-09-30"),
        ("2022-02-30", None),
        ("last Friday", None),
        ("", None),
    ],
)
def test_parse_date(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


# --- Encodings and line endings -----------------------------------------------------------------

TEXT = "Japan’s ban — “café” déjà vu\nSecond line é\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM: given away by its NUL pattern
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),  # legacy single-byte text
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "cp1252",
        "crlf",
        "cr",
    ],
)
def test_encodings_and_line_endings(tmp_path: Path, data: bytes) -> None:
    article = read_article(write(tmp_path, "a.txt", data))
    assert article.title == "Japan’s ban — “café” déjà vu"
    assert article.paragraphs == ("Second line é",)
    assert "\r" not in article.raw_text and "\ufeff" not in article.raw_text


# --- Bad files: one clear reason, always an ArticleError ----------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n  \n", "only whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        ("doc.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        ("data.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
        ("nul.txt", b"Headline\nbody\x00with a NUL byte\x01\x02\x03 and more text", "NUL bytes"),
        ("bad.txt", b"\x81\x8d\x8f\x90\x9d" * 50, "cannot decode"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 8, "cannot decode"),
        # Every byte is defined in Windows-1252, but text is not made of accented letters only.
        ("mojibake.txt", bytes(range(0xA0, 0x100)) * 8, "cannot decode"),
        ("controls.txt", bytes(range(1, 9)) * 40, "binary"),
        ("report.pdf", b"Headline\nBody\n", "unsupported file type '.pdf'"),
        ("page.odt", b"Headline\nBody\n", "unsupported file type '.odt'"),
    ],
)
def test_bad_files_give_one_clear_line(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    message = str(caught.value)
    assert reason in message
    assert message.startswith(str(path))
    assert "\n" not in message


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a directory"):
        read_article(tmp_path)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(b"Headline\n")
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    with pytest.raises(ArticleError, match=r"file too large \(5\.0 MB; the limit is 5 MB\)"):
        read_article(path)
    path.write_bytes(b"Headline\n" + b"word " * ((MAX_ARTICLE_BYTES - 20) // 5))
    assert read_article(path).title == "Headline"  # just under the limit is fine


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", "Headline\nBody\n")
    path.chmod(0)
    try:
        with pytest.raises(ArticleError, match="permission denied"):
            read_article(path)
    finally:
        path.chmod(0o600)


_SCRATCH = Path(tempfile.mkdtemp(prefix="briefing-reading-"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".md", ""]))
def test_any_bytes_give_an_article_or_an_article_error(data: bytes, suffix: str) -> None:
    path = _SCRATCH / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        article = read_article(path)
    except ArticleError:
        return
    assert article.title.strip()


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_any_markdown_text_reads_without_crashing(text: str) -> None:
    path = _SCRATCH / "fuzz_text.md"
    path.write_text(text, encoding="utf-8")
    try:
        article = read_article(path)
    except ArticleError:
        return
    assert isinstance(article.paragraphs, tuple)


def test_section_label_over_a_headline_is_preamble(tmp_path: Path) -> None:
    text = "World news\nJapan expels eight Russian diplomats over Ukraine\n" + LEAD + "\n"
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.title == "Japan expels eight Russian diplomats over Ukraine"
    assert article.preamble_removed == ("World news",)
    # A short headline is not a section label just because a dek follows it.
    short = "Russia retaliates\nMoscow expels 23 British diplomats and shuts the British Council\n"
    article = read_article(write(tmp_path, "b.txt", short + LEAD + "\n"))
    assert article.title == "Russia retaliates"
    assert article.dek == "Moscow expels 23 British diplomats and shuts the British Council"


def test_a_date_over_the_headline_is_the_published_date(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", "April 8, 2022\nEU bans coal\n" + LEAD))
    assert (article.title, article.meta.published) == ("EU bans coal", "2022-04-08")
    assert article.preamble_removed == ("April 8, 2022",)


def test_a_date_stamp_before_the_first_words_is_the_published_date(tmp_path: Path) -> None:
    lead = (
        "The council of ministers decided on Tuesday to expel four diplomats of the neighbouring "
        "republic, two of them from its consulate in the port city, in answer to a similar step."
    )
    text = f"date 2021-05-04 {lead}\n\nThe envoys were told to leave within a week.\n"
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.meta.published == "2021-05-04"
    assert article.preamble_removed == ("date 2021-05-04",)
    # a first line of that length ending in a full stop is the story's first paragraph
    assert article.paragraphs[0] == lead
    assert article.title.startswith("The council of ministers decided")


def test_a_short_headline_with_a_full_stop_stays_the_headline(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", "Ghana recalls its envoy.\n" + LEAD))
    assert article.title == "Ghana recalls its envoy."
    assert LEAD.strip().split("\n")[0] in article.paragraphs[0]


def test_a_first_line_of_ten_words_ending_in_a_full_stop_is_the_lead(tmp_path: Path) -> None:
    # A page dump whose headline was left behind opens on the story's first sentence: it is
    # the body's first paragraph (its measure is the story's), and titles the article.
    lead = "The island republic on Monday banned all imports of poultry from its neighbour."
    article = read_article(write(tmp_path, "a.txt", lead + "\nThe ban runs for a month.\n"))
    assert article.paragraphs[0] == lead
    assert article.title == lead
    # nor is it a standfirst, however long the paragraph after it
    longer = (
        "The agriculture ministry said the ban would stay until the neighbour could show that "
        "the outbreak of bird flu on its farms near the border had been contained for good."
    )
    plain = "The island republic banned all imports of poultry from its neighbour last week."
    article = read_article(write(tmp_path, "d.txt", f"{plain}\n\n{longer}\n"))
    assert (article.dek, article.paragraphs) == (None, (plain, longer))
    # Nine words may still be a headline, and so may a longer one that exclaims.
    short = "The island republic bans all imports of poultry today."
    assert read_article(write(tmp_path, "b.txt", short + "\n" + LEAD)).title == short
    cry = "Island republic and its neighbour to reopen their embassies at last!"
    assert read_article(write(tmp_path, "c.txt", cry + "\n" + LEAD)).title == cry


def test_an_icon_strip_above_the_story_is_page_chrome(tmp_path: Path) -> None:
    strip = " ".join(f"icon{name}" for name in ["bookmark", "camera", "check", "close"] * 16)
    text = f"date 2022-03-11 {strip}\nChile bans Peruvian poultry\n{LEAD}\n"
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.title == "Chile bans Peruvian poultry"
    assert article.preamble_removed == ("date 2022-03-11", strip)


def test_a_title_taken_from_a_first_sentence_reads_past_abbreviations(tmp_path: Path) -> None:
    lead = (
        "June 23 (Reuters) - The U.S. Department of Commerce on Wednesday added five firms from "
        "the island republic to its export blacklist, citing the use of forced labour. The firms "
        "said they would appeal."
    )
    article = read_article(write(tmp_path, "a.txt", lead + "\n"))
    assert article.title.startswith("June 23 (Reuters) - The U.S. Department of Commerce on")
    assert "said they would appeal" not in article.title


def test_hard_wrapped_text_keeps_sentences_together(tmp_path: Path) -> None:
    text = (
        "EU bans Russian coal in fifth package\n\n"
        "The European Union on Friday adopted a fifth package of sanctions\n"
        "against Russia, including its first ban on a Russian energy\nproduct: coal.\n\n"
        "Imports of Russian coal, worth about 8 billion euros a year,\n"
        "will be banned after a wind-down period that runs until\nAugust.\n"
    )
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.title == "EU bans Russian coal in fifth package"
    assert [" ".join(p.split("\n")) for p in article.paragraphs] == [
        "The European Union on Friday adopted a fifth package of sanctions against Russia, "
        "including its first ban on a Russian energy product: coal.",
        "Imports of Russian coal, worth about 8 billion euros a year, will be banned after a "
        "wind-down period that runs until August.",
    ]
    # One paragraph per line, blank lines or not, is not hard-wrapped.
    spaced = read_article(write(tmp_path, "b.txt", "Headline\n\n" + LEAD + "\n\nShort one.\n"))
    assert spaced.paragraphs == (LEAD, "Short one.")


def test_site_navigation_above_the_headline_is_preamble(tmp_path: Path) -> None:
    text = (
        "Skip to content\nAccessibility Help\nYour account\nHome\nNews\nLifestyle\n"
        "Canada closes airspace to Russian planes\n" + LEAD + "\n"
    )
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.title == "Canada closes airspace to Russian planes"
    assert article.preamble_removed == (
        "Skip to content",
        "Accessibility Help",
        "Your account",
        "Home",
        "News",
        "Lifestyle",
    )


def test_web_clipper_front_matter_with_a_url_as_source(tmp_path: Path) -> None:
    text = (
        "---\ntitle: T\nsource: https://www.example.org/world/a?x=1\n"
        "published: 2022-04-08T10:00:00+00:00\ntags: [clippings]\n---\nBody.\n"
    )
    article = read_article(write(tmp_path, "a.md", text))
    assert article.meta.source == "example.org"
    assert article.meta.url == "https://www.example.org/world/a?x=1"
    assert article.meta.published == "2022-04-08"


def test_error_names_the_file_on_one_printable_line(tmp_path: Path) -> None:
    path = write(tmp_path, "evil\nname\x1b[31m\u202e.txt", b"")
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    message = str(caught.value)
    assert message.endswith("evil\\nname\\x1b[31m\\u202e.txt: empty file")
    assert message.isprintable()


def test_a_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(fifo)


def test_markdown_chrome_and_section_label_above_the_heading(tmp_path: Path) -> None:
    text = "Accept all cookies\n\nWorld news\n\n# Japan expels diplomats\n\nBody.\n"
    article = read_article(write(tmp_path, "a.md", text))
    assert article.title == "Japan expels diplomats"
    assert article.preamble_removed == ("Accept all cookies", "World news")
    assert article.paragraphs == ("Body.",)


CONSENT_BANNERS = [
    # A notice and its buttons in one Markdown paragraph (adjacent lines).
    "We use cookies to improve your experience on our site.\nAccept | Manage preferences",
    # The same as separate blocks, with another row of buttons.
    "We use cookies to improve your experience on our site.\n\nAccept all  Reject all  Customize",
    # A notice no chrome pattern names, worded as a sentence to the reader, and its buttons.
    "Cookies help us show you relevant content. Your choices apply to this device only.\n\n"
    "Agree and close",
    "We and our partners store information on your device.\nYes, I accept · No, thanks\n"
    "Skip to main content",
]
HEADLINE = "Japan expels eight Russian diplomats"
DEK = "Tokyo joins European capitals in a coordinated move"


@pytest.mark.parametrize("banner", CONSENT_BANNERS)
@pytest.mark.parametrize("front_matter", ["", "---\nsource: Sample Wire\n---\n"])
def test_a_consent_banner_above_a_markdown_heading_is_preamble(
    tmp_path: Path, banner: str, front_matter: str
) -> None:
    text = f"{front_matter}{banner}\n\n# {HEADLINE}\n\n*{DEK}*\n\n{LEAD}\n\nSecond paragraph.\n"
    article = read_article(write(tmp_path, "a.md", text))
    assert (article.title, article.dek) == (HEADLINE, DEK)
    assert article.paragraphs == (LEAD, "Second paragraph.")
    banner_lines = [" ".join(line.split()) for line in banner.split("\n") if line.strip()]
    assert list(article.preamble_removed) == banner_lines


@pytest.mark.parametrize("banner", CONSENT_BANNERS)
def test_a_consent_banner_above_a_text_headline_is_preamble(tmp_path: Path, banner: str) -> None:
    text = f"{banner}\n{HEADLINE}\n{DEK}\n{LEAD}\n"
    article = read_article(write(tmp_path, "a.txt", text))
    assert (article.title, article.dek, article.paragraphs) == (HEADLINE, DEK, (LEAD,))


def test_markdown_navigation_and_a_date_above_the_heading(tmp_path: Path) -> None:
    text = f"* Home\n* World\n* Business\n\n# {HEADLINE}\n\n*{DEK}*\n\n{LEAD}\n"
    article = read_article(write(tmp_path, "a.md", text))
    assert (article.title, article.dek, article.paragraphs) == (HEADLINE, DEK, (LEAD,))
    assert article.preamble_removed == ("Home", "World", "Business")
    dated = read_article(
        write(tmp_path, "b.md", f"Europe\n\n8 April 2022\n\n# {HEADLINE}\n\n{LEAD}")
    )
    assert (dated.title, dated.paragraphs) == (HEADLINE, (LEAD,))
    assert dated.preamble_removed == ("Europe", "8 April 2022")
    assert dated.meta.published == "2022-04-08"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_headline_about_privacy_is_not_a_consent_notice(tmp_path: Path, suffix: str) -> None:
    headline = "EU fines Meta over how it uses your personal data"
    article = read_article(write(tmp_path, f"a{suffix}", f"{headline}\n\n{LEAD}\n"))
    assert article.title == headline
    assert article.paragraphs == (LEAD,)


def test_story_text_above_a_markdown_heading_is_kept(tmp_path: Path) -> None:
    # A consent-worded sentence of the story, not a banner: it has no banner line around it.
    story = f"{LEAD}\nOfficials said the cookies and privacy rules you follow stay in force."
    text = f"{story}\n\n# What the package contains\n\nA ban on coal.\n"
    article = read_article(write(tmp_path, "a.md", text))
    assert article.preamble_removed == ()
    assert article.paragraphs[0] == story


def test_a_date_stamp_never_takes_the_first_words_with_it(tmp_path: Path) -> None:
    text = (
        "date 2021-05-04 10 diplomats of the neighbouring republic were told on Tuesday to leave "
        "within a week, the council of ministers said in a statement after a long meeting.\n"
    )
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.meta.published == "2021-05-04"
    assert article.paragraphs[0].startswith("10 diplomats of the neighbouring republic")


@pytest.mark.parametrize("state", ["US", "U.S."])
def test_the_us_in_a_lead_about_privacy_is_not_the_reader(tmp_path: Path, state: str) -> None:
    # "privacy" and "US" read as a consent notice's "privacy" and "us": the story's lead went
    lead = (
        f"The {state} Commerce Department has barred a foreign messaging app from official "
        "phones, citing risks to data privacy and to sensitive government information."
    )
    text = f"date 2025-03-18 {lead}\nThe order applies from next month.\n"
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.preamble_removed == ("date 2025-03-18",)
    assert article.paragraphs[0] == lead
