"""``Analyzer``: CleanArticle in, Analysis out, through one spaCy pipeline loaded once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from briefing.model import Actor, Analysis, CleanArticle, Fact, Measure, joint_actors

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Bump whenever the analysis of the same text changes, so stored analyses can be redone.
PIPELINE_VERSION = "64"

# spaCy holds a whole doc in memory (and refuses texts over nlp.max_length): long bodies are
# analysed in chunks of whole paragraphs of at most this many characters, offsets shifted back.
# nlp.pipe holds a batch of up to batch_size docs at once, so memory is bounded by
# batch_size * CHUNK_CHARS: with 100,000-character chunks a 2 MB article peaked at 4.5 GB (16
# chunks in one batch); with 10,000 a batch is at most 160,000 characters. Most news articles
# fit in one chunk; a longer one loses only references back across a paragraph cut.
CHUNK_CHARS = 10_000

# Not used by any rule (coarse POS comes from the tagger's tags through briefing_pos), and
# costly: left out. Together with the lemmatizer it takes about a third of the default
# pipeline's time, which pays for the briefing components and then some.
EXCLUDED_COMPONENTS = ("attribute_ruler",)
# Loaded but never run over a whole doc: the fact rules ask it for the lemma of the few tokens
# they test (``briefing.nlp.components.Lemmas``), each word form once per process.
DISABLED_COMPONENTS = ("lemmatizer",)

LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def build_pipeline() -> Language:
    """The base English model plus the briefing components (see components.py, facts.py)."""
    from briefing.nlp.loader import import_spacy, load_base_model

    import_spacy()  # first: the components import spaCy (see loader.import_spacy)
    from briefing.nlp import components, facts, gazetteer

    del components, facts  # imported for their @Language registrations
    nlp = load_base_model(EXCLUDED_COMPONENTS, DISABLED_COMPONENTS)
    if "briefing_facts" in nlp.pipe_names:
        return nlp
    nlp.add_pipe("briefing_pos", after="tagger")
    nlp.add_pipe("briefing_paragraph_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="briefing_gazetteer", before="ner")
    # add_patterns makes each phrase pattern with nlp.pipe through every component before the
    # ruler (tok2vec, tagger, parser): about 0.45 s per process start for ~900 patterns. The ruler
    # matches on ORTH (the default phrase_matcher_attr), which only the tokenizer sets, so the
    # patterns are made with every component disabled: the same Docs at tokenizer cost.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer.ruler_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("briefing_actors", after="ner")
    nlp.add_pipe("briefing_measures", after="briefing_actors")
    nlp.add_pipe("briefing_facts", after="briefing_measures")
    return nlp


@cache
def _shared_analyzer() -> Analyzer:
    return Analyzer(build_pipeline())


class Analyzer:
    """Runs the pipeline over cleaned articles. Create it with ``Analyzer.load()``."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        # The trained fact filter (fact_filter.py); off only to build its training table.
        self.use_fact_filter = True

    @classmethod
    def load(cls) -> Analyzer:
        """The process-wide analyzer (the model loads on first use only)."""
        return _shared_analyzer()

    def analyze(self, article: CleanArticle) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(
        self, articles: Iterable[CleanArticle], *, batch_size: int = 16, n_process: int = 1
    ) -> Iterator[Analysis]:
        """Analyses in the order of ``articles``, through one ``nlp.pipe`` stream."""
        pending: dict[int, _Accumulator] = {}

        def chunks() -> Iterator[tuple[str, tuple[int, int]]]:
            for index, article in enumerate(articles):
                parts = split_body(article.body)
                headline = _headline_text(article.title, article.body)
                pending[index] = _Accumulator(
                    article, len(parts) + bool(headline), self.use_fact_filter
                )
                for offset, text in parts:
                    yield _speakable(text), (index, offset)
                if headline:
                    yield _speakable(headline), (index, HEADLINE)

        docs = self.nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        for doc, (index, offset) in docs:
            accumulator = pending[index]
            accumulator.add(doc, offset)
            if accumulator.complete:
                del pending[index]
                yield accumulator.analysis()


# The offset a headline goes through the pipe with: it is read for facts only (its actors and
# measures have no place in the body), see ``_Accumulator.analysis``.
HEADLINE = -1
HEADLINE_LIMIT = 300  # a longer "title" is a first paragraph taken for one, already in the body


def _headline_text(title: str, body: str) -> str:
    title = " ".join(title.split())
    if not title or len(title) > HEADLINE_LIMIT:
        return ""
    title = _sentence_case(title, body)
    # A headline reads as a sentence: "Japan expels 8 Russian diplomats" gets its full stop.
    return title if title[-1] in ".!?" else title + "."


WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _sentence_case(title: str, body: str) -> str:
    """A headline in title case ("Obama Vows to Veto New Iran Sanctions") with its common
    words lowered as the body writes them ("Obama Vows to veto new Iran sanctions"), so that
    the model does not read "Veto New" as a name. A word the body never writes in lower case
    keeps its capital; a headline in sentence case is left as it is."""
    words = list(WORD.finditer(title))
    long_words = [m.group() for m in words if len(m.group()) >= 4]
    if sum(w[0].isupper() for w in long_words) < max(3, 0.75 * len(long_words)):
        return title
    in_body = set(WORD.findall(body))
    chars = list(title)
    for match in words[1:]:
        word = match.group()
        lower = word[0].lower() + word[1:]
        if (
            word[0].isupper()
            and len(lower) == len(word)
            and lower in in_body
            and word not in in_body
        ):
            chars[match.start()] = lower[0]
    return "".join(chars)


