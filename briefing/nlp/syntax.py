"""Small questions about the dependency parse that several fact rule modules ask."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

# (noun, preposition) of the phrases that name one thing beside another: "on top of",
# "in addition to"
BESIDE_PHRASES = frozenset({("top", "on"), ("addition", "in")})


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in wanted:
            found.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return found


def contains(token: Token, other: Token) -> bool:
    return token == other or token.is_ancestor(other)


def first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def has_negation(verb: Token) -> bool:
    """'said a gas embargo would not be part of the package': the speaker rejects it."""
    return any(c.dep_ == "neg" for c in verb.children)


def agent_of(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def is_subject(token: Token) -> bool:
    """A subject, the possessor/modifier of one ("Japan's government"), or a bare root noun."""
    if token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "ROOT" and token.pos_ == "PROPN"):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        token = token.head  # "The government of the Maldives said": as "the Maldives' government"
    return token.dep_ in ("poss", "compound", "amod", "nmod", "prep") and token.head.dep_ in (
        "nsubj",
        "nsubjpass",
    )


def is_agent(token: Token) -> bool:
    """The subject of an active verb, or the possessor/modifier of one."""
    if token.dep_ in ("poss", "compound", "amod"):
        token = token.head
    return token.dep_ == "nsubj"


def names_beside(token: Token) -> bool:
    """ "on top of" or "in addition to" (the noun): what follows is named beside what comes
    before, and the noun itself names nothing."""
    return token.dep_ == "pobj" and (token.lower_, token.head.lower_) in BESIDE_PHRASES


def definite(token: Token) -> bool:
    """ "the four countries", "these states": a phrase that points back to ones named before."""
    return any(
        c.dep_ in ("det", "predet") and c.lower_ in ("the", "these", "those", "both")
        for c in token.children
    )


# "have their assets frozen", "got his visa revoked": the one who has it done to them (the
# pipeline sets no lemma_: a closed class, listed as written)
CAUSATIVE_VERBS = frozenset({"have", "has", "had", "having", "get", "gets", "got", "getting"})


def causative_participle(token: Token) -> bool:
    """A participle the parser hangs, with its own subject, under "have" or "get": "would
    have their assets frozen" (the assets are frozen; the subject of "have" undergoes it)."""
    return (
        token.tag_ in ("VBN", "JJ")  # the small model often tags "frozen" there an adjective
        and token.dep_ in ("ccomp", "xcomp")
        and token.head.lower_ in CAUSATIVE_VERBS
    )
