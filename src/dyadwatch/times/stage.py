"""The time stage (filled in by the time issue)."""
from __future__ import annotations

from ..pipeline import Work, register


@register("times", 1, requires=["text"], provides=["times"])
def times_stage(work: Work) -> Work:
    """Time expressions normalised against the publication date."""
    return work
