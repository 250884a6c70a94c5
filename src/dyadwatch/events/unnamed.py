"""Sides the text does not name outright: who stands behind an act when the parse gives
no known actor, and which country a side belongs to when the text names none.

- An unnamed group as a side ("thousands of students", "a roadside bomb"), with the sector its
  head noun gives and the country of a place phrase.
- People an act falls on whom the text only counts ("killed 14 people in Peshawar").
- The addressee an act has inside a country when the text names none: a protest is made to
  the authorities, a curfew falls on the population.
- The authorities of the place for a coercive act in the passive with no agent.
- The clause of an act, without the frame that reports it, as the context of its sides.
"""
from __future__ import annotations

from typing import Any

from ..actors.kb import default_kb
from ..models import Actor, Document, Mention
from .args import MEASURES, POSSESSIVE_PRONOUNS, Frame, token_keys
from .frames import LANGUAGE
from .grammar import grammar
from .patterns import Pattern, load_patterns
from .places import place_of
from .sides import (GROUP_ID_PREFIX, actors_of, context_country, group_span, is_state_side, needs_country, place_country,
                    placed)

Token = Any

# Acts aimed inside a country, by CAMEO code prefix, with the sector they fall on when the
# text names no target: protests (14) address the authorities; administrative sanctions
# imposed (172), eased (081) or threatened (132) fall on the population.
DOMESTIC_TARGETS = {"14": "GOV", "1721": "CVL", "1723": "CVL", "1724": "CVL", "081": "CVL", "132": "CVL"}
# Easing and threats fall on the population only when they are about these measures.
DECREE_CODES = ("081", "132")
DECREE_THEMES = frozenset({"curfew", "emergency", "state_of_emergency", "martial_law", "siege", "state_of_siege", "lockdown"})
# Nouns naming parties that are states themselves ("the two sides", "both countries"): no one country.
MULTI_PARTY_NOUNS = frozenset({"side", "country", "state", "nation"})
# People known only as the authors of violence ("unknown attackers", "a suicide bomber"): CAMEO's
# unidentified armed forces, placed where they struck.
ATTACKER_NOUNS = frozenset({"attacker", "assailant", "bomber", "kidnapper", "abductor", "hijacker", "sniper", "gunman",
                            "killer", "raider"})
# Weapons and attacks that stand as the subject of violence when nobody is named behind them.
WEAPON_NOUNS = frozenset({"bomb", "bombing", "blast", "explosion", "device", "mine", "landmine", "minefield", "shell", "rocket",
                          "missile", "grenade", "attack", "ambush", "shelling", "airstrike", "strike", "raid", "gunfire", "fire",
                          "ied", "mortar", "drone"})
DOMESTIC_NAMES = {"GOV": "authorities", "CVL": "population"}
# Acts of crowds (protest, riots, shows of force): an unnamed crowd takes the country of the place.
GROUP_PLACE_ROOTS = frozenset({"14", "15"})
# Violence reported from the victim's side ("were killed"): coded with an unknown author.
VICTIM_ROOTS = frozenset({"17", "18", "19", "20"})
# Violence proper (assault, fight, mass violence): an unnamed author is placed only by where it happened.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Coercion a state carries out where it rules (arrest, detention, expulsion, bans, curfews):
# a passive with no agent is the act of the authorities of the place it names.
AUTHORITY_CODES = ("172", "173", "174", "1721", "1722", "1723", "1724", "115", "090")
# Nouns of people: violence done to them is an event even when they are nobody named.
PERSON_NOUNS = frozenset({"people", "person", "civilian", "man", "woman", "child", "villager", "resident", "worker",
                          "soldier", "policeman", "officer", "protester", "demonstrator", "student", "journalist",
                          "passenger", "pilgrim", "militant", "rebel", "fighter", "guerrilla", "insurgent", "refugee",
                          "hostage", "prisoner", "member", "supporter", "activist", "leader", "official", "guard",
                          "researcher", "scholar", "academic", "writer", "blogger", "lawyer", "priest", "missionary",
                          "businessman", "tourist", "diplomat", "national", "citizen", "migrant", "immigrant", "farmer",
                          "suspect", "dissident", "opponent", "critic", "reporter", "crew", "sailor", "fisherman", "family",
                          "elder", "youth", "pensioner", "teacher", "doctor", "nurse", "mourner", "voter", "settler", "inmate",
                          "detainee", "worshipper", "cleric", "monk", "nun", "tribesman", "crowd"})
# Places the act is aimed at, read as the target only when nothing else names one.
LAST_RESORT_PREPS = frozenset({"in", "inside"})
# Prepositions of where an act happened, whose phrase may name the place deeper in.
SCENE_PREPS = frozenset({"at", "near", "outside", "in", "inside"})
# Prepositions of what violence or repression was aimed at ("fired at", "cracked down on").
AIM_AT_PREPS = frozenset({"at", "on", "against", "upon"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})


