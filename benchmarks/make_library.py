"""Build a synthetic library of N articles (default 10,000) without running the model.

    python benchmarks/make_library.py [--articles N] [--data-dir DIR] [--seed S]

Each article is synthesized as an ``Analysis`` (300-1,200 words, 5-30 actor mentions, 0-12
facts, measures with offsets that slice the body exactly, a few removed chrome lines, a source,
a date and tags) and stored through the real store API, ``Library.add_analysis``: the same
insert code, triggers (full-text index) and transactions as ``briefing add`` uses, only with the
model's work replaced by synthesis. Deterministic for a given seed.

The text is English-like: sentences drawn from a vocabulary with a Zipf-like frequency, so the
full-text index and the ``LIKE`` scan in the search benchmark see a realistic mix of common and
rare words (``SEARCH_WORDS`` lists words of each frequency class).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from briefing.model import Actor, Analysis, ArticleMeta, Fact, Measure

# (surface text, spaCy label, canonical name, kind)
ACTORS: tuple[tuple[str, str, str, str], ...] = (
    ("Japan", "GPE", "Japan", "country"),
    ("Tokyo", "GPE", "Japan", "country"),
    ("Russia", "GPE", "Russia", "country"),
    ("Moscow", "GPE", "Russia", "country"),
    ("the Kremlin", "ORG", "Russia", "country"),
    ("Ukraine", "GPE", "Ukraine", "country"),
    ("Kyiv", "GPE", "Ukraine", "country"),
    ("the United States", "GPE", "United States", "country"),
    ("Washington", "GPE", "United States", "country"),
    ("the White House", "ORG", "United States", "country"),
    ("China", "GPE", "China", "country"),
    ("Beijing", "GPE", "China", "country"),
    ("the European Union", "ORG", "European Union", "group"),
    ("Brussels", "GPE", "European Union", "group"),
    ("the Group of Seven", "ORG", "Group of Seven", "group"),
    ("NATO", "ORG", "NATO", "group"),
    ("the United Nations", "ORG", "United Nations", "organization"),
    ("Britain", "GPE", "United Kingdom", "country"),
    ("London", "GPE", "United Kingdom", "country"),
    ("Germany", "GPE", "Germany", "country"),
    ("Berlin", "GPE", "Germany", "country"),
    ("France", "GPE", "France", "country"),
    ("Paris", "GPE", "France", "country"),
    ("Canada", "GPE", "Canada", "country"),
    ("Australia", "GPE", "Australia", "country"),
    ("Iran", "GPE", "Iran", "country"),
    ("Tehran", "GPE", "Iran", "country"),
    ("North Korea", "GPE", "North Korea", "country"),
    ("Turkey", "GPE", "Turkey", "country"),
    ("India", "GPE", "India", "country"),
    ("Saudi Arabia", "GPE", "Saudi Arabia", "country"),
    ("Lithuania", "GPE", "Lithuania", "country"),
    ("Hungary", "GPE", "Hungary", "country"),
    ("Poland", "GPE", "Poland", "country"),
    ("the Treasury Department", "ORG", "Treasury Department", "organization"),
    ("the Foreign Ministry", "ORG", "Foreign Ministry", "organization"),
    ("Gazprom", "ORG", "Gazprom", "organization"),
    ("Sberbank", "ORG", "Sberbank", "organization"),
    ("the International Monetary Fund", "ORG", "International Monetary Fund", "organization"),
    ("the World Trade Organization", "ORG", "World Trade Organization", "organization"),
    ("Vladimir Putin", "PERSON", "Vladimir Putin", "person"),
    ("Fumio Kishida", "PERSON", "Fumio Kishida", "person"),
    ("Joe Biden", "PERSON", "Joe Biden", "person"),
    ("Ursula von der Leyen", "PERSON", "Ursula von der Leyen", "person"),
    ("Olaf Scholz", "PERSON", "Olaf Scholz", "person"),
    ("Emmanuel Macron", "PERSON", "Emmanuel Macron", "person"),
    ("Hikariko Ono", "PERSON", "Hikariko Ono", "person"),
    ("Mikhail Galuzin", "PERSON", "Mikhail Galuzin", "person"),
    ("Roman Abramovich", "PERSON", "Roman Abramovich", "person"),
    ("Janet Yellen", "PERSON", "Janet Yellen", "person"),
)

# (measure type, verb phrase as it reads in a sentence, plausible targets)
MEASURE_PHRASES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("expulsion", "expels", ("Russian diplomats", "embassy staff", "intelligence officers")),
    ("sanctions", "imposes sanctions on", ("oligarchs", "state banks", "defence companies")),
    (
        "asset_freeze",
        "freezes the assets of",
        ("senior officials", "oligarchs", "the central bank"),
    ),
    ("import_ban", "bans imports of", ("coal", "crude oil", "steel products", "vodka")),
    ("export_control", "restricts exports of", ("semiconductors", "machine tools", "drones")),
    ("financial_restriction", "cuts off from SWIFT", ("major banks", "regional lenders")),
    ("travel_ban", "bars entry to", ("lawmakers", "military commanders", "officials")),
    ("transport_ban", "closes its airspace to", ("airlines", "cargo flights", "vessels")),
    ("trade_restriction", "raises tariffs on", ("aluminium", "farm goods", "luxury cars")),
    ("aid_suspension", "suspends aid to", ("the government", "security forces")),
    ("diplomatic_measure", "recalls its ambassador from", ("the capital", "the embassy")),
)
STATUSES_USED = ("announced", "in_force", "planned", "threatened", "considered", "lifted")
WHEN = ("on Friday", "on Monday", "last week", "this month", "in March", "on Tuesday", None)
SOURCES = ("Reuters", "AP", "AFP", "BBC", "The Guardian", "Nikkei", "Politico", None)
TAGS = ("russia", "china", "energy", "trade", "diplomacy", "finance", "tech", "iran")
CHROME = (
    "Advertisement",
    "Sign up for our newsletter",
    "Share this article",
    "© 2022 Reuters. All rights reserved.",
    "Read more",
    "Accept cookies",
)

_COMMON_TEXT = (
    "the of and to in a is that for on was with said as it by at from his an be has are have "
    "but were not this which they their had its been after also who new two more one would "
    "year over government minister officials country week told about people than other some "
    "could into state when president last first there all percent will since under against "
    "economy talks security statement foreign trade energy market war military leaders "
    "agreement policy prices support between during while ministry spokesperson decision "
    "measures announced plans allies response pressure further deal border forces crisis "
    "summit parliament oil gas bank banks companies exports imports restrictions conflict"
)
_SYLLABLE_TEXT = (
    "ka ro mi ne ta lu so vi de ar en ol is um pra ste gro bel mar tin dov lek sa "
    "nor zu fe ri po ga hel qua tor ven"
)
_COMMON_WORDS = _COMMON_TEXT.split()
_SYLLABLES = _SYLLABLE_TEXT.split()

# Words the search benchmark queries, from every frequency class of the synthetic text (share
# of articles that contain each, in a 10,000-article library with the default seed): the common
# ones are the hard case for the full-text index, the rare ones for the LIKE scan.
SEARCH_WORDS: tuple[str, ...] = (
    "government",  # 86 %
    "summit",  # 53 %
    "sanctions",  # 43 %
    "airspace",  # 46 %
    "Abramovich",  # 30 %
    "Gazprom",  # 29 %
    "semiconductors",  # 16 %
    "coal",  # 13 %
    "oltorgroven",  # 5 %: the vocabulary's long tail stands in for rare names
    "olbeldovven",  # 2 %
)


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = list(_COMMON_WORDS)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


@dataclass(frozen=True, slots=True)
class ArticleShape:
    """How big one synthetic article is."""

    words: int
    actors: int
    facts: int


class Synthesizer:
    """Makes varied, realistic-looking analyses from a seeded random generator."""

    def __init__(self, seed: int = 6) -> None:
        self.rng = random.Random(seed)
        vocabulary = _vocabulary(self.rng, 6000)
        # Zipf-like: the k-th word is 1/k as frequent as the first.
        weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
        # A pool of filler sentences, drawn once: joining pooled sentences is what keeps a
        # 10,000-article library well under a minute.
        cumulative = list(itertools.accumulate(weights))
        self.sentences: list[str] = []
        for _ in range(8000):
            words = self.rng.choices(vocabulary, cum_weights=cumulative, k=self.rng.randint(8, 24))
            words[0] = words[0].capitalize()
            self.sentences.append(" ".join(words) + ".")
        self.start_date = date(2021, 1, 1)

    def shape(self) -> ArticleShape:
        return ArticleShape(
            words=self.rng.randint(300, 1200),
            actors=self.rng.randint(5, 30),
            facts=self.rng.randint(0, 12),
        )

    def analysis(self, index: int, shape: ArticleShape | None = None) -> tuple[Analysis, str]:
        """One article's analysis and the raw text it was "read" from."""
        rng = self.rng
        shape = shape or self.shape()
        body_parts: list[str] = []
        length = 0
        actors: list[Actor] = []
        measures: list[Measure] = []
        facts: list[Fact] = []

        # Sentences that carry facts (one measure each) and plain actor mentions are spread
        # through filler text until the word count is reached.
        fact_slots = set(rng.sample(range(max(shape.facts * 3, 12)), shape.facts))
        mentions_left = shape.actors
        words = 0
        sentence_no = 0
        paragraph_len = 0

        def add(text: str) -> int:
            nonlocal length
            start = length
            body_parts.append(text)
            length += len(text)
            return start

        while words < shape.words or len(facts) < shape.facts or mentions_left > 0:
            if sentence_no and paragraph_len >= rng.randint(2, 5):
                add("\n\n")
                paragraph_len = 0
            elif sentence_no:
                add(" ")
            if sentence_no in fact_slots and len(facts) < shape.facts:
                words += self._fact_sentence(index, add, actors, measures, facts)
                mentions_left -= 1
            elif mentions_left > 0 and rng.random() < 0.5:
                surface, label, canonical, kind = rng.choice(ACTORS)
                filler = rng.choice(self.sentences)
                start = add(surface)
                actors.append(Actor(surface, label, canonical, start, start + len(surface), kind))
                add(" said " + filler[0].lower() + filler[1:])
                words += 2 + filler.count(" ") + surface.count(" ")
                mentions_left -= 1
            else:
                filler = rng.choice(self.sentences)
                add(filler)
                words += filler.count(" ") + 1
            sentence_no += 1
            paragraph_len += 1
            if sentence_no > 10 * max(shape.facts * 3, 12) and len(facts) < shape.facts:
                fact_slots.add(sentence_no)

        body = "".join(body_parts)
        lead_actor = actors[0].canonical if actors else "Officials"
        title = f"{lead_actor} {rng.choice(MEASURE_PHRASES)[1]} {rng.choice(TAGS)} #{index}"
        dek = rng.choice(self.sentences) if rng.random() < 0.6 else None
        removed = tuple(rng.sample(CHROME, rng.randint(0, 3)))
        published = self.start_date + timedelta(days=rng.randint(0, 730))
        source = rng.choice(SOURCES)
        meta = ArticleMeta(
            source=source,
            published=published.isoformat() if rng.random() < 0.9 else None,
            url=f"https://news.example/{index}" if rng.random() < 0.5 else None,
            tags=tuple(sorted(rng.sample(TAGS, rng.randint(0, 2)))),
        )
        path = f"synthetic/{index:06d}.txt"
        analysis = Analysis(
            path=path,
            title=title,
            dek=dek,
            body=body,
            removed=removed,
            actors=tuple(sorted(actors, key=lambda a: a.start)),
            measures=tuple(measures),
            facts=tuple(facts),
            meta=meta,
            pipeline_version="synthetic",
        )
        raw_text = "\n".join([*removed, title, *([dek] if dek else []), body])
        return analysis, raw_text

    def _fact_sentence(
        self,
        index: int,
        add: Callable[[str], int],
        actors: list[Actor],
        measures: list[Measure],
        facts: list[Fact],
    ) -> int:
        rng = self.rng
        surface, label, canonical, kind = rng.choice(ACTORS)
        measure_type, phrase, targets = rng.choice(MEASURE_PHRASES)
        target = rng.choice(targets)
        quantity = str(rng.randint(2, 40)) if rng.random() < 0.3 else None
        when = rng.choice(WHEN)
        sentence = f"{surface} {phrase} " + (f"{quantity} " if quantity else "") + target
        sentence += f" {when}." if when else "."
        start = add(sentence)
        actors.append(Actor(surface, label, canonical, start, start + len(surface), kind))
        measure_start = start + len(surface) + 1
        measures.append(Measure(phrase, measure_type, measure_start, measure_start + len(phrase)))
        facts.append(
            Fact(
                measure=measure_type,
                actor=canonical,
                target=target,
                quantity=quantity,
                when=when.removeprefix("on ") if when else None,
                status=rng.choice(STATUSES_USED),
                sentence=sentence,
                start=start,
                end=start + len(sentence),
            )
        )
        return sentence.count(" ") + 1


