"""The query language: one grammar for the reader's search box and every ``--query`` option.

    actor:Japan measure:expulsion,sanctions -status:lifted since:2022-03 "oil embargo"

* ``key:value`` terms are joined by AND;
* ``,`` separates alternatives within a key (OR): ``measure:sanctions,import_ban``;
* a leading ``-`` negates a term: ``-actor:Canada``, ``-coal``;
* double quotes hold spaces: ``actor:"United States"``, ``"oil embargo"``;
* a word without a key searches the articles' text (headline and body).

:func:`parse_query` turns text into a typed :class:`Query` (values checked and normalised:
measure and status names, dates, yes/no) or raises :class:`QueryError`, one line that names the
term and lists what is allowed. :func:`check_query` is the same for a UI: it returns the error
message instead of raising. Turning a query into SQL is the store's job
(:mod:`briefing.store.developments`); this module knows no database.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from briefing.errors import InvalidValue
from briefing.model import MEASURE_TYPES, STATUSES

# Each key with what it matches, in the order the help and the errors list them.
KEYS: dict[str, str] = {
    "actor": "who took the measure: a name or an alias (actor:US is the United States)",
    "target": "whom or what it falls on: a name, an alias or words of the target",
    "measure": "the kind of measure: " + ", ".join(MEASURE_TYPES),
    "status": "where it stands: " + ", ".join(STATUSES),
    "since": "reported on or after a date: 2022-03-15, 2022-03 or 2022",
    "until": "reported on or before a date: 2022-03-15, 2022-03 or 2022",
    "tag": "a tag of the article",
    "source": "the publication (words of its name)",
    "pinned": "yes or no",
    "note": "yes, no, or words of the note",
    "article": "an article id",
}
TEXT = "text"  # the key of bare words

_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"no", "n", "false", "0"})
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")
_KEY = re.compile(r"[A-Za-z_]+")


class QueryError(InvalidValue):
    """A query that cannot be read: the message names the term and lists what is allowed."""


@dataclass(frozen=True, slots=True)
class Term:
    """One term: ``key`` is one of :data:`KEYS` or :data:`TEXT`; ``values`` are alternatives
    (OR), already normalised (a measure type, a status, an ISO date, ``"yes"``/``"no"``)."""

    key: str
    values: tuple[str, ...]
    negated: bool = False
    quoted: bool = False  # a bare quoted phrase ("oil embargo"): the words in that order
    typed: str = ""  # the term as the user typed it, for messages


@dataclass(frozen=True, slots=True)
class Query:
    terms: tuple[Term, ...] = ()
    text: str = ""  # what was typed

    @property
    def empty(self) -> bool:
        return not self.terms

    def terms_for(self, key: str) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.key == key)

    def describe(self) -> str:
        """The query in words for a document ("query actor:Japan since:2022-03")."""
        return " ".join(term.typed for term in self.terms)


def check_query(text: str) -> Query | str:
    """:func:`parse_query` for a UI: the query, or the error message (never raises)."""
    try:
        return parse_query(text)
    except QueryError as error:
        return str(error)


def parse_query(text: str) -> Query:
    """Read ``text`` (see the module's docstring). An empty text is the empty query."""
    terms: list[Term] = []
    position = 0
    length = len(text)
    while position < length:
        if text[position].isspace():
            position += 1
            continue
        start = position
        negated = False
        if text[position] == "-" and position + 1 < length and not text[position + 1].isspace():
            negated = True
            position += 1
        if text[position] == '"':
            phrase, position = _quoted(text, position)
            words = phrase.split()
            if words:
                terms.append(
                    Term(TEXT, (" ".join(words),), negated, True, text[start:position].strip())
                )
            continue
        key_match = _KEY.match(text, position)
        if key_match and key_match.end() < length and text[key_match.end()] == ":":
            key = key_match.group().lower()
            position = key_match.end() + 1
            raw_values, position = _values(text, position)
            typed = text[start:position]
            terms.append(Term(key, _checked(key, raw_values, typed), negated, False, typed))
            continue
        end = position
        while end < length and not text[end].isspace():
            end += 1
        word = text[position:end]
        position = end
        if ":" in word:
            key = word.split(":", 1)[0]
            raise QueryError(f"unknown key {key!r} in {text[start:end]!r}; {_allowed_keys()}")
        terms.append(Term(TEXT, (word,), negated, False, text[start:end]))
    _check_dates(terms)
    return Query(tuple(terms), text)


def _allowed_keys() -> str:
    return "the keys are " + ", ".join(f"{key}:" for key in KEYS) + " (or words without a key)"


def _quoted(text: str, position: int) -> tuple[str, int]:
    """The text inside the double quotes that open at ``position``, and the position after."""
    end = text.find('"', position + 1)
    if end < 0:
        raise QueryError(f'a quote is not closed in {text[position:]!r}; close it with "')
    return text[position + 1 : end], end + 1


def _values(text: str, position: int) -> tuple[list[str], int]:
    """The comma-separated values after ``key:`` (each bare or quoted)."""
    values: list[str] = []
    length = len(text)
    while True:
        if position < length and text[position] == '"':
            value, position = _quoted(text, position)
        else:
            end = position
            while end < length and not text[end].isspace() and text[end] not in ',"':
                end += 1
            value, position = text[position:end], end
        values.append(" ".join(value.split()))
        if position < length and text[position] == ",":
            position += 1
            continue
        return values, position


def _checked(key: str, values: list[str], typed: str) -> tuple[str, ...]:
    if key not in KEYS:
        raise QueryError(f"unknown key {key!r} in {typed!r}; {_allowed_keys()}")
    if not any(values):
        raise QueryError(f"{typed!r} has no value; {key}: takes {KEYS[key]}")
    if "" in values:
        raise QueryError(f"{typed!r} has an empty alternative; separate values by one comma")
    checked = [_value(key, value, typed) for value in values]
    return tuple(dict.fromkeys(checked))


def _value(key: str, value: str, typed: str) -> str:
    if key == "measure":
        return _choice(key, value, MEASURE_TYPES, typed)
    if key == "status":
        return _choice(key, value, STATUSES, typed)
    if key in ("since", "until"):
        return _date_bound(value, typed, last=key == "until")
    if key == "pinned":
        word = value.casefold()
        if word in _YES:
            return "yes"
        if word in _NO:
            return "no"
        raise QueryError(f"{value!r} in {typed!r} is not yes or no; pinned: takes yes or no")
    if key == "note":
        word = value.casefold()
        return "yes" if word in _YES else "no" if word in _NO else value
    if key == "article":
        if value.isdigit() and int(value) > 0:
            return str(int(value))
        raise QueryError(f"{value!r} in {typed!r} is not an article id (a positive number)")
    return value


def _choice(key: str, value: str, choices: tuple[str, ...], typed: str) -> str:
    name = "_".join(value.casefold().replace("-", " ").split())
    if name in choices:
        return name
    if name.endswith("s") and name[:-1] in choices:  # "expulsions", "import_bans"
        return name[:-1]
    if name + "s" in choices:  # "sanction"
        return name + "s"
    raise QueryError(f"{value!r} in {typed!r} is not a {key}; use one of {', '.join(choices)}")


def _date_bound(value: str, typed: str, *, last: bool) -> str:
    """The first (or, for ``until``, the last) day of a date, month or year, as YYYY-MM-DD."""
    match = _DATE.fullmatch(value)
    try:
        if match is None:
            raise ValueError(value)
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
        if month is None:
            return date(year, 12 if last else 1, 31 if last else 1).isoformat()
        if day is None:
            day = calendar.monthrange(year, month)[1] if last else 1
        return date(year, month, day).isoformat()
    except ValueError:
        raise QueryError(
            f"{value!r} in {typed!r} is not a date; write 2022-03-15, 2022-03 or 2022"
        ) from None


def _check_dates(terms: list[Term]) -> None:
    for term in terms:
        if term.key in ("since", "until") and (term.negated or len(term.values) > 1):
            raise QueryError(
                f"{term.typed!r}: {term.key}: takes one date and cannot be negated "
                "(use since: and until: for a period)"
            )
    since = max((t.values[0] for t in terms if t.key == "since"), default=None)
    until = min((t.values[0] for t in terms if t.key == "until"), default=None)
    if since and until and since > until:
        raise QueryError(f"since:{since} is after until:{until}; nothing can match")
