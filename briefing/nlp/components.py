"""spaCy components of the briefing pipeline, registered with spaCy's registry on import.

- ``briefing_pos`` (after the tagger): coarse POS from the tags, instead of the attribute_ruler.
- ``briefing_paragraph_breaks`` (before the parser): a paragraph break, and the end of a wire
  dateline, always start a sentence.
- ``entity_ruler`` named ``briefing_gazetteer`` (before the NER, added in ``analyzer.py``):
  countries, demonyms, capitals and seat metonyms, blocs, organizations and leaders, with the
  canonical name as pattern id.
- ``briefing_actors``: drops implausible entities (site chrome such as "Cookie"), sets
  ``Span._.canonical`` and ``Span._.actor_kind`` on every actor entity.
- ``briefing_measures``: a PhraseMatcher over the triggers of ``data/measures.json``, typed by
  the trigger's syntactic neighbourhood; the result is the span group ``doc.spans["measures"]``
  (label = measure type, ``Span._.trigger`` = index of the syntactic anchor token).

The facts component lives in ``facts.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup, Token

from briefing.nlp import gazetteer
from briefing.nlp.syntax import causative_participle, prep_objects

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
MEASURES_KEY = "measures"

# Dependency relations through which a trigger's neighbourhood is read for cue words.
NEIGHBOUR_DEPS = frozenset(
    {"dobj", "pobj", "prep", "compound", "amod", "nsubjpass", "nmod", "npadvmod", "prt"}
    | {"attr", "oprd", "pcomp", "appos", "poss", "conj", "dative", "acomp", "relcl", "acl"}
)
GERUND_OBJECT_DEPS = frozenset({"xcomp", "csubjpass"})
LIST_NOUNS = frozenset({"list", "lists", "register", "blacklist", "roster"})
# Prepositions that introduce a reason or a time, not what a measure falls on.
NON_TARGET_PREPS = frozenset(
    {"over", "after", "before", "during", "amid", "despite", "following", "since", "until"}
    | {"as", "like", "because", "in", "at", "by", "for"}
)


# A place inside a club's or a company's name is no actor: "Real Madrid", "Qatar Airways".
CLUB_PREFIXES = frozenset(
    {"real", "atletico", "atlético", "inter", "ac", "fc", "olympique", "sporting", "dynamo"}
    | {"dinamo", "spartak", "lokomotiv", "cska", "racing", "deportivo", "borussia"}
)
COMPANY_SUFFIXES = frozenset(
    {"airways", "airlines", "telecom", "telecoms", "motors", "petroleum", "holdings"}
    | {"fc", "united", "wanderers", "rovers", "athletic"}
)
DATELINE_DASHES = frozenset({"—", "–", "--", "-", "—-"})
# "New Delhi, Jan 25:", "Islamabad, March 3 (APP) -": a dated dateline ends at its colon or dash
DATELINE_MONTHS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
    | {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december"}
)
# The time given to leave ("48 hours to leave"), which the parser may make the verb's head.
DURATION_UNITS = frozenset({"hours", "hour", "days", "day", "weeks", "week", "months", "month"})
FUNCTION_WORDS = frozenset(
    {"from", "with", "against", "over", "into", "about", "their", "them", "those", "these"}
    | {"this", "that", "which", "other", "more", "most", "some", "such", "also"}
)


BASE_FORM_TAGS = frozenset({"VB", "VBP", "NN", "NNP", "JJ"})


class Lemmas:
    """The lemma of a token, asked for one token at a time: the model's rule lemmatizer is
    loaded but disabled (running it over every token costs more than the rules need), so the
    fact rules look up only the words they test ("described" -> "describe", "urging" ->
    "urge"), each word form and POS once per process. Without a lemmatizer (a custom model)
    the lower-cased form stands in."""

    def __init__(self, nlp: Language) -> None:
        try:
            self._lemmatizer: Any = nlp.get_pipe("lemmatizer")
        except KeyError:
            self._lemmatizer = None
        self._cache: dict[tuple[int, str], str] = {}

    def __call__(self, token: Token) -> str:
        key = (token.orth, token.pos_)
        found = self._cache.get(key)
        if found is None:
            found = token.lower_
            # The rule lemmatizer reads a base form from morphology this pipeline does not set
            # ("press" would lose its "s"): the tag says it is one already.
            if (
                self._lemmatizer is not None
                and token.pos_ in ("VERB", "NOUN", "ADJ", "AUX")
                and token.tag_ not in BASE_FORM_TAGS
            ):
                try:
                    found = self._lemmatizer.rule_lemmatize(token)[0].lower()
                except (IndexError, KeyError, ValueError):  # pragma: no cover - defensive
                    found = token.lower_
            self._cache[key] = found
        return found


def register_extensions() -> None:
    """Declare the Doc/Span attributes the pipeline writes (idempotent)."""
    if not Span.has_extension("canonical"):
        Span.set_extension("canonical", default=None)
    if not Span.has_extension("actor_kind"):
        Span.set_extension("actor_kind", default=None)
    if not Span.has_extension("trigger"):
        Span.set_extension("trigger", default=None)
    if not Doc.has_extension("measures"):
        Doc.set_extension("measures", getter=_doc_measures)
    if not Doc.has_extension("actors"):
        Doc.set_extension("actors", getter=_doc_actors)
    if not Doc.has_extension("facts"):
        Doc.set_extension("facts", default=None)


def _doc_measures(doc: Doc) -> list[Span]:
    return list(doc.spans[MEASURES_KEY]) if MEASURES_KEY in doc.spans else []


def _doc_actors(doc: Doc) -> list[Span]:
    return [ent for ent in doc.ents if ent._.canonical]


register_extensions()


# Penn Treebank tags to Universal POS, as the model's attribute_ruler maps them: the rules read
# coarse POS, and a dict lookup per token costs a fraction of the attribute_ruler's matching.
TAG_TO_POS = {
    "$": "SYM", "''": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", ".": "PUNCT",
    ":": "PUNCT", "ADD": "X", "AFX": "ADJ", "CC": "CCONJ", "CD": "NUM", "DT": "DET",
    "EX": "PRON", "FW": "X", "HYPH": "PUNCT", "IN": "ADP", "JJ": "ADJ", "JJR": "ADJ",
    "JJS": "ADJ", "LS": "X", "MD": "AUX", "NFP": "PUNCT", "NIL": "X", "NN": "NOUN",
    "NNP": "PROPN", "NNPS": "PROPN", "NNS": "NOUN", "PDT": "DET", "POS": "PART", "PRP": "PRON",
    "PRP$": "PRON", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP", "SYM": "SYM",
    "TO": "PART", "UH": "INTJ", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB",
    "VBP": "VERB", "VBZ": "VERB", "WDT": "PRON", "WP": "PRON", "WP$": "PRON", "WRB": "ADV",
    "XX": "X", "_SP": "SPACE", "``": "PUNCT",
}  # fmt: skip
AUXILIARIES = frozenset(
    {"be", "is", "am", "are", "was", "were", "been", "being", "'s", "'re", "'m", "have", "has"}
    | {"had", "having", "'ve", "'d", "do", "does", "did", "will", "would", "shall", "should"}
    | {"can", "could", "may", "might", "must", "ca", "wo", "'ll"}
)


@Language.component("briefing_pos")
def coarse_pos(doc: Doc) -> Doc:
    """Universal POS from the tagger's fine tags (stands in for the excluded attribute_ruler)."""
    for token in doc:
        pos = TAG_TO_POS.get(token.tag_, "X")
        if pos == "VERB" and token.lower_ in AUXILIARIES:
            pos = "AUX"
        token.pos_ = pos
    return doc


