"""The event stage: who did what to whom, coded to CAMEO and PLOVER, dated and placed."""
from __future__ import annotations

from ..pipeline import Work, register
from .coder import code_parse


def find_events(work: Work) -> Work:
    """Code the events of one parsed document (no parse: no events)."""
    if work.parse is None:
        return work
    coding = code_parse(work.doc, work.parse)
    work.doc.events = coding.events
    # Sides the coder named from the text ("thousands of students") become actors of the
    # document, so every event side points to an actor with the words that name it.
    work.doc.actors = [*work.doc.actors, *coding.groups]
    return work


@register("events", 1, requires=["text", "parse", "actors", "times"], provides=["events"])
def events_stage(work: Work) -> Work:
    """Who did what to whom, coded to CAMEO and PLOVER, dated and placed."""
    return find_events(work)
