"""Developments on real SQLite libraries: the merge rule's pairs that must and must not merge,
status steps, the user's state carried to developments, moves that survive re-analysis, and
the query language over every key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.model import Analysis, ArticleMeta, Fact
from briefing.query import QueryError, parse_query
from briefing.store import Library

FIXTURES = Path(__file__).parent / "fixtures"


def article(
    title: str,
    sentences: list[tuple[str, str, str | None, str | None, str]],
    *,
    published: str | None,
    source: str = "Reuters",
    tags: tuple[str, ...] = (),
) -> Analysis:
    """An analysed article: one fact per (sentence, measure, actor, target, status)."""
    body = " ".join(sentence for sentence, *_ in sentences)
    facts = []
    for sentence, measure, actor, target, status in sentences:
        start = body.index(sentence)
        facts.append(
            Fact(measure, actor, target, None, None, status, sentence, start, start + len(sentence))
        )
    return Analysis(
        path=f"/news/{title}.txt",
        title=title,
        dek=None,
        body=body,
        removed=(),
        actors=(),
        measures=(),
        facts=tuple(facts),
        meta=ArticleMeta(source=source, published=published, tags=tags),
        pipeline_version="1",
    )


def store(library: Library, analysis: Analysis) -> int:
    article_id, created = library.add_analysis(analysis, analysis.title + analysis.body)
    assert created
    return article_id


def development_of(library: Library, article_id: int, index: int = 0) -> int:
    return library.development_of_fact(library.article(article_id).facts[index].id)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "library")


def test_two_outlets_one_day_apart_in_other_words_are_one_development(library: Library) -> None:
    first = store(
        library,
        article(
            "US bans oil",
            [
                (
                    "The United States banned imports of Russian oil.",
                    "import_ban",
                    "United States",
                    "Russian oil",
                    "announced",
                )
            ],
            published="2022-03-08",
            source="Reuters",
        ),
    )
    second = store(
        library,
        article(
            "Washington embargo",
            [
                (
                    "Washington said it would halt all imports of Russian oil and gas.",
                    "import_ban",
                    "Washington",
                    "all imports of Russian oil and gas",
                    "planned",
                ),
                (
                    "Canada imposed sanctions on Russian banks.",
                    "sanctions",
                    "Canada",
                    "Russian banks",
                    "announced",
                ),
            ],
            published="2022-03-09",
            source="Associated Press",
        ),
    )
    assert development_of(library, first) == development_of(library, second)
    assert development_of(library, second, 1) != development_of(library, first)
    (oil,) = library.developments("measure:import_ban")
    assert [s.source for s in oil.sources] == ["Reuters", "Associated Press"]
    assert [s.article_id for s in oil.sources] == [first, second]
    assert (oil.first_reported, oil.last_reported) == ("2022-03-08", "2022-03-09")
    assert oil.actor in ("United States", "Washington") and oil.report_count == 2
    assert library.count_developments() == 2


@pytest.mark.parametrize(
    ("second", "why"),
    [
        (("Venezuelan gold", "announced", "2022-03-09"), "different targets"),
        (("Russian oil", "announced", "2023-03-08"), "a year apart"),
        (("Russian oil", "announced", "2022-03-23"), "15 days apart"),
        (("Russian oil", "rejected", "2022-03-09"), "rejected is not announced"),
        (("Russian oil", "announced", None), "undated"),
    ],
)
def test_pairs_that_must_not_merge(
    library: Library, second: tuple[str, str, str | None], why: str
) -> None:
    target, status, published = second
    first = store(
        library,
        article(
            "US bans oil",
            [
                (
                    "The United States banned imports of Russian oil.",
                    "import_ban",
                    "United States",
                    "Russian oil",
                    "announced",
                )
            ],
            published="2022-03-08",
        ),
    )
    other = store(
        library,
        article(
            "Another ban",
            [("The US acted again.", "import_ban", "US", target, status)],
            published=published,
        ),
    )
    assert development_of(library, first) != development_of(library, other), why
    assert library.count_developments() == 2


def test_a_status_change_is_a_step_of_the_same_story(library: Library) -> None:
    store(
        library,
        article(
            "Threat",
            [
                (
                    "The EU threatened to ban Russian coal.",
                    "import_ban",
                    "European Union",
                    "Russian coal",
                    "threatened",
                )
            ],
            published="2022-03-30",
        ),
    )
    store(
        library,
        article(
            "Ban",
            [
                (
                    "The bloc banned coal from Russia, the EU said.",
                    "import_ban",
                    "EU",
                    "coal",
                    "announced",
                )
            ],
            published="2022-04-08",
        ),
    )
    store(
        library,
        article(
            "Lifted",
            [("Brussels lifted the coal ban.", "import_ban", "Brussels", None, "lifted")],
            published="2022-04-20",
        ),
    )
    (story,) = library.developments()
    assert story.steps == (
        ("threatened", "2022-03-30"),
        ("announced", "2022-04-08"),
        ("lifted", "2022-04-20"),
    )
    assert story.status == "lifted" and story.actor == "European Union"


def test_pins_hides_and_corrections_carry_to_the_development(library: Library) -> None:
    a = store(
        library,
        article(
            "A",
            [
                (
                    "Japan expels eight Russian diplomats.",
                    "expulsion",
                    "Japan",
                    "Russian diplomats",
                    "announced",
                )
            ],
            published="2022-04-08",
        ),
    )
    b = store(
        library,
        article(
            "B",
            [
                (
                    "Tokyo ordered eight Russian diplomats out.",
                    "expulsion",
                    "Japan",
                    "eight Russian diplomats",
                    "announced",
                )
            ],
            published="2022-04-09",
        ),
    )
    fact_a, fact_b = library.article(a).facts[0], library.article(b).facts[0]
    library.update_fact(fact_b.id, pinned=True)
    (development,) = library.developments("pinned:yes")
    assert development.pinned and development.report_count == 2
    library.update_fact(fact_a.id, hidden=True)
    assert [s.fact.id for s in library.developments()[0].sources] == [fact_b.id]
    library.update_fact(fact_b.id, hidden=True)
    assert library.developments() == [] and library.count_developments() == 0
    assert library.developments(include_hidden=True)[0].hidden
    library.update_fact(fact_a.id, hidden=False)
    library.update_fact(fact_b.id, hidden=False)
    # A corrected target is what the rule compares: the fact leaves, then comes back.
    library.update_fact(fact_b.id, corrections={"target": "Chinese diplomats"})
    assert library.development_of_fact(fact_a.id) != library.development_of_fact(fact_b.id)
    library.update_fact(fact_b.id, revert=["target"])
    assert library.development_of_fact(fact_a.id) == library.development_of_fact(fact_b.id)


def test_a_moved_fact_stays_where_the_user_put_it_after_reanalysis(library: Library) -> None:
    texts = [
        article(
            title,
            [
                (
                    f"Japan expels Russian diplomats ({title}).",
                    "expulsion",
                    "Japan",
                    "Russian diplomats",
                    "announced",
                )
            ],
            published=day,
        )
        for title, day in (("A", "2022-04-08"), ("B", "2022-04-09"), ("C", "2022-04-10"))
    ]
    a, b, c = (store(library, text) for text in texts)
    merged = development_of(library, a)
    assert development_of(library, b) == development_of(library, c) == merged
    moved = library.article(b).facts[0]
    alone = library.move_fact(moved.id, None)
    assert [s.fact.id for s in alone.sources] == [moved.id]
    library.replace_analysis(b, texts[1])  # re-analysis: same facts again
    library.replace_analysis(a, texts[0])
    assert library.article(b).facts[0].id == moved.id
    assert library.development_of_fact(moved.id) == alone.id
    assert development_of(library, a) == development_of(library, c)
    # Moved into another development, it stays there too; released, the rule places it.
    library.move_fact(moved.id, development_of(library, c))
    library.replace_analysis(b, texts[1])
    assert library.development_of_fact(moved.id) == development_of(library, c)
    library.release_fact(moved.id)
    assert library.development(development_of(library, a)).report_count == 3


def test_removing_an_article_updates_and_drops_developments(library: Library) -> None:
    a = store(
        library,
        article(
            "A",
            [
                (
                    "Japan expels Russian diplomats.",
                    "expulsion",
                    "Japan",
                    "Russian diplomats",
                    "announced",
                )
            ],
            published="2022-04-08",
        ),
    )
    b = store(
        library,
        article(
            "B",
            [("Tokyo expels diplomats.", "expulsion", "Japan", "diplomats", "in_force")],
            published="2022-04-12",
        ),
    )
    library.remove(b)
    (left,) = library.developments()
    assert left.report_count == 1 and left.last_reported == "2022-04-08"
    assert left.status == "announced"
    library.remove(a)
    assert library.count_developments() == 0


def test_a_v1_library_gets_developments_when_upgraded(tmp_path: Path) -> None:
    directory = tmp_path / "old"
    directory.mkdir()
    shutil.copyfile(FIXTURES / "library-v1.sqlite3", directory / "library.sqlite3")
    with Library.open(directory) as library:
        facts = library.facts(include_hidden=True)
        assert facts
        assert all(library.development_of_fact(f.id) for f in facts)
        assert library.count_developments(include_hidden=True) >= 1


# --- The query language against a real library -------------------------------------------


@pytest.fixture
def news(library: Library) -> dict[str, int]:
    ids = {
        "us": store(
            library,
            article(
                "US oil ban",
                [
                    (
                        "The United States banned Russian oil.",
                        "import_ban",
                        "United States",
                        "Russian oil",
                        "announced",
                    ),
                    (
                        "Washington threatened sanctions on Chinese banks.",
                        "sanctions",
                        "United States",
                        "Chinese banks",
                        "threatened",
                    ),
                ],
                published="2022-03-08",
                source="Reuters",
                tags=("energy",),
            ),
        ),
        "japan": store(
            library,
            article(
                "Japan expels",
                [
                    (
                        "Japan expels eight Russian diplomats.",
                        "expulsion",
                        "Japan",
                        "Russian diplomats",
                        "announced",
                    )
                ],
                published="2022-04-08",
                source="Kyodo News",
                tags=("asia", "diplomacy"),
            ),
        ),
        "canada": store(
            library,
            article(
                "Canada and Japan",
                [
                    (
                        "Canada and Japan froze the assets of Roman Abramovich.",
                        "asset_freeze",
                        "Canada and Japan",
                        "Roman Abramovich",
                        "in_force",
                    )
                ],
                published="2022-05-02",
                source="Globe and Mail",
            ),
        ),
        "undated": store(
            library,
            article(
                "Lifted",
                [
                    (
                        "The EU lifted its ban on Belarusian potash.",
                        "import_ban",
                        "European Union",
                        "Belarusian potash",
                        "lifted",
                    )
                ],
                published=None,
                source="Reuters",
            ),
        ),
    }
    japan = library.article(ids["japan"]).facts[0]
    library.update_fact(japan.id, pinned=True, note="lead item for Monday")
    return ids


def articles_of(library: Library, query: str) -> set[int]:
    return {f.article_id for f in library.query_facts(query)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("actor:US", {"us"}),
        ("actor:Washington", {"us"}),
        ('actor:"United States"', {"us"}),
        ("actor:Japan", {"japan", "canada"}),  # a joint actor names each state
        ("actor:Tokyo,Canada", {"japan", "canada"}),
        ("-actor:Japan", {"us", "undated"}),
        ("target:Russia", {"us", "japan"}),  # "Russian oil", "Russian diplomats"
        ("target:oil", {"us"}),
        ('target:"Roman Abramovich"', {"canada"}),
        ("target:China", {"us"}),
        ("measure:import_ban", {"us", "undated"}),
        ("measure:sanctions,expulsion", {"us", "japan"}),
        ("-measure:import_ban,sanctions", {"japan", "canada"}),
        ("status:in_force", {"canada"}),
        ("status:threatened,lifted", {"us", "undated"}),
        ("since:2022-04", {"japan", "canada", "undated"}),  # undated: by its import date
        ("until:2022-03", {"us"}),
        ("since:2022-04-01 until:2022-04-30", {"japan"}),
        ("since:2022 until:2022", {"us", "japan", "canada"}),
        ("tag:energy", {"us"}),
        ("tag:Asia,energy", {"us", "japan"}),
        ("-tag:energy", {"japan", "canada", "undated"}),
        ("source:reuters", {"us", "undated"}),
        ('source:"globe and mail"', {"canada"}),
        ("pinned:yes", {"japan"}),
        ("pinned:no measure:expulsion", set()),
        ("note:yes", {"japan"}),
        ('note:"for monday"', {"japan"}),
        ("note:no actor:Japan", {"canada"}),
        ("potash", {"undated"}),
        ("-potash -oil", {"japan", "canada"}),
        ('"eight Russian"', {"japan"}),
        ('"Russian eight"', set()),
        ("diplomats actor:Japan", {"japan"}),
    ],
)
def test_every_key_or_negation_quotes_and_dates(
    library: Library, news: dict[str, int], query: str, expected: set[str]
) -> None:
    wanted = {news[name] for name in expected}
    assert articles_of(library, query) == wanted
    assert set(library.query_article_ids(query)) == wanted
    found = {s.article_id for d in library.developments(query) for s in d.sources}
    assert found >= wanted
    assert library.count_facts(query) == len(library.query_facts(query))


def test_article_key_and_pages(library: Library, news: dict[str, int]) -> None:
    assert articles_of(library, f"article:{news['us']}") == {news["us"]}
    assert len(library.query_facts(f"article:{news['us']},{news['japan']}")) == 3
    everything = library.developments(limit=100)
    assert len(everything) == library.count_developments() == 5
    dates = [d.last_reported for d in everything]
    assert dates[:4] == ["2022-05-02", "2022-04-08", "2022-03-08", "2022-03-08"]
    pages = [library.developments(offset=n, limit=2) for n in (0, 2, 4)]
    assert [d.id for page in pages for d in page] == [d.id for d in everything]


def test_summaries_page_what_a_query_selects(library: Library, news: dict[str, int]) -> None:
    for text in ("measure:sanctions", "-actor:Japan", "since:2022-04", "actor:Atlantis"):
        query = parse_query(text)
        ids = library.query_article_ids(query)
        assert library.count(query=query) == len(ids)
        pages = [library.summaries(query=query, offset=n, limit=2) for n in range(0, 6, 2)]
        assert [s.id for page in pages for s in page] == ids


def test_a_bad_query_raises_a_query_error(library: Library) -> None:
    with pytest.raises(QueryError, match="'colour'"):
        library.developments("colour:red")


def test_actor_dossier_took_and_faced(library: Library, news: dict[str, int]) -> None:
    dossier = library.actor_dossier("US")
    assert dossier is not None and dossier.name == "United States"
    assert "Washington" in dossier.aliases and "America" in dossier.aliases
    assert [d.measure for d in dossier.took] == ["import_ban", "sanctions"]
    assert dossier.faced == ()
    russia = library.actor_dossier("Moscow")
    assert russia is not None and russia.took == ()
    assert [d.measure for d in russia.faced] == ["import_ban", "expulsion"]
    assert library.actor_dossier("Atlantis") is None
