"""Developments: the facts of several articles that report one measure, grouped as it is stored.

A *development* is one measure taken (or threatened, or lifted) as the library's articles report
it: every report keeps its source (article, fact, evidence sentence, publication, date). Each
fact belongs to exactly one development (``facts.development_id``, indexed); a fact is assigned
when it is stored, corrected or re-analysed, so that a query never groups the whole library.

**The merge rule.** A report joins an existing development when, against every report already
in it:

* the **actor** is the same after canonicalization (the gazetteer's canonical name: "US",
  "Washington" and "the United States" are one actor); a report without an actor never merges;
* the **measure** type is the same;
* the **targets** are compatible: one is empty, or they are the same entity (gazetteer), or one
  contains the other as whole words ("Russian coal" and "imports of Russian coal");
* the **statuses** are compatible: any two are (a status change is a new step of the same
  story: threatened, then announced; announced, then lifted), except that a *rejected* measure
  is never the same development as one *announced*, *in force* or *lifted*;
* the **dates** are close: the report's publication date is within :data:`WINDOW_DAYS` days of
  a report already in the development. A report without a publication date only joins the
  reports of its own article.

Among several developments that qualify, the report joins the nearest in time (then the one
with most reports, then the oldest). Otherwise it starts a development of its own.

**The user's moves.** :func:`move_fact` puts a fact into another development (or one of its
own) and marks it *placed*: the rule no longer moves it, and a re-analysis keeps the fact (with
its id) like any fact the user touched. A development made only of moved facts takes no report
by the rule: only what the user moves into it. Pins, notes, corrections and hides stay on facts, so
they carry to the development: it is pinned when one of its reports is, hidden when all are,
and a corrected actor, measure or target is what the rule compares.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from briefing.errors import BriefingError
from briefing.model import joint_actors

if TYPE_CHECKING:
    from briefing.store.records import StoredFact

WINDOW_DAYS: Final = 14

# Statuses that never share a development: a rejected measure did not happen.
_INCOMPATIBLE_STATUSES: Final = frozenset(
    {
        frozenset({"rejected", "announced"}),
        frozenset({"rejected", "in_force"}),
        frozenset({"rejected", "lifted"}),
    }
)


class DevelopmentNotFound(BriefingError):
    def __init__(self, development_id: int) -> None:
        super().__init__(f"no development with id {development_id}")
        self.development_id = development_id


@dataclass(frozen=True, slots=True)
class DevelopmentSource:
    """One report of a development: the fact and the article it comes from."""

    fact: StoredFact
    title: str
    source: str | None
    published: str | None

    @property
    def article_id(self) -> int:
        return self.fact.article_id


@dataclass(frozen=True, slots=True)
class Development:
    """One measure across the articles that report it. ``sources`` are in date order (undated
    last), hidden reports left out unless asked for."""

    id: int
    measure: str
    actor: str | None
    target: str | None
    status: str  # the latest report's
    first_reported: str | None  # ISO dates of the first and last dated report
    last_reported: str | None
    pinned: bool  # one of its reports is pinned
    hidden: bool  # all of its reports are hidden
    report_count: int  # visible reports
    sources: tuple[DevelopmentSource, ...]

    @property
    def steps(self) -> tuple[tuple[str, str | None], ...]:
        """The story in order: (status, date of the first report saying so), one per change."""
        steps: list[tuple[str, str | None]] = []
        for source in self.sources:
            if not steps or steps[-1][0] != source.fact.status:
                steps.append((source.fact.status, source.published))
        return tuple(steps)

    @property
    def article_ids(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(source.article_id for source in self.sources))

    @property
    def target_stated(self) -> bool:
        """False when no report names the development's target in its own words: each one that
        gives it inferred it from its story (``StoredFact.target_stated``). Visible reports
        decide, as they decide the target; True when there is no target."""
        if not self.target:
            return True
        facts = [s.fact for s in self.sources if not s.fact.hidden] or [
            s.fact for s in self.sources
        ]
        naming = [fact for fact in facts if fact.target == self.target]
        return not naming or any(fact.target_stated for fact in naming)


@dataclass(frozen=True, slots=True)
class Dossier:
    """An actor's measures: those it took and those it faced, as developments in date order."""

    name: str  # canonical name
    aliases: tuple[str, ...]
    took: tuple[Development, ...]
    faced: tuple[Development, ...]


