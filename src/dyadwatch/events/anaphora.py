"""Subjects that name no actor themselves: the pair a plural phrase points back to, and
documents that speak for their authors.

- "The two leaders agreed ...", "the sides", "both countries", "the ministers": the two
  actors of different countries named last before the phrase.
- "A report released in Kigali alleged ...": a report, a document or an incident is not an
  actor. The accusation is its authors' when the text names them ("a UN report", "a report
  by Amnesty"); otherwise the act has no source.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..models import Actor, Document
from .sides import actors_of, mention_index

Token = Any

# Nouns that, plural or counted as two, point back to a pair already named.
PAIR_NOUNS = frozenset({"leader", "side", "country", "minister", "nation", "government", "president", "party",
                        "delegation", "state", "neighbour", "neighbor", "capital", "premier", "counterpart"})
PAIR_WORDS = frozenset({"two", "both"})
# Pair nouns that only persons are ("the two leaders"), which can single out two persons
# among the states and bodies of a longer list.
PERSON_PAIR_NOUNS = frozenset({"leader", "minister", "president", "premier", "counterpart"})
# How many parties a counted plural names ("the three countries").
PARTY_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
# Acts whose parties "between" names: talks, mediation, offers of them (CAMEO 03, 04).
BETWEEN_ROOTS = frozenset({"03", "04"})
# Nouns of talks whose "between" names their parties ("talks between the two neighbours").
PARLEY_NOUNS = frozenset({"talk", "talks", "negotiation", "dialogue", "meeting", "summit", "mediation", "consultation",
                          "discussion", "round", "conference", "contact", "exchange", "effort", "bid", "initiative",
                          "attempt", "process"})  # "a mediation effort between X and Y"
# Things that "say" in news without being anyone: their authors, when named, are the source.
DOCUMENT_NOUNS = frozenset({"report", "document", "study", "survey", "paper", "dossier", "memo", "memorandum",
                            "assessment", "review", "audit", "analysis", "incident", "leak", "cable", "findings",
                            "investigation", "inquiry"})
# How far back (characters) the named pair may be: about three sentences of wire copy.
PAIR_WINDOW_CHARS = 500
AUTHOR_PREPS = frozenset({"by", "from", "of"})


def _subject_heads(f) -> list[Token]:
    return list(f.agents if f.passive else f.subjects)


def plural_pair(doc: Document, f) -> list[Actor]:
    """The two actors a plural subject ("the two leaders", "both sides", "the ministers")
    points back to: the last two of different countries named before it, nearest first kept
    in text order."""
    heads = _subject_heads(f)
    if len(heads) != 1:
        return []
    h = heads[0]
    lemma = h.lemma_.lower()
    plural = h.tag_ in ("NNS", "NNPS") or any(c.lower_ in PAIR_WORDS for c in h.children)
    if lemma not in PAIR_NOUNS or not plural or not any(c.dep_ == "det" or c.lower_ in PAIR_WORDS for c in h.children):
        return []
    if actors_of(doc, h):
        return []  # "Armenian and Azerbaijani leaders" names its own
    index = mention_index(doc)
    start = h.idx
    seen: list[tuple[int, Actor]] = []
    countries: set[str] = set()
    lo = max(0, start - PAIR_WINDOW_CHARS)
    for at, actor in reversed(list(zip(index.starts, index.actors))):
        if at >= start or at < lo:
            continue
        if actor.type not in ("COUNTRY", "PERSON", "ORG", "GROUP") or not actor.country or actor.country in countries:
            continue
        seen.append((at, actor))
        countries.add(actor.country)
    if len(seen) < 2:
        return []
    listed = _listed_with(h, seen)
    if len(listed) <= 2:
        return [a for _, a in reversed(seen[:2])]
    # "the presidents of A, B and C met ...; the two leaders agreed": the last two of a list
    # of more than two are a guess. Only a kind that two of the list alone are (two persons
    # among states for "the two leaders") picks the pair; else no side beats a wrong one.
    if lemma in PERSON_PAIR_NOUNS:
        persons = [(at, a) for at, a in listed if a.type == "PERSON"]
        if len(persons) == 2:
            return [a for _, a in sorted(persons, key=lambda x: x[0])]
    return []


def _listed_with(h: Token, seen: list[tuple[int, Actor]]) -> list[tuple[int, Actor]]:
    """The candidates named in the same sentence as the earlier of the nearest two: the list
    the pair would be taken from."""
    starts = [s.start_char for s in h.doc.sents]
    def sentence(at: int) -> int:
        return bisect_right(starts, at)
    own = sentence(seen[1][0])
    return [(at, a) for at, a in seen if sentence(at) == own]


def parties_between(doc: Document, p, f, sources: list[Actor]) -> list[Actor]:
    """The parties of talks or mediation an act names with "between" ("offered to host talks
    between the two neighbours", "to mediate between the two sides", "talks between the
    three countries"): the actors it names, or, for a plural phrase of parties, the ones named
    before it, the act's own source left out."""
    if p.code[:2] not in BETWEEN_ROOTS:
        return []
    own = {a.id for a in sources}
    for o in _between_objects(f.pred):
        named = [a for a in actors_of(doc, o) if a.id not in own]
        if named:
            return named
        counted = next((PARTY_COUNTS[c.lower_] for c in o.children if c.lower_ in PARTY_COUNTS), 2)
        if o.lemma_.lower() in PAIR_NOUNS and o.tag_ in ("NNS", "NNPS"):
            return named_before(doc, o.idx, counted, sources)
    return []


def _between_objects(pred: Token) -> list[Token]:
    """Objects of "between" in the act's own phrases, its aims and complements included
    ("offered to host talks between ..."), not in clauses with a subject of their own."""
    out = []
    for t in pred.subtree:
        if t.lower_ != "between" or t.dep_ != "prep":
            continue
        if t.head.pos_ != "VERB" and t.head.lemma_.lower() not in PARLEY_NOUNS:
            continue  # "amid strained relations between X and Y": the setting, not the parties
        up, own = t.head, True
        while up.i != pred.i and own:
            own = up.dep_ not in ("relcl", "ccomp", "acl", "parataxis") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in up.children)
            up = up.head
        if own:
            out += [o for o in t.children if o.dep_ == "pobj"]
    return out


