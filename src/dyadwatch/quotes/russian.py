"""The Russian quotation stage (quotes-ru.v1)."""
from __future__ import annotations

from ..pipeline import Work, register
from .stage import find_quotes


@register("quotes-ru", 1, requires=["text", "parse", "actors"], provides=["quotes"])
def quotes_ru_stage(work: Work) -> Work:
    """Direct and reported speech in Russian, each with its speaker."""
    work.doc.quotes = find_quotes(work.doc, None)
    return work
