"""Who is on each side of an event: the actors behind a noun phrase of the parse.

Actors come from the actors stage through `dyadwatch.actors.lookup`; this module only
decides which stretch of the sentence names a side, turns the actor into an EventSide with a
CAMEO-style code, and places a side the text names without its country ("the police",
"President X") by its context: its own name, the body it repeats, the act's place, its
clause or the article, recording which (`country_basis`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import Any

from ..actors.describe import dominant_of
from ..actors.guards import token_in_dateline
from ..actors.resolve import PLACE_INTRO_NOUNS
from ..actors.kb import default_kb
from ..actors.lookup import mentions_in
from ..actors.resolve import DIPLOMATIC_WORDS, POLITICAL_SECTORS, STATE_SECTORS
from ..actors.translit import strip_accents
from ..models import Actor, Document, Event, EventSide, Location, Mention, Span

Token = Any

# Children that belong to the noun phrase naming an actor ("Azerbaijani President Ilham
# Aliyev", "the Russian side", "Moscow's envoy"); prepositional phrases other than "of"
# name something else ("sanctions on Iran").
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "flat", "det", "nummod", "npadvmod", "case"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Actor codes of international organisations carry this prefix (CAMEO style).
IGO_PREFIX = "IGO"
# Ids of unnamed groups made up for event sides ("thousands of students", "the authorities
# of Jordan"); the events stage adds the ones its events use to the document's actors.
GROUP_ID_PREFIX = "group:"
GROUP_RULE = "events: a side the coder named from the text (no known actor)"
# Sector words that mark an organisation as international when the actor record gives no
# country; CAMEO writes such actors with the IGO prefix.
IGO_SECTORS = frozenset({"IGO", "INT", "UNO", "EUR", "NAT", "NATO", "OSC", "INTL"})


# People sent by a state or body: their "from" phrase names whom they act for ("customs
# officers from X and Y", "negotiators from X").
ENVOY_NOUNS = frozenset({"officer", "official", "envoy", "delegate", "delegation", "negotiator", "representative",
                         "diplomat", "emissary", "mediator"})


def np_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without its clauses and most PPs."""
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        # "envoys of X and Y": every party coordinated in the "of" phrase names the phrase
        own = ("of", "from") if t.lemma_.lower() in ENVOY_NOUNS else ("of",)
        for c in t.children:
            if c.dep_ in NP_DEPS or (c.dep_ == "prep" and c.lower_ in own) or (c.dep_ == "pobj" and t.lower_ in ("of", "from")) \
                    or (c.dep_ == "conj" and t.dep_ == "pobj" and t.head.lower_ in ("of", "from")):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _actors_over(doc: Document, tokens: list[Token]) -> list[Actor]:
    found: list[Actor] = []
    for t in tokens:
        for mention, actor in mentions_in(doc, t.idx, t.idx + len(t.text)):
            if all(a.id != actor.id for a in found) and not is_dateline(doc.text, mention.start, mention.end):
                found.append(actor)
    return found


# Marks that end a wire dateline after its place ("KYIV -", "KAMPALA, March 7 -", "ASTANA (Agency)").
DATELINE_ENDS = ("-", "—", "–", "(", ",")


def is_dateline(text: str, start: int, end: int) -> bool:
    """Is the mention the place of a dateline: upper case at the start of a line, followed by a
    dash, a date or the agency? It says where the story was filed, not who acted; the parse
    often takes it into the first sentence's subject ("KYIV - A Russian drone attack ...")."""
    word = text[start:end]
    before = text[:start].rstrip(" \t")
    if before.endswith(",") and DATELINE_CITY.search(before[:-1]) and text[end:end + 4].lstrip().startswith(("-", "—", "–", "(")):
        return True  # the country after the city: "MOGADISHU, Somalia -- ..."
    if len(word) < 3 or not word.isupper() or before[-1:] not in ("", "\n"):
        return False
    return text[end:end + 3].lstrip().startswith(DATELINE_ENDS)


# An upper-case place at the start of a line ("MOGADISHU", "LA PAZ") that a dateline opens with.
DATELINE_CITY = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'-]{2,}$")