def named_before(doc: Document, start: int, count: int, sources: list[Actor]) -> list[Actor]:
    """The last `count` actors named before `start`, of different countries when there are
    enough such (else different actors: "the two sides" of one country's crisis), the given
    sources and their countries left out; in text order."""
    index = mention_index(doc)
    own_ids = {a.id for a in sources}
    own_countries = {a.country for a in sources} - {None}
    lo = max(0, start - PAIR_WINDOW_CHARS)
    before = [actor for at, actor in reversed(list(zip(index.starts, index.actors)))
              if lo <= at < start and actor.type in ("COUNTRY", "PERSON", "ORG", "GROUP") and actor.country and actor.id not in own_ids]
    foreign = [a for a in before if a.country not in own_countries]
    for pool, key in ((foreign, "country"), (before, "id")):
        seen: list[Actor] = []
        for actor in pool:
            if all(getattr(actor, key) != getattr(x, key) for x in seen):
                seen.append(actor)
            if len(seen) == count:
                return list(reversed(seen))
    return []


def document_subject(doc: Document, f) -> tuple[bool, list[Actor]]:
    """(is the subject a document or an incident, the authors it names)."""
    heads = _subject_heads(f)
    if len(heads) != 1 or heads[0].lemma_.lower() not in DOCUMENT_NOUNS:
        return False, []
    h = heads[0]
    authors = [a for c in h.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in actors_of(doc, c)]
    authors += [a for c in h.children if c.dep_ == "prep" and c.lower_ in AUTHOR_PREPS
                for o in c.children if o.dep_ == "pobj" for a in actors_of(doc, o) if a.type != "LOCATION"]
    return True, [a for a in authors if a.type != "LOCATION"]
