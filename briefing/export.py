"""The briefing: Markdown written from the library's articles and facts.

``render_briefing`` is a pure function of its records and options, so the same selection with the
same ``generated_at`` gives byte-identical output. Everything that comes from an article or from
the user (headlines, quotes, names, notes, tags, the title) is data: it is cleaned of control
characters and terminal escapes, folded onto one line and backslash-escaped so that it can never
become Markdown structure, a link or HTML, and front-matter values are double-quoted YAML.

``write_briefing`` writes atomically and never replaces an existing file unless asked to.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import stat
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from briefing.errors import BriefingError
from briefing.store.records import StoredArticle, StoredFact
from briefing.wording import plural as _plural

GENERATOR = "briefing"
DOCUMENT_TYPE = "briefing"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What to put in a briefing and how to label it."""

    title: str | None = None  # None: "Briefing" plus the period the articles cover
    pinned_only: bool = False
    include_hidden: bool = False
    generated_at: datetime | None = None  # None: now; inject a fixed time for reproducible output
    selection: str = "all articles"  # how the articles were chosen, in words
    # Which development each fact belongs to (``Library.development_of_facts``); a fact left
    # out is a development of its own.
    developments: Mapping[int, int] | None = None
    # Only these facts (a query's selection); None: every fact of the articles.
    fact_ids: frozenset[int] | None = None


# --- Making data safe ------------------------------------------------------------------------

