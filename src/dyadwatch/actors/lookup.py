"""Finding the actor behind a span of text: the interface quotes and events use."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..models import Actor, Document, Mention

# Mention rules end in ">SECTOR" when the words say which part of the actor acts
# ("Baku" and "the Azerbaijani authorities" are Azerbaijan's government: rule "...>GOV").
SECTOR_MARK = ">"


def mentions_in(doc: Document, start: int, end: int) -> list[tuple[Mention, Actor]]:
    """Every actor mention overlapping [start, end), in text order."""
    index = mention_index(doc)
    first = bisect_left(index.starts, start - index.longest)
    last = bisect_left(index.starts, end)
    found = [pair for pair in index.pairs[first:last] if start < pair[0].end]
    return sorted(found, key=lambda pair: (pair[0].start, -pair[0].end))


@dataclass(frozen=True)
class MentionIndex:
    """A document's mentions sorted by start, for lookups by bisection: the events of one
    document ask about every span of it, and scanning every mention each time costs time
    quadratic in the document's length."""

    actors: list[Actor]
    size: tuple[int, int]
    starts: list[int]
    pairs: list[tuple[Mention, Actor]]
    longest: int


_last: list[MentionIndex] = []


def mention_index(doc: Document) -> MentionIndex:
    """The index of `doc`'s mentions, rebuilt when its actors or their mentions changed
    (one index is kept: the document being coded)."""
    size = (len(doc.actors), sum(len(a.mentions) for a in doc.actors))
    cached = _last[0] if _last else None  # read once: another thread may replace it
    if cached is not None and cached.actors is doc.actors and cached.size == size:
        return cached
    pairs = sorted(((m, a) for a in doc.actors for m in a.mentions), key=lambda pair: pair[0].start)
    index = MentionIndex(actors=doc.actors, size=size, starts=[m.start for m, _ in pairs], pairs=pairs,
                         longest=max((m.end - m.start for m, _ in pairs), default=0))
    _last[:] = [index]
    return index


def actor_at(doc: Document, start: int, end: int) -> Actor | None:
    """The actor of the longest mention overlapping [start, end), or None."""
    found = mentions_in(doc, start, end)
    if not found:
        return None
    return max(found, key=lambda pair: pair[0].end - pair[0].start)[1]


def mention_sector(mention: Mention) -> str | None:
    """The sector a mention's wording gives ("Moscow" -> GOV), or None."""
    rule = mention.rule or ""
    return rule.rpartition(SECTOR_MARK)[2] or None if SECTOR_MARK in rule else None


def mention_code(actor: Actor, mention: Mention) -> str | None:
    """CAMEO-style code of the actor as this mention names it: "Baku" -> AZEGOV, "Azerbaijan" -> AZE."""
    sector = mention_sector(mention)
    if sector and actor.type == "COUNTRY" and actor.code and not actor.code.endswith(sector):
        return actor.code + sector
    return actor.code
