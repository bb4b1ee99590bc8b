"""The ``briefing_facts`` component: who takes each measure, against whom, when, how far along.

For each measure span it walks the dependency parse up from the trigger to the clause that holds
the measure's agent (subject, passive ``by`` agent, or the controller of an ``xcomp`` such as "is
expected to announce"), resolves that agent to canonical actors (entities, "Japan's government",
a person's state from a title such as "Japanese Prime Minister", pronouns and "the bloc" back to
earlier sentences), reads the status from the words on that path, and the target from the
trigger's object or ``against/on/of`` phrase. The result, plain dicts, goes to ``Doc._.facts``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefing.nlp import gazetteer
from briefing.nlp.components import MEASURES_KEY, register_extensions

register_extensions()

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "hers"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
STATE_KINDS = frozenset({"country", "group", "organization"})
# Climbing out of these prepositions means the measure is background ("under sanctions",
# "despite the ban", "in response to sanctions"): the clause's subject did not take it.
BACKGROUND_PREPS = frozenset(
    {"under", "despite", "amid", "after", "following", "over", "because", "against", "from"}
    | {"to", "since", "before", "during", "about", "around", "beyond", "without"}
)
# "with" introduces the measure only after verbs of imposing ("hit Russia with sanctions").
IMPOSING_WITH_VERBS = frozenset(
    {"hit", "hits", "slap", "slapped", "slaps", "target", "targeted", "targets", "punish"}
    | {"punished", "threaten", "threatened", "threatens", "respond", "responded", "retaliate"}
    | {"retaliated", "follow", "followed", "press", "pressed", "pressure", "pressured"}
)
# "added to the entity list": "to" names the measure here, not its background.
ADDING_VERBS = frozenset({"add", "adds", "added", "adding"})
FACE_VERBS = frozenset({"face", "faces", "faced", "facing", "risk", "risks", "risked"})
TARGET_PREPS = ("against", "on", "of", "to", "from", "with", "targeting", "for")
MEASURE_WORDS = frozenset(
    {"sanctions", "measures", "package", "ban", "bans", "restrictions", "embargo", "steps"}
)
QUANTITY_WORDS = frozenset({"dozens", "hundreds", "scores", "number", "thousands", "series"})
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}  # fmt: skip
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


@dataclass(slots=True)
class Context:
    """What the extractor knows about one doc while it walks the measures in order."""

    doc: Doc
    ent_at: dict[int, Span]
    sentence_of: dict[int, int]
    mentions: list[Mention]
    person_state: dict[str, str]
    facts: list[dict[str, Any]] = field(default_factory=list)


@Language.factory("briefing_facts")
def make_fact_extractor(nlp: Language, name: str) -> FactExtractor:
    return FactExtractor()


class FactExtractor:
    def __init__(self) -> None:
        actors = gazetteer.actor_data()
        measures = gazetteer.measure_data()
        self.group_refs = frozenset(actors["references"]["group"])
        self.country_refs = frozenset(actors["references"]["country"])
        self.state_titles = frozenset(actors["state_titles"])
        self.generic_nouns = frozenset(measures["generic_nouns"])
        status = measures["status"]
        self.status_order: list[str] = list(status["order"])
        self.status_words = {name: frozenset(status[name]) for name in self.status_order}
        self.noun_status_cues = frozenset(status["noun_cues"])
        self.privilege_triggers = frozenset(
            w
            for t in measures["triggers"]
            if t.get("privilege")
            for alternatives in t.get("phrase", [])
            for w in alternatives
        )

    def __call__(self, doc: Doc) -> Doc:
        ctx = self._context(doc)
        facts: list[dict[str, Any]] = []
        for measure in doc.spans.get(MEASURES_KEY, ()):
            facts.extend(self._facts_for(measure, ctx))
            ctx.facts = facts
        doc._.facts = dedupe(facts)
        return doc

    # -- context -------------------------------------------------------------------------

    def _context(self, doc: Doc) -> Context:
        ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            if ent._.canonical:
                for token in ent:
                    ent_at[token.i] = ent
        sentence_of: dict[int, int] = {}
        for number, sent in enumerate(doc.sents):
            for token in sent:
                sentence_of[token.i] = number
        person_state = self._person_states(doc, ent_at)
        mentions: list[Mention] = []
        for ent in doc.ents:
            if not ent._.canonical:
                continue
            root = ent.root
            subject = root.dep_ in ("nsubj", "nsubjpass") or (
                root.dep_ in ("poss", "compound", "amod")
                and root.head.dep_ in ("nsubj", "nsubjpass")
            )
            actor = self._ref_for_ent(ent, person_state)
            mentions.append(Mention(actor, root.i, sentence_of.get(root.i, 0), subject))
        return Context(doc, ent_at, sentence_of, mentions, person_state)

    def _person_states(self, doc: Doc, ent_at: dict[int, Span]) -> dict[str, str]:
        """Persons described by a state title ("Japanese Prime Minister Fumio Kishida")."""
        states: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or not ent._.canonical:
                continue
            root = ent.root
            around = [t for t in root.subtree if t.i < ent.start]
            if root.dep_ == "appos":
                around.extend(root.head.subtree)
            around.extend(c for c in root.children if c.dep_ == "appos" for c in c.subtree)
            if not any(t.lower_ in self.state_titles for t in around):
                continue
            for token in around:
                other = ent_at.get(token.i)
                if other is not None and other is not ent and other._.actor_kind == "country":
                    states[ent._.canonical] = other._.canonical
                    break
        return states

    @staticmethod
    def _ref_for_ent(ent: Span, person_state: dict[str, str]) -> ActorRef:
        if ent._.actor_kind == "person":
            state = person_state.get(ent._.canonical)
            if state:
                return ActorRef(state, "country")
        return ActorRef(ent._.canonical, ent._.actor_kind or "organization")

    # -- one measure ---------------------------------------------------------------------

    def _facts_for(self, measure: Span, ctx: Context) -> list[dict[str, Any]]:
        doc = ctx.doc
        trigger = doc[measure._.trigger]
        found = self._locate_actors(trigger, ctx)
        if found is None:
            return []
        actors, path, passive_target = found
        actors = [a for a in actors if a.kind != "person" or not _is_pronoun_like(a)]
        if not actors:
            return []
        status = self._status(trigger, path, measure.label_)
        target_token = self._target_token(trigger, path, passive_target, actors, ctx)
        target, quantity = (None, None)
        if target_token is not None:
            target, quantity = self._describe_target(target_token, actors, ctx)
        when = self._when(trigger, path, ctx)
        sent = trigger.sent
        start, end = _strip_offsets(doc.text, sent.start_char, sent.end_char)
        facts = []
        for actor in actors:
            if target and target.lower() == actor.canonical.lower():
                continue
            facts.append(
                {
                    "measure": measure.label_,
                    "actor": actor.canonical,
                    "target": target,
                    "quantity": quantity,
                    "when": when,
                    "status": status,
                    "start": start,
                    "end": end,
                    "measure_start": measure.start_char,
                    "measure_end": measure.end_char,
                }
            )
        return facts

    def _locate_actors(
        self, trigger: Token, ctx: Context
    ) -> tuple[list[ActorRef], list[Token], Token | None] | None:
        """(actors, path from the trigger up to the agent's clause, passive subject) or None."""
        path = [trigger]
        modifier_actors: list[ActorRef] = []
        passive_target: Token | None = None
        if trigger.pos_ in ("NOUN", "PROPN"):
            for child in trigger.children:
                if child.dep_ == "poss":
                    refs = self._actors_of(child, ctx)
                    if refs:
                        return refs, path, None
                if child.dep_ == "acl":
                    agent = _agent_of(child)
                    if agent is not None:
                        refs = self._actors_of(agent, ctx)
                        if refs:
                            return refs, [*path, child], None
                if child.dep_ in ("compound", "amod", "nmod"):
                    ent = ctx.ent_at.get(child.i)
                    # "US sanctions", "Western sanctions"; not "Russian sanctions" (ambiguous).
                    if ent is not None and (
                        ent.label_ != "NORP" or child.lower_ in ("western", "european")
                    ):
                        modifier_actors.append(self._ref_for_ent(ent, ctx.person_state))
        current = trigger
        for _ in range(12):
            subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
            subject_pass = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
            agent = _agent_of(current)
            came_from = path[-2] if len(path) > 1 else None
            if agent is not None and not _contains(agent, trigger):
                refs = self._actors_of(agent, ctx)
                if refs:
                    return refs, path, subject_pass
            elif agent is not None:
                # "Russia was hit by sanctions": the subject suffers the measure.
                return (modifier_actors, path, subject_pass) if modifier_actors else None
            if subject is not None and not _contains(subject, trigger):
                if current.lower_ in FACE_VERBS:
                    source = _from_phrase(current) or _from_phrase(trigger)
                    refs = self._actors_of(source, ctx) if source is not None else []
                    return (refs, path, subject) if refs else None
                refs = self._actors_of(subject, ctx)
                if refs:
                    return refs, path, passive_target
                return (modifier_actors, path, passive_target) if modifier_actors else None
            if subject is not None or (
                subject_pass is not None and _contains(subject_pass, trigger)
            ):
                # The measure is (in) the subject: "New US sanctions took effect".
                if modifier_actors:
                    return modifier_actors, path, None
            elif subject_pass is not None:
                if came_from is not None and came_from.dep_ == "xcomp":
                    refs = self._actors_of(subject_pass, ctx)
                    if refs:
                        return refs, path, None
                passive_target = passive_target or subject_pass
            if current.dep_ == "ROOT" or current.head is current:
                break
            if (
                current.dep_ == "pobj"
                and current.head.lower_ in BACKGROUND_PREPS
                and current.head.head.lower_ not in ADDING_VERBS
            ):
                return (modifier_actors, path, None) if modifier_actors else None
            if (
                current.dep_ == "pobj"
                and current.head.lower_ == "with"
                and current.head.head.lower_ not in IMPOSING_WITH_VERBS
                and current.head.head.pos_ in ("VERB", "AUX")
            ):
                return (modifier_actors, path, None) if modifier_actors else None
            current = current.head
            path.append(current)
        return (modifier_actors, path, passive_target) if modifier_actors else None

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
            return self._actor_of_phrase(head.head.head, ctx, depth + 1)
        if lower in SINGULAR_PRONOUNS | PLURAL_PRONOUNS:
            return self._resolve(head, STATE_KINDS, ctx)
        if lower in PERSON_PRONOUNS:
            return self._resolve(head, frozenset({"person"}), ctx)
        by_dep: dict[str, list[ActorRef]] = {}
        for child in head.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                child_ent = ctx.ent_at.get(child.i)
                if child_ent is not None:
                    ref = self._ref_for_ent(child_ent, ctx.person_state)
                    by_dep.setdefault(child.dep_, []).append(ref)
                elif child.dep_ == "poss" and child.lower_ in SINGULAR_PRONOUNS | PLURAL_PRONOUNS:
                    by_dep.setdefault("poss", []).extend(self._resolve(child, STATE_KINDS, ctx))
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
        if lower in self.group_refs:
            return self._resolve(head, frozenset({"group"}), ctx)
        if lower in self.country_refs:
            return self._resolve(head, frozenset({"country"}), ctx)
        # Anything else naming a state in its own phrase: "a G-7 leaders' statement".
        for token in head.subtree:
            if token.dep_ == "prep" and token.lower_ in ("against", "on", "to", "with", "over"):
                break
            found = ctx.ent_at.get(token.i)
            if found is not None and found._.actor_kind in STATE_KINDS:
                return [self._ref_for_ent(found, ctx.person_state)]
        # "The sanctions include ...": the actor of the measures just reported.
        if lower in MEASURE_WORDS and ctx.facts:
            last = ctx.facts[-1]
            if ctx.sentence_of.get(head.i, 0) - self._fact_sentence(last, ctx) <= 2:
                return [ActorRef(str(last["actor"]), "country")]
        return []

    def _government_body(self, ent: Span) -> bool:
        """A ministry or department not named in the gazetteer: it acts for a state."""
        return (
            ent.label_ == "ORG"
            and not ent.ent_id_
            and any(t.lower_ in self.state_titles for t in ent)
        )

    @staticmethod
    def _fact_sentence(fact: dict[str, Any], ctx: Context) -> int:
        span = ctx.doc.char_span(fact["start"], fact["end"], alignment_mode="expand")
        return ctx.sentence_of.get(span.start, 0) if span is not None else 0

    def _resolve(self, token: Token, kinds: frozenset[str], ctx: Context) -> list[ActorRef]:
        """The actor a pronoun or "the bloc" points back to: the latest subject, else mention."""
        here = ctx.sentence_of.get(token.i, 0)
        earlier = [m for m in ctx.mentions if m.token_i < token.i and here - m.sentence_i <= 2]
        for want_subject in (True, False):
            for mention in reversed(earlier):
                if want_subject and not mention.subject:
                    continue
                if mention.actor.kind in kinds or (
                    "person" in kinds and mention.actor.kind == "country"
                ):
                    if "person" in kinds and not _person_mention(mention, ctx):
                        continue
                    return [mention.actor]
        return []

    # -- status, target, time ---------------------------------------------------------------

    def _status(self, trigger: Token, path: Sequence[Token], measure_type: str) -> str:
        cues: list[Token] = [c for c in trigger.children if _is_modifier(c)]
        for token in path[1:]:
            cues.append(token)
            cues.extend(c for c in token.children if _is_modifier(c))
        negated = any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in cues)
        found = {name: False for name in self.status_order}
        for token in cues:
            if token.pos_ == "NOUN" and token.lower_ not in self.noun_status_cues:
                continue
            for name in self.status_order:
                if token.lower_ in self.status_words[name]:
                    found[name] = True
        privilege = trigger.lower_ in self.privilege_triggers
        if privilege:
            # Revoking a privilege is the measure; restoring it ends the measure.
            restores = any(c.lower_ in ("grant", "granted", "restore", "restored") for c in cues)
            if restores:
                return "lifted"
            found["lifted"] = False
        if negated:
            if found["lifted"]:
                return "in_force"
            if found["considered"] and any(c.lower_ == "out" for c in cues):
                return "considered"  # "has not ruled out sanctions"
            return "rejected"
        for name in self.status_order:
            if found[name]:
                return name
        for verb in path:
            if verb.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ in ("has", "have", "had", "'ve") for c in verb.children
            ):
                return "in_force"
        return "announced"

    def _target_token(
        self,
        trigger: Token,
        path: Sequence[Token],
        passive_target: Token | None,
        actors: Sequence[ActorRef],
        ctx: Context,
    ) -> Token | None:
        candidates: list[Token] = []
        if passive_target is not None:
            candidates.append(passive_target)
        if trigger.pos_ in ("VERB", "AUX"):
            candidates.extend(c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass"))
            candidates.extend(_prep_objects(trigger, ("against", "on", "to", "from", "of")))
        else:
            candidates.extend(_prep_objects(trigger, TARGET_PREPS))
            for child in trigger.children:
                if child.dep_ in ("compound", "amod") and child.i in ctx.ent_at:
                    candidates.append(child)
        if trigger.dep_ in ("amod", "compound") and trigger.head.pos_ in ("NOUN", "PROPN"):
            candidates.append(trigger.head)
        for verb in path[1:]:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            candidates.extend(_prep_objects(verb, ("against", "on", "to")))
            candidates.extend(c for c in verb.children if c.dep_ == "dobj" and c.i in ctx.ent_at)
            break
        names = {a.canonical.lower() for a in actors}
        for candidate in candidates:
            ent = ctx.ent_at.get(candidate.i)
            if ent is not None and ent._.canonical.lower() in names and ent.label_ != "NORP":
                continue
            if candidate.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "VERB"):
                return candidate
        return None

    def _describe_target(
        self, token: Token, actors: Sequence[ActorRef], ctx: Context, depth: int = 0
    ) -> tuple[str | None, str | None]:
        """A readable name for what a measure falls on, and the stated number of it."""
        names = {a.canonical.lower() for a in actors}
        lower = token.lower_
        if lower in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS:
            kinds = frozenset({"person"}) if lower in PERSON_PRONOUNS else STATE_KINDS
            refs = self._resolve(token, kinds, ctx)
            if lower in PERSON_PRONOUNS:
                refs = self._resolve_person(token, ctx) or refs
            return (refs[0].canonical if refs else token.text), None
        ent = ctx.ent_at.get(token.i)
        if ent is not None and ent.label_ != "NORP" and ent.root.i == token.i:
            return ent._.canonical, None
        if (lower in self.generic_nouns or lower in QUANTITY_WORDS) and depth < 3:
            # "talks on a peace treaty with Tokyo": the state named inside is the target.
            for inner in token.subtree:
                inner_ent = ctx.ent_at.get(inner.i)
                if inner_ent is None or inner_ent._.canonical.lower() in names:
                    continue
                if inner_ent.label_ == "NORP":
                    return _phrase(inner.head), _quantity(token)
                return inner_ent._.canonical, _quantity(token)
            for pobj in _prep_objects(token, ("of", "to", "from", "with", "on", "against")):
                deeper, quantity = self._describe_target(pobj, actors, ctx, depth + 1)
                if deeper and deeper.lower() not in names:
                    return deeper, quantity or _quantity(token)
            for child in token.children:
                child_ent = ctx.ent_at.get(child.i)
                if child.dep_ == "poss" and child_ent is not None:
                    return child_ent._.canonical, _quantity(token)
        return _phrase(token), _quantity(token)

    @staticmethod
    def _resolve_person(token: Token, ctx: Context) -> list[ActorRef]:
        """ "had his assets frozen": his -> the person who is the clause's subject."""
        clause = token
        while clause.dep_ not in ("ROOT",) and clause.pos_ not in ("VERB", "AUX"):
            clause = clause.head
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in ctx.ent_at:
                ent = ctx.ent_at[child.i]
                if ent._.actor_kind == "person":
                    return [ActorRef(ent._.canonical, "person")]
        for mention in reversed([m for m in ctx.mentions if m.token_i < token.i]):
            if mention.actor.kind == "person" or _person_mention(mention, ctx):
                ent = ctx.ent_at[mention.token_i]
                return [ActorRef(ent._.canonical, "person")]
        return []

    @staticmethod
    def _when(trigger: Token, path: Sequence[Token], ctx: Context) -> str | None:
        clause_tokens = {t.i for t in path} | {trigger.i}
        for ent in trigger.sent.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            node = ent.root
            for _ in range(4):
                if node.head.i in clause_tokens or node.i in clause_tokens:
                    prep = ent.root.head
                    if ent.root.dep_ == "pobj" and prep.i == ent.start - 1:
                        return f"{prep.text} {ent.text}"
                    return str(ent.text)
                if node.head is node:
                    break
                node = node.head
        return None


