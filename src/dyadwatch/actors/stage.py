"""The actor stage: mentions resolved to actors (dictionary, NER, roles, coreference)."""
from __future__ import annotations

from ..pipeline import Work, register
from .resolve import resolve_actors


def find_actors(work: Work) -> Work:
    """Resolve the actors of one document; documents without a parse get none."""
    if work.parse is None or not work.doc.text:
        return work
    work.doc.actors = resolve_actors(work.parse, published=work.doc.published, outlet=work.doc.outlet)
    return work


@register("actors", 1, requires=["text", "parse"], provides=["actors"])
def actors_stage(work: Work) -> Work:
    """Mentions resolved to actors (dictionary, roles, coreference)."""
    return find_actors(work)
