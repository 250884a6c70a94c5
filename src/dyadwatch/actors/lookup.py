"""Finding the actor behind a span of text: the interface quotes and events use."""
from __future__ import annotations

from ..models import Actor, Document, Mention

# Mention rules end in ">SECTOR" when the words say which part of the actor acts
# ("Baku" and "the Azerbaijani authorities" are Azerbaijan's government: rule "...>GOV").
SECTOR_MARK = ">"


def mentions_in(doc: Document, start: int, end: int) -> list[tuple[Mention, Actor]]:
    """Every actor mention overlapping [start, end), in text order."""
    found = [(m, a) for a in doc.actors for m in a.mentions if m.start < end and start < m.end]
    return sorted(found, key=lambda pair: (pair[0].start, -pair[0].end))


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