def _is_modifier(token: Token) -> bool:
    return token.dep_ in ("aux", "auxpass", "neg", "advmod", "amod", "prt", "det", "acomp")


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
    return token.left_edge.i <= other.i <= token.right_edge.i


def _prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in wanted:
            found.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return found


def _person_mention(mention: Mention, ctx: Context) -> bool:
    ent = ctx.ent_at.get(mention.token_i)
    return ent is not None and ent._.actor_kind == "person"


def _is_pronoun_like(actor: ActorRef) -> bool:
    return actor.canonical.lower() in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS


def _phrase(token: Token) -> str:
    """The noun phrase headed by ``token`` without determiners and numbers ("Russian diplomats")."""
    keep_left = [
        t
        for t in token.lefts
        if t.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod")
        and t.pos_ not in ("DET", "NUM")
    ]
    start = min([t.left_edge.i for t in keep_left] + [token.i])
    end = token.i + 1
    conjuncts = [t for t in token.rights if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN")]
    if conjuncts:
        end = max(end, conjuncts[-1].i + 1)
    doc = token.doc
    words = [t for t in doc[start:end] if t.dep_ not in ("det", "nummod", "case", "punct")]
    text = " ".join(t.text for t in words)
    return text.strip() or token.text


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


def _strip_offsets(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _target_key(target: Any) -> str:
    return str(target or "").lower()


def same_fact(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same measure by the same actor on the same target, however often it is reported."""
    if (a["measure"], str(a["actor"]).lower()) != (b["measure"], str(b["actor"]).lower()):
        return False
    if POLARITY.get(a["status"]) != POLARITY.get(b["status"]):
        return False
    ta, tb = _target_key(a["target"]), _target_key(b["target"])
    if not ta or not tb:
        return True
    return ta in tb or tb in ta or ta.split()[-1] == tb.split()[-1]


def dedupe(facts: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep the first report of each fact, completing it with details a repeat adds."""
    kept: list[dict[str, Any]] = []
    for fact in facts:
        twin = next((k for k in kept if same_fact(k, fact)), None)
        if twin is None:
            kept.append(dict(fact))
            continue
        for key in ("target", "quantity", "when"):
            if twin[key] is None and fact[key] is not None:
                twin[key] = fact[key]
    return kept