# Terminal escape sequences are removed whole (not just their ESC), so that no "[31m" residue is
# left: CSI (ESC [ or the C1 byte), the string commands OSC/DCS/SOS/PM/APC up to their
# terminator, and the two-byte escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
# Characters that never reach the file: C0 and C1 controls (the whitespace ones are folded to a
# space below instead), DEL, the bidi embedding/override/isolate controls that can make a line
# read differently from what it says, lone surrogates and the two non-characters YAML rejects.
_UNSAFE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_WHITESPACE = re.compile(r"\s+")
# Every character that can start Markdown inline structure, HTML, an entity or a table cell
# boundary. "$" and "~" are for renderers with math and strikethrough (Obsidian, GitHub); "^"
# for inline footnotes: a source "^" before its note reference "[^1]" made "^[^1]" one.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>&!|#~$^]")
# What makes a line a list item, a heading underline or a thematic break when it starts one.
_LINE_START_SPECIAL = re.compile(r"[-+=]|[0-9]+(?=[.)])")
_BACKTICKS = re.compile(r"`+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SAFE_URL = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)
_FILE_NAME = re.compile(r"[\\/]")  # splits a POSIX or a Windows path
# The file the reader keeps pasted text in (briefing.tui.app.save_pasted_text).
_PASTED_FILE = re.compile(r"pasted-[0-9]{8}-[0-9]{6}(?:-[0-9]+)?\.txt")


def plain(text: str | None) -> str:
    """``text`` without control characters or terminal escapes, on one line, trimmed."""
    if not text:
        return ""
    if text.isprintable():
        # The common case: no control, format or special whitespace character at all.
        return text.strip() if "  " not in text else _WHITESPACE.sub(" ", text).strip()
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    text = _UNSAFE.sub("", text)
    return _WHITESPACE.sub(" ", text).strip()


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group()


def escape_markdown(text: str) -> str:
    """Escape already ``plain`` text so that CommonMark renders it as exactly that text."""
    if _MARKDOWN_SPECIAL.search(text):
        text = _MARKDOWN_SPECIAL.sub(_backslashed, text)
    return escape_line_start(text)


def escape_line_start(text: str) -> str:
    """Markdown that starts a line, with a leading list marker or underline escaped."""
    match = _LINE_START_SPECIAL.match(text)
    if match:
        end = match.end()
        if text[0].isdigit():
            # "1." -> "1\." : the digits stay, the list marker's punctuation is escaped.
            return text[:end] + "\\" + text[end:]
        return "\\" + text
    return text


def code_span(text: str) -> str:
    """Already ``plain`` text as a code span, shown verbatim (a path reads better unescaped)."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    # A space on both sides is stripped again by the parser; it keeps a leading or trailing
    # backtick of the text from joining the fence.
    pad = " " if text[:1] == "`" or text[-1:] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def inline(text: str | None) -> str:
    """Data as a Markdown inline fragment that renders as its plain text."""
    return escape_markdown(plain(text))


def yaml_string(text: str | None) -> str:
    """A double-quoted YAML scalar holding the plain text (``null`` for nothing)."""
    if text is None:
        return "null"
    return (
        '"'
        + plain(text).replace("\\", "\\\\").replace('"', '\\"').replace("\ufeff", "\\uFEFF")
        + '"'
    )


# --- Wording -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Wording:
    """How a measure reads in a sentence: "Japan *imposes* *sanctions* *on* Russia"."""

    verb: tuple[str, str, str]  # present (3rd person), base, gerund
    object: str  # the verb's own object, "" when the target is the direct object
    preposition: str  # introduces the target
    noun: str  # the measure as a noun phrase, for "lifts ..."
    noun_preposition: str


def _w(verb: str, obj: str, prep: str, noun: str, noun_prep: str) -> _Wording:
    present, base, gerund = verb.split("|")
    return _Wording((present, base, gerund), obj, prep, noun, noun_prep)


_WORDING: dict[str, _Wording] = {
    "sanctions": _w("imposes|impose|imposing", "sanctions", "on", "sanctions", "on"),
    "expulsion": _w("expels|expel|expelling", "", "", "the expulsion", "of"),
    "asset_freeze": _w("freezes|freeze|freezing", "assets", "of", "the asset freeze", "on"),
    "import_ban": _w("imposes|impose|imposing", "an import ban", "on", "the import ban", "on"),
    "export_control": _w(
        "imposes|impose|imposing", "export controls", "on", "export controls", "on"
    ),
    "financial_restriction": _w(
        "imposes|impose|imposing", "financial restrictions", "on", "financial restrictions", "on"
    ),
    "travel_ban": _w("imposes|impose|imposing", "a travel ban", "on", "the travel ban", "on"),
    "transport_ban": _w(
        "imposes|impose|imposing", "a transport ban", "on", "the transport ban", "on"
    ),
    "trade_restriction": _w(
        "imposes|impose|imposing", "trade restrictions", "on", "trade restrictions", "on"
    ),
    "aid_suspension": _w("suspends|suspend|suspending", "aid", "to", "the aid suspension", "for"),
    "diplomatic_measure": _w(
        "takes|take|taking", "diplomatic measures", "against", "diplomatic measures", "against"
    ),
}

# Plural labels for counts in the bottom line ("sanctions (3), expulsions (2)").
_MEASURE_PLURAL: dict[str, str] = {
    "sanctions": "sanctions",
    "expulsion": "expulsions",
    "asset_freeze": "asset freezes",
    "import_ban": "import bans",
    "export_control": "export controls",
    "financial_restriction": "financial restrictions",
    "travel_ban": "travel bans",
    "transport_ban": "transport bans",
    "trade_restriction": "trade restrictions",
    "aid_suspension": "aid suspensions",
    "diplomatic_measure": "diplomatic measures",
}

# The bottom line groups statuses by how far a measure has got.
_STATUS_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("announced or in force", frozenset({"announced", "in_force"})),
    ("planned", frozenset({"planned"})),
    ("threatened or under consideration", frozenset({"threatened", "considered"})),
    ("rejected or lifted", frozenset({"rejected", "lifted"})),
)


def _measure_label(measure: str) -> str:
    return inline(measure.replace("_", " "))


def _join_words(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- The selection, prepared once ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Item:
    """One fact to report, with everything the sections need already escaped."""

    fact: StoredFact
    article: StoredArticle
    date: str | None  # the article's ISO publication date
    actor: str  # plain, as the fact states it
    actors: tuple[str, ...]  # the actors it names: "Poland and Bulgaria" -> Poland, Bulgaria
    targets: tuple[str, ...]  # plain actor names the target resolves to
    ref: str  # "[^a3]"
    claim: str  # Markdown: "**Japan** expels **8 Russian diplomats**"
    details: str  # Markdown: "announced, Friday, 2022-04-08"


def _article_date(article: StoredArticle) -> str | None:
    published = plain(article.meta.published)
    return published[:10] if _ISO_DATE.match(published) else None


def _footnote_ref(article: StoredArticle) -> str:
    return f"[^a{article.id}]"


# A target that already states a number ("Russia's two main intelligence services") does not
# get the fact's quantity in front of it as well.
_NUMBER_IN_TEXT = re.compile(
    r"[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?"
    r"|hundreds?|thousands?|millions?|billions?)\b",
    re.IGNORECASE,
)


def _target_phrase(fact: StoredFact) -> str:
    target = plain(fact.target)
    quantity = plain(fact.quantity)
    if quantity and not _NUMBER_IN_TEXT.search(target):
        target = f"{quantity} {target}".strip()
    return target


# What follows a target the pipeline inferred from the story rather than read in the evidence
# sentence ("The Netherlands suspended its aid" in a story about Uganda): after the claim's
# bold target, and after the target in the table.
INFERRED_CLAIM = "(target inferred from the story)"
INFERRED_CELL = "(inferred)"
NOT_STATED_CLAIM = "(target not stated)"


# Actors named by a plural noun of people: "Republicans impose", not "Republicans imposes".
PLURAL_GROUPS = frozenset(
    {"lawmakers", "legislators", "senators", "republicans", "democrats", "parliamentarians"}
)


def _plural_name(name: str) -> bool:
    """A name that is a plural noun phrase ("West African leaders", "Baltic states",
    "Lawmakers"); not a state whose name ends in s ("United States", "Philippines")."""
    words = name.split()
    if not words:
        return False
    last = words[-1]
    return (last.islower() and last.endswith("s") and not last.endswith("ss")) or (
        len(words) == 1 and last.lower() in PLURAL_GROUPS
    )


def _claim(fact: StoredFact, actor: str, *, plural: bool = False) -> str:
    """The bold claim: actor, the measure as a verb phrase for its status, target and quantity."""
    wording = _WORDING.get(fact.measure)
    if wording is None:
        wording = _Wording(
            ("takes", "take", "taking"),
            f"a measure ({_measure_label(fact.measure)})",
            "against",
            f"the measure ({_measure_label(fact.measure)})",
            "against",
        )
    target = _target_phrase(fact)
    present, base, gerund = wording.verb
    if plural:
        present = base  # "Poland and Bulgaria impose"
    if fact.status == "lifted":
        lift = "lift" if plural else "lifts"
        phrase, preposition = f"{lift} {wording.noun}", wording.noun_preposition
    else:
        verb = {
            "planned": f"plan{'' if plural else 's'} to {base}",
            "threatened": f"threaten{'' if plural else 's'} to {base}",
            "considered": f"consider{'' if plural else 's'} {gerund}",
            "rejected": f"reject{'' if plural else 's'} {gerund}",
        }.get(fact.status, present)
        phrase = f"{verb} {wording.object}".rstrip()
        preposition = wording.preposition
    who = f"**{escape_markdown(actor)}**" if actor else "An unnamed actor"
    if target:
        lead = f"{phrase} {preposition}".rstrip()
        # The sentence names nobody the measure falls on: the target is the story's state.
        inferred = "" if fact.target_stated else f" {INFERRED_CLAIM}"
        return f"{who} {lead} **{escape_markdown(target)}**{inferred}"
    if not wording.object and fact.status != "lifted":
        return f"{who} {phrase} {NOT_STATED_CLAIM}"
    return f"{who} {phrase}"


# Time expressions starting with these read mid-sentence in lower case ("In October" ->
# "announced, in October"); others start with a name ("Friday") and keep their capital.
_LOWERCASE_TIME_START = re.compile(
    r"(?:In|On|At|By|From|Since|Until|Before|After|During|Last|Next|This|Earlier|Later|Early"
    r"|Late|The|A)\b"
)


def _time_expression(when: str | None) -> str:
    text = plain(when)
    if _LOWERCASE_TIME_START.match(text):
        text = text[0].lower() + text[1:]
    return escape_markdown(text)


def _details(fact: StoredFact, date: str | None) -> str:
    parts = [inline(fact.status.replace("_", " ")) or "status unknown"]
    when = _time_expression(fact.when)
    if when:
        parts.append(when)
    parts.append(date or "undated")
    if fact.origin == "user":
        parts.append("added by the analyst")
    elif fact.edited:
        parts.append("corrected by the analyst")
    if fact.pinned:
        parts.append("pinned")
    if fact.hidden:
        parts.append("hidden")
    return ", ".join(parts)


def _names(haystack: str, needle: str) -> bool:
    """``needle`` occurs in ``haystack`` as whole words, not inside a longer word."""
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        if (start == 0 or not haystack[start - 1].isalnum()) and (
            end == len(haystack) or not haystack[end].isalnum()
        ):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _resolve_targets(
    target: str, mentions: Sequence[tuple[str, str]], known_actors: dict[str, str]
) -> tuple[str, ...]:
    """The actors a free-text target names, via the article's own mentions ("Russian" -> Russia)."""
    if not target:
        return ()
    exact = known_actors.get(target.casefold())
    if exact is not None:
        return (exact,)
    found = {canonical for name, canonical in mentions if _names(target, name)}
    return tuple(sorted(found, key=str.casefold))


_ACTOR_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _split_actors(actor: str, mentions: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The actors a joint actor names ("Poland, Czech Republic and Bulgaria"), when each part
    is an actor the article mentions; otherwise the actor as it is ("Bosnia and Herzegovina")."""
    if not actor:
        return ()
    if "," in actor or " and " in actor:
        canonical = dict(mentions)
        parts = _ACTOR_LIST_SEPARATOR.split(actor)
        if len(parts) > 1 and all(part in canonical for part in parts):
            return tuple(dict.fromkeys(canonical[part] for part in parts))
    return (actor,)


def _mention_names(article: StoredArticle) -> list[tuple[str, str]]:
    """(name as written or canonical, canonical name) for each actor mentioned in the article."""
    pairs: dict[tuple[str, str], None] = {}
    for mention in article.actors:
        canonical = plain(mention.canonical)
        if canonical:
            for name in (plain(mention.text), canonical):
                if name:
                    pairs[name, canonical] = None
    return list(pairs)


def _selected_facts(article: StoredArticle, options: ExportOptions) -> list[StoredFact]:
    return [
        fact
        for fact in article.facts
        if (options.include_hidden or not fact.hidden)
        and (fact.pinned or not options.pinned_only)
        and (options.fact_ids is None or fact.id in options.fact_ids)
    ]


def _newest_first(items: list[_Item]) -> list[_Item]:
    # Stable sorts, least significant key first: position in the article, then newest article.
    ordered = sorted(items, key=lambda item: (item.fact.start, item.fact.id))
    ordered.sort(
        key=lambda item: (item.date or "", item.article.imported_at, item.article.id),
        reverse=True,
    )
    return ordered


def _prepare(
    articles: Sequence[StoredArticle], options: ExportOptions
) -> tuple[list[StoredArticle], list[_Item]]:
    ordered_articles = sorted(articles, key=lambda a: a.id)
    ordered_articles.sort(
        key=lambda a: (_article_date(a) or "", a.imported_at, a.id),
        reverse=True,
    )
    selected = [(article, _selected_facts(article, options)) for article in ordered_articles]
    # First the actors behind each fact (joint actors split), so that a target can be matched
    # against every actor in the selection.
    actors_of: dict[int, tuple[str, ...]] = {}
    mentions_of: dict[int, list[tuple[str, str]]] = {}
    known_actors: dict[str, str] = {}
    for article, facts in selected:
        mentions = mentions_of[article.id] = _mention_names(article) if facts else []
        for fact in facts:
            names = actors_of[fact.id] = _split_actors(plain(fact.actor), mentions)
            for name in names:
                known_actors.setdefault(name.casefold(), name)
    items: list[_Item] = []
    for article, facts in selected:
        date = _article_date(article)
        ref = _footnote_ref(article)
        for fact in facts:
            actor = plain(fact.actor)
            names = actors_of[fact.id]
            items.append(
                _Item(
                    fact=fact,
                    article=article,
                    date=date,
                    actor=actor,
                    actors=names,
                    targets=_resolve_targets(
                        plain(fact.target), mentions_of[article.id], known_actors
                    ),
                    ref=ref,
                    claim=_claim(fact, actor, plural=len(names) > 1 or _plural_name(actor)),
                    details=_details(fact, date),
                )
            )
    return ordered_articles, items


# --- Sections ----------------------------------------------------------------------------------


def briefing_id(articles: Sequence[StoredArticle], options: ExportOptions) -> str:
    """A stable id for a selection: the same articles and filters give the same id."""
    key = ",".join(str(i) for i in sorted(a.id for a in articles))
    key += f"|pinned_only={options.pinned_only}|include_hidden={options.include_hidden}"
    return "briefing-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _period(dates: Iterable[str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)


def _period_words(start: str | None, end: str | None) -> str:
    if start is None or end is None:
        return ""
    return start if start == end else f"{start} to {end}"


def _utc(moment: datetime | None) -> datetime:
    if moment is None:
        return datetime.now(UTC)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _title(options: ExportOptions, start: str | None, end: str | None, generated: datetime) -> str:
    title = plain(options.title)
    if title:
        return title
    period = _period_words(start, end)
    return f"Briefing {period}" if period else f"Briefing {generated:%Y-%m-%d}"


def _top(counter: Counter[str], limit: int, other_noun: str) -> str:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))
    shown = [f"{escape_markdown(name)} ({count})" for name, count in ranked[:limit]]
    rest = ranked[limit:]
    if rest:
        rest_total = sum(count for _, count in rest)
        shown.append(f"{_plural(len(rest), 'other ' + other_noun)} ({rest_total})")
    return _join_words(shown)


def _report(articles: Sequence[StoredArticle]) -> str:
    return "reports" if len(articles) == 1 else "report"


def _bottom_line(
    articles: Sequence[StoredArticle], groups: Sequence[_Group], options: ExportOptions
) -> str:
    """The counts behind the bottom line, by development (a measure reported by several
    articles counts once)."""
    items = [group.lead for group in groups]
    statuses = [group.latest.fact.status for group in groups]
    start, end = _period(_article_date(a) for a in articles)
    undated = sum(1 for a in articles if _article_date(a) is None)
    if start is None:
        opening = _plural(len(articles), "undated article")
    else:
        # The period covers the dated articles only: say how many others have no date.
        when = f"On {start}" if start == end else f"From {start} to {end}"
        opening = f"{when}, {_plural(len(articles), 'article')}"
        if undated:
            opening += f" ({undated} of them undated)"
    if not items:
        what = "pinned facts" if options.pinned_only else "measures"
        return f"{opening} in this selection {_report(articles)} no {what}."
    sentences = [f"{opening} {_report(articles)} {_plural(len(items), 'measure')}"]
    by_actor = Counter(name for item in items for name in item.actors or ("unnamed actors",))
    sentences[0] += f", taken by {_top(by_actor, 3, 'actor')}"
    on_target: Counter[str] = Counter()
    for item in items:
        names = item.targets or ((plain(item.fact.target),) if plain(item.fact.target) else ())
        on_target.update(names)
    if on_target:
        sentences[0] += f", mainly against {_top(on_target, 3, 'target')}"
    sentences[0] += "."
    by_type = Counter(item.fact.measure for item in items)
    ranked_types = sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))
    type_words = [
        f"{_MEASURE_PLURAL.get(measure) or _measure_label(measure)} ({count})"
        for measure, count in ranked_types[:4]
    ]
    if len(ranked_types) > 4:
        type_words.append(f"{_plural(len(ranked_types) - 4, 'other kind')}")
    sentences.append(f"By kind: {_join_words(type_words)}.")
    status_words = []
    statuses_seen = statuses
    for label, group_statuses in _STATUS_GROUPS:
        count = sum(1 for status in statuses_seen if status in group_statuses)
        if count:
            status_words.append(f"{count} {label}")
    unknown = sum(1 for status in statuses_seen if not any(status in s for _, s in _STATUS_GROUPS))
    if unknown:
        status_words.append(f"{unknown} of unknown status")
    sentences.append(f"By status: {_join_words(status_words)}.")
    pinned = sum(1 for group in groups if group.pinned)
    if pinned and not options.pinned_only:
        sentences.append(f"The analyst pinned {pinned} of them.")
    return " ".join(sentences)


def _front_matter(
    articles: Sequence[StoredArticle],
    items: Sequence[_Item],
    options: ExportOptions,
    title: str,
    generated: datetime,
    actors: Sequence[str],
    development_count: int = 0,
) -> list[str]:
    start, end = _period(_article_date(a) for a in articles)
    tags = sorted(
        {plain(t) for a in articles for t in a.tags} - {""}, key=lambda t: (t.casefold(), t)
    )
    measures = sorted({plain(item.fact.measure) for item in items} - {""})

    def yaml_list(name: str, values: Sequence[str]) -> list[str]:
        if not values:
            return [f"{name}: []"]
        return [f"{name}:", *(f"  - {yaml_string(v)}" for v in values)]

    return [
        "---",
        f"title: {yaml_string(title)}",
        f"type: {DOCUMENT_TYPE}",
        f"generator: {GENERATOR}",
        f'id: "{briefing_id(articles, options)}"',
        f'date: "{generated:%Y-%m-%d}"',
        f"period_start: {yaml_string(start)}",
        f"period_end: {yaml_string(end)}",
        f'generated_at: "{generated:%Y-%m-%dT%H:%M:%SZ}"',
        f"article_count: {len(articles)}",
        # Articles without a publication date: outside period_start..period_end.
        f"undated_count: {sum(1 for a in articles if _article_date(a) is None)}",
        f"fact_count: {len(items)}",
        f"development_count: {development_count}",
        f"selection: {yaml_string(options.selection)}",
        f"pinned_only: {'true' if options.pinned_only else 'false'}",
        f"include_hidden: {'true' if options.include_hidden else 'false'}",
        *yaml_list("actors", actors),
        *yaml_list("measures", measures),
        *yaml_list("tags", tags),
        "---",
    ]


def _cell(text: str) -> str:
    return text or "—"


def _other_articles(articles: Sequence[StoredArticle], items: Sequence[_Item]) -> list[str]:
    """Articles with no fact in the briefing, listed so that each one's footnote is cited."""
    cited = {item.article.id for item in items}
    rest = [a for a in articles if a.id not in cited]
    if not rest:
        return []
    lines = ["## Other articles in this selection", ""]
    for article in rest:
        headline = inline(article.title) or "Untitled article"
        lines.append(f"- {_article_date(article) or 'undated'}: {headline}{_footnote_ref(article)}")
    lines.append("")
    return lines


def _source_line(article: StoredArticle) -> str:
    parts = [inline(article.title) or "Untitled article"]
    origin = ", ".join(p for p in (inline(article.meta.source), _article_date(article)) if p)
    if origin:
        parts.append(origin)
    url = plain(article.meta.url)
    path = plain(article.path)
    if not url and _SAFE_URL.fullmatch(path):
        url, path = path, ""
    if url and _SAFE_URL.fullmatch(url):
        parts.append(f"<{url}>")
    elif url:
        parts.append(f"URL: {escape_markdown(url)}")
    elif path:
        # The file's name only: its directory (a home folder, the library's data directory)
        # is nobody's business but the analyst's. Pasted text has no file to cite.
        name = _FILE_NAME.split(path)[-1]
        if name and not _PASTED_FILE.fullmatch(name):
            parts.append(f"File: {code_span(name)}")
    parts.append(f"Library id {article.id}.")
    # The full stop after a headline like "2022" would make "2022." an ordered list marker.
    content = " ".join(part if part.endswith((".", "?", "!")) else part + "." for part in parts)
    return f"[^a{article.id}]: " + escape_line_start(content)


# --- Developments: the facts of one measure across articles, listed once ----------------------

# A target that is no whole name: a pronoun or a back-reference first, a preposition or article
# last, a bare number, or nothing but the measure's own words ("its aid", "Republic of", "8",
# "tougher sanctions bill", "property").
_PRONOUN_START = frozenset(
    [
        "its",
        "their",
        "our",
        "his",
        "her",
        "my",
        "your",
        "it",
        "them",
        "this",
        "that",
        "these",
        "those",
        "anyone",
        "anything",
        "everyone",
        "everything",
        "someone",
        "something",
        "nobody",
        "none",
        "bloc",
        "bloc's",
        "country's",
        "government's",
    ]
)
_DANGLING_END = frozenset(["of", "to", "on", "in", "for", "from", "with", "by", "at", "and"])
_DANGLING_END |= {"or", "the", "a", "an", "as"}
_MEASURE_WORDS = frozenset(
    [
        "sanction",
        "sanctions",
        "ban",
        "bans",
        "embargo",
        "embargoes",
        "aid",
        "assets",
        "asset",
        "property",
        "properties",
        "transactions",
        "transaction",
        "trade",
        "investment",
        "investments",
        "exports",
        "imports",
        "export",
        "import",
        "tariffs",
        "tariff",
        "duties",
        "duty",
        "list",
        "bill",
        "package",
        "packages",
        "measures",
        "measure",
        "restrictions",
        "restriction",
        "support",
        "cooperation",
        "agreement",
        "relations",
        "flights",
        "airspace",
        "borders",
        "border",
        "new",
        "tougher",
        "further",
        "more",
        "all",
        "commercial",
        "financial",
        "additional",
        "other",
        "visa",
        "facilitation",
        "operating",
        "permit",
        "its",
    ]
)
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
    ]
)


