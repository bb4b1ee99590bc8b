"""Property tests over the whole pipeline and the export (hypothesis, bounded example counts):
whatever the text, the analysis returns with exact offsets and as JSON; whatever the library
holds, the briefing is Markdown with no control characters but newline and tab."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from briefing.cleaning import clean_article
from briefing.errors import ArticleError, BriefingError
from briefing.export import ExportOptions, render_briefing
from briefing.model import MEASURE_TYPES, STATUSES, Analysis, ArticleMeta, Fact
from briefing.nlp import Analyzer
from briefing.reading import read_article
from briefing.store import Library

from .support import HOSTILE_SNIPPETS

# Text a file can hold (no lone surrogates, which no encoding writes), biased towards what
# breaks things: markup, escapes, line-break characters, bidi and combining marks, news words.
WORDS = st.sampled_from(
    [
        *HOSTILE_SNIPPETS,
        "Japan", "expelled", "eight", "Russian", "diplomats", "sanctions", "on", "Friday",
        "the", "European", "Union", "froze", "assets", "of", ".", ",", "\n", "\n\n", "\r\n",
        "\r", "\t", "---", "# ", "> ", "- ", "| a | b |", "```", "\u2028", "\x85", "\x0c",
        "e\u0301", "👍🏽", "مرحبا", "שלום", "日本", ")" * 300, "x" * 500,
    ]
)  # fmt: skip
ARTICLE_TEXT = st.lists(
    st.one_of(WORDS, st.text(st.characters(codec="utf-8"), max_size=30)),
    max_size=80,
).map(" ".join)

CONTROL_BUT_LAYOUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=ARTICLE_TEXT, suffix=st.sampled_from([".txt", ".md"]))
def test_any_text_analyses_with_exact_offsets_and_valid_json(
    analyzer: Analyzer, text: str, suffix: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_text(text, encoding="utf-8")
        try:
            article = clean_article(read_article(path))
        except ArticleError as error:
            assert error.reason and "\n" not in str(error)  # one line for the user
            return
    analysis = analyzer.analyze(article)
    body = analysis.body
    for actor in analysis.actors:
        assert body[actor.start : actor.end] == actor.text
    for measure in analysis.measures:
        assert body[measure.start : measure.end] == measure.text
        assert measure.type in MEASURE_TYPES
    for fact in analysis.facts:
        assert body[fact.start : fact.end] == fact.sentence
        assert fact.measure in MEASURE_TYPES and fact.status in STATUSES
    encoded = json.dumps(analysis.to_json(), ensure_ascii=False).encode("utf-8")
    assert Analysis.from_json(json.loads(encoded)).to_json() == analysis.to_json()


FIELD = st.text(st.characters(codec="utf-8"), max_size=40) | WORDS


@st.composite
def stored_analyses(draw: st.DrawFn) -> list[tuple[Analysis, str | None, tuple[str, ...]]]:
    """Analyses whose every text field is drawn, with a note and tags for each."""
    result = []
    for number in range(draw(st.integers(1, 3))):
        sentences = draw(st.lists(FIELD.filter(str.strip), min_size=1, max_size=4))
        body = " ".join(sentences)
        facts = []
        for sentence in sentences[:2]:
            start = body.index(sentence)
            facts.append(
                Fact(
                    measure=draw(st.sampled_from(MEASURE_TYPES)),
                    actor=draw(FIELD | st.none()),
                    target=draw(FIELD | st.none()),
                    quantity=draw(FIELD | st.none()),
                    when=draw(FIELD | st.none()),
                    status=draw(st.sampled_from(STATUSES)),
                    sentence=sentence,
                    start=start,
                    end=start + len(sentence),
                )
            )
        analysis = Analysis(
            path=f"{number}-" + draw(FIELD),
            title=draw(FIELD),
            dek=draw(FIELD | st.none()),
            body=body,
            removed=(),
            actors=(),
            measures=(),
            facts=tuple(facts),
            meta=ArticleMeta(
                source=draw(FIELD | st.none()),
                published=draw(st.sampled_from([None, "2024-03-01", "2023-12-31"])),
                url=draw(st.sampled_from([None, "javascript:alert(1)", "http://x.example/a b"])),
            ),
            pipeline_version="test",
        )
        tags = tuple(tag for tag in draw(st.lists(FIELD, max_size=2)) if tag.strip())
        result.append((analysis, draw(FIELD | st.none()), tags))
    return result


def _tokens(text: str) -> list[str]:
    kinds = []
    stack = list(
        MarkdownIt("commonmark")
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .enable("table")
        .parse(text)
    )
    while stack:
        token = stack.pop()
        kinds.append(token.type)
        stack.extend(token.children or [])
    return kinds


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(content=stored_analyses(), title=FIELD | st.none())
def test_any_library_content_exports_as_clean_markdown(
    content: list[tuple[Analysis, str | None, tuple[str, ...]]], title: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder)) as library:
        for number, (analysis, note, tags) in enumerate(content):
            article_id, _ = library.add_analysis(analysis, f"{number}\n{analysis.body}")
            fact = library.facts(article_id)[0]
            library.update_fact(fact.id, note=note, pinned=True)
            for tag in tags:
                try:
                    library.add_tags(article_id, [tag])
                except BriefingError as error:  # an unusable tag is refused, with a message
                    assert "tag" in str(error)
        articles = library.articles()
    options = ExportOptions(title=title, generated_at=datetime(2024, 5, 1, tzinfo=UTC))
    text = render_briefing(articles, options=options)
    assert not CONTROL_BUT_LAYOUT.search(text)
    assert "\u202e" not in text
    kinds = _tokens(text)
    assert not {"html_block", "html_inline", "link_open", "image"} & set(kinds), kinds
