"""The ``briefing_facts`` component: who takes each measure, against whom, when, how far along.

For each measure span it walks the dependency parse up from the trigger to the clause that holds
the measure's agent (subject, passive ``by`` agent, or the controller of an ``xcomp`` such as "is
expected to announce"), resolves that agent to canonical actors (entities, "Japan's government",
a person's state from a title such as "Japanese Prime Minister", pronouns and "the bloc" back to
earlier sentences), reads the status from the words on that path, and the target from the
trigger's object or ``against/on/of`` phrase. The result, plain dicts, goes to ``Doc._.facts``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefing.nlp import gazetteer
from briefing.nlp.components import (
    COMPANY_SUFFIXES,
    DURATION_UNITS,
    MEASURES_KEY,
    Lemmas,
    register_extensions,
)

register_extensions()

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "hers"})
FIRST_PERSON_PLURAL = frozenset({"we", "our", "us"})
REPORTING_VERBS = frozenset(
    {"said", "says", "told", "added", "stated", "wrote", "tweeted", "declared", "insisted"}
)
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
STATE_KINDS = frozenset({"country", "group", "organization"})
# Climbing out of these prepositions means the measure is background ("under sanctions",
# "despite the ban", "in response to sanctions"): the clause's subject did not take it.
BACKGROUND_PREPS = frozenset(
    {"under", "despite", "amid", "after", "following", "over", "because", "against", "from"}
    | {"since", "before", "during", "about", "around", "beyond", "without"}
    | {"regarding", "concerning"}
)
# Prepositions of talk: "information about EU sanctions" reports none.
TALK_PREPS = frozenset({"about", "regarding", "concerning"})
# "respond to sanctions" reacts to a measure; "respond by expelling" or "with tariffs" takes one.
REACTION_PREPS = frozenset({"to", "of", "for", "from", "against", "on", "at"})
# Words whose prepositional object is a measure someone reacts to or suffers from.
REACTION_WORDS = frozenset(
    {"response", "reaction", "retaliation", "reply", "answer", "impact", "effect", "effects"}
    | {"consequences", "cost", "costs", "damage", "exposure", "respond", "responded"}
    | {"responding", "react", "reacted", "retaliate", "retaliated", "comply", "complied"}
    | {"evade", "evaded", "circumvent", "circumvented", "bypass", "withstand", "weather"}
    | {"adapt", "adjust", "cope", "suffer", "suffered", "hit", "hurt", "subject", "relief"}
    | {"resilient", "immune", "vulnerable", "exposed", "resistant", "violation", "violations"}
    | {"breach", "breaching", "violating", "defiance", "accused", "accuses", "accusing"}
    | {"dismiss", "dismissed", "dismisses", "condemn", "condemned", "condemns", "criticised"}
    | {"criticized", "denounced", "denounce", "slammed", "decried", "protested", "welcomed"}
    | {"welcome", "welcomes", "praised", "hailed", "blamed", "challenge", "challenged"}
    | {"feel", "feels", "felt", "feeling"}
)
EFFECT_NOUNS = frozenset({"impact", "effect", "effects", "consequences", "cost", "costs", "damage"})
# A clause under these conjunctions states a condition, not a measure: "unless Mexico stops ...".
CONDITION_MARKS = frozenset({"unless", "if"})
# An effect of a measure, not a new one: "officials estimate the measure will cut exports".
MEASURE_SUBJECTS = frozenset({"measure", "measures", "move", "decision", "sanctions", "ban"})
# Nouns for a state's envoys: "expelled Belgium's ambassador" falls on Belgium.
ENVOY_NOUNS = frozenset(
    {"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "embassy"}
    | {"charge", "chargé", "consul", "attache", "attaché", "staff", "representative"}
)
# Putting off the end of a measure keeps it: "delayed a decision on lifting the ban".
POSTPONING_WORDS = frozenset(
    {"postpone", "postpones", "postponed", "delay", "delays", "delayed", "defer", "deferred"}
    | {"shelve", "shelved", "stall", "stalled", "hold", "held"}
)
EVENT_NOUNS = frozenset(
    {"agreement", "agreements", "accord", "accords", "protocol", "format", "process", "deal"}
    | {"summit", "declaration", "convention", "treaty", "talks", "conference", "club"}
)
UNNAMED_SOURCES = frozenset(
    {"officials", "official", "sources", "source", "diplomats", "diplomat", "people", "person"}
    | {"insiders", "aides", "aide"}
)
# What a measure is reckoned to do is no measure: "US officials estimate that it will cut ...".
ESTIMATE_VERBS = frozenset(
    {"estimate", "estimates", "estimated", "calculate", "calculates", "calculated", "reckon"}
    | {"reckons", "reckoned", "forecast", "forecasts", "predict", "predicts", "predicted"}
)
OPPOSITION_NOUNS = frozenset({"opposition", "objection", "objections", "veto", "resistance"})
DEMAND_VERBS = frozenset(
    {"demand", "demands", "demanded", "demanding", "insist", "insists", "insisted", "urge"}
    | {"urges", "urged", "ask", "asks", "asked", "request", "requested", "requests"}
)
# Asking someone else to act: "asked/urged/called on Sweden to lift its embargo". Not "press":
# "pressing ahead with lifting sanctions" lifts them.
REQUEST_WORDS = DEMAND_VERBS | frozenset({"call", "calls", "called", "calling"})
FACE_VERBS = frozenset(
    {"face", "faces", "faced", "facing", "risk", "risks", "risked", "expect", "expects"}
    | {"expected", "expecting", "fear", "fears", "feared", "brace", "braced", "withstand"}
)
LIST_REFS = frozenset({"countries", "nations", "states", "governments", "neighbours", "neighbors"})
MIXED_REFS = frozenset({"leaders", "officials", "ministers", "allies", "partners", "members"})
# Leader surnames that are also common words or names: matched only as full names.
# What expelled diplomats are told to do; a time attached to it is their deadline.
DEPARTURE_VERBS = frozenset({"leave", "depart", "quit", "exit"})
COPULAS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "'re", "remains"})
MODALS = frozenset({"could", "may", "might", "would", "will", "should", "can", "'ll", "shall"})
TARGET_PREPS = ("against", "on", "upon", "of", "to", "from", "with", "targeting", "for")
MEASURE_WORDS = frozenset(
    {"sanctions", "measures", "package", "ban", "bans", "restrictions", "embargo", "steps"}
    # "The measure also bans ...", "The resolution also adds ...": the measure just reported
    | {"measure", "step", "resolution", "decree", "order"}
)
# How a list item hangs from "include" / "consist of": "include banning ...", "consist of freezing"
LIST_ITEM_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "pcomp", "attr", "pobj"})
# "its airspace", "their ambassadors": the actor's own, not whom a measure falls on
OWN_POSSESSIVES = frozenset({"its", "their", "our"})
# Words that count or measure what a measure falls on: "dozens of diplomats", "a range of US
# products", "16.6 billion Canadian dollars of American goods".
QUANTITY_WORDS = frozenset(
    {"dozens", "hundreds", "scores", "number", "thousands", "series", "range", "list"}
    | {"basket", "variety", "array", "host", "set", "dollars", "euros", "pounds", "yuan"}
    | {"worth", "billions", "millions", "tonnes", "tons", "barrels", "percent", "share"}
)
NOT_TARGET_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
# Adverbs that bear on a measure's status ("has already imposed", "not yet"); others
# ("raised tariffs back to 50 percent") do not.
STATUS_ADVERBS = frozenset(
    {"already", "still", "yet", "possibly", "potentially", "soon", "never", "longer", "now"}
    | {"previously", "formally", "not", "n't", "far"}
)
# "The duties remain in force": verbs saying a measure is still there.
STILL_VERBS = frozenset(
    {"remain", "remains", "remained", "stay", "stays", "stayed", "continue", "continues"}
)
# "its 12th sanctions package": the model calls it a date; it says nothing of when.
ORDINAL_ONLY = re.compile(r"\d+(st|nd|rd|th)")
IN_FORCE_NOUNS = frozenset({"force", "effect", "place"})
RANKING_WORDS = frozenset({"second", "first", "third", "latest", "last", "one", "part", "step"})
JOIN_VERBS = frozenset({"join", "joins", "joined", "joining", "match", "matched", "follow"})
LEAVE_VERBS = frozenset({"leave", "depart", "quit"})
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}  # fmt: skip
GENERIC_TRADE_WORDS = frozenset({"embargo", "embargoes", "boycott", "boycotts"})
TRADE_RESTATEMENTS = (
    {"trade_restriction", "export_control"},
    {"trade_restriction", "import_ban"},
)
POLARITY = {
    "announced": "yes", "in_force": "yes", "planned": "yes", "rejected": "no",
    "considered": "maybe", "threatened": "maybe", "lifted": "ended",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ActorRef:
    canonical: str
    kind: str


@dataclass(slots=True)
class Mention:
    actor: ActorRef
    token_i: int
    sentence_i: int
    subject: bool
    # The subject of an active verb, or its modifier ("The ECOWAS heads ... adopted"): one who
    # acts. A passive's subject ("Mali's membership was suspended") is one acted on.
    agent: bool = False


@dataclass(slots=True)
class Located:
    """Where a trigger's agent was found: actors, the path of tokens climbed, a target."""

    path: list[Token]
    actors: list[ActorRef] = field(default_factory=list)
    target: Token | None = None
    status: str | None = None
    # True when the clause names no agent but goes on with the story (a passive, a list
    # item): the actor of the measure reported just before is meant.
    continues_story: bool = False
    # True when the measure is something the clause reacts to ("respond to sanctions").
    reaction: bool = False
    # True when the clause only says something about the measure ("Washington's sanctions
    # were a hostile act", "the package was the toughest ever"): no report of it.
    comment: bool = False
    # The head of the clause's subject or "by" agent the actors were read from
    agent: Token | None = None


@dataclass(frozen=True, slots=True)
class EntInfo:
    """An actor entity with its canonical name and kind read once (Span._ lookups are slow)."""

    span: Span
    canonical: str
    kind: str
    label_: str
    ent_id_: str
    start: int
    root: Token


@dataclass(slots=True)
class Context:
    """What the extractor knows about one doc while it walks the measures in order."""

    doc: Doc
    ent_at: dict[int, EntInfo]
    actors: list[EntInfo]
    sentences: list[Span]
    sentence_starts: list[int]
    mentions: list[Mention]
    person_state: dict[str, str]
    facts: list[dict[str, Any]] = field(default_factory=list)
    # Doc.text and Doc.ents are rebuilt from every token on each access: taken once per doc, so
    # that a doc with thousands of measures (a huge one-line file) stays linear, not quadratic.
    text: str = ""
    ents: tuple[Span, ...] = ()
    # The trigger token of every measure in the doc, and its measure type and token span.
    triggers: dict[int, str] = field(default_factory=dict)
    extents: dict[int, tuple[int, int]] = field(default_factory=dict)

    def sentence_number(self, token_i: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, token_i) - 1, 0)

    def sentence(self, token_i: int) -> Span:
        return self.sentences[self.sentence_number(token_i)]


@Language.factory("briefing_facts")
def make_fact_extractor(nlp: Language, name: str) -> FactExtractor:
    return FactExtractor(Lemmas(nlp))