def whole_name(text: str) -> bool:
    """``text`` reads as a whole actor or target, not a fragment, pronoun, number or the
    measure's own words."""
    words = plain(text).replace("’", "'").split()
    if not words:
        return False
    first, last = words[0].casefold(), words[-1].casefold().strip(".,;:")
    if first in _PRONOUN_START or last in _DANGLING_END:
        return False
    lowered = [w.casefold().strip(".,;:'\"()") for w in words]
    if all(w.replace(",", "").isdigit() or w in _NUMBER_WORDS for w in lowered):
        return False
    if any(w[:1].isupper() for w in words):
        return True
    return not all(w in _MEASURE_WORDS or w in _DANGLING_END or not w for w in lowered)


@dataclass(frozen=True, slots=True)
class _Group:
    """One development in the selection: its items (facts) oldest first."""

    key: int
    items: tuple[_Item, ...]
    lead: _Item  # whose actor and target the claim names
    claim: str  # Markdown, as _claim gives it

    @property
    def pinned(self) -> bool:
        return any(item.fact.pinned for item in self.items)

    @property
    def articles(self) -> tuple[StoredArticle, ...]:
        return tuple({item.article.id: item.article for item in self.items}.values())

    @property
    def dates(self) -> tuple[str, ...]:
        return tuple(sorted({item.date for item in self.items if item.date}))

    @property
    def latest(self) -> _Item:
        return self.items[-1]

    @property
    def refs(self) -> str:
        return "".join(_footnote_ref(article) for article in self.articles)

    @property
    def steps(self) -> list[str]:
        steps: list[str] = []
        for item in self.items:
            status = item.fact.status.replace("_", " ")
            if not steps or steps[-1] != status:
                steps.append(status)
        return steps


