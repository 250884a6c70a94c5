"""Subjects that name no actor themselves: the pair a plural phrase points back to, and
documents that speak for their authors.

- "The two leaders agreed ...", "the sides", "both countries", "the ministers": the two
  actors of different countries named last before the phrase.
- "A report released in Kigali alleged ...": a report, a document or an incident is not an
  actor. The accusation is its authors' when the text names them ("a UN report", "a report
  by Amnesty"); otherwise the act has no source.
"""
from __future__ import annotations

from typing import Any

from ..models import Actor, Document
from .sides import actors_of, mention_index

Token = Any

# Nouns that, plural or counted as two, point back to a pair already named.
PAIR_NOUNS = frozenset({"leader", "side", "country", "minister", "nation", "government", "president", "party",
                        "delegation", "state", "neighbour", "neighbor", "capital", "premier", "counterpart"})
PAIR_WORDS = frozenset({"two", "both"})
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
    seen: list[Actor] = []
    countries: set[str] = set()
    lo = max(0, start - PAIR_WINDOW_CHARS)
    for at, actor in reversed(list(zip(index.starts, index.actors))):
        if at >= start or at < lo:
            continue
        if actor.type not in ("COUNTRY", "PERSON", "ORG", "GROUP") or not actor.country or actor.country in countries:
            continue
        seen.append(actor)
        countries.add(actor.country)
        if len(seen) == 2:
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