class FactExtractor:
    def __init__(self, lemma: Lemmas) -> None:
        self.lemma = lemma
        actors = gazetteer.actor_data()
        measures = gazetteer.measure_data()
        self.group_refs = frozenset(actors["references"]["group"])
        self.country_refs = frozenset(actors["references"]["country"])
        self.state_titles = frozenset(actors["state_titles"])
        self.human_groups = frozenset(actors["references"]["human_groups"])
        self.leaders = {
            name: state
            for state, names in actors["leaders"].items()
            if not state.startswith("_")
            for name in names
        }
        self.leader_surnames = gazetteer.leader_surnames()
        self.generic_nouns = frozenset(measures["generic_nouns"])
        self.territory_nouns = frozenset(measures["territory_nouns"])
        self.kind_words = frozenset(measures["kind_words"])
        self.target_nouns = frozenset(measures["target_nouns"])
        status = measures["status"]
        self.status_order: list[str] = list(status["order"])
        self.status_words = {name: frozenset(status[name]) for name in self.status_order}
        self.noun_status_cues = frozenset(status["noun_cues"])
        self.any_status_word = frozenset().union(*self.status_words.values())
        self.open_words = frozenset(status["open_words"])
        self.other_sense_words = frozenset(measures["other_sense_words"])
        self.imposing_nouns = frozenset(measures["imposing_nouns"])
        self.non_targets = MEASURE_WORDS | frozenset(measures["non_measure_objects"])
        lemma_rules = measures["lemma_rules"]
        self.comment_verbs = frozenset(lemma_rules["comment_verbs"])
        self.request_verbs = frozenset(lemma_rules["request_verbs"])
        self.drafting_verbs = frozenset(lemma_rules["drafting_verbs"])
        self.adherence_verbs = frozenset(lemma_rules["adherence_verbs"])
        self.content_words = frozenset(lemma_rules["content_words"])
        self.anaphoric_triggers = frozenset(lemma_rules["anaphoric_triggers"])
        self.gathering_nouns = frozenset(lemma_rules["gathering_nouns"])
        self.causing_verbs = frozenset(lemma_rules["causing_verbs"])
        self.restraint_verbs = frozenset(lemma_rules["restraint_verbs"])
        self.no_choice_nouns = frozenset(lemma_rules["no_choice_nouns"])
        self.proposal_nouns = frozenset(lemma_rules["proposal_nouns"])
        self.proposing_verbs = frozenset(lemma_rules["proposing_verbs"])
        self.stopping_verbs = frozenset(lemma_rules["stopping_verbs"])
        self.instrument_nouns = frozenset(lemma_rules["instrument_nouns"])
        self.subjecting_verbs = frozenset(lemma_rules["subjecting_verbs"])
        self.listing_verbs = frozenset(lemma_rules["listing_verbs"])
        self.non_state_agents = frozenset(lemma_rules["non_state_agents"])
        self.hazard_words = frozenset(lemma_rules["hazard_words"])
        self.alternative_verbs = frozenset(lemma_rules["alternative_verbs"])
        self.holding_verbs = frozenset(lemma_rules["holding_verbs"])
        self.aid_nouns = frozenset(measures["aid_nouns"])
        # what a measure covers rather than whom it falls on: "imports", "its aid"
        self.covering_nouns = self.generic_nouns | self.aid_nouns
        self.imposing_with_verbs = frozenset(lemma_rules["imposing_with_verbs"])
        # "SWIFT sanctions", "oil embargo": a cue word modifying a trigger names the measure's
        # kind or goods, never who takes it.
        self.cue_words = frozenset(w for cue in measures["cues"] for w in cue["words"])
        # Verbs over a clause that give its measure their status: "proposed that ... expel".
        self.stance_words = frozenset().union(
            *(status[name] for name in ("considered", "planned", "threatened", "rejected"))
        )
        self.privilege_triggers = frozenset(
            w
            for t in measures["triggers"]
            if t.get("privilege")
            for alternatives in t.get("phrase", [])
            for w in alternatives
        )
        # "reopened its airspace to Qatari flights": the trigger itself ends a measure
        self.lifting_triggers = frozenset(
            w for t in measures["triggers"] if t.get("lifting") for w in t.get("forms", [])
        )

    def __call__(self, doc: Doc) -> Doc:
        if not doc.spans.get(MEASURES_KEY):
            doc._.facts = []  # most text states no measure: nothing to resolve
            return doc
        ctx = self._context(doc)
        facts: list[dict[str, Any]] = []
        for measure in doc.spans.get(MEASURES_KEY, ()):
            facts.extend(self._facts_for(measure, ctx))
            ctx.facts = facts
        doc._.facts = dedupe(facts)
        return doc

    # -- context -------------------------------------------------------------------------

    def _context(self, doc: Doc) -> Context:
        actors: list[EntInfo] = []
        ent_at: dict[int, EntInfo] = {}
        for ent in doc.ents:
            canonical = ent._.canonical
            if not canonical:
                continue
            info = EntInfo(
                ent, canonical, ent._.actor_kind, ent.label_, ent.ent_id_, ent.start, ent.root
            )
            actors.append(info)
            for i in range(ent.start, ent.end):
                ent_at[i] = info
        sentences = list(doc.sents)
        ctx = Context(
            doc,
            ent_at,
            actors,
            sentences,
            [sent.start for sent in sentences],
            [],
            {},
            text=doc.text,
            ents=tuple(doc.ents),
            triggers={m._.trigger: m.label_ for m in doc.spans.get(MEASURES_KEY, ())},
            extents={m._.trigger: (m.start, m.end) for m in doc.spans.get(MEASURES_KEY, ())},
        )
        ctx.person_state = self._person_states(ctx)
        for info in actors:
            root = info.root
            actor = self._ref_for_ent(info, ctx.person_state)
            if self._government_body(info):
                # "Spain's foreign ministry said it would expel": "it" is Spain
                actor = next(iter(self._actor_of_phrase(root, ctx)), actor)
            ctx.mentions.append(
                Mention(
                    actor,
                    root.i,
                    ctx.sentence_number(root.i),
                    _is_subject(root),
                    _is_agent(root),
                )
            )
        return ctx

    def _person_states(self, ctx: Context) -> dict[str, str]:
        """The state a person acts for: a known leader, a title with a nationality ("Japanese
        Prime Minister Fumio Kishida"), or a bare title ("Transport Minister Omar Alghabra")
        in a story about the state named as subject before."""
        states: dict[str, str] = {}
        last_subject_state: str | None = None
        ent_at = ctx.ent_at
        for ent in ctx.actors:
            if ent.kind == "country" and _is_subject(ent.root):
                last_subject_state = ent.canonical
            if ent.label_ != "PERSON" or ent.canonical in states:
                continue
            name = ent.canonical
            leader = self.leaders.get(name) or self.leader_surnames.get(name)
            if leader:
                states[name] = leader
                continue
            root = ent.root
            around = [t for t in root.subtree if t.i < ent.start]
            if root.dep_ == "appos":
                around.extend(root.head.subtree)
            around.extend(c for c in root.children if c.dep_ == "appos" for c in c.subtree)
            # "Foreign Minister Lena Brandt of Sweden"
            around.extend(t for pobj in _prep_objects(root, ("of",)) for t in pobj.subtree)
            if not any(t.lower_ in self.state_titles for t in around):
                continue
            for token in around:
                other = ent_at.get(token.i)
                if other is not None and other is not ent and other.kind in ("country", "group"):
                    states[name] = other.canonical
                    break
            else:
                if last_subject_state is not None:
                    states[name] = last_subject_state
        return states

    @staticmethod
    def _ref_for_ent(ent: EntInfo, person_state: dict[str, str]) -> ActorRef:
        if ent.kind == "person":
            state = person_state.get(ent.canonical)
            if state:
                return ActorRef(state, "country")
        return ActorRef(ent.canonical, ent.kind or "organization")

    # -- one measure ---------------------------------------------------------------------

    def _facts_for(self, measure: Span, ctx: Context) -> list[dict[str, Any]]:
        doc = ctx.doc
        trigger = doc[measure._.trigger]
        if (
            trigger.dep_ in ("attr", "acomp")
            and trigger.head.lower_ in COPULAS
            and not _participle_complement(trigger)
        ):
            # "it was the largest expulsion since ...": a comment on a measure, not a report.
            return []
        if _effect_of_a_measure(trigger, measure.label_):
            return []
        if _in_a_name(trigger, ctx.sentence(trigger.i)) or _in_a_comment(trigger):
            return []
        if trigger.pos_ == "VERB" and any(
            c.dep_ == "dobj" and ctx.triggers.get(c.i) == measure.label_ for c in trigger.children
        ):
            # "halted the closing of the borders": one measure, reported by the noun (read
            # through this verb, which makes it a lifting), not a second one with the noun
            # for its target.
            return []
        if _heading(ctx.sentence(trigger.i)):
            return []  # a section heading ("A short history of Western embargoes") reports nothing
        if self._other_sense(ctx.sentence(trigger.i), ctx):
            return []  # "a four-year doping ban", "a sanction on the club": sport, not states
        found = self._locate(trigger, ctx)
        if self.lemma(trigger) in self.anaphoric_triggers and any(
            node.i in ctx.triggers for node in found.path[1:]
        ):
            # "In a like move, Chile recalled its envoy": the clause's own measure is the
            # report; the "move" only points at it.
            return []
        if (
            found.agent is not None
            and self.lemma(found.agent) in self.non_state_agents
            # "the Arab League" is a bloc; "the Premier League" is not
            and getattr(ctx.ent_at.get(found.agent.i), "kind", None) not in ("country", "group")
        ):
            # "A US court extended a freeze on his assets", "the ruling party expelled a
            # loyalist", "the league placed an embargo on the club": not a state's measure
            return []
        if measure.label_ == "transport_ban" and any(
            self.lemma(t) in self.hazard_words for t in ctx.sentence(trigger.i)
        ):
            return []  # "closed airspace as a cloud of volcanic ash drifted south": no measure
        if self._about_content(found.path):
            return []  # "he would not say what the embargo covers": no report of one
        if any(_condition_clause(node) for node in found.path):
            return []  # "... unless Mexico stops the flow of migrants": the condition
        top = found.path[-1]
        if top.dep_ == "ccomp" and top.head.lower_ in ESTIMATE_VERBS:
            return []  # "officials estimate that it will cut $1 billion from exports"
        if found.continues_story and ctx.facts and _restated(trigger):
            # "The embargo was imposed in 1989": background on a measure already reported
            return []
        actors = [
            a
            for a in found.actors
            if not _is_pronoun_like(a) and not self.other_sense_words & set(a.canonical.split())
        ]
        listed_in = self._listed_in(found.path, ctx)
        if listed_in is not None:
            # "sanctions being discussed include banning officials from travel and freezing
            # their assets": each item is the listing measure's, with its status
            # (one reference naming them all, as the listing fact does; the kind is not read
            # again past this point)
            actors = [ActorRef(str(listed_in["actor"]), "country")]
            found.status = listed_in["status"]
        if not actors:
            return []
        status = found.status or self._status(trigger, found.path)
        phrase_head = trigger.head if trigger.dep_ == "compound" else trigger
        if status != "rejected" and any(
            c.dep_ == "det" and c.lower_ == "any" for c in phrase_head.children
        ):
            return []  # "avoided naming them in any sanctions package": none was taken
        if status == "in_force":
            # "Japan asked Washington to ease export controls": the measure is Washington's,
            # the one asked to end it; Japan only asks.
            actors = self._asked_to_lift(found.path, ctx) or actors
        if status == "announced" and self._reported_plan(found.path, actors, ctx):
            status = "planned"
        if status in ("announced", "planned") and _conditional(found.path):
            status = "threatened"  # "would impose a tariff unless ...", "will ... if ..."
        target_token = found.target
        if target_token is None:
            target_token = self._target_token(trigger, found, actors, ctx)
        target, quantity = (None, None)
        if target_token is not None:
            target, quantity = self._describe_target(target_token, actors, ctx)
        when = self._when(trigger, found.path, ctx)
        sent = ctx.sentence(trigger.i)
        start, end = strip_offsets(ctx.text, sent.start_char, sent.end_char)
        if target is not None and (
            target.replace(",", "").isdigit()
            or target.lower() in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS
        ):
            target = None  # never a bare number or an unresolved pronoun
        actors = [a for a in actors if not target or target.lower() != a.canonical.lower()]
        if not actors:
            return []
        inferred = False
        weak = self._weak_target(target_token, target, actors, ctx)
        if weak and listed_in is not None and listed_in["target"]:
            # "sanctions on 20 officials, including visa bans": on the officials
            target, quantity = listed_in["target"], listed_in["quantity"]
            inferred = bool(listed_in.get("inferred_target"))
        elif weak:
            # "suspended its aid", "announced a new sanctions framework": whom it falls on is
            # the state the story is about, the target of the measures before or the state
            # named most
            state = self._context_target({a.canonical.lower() for a in actors}, ctx)
            if state is not None:
                # stated when the sentence names it ("suspended new loans to Uganda", the
                # "to" on the verb), inferred from the story otherwise
                sentence = ctx.sentence(trigger.i)
                named = any(
                    m.actor.canonical == state and sentence.start <= m.token_i < sentence.end
                    for m in ctx.mentions
                )
                target, quantity, inferred = state, None, not named
        measure_type = measure.label_
        flows_to = self._flows_to(trigger, ctx)
        names = {a.canonical for a in actors}
        if measure_type == "export_control" and flows_to & names:
            measure_type = "import_ban"  # "ban exports of Russian oil to the EU", by the EU
        elif measure_type == "import_ban" and flows_to - names:
            measure_type = "export_control"  # "Moscow cut gas supplies to Europe"
        elif measure_type == "export_control" and not flows_to & names:
            phrase = list(trigger.subtree) + (
                list(target_token.subtree) if target_token is not None else []
            )
            origins = self._exports_from(phrase, ctx)
            if any(self.lemma(t) == "export" for t in phrase):
                # "restrictions on banana exports from the Philippines", "from" parsed on the
                # measure
                origins |= self._states_in(_prep_objects(trigger, ("from",)), ctx)
            if origins and not origins & names:
                # "China lifted restrictions on banana exports from the Philippines",
                # "Bangladesh stopped Indian rice exports": another state's exports, kept out
                measure_type = "import_ban"
        # Several actors taking one measure together ("The United States, France and Germany
        # agreed to ...") make one joint fact naming them all; one measure on several states
        # ("lifted sanctions on Niger, Mali and Burkina Faso") makes one fact per state, so
        # each state's briefing lists it.
        targets = [target]
        if target_token is not None and target is not None:
            targets += self._coordinated_states(target_token, names | {target.lower()}, ctx)
        return [
            {
                "measure": measure_type,
                "actor": _join_names([a.canonical for a in actors]),
                "target": each,
                "quantity": quantity if each == target else None,
                "coordinated": len(targets) > 1,
                "inferred_target": inferred,
                "when": when,
                "status": status,
                "start": start,
                "end": end,
                "measure_start": measure.start_char,
                "measure_end": measure.end_char,
                # an embargo or a boycott whose goods were not named: any trade measure
                "generic": measure_type == "trade_restriction"
                and trigger.lower_ in GENERIC_TRADE_WORDS,
            }
            for each in targets
        ]

    def _listed_in(self, path: Sequence[Token], ctx: Context) -> dict[str, Any] | None:
        """The fact of the measure a list names this one as part of: "sanctions ... include
        banning X and freezing Y", "consist of freezing ...", "sanctions, such as a freezing
        of assets", "sanctions, including visa bans"."""
        doc = ctx.doc
        parent: Token | None = None
        for below, node in itertools.pairwise(path):
            if below.dep_ == "conj":
                continue  # "banning X and freezing Y": the list goes on
            if self.lemma(node) in self.listing_verbs and below.dep_ in LIST_ITEM_DEPS:
                subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
                if subject is not None:
                    parent = next((t for t in subject.subtree if t.i in ctx.triggers), None)
                else:
                    # "sanctions being discussed include ...", parsed without a subject
                    parent = self._measure_before(node, ctx)
            elif below.dep_ == "pobj" and (
                node.lower_ == "including"
                or (node.lower_ == "as" and node.i > 0 and doc[node.i - 1].lower_ == "such")
            ):
                head = node.head
                # "sanctions remain possible, such as ...": the nearest measure before
                parent = head if head.i in ctx.triggers else self._measure_before(node, ctx)
            break
        if parent is None:
            return None
        start = doc[ctx.extents.get(parent.i, (parent.i, parent.i + 1))[0]].idx
        return next((f for f in reversed(ctx.facts) if f["measure_start"] == start), None)

    @staticmethod
    def _measure_before(token: Token, ctx: Context) -> Token | None:
        """The nearest measure trigger before ``token`` in its sentence."""
        first = ctx.sentence(token.i).start
        return next(
            (ctx.doc[i] for i in range(token.i - 1, first - 1, -1) if i in ctx.triggers), None
        )

    def _weak_target(
        self,
        token: Token | None,
        target: str | None,
        actors: Sequence[ActorRef],
        ctx: Context,
    ) -> bool:
        """No target, or one that names nobody: what is withheld ("its aid", "a majority of
        aid") or the actor's own ("its airspace", "their ambassadors"). Goods ("imports of
        oil") say what the measure covers and stay."""
        if target is None or token is None:
            return True
        words = target.lower().split()
        withheld = words[-1] in self.aid_nouns or words[-1] in QUANTITY_WORDS
        if not withheld and words[0] not in OWN_POSSESSIVES:
            return False
        names = {a.canonical.lower() for a in actors}
        return not any(
            t.i in ctx.ent_at and ctx.ent_at[t.i].canonical.lower() not in names
            for t in token.subtree
        )

    @staticmethod
    def _context_target(names: set[str], ctx: Context) -> str | None:
        """The state a measure with no named target falls on: the most frequent state target
        of the facts before it, else the state other than its actors named most often in the
        text (ties to the first named)."""
        targets = Counter(
            str(f["target"])
            for f in ctx.facts
            if f.get("target")
            and not f.get("inferred_target")
            and str(f["target"]).lower() not in names
        )
        states: Counter[str] = Counter()
        first: dict[str, int] = {}
        imposers = {part.lower() for f in ctx.facts for part in str(f["actor"]).split(" and ")}
        for mention in ctx.mentions:
            name = mention.actor.canonical
            if mention.actor.kind != "country" or name.lower() in names:
                continue
            states[name] += 1
            first.setdefault(name, mention.token_i)
        known = [t for t in targets if t in states]
        if known:
            return max(known, key=lambda t: (targets[t], -first[t]))
        candidates = [s for s in states if s.lower() not in imposers]
        if not candidates:
            return None
        return max(candidates, key=lambda s: (states[s], -first[s]))

    def _imposing_through(self, prep: Token, verb: Token) -> bool:
        """The preposition brings in a measure its verb imposes on the verb's object:
        "subjected them to an asset freeze", "hit Russia with sanctions" (not "comply with")."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False  # "subject to sanctions" (an adjective) suffers the measure
        lemma = self.lemma(verb)
        if prep.lower_ == "to":
            return lemma in self.subjecting_verbs
        return prep.lower_ == "with" and lemma in self.imposing_with_verbs

    @staticmethod
    def _coordinated_states(token: Token, names: set[str], ctx: Context) -> list[str]:
        """The other states listed with a state target ("on Niger, Mali and Burkina Faso"),
        when every item of the list is a state or a bloc; none for a mixed list ("Russia and
        its oligarchs"), which stays one target."""
        ent = ctx.ent_at.get(token.i)
        if ent is None or ent.root.i != token.i or ent.label_ == "NORP":
            return []
        if ent.kind not in ("country", "group"):
            return []
        found: list[str] = []
        listed = list(token.conjuncts)
        if listed:
            # "on Niger, Mali, and Burkina Faso" is often parsed with Mali as an apposition
            listed += [c for c in token.children if c.dep_ == "appos"]
        for other in sorted(listed, key=lambda t: t.i):
            other_ent = ctx.ent_at.get(other.i)
            if (
                other_ent is None
                or other_ent.root.i != other.i
                or other_ent.label_ == "NORP"
                or other_ent.kind not in ("country", "group")
            ):
                return []
            name = other_ent.canonical
            if name.lower() not in names and name not in found:
                found.append(name)
        return found

    def _about_content(self, path: Sequence[Token]) -> bool:
        """The measure is the subject of a wh-clause about what it holds ("did not specify what
        the sanctions entail", "explained how the ban works"): its content, not a report."""
        for below, node in itertools.pairwise(path):
            if below.dep_ not in ("nsubj", "nsubjpass", "compound"):
                continue
            if node.dep_ in ("ccomp", "xcomp", "dobj", "pobj") and any(
                c.lower_ in self.content_words and c.tag_ in ("WP", "WDT", "WRB") and c.i < below.i
                for c in node.children
            ):
                return True
        return False

    @staticmethod
    def _flows_to(trigger: Token, ctx: Context) -> set[str]:
        """The actors goods flow to in the measure's phrase: "supplies to Europe"."""
        names = set()
        for token in trigger.subtree:
            if token.dep_ == "pobj" and token.head.lower_ in ("to", "into"):
                ent = ctx.ent_at.get(token.i)
                if ent is not None and ent.kind in STATE_KINDS:
                    names.add(str(ent.canonical))
        return names

    def _exports_from(self, tokens: Iterable[Token], ctx: Context) -> set[str]:
        """The states whose exports a measure's phrase names: "Indian rice exports", "exports
        from the Philippines", "Tanzania's exports"."""
        names = set()
        for token in tokens:
            if self.lemma(token) != "export" or token.pos_ != "NOUN":
                continue
            origins = [c for c in token.children if c.dep_ in ("amod", "compound", "poss")]
            names |= self._states_in(origins + _prep_objects(token, ("from",)), ctx)
        return names

    @staticmethod
    def _states_in(phrases: Iterable[Token], ctx: Context) -> set[str]:
        """The states and blocs named in these phrases."""
        return {
            str(ent.canonical)
            for phrase in phrases
            for part in phrase.subtree
            if (ent := ctx.ent_at.get(part.i)) is not None and ent.kind in ("country", "group")
        }

    def _locate(self, trigger: Token, ctx: Context) -> Located:
        """Who takes the measure, read from the trigger's own phrase and the clauses above it."""
        owners: list[ActorRef] = []
        modifiers: list[ActorRef] = []
        if trigger.pos_ in ("NOUN", "PROPN"):
            owners, modifiers = self._noun_trigger_actors(trigger, ctx)
        elif _to_infinitive_of_noun(trigger):
            # "in response to the US decision to expel ...", "Japan's move to ban ...": the
            # noun's owner takes the measure, whatever the phrase is said in reply to
            owners = self._decision_owners(_first_conjunct(trigger).head, ctx)
        found = self._climb(trigger, ctx)
        top = found.path[-1]
        if top.dep_ == "ccomp" and top.head.lower_ in DEMAND_VERBS:
            # "Italy demanded that Egypt withdraw its envoy": Italy's demand, not Egypt's act
            demander = next((c for c in top.head.children if c.dep_ in SUBJECT_DEPS), None)
            found.actors = self._actors_of(demander, ctx) if demander is not None else []
            found.status = "considered"
            return found
        if (owners or modifiers) and not found.comment and self._urged_to_follow(found.path):
            # "the EU pressed Serbia to uphold the EU's sanctions on Russia": the owner's
            # measure, standing already; pressing someone to follow it is no new one
            found.actors = owners or modifiers
            found.status = "in_force"
            return found
        if found.comment:
            found.actors = []
        elif owners and found.actors and self._refused(found.path):
            # "Hungary said it would not back the EU's embargo": the refusal is Hungary's
            found.status = "rejected"
        elif owners:
            found.actors = owners
        elif found.reaction:
            found.actors = []
        elif not found.actors and modifiers:
            found.actors = modifiers
        elif not found.actors and found.continues_story:
            window = 2 if ctx.sentence(trigger.i).root.pos_ in ("VERB", "AUX") else 4
            found.actors = self._last_fact_actors(trigger, ctx, window)
        return found

    def _urged_to_follow(self, path: Sequence[Token]) -> bool:
        """The measure is the object of a verb of following it ("uphold", "join", "enforce")
        that someone is asked or pressed to do: "pressed Serbia to uphold EU sanctions"."""
        if len(path) < 3 or path[0].dep_ not in ("dobj", "pobj"):
            return False
        at = 2 if path[0].dep_ == "pobj" else 1
        verb = path[at]
        if self.lemma(verb) not in self.adherence_verbs or _has_negation(verb):
            return False
        if not any(self.lemma(t) in self.request_verbs for t in path[at + 1 : at + 4]):
            return False
        # "rejected calls to join Western sanctions": the refusal is the report
        return not self._refused(path[at:])

    def _reported_plan(
        self, path: Sequence[Token], actors: Sequence[ActorRef], ctx: Context
    ) -> bool:
        """ "The EU would remove Sberbank from SWIFT, officials said": unnamed officials or
        sources report what the actor would do, a plan; "the EU said it would ...", or a named
        body saying so, is an announcement."""
        verb = next((v for v in path if v.pos_ in ("VERB", "AUX")), None)
        if verb is None or not any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
            return False
        top = path[-1]
        if top.dep_ != "ccomp" or top.head.lower_ not in REPORTING_VERBS:
            return False
        speaker = next((c for c in top.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.lower_ not in UNNAMED_SOURCES:
            return False  # "it said", "the foreign secretary said": the actor's own word
        return not any(t.i in ctx.ent_at for t in speaker.subtree)

    def _refused(self, path: Sequence[Token]) -> bool:
        """A verb above the measure refuses it: "would not back", "refused to enforce"."""
        return any(
            verb.pos_ in ("VERB", "AUX")
            and (_has_negation(verb) or verb.lower_ in self.status_words["rejected"])
            for verb in path[1:]
        )

    def _noun_trigger_actors(
        self, trigger: Token, ctx: Context
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        """("the EU's sanctions", "sanctions imposed by the EU") and ("US sanctions")."""
        owners: list[ActorRef] = []
        modifiers: list[ActorRef] = []
        for child in trigger.children:
            if child.dep_ == "poss" and not owners:
                owners = self._actors_of(child, ctx)
            elif child.dep_ in ("acl", "relcl") and not owners:
                agent = _agent_of(child)
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if agent is not None:
                    owners = self._actors_of(agent, ctx)
                elif subject is not None and subject.pos_ != "PRON":
                    # "sanctions that Washington imposed"
                    owners = self._actors_of(subject, ctx)
            elif child.dep_ in ("compound", "amod", "nmod") and child.lower_ not in self.cue_words:
                ent = ctx.ent_at.get(child.i)
                # "US sanctions", "Western sanctions"; not "Russian sanctions" (ambiguous).
                if ent is not None and (
                    ent.label_ != "NORP" or child.lower_ in ("western", "european")
                ):
                    modifiers.append(self._ref_for_ent(ent, ctx.person_state))
        if not owners and trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
            act = trigger.head.head
            if act.lower_ in self.imposing_nouns:
                # "a reply to Beijing's introduction of tariffs": Beijing's measure
                owner = next((c for c in act.children if c.dep_ == "poss"), None)
                if owner is not None:
                    owners = self._actors_of(owner, ctx)
        return owners, modifiers

    def _decision_owners(self, noun: Token, ctx: Context) -> list[ActorRef]:
        """Who owns a decision, move or plan: "the US decision", "Japan's move"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return self._actors_of(child, ctx)
        for child in noun.children:
            ent = ctx.ent_at.get(child.i)
            if (
                child.dep_ in ("compound", "amod", "nmod")
                and ent is not None
                and (ent.kind in STATE_KINDS or self._government_body(ent))
            ):
                return [self._ref_for_ent(ent, ctx.person_state)]
        return []

    def _climb(self, trigger: Token, ctx: Context) -> Located:
        found = Located(path=[trigger])
        current = trigger
        in_subject_clause: Token | None = None
        gerund_subject = self._gerund_subject(trigger, ctx)
        if gerund_subject:
            # "which led to Canada suspending its aid": the gerund's subject acts
            found.actors = gerund_subject
            return found
        for _ in range(14):
            path = found.path
            came_from = path[-2] if len(path) > 1 else None
            subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and current is trigger:
                start, end = ctx.extents.get(trigger.i, (trigger.i, trigger.i + 1))
                if start <= subject.i < end:
                    # "lifted asset freezes on five banks", misparsed as a clause whose
                    # subject is "asset": the measure's own word is no subject, but a state
                    # modifying it owns the measure ("hit with a UK assets freeze")
                    _, modifiers = self._noun_trigger_actors(subject, ctx)
                    if modifiers:
                        found.actors = modifiers
                        return found
                    subject = None
            subject_pass = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
            if came_from is trigger and subject is not None and _participle_complement(trigger):
                # "their assets were frozen", parsed as "were" + an adjective: a passive
                subject_pass, subject = subject, None
            agent = _agent_of(current)
            if agent is not None and _contains(agent, trigger):
                # "Russia was hit by sanctions": the subject suffers the measure.
                found.target = subject_pass
                return found
            if agent is not None:
                found.actors = self._actors_of(agent, ctx)
                found.agent = agent
                if subject_pass is not None and not _contains(subject_pass, trigger):
                    found.target = found.target or subject_pass
                return found
            made = next((c for c in current.children if c.dep_ == "dobj"), None)
            if (
                made is not None
                and came_from is not None
                and came_from.dep_ in ("xcomp", "ccomp")
                and self.lemma(current) in self.causing_verbs
            ):
                # "the downing prompted Russia to halt flights", "forced Canada to expel":
                # whoever is made to act takes the measure, not what caused it.
                found.actors = self._actors_of(made, ctx)
                return found
            if (
                subject is not None
                and not _contains(subject, trigger)
                and came_from is not None
                and came_from.dep_ == "xcomp"
                and any(c.dep_ == "auxpass" for c in came_from.children)
            ):
                # "nine envoys are to be expelled (from Denmark)", "is set to be hit
                # with sanctions": the subject is whom the measure falls on, not who acts
                found.target = found.target or subject
                place = self._from_place(came_from, ctx)
                if place:
                    found.actors = place
                    return found
                found.continues_story = True
                subject = None
            if subject is not None and not _contains(subject, trigger):
                if (
                    current.lower_ in FACE_VERBS
                    and came_from is not None
                    and came_from.dep_ in ("dobj", "pobj", "prep")
                ):
                    return self._faced(trigger, current, subject, found, ctx)
                if in_subject_clause is not None:
                    # "the sanctions were not aimed at ordinary people, he said": about the measure
                    return self._still_in_force(trigger, in_subject_clause, found, ctx)
                found.actors = self._actors_of(subject, ctx)
                found.agent = subject
                return found
            if subject is not None:
                # The measure is (in) the subject: "New US sanctions took effect".
                in_subject_clause = current
            elif in_subject_clause is not None:
                pass  # above a clause about the measure ("sanctions stay in place")
            elif subject_pass is not None and not _contains(subject_pass, trigger):
                place = self._from_place(current, ctx) if current is trigger else []
                if place:
                    # "Russian diplomats were expelled from Norway": Norway expels them
                    found.actors = place
                    found.target = subject_pass
                    return found
                if came_from is not None and came_from.dep_ == "xcomp":
                    # "Kishida is expected to announce sanctions"
                    found.actors = self._actors_of(subject_pass, ctx)
                    return found
                found.target = found.target or subject_pass
                found.continues_story = True
            elif subject_pass is not None or (
                current.pos_ in ("VERB", "AUX") and current.dep_ == "ROOT"
            ):
                found.continues_story = True  # passive or subjectless: "will be banned"
            if current.dep_ == "ROOT" or current.head.i == current.i:
                if in_subject_clause is not None:
                    return self._still_in_force(trigger, in_subject_clause, found, ctx)
                if current.pos_ not in ("VERB", "AUX"):
                    found.continues_story = True  # a verbless list item: "A ban on ..."
                return found
            if current.dep_ == "dobj" and (
                current.head.lower_ in REACTION_WORDS
                or self.lemma(current.head) in self.comment_verbs
            ):
                found.reaction = True  # "helping North Korea evade UN sanctions"
                return found
            if current.dep_ in ("poss", "nmod") and current.head.lower_ in EFFECT_NOUNS:
                # "the sanctions' impact on prices" (with a curly apostrophe the small model
                # reads the measure as a modifier): what a measure does, not a report of one
                found.reaction = True
                return found
            if current.dep_ in ("pobj", "pcomp"):
                prep, governor = current.head, current.head.head
                imposing = self._imposing_through(prep, governor)
                if (
                    governor.lower_ in REACTION_WORDS
                    and prep.lower_ in REACTION_PREPS
                    and not imposing
                ):
                    # "respond to Western sanctions", "the impact of the ban": not a report
                    found.continues_story = False
                    found.reaction = True
                    return found
                if prep.lower_ in BACKGROUND_PREPS or (
                    prep.lower_ == "with"
                    and governor.pos_ in ("VERB", "AUX")
                    and self.lemma(governor) not in self.imposing_with_verbs
                ):
                    # "under sanctions", "despite the ban", "comply with sanctions"
                    found.continues_story = False
                    # "information about EU sanctions": talk of measures, even of a named
                    # state's
                    found.comment = prep.lower_ in TALK_PREPS
                    if prep.lower_ == "under" and current.dep_ == "pobj":
                        # "North Korea has been under UN sanctions": in force, on the subject
                        found.status = "in_force"
                        found.target = next(
                            (c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")),
                            None,
                        )
                    return found
            current = current.head
            found.path.append(current)
        return found

    def _gerund_subject(self, trigger: Token, ctx: Context) -> list[ActorRef]:
        """ "resulted in the EU suspending aid": the small model hangs the gerund and the
        actor just before it side by side under the preposition (or the verb above it); the
        actor is the gerund's subject."""
        if trigger.tag_ != "VBG" or trigger.dep_ not in ("pcomp", "advcl") or trigger.i == 0:
            return []
        ent = ctx.ent_at.get(trigger.i - 1)
        if ent is None or ent.kind not in STATE_KINDS | {"person"}:
            return []
        root = ent.root
        if root.dep_ != "pobj" or root.head.head not in (trigger.head, trigger.head.head):
            return []
        return self._actors_of(root, ctx)

    def _still_in_force(
        self, trigger: Token, clause: Token, found: Located, ctx: Context
    ) -> Located:
        """ "Duties on Australian wine remain in force": a measure named before, still there.
        Any other clause about a measure ("the sanctions were welcome") reports nothing."""
        if self._left_open(clause):
            # "New sanctions remain an option", "are on the table": only talked of
            found.status = "considered"
            return found
        if clause.lower_ not in STILL_VERBS or _has_negation(clause):
            # "Washington's sanctions were a hostile act": what someone thinks of a measure
            found.comment = clause.lower_ in COPULAS or any(
                c.dep_ in ("attr", "acomp") for c in clause.children
            )
            return found
        here = ctx.sentence_number(trigger.i)
        measure_type = ctx.doc[trigger.i]
        for fact in reversed(ctx.facts):
            if here - self._fact_sentence(fact, ctx) > 5:
                break
            if fact["measure"] == self._type_at(measure_type, ctx):
                found.actors = [ActorRef(str(fact["actor"]), "country")]
                found.status = "in_force"
                break
        return found

    def _other_sense(self, sentence: Span, ctx: Context) -> bool:
        """A sentence about sport (doping, matches, fans) naming no state or bloc: its bans and
        sanctions are a sports body's discipline, not an international measure ("Chelsea fans"
        beside "Britain froze the owner's assets" is a state's measure)."""
        if not any(
            t.text in self.other_sense_words or t.lower_ in self.other_sense_words for t in sentence
        ):
            return False
        return not any(
            (ent := ctx.ent_at.get(t.i)) is not None and ent.kind in ("country", "group")
            for t in sentence
        )

    def _left_open(self, clause: Token) -> bool:
        """A measure said to be an option: "are an option", "remain on the table"."""
        if clause.lower_ not in COPULAS | STILL_VERBS or _has_negation(clause):
            return False
        said = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
        said += _prep_objects(clause, ("on",))
        return any(c.lower_ in self.open_words for c in said)

    @staticmethod
    def _type_at(token: Token, ctx: Context) -> str | None:
        for span in ctx.doc.spans.get(MEASURES_KEY, ()):
            if span._.trigger == token.i:
                return str(span.label_)
        return None

    def _from_place(self, verb: Token, ctx: Context) -> list[ActorRef]:
        for place in _prep_objects(verb, ("from",)):
            named = ctx.ent_at.get(place.i)
            if named is not None and named.kind in ("country", "group"):
                return [self._ref_for_ent(named, ctx.person_state)]
            if place.lower_ in self.territory_nouns:  # "barred from Canadian airspace"
                for owner in place.children:
                    named = ctx.ent_at.get(owner.i)
                    if named is not None and named.kind in ("country", "group"):
                        return [self._ref_for_ent(named, ctx.person_state)]
        return []

    def _faced(
        self, trigger: Token, verb: Token, subject: Token, found: Located, ctx: Context
    ) -> Located:
        """ "Russia faces sanctions (from the EU)": the subject is the target."""
        found.target = subject
        source = _from_phrase(verb) or _from_phrase(trigger)
        if source is not None:
            found.actors = self._actors_of(source, ctx)
        modal = any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)
        found.status = "threatened" if modal else None
        return found

    def _last_fact_actors(self, token: Token, ctx: Context, window: int = 2) -> list[ActorRef]:
        """The actor of the measure reported just before, when the story goes on with it
        (a list item under "The package includes:" may sit a few sentences below)."""
        if not ctx.facts:
            return []
        last = ctx.facts[-1]
        if ctx.sentence_number(token.i) - self._fact_sentence(last, ctx) > window:
            return []
        return [ActorRef(str(last["actor"]), "country")]

    def _actors_of(self, token: Token, ctx: Context) -> list[ActorRef]:
        refs: list[ActorRef] = []
        for node in (token, *token.conjuncts):
            for ref in self._actor_of_phrase(node, ctx):
                if ref not in refs:
                    refs.append(ref)
        return refs

    def _actor_of_phrase(self, head: Token, ctx: Context, depth: int = 0) -> list[ActorRef]:
        ent = ctx.ent_at.get(head.i)
        lower = head.lower_
        if ent is not None and not self._government_body(ent):
            return [self._ref_for_ent(ent, ctx.person_state)]
        if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and depth < 2:
            antecedent = head.head.head
            refs = self._actor_of_phrase(antecedent, ctx, depth + 1)
            if not refs and self.lemma(antecedent) in self.instrument_nouns:
                # "Biden signed an order that bans ...": whoever signed or issued it
                issuer = next((c for c in antecedent.head.children if c.dep_ in SUBJECT_DEPS), None)
                if antecedent.dep_ == "dobj" and issuer is not None:
                    refs = self._actor_of_phrase(issuer, ctx, depth + 1)
            return refs
        if lower in SINGULAR_PRONOUNS | PLURAL_PRONOUNS:
            return self._resolve(head, STATE_KINDS, ctx)
        if lower in PERSON_PRONOUNS:
            return self._resolve(head, frozenset({"person"}), ctx)
        if lower in FIRST_PERSON_PLURAL and depth < 2:
            # '"We will expel them," the foreign minister said': the speaker's side
            root = ctx.sentence(head.i).root
            speaker = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if root.lower_ in REPORTING_VERBS and speaker is not None and speaker != head:
                return self._actor_of_phrase(speaker, ctx, depth + 1)
            return []
        if ent is None and lower in COMPANY_SUFFIXES and head.text[:1].isupper():
            return []  # "Turkish Airlines halted flights": the company, not Turkey
        if (
            ent is None
            and _definite(head)
            and self.lemma(head) in self.gathering_nouns
            and not any(t.i in ctx.ent_at for t in _own_phrase(head))
        ):
            # "The meeting is expected to produce travel bans": those who meet, reported
            # just before
            return self._last_fact_actors(head, ctx, 3)
        if ent is None and lower in EVENT_NOUNS:
            return []  # "the Minsk agreements", "the Paris accord": not Belarus, not France
        if lower in LIST_REFS | MIXED_REFS:
            # "two dozen other countries, including Germany, that expelled ...": those named
            examples = [
                ref
                for pobj in _prep_objects(head, ("including",))
                for node in (pobj, *pobj.conjuncts)
                if (named := ctx.ent_at.get(node.i)) is not None and named.kind in STATE_KINDS
                for ref in [self._ref_for_ent(named, ctx.person_state)]
            ]
            if examples:
                return examples
        by_dep: dict[str, list[ActorRef]] = {}
        for child in head.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                child_ent = ctx.ent_at.get(child.i)
                if child_ent is not None:
                    ref = self._ref_for_ent(child_ent, ctx.person_state)
                    by_dep.setdefault(child.dep_, []).append(ref)
                elif child.dep_ == "poss" and child.lower_ in SINGULAR_PRONOUNS | PLURAL_PRONOUNS:
                    by_dep.setdefault("poss", []).extend(self._resolve(child, STATE_KINDS, ctx))
                elif child.dep_ == "poss" and child.lower_ in self.group_refs and depth < 2:
                    # "the bloc's foreign ministers adopted the package": the bloc acts
                    by_dep.setdefault("poss", []).extend(
                        self._actor_of_phrase(child, ctx, depth + 1)
                    )
            elif child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.i in ctx.ent_at:
                    by_dep.setdefault("of", []).append(
                        self._ref_for_ent(ctx.ent_at[pobj.i], ctx.person_state)
                    )
            elif child.dep_ == "appos" and depth < 2:
                by_dep.setdefault("appos", []).extend(self._actor_of_phrase(child, ctx, depth + 1))
        for dep in ("poss", "compound", "amod", "nmod", "of", "appos"):
            if by_dep.get(dep):
                return by_dep[dep]
        if ent is not None:
            # "the Foreign Ministry": the state it belongs to, named before; else the body.
            state = self._resolve(head, frozenset({"country"}), ctx)
            return state or [self._ref_for_ent(ent, ctx.person_state)]
        if lower in self.group_refs | MIXED_REFS | self.country_refs:
            # "officials in Brussels", "leaders of the G7": the phrase names them
            for token in _own_phrase(head)[1:]:
                named = ctx.ent_at.get(token.i)
                if named is not None and named.kind in STATE_KINDS:
                    return [self._ref_for_ent(named, ctx.person_state)]
        if lower in self.group_refs:
            resolved = self._resolve(head, frozenset({"group"}), ctx)
            if not resolved:
                # "The regional bloc lifted sanctions ..., ECOWAS said": named later in the
                # sentence
                here = ctx.sentence_number(head.i)
                resolved = [
                    m.actor
                    for m in ctx.mentions
                    if m.token_i > head.i and m.sentence_i == here and m.actor.kind == "group"
                ][:1]
            if not resolved and lower == "bloc":
                # News prose calls the European Union "the bloc" more than anything else.
                return [ActorRef("European Union", "group")]
            return resolved
        if lower in MIXED_REFS:
            return self._resolve(head, frozenset({"country", "group"}), ctx)
        if lower in LIST_REFS and head.tag_ == "NNS" and _definite(head):
            # "The three Gulf states gave Qatari diplomats 48 hours to leave": the list named
            # just before. Only a definite phrase points back ("Many countries" does not).
            earlier = [m for m in ctx.mentions if m.token_i < head.i]
            return self._list_before(head, earlier, ctx)
        if lower in self.country_refs:
            return self._resolve(head, frozenset({"country"}), ctx)
        if lower in self.human_groups:
            for token in _own_phrase(head)[1:]:
                named = ctx.ent_at.get(token.i)
                if named is not None and named.kind in ("country", "group"):
                    return [self._ref_for_ent(named, ctx.person_state)]  # "lawmakers in Kyiv"
            # "Lawmakers are considering a sanctions bill": no state named, the body acts.
            return [ActorRef(head.text[:1].upper() + head.text[1:], "group")]
        # Anything else naming a state in its own phrase: "a G-7 leaders' statement".
        for token in _own_phrase(head):
            found = ctx.ent_at.get(token.i)
            if found is not None and found.kind in STATE_KINDS:
                return [self._ref_for_ent(found, ctx.person_state)]
        # "The sanctions include ...": the actor of the measures just reported.
        if lower in MEASURE_WORDS and ctx.facts:
            last = ctx.facts[-1]
            if ctx.sentence_number(head.i) - self._fact_sentence(last, ctx) <= 2:
                return [ActorRef(str(last["actor"]), "country")]
        return []

    def _government_body(self, ent: EntInfo) -> bool:
        """A ministry or department not named in the gazetteer: it acts for a state."""
        return (
            ent.label_ == "ORG"
            and not ent.ent_id_
            and any(t.lower_ in self.state_titles for t in ent.span)
        )

    @staticmethod
    def _fact_sentence(fact: dict[str, Any], ctx: Context) -> int:
        span = ctx.doc.char_span(fact["start"], fact["end"], alignment_mode="expand")
        return ctx.sentence_number(span.start) if span is not None else 0

    def _resolve(self, token: Token, kinds: frozenset[str], ctx: Context) -> list[ActorRef]:
        """The actor a pronoun or "the bloc"/"the government" points back to."""
        lower = token.lower_
        pronoun = lower in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS
        if pronoun and token.dep_ == "poss":
            controller = self._object_controller(token, ctx)
            if controller:
                return controller
        here = ctx.sentence_number(token.i)
        window = 2 if pronoun else 1_000_000
        earlier = [
            m
            for m in ctx.mentions
            if m.token_i < token.i
            and here - m.sentence_i <= window
            and (m.actor.kind in kinds if "person" not in kinds else _person_mention(m, ctx))
        ]
        doc = ctx.doc
        if lower in PLURAL_PRONOUNS or (token.tag_ == "NNS" and lower in MIXED_REFS | LIST_REFS):
            listed = self._list_before(token, earlier, ctx)
            if listed:
                return listed
        if not pronoun:
            # "the British government ... the government": the same noun, named before.
            for mention in reversed(earlier):
                named = doc[mention.token_i]
                if named.head.lower_ == lower and named.dep_ in ("amod", "compound", "poss"):
                    return self._with_partners(mention, token, ctx)
        # "They also imposed a travel ban": the last who acted, not a passive's subject.
        acting = pronoun and _is_agent(token)
        passes: tuple[Callable[[Mention], bool], ...] = (
            lambda m: m.sentence_i == here and m.subject,
            lambda m: acting and m.agent,
            lambda m: m.subject,
            lambda m: m.sentence_i == here,
            lambda m: True,
        )
        for accept in passes:
            for mention in reversed(earlier):
                if accept(mention):
                    return self._with_partners(mention, token, ctx)
        return []

    def _asked_to_lift(self, path: Sequence[Token], ctx: Context) -> list[ActorRef]:
        """Who is asked (urged, called on) to lift the measure, when someone is."""
        for verb in path:
            if (
                verb.dep_ == "xcomp"
                and verb.lower_ in self.status_words["lifted"]
                and verb.head.lower_ in REQUEST_WORDS
            ):
                asked = self._asked(verb.head, ctx)
                return self._actors_of(asked, ctx) if asked is not None else []
        return []

    @staticmethod
    def _asked(matrix: Token, ctx: Context) -> Token | None:
        """The actor a request is made to: "asked Sweden", "called on Sweden"."""
        asked = [c for c in matrix.children if c.dep_ in ("dobj", "dative")]
        if not asked:
            asked = _prep_objects(matrix, ("on", "upon"))
        if not asked or not any(t.i in ctx.ent_at for t in _own_phrase(asked[0])):
            return None
        return asked[0]

    def _object_controller(self, token: Token, ctx: Context) -> list[ActorRef]:
        """ "Turkey asked Sweden to lift its arms embargo": "its" is Sweden's, the one asked
        (told, urged, called on) to end it, not the subject of the sentence. Only for ending
        a measure: in "the US persuaded Japan to join its sanctions" they are the asker's."""
        node = token.head
        while node.dep_ in ("dobj", "pobj", "prep", "compound", "amod", "conj"):
            node = node.head
        if (
            node.dep_ != "xcomp"
            or node.pos_ != "VERB"
            or node.lower_ not in self.status_words["lifted"]
        ):
            return []
        asked = self._asked(node.head, ctx)
        return self._actors_of(asked, ctx) if asked is not None else []

    def _list_before(
        self, token: Token, earlier: Sequence[Mention], ctx: Context
    ) -> list[ActorRef]:
        """ "Saudi Arabia, the UAE, Bahrain and Egypt cut ties ... the four countries said
        they would shut their airspace": they are the list named in the last two sentences."""
        here = ctx.sentence_number(token.i)
        for mention in reversed(earlier):
            if here - mention.sentence_i > 2:
                break
            if ctx.doc[mention.token_i].conjuncts and mention.actor.kind in STATE_KINDS:
                partners = self._with_partners(mention, token, ctx)
                if len(partners) > 1:
                    return partners
        return []

    @staticmethod
    def _with_partners(mention: Mention, token: Token, ctx: Context) -> list[ActorRef]:
        """ "they"/"the allies" after "Germany and France ...": every actor of that list."""
        if token.lower_ not in PLURAL_PRONOUNS and token.tag_ != "NNS":
            return [mention.actor]
        # In the order of the list, whichever of its members was found first.
        members = [ctx.doc[mention.token_i], *ctx.doc[mention.token_i].conjuncts]
        listed = {t.i for t in members}
        # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt": the parser often hangs
        # the rest of a comma list on the first name as an apposition; two different states
        # are never one thing named twice, so the first name is a member too.
        listed |= {t.head.i for t in members if t.dep_ == "appos" and t.head.i in ctx.ent_at}
        refs: list[ActorRef] = []
        for other in ctx.mentions:
            if other.token_i in listed and other.actor not in refs:
                refs.append(other.actor)
        return refs

    # -- status, target, time ---------------------------------------------------------------

    def _status(self, trigger: Token, path: Sequence[Token]) -> str:
        cues: list[Token] = [c for c in trigger.children if _is_modifier(c)]
        acted_on = trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB"
        for child in trigger.children:
            if child.dep_ == "relcl" and not acted_on:  # "an embargo that remains in force"
                # Not when a verb acts on the measure: "reimposed sanctions that had been
                # lifted" tells the sanctions' past; "reimposed" is the report.
                cues.append(child)
                cues.extend(c for c in child.children if _is_modifier(c))
        for below, token in itertools.pairwise(path):
            if self.lemma(token) in self.causing_verbs:
                continue  # "forced Canada to expel": not "in force"
            if below.dep_ != "conj":  # "called on X and asked Y to add": not "called" for Y
                cues.append(token)
            cues.extend(c for c in token.children if _is_modifier(c))
        top = path[-1]
        if top.dep_ in ("ccomp", "xcomp") and top.head.lower_ in self.stance_words:
            # "proposed that Russia expel", "threatened to break off relations"
            cues.append(top.head)
            cues.extend(c for c in top.head.children if _is_modifier(c))
        for verb in path:
            # "came into force", "took effect", "are in place": the preposition's object
            for pobj in _prep_objects(verb, ("into", "in")):
                if pobj.lower_ in ("force", "effect", "place"):
                    cues.append(pobj)
        lowers = {c.lower_ for c in cues}
        lemmas = {self.lemma(c) for c in cues}
        if lemmas & self.drafting_verbs and lemmas & self.request_verbs:
            # "asked the Commission to prepare new sanctions": only being talked of
            return "considered"
        if any(_counterfactual(verb) for verb in path[:3]):
            # "a draft that would have imposed sanctions": proposed, never taken
            return "considered"
        if any(c.dep_ == "mark" and c.lower_ == "whether" for v in path for c in v.children):
            return "considered"  # "has not decided whether it would expel the ambassador"
        if any(
            self.lemma(token) in self.proposal_nouns
            and self.lemma(token.head) in self.proposing_verbs
            for token in path[1:4]
        ) or any(
            # "introduced a bill that would stop arms sales"
            token.dep_ == "relcl"
            and self.lemma(token.head) in self.proposal_nouns
            and self.lemma(token.head.head) in self.proposing_verbs
            for token in path[:3]
        ):
            return "considered"  # "introduced a bill to suspend arms sales": a proposal
        if any(self._alternative(verb) for verb in path[:3]):
            return "threatened"  # "a deadline to hand over power or face sanctions"
        if any(
            self.lemma(verb) in self.holding_verbs
            and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
            for verb in path
        ):
            return "rejected"  # "sanctions are being held up by Budapest": blocked
        negated = any(
            c.dep_ == "neg" or (c.lower_ in ("no", "never") and not self._no_choice(c))
            for c in cues
        )
        if negated and lemmas & self.restraint_verbs:
            return "threatened"  # "will not hesitate to impose sanctions"
        found = {name: False for name in self.status_order}
        for token in cues:
            if token.pos_ == "NOUN" and token.lower_ not in self.noun_status_cues | IN_FORCE_NOUNS:
                continue
            # The word as written, else (a verb form the lists lack: "advocating") its lemma;
            # a listed form keeps its own reading ("decided" announces, "deciding" weighs).
            word = token.lower_
            if token.pos_ == "VERB" and word not in self.any_status_word:
                word = self.lemma(token)
            for name in self.status_order:
                if name == "rejected" and token.dep_ == "amod" and token.head == trigger:
                    continue  # "full blocking sanctions" block assets; they refuse nothing
                if word in self.status_words[name]:
                    found[name] = True
        if trigger.lower_ in self.lifting_triggers or (
            trigger.pos_ in ("NOUN", "PROPN")
            and trigger.dep_ == "dobj"
            and self.lemma(trigger.head) in self.stopping_verbs
        ):
            found["lifted"] = True  # "halted the closing of the borders", "stopped the embargo"
            if found["rejected"] or negated:
                return "in_force"  # "refused to reopen the border": it stays closed
        ruled_out = bool(lowers & {"rule", "rules", "ruled", "ruling"}) and "out" in lowers
        if found["lifted"] and (lowers & POSTPONING_WORDS or {"put", "off"} <= lowers):
            return "in_force"  # "put off a decision on ending the ban": the ban stays
        if found["lifted"] and lowers & OPPOSITION_NOUNS:
            # "dropped its veto of the sanctions", "urged Germany to drop its opposition to
            # sanctions": what ends is the opposition; the measure moves forward.
            found["lifted"] = found["rejected"] = False
        elif found["lifted"] and lowers & REQUEST_WORDS:
            return "in_force"  # "asked Sweden to lift its embargo": it stands until then
        if trigger.lower_ in self.privilege_triggers:
            # Revoking a privilege is the measure; restoring it ends the measure.
            if lowers & {"grant", "granted", "restore", "restored", "restores"}:
                return "lifted"
            found["lifted"] = False
        # "duties will no longer be collected", "will not impose tariffs any longer": it stops.
        stopped = any(
            c.lower_ == "longer"
            and c.i > 0
            and (c.doc[c.i - 1].lower_ == "no" or (negated and c.doc[c.i - 1].lower_ == "any"))
            for c in cues
        )
        if stopped:
            return "in_force" if found["lifted"] else "lifted"
        if negated:
            if found["lifted"]:
                return "in_force"  # "will not lift sanctions"
            if ruled_out or "yet" in lowers or "far" in lowers:
                return "considered"  # "has not ruled out", "not yet", "has so far not joined"
            return "rejected"
        if ruled_out:
            return "rejected"
        if found["lifted"] and found["considered"]:
            # "is considering lifting sanctions", "spoke of his intention to lift them": the
            # lifting is only talked of, the measure still stands
            return "considered"
        # "has imposed", "have expelled" report a new step, as news leads do ("announced"); a
        # measure standing already says so ("already", "remains", "since", "in force").
        for name in self.status_order:
            if found[name]:
                return name
        return "announced"

    def _alternative(self, verb: Token) -> bool:
        """ "... or face sanctions", "or risk an embargo": the measure is what follows if the
        other course is not taken."""
        if self.lemma(verb) not in self.alternative_verbs:
            return False
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.lower_ == "or":
            return True
        return verb.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ == "or" for c in verb.head.children
        )

    def _no_choice(self, word: Token) -> bool:
        """ "had no choice but to downgrade ties": the "no" denies any other course; the
        measure is taken."""
        head = word.head
        return self.lemma(head) in self.no_choice_nouns and any(
            c.lower_ == "but" for c in head.children
        )

    def _target_token(
        self, trigger: Token, found: Located, actors: Sequence[ActorRef], ctx: Context
    ) -> Token | None:
        candidates: list[Token] = []
        listed = _first_conjunct(trigger)
        if listed.dep_ == "pobj" and self._imposing_through(listed.head, listed.head.head):
            # "subjecting the generals to an asset freeze", "hit Canada and Mexico with
            # duties on steel": the generals, Canada and Mexico
            candidates.extend(c for c in listed.head.head.children if c.dep_ == "dobj")
        if trigger.pos_ in ("VERB", "AUX"):
            if (
                trigger.dep_ in ("xcomp", "relcl", "ccomp", "advcl")
                and trigger.lower_ in LEAVE_VERBS
            ):
                # "ordered the ambassador to leave (the kingdom)": who is ordered out
                # "gave the diplomats 48 hours to leave": the people, not the deadline
                giver = trigger.head
                if giver.lower_ in DURATION_UNITS and giver.dep_ in ("npadvmod", "dobj"):
                    giver = giver.head  # "to leave" parsed onto "48 hours"
                people = [c for c in giver.children if c.dep_ == "dative"]
                candidates.extend(people or [c for c in giver.children if c.dep_ == "dobj"])
            else:
                candidates.extend(c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass"))
                own = {a.canonical.lower() for a in actors}
                reached = [
                    obj
                    for gerund in _prep_objects(trigger, ("from",))
                    for obj in _prep_objects(gerund, ("in", "into", "with", "to"))
                ]
                if reached and any(self._names_own_side(c, own, ctx) for c in candidates):
                    # "banned US entities from investing in Chinese companies", by the US:
                    # its own people are barred; the measure falls on what they may not reach
                    candidates = reached
            candidates.extend(_prep_objects(trigger, ("against", "on", "upon", "to", "of")))
        else:
            candidates.extend(_prep_objects(trigger, TARGET_PREPS))
            joined = trigger.dep_ == "dobj" and trigger.head.lower_ in JOIN_VERBS
            for child in trigger.children:
                # "Iran sanctions" name the target; "join the US restrictions" the first imposer
                if (
                    child.dep_ in ("compound", "amod")
                    and child.i in ctx.ent_at
                    and not joined
                    and child.lower_ not in self.kind_words  # "Visa restrictions" (a kind)
                ):
                    candidates.append(child)
            for clause in (c for c in trigger.children if c.dep_ in ("relcl", "acl")):
                # "sanctions that Washington imposed on Russian leaders",
                # "an embargo that covered pipeline deliveries"
                candidates.extend(_prep_objects(clause, ("on", "against", "at")))
                candidates.extend(c for c in clause.children if c.dep_ == "dobj")
        if trigger.pos_ in ("VERB", "AUX") and trigger.tag_ == "VBN" and trigger.dep_ == "acl":
            candidates.append(trigger.head)  # "his assets frozen by the government"
        if trigger.dep_ in ("amod", "compound") and trigger.head.pos_ in ("NOUN", "PROPN"):
            candidates.append(trigger.head)  # "freezing assets"
        for verb in found.path[1:] if not candidates else ():
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            candidates.extend(_prep_objects(verb, ("against", "on", "upon", "to")))
            candidates.extend(
                c for c in verb.children if c.dep_ == "dobj" and not _contains(c, trigger)
            )
            break
        if trigger.pos_ in ("NOUN", "PROPN"):
            # "an oil embargo", "a gas embargo": what the measure bans
            candidates.extend(
                c
                for c in trigger.children
                if c.dep_ in ("compound", "nmod")
                and c.pos_ == "NOUN"
                and c.lower_ not in self.kind_words
            )
        names = {a.canonical.lower() for a in actors}
        usable = []
        # Not over a copy: an amount adds what it is on ("tariffs on $60 billion of US goods").
        for candidate in candidates:
            if candidate.ent_type_ in NOT_TARGET_ENTITIES:
                # "tariffs of 25 percent on steel": what the amount is on; "block $7 billion
                # in PDVSA assets": what the amount is of
                candidates.extend(_prep_objects(candidate, ("on", "of", "against", "in")))
                continue
            ent = ctx.ent_at.get(candidate.i)
            if ent is not None and ent.canonical.lower() in names:
                continue
            if candidate.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "VERB"):
                continue
            if (
                candidate.lower_ in self.non_targets
                or candidate.tag_ in ("VBG", "VBP", "VBZ")
                or (candidate.dep_ == "pcomp" and candidate.pos_ != "NOUN")
            ):
                # "further sanctions", "what the sanctions cover", "aimed at limiting": a
                # measure or an act, not whom the measure falls on
                continue
            if (
                candidate.lower_ in self.generic_nouns
                and candidate.lower_ not in self.territory_nouns
                and self._names_other_actor(candidate, names, ctx)
            ):
                return candidate  # "relations with Lithuania" before "to the level of ..."
            usable.append(candidate)
        # "closed its airspace to Russian aircraft": the specific phrase over the generic one.
        specific = [c for c in usable if c.lower_ not in self.generic_nouns]
        chosen = specific or usable
        return chosen[0] if chosen else None

    @staticmethod
    def _names_own_side(token: Token, names: set[str], ctx: Context) -> bool:
        """ "US entities", "American firms" for the United States: the actor's own people."""
        return any(
            (ent := ctx.ent_at.get(child.i)) is not None and ent.canonical.lower() in names
            for child in token.children
            if child.dep_ in ("compound", "amod", "nmod")
        )

    @staticmethod
    def _names_other_actor(token: Token, names: set[str], ctx: Context) -> bool:
        """A state or bloc other than the actor is named inside ("relations with Lithuania");
        a company is not enough ("sales of Nvidia chips" may go on "to China")."""
        return any(
            t.i in ctx.ent_at
            and ctx.ent_at[t.i].canonical.lower() not in names
            and ctx.ent_at[t.i].kind in ("country", "group")
            for t in token.subtree
        )

    def _describe_target(
        self, token: Token, actors: Sequence[ActorRef], ctx: Context, depth: int = 0
    ) -> tuple[str | None, str | None]:
        """A readable name for what a measure falls on, and the stated number of it."""
        names = {a.canonical.lower() for a in actors}
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and depth < 3:
            # "the oligarch, who is under US sanctions": the oligarch
            return self._describe_target(token.head.head, actors, ctx, depth + 1)
        if lower in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS:
            kinds = frozenset({"person"}) if lower in PERSON_PRONOUNS else STATE_KINDS
            refs = self._resolve(token, kinds, ctx)
            if lower in PERSON_PRONOUNS:
                refs = self._resolve_person(token, ctx) or refs
            refs = [r for r in refs if r.canonical.lower() not in names]
            # "Canada is barring them": not Canada; people named before, or just "them"
            return (refs[0].canonical if refs else token.text), None
        if token.pos_ == "NUM" and depth < 3:
            # "withdrew 41 of its diplomats": the diplomats, 41 of them
            for pobj in _prep_objects(token, ("of",)):
                deeper, _ = self._describe_target(pobj, actors, ctx, depth + 1)
                return deeper, _number(token)
        ent = ctx.ent_at.get(token.i)
        if ent is not None and ent.label_ != "NORP" and ent.root.i == token.i:
            return ent.canonical, None
        if lower in ENVOY_NOUNS:
            state = self._envoy_state(token, names, ctx)
            if state:
                return state, _quantity(token)
        beneficiaries = _prep_objects(token, ("for",))
        if token.dep_ == "dobj":
            beneficiaries += _prep_objects(token.head, ("for",))
        for pobj in beneficiaries:
            people = ctx.ent_at.get(pobj.i)
            if people is not None and people.label_ == "NORP" and pobj.tag_ in ("NNPS", "NNS"):
                # "suspended visa services for Indians": the measure falls on India
                return people.canonical, _quantity(token)
            if lower in self.generic_nouns and (
                pobj.lower_ in self.target_nouns
                or any(c.dep_ in ("amod", "compound") and c.i in ctx.ent_at for c in pobj.children)
            ):
                # "restrict visas for 40 army commanders": the commanders
                return _phrase(pobj), _quantity(pobj)
        if lower in self.generic_nouns and depth < 3:
            for owner in _prep_objects(token, ("of",)):
                if owner.lower_ in self.target_nouns:
                    # "the assets of 40 officials in Minsk": the officials, not Belarus
                    return _phrase(owner), _quantity(owner)
        if (lower in self.covering_nouns or lower in QUANTITY_WORDS) and depth < 3:
            for inner in token.subtree:
                # "sales of Nvidia chips to China": where the goods go, not who makes them
                inner_ent = ctx.ent_at.get(inner.i)
                if (
                    inner_ent is not None
                    and inner.dep_ == "pobj"
                    and inner.head.lower_ in ("to", "into")
                    and inner_ent.kind in STATE_KINDS
                    and inner_ent.canonical.lower() not in names
                ):
                    return inner_ent.canonical, _quantity(token)
            # "talks on a peace treaty with Tokyo": the state named inside is the target.
            for inner in token.subtree:
                inner_ent = ctx.ent_at.get(inner.i)
                if inner_ent is None or inner_ent.canonical.lower() in names:
                    continue
                if inner_ent.label_ == "NORP":
                    # "Russian coal" names the goods; "Russians" the people
                    noun = inner.head if inner.dep_ in ("amod", "compound") else inner
                    return _phrase(noun), _quantity(token)
                return inner_ent.canonical, _quantity(token)
            for pobj in _prep_objects(token, ("of", "to", "from", "with", "on", "against")):
                if pobj.tag_ == "VBG":
                    continue  # "packages aimed at limiting ...": an aim, not a target
                deeper, quantity = self._describe_target(pobj, actors, ctx, depth + 1)
                if deeper and deeper.lower() not in names:
                    return deeper, quantity or _quantity(token)
            for child in token.children:
                child_ent = ctx.ent_at.get(child.i)
                if child.dep_ == "poss" and child_ent is not None:
                    return child_ent.canonical, _quantity(token)
                if child.dep_ == "poss" and child.lower_ in PERSON_PRONOUNS:
                    # "had his assets frozen": the person the clause is about
                    person = self._resolve_person(child, ctx)
                    if person:
                        return person[0].canonical, _quantity(token)
        return _phrase(token), _quantity(token)

    def _envoy_state(self, token: Token, names: set[str], ctx: Context) -> str | None:
        """The state whose relations an envoy named by a pronoun stands for ("Rwanda expelled
        its ambassador" after naming Belgium's envoy), or, for the actor's own envoys
        ("recalled its ambassador to Australia"), the state they are recalled from or posted
        to. "Belgium's ambassador" names itself well enough."""
        for child in token.children:
            if child.dep_ != "poss":
                continue
            if child.lower_ in SINGULAR_PRONOUNS | PLURAL_PRONOUNS:
                owner = self._resolve(child, STATE_KINDS, ctx)
                if owner and owner[0].canonical.lower() not in names:
                    return owner[0].canonical
        if any(
            c.dep_ in ("amod", "compound")
            and c.i in ctx.ent_at
            and ctx.ent_at[c.i].canonical.lower() not in names
            for c in token.children
        ):
            return None  # "the Lebanese ambassador to the kingdom": Lebanon's, named already
        verb = token.head
        while (
            verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i
        ):  # (Token objects are made anew: compare positions)
            verb = verb.head
        for place in [
            *_prep_objects(token, ("to", "in", "from")),
            *_prep_objects(verb, ("from", "to")),
        ]:
            ent = ctx.ent_at.get(place.i)
            if ent is not None and ent.kind in STATE_KINDS and ent.canonical.lower() not in names:
                return ent.canonical
        return None

    @staticmethod
    def _resolve_person(token: Token, ctx: Context) -> list[ActorRef]:
        """ "had his assets frozen": his -> the person who is the clause's subject."""
        clause = token
        while clause.dep_ not in ("ROOT",) and clause.pos_ not in ("VERB", "AUX"):
            clause = clause.head
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in ctx.ent_at:
                ent = ctx.ent_at[child.i]
                if ent.kind == "person":
                    return [ActorRef(ent.canonical, "person")]
        for mention in reversed([m for m in ctx.mentions if m.token_i < token.i]):
            if mention.actor.kind == "person" or _person_mention(mention, ctx):
                ent = ctx.ent_at[mention.token_i]
                return [ActorRef(ent.canonical, "person")]
        return []

    @staticmethod
    def _when(trigger: Token, path: Sequence[Token], ctx: Context) -> str | None:
        clause_tokens = {t.i for t in path} | {trigger.i}
        sent = ctx.sentence(trigger.i)
        first = bisect.bisect_left(ctx.ents, sent.start, key=lambda ent: ent.start)
        last = bisect.bisect_right(ctx.ents, sent.end, lo=first, key=lambda ent: ent.end)
        for ent in ctx.ents[first:last]:
            if ent.label_ not in ("DATE", "TIME") or ORDINAL_ONLY.fullmatch(ent.text):
                continue
            if _deadline(ent):
                continue
            node = ent.root
            for _ in range(4):
                if node.dep_ == "conj" and node.pos_ == "VERB" and node.i not in clause_tokens:
                    break  # "would block $7 billion ... and cost $11 billion over the next year"
                if node.head.i in clause_tokens or node.i in clause_tokens:
                    prep = ent.root.head
                    if ent.root.dep_ == "pobj" and prep.i == ent.start - 1:
                        return f"{prep.text} {ent.text}"
                    return str(ent.text)
                if node.head.i == node.i or node.dep_ in ("relcl", "appos"):
                    break  # "Britain, which left the EU in 2020, will ...": not the measure's
                node = node.head
        return None


def _deadline(ent: Span) -> bool:
    """ "gave the diplomats 48 hours to leave", "ordered them to leave within 72 hours": the
    time allowed to comply, not the time of the measure."""
    doc = ent.doc
    # A bare duration before an infinitive: not "agreed on Monday to ban ...", a date.
    granted = ent.root.lower_ in DURATION_UNITS and ent.root.dep_ != "pobj"
    if granted and ent.end + 1 < len(doc) and doc[ent.end].lower_ == "to":
        return doc[ent.end + 1].pos_ == "VERB"
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.lower_ in ("within", "in"):
        head = head.head
    return head.lower_ in DEPARTURE_VERBS


def _in_a_name(trigger: Token, sentence: Span) -> bool:
    """ "its Sanctions Tracker tool", "the Embargo Act": a capitalised trigger inside a proper
    name, mid-sentence, names a thing, not a measure."""
    return (
        trigger.i != sentence.start
        and trigger.text[:1].isupper()
        and not trigger.is_upper
        and trigger.dep_ == "compound"
        and trigger.head.pos_ == "PROPN"
    )


def _in_a_comment(trigger: Token) -> bool:
    """ "Visa bans are a key part of most sanctions regimes": a measure named inside what a
    copula says of something (through nouns and prepositions only) is a description."""
    node = trigger
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ in ("attr", "acomp") and node.head.lower_ in COPULAS:
            return node.i != trigger.i or trigger.dep_ == "compound"
        node = node.head
    return False


def _heading(sentence: Span) -> bool:
    """A line with no verb and no closing punctuation: a section heading, not a report."""
    text = sentence.text.rstrip()
    return (
        bool(text)
        and text[-1] not in ".!?:;\"'”’)"
        and not any(t.pos_ in ("VERB", "AUX") for t in sentence)
    )


def _participle_complement(trigger: Token) -> bool:
    """ "Their assets were frozen": the small model reads the participle as an adjective
    complement of "were"; it is a passive all the same."""
    return (
        trigger.dep_ == "acomp"
        and trigger.head.lower_ in COPULAS
        and trigger.lower_.endswith(("ed", "en"))
    )


def _condition_clause(node: Token) -> bool:
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children
    )


def _conditional(path: Sequence[Token]) -> bool:
    """A measure promised on a condition: "would impose tariffs unless Mexico acts", "vowed
    to impose export controls in case of an invasion"."""
    return any(
        (
            any(c.dep_ == "advcl" and _condition_clause(c) for c in verb.children)
            and any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)
        )
        or any(
            case.lower_ in ("case", "event") and any(p.lower_ == "of" for p in case.children)
            for case in _prep_objects(verb, ("in",))
        )
        for verb in path
        if verb.pos_ in ("VERB", "AUX")
    )


