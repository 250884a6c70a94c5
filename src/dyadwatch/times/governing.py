"""The date of a stretch of text (a sentence, an event): the interface events use."""
from __future__ import annotations

from ..models import Document


def date_for_span(doc: Document, start: int, end: int) -> tuple[str | None, str]:
    """(value, precision) for the text in [start, end).

    precision is 'day', 'month', 'year' when a time expression governs the span, 'anchor'
    when the publication date stands in, 'none' when neither is known.
    """
    for t in doc.times:
        if start <= t.start and t.end <= end and t.type == "DATE" and t.value and t.value[:4].isdigit():
            v = t.value
            return v, "day" if len(v) >= 10 else "month" if len(v) == 7 else "year"
    if doc.published:
        return doc.published[:10], "anchor"
    return None, "none"
