"""The query grammar: terms, OR, negation, quotes, dates, and errors that name the term."""

from __future__ import annotations

import pytest

from briefing.model import MEASURE_TYPES, STATUSES
from briefing.query import KEYS, TEXT, QueryError, Term, check_query, parse_query


def test_terms_are_typed_with_or_negation_and_quotes() -> None:
    query = parse_query(
        'actor:"United States",Canada -measure:Import-Bans status:in_force "oil embargo" coal'
    )
    assert query.terms == (
        Term("actor", ("United States", "Canada"), typed='actor:"United States",Canada'),
        Term("measure", ("import_ban",), negated=True, typed="-measure:Import-Bans"),
        Term("status", ("in_force",), typed="status:in_force"),
        Term(TEXT, ("oil embargo",), quoted=True, typed='"oil embargo"'),
        Term(TEXT, ("coal",), typed="coal"),
    )


@pytest.mark.parametrize(
    ("typed", "since", "until"),
    [
        ("since:2022-03 until:2022-03", "2022-03-01", "2022-03-31"),
        ("since:2024-02 until:2024-02", "2024-02-01", "2024-02-29"),
        ("since:2022 until:2022", "2022-01-01", "2022-12-31"),
        ("since:2022-04-08 until:2022-4-9", "2022-04-08", "2022-04-09"),
    ],
)
def test_dates_are_days_months_or_years(typed: str, since: str, until: str) -> None:
    query = parse_query(typed)
    assert query.terms_for("since")[0].values == (since,)
    assert query.terms_for("until")[0].values == (until,)


def test_yes_no_keys_and_ids_are_normalised() -> None:
    query = parse_query("pinned:TRUE note:no article:007 note:lead")
    assert [t.values for t in query.terms] == [("yes",), ("no",), ("7",), ("lead",)]


@pytest.mark.parametrize(
    ("typed", "named", "lists"),
    [
        ("actr:Japan", "'actr'", "actor:"),
        ("http://example.org", "'http'", "status:"),
        ("measure:sanction,embargo", "'embargo'", MEASURE_TYPES[-1]),
        ("status:done", "'done'", STATUSES[-1]),
        ("since:2022-13", "'2022-13'", "2022-03"),
        ("until:yesterday", "'yesterday'", "2022-03-15"),
        ("pinned:maybe", "'maybe'", "yes or no"),
        ("article:x1", "'x1'", "positive number"),
        ("actor:", "'actor:'", "a name or an alias"),
        ("actor:Japan,", "'actor:Japan,'", "comma"),
        ('target:"Russian coal', "'\"Russian coal'", 'close it with "'),
        ("since:2022-05 until:2022-04", "since:2022-05-01", "until:2022-04-30"),
        ("-since:2022", "'-since:2022'", "since: and until:"),
    ],
)
def test_a_wrong_term_is_one_error_naming_it_and_what_is_allowed(
    typed: str, named: str, lists: str
) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(f"coal {typed}")
    message = str(caught.value)
    assert named in message and lists in message
    assert "\n" not in message
    assert check_query(f"coal {typed}") == message  # the reader's call: a message, no raise


def test_empty_and_valid_queries_for_the_reader() -> None:
    assert parse_query("   ").empty
    result = check_query("-actor:Canada")
    assert not isinstance(result, str) and result.terms[0].negated
    assert set(KEYS) == {
        "actor", "target", "measure", "status", "since", "until", "tag", "source", "pinned",
        "note", "article",
    }  # fmt: skip