# --- Names ---------------------------------------------------------------------------------

_POSSESSIVE = re.compile(r"['’]s\b|['’](?=\s|$)")
_NON_WORD = re.compile(r"[^\w]+|_")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")


def words(text: str | None) -> str:
    """Lower-case words separated by one space: how names are compared ("the US's" -> "us")."""
    if not text:
        return ""
    folded = _NON_WORD.sub(" ", _POSSESSIVE.sub("", text)).casefold()
    return _LEADING_ARTICLE.sub("", " ".join(folded.split()))


def canonical(name: str | None) -> str | None:
    """The gazetteer's canonical name for ``name`` ("US" -> "United States"), or None."""
    if not name or not name.strip():
        return None
    from briefing.nlp.gazetteer import lookup

    entry = lookup(name.strip())
    return entry.canonical if entry is not None else None


def actor_key(actor: str | None) -> str:
    """What the merge rule compares for actors: the canonical name's words, '' for none."""
    return words(canonical(actor) or actor)


def _name_list(items: Iterable[str]) -> str:
    """``| a | b c |``: whole names between bars, words between spaces, for LIKE matching."""
    unique = [item for item in dict.fromkeys(items) if item]
    return ("| " + " | ".join(unique) + " |") if unique else ""


def actor_names(actor: str | None) -> str:
    """The names a query can find an actor by: the whole actor and each of a joint actor's
    parts ("Poland and Bulgaria"), canonical where the gazetteer knows them."""
    if not actor:
        return ""
    parts = [actor, *(joint_actors(actor) if ("," in actor or " and " in actor) else ())]
    return _name_list(words(canonical(part) or part) for part in parts)


def target_names(target: str | None) -> str:
    """The target's words, its canonical entity, and every entity named inside it ("Russian
    coal" -> russian coal, russia)."""
    if not target:
        return ""
    found = [words(target), words(canonical(target))]
    tokens = target.replace(",", " ").split()
    for size in (4, 3, 2, 1):
        for start in range(len(tokens) - size + 1):
            gram = " ".join(tokens[start : start + size])
            if gram[:1].isupper():
                found.append(words(canonical(gram)))
    return _name_list(found)


@cache
def aliases(name: str) -> tuple[str, ...]:
    """Every form of the gazetteer entry ``name`` is canonical for (names, demonyms, seats)."""
    from briefing.nlp.gazetteer import actor_data

    for entry in actor_data()["entries"]:
        if entry["canonical"] == name:
            forms = (*entry["names"], *entry["demonyms"], *entry["seats"])
            return tuple(form for form in dict.fromkeys(forms) if form != name)
    return ()


def targets_compatible(first: str | None, second: str | None) -> bool:
    a, b = words(first), words(second)
    if not a or not b or a == b:
        return True
    if f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    ca, cb = canonical(first), canonical(second)
    return ca is not None and ca == cb


def statuses_compatible(first: str, second: str) -> bool:
    return frozenset({first, second}) not in _INCOMPATIBLE_STATUSES


def _days_apart(first: str, second: str) -> int:
    return abs((date.fromisoformat(first) - date.fromisoformat(second)).days)


# --- Reports: a fact as the rule sees it --------------------------------------------------


@dataclass(slots=True)
class _Report:
    fact_id: int
    article_id: int
    development_id: int | None
    placed: bool
    hidden: bool
    pinned: bool
    measure: str
    actor: str | None
    target: str | None
    status: str
    published: str | None
    start: int

    @property
    def key(self) -> tuple[str, str]:
        return self.measure, actor_key(self.actor)


_REPORT_SQL = """
    SELECT f.id, f.article_id, f.development_id, f.placed, f.hidden, f.pinned, f.measure,
        f.actor, f.target, f.status, f.corrections, a.published, f.start
    FROM facts f JOIN articles a ON a.id = f.article_id
"""


def _report(row: Sequence[Any]) -> _Report:
    values = dict(zip(("measure", "actor", "target", "status"), row[6:10], strict=True))
    values.update(
        (k, v) for k, v in json.loads(row[10]).items() if k in values
    )  # the user's corrections
    return _Report(
        fact_id=row[0],
        article_id=row[1],
        development_id=row[2],
        placed=bool(row[3]),
        hidden=bool(row[4]),
        pinned=bool(row[5]),
        measure=values["measure"],
        actor=values["actor"],
        target=values["target"],
        status=values["status"],
        published=row[11],
        start=row[12],
    )


