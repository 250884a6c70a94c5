"""Who acts and on whom: the phrases of a predicate's frame read for the actors on each side.

The source is the subject (the agent of a passive, the "by" or "of" phrase of a noun that
names an act); the target is the first phrase, most likely first, that names actors other
than the sources: the object, a prepositional object the pattern names, the one a complement
clause asks to act, then a place of last resort.
"""
from __future__ import annotations

from typing import Any

from ..models import Actor, Document
from .args import POSSESSIVE_PRONOUNS, Frame, children, preps_of, read_frame, token_keys
from .frames import CONTACT_VERBS, LANGUAGE
from .grammar import grammar
from .patterns import Pattern
from .places import PLACE_NOUNS
from .sides import IGO_PREFIX, actors_of, side_code, subtree_actors
from .unnamed import AIM_AT_PREPS, LAST_RESORT_PREPS, PERSON_NOUNS, aimed_at_group, PRONOUNS, VICTIM_ROOTS, counted, group_sector, make_group, struck_group

Token = Any

# Dependencies of a word that only describes the noun it hangs on ("Russian airspace").
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "case"})
# Prepositions that may introduce the target when a pattern names none, most likely first.
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "from", "over", "about",
                        "regarding", "concerning", "into", "for", "upon", "of", "between")
# Roots whose acts move people or things to someone (offer, aid, withdraw, deploy): the
# object the pattern names as theme ("sent troops") is carried, not targeted.
CARRYING_ROOTS = frozenset({"03", "05", "07", "08", "15"})
AID_ROOT = "07"
# Nouns of places whose "of" phrase names where something happens, not a party ("marched
# through the streets of Nairobi", "in the centre of Minsk").
SETTING_NOUNS = PLACE_NOUNS | {"street", "centre", "center", "square", "road", "avenue", "heart", "part"}
# Statements, appeals and meetings: the place they happen in is no party to them.
TALK_ROOTS = frozenset({"01", "02", "04"})
TALK_NOUNS = frozenset({"talk", "talks", "meeting", "negotiation", "summit", "conference", "session", "round"})
AUTHOR_PREPS = frozenset({"by", "from"})
# Nouns that, with a possessive pronoun, name the speaker's own state ("his country will not ...").
POLITY_NOUNS = frozenset({"country", "nation", "government", "administration", "state"})
# Subordinators of a condition another party must meet ("threatened to walk out unless X ...").
CONDITION_MARKS = frozenset({"if", "unless"})
# Threats (CAMEO 13): a threat made on a condition is aimed at whoever must meet it.
THREAT_ROOT = "13"
# Refusals (CAMEO 12) and the prepositions of what they are made in spite of.
REFUSAL_ROOT = "12"
DEFIANCE_PREPS = frozenset({"despite", "defiance"})
# Yielding (CAMEO 08) is yielding to someone: the phrases that name to whom ("in a concession
# to X", "in response to protests by X", "bowing to X's demands", "yielding to pressure from X").
YIELD_ROOT = "08"
CONCESSION_NOUNS = frozenset({"concession", "response", "deference", "answer", "reply", "capitulation"})
YIELDING_VERBS = frozenset({"yield", "bow", "bend", "cave", "succumb", "give", "respond", "heed", "accede", "concede", "relent"})
# Words of pressure whose author is the one yielded to ("demands from X", "objections by X").
PRESSURE_AUTHOR_PREPS = frozenset({"by", "from", "of"})
# Nouns of organised people who press for concessions, named without a known actor.
GROUP_NOUNS = frozenset({"group", "union", "party", "movement", "association", "campaigner", "activist", "organisation",
                         "organization", "opposition"})

# Verbs of telling whose object is the one told ("told X it was ready to ...", "assured X that").
TELLING_VERBS = frozenset({"tell", "inform", "assure", "notify", "reassure", "promise", "advise", "brief"})

# Roots whose acts are mutual: with no explicit parties, "between A and B" names them.
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})


def find_sources(doc: Document, p: Pattern, f: Frame) -> list[Actor]:
    heads = list(f.agents) if f.passive else list(f.subjects)
    if p.nominal:
        heads = list(f.subjects) + [o for prep, o, at in f.preps if at.i == f.pred.i and prep == "by"]
        if not heads:
            heads = [o for prep, o, at in f.preps if at.i == f.pred.i and prep == "of" and "of" not in p.target_preps]
    found: list[Actor] = []
    for h in heads:
        for a in actors_of(doc, h):
            if all(a.id != b.id for b in found):
                found.append(a)
    if not found and heads and all(h.lower_ in PRONOUNS or _own_polity(h) for h in heads):
        frame = reporting_frame(f.pred)
        if frame is not None:
            # "X said it would ...": the pronoun is most often the speaker.
            found = speakers(doc, frame)
    return found