def actors_of_phrase(doc: Document, head: Token, *, deep: bool = False) -> list[Actor]:
    """The actors a noun phrase names: the head's own actor first, else its modifiers'.

    "Polish and Czech officials" gives both countries; with `deep`, a phrase
    that names none looks into its whole subtree ("publications in the Azerbaijani media").
    """
    if head.dep_ in ("nsubj", "nsubjpass") and head.lower_ in RELATIVE_PRONOUNS:
        verb = head.head
        if verb.dep_ == "relcl":
            head = verb.head
    own = _actors_over(doc, [head])
    if own:
        # "Polish and Czech officials": each coordinated country adjective names a side.
        paired = [x for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts for x in (c, *c.conjuncts)]
        others = [a for a in _actors_over(doc, sorted(paired, key=lambda t: t.i)) if a.id != own[0].id and a.country]
        return [*others, own[0]] if others else own[:1]
    named = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    if head.lemma_.lower() in PLACE_INTRO_NOUNS and named:
        # "the Ukrainian city of Kharkiv": the place named, which carries its country
        places = _actors_over(doc, [t for o in named for t in np_tokens(o)])
        if places:
            return places
    found = _actors_over(doc, np_tokens(head))
    if not found and deep:
        found = _actors_over(doc, list(head.subtree))
    return found


def subtree_actors(doc: Document, head: Token) -> list[Actor]:
    """Every actor named anywhere under `head`, in text order."""
    return _actors_over(doc, list(head.subtree))


