"""The Russian event stage (events-ru.v1)."""
from __future__ import annotations

from ..pipeline import Work, register


@register("events-ru", 1, requires=["text", "parse", "actors", "times"], provides=["events"])
def events_ru_stage(work: Work) -> Work:
    """Who did what to whom in Russian text, coded to CAMEO and PLOVER, dated and placed."""
    return work