def act_tokens(pred: Token) -> list[Token]:
    """The tokens of the clause stating the act, without the frame that reports it: "X shelled
    Juba, killing 20 people, relief officials in Nairobi said" places nothing in Nairobi."""
    reporting = grammar(LANGUAGE).reporting_verbs
    top = pred
    while top.head.i != top.i and not (top.dep_ in ("ccomp", "parataxis") and top.head.lemma_.lower() in reporting):
        top = top.head
    reports = {t.i for c in top.children if c.dep_ in ("ccomp", "parataxis") and c.lemma_.lower() in reporting
               and c.i != pred.i for t in c.subtree}
    tokens = [t for t in top.subtree if t.i not in reports]
    if top.head.i != top.i and any(c.dep_ == "nsubj" and (c.lower_ in PRONOUNS or any(
            g.dep_ == "poss" and g.lower_ in POSSESSIVE_PRONOUNS for g in c.children)) for c in top.children):
        # "The Malian rebels said they will free ...", "... said their forces withdrew": the
        # speaker the pronoun stands for belongs to the act.
        tokens += [t for c in top.head.children if c.dep_ == "nsubj" for t in c.subtree]
    return tokens


def in_context(doc: Document, actor: Actor | None, clause: list[Token], location, *, other: Actor | None = None,
               violent: bool = False) -> tuple[Actor | None, str | None]:
    """The actor with the country its context gives when it names none itself, and where
    that country was read (None when the actor's own)."""
    if actor is None or not needs_country(actor):
        return actor, None
    # An unnamed attacker is placed where the violence happened, never by its victims' country.
    country, basis = context_country(doc, clause, location, places_only=violent, other=other, needing=actor)
    return (placed(actor, country), basis) if country else (actor, None)


def domestic_target(doc: Document, p: Pattern, f: Frame, sources: list[Actor]) -> list[Actor]:
    """The side an act aims at inside a country when the text names none: a protest is made
    to the authorities, and curfews, states of emergency and restrictions (imposed, eased
    or threatened) fall on the population of the country where they are declared."""
    sector = next((v for k, v in DOMESTIC_TARGETS.items() if p.code.startswith(k)), None)
    if sector is None or (sector == "GOV" and any(is_state_side(a) for a in sources)):
        return []  # a state's protest is a complaint to another state, which the text must name
    if p.code.startswith(DECREE_CODES) and not any(token_keys(t) & DECREE_THEMES for t in (*f.themes, f.pred)):
        return []  # lifting import limits or threatening tariffs falls on no population
    where = place_of(f.pred, list(f.themes))
    countries = {a.country for a in sources} - {None}
    country = where.country if where is not None and where.country else (next(iter(countries)) if len(countries) == 1 else None)
    if country is None:
        country = context_country(doc, act_tokens(f.pred), where)[0]
    if country is None:
        return []
    name = f"{DOMESTIC_NAMES[sector]} ({country})"
    return [Actor(id=f"{GROUP_ID_PREFIX}{country}:{sector}", name=name, type="GROUP", country=country, sector=sector,
                  code=(default_kb().country_code(country) or country) + sector)]


def unnamed_victims(doc: Document, p: Pattern, f: Frame, sources: list[Actor]) -> list[Actor]:
    """People violence or coercion falls on whom the text only counts or describes ("killed
    23 people in Tel Aviv", "arresting 12"): a group of the country where it happened; an
    arrest with no place named falls on people of the arresting side's own country."""
    if p.code[:2] not in VICTIM_ROOTS:
        return []
    people = [o for o in f.objects if o.lemma_.lower() in PERSON_NOUNS or o.pos_ == "NUM" or any(c.dep_ == "nummod" for c in o.children)]
    if not people:
        return []
    where = place_of(f.pred, list(f.themes))
    country = context_country(doc, act_tokens(f.pred), where, places_only=True)[0]
    own = {a.country for a in sources} - {None}
    if country is None and p.code[:2] not in VIOLENT_ROOTS and len(own) == 1:
        country = next(iter(own))
    if country is None:
        return []
    return [make_group(doc, people[0], country, group_sector(people[0]) or "CVL")]


def placed_group(doc: Document, head: Token) -> Actor | None:
    """An unnamed group tied to a country by a place phrase ("a missionary from Calgary")."""
    country = place_country(doc, head)
    return None if country is None else make_group(doc, head, country, group_sector(head))