def _effect_of_a_measure(trigger: Token, measure_type: str) -> bool:
    """ "the measure will cut $1 billion from exports": what a measure is expected to do, not
    a new one ("the sanctions freeze the assets of ..." says what they contain: a fact). A
    freeze is always content: "the measures would block about $7 billion in PDVSA assets"."""
    if trigger.pos_ not in ("VERB", "AUX") or measure_type == "asset_freeze":
        return False
    if _prep_objects(trigger, ("from",)):
        return False  # "the sanctions will bar them from travelling": what they contain
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    predicted = any(c.dep_ == "aux" and c.lower_ in MODALS for c in trigger.children)
    return subject is not None and subject.lower_ in MEASURE_SUBJECTS and predicted


def _restated(trigger: Token) -> bool:
    """ "The embargo was imposed in 1989": a definite measure as an agentless passive subject
    names one already reported."""
    return (
        trigger.dep_ == "nsubjpass"
        and trigger.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.children)
    )


def _own_phrase(head: Token) -> list[Token]:
    """The tokens of ``head``'s phrase that can name who it belongs to: not its relative
    clauses, not what it is against, about or since ("a wave of countries that have shut ...")."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in ("relcl", "punct", "cc", "conj", "appos"):
            continue
        if child.dep_ == "prep" and child.lower_ not in ("of", "in", "from", "by"):
            continue
        tokens.extend(_own_phrase(child))
    return tokens


def _definite(token: Token) -> bool:
    """ "the four countries", "these states": a phrase that points back to ones named before."""
    return any(
        c.dep_ in ("det", "predet") and c.lower_ in ("the", "these", "those", "both")
        for c in token.children
    )


def _is_subject(token: Token) -> bool:
    """A subject, the possessor/modifier of one ("Japan's government"), or a bare root noun."""
    if token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "ROOT" and token.pos_ == "PROPN"):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        token = token.head  # "The government of the Maldives said": as "the Maldives' government"
    return token.dep_ in ("poss", "compound", "amod", "prep") and token.head.dep_ in (
        "nsubj",
        "nsubjpass",
    )


def _counterfactual(verb: Token) -> bool:
    """ "would have imposed", "could have frozen": what did not happen."""
    if verb.tag_ != "VBN":
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "have" in aux and bool(aux & {"would", "could", "might", "should"})


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _to_infinitive_of_noun(verb: Token) -> bool:
    """ "the decision to expel", "a move to ban ... and close": an infinitive that says what a
    noun is (not a reduced passive, "assets frozen by ...")."""
    verb = _first_conjunct(verb)
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ == "NOUN"
        and verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _is_agent(token: Token) -> bool:
    """The subject of an active verb, or the possessor/modifier of one."""
    if token.dep_ in ("poss", "compound", "amod"):
        token = token.head
    return token.dep_ == "nsubj"


def _join_names(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _has_negation(verb: Token) -> bool:
    """'said a gas embargo would not be part of the package': the speaker rejects it."""
    return any(c.dep_ == "neg" for c in verb.children)


def _is_modifier(token: Token) -> bool:
    if token.dep_ == "advmod":
        return token.lower_ in STATUS_ADVERBS
    return token.dep_ in ("aux", "auxpass", "neg", "amod", "prt", "det", "acomp")


def _agent_of(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _from_phrase(token: Token) -> Token | None:
    for pobj in _prep_objects(token, ("from", "by")):
        return pobj
    return None


def _contains(token: Token, other: Token) -> bool:
    return token == other or token.is_ancestor(other)


def _prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in wanted:
            found.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return found


def _person_mention(mention: Mention, ctx: Context) -> bool:
    ent = ctx.ent_at.get(mention.token_i)
    return ent is not None and ent.kind == "person"


def _is_pronoun_like(actor: ActorRef) -> bool:
    return actor.canonical.lower() in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS


def _phrase(token: Token) -> str:
    """The noun phrase headed by ``token`` as written, without leading determiners and numbers
    ("Russian diplomats", "Russia's two main intelligence services, the GRU and the FSB")."""
    lefts = [
        t
        for t in token.lefts
        if t.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod", "nummod", "det")
    ]
    start = min([t.left_edge.i for t in lefts] + [token.i])
    end = token.i + 1
    for right in token.rights:
        if (right.dep_ == "conj" and right.pos_ == "NOUN") or _naming_apposition(right):
            end = max(end, right.right_edge.i + 1)
    doc = token.doc
    while start < token.i and (
        doc[start].dep_ in ("det", "nummod", "quantmod", "punct", "cc", "predet")
        or doc[start].pos_ in ("DET", "NUM")
    ):
        start += 1
    span = doc[start:end]
    return " ".join(span.text.split()) or token.text


def _naming_apposition(token: Token) -> bool:
    """ "a Russian energy product: coal", "its services, the GRU and the FSB"; not "an Iranian
    diplomat, the second in a month"."""
    return (
        token.dep_ == "appos"
        and token.pos_ in ("NOUN", "PROPN")
        and token.lower_ not in RANKING_WORDS
        and not any(c.dep_ == "prep" for c in token.children)
    )