def actors_of(doc: Document, head: Token, *, deep: bool = False) -> list[Actor]:
    """Actors of a phrase and of every phrase coordinated with it ("Russia and Turkey")."""
    from .args import stranded_subject  # args builds frames from this module's phrases

    found: list[Actor] = []
    # a misparsed subject of a later verb is neither joined to its neighbours nor they to it
    # "Prime Minister X and Prime Minister Y agreed": the parse may hang the second name on the
    # first one's apposition rather than on the head, which coordinates it all the same.
    named = [a for a in head.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
    joined = () if stranded_subject(head) is not None else tuple(
        c for c in (*head.conjuncts, *(x for a in named for x in a.conjuncts)) if stranded_subject(c) is None)
    for t in (head, *joined):
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
    """The side as the event records it. A group the coder named from the text keeps its id:
    the events stage adds it to the document's actors with the words it was named by."""
    if actor is None:
        return None
    return EventSide(actor_id=actor.id, code=side_code(actor), country=actor.country, name=actor.name, country_basis=basis)


# Codes of actors that belong to no country by nature: international and non-governmental
# organisations, militant networks across countries and multinational companies.
STATELESS_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
# Nouns for a country's people as a whole.
WHOLE_PEOPLE_NOUNS = frozenset({"people", "population", "citizens", "public", "nation", "voters", "electorate"})
# Words of diplomacy: such a side is placed only by its own name or an earlier full mention.
DIPLOMATIC_NOUNS = frozenset(DIPLOMATIC_WORDS) | {"embassy", "consulate", "diplomats", "mission", "chargé"}
# How far back (in characters, about 80 tokens of wire copy) "the Treasury" may find "the
# United States Treasury" it repeats.
NAMESAKE_WINDOW_CHARS = 600


def needs_country(actor: Actor) -> bool:
    """Is this a side of some country that the text does not name with it: a titled person
    ("President Ana Rojas"), an institution or group ("the police", "students", a party)?

    International and non-governmental organisations have no country to find; a person
    with no known role could be from anywhere, so is left alone; a group the coder made up
    from a subject is placed only when it is made of people (it then carries a sector).
    """
    if actor.country or actor.type not in ("PERSON", "GROUP", "ORG"):
        return False
    code = (side_code(actor) or "").upper()
    sector = (actor.sector or "").upper()
    if code.startswith(STATELESS_PREFIXES) or sector.startswith(STATELESS_PREFIXES) or sector in IGO_SECTORS:
        return False
    if actor.type == "PERSON":
        return (sector or code[-3:]) in POLITICAL_SECTORS
    if actor.id.startswith(GROUP_ID_PREFIX) and not sector:
        return False
    return not _international_name(actor.name)


def _diplomatic(actor: Actor) -> bool:
    words = set(re.findall(r"[a-z]+", actor.name.lower())) | {w for r in actor.roles for w in re.findall(r"[a-z]+", r.lower())}
    return bool(words & DIPLOMATIC_NOUNS)


def _civil(actor: Actor) -> bool:
    """A side of people known by their nationality outside a country's political life
    (journalists, migrants, workers), who may well be abroad; a country's people as a whole
    ("the Zambian people") and sides of unknown sector are not."""
    sector = (actor.sector or "").upper()
    if actor.type == "COUNTRY" or not sector or sector in POLITICAL_SECTORS | {"REB", "PTY"}:
        return False
    return not set(re.findall(r"[a-z]+", actor.name.lower())) & WHOLE_PEOPLE_NOUNS


def is_state_side(actor: Actor | None) -> bool:
    """Does the side speak or act for a state: the country itself, its government, forces,
    legislature, courts or police, or one of their office holders?"""
    if actor is None:
        return False
    sector = (actor.sector or (actor.code or "")[-3:]).upper()
    return actor.type == "COUNTRY" or sector in STATE_SECTORS


# Words in an organisation's name that say it spans countries ("World Health Assembly",
# "Union of African Lawyers", "Pacific Islands Forum").
INTERNATIONAL_WORDS = frozenset({"international", "world", "global", "regional", "pacific", "atlantic", "nations", "continental"})


def _international_name(name: str) -> bool:
    words = re.findall(r"[a-z]+", strip_accents(name).lower())
    regions = default_kb().region_adjectives
    return any(w in INTERNATIONAL_WORDS or w in regions for w in words) or any(
        f"{a} {b}" in regions for a, b in zip(words, words[1:]))


class MentionIndex:
    """The actors of a document by where their mentions start, for lookups by token."""

    def __init__(self, doc: Document) -> None:
        pairs = sorted(((m.start, a) for a in doc.actors for m in a.mentions), key=lambda pair: pair[0])
        self.starts = [s for s, _ in pairs]
        self.actors = [a for _, a in pairs]
        counts = Counter(a.country for a in doc.actors if a.type in ("COUNTRY", "LOCATION") and a.country
                         for m in a.mentions if not is_dateline(doc.text, m.start, m.end))
        # Named often, not merely alone: one "a diplomat in Moscow said" makes no text Russian.
        self.main_country = dominant_of(counts, strict=True)

    def at(self, tokens: list[Token]) -> list[Actor]:
        """Actors with a mention starting inside one of the tokens."""
        out = []
        for t in tokens:
            lo = bisect_left(self.starts, t.idx)
            hi = bisect_left(self.starts, t.idx + len(t.text))
            out += self.actors[lo:hi]
        return out


_INDEX: tuple[Document, MentionIndex] | None = None


def mention_index(doc: Document, *, fresh: bool = False) -> MentionIndex:
    """The index of `doc`, built once while the same document is being coded (`fresh` when
    coding starts, so a document changed since is never served an old index)."""
    global _INDEX
    if fresh or _INDEX is None or _INDEX[0] is not doc:
        _INDEX = (doc, MentionIndex(doc))
    return _INDEX[1]


def country_in_name(name: str) -> str | None:
    """The one country an organisation's own name gives ("United States Treasury", "Kenyan
    Red Cross"), by a country's name or adjective of one to three words, longest first; a
    country word that names a sea, river or region ("Indian Ocean", "Niger Delta") or a place
    called after it ("New Mexico") does not count."""
    kb = default_kb()
    words = [w for w in re.findall(r"[\w'.-]+", strip_accents(name).lower()) if w]
    found: set[str] = set()
    used: set[int] = set()
    for n in (4, 3, 2, 1):
        for i in range(len(words) - n + 1):
            if used & set(range(i, i + n)):
                continue
            country = _country_phrase(kb, " ".join(words[i:i + n]))
            if country is None:
                continue
            if (i + n < len(words) and words[i + n] in GEOGRAPHIC_NOUNS) or (i > 0 and words[i - 1] == "new"):
                used.update(range(i, i + n))
                continue
            found.add(country)
            used.update(range(i, i + n))
    return found.pop() if len(found) == 1 else None


def _country_phrase(kb, key: str) -> str | None:
    if key in kb.adjectives:
        return kb.adjectives[key]
    for surface in kb.surfaces.get(key, ()):
        entry = kb.entries.get(surface.entry_id)
        if entry is not None and entry.type == "COUNTRY" and surface.kind == "country-name" and entry.country:
            return entry.country
    return None


# Nouns after a country word that make it a feature of geography, not the country.
GEOGRAPHIC_NOUNS = frozenset({"ocean", "sea", "gulf", "delta", "river", "basin", "lake", "plateau", "forest", "desert",
                              "coast", "peninsula", "valley", "pig"})


def earlier_namesake(doc: Document, actor: Actor, at: int | None = None) -> str | None:
    """The country of the body named in full before ("the United States Treasury ... the
    Treasury", "the Russian Foreign Ministry ... the ministry"): the nearest earlier mention
    that ends with this actor's head word and belongs to an actor whose country is known.
    `at` stands for the position of a group the coder named, which has no mentions."""
    if actor.type not in ("ORG", "GROUP") or not actor.name.split() or not (actor.mentions or at is not None):
        return None
    head = actor.name.split()[-1].lower()
    first = min(m.start for m in actor.mentions) if actor.mentions else at
    best, best_at = None, -1
    for other in doc.actors:
        if other.id == actor.id:
            continue
        country = other.country or country_in_name(other.name)
        if country is None:
            continue
        for m in other.mentions:
            words = m.text.split()
            if (best_at < m.start < first and first - m.start <= NAMESAKE_WINDOW_CHARS and len(words) > 1
                    and words[-1].lower().strip(".,'’s") == head):
                best, best_at = country, m.start
    return best


def context_country(doc: Document, tokens: list[Token], location: Location | None, *, places_only: bool = False,
                    other: Actor | None = None, needing: Actor | None = None) -> tuple[str | None, str | None]:
    """(country, basis) for a side that needs one, read from the context of the act, the
    `tokens` of its clause: where the act took place, else the one country the clause
    names, else the country the whole text is about when the clause does not contradict it.

    With `places_only`, only places count ("a car bomb in Kabul"), not the people named
    ("killed three U.S. soldiers"). When both sides act for states, the `other` side's own
    country is never the answer: "the ministry summoned the Iranian ambassador" says nothing
    about whose ministry it is (a state acting on its own people is another matter:
    "President X banned Ugandan opposition rallies")."""
    if needing is not None:
        # An organisation's own name first ("United States Treasury"; a group the coder named
        # from a phrase has no name of its own), then the body it repeats ("the Treasury").
        named_in = None if needing.id.startswith(GROUP_ID_PREFIX) else country_in_name(needing.name)
        if named_in is not None:
            return named_in, "name"
        earlier = earlier_namesake(doc, needing, at=min((t.idx for t in tokens), default=None))
        if earlier is not None:
            return earlier, "earlier mention"
        if _diplomatic(needing):
            return None, None  # an embassy or an envoy works where it is posted, for another country
    index = mention_index(doc)
    barred = {other.country} if other is not None and other.country and is_state_side(other) and is_state_side(needing) else set()
    abroad = needing is not None and (needing.sector or "").upper() == "MIL"  # armies act abroad: their place is no evidence
    if location is not None and location.country and location.country not in barred and not abroad:
        return location.country, "event place"
    found = index.at(tokens)
    if places_only:
        placed_in = {a.country for a in found if a.type == "LOCATION" and a.country} - barred
        return (placed_in.pop(), "sentence place") if len(placed_in) == 1 else (None, None)
    if other is not None and _civil(other):
        # "The ministry expelled two Iranian journalists": people named by their nationality
        # say nothing of whose ministry acted (a state's own opposition or rebels would).
        found = [a for a in found if a.id != other.id]
    named = Counter(a.country for a in found if a.country)
    if len(named) == 1 and not set(named) & barred:
        return next(iter(named)), "sentence"
    main = index.main_country
    if main is not None and main not in barred and (not named or main in named):
        return main, "document"
    return None, None


def placed(actor: Actor, country: str) -> Actor:
    """The actor as a side of `country`: its code is the country's code followed by its own
    sector code ("GOV" -> "UGAGOV")."""
    own = (side_code(actor) or actor.sector or "").upper()
    prefix = default_kb().country_code(country) or country
    code = (own if own.startswith(prefix) else prefix + own) if own else None  # a bare country code would read as the state
    return actor.model_copy(update={"country": country, "code": code})


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


def group_span(head: Token) -> Span:
    """Where an unnamed group ("thousands of students in Dhaka") is named: its phrase without
    its clauses, up to five words after its head."""
    # A clause hung on the phrase ("a rights group protested here", "the leader who is
    # attempting to ...") is no part of its name: the name stops where the first one starts.
    clauses = {t.i for c in head.subtree if c.dep_ in ("relcl", "acl") and c.i != head.i for t in c.subtree}
    stop = min((i for i in clauses if i > head.i), default=head.i + 6)
    words = [t for t in head.subtree if t.i not in clauses and t.i - head.i < 6 and t.i < stop and not token_in_dateline(t)] or [head]
    phrase = head.doc[min(t.i for t in words): max(t.i for t in words) + 1]
    return Span(start=phrase.start_char, end=phrase.end_char, text=phrase.text)


def group_actors(events: list[Event], used: dict[str, Actor], known: set[str]) -> list[Actor]:
    """The groups the coder named from the text that these events refer to and the document
    does not hold yet, each once, with the mentions it was named by."""
    wanted = {side.actor_id for e in events for side in (e.source, e.target)
              if side is not None and side.actor_id and side.actor_id.startswith(GROUP_ID_PREFIX)}
    return [a.model_copy(update={"rule": GROUP_RULE}) for gid, a in used.items() if gid in wanted and gid not in known]