def _oldest_first(items: Sequence[_Item]) -> list[_Item]:
    ordered = sorted(items, key=lambda item: (item.fact.start, item.fact.id))
    ordered.sort(key=lambda item: (item.date is None, item.date or "", item.article.id))
    return ordered


def _groups(items: Sequence[_Item], options: ExportOptions) -> list[_Group]:
    """The developments, most important first: pinned, then most sources, then newest."""
    mapping = options.developments or {}
    by_key: dict[int, list[_Item]] = {}
    for item in items:
        key = mapping.get(item.fact.id)
        by_key.setdefault(-item.fact.id if key is None else key, []).append(item)
    groups = []
    for key, members in by_key.items():
        ordered = _oldest_first(members)
        latest = ordered[-1]
        # The latest report that names its target in its own words, else the latest that
        # gives one at all (inferred from its story), else the latest.
        named = [item for item in reversed(ordered) if whole_name(plain(item.fact.target))]
        lead = next((item for item in named if item.fact.target_stated), None)
        lead = lead or next(iter(named), latest)
        fact = lead.fact
        if fact.status != latest.fact.status:
            fact = replace(fact, status=latest.fact.status)
        if not whole_name(plain(fact.target)):
            fact = replace(fact, target=None, quantity=None)
        actor = lead.actor if whole_name(lead.actor) else ""
        claim = _claim(fact, actor, plural=len(lead.actors) > 1 or _plural_name(actor))
        groups.append(_Group(key, tuple(ordered), lead, claim))
    groups.sort(key=lambda g: (not g.pinned, -len(g.articles)))
    return _newest_within(groups)