def _own_polity(head: Token) -> bool:
    """"his country", "its government": the speaker's own side, named by a possessive."""
    return head.lemma_.lower() in POLITY_NOUNS and any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in head.children)


def reporting_frame(pred: Token) -> Token | None:
    """The verb of saying whose complement holds `pred` ("said" in "X said it would ...")."""
    tok = pred
    for _ in range(6):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in ("conj", "ccomp", "xcomp", "acomp"):
            return None
        if tok.dep_ == "ccomp" and head.lemma_.lower() in grammar(LANGUAGE).reporting_verbs:
            return head
        tok = head
    return None


def speakers(doc: Document, frame: Token) -> list[Actor]:
    out: list[Actor] = []
    for s in children(frame, "nsubj"):
        # "The Red Cross operating in Iraq said": the parse may make the participle the
        # subject of saying, with the speaker as its own subject.
        heads = children(s, "nsubj") if s.pos_ in ("VERB", "AUX") else []
        for h in heads or [s]:
            out += actors_of(doc, h)
    return out


def _target_heads(doc: Document, p: Pattern, f: Frame, source_countries: set[str]) -> list[tuple[Token, bool | None]]:
    """Phrases that may name the target, most likely first, each with how to read it: True
    to look deep into it, False for its noun phrase, None for a place of last resort."""
    heads: list[tuple[Token, bool | None]] = []
    if not p.notarget and not p.nominal:
        heads += [(o, False) for o in f.objects if not _carried_thing(doc, p, o, source_countries)]
        # "rejected calls by Belarus", "accepted demands from the rebels": the author of what
        # the act answers is its target.
        heads += [(a, False) for o in f.objects for prep, a, _ in preps_of(o) if prep in AUTHOR_PREPS]
        # "rejected the proposal put forward by Kosovo": the agent of a participle on the object.
        heads += [(a, False) for o in f.objects for v in children(o, "acl") for prep, a, _ in preps_of(v) if prep == "by"]
    order = p.target_preps or DEFAULT_TARGET_PREPS
    ranked = sorted(f.preps, key=lambda x: order.index(x[0]) if x[0] in order else len(order))
    usable = [(prep, o, at) for prep, o, at in ranked if prep in order and (prep != "by" or at.i != f.pred.i)
              and not (prep == "of" and at.lemma_.lower() in SETTING_NOUNS)]  # "the streets of Nairobi" is a setting
    heads += [(o, True) for prep, o, at in usable if at.i == f.pred.i]
    for comp in f.complements:
        # "demanded that Peru cancel ...", "threatened to shell Syrian villages": the one asked
        # to act, or the one the intended act falls on, is the target; it outranks phrases
        # hanging further down ("in retaliation for a raid on X").
        heads += [(o, False) for o in children(comp, "nsubj", "nsubjpass", "dobj") if not _carried_thing(doc, p, o, source_countries)]
    heads += [(o, True) for prep, o, at in usable if at.i != f.pred.i]
    for aim in children(f.pred, "advcl"):
        if aim.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in aim.children):
            # "began a hunger strike to demand the resignation of X": whom the act is aimed at.
            heads += [(o, True) for o in children(aim, "dobj")] + [(o, True) for prep, o, _ in preps_of(aim) if prep in order]
            # "sent material to help defend X", "to help rebuild X": the one the aim serves.
            heads += [(o, True) for x in children(aim, "xcomp") for o in children(x, "dobj")]
    # Last resort: where the act is aimed ("lifted the curfew in Montenegro").
    heads += [(o, None) for prep, o, at in f.preps if prep in LAST_RESORT_PREPS]
    return heads


def _carried_thing(doc: Document, p: Pattern, obj: Token, source_countries: set[str]) -> bool:
    """Is the object what the act moves or gives rather than whom it is aimed at: the actor's
    own ("sent its soldiers", "withdrew their forces") or the people the pattern names as
    its theme ("sent troops to X")? The addressee is then in a prepositional phrase. An
    object that names another country or a body of states is never the actor's own."""
    if p.code[:2] == AID_ROOT and p.theme is not None and bool(token_keys(obj) & p.theme) and group_sector(counted(obj)) is None:
        # "handed over a Guardian-class patrol boat to X", "delivered US-made rifles to X":
        # what aid names as its theme is the gift, and a name on it says what kind, not who gets
        # it; people taken in ("Syrian refugees") are whom it is for.
        return True
    for a in actors_of(doc, obj):
        if (a.country and a.country not in source_countries) or (side_code(a) or "").startswith(IGO_PREFIX):
            return False
    if any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in obj.children):
        return True
    return p.theme is not None and p.code[:2] in CARRYING_ROOTS and bool(token_keys(obj) & p.theme)


