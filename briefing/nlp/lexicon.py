"""The words the fact rules test.

Closed word sets that several rule modules share (pronouns, copulas, modals, measure words), and
``Lexicon``: the lemma lookup and the word lists read from ``actors.json`` and ``measures.json``,
once, when the component is built (never per document). Every rule class derives from it:
``ActorResolver`` (``actors.py``), ``StatusReader`` (``status.py``), ``TargetFinder``
(``targets.py``) and ``FactExtractor`` (``facts.py``).
"""

from __future__ import annotations

from briefing.nlp import gazetteer
from briefing.nlp.components import Lemmas

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "hers"})
REPORTING_VERBS = frozenset(
    {"said", "says", "told", "added", "stated", "wrote", "tweeted", "declared", "insisted"}
)
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
STATE_KINDS = frozenset({"country", "group", "organization"})
DEMAND_VERBS = frozenset(
    {"demand", "demands", "demanded", "demanding", "insist", "insists", "insisted", "urge"}
    | {"urges", "urged", "ask", "asks", "asked", "request", "requested", "requests"}
)
# Asking someone else to act: "asked/urged/called on Sweden to lift its embargo". Not "press":
# "pressing ahead with lifting sanctions" lifts them.
REQUEST_WORDS = DEMAND_VERBS | frozenset({"call", "calls", "called", "calling"})
COPULAS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "'re", "remains"})
MODALS = frozenset({"could", "may", "might", "would", "will", "should", "can", "'ll", "shall"})
MEASURE_WORDS = frozenset(
    {"sanctions", "measures", "package", "ban", "bans", "restrictions", "embargo", "steps"}
    # "The measure also bans ...", "The resolution also adds ...": the measure just reported
    | {"measure", "step", "resolution", "decree", "order"}
)
# "his expulsion", "the ambassador's expulsion": whose expulsion is who is expelled (unlike
# "Russia's expulsion of 23 diplomats" or "the EU's sanctions", whose owner acts).
UNDERGONE_NOUNS = frozenset({"expulsion", "expulsions", "ouster"})
# "The duties remain in force": verbs saying a measure is still there.
STILL_VERBS = frozenset(
    {"remain", "remains", "remained", "stay", "stays", "stayed", "continue", "continues"}
)


class Lexicon:
    """The lemma lookup and the word lists of ``actors.json`` and ``measures.json``."""

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
        self.said_of_triggers = frozenset(t["id"] for t in measures["triggers"] if t.get("said_of"))
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
        self.short_verbs = frozenset(lemma_rules["short_verbs"])
        self.premature_words = frozenset(lemma_rules["premature_words"])
        self.stopping_verbs = frozenset(lemma_rules["stopping_verbs"])
        self.instrument_nouns = frozenset(lemma_rules["instrument_nouns"])
        self.subjecting_verbs = frozenset(lemma_rules["subjecting_verbs"])
        self.listing_verbs = frozenset(lemma_rules["listing_verbs"])
        self.non_state_agents = frozenset(lemma_rules["non_state_agents"])
        self.hazard_words = frozenset(lemma_rules["hazard_words"])
        self.alternative_verbs = frozenset(lemma_rules["alternative_verbs"])
        self.holding_verbs = frozenset(lemma_rules["holding_verbs"])
        self.intent_nouns = frozenset(lemma_rules["intent_nouns"])
        self.own_side_nouns = frozenset(lemma_rules["own_side_nouns"])
        self.legislature_nouns = frozenset(lemma_rules["legislature_nouns"])
        # what a legislature does when it only proposes a measure: votes for it, a bill
        self.legislative_steps = (
            frozenset(lemma_rules["voting_verbs"]) | self.proposing_verbs | self.proposal_nouns
        )
        self.entry_verbs = frozenset(lemma_rules["entry_verbs"])
        self.abandoning_verbs = frozenset(lemma_rules["abandoning_verbs"])
        self.aid_nouns = frozenset(measures["aid_nouns"])
        self.frame_nouns = frozenset(measures["frame_nouns"])
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
