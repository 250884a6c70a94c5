"""The actor stage (filled in by the actors issue)."""
from __future__ import annotations

from ..pipeline import Work, register


@register("actors", 1, requires=["text", "parse"], provides=["actors"])
def actors_stage(work: Work) -> Work:
    """Mentions resolved to actors (dictionary, roles, coreference)."""
    return work
