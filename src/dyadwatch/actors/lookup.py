"""Finding the actor behind a span of text: the interface quotes and events use."""
from __future__ import annotations

from ..models import Actor, Document, Mention


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