def group_sector(head: Token, code: str = "") -> str | None:
    """The sector of an unnamed group by its head noun: a role the knowledge base knows
    ("students" EDU, "demonstrators" OPP), other people (CVL), or, for violence, a weapon or
    an attack with nobody named behind it (UAF, CAMEO's unidentified armed forces). Nouns of
    several parties ("the two sides") and things ("the plane") have none: no country is guessed
    for them."""
    lemma = head.lemma_.lower()
    if lemma in MULTI_PARTY_NOUNS or any(c.lower_ in ("both", "two") for c in head.children):
        return None
    roles = default_kb().roles
    compound = " ".join([c.lower_ for c in head.children if c.dep_ == "compound" and c.i < head.i] + [head.lower_])
    role = roles.get(compound) or roles.get(head.lower_) or roles.get(lemma) or roles.get(lemma + "s")
    if role is not None and role.sector:
        return role.sector
    if code[:2] in VIOLENT_ROOTS and lemma in ATTACKER_NOUNS:
        return "UAF"
    if lemma in PERSON_NOUNS or lemma.endswith("ist"):
        return "CVL"  # people, or people by their cause ("fundamentalists", "nationalists")
    if code[:2] in VIOLENT_ROOTS and lemma in WEAPON_NOUNS:
        return "UAF"
    return None


def counted(head: Token) -> Token:
    """What a quantity counts: "tens of thousands of students" -> "students"."""
    for _ in range(3):
        if head.lemma_.lower() not in MEASURES and head.pos_ != "NUM":
            return head
        inner = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if not inner:
            return head
        head = inner[0]
    return head


def make_group(doc: Document, head: Token, country: str | None, sector: str | None) -> Actor:
    """An unnamed group as an actor: the words of its phrase, its country when known, and a
    code of country and sector ("PAKCVL"); a group of no known sector gets no code."""
    span = group_span(head)
    name = span.text[:80]
    prefix = (default_kb().country_code(country) or country) if country else ""
    code = (prefix + sector) if sector else None
    return Actor(id=GROUP_ID_PREFIX + name, name=name, type="GROUP", country=country, sector=sector, code=code,
                 mentions=[Mention(start=span.start, end=span.end, text=span.text, rule="event side")])


def place_authority(doc: Document, p: Pattern, f: Frame) -> Actor | None:
    """Who arrests, detains or expels when the passive names nobody: the state where it
    happened ("was detained in Jordan")."""
    if not p.code.startswith(AUTHORITY_CODES):
        return None
    for prep, o, at in f.preps:
        if at.i == f.pred.i and prep in LAST_RESORT_PREPS:
            for a in actors_of(doc, o):
                if a.country and a.type in ("COUNTRY", "LOCATION"):
                    return _authorities(a.country, a.name)
    where = place_of(f.pred, list(f.themes))  # "was indicted for fraud in Tunisia"
    return _authorities(where.country, where.name) if where is not None and where.country else None


def _authorities(country: str, place: str) -> Actor:
    return Actor(id=GROUP_ID_PREFIX + f"authorities:{country}", name=f"authorities ({place})", type="GROUP", country=country, code=country)


def unnamed_group(doc: Document, p: Pattern, f: Frame) -> Actor | None:
    """A subject that names no known actor but a group tied to a country ("demonstrators in Baghdad").

    The country comes from a place phrase of the subject; for protests and shows of force,
    failing that, from where the act took place.
    """
    heads = [counted(h) for h in (f.agents if f.passive else f.subjects) if h.pos_ in ("NOUN", "PROPN", "NUM") and h.lower_ not in PRONOUNS]
    if not heads:
        return None
    country = place_country(doc, heads[0])
    if country is None and p.code[:2] in GROUP_PLACE_ROOTS:
        where = place_of(f.pred, list(f.themes))
        country = where.country if where else None
    if country is None and heads[0].pos_ != "NOUN" and heads[0].tag_ != "NNPS":
        return None  # a lone name the actor stage did not know ("Tibetans" counts as a people)
    return make_group(doc, heads[0], country, group_sector(heads[0], p.code))


# Prepositions on the act's own verb or noun that name what it is aimed at when nothing else
# does ("an investigation against X", "demanded an apology from X", "an attack on X").
AIM_PREPS = ("against", "on", "from", "to", "with", "into", "at", "upon", "toward", "towards", "for")
# Appeals and demands: the subject of the clause they govern is the one asked.
ASKING_ROOTS = frozenset({"02", "10"})
# Words of a phrase that make it no side of an act: pronouns of the actor itself and numbers alone.
NOT_A_SIDE = PRONOUNS | {"itself", "themselves", "himself", "herself", "this", "that", "it", "them", "him", "her", "us"}


