"""How far along a measure is: ``StatusReader``.

``_status`` reads it from the words on the path from the trigger up to its clause ("is expected
to" -> planned, "has already imposed" -> in_force, "threatened to" -> threatened, "could" ->
considered, "would not support" -> rejected, "lifted" -> lifted; "announced" when nothing says
otherwise). The readings ``facts.py`` applies around it live here too: a refusal above the
measure (``_refused``), a plan told by unnamed officials (``_reported_plan``), a condition
("unless", "if": ``conditional``), a measure left open ("an option": ``_left_open``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from spacy.tokens import Token

from briefing.nlp.components import LIST_NOUNS
from briefing.nlp.context import ActorRef, Context
from briefing.nlp.lexicon import (
    COPULAS,
    MODALS,
    REPORTING_VERBS,
    REQUEST_WORDS,
    STILL_VERBS,
    Lexicon,
)
from briefing.nlp.syntax import has_negation, names_beside, prep_objects

# A clause under these conjunctions states a condition, not a measure: "unless Mexico stops ...".
CONDITION_MARKS = frozenset({"unless", "if"})
# Putting off the end of a measure keeps it: "delayed a decision on lifting the ban".
POSTPONING_WORDS = frozenset(
    {"postpone", "postpones", "postponed", "delay", "delays", "delayed", "defer", "deferred"}
    | {"shelve", "shelved", "stall", "stalled", "hold", "held"}
)
UNNAMED_SOURCES = frozenset(
    {"officials", "official", "sources", "source", "diplomats", "diplomat", "people", "person"}
    | {"insiders", "aides", "aide"}
)
OPPOSITION_NOUNS = frozenset({"opposition", "objection", "objections", "veto", "resistance"})
# Adverbs that bear on a measure's status ("has already imposed", "not yet"); others
# ("raised tariffs back to 50 percent") do not.
STATUS_ADVERBS = frozenset(
    {"already", "still", "yet", "possibly", "potentially", "soon", "never", "longer", "now"}
    | {"previously", "formally", "not", "n't", "far"}
)
IN_FORCE_NOUNS = frozenset({"force", "effect", "place"})
# A vote that defeats what it is on: "voted down an effort to block arms sales", "voted against
# the motion to expel the ambassador"
DEFEATING_VOTES = {"vote": frozenset({"down", "against"}), "strike": frozenset({"down"})}
# A step announced now for the days ahead reads as announced, whatever "will" says.
FUTURE_MODALS = frozenset({"will", "'ll", "shall"})
ANNOUNCING_WORDS = frozenset({"announce", "announces", "announced", "unveiled", "decided"})
# "rather than imposing sanctions", "instead of sanctions": the step passed over for another
PASSED_OVER = (("rather", "than"), ("instead", "of"))
# Keeping a measure that stands: "will maintain its export ban" (in force, not planned).
CONTINUING_VERBS = frozenset({"maintain", "keep", "retain", "extend", "renew", "continue"})


class StatusReader(Lexicon):
    """Reading a measure's status: the rules read the lists ``Lexicon`` loads."""

    def _status(self, trigger: Token, path: Sequence[Token]) -> str:
        beside = next((i for i, token in enumerate(path) if names_beside(token)), None)
        if beside is not None:
            # "sanctions on top of the travel bans already targeting him", "in addition to
            # the embargo": a measure named beside another stands; the words above it are the
            # other's ("was not considering additional sanctions on top of ...")
            status = self._own_status(trigger, path[:beside])
            return "in_force" if status == "announced" else status
        return self._own_status(trigger, path)

    def _own_status(self, trigger: Token, path: Sequence[Token]) -> str:
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
            for pobj in prep_objects(verb, ("into", "in")):
                if pobj.lower_ in IN_FORCE_NOUNS:
                    cues.append(pobj)
        # the measure's words never set its own status: "by halting arms purchases", with
        # "halting" parsed as the purchases' modifier, is the measure, not a lifting of it;
        # the words of "most-favoured-nation" are not "favoured" (considered)
        # nor does its particle ("called back its envoy": "back" supports nothing)
        cues = [
            c
            for c in cues
            if not _same_word(c, trigger)
            and not (c.dep_ == "prt" and c.head.i == trigger.i)
            and not _so_called(c)
        ]
        lowers = {c.lower_ for c in cues}
        lemmas = {self.lemma(c) for c in cues}
        if lemmas & self.drafting_verbs and lemmas & self.request_verbs:
            # "asked the Commission to prepare new sanctions": only being talked of
            return "considered"
        if any(
            self.lemma(verb) in self.short_verbs and any(c.lower_ == "short" for c in verb.children)
            for verb in path[1:6]
        ):
            return "rejected"  # "stopping short of announcing sanctions": not taken
        if any(
            token.lower_ in self.premature_words and any(c.lower_ == "too" for c in token.children)
            for token in path[1:4]
        ):
            return "rejected"  # "it was too soon to impose a travel ban": not now
        if any(_passed_over(token) for token in path[:3]):
            return "rejected"  # "persuasion rather than imposing sanctions": not taken
        if any(
            c.lower_ in DEFEATING_VOTES.get(self.lemma(verb), ())
            and c.dep_ in ("prt", "prep", "advmod")
            for verb in path[1:5]
            for c in verb.children
        ):
            return "rejected"
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
        if any(
            self.lemma(token) in self.intent_nouns
            and token.dep_ in ("dobj", "nsubjpass")
            and self.lemma(token.head) in self.abandoning_verbs
            for token in path[1:4]
        ):
            return "rejected"  # "abandoned his intention to expel", "scrapped plans to impose"
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
        planned_by: set[str] = set()
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
                    if name == "planned":
                        planned_by.add(word)
        if any(
            t.lower_ in LIST_NOUNS and t.dep_ == "pobj" and t.head.lower_ in ("from", "off")
            for t in path
        ):
            found["lifted"] = True  # "struck the group off its list of terrorist organisations"
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
        if found["planned"] and found["in_force"] and lemmas & CONTINUING_VERBS:
            return "in_force"  # "will maintain its export ban": it stands, and will go on
        announcing = bool(lowers & ANNOUNCING_WORDS) or (
            top.dep_ == "ccomp" and top.head.lower_ in ANNOUNCING_WORDS
        )
        if found["planned"] and planned_by <= FUTURE_MODALS and announcing:
            # "Britain has announced that it will freeze the assets", "Bulgaria will expel 70
            # diplomats, the prime minister announced": decided now, done next
            return "announced"
        if not any(found.values()) and _past_perfect(trigger, path):
            return "in_force"  # "Malawi had banned imports of maize": before the story's news
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

    def _refused(self, path: Sequence[Token]) -> bool:
        """A verb above the measure refuses it: "would not back", "refused to enforce"."""
        return any(
            verb.pos_ in ("VERB", "AUX")
            and (has_negation(verb) or verb.lower_ in self.status_words["rejected"])
            for verb in path[1:]
        )

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

    def _left_open(self, clause: Token) -> bool:
        """A measure said to be an option: "are an option", "remain on the table"."""
        if clause.lower_ not in COPULAS | STILL_VERBS or has_negation(clause):
            return False
        said = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
        said += prep_objects(clause, ("on",))
        return any(c.lower_ in self.open_words for c in said)