def _reports(db: sqlite3.Connection, where: str, params: Sequence[Any]) -> list[_Report]:
    return [_report(row) for row in db.execute(f"{_REPORT_SQL} WHERE {where}", params)]


def _order(report: _Report) -> tuple[bool, str, int, int, int]:
    return (report.published is None, report.published or "", report.article_id, report.start,
            report.fact_id)  # fmt: skip


# --- Assigning ----------------------------------------------------------------------------


def assign_facts(db: sqlite3.Connection, fact_ids: Iterable[int]) -> None:
    """Give each of these facts (not placed by the user) its development, by the merge rule,
    and refresh every development they leave or join. Called inside the store's transaction."""
    ids = json.dumps(sorted(set(fact_ids)))
    reports = _reports(db, "f.id IN (SELECT value FROM json_each(?))", (ids,))
    touched: set[int] = set()
    db.executemany(
        "UPDATE facts SET actor_names = ?, target_names = ? WHERE id = ?",
        [(actor_names(r.actor), target_names(r.target), r.fact_id) for r in reports],
    )
    movable = [r for r in reports if not (r.placed and r.development_id is not None)]
    # Detach first, so that a fact compares with the others, never with itself.
    for report in movable:
        if report.development_id is not None:
            touched.add(report.development_id)
    db.executemany(
        "UPDATE facts SET development_id = NULL WHERE id = ?", [(r.fact_id,) for r in movable]
    )
    _refresh(db, touched)
    touched.clear()
    for report in sorted(movable, key=_order):
        development_id = _best_development(db, report)
        if development_id is None:
            development_id = _new_development(db, report)
        db.execute(
            "UPDATE facts SET development_id = ? WHERE id = ?", (development_id, report.fact_id)
        )
        report.development_id = development_id
        _refresh(db, {development_id})
    _refresh(db, touched)


def assign_article(db: sqlite3.Connection, article_id: int) -> None:
    """Assign every fact of an article again (after storing, re-analysing or re-dating it)."""
    ids = [row[0] for row in db.execute("SELECT id FROM facts WHERE article_id = ?", (article_id,))]
    assign_facts(db, ids)


def development_ids_of_article(db: sqlite3.Connection, article_id: int) -> set[int]:
    return {
        row[0]
        for row in db.execute(
            "SELECT DISTINCT development_id FROM facts WHERE article_id = ?"
            " AND development_id IS NOT NULL",
            (article_id,),
        )
    }


def _best_development(db: sqlite3.Connection, report: _Report) -> int | None:
    measure, key = report.key
    if not key:
        return None  # a report without an actor never merges
    if report.published is None:
        rows = db.execute(
            "SELECT DISTINCT f.development_id FROM facts f JOIN developments d"
            " ON d.id = f.development_id WHERE f.article_id = ? AND d.measure = ?"
            " AND d.actor_key = ? AND d.span_first IS NULL",
            (report.article_id, measure, key),
        ).fetchall()
    else:
        rows = db.execute(
            "SELECT id FROM developments WHERE measure = ? AND actor_key = ?"
            " AND span_last >= date(?, ?) AND span_first <= date(?, ?)",
            (measure, key, report.published, f"-{WINDOW_DAYS} days", report.published,
             f"+{WINDOW_DAYS} days"),
        ).fetchall()  # fmt: skip
    best: tuple[int, int, int] | None = None
    chosen: int | None = None
    for (development_id,) in rows:
        members = _reports(db, "f.development_id = ?", (development_id,))
        distance = _fits(report, members)
        if distance is None:
            continue
        rank = (distance, -len(members), development_id)
        if best is None or rank < best:
            best, chosen = rank, development_id
    return chosen