def _held_people(obj: Token) -> bool:
    """People an actor frees, hands over or lets go ("freed forty activists") are whom the act
    is for, unlike its own forces ("sent its soldiers", "withdrew troops")."""
    head = counted(obj)
    if any(c.dep_ == "poss" for c in head.children) or group_sector(head) == "MIL":
        return False
    return head.lemma_.lower() in PERSON_NOUNS


def object_side(doc: Document, p: Pattern, f: Frame, sources: list[Actor]) -> list[Actor]:
    """The phrase an act is aimed at, as a side, when it names no known actor: the object
    ("freed 1,500 Taliban prisoners", "banned opposition parties"), the one a complement
    asks to act ("demanded that the prime minister apologize"), or the object of a
    preposition of aim ("an investigation against hundreds of banks"). An object that is the
    pattern's own theme ("expressed concern") is no side, but its "of" phrase may be ("the
    withdrawal of foreign forces"). Such a side has no country unless the actor stage gave one."""
    source_ids = {a.id for a in sources}
    heads: list[Token] = []
    for o in f.objects:
        if p.theme is not None and token_keys(o) & p.theme and not _held_people(o):
            heads += [x for c in o.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "against")
                      for x in c.children if x.dep_ == "pobj"]
        else:
            heads.append(o)
    if p.code[:2] in ASKING_ROOTS:
        # "demanded that the prime minister apologize": the one asked to act; in other acts a
        # clause is what is said ("apologised that the ferry sank"), not whom to.
        heads += [c for comp in f.complements for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
    order = p.target_preps or AIM_PREPS
    heads += [o for prep, o, at in sorted(f.preps, key=lambda x: order.index(x[0]) if x[0] in order else len(order))
              if at.i == f.pred.i and prep in order]
    acts = load_patterns().nouns.keys()
    for h in heads:
        h = counted(h)
        if h.pos_ not in ("NOUN", "PROPN") or h.lower_ in NOT_A_SIDE or any(t.i == f.pred.i for t in h.subtree):
            continue
        if h.lemma_.lower() in WEAPON_NOUNS or token_keys(h) & acts:
            continue  # a weapon or an act ("rocket fire", "war games") is what is done, not whom to
        if any(a.id in source_ids for a in actors_of(doc, h)):
            continue
        return [make_group(doc, h, None, None)]  # no sector: no country is guessed for it
    return []


def struck_group(doc: Document, p: Pattern, f: Frame, head: Token) -> Actor | None:
    """What violence or coercion fell on, when its phrase names no known actor: the thing or
    people struck, placed by their own place phrase ("militant positions in northern Iraq")
    or by where the act happened ("a convoy was attacked ... in eastern Congo"). A weapon,
    an act or a bare pronoun is never such a side."""
    if p.code[:2] not in VICTIM_ROOTS:
        return None
    h = counted(head)
    if h.pos_ != "NOUN" or h.lower_ in NOT_A_SIDE or h.lemma_.lower() in WEAPON_NOUNS or token_keys(h) & load_patterns().nouns.keys():
        return None
    if any(t.i == f.pred.i for t in h.subtree):
        return None
    country = place_country(doc, h)
    if country is None:
        where = [a for prep, o, at in f.preps if at.i == f.pred.i and prep in LAST_RESORT_PREPS
                 for a in actors_of(doc, o) if a.country and a.type in ("COUNTRY", "LOCATION")]
        # "shot dead two police officers at a checkpoint in San Pedro Sula": the place may sit
        # inside the phrase of where the act happened.
        where += [a for prep, o, at in f.preps if at.i == f.pred.i and prep in SCENE_PREPS
                  for a in subtree_places(doc, o)]
        country = where[0].country if where else None
    return None if country is None else make_group(doc, h, country, group_sector(h, p.code))


def subtree_places(doc: Document, head: Token) -> list[Actor]:
    """Places with a country named anywhere in a phrase ("a checkpoint in San Pedro Sula")."""
    return [a for a in actors_of(doc, head, deep=True) if a.country and a.type in ("COUNTRY", "LOCATION")]


def aimed_at_group(doc: Document, p: Pattern, head: Token) -> Actor | None:
    """People violence or repression was aimed at by "at"/"on"/"against" when the phrase names
    no known actor ("fired tear gas at opposition supporters"): a group of people, placed later
    by its context; a weapon, an act, a thing or a pronoun is none."""
    if p.code[:2] not in VICTIM_ROOTS:
        return None
    h = counted(head)
    if h.pos_ != "NOUN" or h.lower_ in NOT_A_SIDE or h.lemma_.lower() in WEAPON_NOUNS or token_keys(h) & load_patterns().nouns.keys():
        return None
    sector = group_sector(h, p.code)
    if sector is None:
        return None
    return make_group(doc, h, place_country(doc, h), sector)