def _newest_within(groups: list[_Group]) -> list[_Group]:
    def rank(g: _Group) -> tuple[bool, int]:
        return (not g.pinned, -len(g.articles))

    result: list[_Group] = []
    start = 0
    while start < len(groups):
        end = start
        while end < len(groups) and rank(groups[end]) == rank(groups[start]):
            end += 1
        block = groups[start:end]
        block.sort(
            key=lambda g: (
                g.dates[-1] if g.dates else "",
                g.latest.article.imported_at,
                g.latest.article.id,
                -g.lead.fact.start,
            ),
            reverse=True,
        )
        result += block
        start = end
    return result


def _group_details(group: _Group) -> str:
    parts = [" → ".join(inline(step) for step in group.steps) or "status unknown"]
    when = _time_expression(group.lead.fact.when)
    if when:
        parts.append(when)
    dates = group.dates
    parts.append(
        "undated" if not dates else dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
    )
    sources = len(group.articles)
    if sources > 1:
        parts.append(f"{sources} sources")
    if any(item.fact.origin == "user" for item in group.items):
        parts.append("added by the analyst")
    elif any(item.fact.edited for item in group.items):
        parts.append("corrected by the analyst")
    if group.pinned:
        parts.append("pinned")
    if all(item.fact.hidden for item in group.items):
        parts.append("hidden")
    return ", ".join(parts)


