"""The event stage (filled in by the events issue)."""
from __future__ import annotations

from ..pipeline import Work, register


@register("events", 1, requires=["text", "parse", "actors", "times"], provides=["events"])
def events_stage(work: Work) -> Work:
    """Who did what to whom, coded to CAMEO and PLOVER, dated and placed."""
    return work
