"""The quotation stage (filled in by the quotations issue)."""
from __future__ import annotations

from ..pipeline import Work, register


@register("quotes", 1, requires=["text", "parse", "actors"], provides=["quotes"])
def quotes_stage(work: Work) -> Work:
    """Direct and reported speech, each with its speaker."""
    return work