def _plain_claim(group: _Group) -> str:
    text = group.claim.replace("**", "")
    return text[:1].upper() + text[1:]


def _bottom_sentences(groups: Sequence[_Group], limit: int = 3) -> str:
    """What happened, in plain sentences, most important first."""
    sentences = []
    for group in groups[:limit]:
        sources = len(group.articles)
        dates = group.dates
        said = f"reported by {_plural(sources, 'source')}" if sources > 1 else ""
        when = dates[-1] if dates else ""
        claim = _plain_claim(group)
        notes = [p for p in (said, when) if p]
        # One parenthesis, not two: "... Uganda (target inferred from the story, 2024-05-02)."
        for note in (INFERRED_CLAIM, NOT_STATED_CLAIM):
            if claim.endswith(f" {note}") and notes:
                claim = claim.removesuffix(f" {note}")
                notes.insert(0, note[1:-1])
        extra = ", ".join(notes)
        sentences.append(f"{claim}{f' ({extra})' if extra else ''}.")
    return " ".join(sentences)


def _development_list(groups: Sequence[_Group]) -> list[str]:
    lines = ["## Key developments", ""]
    quoted: dict[str, int] = {}
    for number, group in enumerate(groups, start=1):
        marker = f"{number}. "
        indent = " " * len(marker)
        lines.append(f"{marker}{group.claim} — {_group_details(group)}{group.refs}")
        lines.append("")
        for item in group.items:
            quote = plain(item.fact.sentence)
            if not quote:
                continue
            several = len(group.articles) > 1
            if quote in quoted:
                if quoted[quote] != number:
                    lines.append(f"{indent}> (evidence quoted under {quoted[quote]})")
                    lines.append("")
                continue
            quoted[quote] = number
            cite = item.ref if several else ""
            lines.append(f"{indent}> “{escape_markdown(quote)}”{cite}")
            lines.append("")
        for item in group.items:
            note = inline(item.fact.note)
            if note:
                lines.append(f"{indent}**Analyst's note:** {note}")
                lines.append("")
    return lines


