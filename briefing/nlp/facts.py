"""The ``briefing_facts`` component: who takes each measure, against whom, when, how far along.

For each measure span it walks the dependency parse up from the trigger to the clause that holds
the measure's agent (subject, passive ``by`` agent, or the controller of an ``xcomp`` such as "is
expected to announce"), resolves that agent to canonical actors (entities, "Japan's government",
a person's state from a title such as "Japanese Prime Minister", pronouns and "the bloc" back to
earlier sentences), reads the status from the words on that path, and the target from the
trigger's object or ``against/on/of`` phrase. The result, plain dicts, goes to ``Doc._.facts``.

This module holds the component: the walk up from the trigger (``_locate``, ``_climb``), the
checks that find no report in a mention, one measure's facts (``_facts_for``), their time
(``_when``) and the merging of a fact stated twice (``same_fact``, ``dedupe``). The rules it
calls live beside it, one module each:

- ``actors.py`` (``ActorResolver``): who acts, from the phrase that names them;
- ``status.py`` (``StatusReader``): how far along the measure is;
- ``targets.py`` (``TargetFinder``): whom it falls on, and how many;
- ``lexicon.py`` (``Lexicon``): the word lists, read once from ``actors.json`` and
  ``measures.json``; ``context.py``: the data classes passed around (``Context``, ``Located``,
  ``ActorRef``, ...); ``syntax.py``: small questions about the parse.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefing.nlp import gazetteer
from briefing.nlp.actors import region_group
from briefing.nlp.components import (
    DURATION_UNITS,
    LIST_NOUNS,
    MEASURES_KEY,
    Lemmas,
    register_extensions,
)
from briefing.nlp.context import ActorRef, Context, EntInfo, Located, Mention
from briefing.nlp.lexicon import (
    COPULAS,
    DEMAND_VERBS,
    MODALS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    SINGULAR_PRONOUNS,
    STATE_KINDS,
    STILL_VERBS,
    SUBJECT_DEPS,
)
from briefing.nlp.status import StatusReader, condition_clause, conditional
from briefing.nlp.syntax import (
    agent_of,
    causative_participle,
    contains,
    first_conjunct,
    has_negation,
    is_agent,
    is_subject,
    prep_objects,
)
from briefing.nlp.targets import ENVOY_NOUNS, TargetFinder

register_extensions()

# Climbing out of these prepositions means the measure is background ("under sanctions",
# "despite the ban", "in response to sanctions"): the clause's subject did not take it.
BACKGROUND_PREPS = frozenset(
    {"under", "despite", "amid", "after", "following", "over", "because", "against", "from"}
    | {"since", "before", "during", "about", "around", "beyond", "without"}
    | {"regarding", "concerning"}
)
# Prepositions of talk: "information about EU sanctions" reports none.
TALK_PREPS = frozenset({"about", "regarding", "concerning"})
# Verbs that judge what they take "as" something: "saw the expulsions as a provocation".
SEEING_VERBS = frozenset({"see", "view", "regard", "perceive", "interpret", "treat"})
# Verbs that let someone out of a measure: "exempted the leaders from the travel ban", "were
# spared from the sanctions" report a lifting (of the measure, for them), no background.
# ("spar": the rule lemmatizer's reading of "spared")
EXEMPTING_VERBS = frozenset({"exempt", "spare", "spar", "release", "free", "excuse", "remove"})
# What a nationality stands before when it names a state acting: "the British government".
GOVERNMENT_NOUNS = frozenset({"government", "authorities", "administration", "ministry", "state"})
# "subject to an asset freeze": "are subject to" (acomp), "those subject to" (amod)
SUBJECT_TO_DEPS = frozenset({"acomp", "amod"})
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
    | {"feel", "feels", "felt", "feeling", "accustomed", "downplay", "shrug"}
)
EFFECT_NOUNS = frozenset({"impact", "effect", "effects", "consequences", "cost", "costs", "damage"})
# An effect of a measure, not a new one: "officials estimate the measure will cut exports".
MEASURE_SUBJECTS = frozenset({"measure", "measures", "move", "decision", "sanctions", "ban"})
# What a measure is reckoned to do is no measure: "US officials estimate that it will cut ...".
ESTIMATE_VERBS = frozenset(
    {"estimate", "estimates", "estimated", "calculate", "calculates", "calculated", "reckon"}
    | {"reckons", "reckoned", "forecast", "forecasts", "predict", "predicts", "predicted"}
)
# What is one's own is oneself; these are others ("sanctions on its neighbour").
OTHER_SIDE_NOUNS = frozenset(
    {"neighbour", "neighbours", "neighbor", "neighbors", "ally", "allies", "partner"}
    | {"partners", "rival", "rivals", "enemy", "enemies", "adversary", "adversaries"}
)
# A step taken, as the subject of what it does: "Friday's action freezes any U.S. assets".
ACTION_NOUNS = frozenset({"action", "move", "decision", "step", "order", "measure", "designation"})
FACE_VERBS = frozenset(
    {"face", "faces", "faced", "facing", "risk", "risks", "risked", "expect", "expects"}
    | {"expected", "expecting", "fear", "fears", "feared", "brace", "braced", "withstand"}
)
# What expelled diplomats are told to do; a time attached to it is their deadline.
DEPARTURE_VERBS = frozenset({"leave", "depart", "quit", "exit"})
# How a list item hangs from "include" / "consist of": "include banning ...", "consist of freezing"
LIST_ITEM_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "pcomp", "attr", "pobj"})
# "its 12th sanctions package": the model calls it a date; it says nothing of when.
ORDINAL_ONLY = re.compile(r"\d+(st|nd|rd|th)")
GENERIC_TRADE_WORDS = frozenset({"embargo", "embargoes", "boycott", "boycotts"})
TRADE_RESTATEMENTS = (
    {"trade_restriction", "export_control"},
    {"trade_restriction", "import_ban"},
)
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
POLARITY = {
    "announced": "yes", "in_force": "yes", "planned": "yes", "rejected": "no",
    "considered": "maybe", "threatened": "maybe", "lifted": "ended",
}  # fmt: skip


@Language.factory("briefing_facts")
def make_fact_extractor(nlp: Language, name: str) -> FactExtractor:
    return FactExtractor(Lemmas(nlp))


class FactExtractor(TargetFinder, StatusReader):
    """The component: who acts (``ActorResolver``, through ``TargetFinder``), the status
    (``StatusReader``) and the target (``TargetFinder``) of every measure in a doc."""

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
            said_of=frozenset(
                m._.trigger
                for m in doc.spans.get(MEASURES_KEY, ())
                if m.id_ in self.said_of_triggers
            ),
        )
        ctx.person_state = self._person_states(ctx)
        for info in actors:
            root = info.root
            actor = self._ref_for_ent(info, ctx.person_state)
            region = region_group(info, root)
            if region is not None:
                # "West African leaders ... the leaders said": the phrase is the one named
                actor, root = region, root.head
            elif self._government_body(info):
                # "Spain's foreign ministry said it would expel": "it" is Spain
                actor = next(iter(self._actor_of_phrase(root, ctx)), actor)
            ctx.mentions.append(
                Mention(
                    actor,
                    root.i,
                    ctx.sentence_number(root.i),
                    is_subject(root),
                    is_agent(root),
                )
            )
        return ctx

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
        if not found.actors and not found.comment and not found.reaction:
            shared = self._conjoined_with(trigger, measure, ctx)
            if shared:
                return shared
        if self.lemma(trigger) in self.anaphoric_triggers and any(
            node.i in ctx.triggers for node in found.path[1:]
        ):
            # "In a like move, Chile recalled its envoy": the clause's own measure is the
            # report; the "move" only points at it.
            return []
        if (
            found.agent is not None
            and (
                self.lemma(found.agent) in self.non_state_agents
                # "The world football governing body FIFA has suspended Kenya": a sports
                # body, whatever states it names
                or any(self._sport_word(t) for t in found.agent.subtree)
            )
            # "the Arab League" is a bloc; "the Premier League" is not
            and getattr(ctx.ent_at.get(found.agent.i), "kind", None) not in ("country", "group")
        ):
            # "A US court extended a freeze on his assets", "the ruling party expelled a
            # loyalist", "the league placed an embargo on the club": not a state's measure
            return []
        if measure.label_ == "expulsion" and self._from_a_body(trigger):
            return []  # "expelled from the party", "the expulsion of X as the party's leader"
        if measure.label_ == "transport_ban" and any(
            self.lemma(t) in self.hazard_words for t in ctx.sentence(trigger.i)
        ):
            return []  # "closed airspace as a cloud of volcanic ash drifted south": no measure
        if self._about_content(found.path):
            return []  # "he would not say what the embargo covers": no report of one
        if any(condition_clause(node) for node in found.path):
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
            if not _is_pronoun_like(a)
            and not any(self._sport_name(word) for word in a.canonical.split())
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
        if trigger.dep_ == "relcl" and trigger.head.i in ctx.triggers:
            # "an arms embargo that barred it from buying weapons expired": what the measure
            # does stands or falls with it
            status = self._status(trigger.head, self._climb(trigger.head, ctx).path)
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
        if status in ("announced", "planned") and conditional(found.path):
            status = "threatened"  # "would impose a tariff unless ...", "will ... if ..."
        if (
            status in ("announced", "planned")
            and found.agent is not None
            and any(self.lemma(t) in self.legislature_nouns for t in found.agent.subtree)
            and any(self.lemma(t) in self.legislative_steps for t in found.path)
        ):
            # "Jordan's parliament voted to expel the Israeli ambassador", "US senators
            # introduced a bill to cut aid": a legislature's vote or bill proposes; only
            # considered ("Iran's parliament downgraded ties" is its own act)
            status = "considered"
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
            or target.lower() in DEMONSTRATIVES
        ):
            target = None  # never a bare number or an unresolved pronoun ("those expelled")
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
                origins |= self._states_in(prep_objects(trigger, ("from",)), ctx)
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
            # never a fact of a state on itself ("Chad" read as the actor of a list naming it)
            lowered = {name.lower() for name in names}
            targets = [t for t in targets if t is None or t.lower() not in lowered] or [None]
        # "Belgium, Denmark and Sweden closed their airspace": each closes its own, one fact
        # per state; "the US, France and Germany agreed to impose sanctions": one joint fact.
        takers = (
            [[a.canonical] for a in actors]
            if len(actors) > 1 and _distributive(trigger)
            else [[a.canonical for a in actors]]
        )
        return [
            {
                "measure": measure_type,
                "actor": _join_names(taker),
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
            for taker in takers
            for each in targets
        ]

    def _conjoined_with(self, trigger: Token, measure: Span, ctx: Context) -> list[dict[str, Any]]:
        """ "imposed asset freezes and travel bans on 40 officials", "asset freezes and travel
        bans were lifted": a measure joined to another one, with no actor of its own in
        reach (the small model often reads the first noun as a verb), is taken with it: the
        same actor, status and target, one fact of its own type."""
        head = trigger.head
        if trigger.dep_ != "conj" or head.i not in ctx.triggers:
            return []
        if trigger.pos_ in ("NOUN", "PROPN") and any(self._noun_trigger_actors(trigger, ctx)):
            return []  # "the EU's embargo": its own owner
        at = ctx.doc[head.i].idx
        return [
            dict(
                fact,
                measure=measure.label_,
                measure_start=measure.start_char,
                measure_end=measure.end_char,
                generic=False,
            )
            for fact in ctx.facts
            if fact["measure_start"] <= at < fact["measure_end"]
            and fact["measure"] != measure.label_
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

    def _other_sense(self, sentence: Span, ctx: Context) -> bool:
        """A sentence about sport (doping, matches, fans) naming no state or bloc: its bans and
        sanctions are a sports body's discipline, not an international measure ("Chelsea fans"
        beside "Britain froze the owner's assets" is a state's measure)."""
        if not any(self._sport_word(t) for t in sentence):
            return False
        # a nationality names a state acting only as its government's ("the British
        # government"); "three Lebanese match officials" are people
        return not any(
            (ent := ctx.ent_at.get(t.i)) is not None
            and ent.kind in ("country", "group")
            and (ent.label_ != "NORP" or t.head.lower_ in GOVERNMENT_NOUNS)
            for t in sentence
        )

    def _sport_word(self, token: Token) -> bool:
        return self._sport_name(token.text)

    def _sport_name(self, word: str) -> bool:
        """A word of an actor's name that names sport ("Asian Football Confederation")."""
        return word in self.other_sense_words or word.lower() in self.other_sense_words

    def _from_a_body(self, trigger: Token) -> bool:
        """An expulsion from a party, a league or a school (named in its "from" or "as"
        phrase, or in that of the one expelled): membership, not diplomacy."""
        heads = [trigger, *prep_objects(trigger, ("of",))]
        phrases = [p for head in heads for p in prep_objects(head, ("from", "as"))]
        return any(self.lemma(t) in self.non_state_agents for p in phrases for t in p.subtree)

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
            # "Tanzanian wheat flour and gas exports": the state named on the first conjunct
            # modifies them all
            conjuncts = [token]
            while conjuncts[-1].dep_ == "conj":
                conjuncts.append(conjuncts[-1].head)
            origins = [
                c
                for conjunct in conjuncts
                for c in conjunct.children
                if c.dep_ in ("amod", "compound", "nmod", "poss")
            ]
            names |= self._states_in(origins + prep_objects(token, ("from",)), ctx)
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

    # -- who acts: the walk up from the trigger ------------------------------------------

    def _locate(self, trigger: Token, ctx: Context) -> Located:
        """Who takes the measure, read from the trigger's own phrase and the clauses above it."""
        owners: list[ActorRef] = []
        modifiers: list[ActorRef] = []
        if trigger.pos_ in ("NOUN", "PROPN"):
            owners, modifiers = self._noun_trigger_actors(trigger, ctx)
        elif _to_infinitive_of_noun(trigger):
            # "in response to the US decision to expel ...", "Japan's move to ban ...": the
            # noun's owner takes the measure, whatever the phrase is said in reply to
            owners = self._decision_owners(first_conjunct(trigger).head, ctx)
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
        elif found.actors and self._refused(found.path) and self._falls_on(found, ctx):
            # "China opposes the US sanctions on its firms": who the measure falls on refuses
            # it; it is theirs to suffer, the owner's to take
            found.actors = owners or modifiers
            found.status = "in_force"
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

    def _reacting(self, word: Token) -> bool:
        """A word of reacting to or suffering a measure, in any inflection ("reacting to the
        sanctions", "complying with", "downplays sanctions")."""
        return word.lower_ in REACTION_WORDS or self.lemma(word) in REACTION_WORDS

    def _falls_on(self, found: Located, ctx: Context) -> bool:
        """Whether the measure falls on the clause's subject: what it is laid "on" or
        "against", or the object of a verb on the way up ("putting its companies on the
        list"), is the subject or the subject's own ("its firms")."""
        trigger = found.path[0]
        if found.agent is None:
            return False
        landed = prep_objects(trigger, ("on", "against"))
        landed += [c for verb in found.path[1:-1] for c in verb.children if c.dep_ == "dobj"]
        for node in landed:
            if node.lower_ not in OTHER_SIDE_NOUNS and any(
                c.dep_ == "poss" and c.lower_ in SINGULAR_PRONOUNS | PLURAL_PRONOUNS
                for c in node.children
            ):
                return True  # "its firms", not "its neighbour"
            named = self._actors_of(node, ctx)
            if named and set(named) <= set(found.actors):
                return True
        return False

    def _urged_to_follow(self, path: Sequence[Token]) -> bool:
        """The measure is the object of a verb of following it ("uphold", "join", "enforce")
        that someone is asked or pressed to do: "pressed Serbia to uphold EU sanctions"."""
        if len(path) < 3 or path[0].dep_ not in ("dobj", "pobj"):
            return False
        at = 2 if path[0].dep_ == "pobj" else 1
        verb = path[at]
        if self.lemma(verb) not in self.adherence_verbs or has_negation(verb):
            return False
        if not any(self.lemma(t) in self.request_verbs for t in path[at + 1 : at + 4]):
            return False
        # "rejected calls to join Western sanctions": the refusal is the report
        return not self._refused(path[at:])

    def _entry_barred_by(
        self, trigger: Token, ctx: Context
    ) -> tuple[list[ActorRef], Token | None] | None:
        """A passive ban on entering a state ("Five officials have been banned from entering
        China", "are among 15 ministers to have been barred from visiting Russia") with no
        "by" agent is that state's, and falls on whoever is barred."""
        if trigger.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in trigger.children):
            return None
        if agent_of(trigger) is not None:
            return None
        states: list[ActorRef] = []
        for entering in prep_objects(trigger, ("from",)):
            if self.lemma(entering) not in self.entry_verbs:
                continue
            places = [c for c in entering.children if c.dep_ == "dobj"]
            places += prep_objects(entering, ("to", "into"))
            for place in places:
                ent = ctx.ent_at.get(place.i)
                if ent is not None and ent.kind in ("country", "group"):
                    states += [a for a in self._actors_of(place, ctx) if a not in states]
                elif ent is None:
                    # "banned from entering Peruvian territory": the state it belongs to
                    owners = self._territory_states(place, ctx)
                    states += [a for a in owners if a not in states]
        if not states:
            return None
        barred = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
        if barred is None and trigger.dep_ in ("acl", "relcl"):
            barred = trigger.head  # "the officials banned from entering Russia"
        elif barred is None and trigger.dep_ in ("advcl", "xcomp"):
            # "X are among 15 ministers to have been banned ...": the ministers
            among = prep_objects(trigger.head, ("among",))
            barred = among[0] if among else None
        return states, barred

    def _climb(self, trigger: Token, ctx: Context) -> Located:
        found = Located(path=[trigger])
        current = trigger
        in_subject_clause: Token | None = None
        gerund_subject = self._gerund_subject(trigger, ctx)
        if gerund_subject:
            # "which led to Canada suspending its aid": the gerund's subject acts
            found.actors = gerund_subject
            return found
        barred_by = self._entry_barred_by(trigger, ctx)
        if barred_by is not None:
            found.actors, found.target = barred_by
            # the clauses above still tell its status ("calls for vessels to be banned from
            # entering EU waters": only asked for)
            found.path.extend(itertools.islice(trigger.ancestors, 6))
            return found
        if (
            trigger.dep_ == "acl"
            and trigger.tag_ == "VBN"
            and agent_of(trigger) is None
            and not any(c.dep_ in ("nsubj", "aux") for c in trigger.children)
        ):
            # "X and Y were among those expelled": the participle's noun is whom it fell on;
            # who expelled them is the story's actor, not the subject above. A clause with its
            # own subject or auxiliary, misparsed as such a modifier ("a statement that Brazil
            # had recalled its ambassador"), is read as the clause it is
            found.target = trigger.head
            found.continues_story = True
            return found
        if causative_participle(trigger):
            # "the officials will have their assets frozen": the subject of "have" undergoes
            # it; who freezes them is the story's actor
            found.target = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
            found.continues_story = True
            return found
        for _ in range(14):
            path = found.path
            came_from = path[-2] if len(path) > 1 else None
            if current is not trigger and current.pos_ == "VERB":
                barred_by = self._entry_barred_by(current, ctx)
                if barred_by is not None:
                    # "banned from entering Russia as part of a wave of sanctions": Russia's
                    found.actors = barred_by[0]
                    return found
            subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
            if current is trigger and trigger.i in ctx.said_of:
                # "declared 15 UAE diplomats persona non grata", parsed as a clause whose
                # subject is "diplomats", or with "diplomat" compounded on the phrase: whom it
                # is said of, never who says it
                named = _said_of(trigger, ctx)
                found.target = found.target or named
                if subject is not None and named is not None and subject.i == named.i:
                    subject = None
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
            if subject is not None and any(
                _participle_complement(c) and c.i in ctx.triggers
                for c in current.children
                if c.dep_ == "acomp"
            ):
                # "their assets were frozen", parsed as "were" + an adjective: a passive, also
                # for a measure in a clause joined to it ("Niger's assets were frozen and a
                # travel ban was imposed"): the subject is acted on, its owner acts on nothing
                subject_pass, subject = subject, None
            agent = agent_of(current)
            if agent is not None and contains(agent, trigger):
                # "Russia was hit by sanctions": the subject suffers the measure.
                found.target = subject_pass
                return found
            if agent is not None:
                found.actors = self._actors_of(agent, ctx)
                found.agent = agent
                if subject_pass is not None and not contains(subject_pass, trigger):
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
            asked = made or next(iter(prep_objects(current, ("on",))), None)
            if (
                asked is not None
                and came_from is not None
                and came_from.dep_ in ("xcomp", "ccomp")
                and came_from.i > asked.i
                and self.lemma(current) in self.request_verbs
                and self.lemma(asked) not in self.own_side_nouns
                # "asked the Lebanese ambassador to leave": that is the expulsion itself
                and asked.lower_ not in ENVOY_NOUNS
                # asked to take it, not to drop an opposition to it
                and all(t.pos_ in ("VERB", "AUX") for t in path[1:-1])
            ):
                # "Ukraine urged the EU to impose sanctions", "called on other countries to
                # impose sanctions": the measure would be the one asked's (only talked of);
                # the one asking takes none. Asking one's own side ("asked their foreign
                # ministers to prepare sanctions", "asked Turkish authorities to freeze the
                # assets") is the asker's own step: read on.
                asked_actors = self._actors_of(asked, ctx)
                asker = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
                if not asked_actors or asker is None or asked_actors != self._actors_of(asker, ctx):
                    found.actors = asked_actors
                    status = self._status(trigger, found.path)
                    # "asked" is in no status list: a step asked for is only considered
                    found.status = "considered" if status in ("announced", "planned") else status
                    return found
            if (
                subject is not None
                and not contains(subject, trigger)
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
            if subject is not None and not contains(subject, trigger):
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
                if not found.actors and _action_word(subject):
                    # "Friday's action freezes their assets", "This effectively freezes ...":
                    # the step taken just before does it, so whoever took that step
                    found.continues_story = True
                return found
            if subject is not None:
                # The measure is (in) the subject: "New US sanctions took effect".
                in_subject_clause = current
            elif in_subject_clause is not None:
                pass  # above a clause about the measure ("sanctions stay in place")
            elif subject_pass is not None and not contains(subject_pass, trigger):
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
                if not (came_from is not None and _joined_clause(came_from)):
                    # not for a measure in a clause joined to this one ("assets were frozen
                    # and a travel ban on the leaders was imposed"): it names its own
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
                self._reacting(current.head)
                or self.lemma(current.head) in self.comment_verbs
                # "called the sanctions a personal revenge": naming it, not asking for it
                or (
                    self.lemma(current.head) == "call"
                    and any(c.dep_ in ("oprd", "attr") for c in current.head.children)
                )
                # "has seen the expulsions as a provocation": judging it
                or (
                    self.lemma(current.head) in SEEING_VERBS
                    and bool(prep_objects(current.head, ("as",)) or prep_objects(current, ("as",)))
                )
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
                if (
                    prep.lower_ == "to"
                    and governor.lower_ == "subject"
                    and governor.dep_ in SUBJECT_TO_DEPS
                ):
                    # "All those listed are subject to an asset freeze": the ones it falls on;
                    # who imposed it is the story's actor
                    holder = governor.head if governor.dep_ == "acomp" else governor
                    found.target = next(
                        (c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")),
                        governor.head if governor.dep_ == "amod" else None,
                    )
                    found.continues_story = True
                    found.path.extend([prep, governor])
                    return found
                imposing = self._imposing_through(prep, governor)
                if self._reacting(governor) and prep.lower_ in REACTION_PREPS and not imposing:
                    # "respond to Western sanctions", "the impact of the ban": not a report
                    found.continues_story = False
                    found.reaction = True
                    return found
                # "exempted four commanders from the ban", "from" hung on the commanders
                exempting = prep.lower_ == "from" and (
                    self.lemma(governor) in EXEMPTING_VERBS
                    or (
                        governor.dep_ in ("dobj", "nsubjpass")
                        and self.lemma(governor.head) in EXEMPTING_VERBS
                    )
                )
                if (
                    prep.lower_ in BACKGROUND_PREPS
                    and current.lower_ not in LIST_NOUNS
                    and not exempting
                ) or (
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

    def _still_in_force(
        self, trigger: Token, clause: Token, found: Located, ctx: Context
    ) -> Located:
        """ "Duties on Australian wine remain in force": a measure named before, still there.
        Any other clause about a measure ("the sanctions were welcome") reports nothing."""
        if self._left_open(clause):
            # "New sanctions remain an option", "are on the table": only talked of
            found.status = "considered"
            return found
        if clause.lower_ not in STILL_VERBS or has_negation(clause):
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

    @staticmethod
    def _type_at(token: Token, ctx: Context) -> str | None:
        for span in ctx.doc.spans.get(MEASURES_KEY, ()):
            if span._.trigger == token.i:
                return str(span.label_)
        return None

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

    # -- time ----------------------------------------------------------------------------

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
            # "are subject to an asset freeze" says who it falls on: a report, not a comment
            return node.lower_ != "subject" and (node.i != trigger.i or trigger.dep_ == "compound")
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


def _said_of(trigger: Token, ctx: Context) -> Token | None:
    """The noun a phrase like "persona non grata" is said of: a subject or compound hung on one
    of the phrase's words from outside it ("declared 15 diplomats persona non grata"), else the
    object of the verb the phrase completes ("declared the ambassador 'persona non grata'")."""
    start, end = ctx.extents.get(trigger.i, (trigger.i, trigger.i + 1))
    phrase = ctx.doc[start:end]
    hung = [
        child
        for token in phrase
        for child in token.children
        if not start <= child.i < end
        and child.dep_ in ("nsubj", "compound", "appos")
        and child.pos_ in ("NOUN", "PROPN")
    ]
    verb = phrase.root.head
    objects = [c for c in verb.children if c.dep_ == "dobj" and not start <= c.i < end]
    return next(iter(hung + (objects if verb.pos_ in ("VERB", "AUX") else [])), None)


def _joined_clause(token: Token) -> bool:
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")


def _participle_complement(trigger: Token) -> bool:
    """ "Their assets were frozen": the small model reads the participle as an adjective
    complement of "were"; it is a passive all the same."""
    return (
        trigger.dep_ == "acomp"
        and trigger.head.lower_ in COPULAS
        and trigger.lower_.endswith(("ed", "en"))
    )


def _effect_of_a_measure(trigger: Token, measure_type: str) -> bool:
    """ "the measure will cut $1 billion from exports": what a measure is expected to do, not
    a new one ("the sanctions freeze the assets of ..." says what they contain: a fact). A
    freeze is always content: "the measures would block about $7 billion in PDVSA assets"."""
    if trigger.pos_ not in ("VERB", "AUX") or measure_type == "asset_freeze":
        return False
    if prep_objects(trigger, ("from",)):
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


def _to_infinitive_of_noun(verb: Token) -> bool:
    """ "the decision to expel", "a move to ban ... and close": an infinitive that says what a
    noun is (not a reduced passive, "assets frozen by ...")."""
    verb = first_conjunct(verb)
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ == "NOUN"
        and verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _join_names(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _from_phrase(token: Token) -> Token | None:
    for pobj in prep_objects(token, ("from", "by")):
        return pobj
    return None


def _action_word(subject: Token) -> bool:
    """A subject that only points back at a step taken ("this", "the action", "the move")."""
    return subject.lower_ == "this" or (subject.lower_ in ACTION_NOUNS and subject.tag_ == "NN")


def _is_pronoun_like(actor: ActorRef) -> bool:
    return actor.canonical.lower() in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS


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


def _distributive(trigger: Token) -> bool:
    """The measure falls on what each of its takers owns: "closed their airspace", "recalled
    their ambassadors", "their respective envoys"."""
    phrase = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "pobj")] + [trigger]
    phrase += [c for p in trigger.children if p.dep_ == "prep" for c in p.children]
    return any(
        (c.dep_ == "poss" and c.lower_ == "their") or c.lower_ in ("respective", "own")
        for head in phrase
        for c in head.children
    )