def place_targets(doc: Document, p: Pattern, f: Frame, sources: list[Actor]) -> list[Actor]:
    """Last resort: the country where the act is aimed ("lifted the curfew in Montenegro"),
    never for a mutual act whose parties are already named ("met in Budapest")."""
    if p.code[:2] in MUTUAL_ROOTS and len(sources) >= 2 or p.code[:2] in TALK_ROOTS:
        return []
    if any(t.lemma_.lower() in TALK_NOUNS for t in (f.pred, *f.themes)):
        return []  # "ended two days of talks in Vienna": the venue is no party
    return find_targets(doc, p, f, sources, places=True, only_places=True)


def find_targets(doc: Document, p: Pattern, f: Frame, sources: list[Actor], *, places: bool = True,
                 only_places: bool = False) -> list[Actor]:
    """The first phrase that names actors other than the sources.

    Looking deep into a prepositional object ("publications in the Azerbaijani media"), an
    actor of the source's own country is passed over for a foreign one when there is one.
    """
    source_ids = {a.id for a in sources}
    source_countries = {a.country for a in sources} - {None}
    fallback: list[Actor] = []
    for head, deep in _target_heads(doc, p, f, source_countries):
        if (deep is None and not places) or (deep is not None and only_places):
            continue
        # A place the gazetteer cannot put in a country codes as nothing.
        found = [a for a in actors_of(doc, head, deep=bool(deep)) if a.id not in source_ids and (a.country or a.type != "LOCATION")]
        if deep is False and not found and p.code[:2] in VICTIM_ROOTS and not _carried_thing(doc, p, head, source_countries):
            # "bombed militant positions in northern Iraq": what was struck, placed where it is,
            # not the place alone
            group = struck_group(doc, p, f, head)
            if group is not None:
                return [group]
        if deep and not found and _aimed_at(f, head):
            # "fired tear gas and rubber bullets at opposition supporters": the people aimed at
            group = aimed_at_group(doc, p, head)
            if group is not None:
                return [group]
        if _describes_a_setting(p, f, head, deep):
            found = [a for a in found if not _own_by_modifier(doc, head, a, source_countries)]
        if deep is None:
            found = [a for a in found if a.country]  # where the act is aimed: a place with a country
        elif deep:
            foreign = [a for a in found if a.country not in source_countries]
            if not foreign:
                foreign = [a for a in subtree_actors(doc, head) if a.id not in source_ids and a.country not in source_countries][:1]
            if not foreign:
                fallback = fallback or found
                continue
            found = foreign
        if found:
            return found
    shares = f.pred.dep_ == "conj" or (f.pred.dep_ in ("xcomp", "advcl") and f.pred.head.lemma_.lower() in CONTACT_VERBS)
    if not fallback and shares and not f.objects and f.pred.head.pos_ == "VERB":
        # "called X and apologized", "called X to apologize": a conjunct or the aim of a
        # contact with no object of its own shares its partner's.
        return find_targets(doc, p, read_frame(f.pred.head), sources, places=places, only_places=only_places)
    return fallback


def _aimed_at(f: Frame, head: Token) -> bool:
    """Is the phrase the object of "at"/"on"/"against" on the predicate itself?"""
    return any(o.i == head.i and at.i == f.pred.i and prep in AIM_AT_PREPS for prep, o, at in f.preps)


def _describes_a_setting(p: Pattern, f: Frame, head: Token, deep: bool | None) -> bool:
    """Is the phrase a setting of the act rather than its addressee: a place of last resort
    ("in Russian airspace") or a phrase inside a complement clause ("apologised that the
    incident took place in ...")? A phrase on the verb itself may name a domestic side
    ("to press their demands on the Algerian government"), so it stays a candidate. Violence and coercion done in a place are done to it, so
    their places stay candidates (a state's acts against its own people are real events)."""
    if p.code[:2] in VICTIM_ROOTS or deep is False:
        return False
    if deep is None:
        return True
    inside = {t.i for c in f.complements for t in c.subtree}
    return head.i in inside


