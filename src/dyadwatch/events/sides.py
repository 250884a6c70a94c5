"""Who is on each side of an event: the actors behind a noun phrase of the parse.

Actors come from the actors stage through `dyadwatch.actors.lookup`; this module only
decides which stretch of the sentence names a side, and turns the actor into an EventSide
with a CAMEO-style code.
"""
from __future__ import annotations

from typing import Any

from ..actors.lookup import mentions_in
from ..models import Actor, Document, EventSide

Token = Any

# Children that belong to the noun phrase naming an actor ("Azerbaijani President Ilham
# Aliyev", "the Russian side", "Moscow's envoy"); prepositional phrases other than "of"
# name something else ("sanctions on Iran").
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "flat", "det", "nummod", "npadvmod", "case"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Actor codes of international organisations carry this prefix (CAMEO style).
IGO_PREFIX = "IGO"
# Ids of unnamed groups made up for one event side; they are not actors of the document.
GROUP_ID_PREFIX = "group:"
# Sector words that mark an organisation as international when the actor record gives no
# country; CAMEO writes such actors with the IGO prefix.
IGO_SECTORS = frozenset({"IGO", "INT", "UNO", "EUR", "NAT", "NATO", "OSC", "INTL"})


def np_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without its clauses and most PPs."""
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in NP_DEPS or (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "pobj" and t.lower_ == "of"):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _actors_over(doc: Document, tokens: list[Token]) -> list[Actor]:
    found: list[Actor] = []
    for t in tokens:
        for _, actor in mentions_in(doc, t.idx, t.idx + len(t.text)):
            if all(a.id != actor.id for a in found):
                found.append(actor)
    return found


def actors_of_phrase(doc: Document, head: Token, *, deep: bool = False) -> list[Actor]:
    """The actors a noun phrase names: the head's own actor first, else its modifiers'.

    "Senior Hungarian and Romanian officials" gives both countries; with `deep`, a phrase
    that names none looks into its whole subtree ("publications in the Azerbaijani media").
    """
    if head.dep_ in ("nsubj", "nsubjpass") and head.lower_ in RELATIVE_PRONOUNS:
        verb = head.head
        if verb.dep_ == "relcl":
            head = verb.head
    own = _actors_over(doc, [head])
    if own:
        return own[:1]
    found = _actors_over(doc, np_tokens(head))
    if not found and deep:
        found = _actors_over(doc, list(head.subtree))
    return found


def subtree_actors(doc: Document, head: Token) -> list[Actor]:
    """Every actor named anywhere under `head`, in text order."""
    return _actors_over(doc, list(head.subtree))


def actors_of(doc: Document, head: Token, *, deep: bool = False) -> list[Actor]:
    """Actors of a phrase and of every phrase coordinated with it ("Russia and Turkey")."""
    found: list[Actor] = []
    for t in (head, *head.conjuncts):
        for a in actors_of_phrase(doc, t, deep=deep):
            if all(a.id != b.id for b in found):
                found.append(a)
    return found


def side_code(actor: Actor) -> str | None:
    """A CAMEO-style code for an event side.

    International organisations get the IGO prefix when the actor record has no country
    and either calls itself an ORG with an international sector or has no code at all.
    """
    code = actor.code
    if actor.country is None and actor.type in ("ORG", "GROUP"):
        sector = (actor.sector or "").upper()
        if code and code.upper().startswith(IGO_PREFIX):
            return code
        if sector in IGO_SECTORS or (code and code[:3].upper() in IGO_SECTORS):
            return IGO_PREFIX + (code or "")
    return code


def event_side(actor: Actor | None) -> EventSide | None:
    if actor is None:
        return None
    actor_id = None if actor.id.startswith(GROUP_ID_PREFIX) else actor.id
    return EventSide(actor_id=actor_id, code=side_code(actor), country=actor.country, name=actor.name)


def same_side(a: Actor, b: Actor) -> bool:
    return a.id == b.id


# Prepositions that tie an unnamed group to a place ("demonstrators in Baghdad", "refugees
# from Chechnya"); the group is then coded with the place's country.
PLACE_OF_GROUP = frozenset({"in", "from", "of", "throughout", "across", "inside"})


def place_country(doc: Document, head: Token) -> str | None:
    """The country of a place named in a prepositional phrase of the group's noun phrase."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_OF_GROUP:
            for o in c.children:
                if o.dep_ == "pobj":
                    for a in actors_of(doc, o):
                        if a.country and a.type in ("COUNTRY", "LOCATION"):
                            return a.country
    return None


def group_side(doc: Document, head: Token, country: str | None) -> EventSide:
    """An unnamed group ("thousands of students") as an event side: its words, and a country when known."""
    words = [t for t in head.subtree if t.dep_ not in ("relcl", "acl") and t.i - head.i < 6]
    name = head.doc[min(t.i for t in words): max(t.i for t in words) + 1].text if words else head.text
    return EventSide(actor_id=None, code=country, country=country, name=name[:80])