def _fits(report: _Report, members: Sequence[_Report]) -> int | None:
    """Days to the nearest member when ``report`` may join them, else None."""
    if not members or all(member.placed for member in members):
        return None  # a development the user made by moving facts takes only what they move
    nearest: int | None = None
    for member in members:
        if member.key != report.key:
            return None
        if not targets_compatible(report.target, member.target):
            return None
        if not statuses_compatible(report.status, member.status):
            return None
        if report.published is None or member.published is None:
            if member.article_id != report.article_id or member.published != report.published:
                return None
            days = 0
        else:
            days = _days_apart(report.published, member.published)
        nearest = days if nearest is None else min(nearest, days)
    return nearest if nearest is not None and nearest <= WINDOW_DAYS else None


def _new_development(db: sqlite3.Connection, report: _Report) -> int:
    measure, key = report.key
    cursor = db.execute(
        "INSERT INTO developments (measure, actor_key, status) VALUES (?, ?, ?)",
        (measure, key, report.status),
    )
    return int(cursor.lastrowid or 0)


def _refresh(db: sqlite3.Connection, development_ids: Iterable[int]) -> None:
    """Recompute what a development shows from its reports; drop one left without any."""
    for development_id in set(development_ids):
        members = sorted(_reports(db, "f.development_id = ?", (development_id,)), key=_order)
        if not members:
            db.execute("DELETE FROM developments WHERE id = ?", (development_id,))
            continue
        visible = [m for m in members if not m.hidden] or members
        dated = [m.published for m in members if m.published]
        shown_dates = [m.published for m in visible if m.published]
        measure, key = visible[0].key
        db.execute(
            """
            UPDATE developments SET measure = ?, actor_key = ?, actor = ?, target = ?,
                status = ?, first_reported = ?, last_reported = ?, span_first = ?,
                span_last = ?, report_count = ?, pinned = ?, hidden = ?
            WHERE id = ?
            """,
            (
                measure,
                key,
                _most_common(m.actor for m in visible),
                _most_common(m.target for m in visible),
                visible[-1].status,
                min(shown_dates, default=None),
                max(shown_dates, default=None),
                min(dated, default=None),
                max(dated, default=None),
                sum(1 for m in members if not m.hidden),
                int(any(m.pinned for m in members)),
                int(all(m.hidden for m in members)),
                development_id,
            ),
        )


def _most_common(values: Iterable[str | None]) -> str | None:
    """The value most reports give (ties: the longest, then the first)."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    order = list(counts)
    return max(order, key=lambda v: (counts[v], len(v), -order.index(v)))


def refresh_facts(db: sqlite3.Connection, fact_ids: Iterable[int]) -> None:
    """Refresh the developments of these facts (after a pin, a note, a hide)."""
    ids = json.dumps(sorted(set(fact_ids)))
    _refresh(
        db,
        {
            row[0]
            for row in db.execute(
                "SELECT development_id FROM facts WHERE id IN (SELECT value FROM json_each(?))"
                " AND development_id IS NOT NULL",
                (ids,),
            )
        },
    )


def refresh(db: sqlite3.Connection, development_ids: Iterable[int]) -> None:
    _refresh(db, development_ids)


def move_fact(db: sqlite3.Connection, fact_id: int, development_id: int | None) -> int:
    """Put a fact into ``development_id`` (None: a development of its own) and keep it there:
    the rule no longer moves it, and a re-analysis keeps it. Return its development's id."""
    rows = _reports(db, "f.id = ?", (fact_id,))
    if not rows:
        from briefing.store.library import FactNotFound

        raise FactNotFound(fact_id)
    report = rows[0]
    if development_id is None:
        development_id = _new_development(db, report)
    elif not db.execute("SELECT 1 FROM developments WHERE id = ?", (development_id,)).fetchone():
        raise DevelopmentNotFound(development_id)
    db.execute(
        "UPDATE facts SET development_id = ?, placed = 1 WHERE id = ?", (development_id, fact_id)
    )
    _refresh(db, {development_id, *([report.development_id] if report.development_id else [])})
    return development_id


def release_fact(db: sqlite3.Connection, fact_id: int) -> None:
    """Undo a move: the merge rule places the fact again."""
    db.execute("UPDATE facts SET placed = 0 WHERE id = ?", (fact_id,))
    assign_facts(db, [fact_id])


def migrate_existing(db: sqlite3.Connection) -> None:
    """The schema step's data part: assign every stored fact, oldest article first."""
    ids = [row[0] for row in db.execute("SELECT id FROM facts ORDER BY article_id, id")]
    assign_facts(db, ids)