def _own_by_modifier(doc: Document, head: Token, actor: Actor, own: set[str]) -> bool:
    """Is the actor the source's own country, named in the phrase only by a modifier
    ("Russian" in "Russian airspace") and not by the phrase's head?"""
    if actor.country not in own:
        return False
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    for m in actor.mentions:
        if m.end <= lo or m.start >= hi:
            continue
        named = [t for t in head.subtree if t.idx < m.end and t.idx + len(t.text) > m.start]
        if any(t.dep_ not in MODIFIER_DEPS for t in named):
            return False
    return True


def condition_parties(doc: Document, p: Pattern, f: Frame, sources: list[Actor]) -> list[Actor]:
    """Whom a conditional threat is aimed at: the subject (or agent) of its "if"/"unless"
    clause ("threatened to halt talks if Ruritania deploys missiles"), which the parse may
    hang on the threatened act rather than on "threaten". A threat is pressure on the party
    that must act to avert it (CAMEO 13: "threaten ... unless demands are met")."""
    if p.code[:2] != THREAT_ROOT:
        return []
    ids = {a.id for a in sources}
    countries = {a.country for a in sources} - {None}
    for head in (f.pred, *f.complements):
        for c in children(head, "advcl"):
            mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in CONDITION_MARKS), None)
            if mark is None:
                continue
            # The condition's own subject follows its mark within the clause; a name after a
            # comma is most often the attribution the parse folded in ("..., the minister said").
            parties = [h for h in children(c, "nsubj") + [o for prep, o, _ in preps_of(c) if prep == "by"]
                       if not any(t.text == "," for t in h.doc[mark.i:h.i])]
            found = [a for h in parties for a in actors_of(doc, h) if a.id not in ids and (a.country is None or a.country not in countries)]
            if found:
                return found
    return []


def defied_parties(doc: Document, p: Pattern, f: Frame, sources: list[Actor]) -> list[Actor]:
    """Whom a refusal defies when it names no one else: the authors of the pressure, calls
    or demands it is made in spite of ("declined to resign despite pressure from the
    anti-corruption commission", "rejected the plan in defiance of calls by X")."""
    if p.code[:2] != REFUSAL_ROOT:
        return []
    ids = {a.id for a in sources}
    own = {f.pred.i} | {c.i for c in f.complements}  # "declined to resign despite ..."
    for prep, o, at in f.preps:
        if prep not in DEFIANCE_PREPS or at.i not in own:
            continue
        pressure = [o] + [x for pp, x, _ in preps_of(o) if pp == "of"]  # "in defiance of calls by X"
        authors = [a for t in pressure for pp, x, _ in preps_of(t) if pp in AUTHOR_PREPS | {"of"} for a in actors_of(doc, x)]
        authors += [a for t in pressure for c in children(t, "poss") for a in actors_of(doc, c)]
        found = [a for a in authors if a.id not in ids]
        if found:
            return found
    return []


def between_pair(doc: Document, pred: Token) -> list[Actor]:
    """The two parties of "between A and B" in the predicate's sentence."""
    for t in pred.sent:
        if t.lower_ == "between" and t.dep_ == "prep":
            for o in children(t, "pobj"):
                found = actors_of(doc, o)
                if len(found) >= 2:
                    return found[:2]
    return []


def yielded_parties(doc: Document, p: Pattern, f: Frame, sources: list[Actor]) -> list[Actor]:
    """Whom a concession (CAMEO 08) yields to, when a phrase of the act says so: the object of
    "in a concession to" / "in response to" on the act, or of "to" after a participle of
    yielding hung on it ("Bowing to roadblocks by the unions, parliament scrapped ..."), read
    as the pressure's author ("objections from X", "X's demands", "opposition demands") or,
    when it names people, the people themselves ("in a concession to rights groups")."""
    if p.code[:2] != YIELD_ROOT:
        return []
    yielded: list[Token] = [x for prep, o, at in f.preps if at.i == f.pred.i and prep == "in" and o.lemma_.lower() in CONCESSION_NOUNS
                            for pp, x, _ in preps_of(o) if pp == "to"]
    for c in f.pred.children:
        if c.dep_ in ("advcl", "acl", "xcomp", "conj") and c.lemma_.lower() in YIELDING_VERBS and c.i != f.pred.i:
            yielded += [x for pp, x, at in preps_of(c) if pp == "to" and at.i == c.i]
    if f.pred.dep_ in ("advcl",) and f.pred.lemma_.lower() in YIELDING_VERBS:
        yielded += [x for prep, x, at in f.preps if prep == "to" and at.i == f.pred.i]
    ids = {a.id for a in sources}
    for x in yielded:
        found = [a for a in _pressure_authors(doc, x) if a.id not in ids]
        if found:
            return found
    return []


