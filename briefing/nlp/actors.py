"""Who takes a measure: ``ActorResolver`` reads canonical actors from the phrase naming them.

Entities, "Japan's government", a person's state from a title ("Japanese Prime Minister") or a
known leader, a ministry for its state; "it", "they", "the bloc", "the government" back to
earlier sentences; "the four countries" to the list named just before; the owner of a measure
noun ("the EU's sanctions", "US sanctions", "the US decision to expel"); the actor before a
gerund, the place one is expelled from, the one asked to end a measure; and, when the clause
names no one, the actor of the fact reported just before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Token

from briefing.nlp.components import COMPANY_SUFFIXES
from briefing.nlp.context import ActorRef, Context, EntInfo, Mention
from briefing.nlp.lexicon import (
    MEASURE_WORDS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    REQUEST_WORDS,
    SINGULAR_PRONOUNS,
    STATE_KINDS,
    SUBJECT_DEPS,
    UNDERGONE_NOUNS,
    Lexicon,
)
from briefing.nlp.syntax import agent_of, definite, is_agent, is_subject, prep_objects

FIRST_PERSON_PLURAL = frozenset({"we", "our", "us"})
EVENT_NOUNS = frozenset(
    {"agreement", "agreements", "accord", "accords", "protocol", "format", "process", "deal"}
    | {"summit", "declaration", "convention", "treaty", "talks", "conference", "club"}
)
# What a region's adjective names its states by: "West African leaders", "Nordic countries".
REGION_GROUP_HEADS = frozenset(
    {"leaders", "states", "nations", "countries", "governments", "allies", "powers", "partners"}
)
LIST_REFS = frozenset({"countries", "nations", "states", "governments", "neighbours", "neighbors"})
MIXED_REFS = frozenset({"leaders", "officials", "ministers", "allies", "partners", "members"})


class ActorResolver(Lexicon):
    """Resolving who acts: the rules read the lists ``Lexicon`` loads."""

    # -- the doc's actors ----------------------------------------------------------------

    def _person_states(self, ctx: Context) -> dict[str, str]:
        """The state a person acts for: a known leader, a title with a nationality ("Japanese
        Prime Minister Fumio Kishida"), or a bare title ("Transport Minister Omar Alghabra")
        in a story about the state named as subject before."""
        states: dict[str, str] = {}
        last_subject_state: str | None = None
        ent_at = ctx.ent_at
        for ent in ctx.actors:
            if ent.kind == "country" and is_subject(ent.root):
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
            around.extend(t for pobj in prep_objects(root, ("of",)) for t in pobj.subtree)
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

    def _government_body(self, ent: EntInfo) -> bool:
        """A ministry or department not named in the gazetteer: it acts for a state."""
        return (
            ent.label_ == "ORG"
            and not ent.ent_id_
            and ent.kind != "country"  # already resolved to its state ("Treasury" above)
            and any(t.lower_ in self.state_titles for t in ent.span)
        )

    # -- an actor phrase -----------------------------------------------------------------

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
            speaker = _reporting_speaker(head)
            if speaker is not None and depth < 2:
                # "The Dutch foreign minister said he has recalled the ambassador": the one
                # who says so, whoever was named before him
                refs = self._actor_of_phrase(speaker, ctx, depth + 1)
                if refs:
                    return refs
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
            and definite(head)
            and self.lemma(head) in self.gathering_nouns
            and not any(t.i in ctx.ent_at for t in _own_phrase(head))
        ):
            # "The meeting is expected to produce travel bans": those who meet, reported
            # just before
            return self._last_fact_actors(head, ctx, 3)
        if ent is None and any(
            c.dep_ in ("compound", "amod") and c.lower_ in WORLD_WORDS for c in head.children
        ):
            return []  # "called on world leaders to impose sanctions": nobody in particular
        if ent is None and lower in EVENT_NOUNS:
            return []  # "the Minsk agreements", "the Paris accord": not Belarus, not France
        if lower in LIST_REFS | MIXED_REFS:
            # "two dozen other countries, including Germany, that expelled ...": those named
            examples = [
                ref
                for pobj in prep_objects(head, ("including",))
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
                if child_ent is not None and child_ent is ent:
                    continue  # "Foreign" of "the Moldovan Foreign Ministry": the body itself
                region = region_group(child_ent, child) if child_ent is not None else None
                if region is not None:
                    by_dep.setdefault(child.dep_, []).append(region)
                    continue
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
                if pobj is not None and pobj.i in ctx.ent_at and ctx.ent_at[pobj.i] is not ent:
                    by_dep.setdefault("of", []).append(
                        self._ref_for_ent(ctx.ent_at[pobj.i], ctx.person_state)
                    )
            elif child.dep_ == "appos" and depth < 2:
                by_dep.setdefault("appos", []).extend(self._actor_of_phrase(child, ctx, depth + 1))
        if ent is None and lower in self.country_refs and by_dep.get("of"):
            return by_dep["of"]  # "the North African nation of Morocco": Morocco
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
        if lower in LIST_REFS and head.tag_ == "NNS" and definite(head):
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

    # -- back to earlier sentences -------------------------------------------------------

    def _resolve(self, token: Token, kinds: frozenset[str], ctx: Context) -> list[ActorRef]:
        """The actor a pronoun or "the bloc"/"the government" points back to."""
        lower = token.lower_
        pronoun = lower in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS
        if pronoun and token.dep_ == "poss":
            controller = self._object_controller(token, ctx)
            if controller:
                return controller
        here = ctx.sentence_number(token.i)
        if (
            lower in SINGULAR_PRONOUNS
            and token.dep_ in ("nsubj", "nsubjpass")
            and self._measure_subject_before(token, ctx)
            and not any(
                m.subject and m.sentence_i == here and m.token_i < token.i for m in ctx.mentions
            )
        ):
            # "The new round of sanctions will mark the anniversary. It will also include an
            # import ban": "it" is that measure, so its parts are its taker's
            taker = self._last_fact_actors(token, ctx)
            if taker:
                return taker
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
        acting = pronoun and is_agent(token)
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

    @staticmethod
    def _measure_subject_before(token: Token, ctx: Context) -> bool:
        """Whether the sentence before this one has a measure as its subject ("The new round
        of sanctions will ...")."""
        sent = ctx.sentence(token.i)
        if sent.start == 0:
            return False
        before = ctx.sentence(sent.start - 1).root
        subject = next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and any(t.i in ctx.triggers for t in subject.subtree)

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

    @staticmethod
    def _asked(matrix: Token, ctx: Context) -> Token | None:
        """The actor a request is made to: "asked Sweden", "called on Sweden"."""
        asked = [c for c in matrix.children if c.dep_ in ("dobj", "dative")]
        if not asked:
            asked = prep_objects(matrix, ("on", "upon"))
        if not asked or not any(t.i in ctx.ent_at for t in _own_phrase(asked[0])):
            return None
        return asked[0]

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

    def _last_fact_actors(self, token: Token, ctx: Context, window: int = 2) -> list[ActorRef]:
        """The actor of the measure reported just before, when the story goes on with it
        (a list item under "The package includes:" may sit a few sentences below)."""
        if not ctx.facts:
            return []
        last = ctx.facts[-1]
        if ctx.sentence_number(token.i) - self._fact_sentence(last, ctx) > window:
            return []
        return [ActorRef(str(last["actor"]), "country")]

    @staticmethod
    def _fact_sentence(fact: dict[str, Any], ctx: Context) -> int:
        span = ctx.doc.char_span(fact["start"], fact["end"], alignment_mode="expand")
        return ctx.sentence_number(span.start) if span is not None else 0

    # -- the measure's owner, and actors the clause names in passing ---------------------

    def _noun_trigger_actors(
        self, trigger: Token, ctx: Context
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        """("the EU's sanctions", "sanctions imposed by the EU") and ("US sanctions")."""
        owners: list[ActorRef] = []
        modifiers: list[ActorRef] = []
        undergone = undergone_by_owner(trigger)
        for child in trigger.children:
            if child.dep_ == "poss" and not owners and not undergone:
                owners = self._actors_of(child, ctx)
            elif child.dep_ in ("acl", "relcl") and not owners:
                agent = agent_of(child)
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
        if not owners and trigger.pos_ == "NOUN":
            # "the travel ban by the Security Council", "sanctions by the EU"
            for by in prep_objects(trigger, ("by",)):
                ent = ctx.ent_at.get(by.i)
                if ent is not None and ent.kind in STATE_KINDS:
                    owners = self._actors_of(by, ctx)
                    break
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
        for by in prep_objects(noun, ("by",)):
            # "a move by Britain, France and Germany to restore sanctions"
            refs = self._actors_of(by, ctx)
            if refs:
                return refs
        return []

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

    def _from_place(self, verb: Token, ctx: Context) -> list[ActorRef]:
        for place in prep_objects(verb, ("from",)):
            named = ctx.ent_at.get(place.i)
            if named is not None and named.kind in ("country", "group"):
                return [self._ref_for_ent(named, ctx.person_state)]
            owners = self._territory_states(place, ctx)  # "barred from Canadian airspace"
            if owners:
                return owners[:1]
        return []

    def _territory_states(self, place: Token, ctx: Context) -> list[ActorRef]:
        """The states whose territory a territory noun names ("Canadian airspace", "Peruvian
        territory"); none for any other word."""
        if place.lower_ not in self.territory_nouns:
            return []
        return [
            self._ref_for_ent(named, ctx.person_state)
            for owner in place.children
            if (named := ctx.ent_at.get(owner.i)) is not None and named.kind in ("country", "group")
        ]

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


# "world leaders", "global partners": everyone, so no one who acts.
WORLD_WORDS = frozenset({"world", "global"})


def _reporting_speaker(pronoun: Token) -> Token | None:
    """The subject of the reporting verb whose clause the pronoun is the subject of ("the
    minister said he would ...": the minister), if that is who the pronoun can only be."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lower_ not in REPORTING_VERBS:
        return None
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.lower_ in PERSON_PRONOUNS:
        return None
    return speaker


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


def _person_mention(mention: Mention, ctx: Context) -> bool:
    ent = ctx.ent_at.get(mention.token_i)
    return ent is not None and ent.kind == "person"


def region_group(ent: EntInfo, token: Token) -> ActorRef | None:
    """ "West African leaders", "Nordic countries": a region's states together, named by the
    whole phrase, not by the adjective (a region is no state)."""
    head = token.head
    if (
        ent.label_ == "NORP"
        and not ent.ent_id_
        and token.dep_ in ("amod", "compound")
        and head.lower_ in REGION_GROUP_HEADS
    ):
        return ActorRef(f"{ent.span.text} {head.text}", "group")
    return None


def undergone_by_owner(trigger: Token) -> bool:
    """ "his expulsion", "the envoy's expulsion" (no "of" phrase): the possessor is the one
    expelled, not the one who expels."""
    return trigger.lower_ in UNDERGONE_NOUNS and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children
    )
