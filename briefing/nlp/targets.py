"""Whom a measure falls on: ``TargetFinder``.

``_target_token`` picks the token (the object, the ``against/on/of/to`` phrase, "Iran
sanctions", the people "subjected to" it) and ``_describe_target`` names it with the number
stated ("recalled its ambassador from Georgia" -> Georgia, "visas for Pakistanis" -> Pakistan,
"the assets of 40 officials" -> officials, 40). A weak target (none, the actor's own, what is
withheld: ``_weak_target``) gives way to the state of the story (``_context_target``); a list
of states (``_coordinated_states``) makes one target each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Sequence

from spacy.tokens import Token

from briefing.model import joint_actors
from briefing.nlp.actors import ActorResolver, undergone_by_owner
from briefing.nlp.components import DURATION_UNITS, RELATION_NOUNS, is_high_commissioner
from briefing.nlp.context import ActorRef, Context, Located
from briefing.nlp.lexicon import (
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    SINGULAR_PRONOUNS,
    STATE_KINDS,
)
from briefing.nlp.syntax import contains, definite, first_conjunct, names_beside, prep_objects

# Nouns for a state's envoys: "expelled Belgium's ambassador" falls on Belgium.
ENVOY_NOUNS = frozenset(
    {"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "embassy"}
    | {"charge", "chargé", "consul", "attache", "attaché", "staff", "representative"}
)
TARGET_PREPS = ("against", "on", "upon", "of", "to", "from", "with", "targeting", "for")
# Nouns naming the act a measure stops, not what it falls on: "the issuance of visas".
PROCESS_NOUNS = frozenset(
    {"issuance", "issuing", "importation", "exportation", "resumption", "imposition"}
    | {"provision", "granting", "processing"}
)
# "its airspace", "their ambassadors": the actor's own, not whom a measure falls on
OWN_POSSESSIVES = frozenset({"its", "their", "our"})
# Words that count or measure what a measure falls on: "dozens of diplomats", "a range of US
# products", "16.6 billion Canadian dollars of American goods".
QUANTITY_WORDS = frozenset(
    {"dozens", "hundreds", "scores", "number", "thousands", "series", "range", "list"}
    | {"basket", "variety", "array", "host", "set", "dollars", "euros", "pounds", "yuan"}
    | {"worth", "billions", "millions", "tonnes", "tons", "barrels", "percent", "cent", "share"}
)
NOT_TARGET_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
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


# Nouns that name people only through what they belong to ("the head of the mission").
RELATIONAL_NOUNS = frozenset(
    {"head", "heads", "chief", "chiefs", "director", "directors", "member", "members"}
    | {"employee", "employees", "staff", "staffer", "staffers", "leader", "leaders"}
)
# What a state cuts with another: "cut trade ties", "suspended all commerce" name nobody.
TIE_NOUNS = RELATION_NOUNS | {"trade", "commerce", "dealings", "contacts"}
# Words for a state that point back to one named before: "the country", "the Gulf kingdom".
STATE_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})
# Words that stand for no one in particular: "doing nothing to help", "did not say how many".
INDEFINITE_WORDS = frozenset(
    {"nothing", "anything", "something", "everything", "many", "much", "few", "more", "most"}
)
# Lists a measure puts its targets on: "added 13 entities to its sanctions list".
LIST_NOUNS = frozenset({"list", "lists", "blacklist", "register"})


class TargetFinder(ActorResolver):
    """Finding and naming a measure's target (pronouns resolve through ``ActorResolver``)."""

    def _target_token(
        self, trigger: Token, found: Located, actors: Sequence[ActorRef], ctx: Context
    ) -> Token | None:
        candidates: list[Token] = []
        names = {a.canonical.lower() for a in actors}
        listed = first_conjunct(trigger)
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
                reached = [
                    obj
                    for gerund in prep_objects(trigger, ("from",))
                    for obj in prep_objects(gerund, ("in", "into", "with", "to"))
                ]
                if reached and any(self._names_own_side(c, names, ctx) for c in candidates):
                    # "banned US entities from investing in Chinese companies", by the US:
                    # its own people are barred; the measure falls on what they may not reach
                    candidates = reached
            candidates.extend(prep_objects(trigger, ("against", "on", "upon", "to", "of")))
            partners = [p for p in prep_objects(trigger, ("with",)) if self._names_party(p, ctx)]
            if partners and all(
                c.lower_ in self.generic_nouns and not self._names_other_actor(c, names, ctx)
                for c in candidates
            ):
                # "suspended all trade with Israel", "banned all forms of transactions with
                # Iranian firms" (the "with" read onto the verb): the partner cut off
                candidates = partners + candidates
        else:
            candidates.extend(prep_objects(trigger, TARGET_PREPS))
            if undergone_by_owner(trigger):
                # "informed of his expulsion": the one expelled
                candidates.extend(c for c in trigger.children if c.dep_ == "poss")
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
                candidates.extend(prep_objects(clause, ("on", "against", "at")))
                candidates.extend(c for c in clause.children if c.dep_ == "dobj")
        if trigger.pos_ in ("VERB", "AUX") and trigger.tag_ == "VBN" and trigger.dep_ == "acl":
            candidates.append(trigger.head)  # "his assets frozen by the government"
        if (
            trigger.dep_ in ("amod", "compound")
            and trigger.head.pos_ in ("NOUN", "PROPN")
            and trigger.head.lower_ not in LIST_NOUNS
        ):
            # "freezing assets"; not "its sanctions list", whose entries the verb names
            # ("added 13 entities to its sanctions list"), nor "a sanctions regime", whose
            # phrase or verb names whom it falls on ("set up a sanctions regime against ...")
            if trigger.head.lower_ in self.frame_nouns or trigger.pos_ in ("NOUN", "PROPN"):
                # a measure noun on another noun names a frame or a change of the measure
                # ("the Mali sanctions regime", "tariff increases on Turkish steel"): whom it
                # falls on is in that noun's phrase, never the noun itself
                frame = trigger.head
                candidates.extend(
                    c
                    for c in frame.children
                    if c.dep_ in ("compound", "amod") and c.i in ctx.ent_at and c != trigger
                )
                candidates.extend(prep_objects(frame, TARGET_PREPS))
            else:
                candidates.append(trigger.head)
        for verb in found.path[1:] if not candidates else ():
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            candidates.extend(prep_objects(verb, ("against", "on", "upon", "to")))
            candidates.extend(
                c for c in verb.children if c.dep_ == "dobj" and not contains(c, trigger)
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
        usable = []
        # Not over a copy: an amount adds what it is on ("tariffs on $60 billion of US goods").
        for candidate in candidates:
            if candidate.ent_type_ in NOT_TARGET_ENTITIES:
                # "tariffs of 25 percent on steel": what the amount is on; "block $7 billion
                # in PDVSA assets": what the amount is of
                candidates.extend(prep_objects(candidate, ("on", "of", "against", "in")))
                continue
            ent = ctx.ent_at.get(candidate.i)
            if ent is not None and ent.canonical.lower() in names:
                continue
            if candidate.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "VERB"):
                continue
            if (
                candidate.lower_ in self.non_targets
                or candidate.lower_ in INDEFINITE_WORDS
                or names_beside(candidate)  # "sanctions on top of the bans": no target
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

    def _imposing_through(self, prep: Token, verb: Token) -> bool:
        """The preposition brings in a measure its verb imposes on the verb's object:
        "subjected them to an asset freeze", "hit Russia with sanctions" (not "comply with")."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False  # "subject to sanctions" (an adjective) suffers the measure
        lemma = self.lemma(verb)
        if prep.lower_ == "to":
            return lemma in self.subjecting_verbs
        return prep.lower_ == "with" and lemma in self.imposing_with_verbs

    def _names_party(self, token: Token, ctx: Context) -> bool:
        """A state, body or person, or people or firms ("Iranian firms"): who a measure can
        fall on, not a manner ("with immediate effect")."""
        return (
            token.i in ctx.ent_at
            or token.lower_ in self.target_nouns
            or any(c.dep_ in ("amod", "compound") and c.i in ctx.ent_at for c in token.children)
        )

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
        if (
            lower in STATE_NOUNS
            and definite(token)
            and not any(c.dep_ in ("poss", "prep") for c in token.children)
        ):
            # "transactions with the country", "the West African nation": the state named
            # before, not the word
            before = next(
                (
                    m.actor.canonical
                    for m in reversed(ctx.mentions)
                    if m.token_i < token.i
                    and m.actor.kind == "country"
                    and m.actor.canonical.lower() not in names
                ),
                None,
            )
            if before is not None:
                return before, None
        if lower in PROCESS_NOUNS and depth < 3:
            # "suspended the issuance of visas to US citizens", "banned the importation of
            # farm goods from Malawi": the act is no target; whom or what it concerns is
            carried = next(iter(prep_objects(token, ("of",))), None)
            if carried is not None:
                # "to" hung on the visas, on the act or on the verb
                holders = [carried, token] + ([token.head] if token.dep_ == "dobj" else [])
                receivers = [r for holder in holders for r in prep_objects(holder, ("to",))]
                return self._describe_target(
                    receivers[0] if receivers else carried, actors, ctx, depth + 1
                )
        if token.pos_ == "NUM" and depth < 3:
            # "withdrew 41 of its diplomats": the diplomats, 41 of them
            for pobj in prep_objects(token, ("of",)):
                deeper, _ = self._describe_target(pobj, actors, ctx, depth + 1)
                return deeper, _number(token)
        ent = ctx.ent_at.get(token.i)
        if ent is not None and ent.label_ != "NORP" and ent.root.i == token.i:
            return ent.canonical, None
        if lower in ENVOY_NOUNS or is_high_commissioner(token):
            state = self._envoy_state(token, names, ctx)
            if state:
                return state, _quantity(token)
        beneficiaries = prep_objects(token, ("for",))
        if token.dep_ == "dobj":
            beneficiaries += prep_objects(token.head, ("for",))
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
                return _phrase(pobj, ctx.triggers), _quantity(pobj)
        if lower in self.generic_nouns and depth < 3:
            for owner in prep_objects(token, ("of",)):
                if owner.lower_ in self.target_nouns:
                    # "the assets of 40 officials in Minsk": the officials, not Belarus
                    return _phrase(owner, ctx.triggers), _quantity(owner)
        framed = lower in self.frame_nouns and any(c.i in ctx.triggers for c in token.children)
        if (lower in self.covering_nouns or lower in QUANTITY_WORDS or framed) and depth < 3:
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
                    return _phrase(noun, ctx.triggers), _quantity(token)
                return inner_ent.canonical, _quantity(token)
            for pobj in prep_objects(token, ("of", "to", "from", "with", "on", "against")):
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
        return _phrase(token, ctx.triggers), _quantity(token)

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
            *prep_objects(token, ("to", "in", "from")),
            *prep_objects(verb, ("from", "to")),
        ]:
            ent = ctx.ent_at.get(place.i)
            if ent is not None and ent.kind in STATE_KINDS and ent.canonical.lower() not in names:
                return ent.canonical
        return None

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
        withheld = (
            words[-1] in self.aid_nouns or words[-1] in QUANTITY_WORDS or words[-1] in TIE_NOUNS
        )
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
        imposers = {name.lower() for f in ctx.facts for name in joint_actors(str(f["actor"]))}
        for mention in ctx.mentions:
            name = mention.actor.canonical
            if mention.actor.kind != "country" or name.lower() in names:
                continue
            states[name] += 1
            first.setdefault(name, mention.token_i)
        known = [t for t in targets if t in states]
        if known:
            return max(known, key=lambda t: (targets[t], -first[t]))
        # A state that took a measure itself is not the one this falls on, unless no other
        # state is named: in a tit-for-tat story, the other side ("Turkey raised tariffs on
        # American goods ... the White House threatened further tariff increases").
        candidates = [s for s in states if s.lower() not in imposers] or list(states)
        if not candidates:
            return None
        return max(candidates, key=lambda s: (states[s], -first[s]))

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


def _phrase(token: Token, measures: Container[int] = ()) -> str:
    """The noun phrase headed by ``token`` as written, without leading determiners and numbers
    ("Russian diplomats", "Russia's two main intelligence services, the GRU and the FSB"); it
    stops at a measure of its own joined to it (``measures``: the triggers' token indices)."""
    lefts = [
        t
        for t in token.lefts
        if t.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod", "nummod", "det")
    ]
    start = min([t.left_edge.i for t in lefts] + [token.i])
    end = token.i + 1
    # "the expulsion of two diplomats and the closure of the consulate": the closure is a
    # measure of its own, not more of whom the expulsion falls on
    for right in token.rights:
        if right.i in measures:
            break
        if (right.dep_ == "conj" and right.pos_ == "NOUN") or _naming_apposition(right):
            end = max(end, right.right_edge.i + 1)
        elif right.dep_ == "prep" and right.lower_ == "of" and token.lower_ in RELATIONAL_NOUNS:
            # "the head of a Venezuelan trade mission", "three employees of the embassy": the
            # noun alone names nobody
            end = max(end, _edge_before_clauses(right) + 1)
    doc = token.doc
    while start < token.i and (
        doc[start].dep_ in ("det", "nummod", "quantmod", "punct", "cc", "predet")
        or doc[start].pos_ in ("DET", "NUM")
    ):
        start += 1
    span = doc[start:end]
    return " ".join(span.text.split()) or token.text


def _edge_before_clauses(token: Token) -> int:
    """The last token of ``token``'s phrase before any clause or punctuation on its right
    ("of an anti-graft unit", not "... seeking to investigate his campaign")."""
    edge = token.i
    for child in token.rights:
        if child.dep_ in ("acl", "relcl", "advcl", "punct"):
            break
        edge = max(edge, _edge_before_clauses(child))
    return edge


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