def _pressure_authors(doc: Document, x: Token) -> list[Actor]:
    # "weeks of strikes by the unions": the pressure may be the "of" phrase of a measure.
    chain = [counted(x)] + [counted(o) for pp, o, _ in preps_of(counted(x)) if pp == "of"]
    for pressure in chain:
        authors = [a for pp, o, _ in preps_of(pressure) if pp in PRESSURE_AUTHOR_PREPS for a in actors_of(doc, o)]
        authors += [a for c in children(pressure, "poss") for a in actors_of(doc, c)]
        authors += actors_of(doc, pressure)
        if authors:
            return authors
    for pressure in chain:
        # Nobody the actor stage knows: the people named, as an unnamed side ("rights groups",
        # "roadblocks by transport unions", "opposition demands").
        authors = [counted(o) for pp, o, _ in preps_of(pressure) if pp in ("by", "from")]
        for h in authors:  # whoever the pressure is "by" or "from" presses, whatever the noun
            if h.pos_ in ("NOUN", "PROPN") and h.lower_ not in PRONOUNS:
                return [make_group(doc, h, None, group_sector(h))]
        people = [c for c in pressure.children if c.dep_ in ("compound", "poss", "amod") and c.pos_ in ("NOUN", "PROPN")]
        for h in [*people, pressure]:
            sector = group_sector(h)
            if h.pos_ in ("NOUN", "PROPN") and (sector is not None or h.lemma_.lower() in PERSON_NOUNS | GROUP_NOUNS):
                return [make_group(doc, h, None, sector)]
    return []


def told_parties(doc: Document, pred: Token, sources: list[Actor]) -> list[Actor]:
    """Whom a stated intention is told to: the object of the verb of telling that reports it
    ("X told Y on Thursday it was ready to contribute ships", "assured Y that it would send
    aid"). An intention to cooperate told to someone is an offer to them (CAMEO 03)."""
    frame = reporting_frame(pred)
    if frame is None or frame.lemma_.lower() not in TELLING_VERBS:
        return []
    ids = {a.id for a in sources}
    told = [o for o in frame.children if o.dep_ in ("dobj", "dative") and o.i < pred.i]
    return [a for o in told for a in actors_of(doc, o) if a.id not in ids]


# Protests (CAMEO 14) name what they are against in their own phrases more often than as an
# object: "marched ... to protest against X", "in protest against X", "demanding the
# resignation of X", "rallied outside X's embassy", "piling pressure on X".
PROTEST_ROOT = "14"
PROTEST_AIM_PREPS = frozenset({"against", "outside"})
PROTEST_AIM_VERBS = frozenset({"protest", "demand", "denounce", "oppose", "accuse", "condemn"})
PRESSURE_NOUNS = frozenset({"pressure"})


def protest_aims(doc: Document, p: Pattern, f: Frame, sources: list[Actor]) -> list[Actor]:
    """Whom a protest is aimed at when its own phrases name it: the object of "against" or
    "outside", of a protesting or demanding verb that hangs on it, or of "pressure on". The
    phrases of clauses with a subject of their own are left alone ("after parliament elected
    X" names no aim)."""
    if p.code[:2] != PROTEST_ROOT:
        return []
    own = {a.id for a in sources}
    heads: list[Token] = []
    stack = list(f.pred.children)
    while stack:
        t = stack.pop()
        if t.dep_ in ("relcl", "ccomp", "parataxis") or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            continue
        pressing = t.lower_ == "on" and any(w.lemma_.lower() in PRESSURE_NOUNS for w in (t.head, *children(t.head, "dobj")))
        if t.dep_ == "prep" and (t.lower_ in PROTEST_AIM_PREPS or pressing):
            heads += [o for o in t.children if o.dep_ == "pobj"]
        elif t.dep_ in ("dobj",) and t.head.lemma_.lower() in PROTEST_AIM_VERBS and t.head.i != f.pred.i:
            heads.append(t)
        stack.extend(t.children)
    for h in sorted(heads, key=lambda t: t.i):
        found = [a for a in actors_of(doc, h, deep=True) if a.id not in own and a.type != "LOCATION"]
        if found:
            return found
    return []