# spaCy's tokenizer strips the suffixes of a run without whitespace one character at a time,
# searching the whole rest of the run each time: 8,000 closing brackets take 20 s, 100,000 most
# of an hour. No word is this long, so such a run reaches the model broken by a space.
LONG_RUN = re.compile(r"\S{200}")


def _speakable(text: str) -> str:
    """spaCy cannot encode lone surrogates (from broken input); each becomes U+FFFD, and every
    200th character of a run without whitespace becomes a space, one character for one, so
    offsets into the original body stay right (span texts are taken from the body)."""
    text = LONG_RUN.sub(lambda run: run.group()[:-1] + " ", text)
    return LONE_SURROGATES.sub("\ufffd", text)


def split_body(body: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, text) pieces of at most ``limit`` characters, cut at paragraph breaks if any,
    else at whitespace, else anywhere. Always at least one piece."""
    if len(body) <= limit:
        return [(0, body)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(body):
        end = min(start + limit, len(body))
        if end < len(body):
            cut = body.rfind("\n\n", start + 1, end)
            if cut <= start:
                cut = max(body.rfind(" ", start + 1, end), body.rfind("\n", start + 1, end))
            if cut > start:
                end = cut
        pieces.append((start, body[start:end]))
        start = end
    return pieces


@dataclass
class _Accumulator:
    """Collects the chunks of one article and shifts their offsets back into the body."""

    article: CleanArticle
    expected: int
    filtered: bool = True
    seen: int = 0
    actors: list[Actor] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    headline_facts: list[dict[str, Any]] = field(default_factory=list)
    # (measure type, start, end) of the body sentence holding each measure, in body order
    measure_sentences: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.seen >= self.expected

    def add(self, doc: Doc, offset: int) -> None:
        from briefing.nlp.facts import strip_offsets

        self.seen += 1
        if offset == HEADLINE:
            self.headline_facts.extend(doc._.facts or ())
            return
        body = self.article.body
        for ent in doc._.actors:
            start, end = ent.start_char + offset, ent.end_char + offset
            self.actors.append(
                Actor(
                    text=body[start:end],
                    label=ent.label_,
                    canonical=ent._.canonical,
                    start=start,
                    end=end,
                    kind=ent._.actor_kind,
                )
            )
        for span in doc._.measures:
            start, end = span.start_char + offset, span.end_char + offset
            self.measures.append(Measure(body[start:end], span.label_, start, end))
            sent_start, sent_end = strip_offsets(
                body, span.sent.start_char + offset, span.sent.end_char + offset
            )
            self.measure_sentences.append((span.label_, sent_start, sent_end))
        for fact in doc._.facts or ():
            shifted = dict(fact)
            shifted["start"] += offset
            shifted["end"] += offset
            self.facts.append(shifted)

    def analysis(self) -> Analysis:
        from briefing.nlp.facts import dedupe

        body = self.article.body
        kept = dedupe(self.facts)
        kept.extend(self._headline_only(kept))
        kept.sort(key=lambda f: f["start"])
        facts = tuple(
            Fact(
                measure=f["measure"],
                actor=f["actor"],
                target=f["target"],
                quantity=f["quantity"],
                when=f["when"],
                status=f["status"],
                sentence=body[f["start"] : f["end"]],
                start=f["start"],
                end=f["end"],
                target_stated=not f.get("inferred_target"),
            )
            for f in kept
        )
        if self.filtered and facts:
            from briefing.nlp.fact_filter import shipped_filter

            keep = shipped_filter().keep(
                [fact.to_json() for fact in facts],
                [actor.to_json() for actor in self.actors],
                len(body),
            )
            facts = tuple(fact for fact, kept_it in zip(facts, keep, strict=True) if kept_it)
        return Analysis(
            path=self.article.path,
            title=self.article.title,
            dek=self.article.dek,
            body=body,
            removed=self.article.removed,
            actors=tuple(self.actors),
            measures=tuple(self.measures),
            facts=facts,
            meta=self.article.meta,
            pipeline_version=PIPELINE_VERSION,
        )

    def _headline_only(self, body_facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Facts the headline states and the body reports under no such actor ("Hungary's veto
        blocks EU sanctions" over a body that speaks of "the veto" and "the bloc"): kept with
        the first body sentence that speaks of a measure of that type as their evidence. A
        headline fact with no such sentence in the body is left out: nothing to show for it."""
        from briefing.nlp.facts import POLARITY

        added: list[dict[str, Any]] = []
        for fact in self.headline_facts:
            anchor = next((m for m in self.measure_sentences if m[0] == fact["measure"]), None)
            if anchor is None:
                continue
            fact = dict(fact, start=anchor[1], end=anchor[2])
            names = _actor_names(fact["actor"])
            if any(
                other["measure"] == fact["measure"]
                and (
                    names & _actor_names(other["actor"])
                    or POLARITY.get(other["status"]) == POLARITY.get(fact["status"])
                )
                for other in (*body_facts, *added)
            ):
                # The body reports it: by one of the same actors, or a measure of that type
                # going the same way ("Western allies cut banks off" over the list of allies)
                continue
            added.append(fact)
        return added


def _actor_names(actor: object) -> set[str]:
    """The actors a fact names: "Europe and Canada" is {"europe", "canada"}."""
    return {name.lower() for name in joint_actors(str(actor or ""))}
