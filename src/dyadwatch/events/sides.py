"""Who is on each side of an event: the actors behind a noun phrase of the parse.

Actors come from the actors stage through `dyadwatch.actors.lookup`; this module only
decides which stretch of the sentence names a side, and turns the actor into an EventSide
with a CAMEO-style code.
"""
from __future__ import annotations

from typing import Any

import re
from collections import Counter
from ..actors.kb import default_kb
from ..actors.translit import strip_accents
from ..actors.lookup import mentions_in
from ..actors.resolve import POLITICAL_SECTORS
from ..models import Actor, Document, EventSide, Location

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
        # "Senior Hungarian and Romanian officials": each coordinated country adjective names a side.
        paired = [x for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts for x in (c, *c.conjuncts)]
        others = [a for a in _actors_over(doc, sorted(paired, key=lambda t: t.i)) if a.id != own[0].id and a.country]
        return [*others, own[0]] if others else own[:1]
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


def event_side(actor: Actor | None, basis: str | None = None) -> EventSide | None:
    if actor is None:
        return None
    actor_id = None if actor.id.startswith(GROUP_ID_PREFIX) else actor.id
    return EventSide(actor_id=actor_id, code=side_code(actor), country=actor.country, name=actor.name, country_basis=basis)


# Codes of actors that belong to no country by nature: international and non-governmental
# organisations, militant networks across countries and multinational companies.
STATELESS_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
# A text is about one country when that country has at least this many mentions and this
# share of all country mentions (the same measure the actor stage uses for generic nouns).
DOMINANT_MIN = 3
DOMINANT_SHARE = 0.5


def needs_country(actor: Actor) -> bool:
    """Is this a side of some country that the text does not name with it: a titled person
    ("President Yoweri Museveni"), an institution or group ("the police", "students", a party)?

    International and non-governmental organisations have no country to find; a person
    with no known role could be from anywhere, so is left alone.
    """
    if actor.country or actor.type not in ("PERSON", "GROUP", "ORG"):
        return False
    code = (side_code(actor) or "").upper()
    sector = (actor.sector or "").upper()
    if code.startswith(STATELESS_PREFIXES) or sector.startswith(STATELESS_PREFIXES) or sector in IGO_SECTORS:
        return False
    if actor.type == "PERSON":
        return (sector or code[-3:]) in POLITICAL_SECTORS
    return not _international_name(actor.name)


# Words in an organisation's name that say it spans countries ("World Water Forum",
# "Association of African Jurists", "Asia-Pacific Economic Cooperation").
INTERNATIONAL_WORDS = frozenset({"international", "world", "global", "regional", "pacific", "atlantic", "nations", "continental"})


def _international_name(name: str) -> bool:
    words = re.findall(r"[a-z]+", strip_accents(name).lower())
    regions = default_kb().region_adjectives
    return any(w in INTERNATIONAL_WORDS or w in regions for w in words) or any(
        f"{a} {b}" in regions for a, b in zip(words, words[1:]))


def _actors_at(doc: Document, tokens: list[Token]) -> list[Actor]:
    """Actors with a mention starting inside one of the tokens."""
    spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
    return [a for a in doc.actors for m in a.mentions if any(s <= m.start < e for s, e in spans)]


def _countries_in(doc: Document, tokens: list[Token]) -> Counter[str]:
    return Counter(a.country for a in _actors_at(doc, tokens) if a.country)


def _document_country(doc: Document) -> str | None:
    counts = Counter(a.country for a in doc.actors if a.type in ("COUNTRY", "LOCATION") and a.country for _ in a.mentions)
    total = sum(counts.values())
    if not total:
        return None
    country, top = counts.most_common(1)[0]
    return country if len(counts) == 1 or (top >= DOMINANT_MIN and top / total >= DOMINANT_SHARE) else None


def context_country(doc: Document, tokens: list[Token], location: Location | None, *,
                    places_only: bool = False) -> tuple[str | None, str | None]:
    """(country, basis) for a side that needs one, read from the context of the act, the
    `tokens` of its clause: where the act took place, else the one country the clause
    names, else the country the whole text is about when the clause does not contradict it.
    With `places_only`, only places count ("a car bomb in Kabul"), not the people named
    ("killed three U.S. soldiers")."""
    if location is not None and location.country:
        return location.country, "event place"
    if places_only:
        placed_in = {a.country for a in _actors_at(doc, tokens) if a.type == "LOCATION" and a.country}
        return (placed_in.pop(), "sentence place") if len(placed_in) == 1 else (None, None)
    named = _countries_in(doc, tokens)
    if len(named) == 1:
        return next(iter(named)), "sentence"
    main = _document_country(doc)
    if main is not None and (not named or main in named):
        return main, "document"
    return None, None


def placed(actor: Actor, country: str) -> Actor:
    """The actor as a side of `country`: its code is the country's code followed by its own
    sector code ("GOV" -> "UGAGOV")."""
    own = (side_code(actor) or actor.sector or "").upper()
    prefix = default_kb().country_code(country) or country
    return actor.model_copy(update={"country": country, "code": own if own.startswith(prefix) else prefix + own})


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