@dataclass(frozen=True, slots=True)
class BuildReport:
    data_dir: Path
    articles: int
    facts: int
    seconds: float


def build_library(
    data_dir: Path,
    articles: int = 10_000,
    *,
    seed: int = 6,
    on_progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Store ``articles`` synthetic analyses in the library at ``data_dir``."""
    from briefing.store import Library

    started = time.perf_counter()
    synthesizer = Synthesizer(seed)
    facts = 0
    with Library.open(data_dir) as library:
        for index in range(articles):
            analysis, raw_text = synthesizer.analysis(index)
            _, created = library.add_analysis(analysis, raw_text)
            if not created:
                raise RuntimeError(f"synthetic article {index} deduplicated: generator bug")
            facts += len(analysis.facts)
            if on_progress is not None and (index + 1) % 1000 == 0:
                on_progress(index + 1)
    return BuildReport(data_dir, articles, facts, time.perf_counter() - started)


FACT_FIELDS = tuple(field.name for field in dataclasses.fields(Fact))


def copy_articles(source_dir: Path, article_ids: list[int], data_dir: Path) -> list[int]:
    """Copy articles (analysis and raw text) into a new library at ``data_dir``, keeping the
    order the reader lists them in; return their ids in the new library, in that order.

    ``article_ids`` must be in list order (newest first). They are stored oldest first, so
    that articles of the same date keep their order (ties are broken newest import first).
    """
    from briefing.store import Library

    with Library.open(source_dir, read_only=True) as source:
        stored = [source.article(article_id) for article_id in article_ids]
    with Library.open(data_dir) as library:
        for article in reversed(stored):
            analysis = Analysis(
                path=article.path,
                title=article.title,
                dek=article.dek,
                body=article.body,
                removed=article.removed,
                actors=article.actors,
                measures=article.measures,
                facts=tuple(
                    # A stored fact has every field of a Fact, plus the user's state.
                    Fact(**{name: getattr(fact, name) for name in FACT_FIELDS})
                    for fact in article.facts
                    if fact.origin == "machine" and not fact.hidden
                ),
                meta=article.meta,
                pipeline_version=article.pipeline_version,
            )
            library.add_analysis(analysis, article.raw_text)
        copied = library.summaries(limit=len(stored) + 1)
    if [summary.title for summary in copied] != [article.title for article in stored]:
        raise RuntimeError("copied articles are not listed in the source library's order")
    return [summary.id for summary in copied]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, metavar="N")
    parser.add_argument(
        "--data-dir", type=Path, help="library directory (default: a new temporary directory)"
    )
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    report = build_library(
        data_dir,
        args.articles,
        seed=args.seed,
        on_progress=lambda done: print(f"  {done} articles", file=sys.stderr),
    )
    print(
        f"{report.articles} articles, {report.facts} facts in {report.seconds:.1f} s: "
        f"{report.data_dir}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