@Language.component("briefing_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break starts a new sentence: paragraphs never run into each other. A wire
    dateline ("CANBERRA, Australia — China will ...") is a sentence of its own, so that the
    place does not become the subject of the story's first sentence."""
    starts = [0] if len(doc) else []
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
            starts.append(token.i)
    # A page may repeat its dateline ("SAO PAULO — SAO PAULO (AP) — Brazil will ..."): the
    # sentence after one is read for another.
    for start in starts:
        first = doc[start]
        if first.is_alpha and first.is_upper and len(first) >= 3:
            ends = DATELINE_DASHES  # "CANBERRA, Australia —"
        elif first.is_title and _dated_dateline(doc[start : start + 10]):
            ends = DATELINE_DASHES | {":"}  # "New Delhi, Jan 25:"
        elif _agency_dateline(doc[start : start + 10]):
            ends = DATELINE_DASHES  # "(JTA) —", "Hanoi (VNA) –"
        else:
            continue
        for token in doc[start + 1 : start + 10]:
            if token.text in ends and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True
                starts.append(token.i + 1)  # always further on: the loop ends
                break
    return doc


def _agency_dateline(opening: Span) -> bool:
    """A news agency in brackets, after at most a place and a date, then a dash: "(JTA) —",
    "Hanoi (VNA) –", "Islamabad, May 3 (APP) -"; or in square brackets before the place:
    "[VOA] Washington --"."""
    if len(opening) and opening[0].text == "[":
        close = next((t.i for t in opening[1:5] if t.text == "]"), None)
        if close is None:
            return False
        for token in opening.doc[close + 1 : opening.end]:
            if token.text in DATELINE_DASHES:
                return token.i > close + 1
            if not (token.is_title or token.is_upper or token.text == ","):
                return False
        return False
    for at, token in enumerate(opening):
        if token.text == "(":
            close = next((t.i for t in opening[at + 1 : at + 5] if t.text == ")"), None)
            if close is None or close + 1 >= opening.end:
                return False
            return opening.doc[close + 1].text in DATELINE_DASHES
        if not (token.is_title or token.is_upper or token.like_num or token.text == ","):
            return False
    return False


def _dated_dateline(opening: Span) -> bool:
    """A place, a comma, then a month and day before a colon or dash: "New Delhi, Jan 25:"."""
    words = [t.lower_.rstrip(".") for t in opening]
    if "," not in words:
        return False
    for at, word in enumerate(words[:-2]):
        if word in DATELINE_MONTHS and opening[at + 1].like_num:
            rest = [t.text for t in opening[at + 2 : at + 6]]
            return any(text == ":" or text in DATELINE_DASHES for text in rest)
    return False


@Language.factory("briefing_actors")
def make_actor_resolver(nlp: Language, name: str) -> ActorResolver:
    return ActorResolver()


class ActorResolver:
    """Keeps plausible actor entities and gives each a canonical name and a kind."""

    def __init__(self) -> None:
        data = gazetteer.actor_data()
        self.chrome_words = frozenset(data["chrome_words"])
        self.table = gazetteer.lookup_table()
        self.leader_surnames = gazetteer.leader_surnames()

    def __call__(self, doc: Doc) -> Doc:
        kept: list[Span] = []
        actors: list[Span] = []
        carriers: set[int] = set()
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                kept.append(ent)
                continue
            entry = self._entry(ent)
            if (ent.label_ == "LOC" and entry is None) or not self._plausible(ent):
                continue
            carrier = _flag_carrier(ent)
            if carrier is not None:
                # "Air India suspended its flights": the airline, not the state
                ent, entry = carrier, None
                carriers.add(ent.start)
            if ent.label_ in ("GPE", "LOC") and (_inside_a_name(ent) or ent[-1].lower_ == "of"):
                # "the Republic of" cut before "Moldova": the place after it is the state
                continue
            if (
                ent.label_ == "ORG" or (ent.label_ == "GPE" and entry is None)
            ) and ent.text in self.leader_surnames:
                # The model reads a bare leader's surname opening a sentence ("Trump said he
                # would impose tariffs") as an organization, or the "Leyen" of "von der Leyen"
                # as a place it does not know: it is the person.
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            kept.append(ent)
            actors.append(ent)
        doc.ents = kept
        starts = {ent.start: ent for ent in actors}
        surnames = self._person_names(actors)
        # (a carrier's tokens keep the state's id from the ruler: never its entry)
        entries = {ent.start: None if ent.start in carriers else self._entry(ent) for ent in actors}
        departments = _department_words(actors, entries)
        for ent in actors:
            entry = entries[ent.start]
            if entry is None and ent.label_ == "ORG" and ent.start not in carriers:
                # "the Treasury Department ... Treasury also removed": the state's department
                entry = departments.get(_clean_name(ent.text))
            if entry is not None:
                ent._.canonical, ent._.actor_kind = entry.canonical, entry.kind
            elif ent.label_ == "PERSON":
                name = _clean_name(ent.text)
                ent._.canonical, ent._.actor_kind = surnames.get(name, name), "person"
            else:
                kind = {"GPE": "country", "NORP": "group"}.get(ent.label_, "organization")
                ent._.canonical, ent._.actor_kind = _clean_name(_whole_name(ent, starts)), kind
        return doc

    def _entry(self, ent: Span) -> gazetteer.GazetteerEntry | None:
        if ent.ent_id_:
            return self.table.get(ent.ent_id_)
        if ent.label_ == "PERSON":
            return None
        return gazetteer.lookup(ent.text)

    def _plausible(self, ent: Span) -> bool:
        text = ent.text
        if len(text) > 80 or not any(ch.isalpha() for ch in text):
            return False
        if any(mark in text for mark in ("@", "http", "www.", "/", "\\", "|")):
            return False
        words = [t for t in ent if t.lower_ not in ("the", "a")]
        if not words:
            return False
        # Names start with a capital or a digit ("G7"); gazetteer names may not ("al-Qaeda").
        if not (words[0].text[0].isupper() or words[0].text[0].isdigit() or ent.ent_id_):
            return False
        # Page chrome the model mistakes for names: "Cookie", "Privacy", "Register".
        return not any(t.lower_ in self.chrome_words for t in ent)

    @staticmethod
    def _person_names(actors: Iterable[Span]) -> dict[str, str]:
        """A later bare surname ("Kishida") resolves to the full name used before."""
        names: dict[str, str] = {}
        for ent in actors:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                full = _clean_name(ent.text)
                names.setdefault(full.split()[-1], full)
        return names


def _whole_name(ent: Span, starts: dict[int, Span]) -> str:
    """An organization's name the gazetteer cut at its place: "the Central Bank of" before
    "Nigeria" (a country it knows) is named "Central Bank of Nigeria", never "Central Bank of".
    The place stays an entity of its own, so the state is still read from the phrase."""
    place = starts.get(ent.end)
    if ent.label_ != "ORG" or ent[-1].lower_ != "of" or place is None:
        return ent.text
    return ent.doc[ent.start : place.end].text


def _inside_a_name(ent: Span) -> bool:
    """ "Real Madrid", "Qatar Airways": the place names a club or a company, not a state."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and before.lower_ in CLUB_PREFIXES and before.text[:1].isupper():
        return True
    return after is not None and after.lower_ in COMPANY_SUFFIXES and after.text[:1].isupper()


def _department_words(
    actors: Iterable[Span], entries: dict[int, gazetteer.GazetteerEntry | None]
) -> dict[str, gazetteer.GazetteerEntry]:
    """The names of a state's departments written in full in the doc ("the Treasury
    Department", "the U.S. Treasury", "the Department of Commerce") by the word that names each
    alone later ("Treasury", "Commerce"), where that word belongs to one state only. ``entries``
    holds each actor's gazetteer entry, by its first token."""
    words: dict[str, gazetteer.GazetteerEntry | None] = {}
    for ent in actors:
        entry = entries[ent.start]
        if ent.label_ != "ORG" or entry is None or entry.kind != "country" or len(ent) < 2:
            continue
        for token in ent:
            word = token.text
            if not word[:1].isupper() or word in ("Department", "Ministry", "The", "Of"):
                continue
            if gazetteer.lookup(word) is not None:
                continue  # "U.S." of "U.S. Treasury": a name of its own
            seen = words.get(word, entry)
            words[word] = entry if seen == entry else None
    return {word: entry for word, entry in words.items() if entry is not None}


def _flag_carrier(ent: Span) -> Span | None:
    """ "Air India", "Air France": an airline named after its state, as a plain organization
    (whether the model tagged the state alone or the whole name, which the gazetteer would
    read as the state)."""
    doc = ent.doc
    if ent.label_ == "GPE" and ent.start > 0 and doc[ent.start - 1].text == "Air":
        return Span(doc, ent.start - 1, ent.end, label="ORG")
    if ent.label_ == "ORG" and len(ent) >= 2 and ent[0].text == "Air" and ent.ent_id_:
        return ent
    return None


def _clean_name(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text[:4].lower() == "the ":
        text = text[4:]
    return " ".join(text.split())


# People a border is closed (or opened) to: an entry ban on them.
TRAVELLERS = frozenset(
    {"tourists", "visitors", "travellers", "travelers", "citizens", "nationals", "pilgrims"}
)
# Ties between states; "trade ties" cut are a trade measure, "ties" alone a diplomatic one.
RELATION_NOUNS = frozenset({"ties", "relations", "links"})


@Language.factory("briefing_measures")
def make_measure_finder(nlp: Language, name: str) -> MeasureFinder:
    return MeasureFinder(nlp)


class MeasureFinder:
    """Finds measure triggers with a PhraseMatcher and types them from their syntactic context."""

    def __init__(self, nlp: Language) -> None:
        data = gazetteer.measure_data()
        self.triggers: dict[str, dict[str, Any]] = {t["id"]: t for t in data["triggers"]}
        self.order = {t["id"]: i for i, t in enumerate(data["triggers"])}
        # A cue matches as written ("words") or, for its "lemmas", in any inflection:
        # "invested", "invests" and "investing" all through "invest".
        self.cues: list[tuple[str, frozenset[str]]] = [
            (c["type"], frozenset(c["words"]) | frozenset(c.get("lemmas", ())))
            for c in data["cues"]
        ]
        self.cue_lemmas = frozenset(w for c in data["cues"] for w in c.get("lemmas", ()))
        self.target_nouns = frozenset(data["target_nouns"])
        self.non_measure_objects = frozenset(data["non_measure_objects"])
        self.similar_words = frozenset(data["similar_words"])
        self.join_verbs = frozenset(data["join_verbs"])
        self.credit_words = frozenset(data["credit_words"])
        self.aid_cue_words = self._cue_words("aid_suspension")
        self.trade_cue_words = self._cue_words("trade_restriction")
        # what borders closed "to" goods let in: an import ban (see _let_in)
        self.goods_words = self._cue_words("import_ban") | self._cue_words("commodity")
        self.lemma = Lemmas(nlp)
        # One hash lookup per token sequence: far cheaper than token patterns with IN-lists.
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for trigger in data["triggers"]:
            self.matcher.add(trigger["id"], [nlp.make_doc(p) for p in _phrases(trigger)])

    def __call__(self, doc: Doc) -> Doc:
        # Several triggers may share an anchor ("travel ban" and "ban"): the first in the data's
        # order that states a measure wins.
        by_anchor: dict[int, list[tuple[int, str, Span]]] = {}
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            trigger_id = doc.vocab.strings[match_id]
            wanted_pos = self.triggers[trigger_id].get("pos")
            if wanted_pos and span.root.pos_ not in wanted_pos:
                continue
            by_anchor.setdefault(span.root.i, []).append((self.order[trigger_id], trigger_id, span))
        measures: list[Span] = []
        for anchor_i, candidates in sorted(by_anchor.items()):
            for _, trigger_id, span in sorted(candidates, key=lambda c: c[0]):
                trigger = self.triggers[trigger_id]
                measure_type = self.classify(trigger, doc[anchor_i])
                if measure_type is None and measures and self._like_before(doc[anchor_i]):
                    # "Moscow announced a similar ban", "Tokyo would join the move": the kind
                    # of measure reported before (the latest with the same word, if any).
                    measure_type = self._previous_type(doc[anchor_i], span, measures)
                if measure_type is None:
                    continue
                measure = Span(
                    doc, *self._extent(span, doc[anchor_i]), label=measure_type, span_id=trigger_id
                )
                measure._.trigger = anchor_i
                measures.append(measure)
                break
        doc.spans[MEASURES_KEY] = SpanGroup(doc, name=MEASURES_KEY, spans=measures)
        return doc

    def _let_in(self, token: Token, objects: list[Token]) -> str | None:
        """What the borders or ports a measure closes (or opens) are closed "to": goods or
        their import make it an import ban, travellers a travel ban; vehicles (or nothing
        said) leave it a transport ban."""
        holders = [token, *(o for o in objects if o.dep_ == "dobj")]
        forms = {
            form
            for holder in holders
            for to in prep_objects(holder, ("to",))
            for form in self._forms(to)
        }
        if forms & self.goods_words:
            return "import_ban"
        if forms & TRAVELLERS:
            return "travel_ban"
        return None

    def _cue_words(self, measure_type: str) -> frozenset[str]:
        """Every cue word of one measure type."""
        return frozenset(
            word for cue_type, words in self.cues if cue_type == measure_type for word in words
        )

    def classify(self, trigger: dict[str, Any], token: Token) -> str | None:
        """The measure type this trigger states here, or None when it states none."""
        if token.dep_ == "amod" and (token.tag_ == "VBN" or token.pos_ == "ADJ"):
            # A participle describing a state ("frozen assets", "sanctioned individuals")
            # refers to a measure taken before; it does not report one.
            return None
        if "needs_head" in trigger and not self._ordered_out(trigger, token):
            return None
        if "complement_of" in trigger and not self._designated_as(trigger, token):
            return None  # "Hamas, a terrorist organisation, said ...": no listing
        fixed = trigger.get("type")
        if fixed:
            # "collecting the duties on barley": the phrase may hang on the governing verb
            near = [*token.subtree, *(token.head.children if token.dep_ == "dobj" else ())]
            if trigger.get("needs_prep") and not any(
                t.dep_ == "prep" and t.lower_ in trigger["needs_prep"] and 0 < t.i - token.i < 8
                for t in near
            ):
                return None  # "duties it imposed on Australian barley", "penalties on ..."
            if trigger.get("verb_needs_object") and not self._sanctionable_object(token):
                return None
            if "needs_acl" in trigger and not any(
                c.dep_ in ("acl", "relcl") and c.lower_ in trigger["needs_acl"]
                for c in token.children
            ):
                return None  # a package of reforms, a stimulus package
            only = trigger.get("diplomatic_only")
            if only and not any(
                form in only
                for _, node in neighbourhood_tokens(token)
                for form in self._forms(node)
            ):
                return None  # "threw out the ambassador"; not "the appeal was thrown out"
            if any(
                c.dep_ in ("compound", "amod") and c.lower_ in trigger.get("price_of", ())
                for c in token.lefts
            ):
                return None  # "raised the power tariff for households": a price
            for kind, words in trigger.get("modifier_types", {}).items():
                # "travel sanctions", "visa sanctions": the modifier names a travel ban
                if any(c.dep_ in ("compound", "amod") and c.lower_ in words for c in token.lefts):
                    return str(kind)
            return str(fixed)
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.pos_ == "VERB" and not objects:
            # "to freeze or change aid programmes", "freeze and seize assets": verbs joined
            # before one object share it
            objects += [
                c
                for conj in token.children
                if conj.dep_ == "conj" and conj.pos_ == "VERB"
                for c in conj.children
                if c.dep_ == "dobj"
            ]
        objects += [
            c
            for p in token.children
            if p.dep_ == "prep" and p.lower_ in ("of", "on", "to")
            for c in p.children
        ]
        # "imposed a ban last month on the transit of oil": the parser may attach what the
        # measure falls on to the verb that lays it
        laid_on = (
            prep_objects(token.head, ("on", "against"))
            if token.dep_ == "dobj" and token.pos_ == "NOUN"
            else []
        )
        objects += laid_on
        # "restrictive measures imposed on pork products": what the participle lays them on
        objects += [
            c
            for acl in token.children
            if acl.dep_ == "acl" and acl.tag_ == "VBN"
            for p in acl.children
            if p.dep_ == "prep" and p.lower_ == "on"
            for c in p.children
        ]
        if token.dep_ == "acomp" and token.head.pos_ == "AUX":
            # "their assets were frozen", parsed as "were" + an adjective: the subject is
            # what the participle acts on
            objects += [c for c in token.head.children if c.dep_ == "nsubj"]
        if causative_participle(token):
            # "have their assets frozen": the participle's parsed subject is what it acts on
            objects += [c for c in token.children if c.dep_ == "nsubj"]
        if any(o.lower_ in self.non_measure_objects for o in objects):
            return None  # "ending a four-year trade dispute", "halted production"
        near = neighbourhood_tokens(token) + barred_activity_tokens(token)
        near += [(1, o) for o in objects if o.dep_ == "nsubj"]
        near += [(2, o) for o in laid_on]
        # The nearest cue decides; the measure's own object first ("banned Russian ships from
        # entering ports": a ban on ships, not on entry).
        direct_objects = {o.i for o in objects}
        cues = sorted(
            {
                (distance, node.i not in direct_objects, form)
                for distance, node in near
                for form in self._forms(node)
            }
        )
        words = {word for *_, word in cues}
        if trigger.get("swift_only") and not words & {"swift", "messaging"}:
            return None
        only = trigger.get("diplomatic_only")
        if only and not words & set(only):
            return None
        accepts = set(trigger.get("accepts", ()))
        if "aid_suspension" in accepts and any(
            c.dep_ == "compound" and c.lower_ in self.aid_cue_words
            for o in objects
            if o.dep_ == "dobj"
            for c in o.children
        ):
            return "aid_suspension"  # "suspended aid payments": the payments are aid
        if "trade_restriction" in accepts and any(
            o.dep_ == "dobj"
            and o.lower_ in RELATION_NOUNS
            and any(
                c.dep_ in ("compound", "amod") and c.lower_ in self.trade_cue_words
                for c in o.children
            )
            for o in objects
        ):
            return "trade_restriction"  # "cut trade ties with Tehran": trade, not diplomacy
        # At equal distance and standing, the order of the cue lists.
        for *_, word in cues:
            for cue_type, cue_words in self.cues:
                if word not in cue_words:
                    continue
                if cue_type == "commodity":
                    # "banned Russian oil"; weaker verbs only with the goods as their object
                    # ("restricted Australian coal", not "halted oil production").
                    direct = word in {o.lower_ for o in objects}
                    if (trigger.get("strong") or direct) and "import_ban" in accepts:
                        return "import_ban"
                    continue
                if (
                    cue_type == "financial_restriction"
                    and word in self.credit_words
                    and "aid_suspension" in accepts
                    and _lent_to_a_state(token, objects, word)
                ):
                    return "aid_suspension"  # "suspended new loans to Uganda": aid withheld
                let_in = (
                    self._let_in(token, objects)
                    if cue_type == "transport_ban" and "transport_ban" in accepts
                    else None
                )
                if let_in is not None:
                    # "closed its borders to the import of cattle", "reopened its ports to
                    # Brazilian products": goods; "closed its border to Russian tourists":
                    # people
                    return let_in
                if cue_type in accepts:
                    return cue_type
        state_object = trigger.get("state_object")
        if (
            state_object
            and token.lower_ in state_object["forms"]
            and any(o.dep_ == "dobj" and o.ent_type_ == "GPE" for o in objects)
        ):
            return str(state_object["type"])  # "the AU suspended Mali (from the union)"
        default = trigger.get("default")
        return str(default) if default else None

    def _forms(self, token: Token) -> tuple[str, ...]:
        """The word as written, and its lemma where that is a lemma cue."""
        if is_high_commissioner(token):
            return (token.lower_, "ambassador")
        if token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lower_ in SECURITIES for c in token.children
        ):
            return ("investment",)  # "buying Russian debt" invests; it imports nothing
        if token.pos_ not in ("VERB", "NOUN"):
            return (token.lower_,)
        lemma = self.lemma(token)
        if lemma == token.lower_ or lemma not in self.cue_lemmas:
            return (token.lower_,)
        return (token.lower_, lemma)

    def _previous_type(self, token: Token, span: Span, measures: list[Span]) -> str:
        """The type of the earlier measure this one repeats: the latest about the same things
        ("join the move against the Russian banks"), else with the same word, else the latest."""
        doc = token.doc
        words = _content_words(token) - self.similar_words
        about_same = [m for m in measures if words & _content_words(doc[m._.trigger])]
        same_word = [m for m in measures if m.root.lower_[:3] == span.root.lower_[:3]]
        return str((about_same or same_word or measures)[-1].label_)

    def _like_before(self, token: Token) -> bool:
        if token.dep_ == "dobj" and token.head.lower_ in self.join_verbs:
            return True
        return any(c.dep_ == "amod" and c.lower_ in self.similar_words for c in token.children)

    @staticmethod
    def _ordered_out(trigger: dict[str, Any], token: Token) -> bool:
        """'ordered the ambassador to leave': a leave verb governed by an order to diplomats."""
        head = token.head
        if head.lower_ in DURATION_UNITS and head.head.lower_ in trigger["needs_head"]:
            # "gave Qatari diplomats 48 hours to leave", parsed with "to leave" on "hours"
            head = head.head
        if head.lower_ not in trigger["needs_head"]:
            return False
        # "gave the diplomats 48 hours to leave": the people may be the indirect object
        people = [
            c for c in (*head.children, *token.children) if c.dep_ in ("dobj", "nsubj", "dative")
        ]
        wanted = set(trigger["head_object_words"])
        return any(p.lower_ in wanted or p.pos_ == "NUM" for p in people)

    def _designated_as(self, trigger: dict[str, Any], token: Token) -> bool:
        """What someone is declared, listed as or struck off: "designated the militia a
        terrorist organisation", "named it as a terrorist entity", "removed the group from its
        list of terrorist organisations"."""
        verbs = trigger["complement_of"]
        node = token
        for _ in range(4):
            head = node.head
            if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in LIST_NOUNS:
                node = head.head  # "its list of terrorist organisations": the list
                continue
            if node.dep_ == "pobj" and head.lower_ in ("as", "from", "to", "on", "off"):
                node = head  # "as a terrorist organisation", "from its list"
                continue
            if node.dep_ == "prep" and head.dep_ == "dobj" and head.pos_ in ("NOUN", "PROPN"):
                head = head.head  # "removed the movement from its list", "from" on the noun
            if node.dep_ in ("oprd", "attr", "xcomp", "dobj", "prep", "conj", "appos", "ccomp"):
                return self.lemma(head) in verbs or head.lower_ in verbs
            return False
        return False

    def _sanctionable_object(self, token: Token) -> bool:
        """'sanctioned two banks' is a measure; 'an officially sanctioned event' is not."""
        if token.pos_ != "VERB":
            return True
        if token.dep_ in ("amod", "compound") or any(
            c.dep_ == "advmod" and c.lower_ in ("officially", "formally") for c in token.children
        ):
            return False
        for child in token.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                if child.ent_type_ in ACTOR_LABELS or child.pos_ == "PRON":
                    return True
                if child.lower_ in self.target_nouns:
                    return True
        return False

    @staticmethod
    def _extent(span: Span, anchor: Token) -> tuple[int, int]:
        """The trigger plus adjacent cue compounds: "import ban", "freezing assets"."""
        start, end = span.start, span.end
        for child in sorted(anchor.lefts, key=lambda t: -t.i):
            if (
                child.i == start - 1
                and child.dep_ in ("compound", "amod", "nmod")
                and (child.pos_ in ("NOUN", "PROPN") or child.lower_ in ("asset", "export"))
            ):
                start = child.i
        head = anchor.head
        if anchor.dep_ in ("amod", "compound") and head.i == end and head.pos_ == "NOUN":
            end = head.i + 1
        return start, end


def _phrases(trigger: dict[str, Any]) -> list[str]:
    """The texts a trigger matches: its word forms, or every combination of its phrase's
    alternatives ("travel ban", "entry restrictions", ...)."""
    if "phrase" not in trigger:
        return list(trigger["forms"])
    phrases = [""]
    for alternatives in trigger["phrase"]:
        phrases = [f"{head} {word}".strip() for head in phrases for word in alternatives]
    return phrases


def _content_words(token: Token) -> set[str]:
    return {w for _, w in neighbourhood_words(token) if len(w) > 3 and w not in FUNCTION_WORDS}


def neighbourhood_words(token: Token, max_depth: int = 4) -> list[tuple[int, str]]:
    """(distance, lower-cased word) for words syntactically close to a trigger: its objects,
    modifiers, compounds and the clauses that qualify it. Prepositions add no distance."""
    return [(distance, node.lower_) for distance, node in neighbourhood_tokens(token, max_depth)]


def barred_activity_tokens(token: Token, distance: int = 2) -> list[tuple[int, Token]]:
    """What a ban bars people from, however far its object list runs: "banned the president,
    his ministers and 30 other officials from being granted visas" (the activity, its object
    and where it goes, at ``distance``)."""
    found: list[tuple[int, Token]] = []
    for node in token.subtree:
        if node.dep_ != "pcomp" or node.head.lower_ != "from" or node.pos_ != "VERB":
            continue
        found.append((distance, node))
        for child in node.children:
            if child.dep_ in ("dobj", "prt"):
                found.append((distance, child))
            elif child.dep_ == "prep":
                found.extend((distance, c) for c in child.children if c.dep_ == "pobj")
    return found


def _lent_to_a_state(token: Token, objects: list[Token], word: str) -> bool:
    """The credit (one of the measure's objects) goes "to" a state: "suspended new loans to
    Uganda", the "to" on the loans or on the verb."""
    credit = [o for o in objects if o.lower_ == word]
    return bool(credit) and any(
        p.dep_ == "prep" and p.lower_ == "to" and any(c.ent_type_ == "GPE" for c in p.children)
        for holder in (token, *credit)
        for p in holder.children
    )


# What is bought as an investment: buying or selling these is a financial act, not trade.
SECURITIES = frozenset(
    {"debt", "bond", "bonds", "stock", "stocks", "share", "shares", "securities", "equity"}
    | {"equities", "treasuries"}
)


def is_high_commissioner(token: Token) -> bool:
    """ "High Commissioner": what Commonwealth states call their ambassadors to each other."""
    return token.lower_ == "commissioner" and any(c.lower_ == "high" for c in token.lefts)


def neighbourhood_tokens(token: Token, max_depth: int = 4) -> list[tuple[int, Token]]:
    """(distance, token) for the words of ``neighbourhood_words``."""
    found: list[tuple[int, Token]] = []

    def visit(node: Token, depth: int, skip: Token | None = None) -> None:
        for child in node.children:
            # "banned buying Russian debt", "buying it is banned": the gerund the verb takes
            gerund = node is token and child.dep_ in GERUND_OBJECT_DEPS and child.tag_ == "VBG"
            if child is skip or (child.dep_ not in NEIGHBOUR_DEPS and not gerund):
                continue
            if child.dep_ == "conj" and child.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            if child.dep_ == "prep" and child.lower_ in NON_TARGET_PREPS - {"in", "for", "by"}:
                continue
            next_depth = depth if child.dep_ == "prep" else depth + 1
            found.append((next_depth, child))
            if next_depth < max_depth:
                visit(child, next_depth)

    visit(token, 0)
    if token.dep_ in ("compound", "amod", "nmod", "npadvmod", "acl"):
        found.append((1, token.head))
        visit(token.head, 1, skip=token)
    return found