def condition_clause(node: Token) -> bool:
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children
    )


def conditional(path: Sequence[Token]) -> bool:
    """A measure promised on a condition: "would impose tariffs unless Mexico acts", "vowed
    to impose export controls in case of an invasion"."""
    return any(
        (
            any(c.dep_ == "advcl" and condition_clause(c) for c in verb.children)
            and any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)
        )
        or any(
            case.lower_ in ("case", "event") and any(p.lower_ == "of" for p in case.children)
            for case in prep_objects(verb, ("in",))
        )
        for verb in path
        if verb.pos_ in ("VERB", "AUX")
    )


def _past_perfect(trigger: Token, path: Sequence[Token]) -> bool:
    """ "had banned", "had been expelled": a step taken before the story's news, unless a
    reporting verb backshifts it ("said it had expelled three diplomats" reports it now)."""
    verb = next((v for v in path if v.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ != "VBN":
        return False
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children):
        return False
    return not any(node.dep_ == "ccomp" and node.head.lower_ in REPORTING_VERBS for node in path)


def _same_word(token: Token, trigger: Token) -> bool:
    """The token is written in one word with the trigger ("most-favoured-nation")."""
    low, high = sorted((token.i, trigger.i))
    return not any(t.whitespace_ for t in token.doc[low:high])


def _counterfactual(verb: Token) -> bool:
    """ "would have imposed", "could have frozen": what did not happen."""
    if verb.tag_ != "VBN":
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "have" in aux and bool(aux & {"would", "could", "might", "should"})


def _is_modifier(token: Token) -> bool:
    if token.dep_ == "advmod":
        return token.lower_ in STATUS_ADVERBS
    return token.dep_ in ("aux", "auxpass", "neg", "amod", "prt", "det", "acomp")


def _passed_over(token: Token) -> bool:
    """The phrase of ``token`` follows "rather than" or "instead of"."""
    start = token.left_edge.i
    if start < 2:
        return False
    doc = token.doc
    return (doc[start - 2].lower_, doc[start - 1].lower_) in PASSED_OVER


def _so_called(token: Token) -> bool:
    """The "called" of "so-called": naming, no call for anything."""
    doc = token.doc
    if token.lower_ != "called" or token.i < 1:
        return False
    before = doc[token.i - 1].lower_
    return before in ("so", "so-") or (
        before == "-" and token.i >= 2 and doc[token.i - 2].lower_ == "so"
    )