def _number(token: Token) -> str | None:
    text = token.text.replace(",", "")
    if text.isdigit():
        return text
    value = NUMBER_WORDS.get(token.lower_)
    return str(value) if value is not None else None


def _quantity(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "nummod":
            text = child.text.replace(",", "")
            if text.isdigit():
                return text
            value = NUMBER_WORDS.get(child.lower_)
            if value is not None:
                return str(value)
    return None


def strip_offsets(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved in past whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _target_key(fact: dict[str, Any]) -> str:
    """The target as two reports of one fact compare it; one inferred from the story counts
    as none."""
    return "" if fact.get("inferred_target") else str(fact["target"] or "").lower()


def same_fact(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same measure by the same actor on the same target, however often it is reported."""
    if str(a["actor"]).lower() != str(b["actor"]).lower():
        return False
    if a["measure"] != b["measure"]:
        # "a ban on arms sales to Iran" then "the embargo on Iran" (untyped): one measure
        return _compatible_restatement(a, b)
    if POLARITY.get(a["status"]) != POLARITY.get(b["status"]):
        return False
    if a["start"] == b["start"]:
        # one sentence, one measure per actor ("phasing out or banning imports"), unless it
        # falls on a list of states: one fact each
        return not (a.get("coordinated") and b.get("coordinated") and a["target"] != b["target"])
    ta, tb = _target_key(a), _target_key(b)
    if not ta or not tb:
        return True
    if ta in tb or tb in ta or ta.split()[-1] == tb.split()[-1]:
        return True
    # "the government", "a majority of aid", "the ambassador": a vague restatement of a
    # target named before, not a second one
    vague = gazetteer.vague_targets()
    return ta.split()[-1] in vague or tb.split()[-1] in vague


def _compatible_restatement(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """A generic trade restriction restating a typed ban on the same named target."""
    if {a["measure"], b["measure"]} not in TRADE_RESTATEMENTS or a["start"] == b["start"]:
        return False
    generic = a if a["measure"] == "trade_restriction" else b
    if not generic.get("generic"):
        return False  # tariffs and a ban on the same goods are two measures
    if POLARITY.get(a["status"]) != POLARITY.get(b["status"]):
        return False
    ta, tb = _target_key(a), _target_key(b)
    return bool(ta and tb) and (ta in tb or tb in ta)


def dedupe(facts: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep the first report of each fact, completing it with details a repeat adds."""
    kept: list[dict[str, Any]] = []
    for fact in facts:
        twin = next((k for k in kept if same_fact(k, fact)), None)
        if twin is None:
            kept.append(dict(fact))
            continue
        if twin.get("inferred_target") and fact["target"] and not fact.get("inferred_target"):
            # the repeat names whom it falls on: better than the state of the story
            twin["target"], twin["inferred_target"] = fact["target"], False
        for key in ("target", "quantity", "when"):
            if twin[key] is None and fact[key] is not None:
                twin[key] = fact[key]
    return kept