def _development_table(groups: Sequence[_Group]) -> list[str]:
    """One row per development, in the order (and so with the numbers) of Key developments."""
    lines = [
        "## Measures",
        "",
        "| Date | Measure | Imposed by | Target | Status | Source |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for group in groups:
        fact = group.lead.fact
        dates = group.dates
        sources = ", ".join(
            (inline(article.meta.source) or "article") + _footnote_ref(article)
            for article in group.articles
        )
        target = _target_phrase(fact) if whole_name(plain(fact.target)) else ""
        inferred = f" {INFERRED_CELL}" if target and not fact.target_stated else ""
        cells = (
            dates[-1] if dates else "undated",
            _measure_label(fact.measure),
            escape_markdown(group.lead.actor) if whole_name(group.lead.actor) else "",
            inline(target) + inferred,
            inline(group.latest.fact.status.replace("_", " ")),
            sources,
        )
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines.append("")
    return lines


def _development_actors(groups: Sequence[_Group]) -> tuple[list[str], list[str]]:
    """The Actors section, referring to the numbered developments, and the actor names."""
    took: defaultdict[str, list[int]] = defaultdict(list)
    faced: defaultdict[str, list[int]] = defaultdict(list)
    # The developments whose every report naming the actor as its target inferred it from the
    # story: "Measures against" says so.
    inferred: defaultdict[str, set[int]] = defaultdict(set)
    for number, group in enumerate(groups, start=1):
        for name in dict.fromkeys(n for item in group.items for n in item.actors):
            took[name].append(number)
        for name in dict.fromkeys(n for item in group.items for n in item.targets):
            faced[name].append(number)
            if not any(item.fact.target_stated for item in group.items if name in item.targets):
                inferred[name].add(number)
    names = set(took) | set(faced)
    ranked = sorted(
        names, key=lambda n: (-(len(took.get(n, ())) + len(faced.get(n, ()))), n.casefold(), n)
    )
    if not ranked:
        return [], []
    lines = ["## Actors", ""]
    for name in ranked:
        lines += [f"### {escape_markdown(name)}", ""]
        for label, numbers, marked in (
            ("Measures taken", took.get(name), set[int]()),
            ("Measures against", faced.get(name), inferred.get(name, set())),
        ):
            if not numbers:
                continue
            lines += [f"{label} ({len(numbers)}):", ""]
            for number in numbers:
                group = groups[number - 1]
                what = _measure_label(group.lead.fact.measure)
                dates = group.dates
                lines.append(
                    f"- see {number}: {what}, {inline(group.latest.fact.status.replace('_', ' '))}"
                    f", {dates[-1] if dates else 'undated'}"
                    + (", target inferred from the story" if number in marked else "")
                )
            lines.append("")
    return lines, sorted(names, key=lambda n: (n.casefold(), n))


def render_briefing(
    articles: Sequence[StoredArticle], *, options: ExportOptions | None = None
) -> str:
    """The briefing for ``articles`` as a Markdown document (CommonMark, tables, footnotes)."""
    options = options or ExportOptions()
    generated = _utc(options.generated_at)
    ordered_articles, items = _prepare(articles, options)
    groups = _groups(items, options)
    start, end = _period(_article_date(a) for a in ordered_articles)
    title = _title(options, start, end, generated)
    actor_lines, actor_names = _development_actors(groups)
    lines = _front_matter(
        ordered_articles, items, options, title, generated, actor_names, len(groups)
    )
    lines += ["", f"# {escape_markdown(title)}", ""]
    if not ordered_articles:
        lines.append(f"No articles matched this selection ({inline(options.selection)}).")
        lines.append("")
        return "\n".join(lines)
    lines.append(
        f"Selection: {inline(options.selection)}. "
        f"Generated {generated:%Y-%m-%d %H:%M} UTC by {GENERATOR}."
    )
    lines.append("")
    what_happened = _bottom_sentences(groups)
    counts = _bottom_line(ordered_articles, groups, options)
    lines.append(f"**Bottom line:** {what_happened + ' ' if what_happened else ''}{counts}")
    lines.append("")
    if items:
        lines += _development_list(groups)
        lines += _development_table(groups)
        lines += actor_lines
    lines += _other_articles(ordered_articles, items)
    lines += ["## Sources", ""]
    for article in ordered_articles:
        lines += [_source_line(article), ""]
    return "\n".join(lines)


# --- Writing -----------------------------------------------------------------------------------


def front_matter_fields(text: str) -> dict[str, str]:
    """The top-level ``key: value`` pairs of a document's YAML front matter, quotes removed.

    Enough to recognise a briefing (``type``, ``generator``, ``id``); not a YAML parser.
    """
    lines = text.split("\n", 200)
    if not lines or lines[0].rstrip("\r") != "---":
        return {}
    fields: dict[str, str] = {}
    for line in lines[1:200]:
        line = line.rstrip("\r")
        if line in ("---", "..."):
            return fields
        key, sep, value = line.partition(":")
        if sep and key and not key.startswith((" ", "-", "#")):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[key.strip()] = value
    return {}  # no closing line: not front matter


class ExportTargetExists(BriefingError):
    """The file to write already exists: it is replaced only when asked (``force``)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists")
        self.path = path


def write_briefing(path: str | os.PathLike[str], text: str, *, force: bool = False) -> Path:
    """Write ``text`` to ``path`` atomically (temp file, then link or rename).

    An existing file is never replaced unless ``force`` (raises :class:`ExportTargetExists`):
    it may be an earlier briefing the user has since edited. The check and the write are one
    step (a hard link fails when the name is taken), so a file that appears meanwhile is kept.
    """
    target = Path(path)
    if target.is_dir():
        raise BriefingError(f"{target} is a directory")
    parent = target.parent
    if not parent.is_dir():
        raise BriefingError(f"cannot write {target}: no directory {parent}")
    mode: int | None = None
    if target.exists():
        if not force:
            raise ExportTargetExists(target)
        mode = stat.S_IMODE(target.stat().st_mode)
    temporary = parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        # O_EXCL: never follow or reuse something already there; 0o666 lets the umask decide.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        if force:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target)
    except ExportTargetExists:
        raise
    except OSError as error:
        raise BriefingError(f"cannot write {target}: {error.strerror or error}") from error
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _link_new(temporary: Path, target: Path) -> None:
    """Give ``temporary`` the name ``target`` only if that name is free."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise ExportTargetExists(target) from None
    except OSError:
        # A file system without hard links (FAT, some network shares): check, then rename.
        if target.exists():
            raise ExportTargetExists(target) from None
        os.replace(temporary, target)


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def selection_slug(text: str, *, limit: int = 48) -> str:
    """``text`` as a file-name part: lower-case ASCII words joined by ``-`` ("oil-embargo")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = _SLUG_DROP.sub(" ", ascii_text.casefold()).split()
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")


def default_file_name(generated_at: datetime | None = None, selection: str = "all") -> str:
    """``briefing-YYYY-MM-DD-SELECTION.md`` for the (UTC) day of ``generated_at`` (default:
    today): ``selection`` names what was exported ("all", "article 12", "search oil embargo"),
    so that two exports of one day get distinct names."""
    slug = selection_slug(selection) or "all"
    return f"briefing-{_utc(generated_at):%Y-%m-%d}-{slug}.md"


def available_path(directory: str | os.PathLike[str], name: str) -> Path:
    """``directory / name``, or ``name-2``, ``name-3``... when that is taken."""
    folder = Path(directory)
    candidate = folder / name
    stem, suffix = os.path.splitext(name)
    counter = 1
    while candidate.exists() or candidate.is_symlink():
        counter += 1
        candidate = folder / f"{stem}-{counter}{suffix}"
    return candidate
