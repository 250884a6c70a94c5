"""The time stage: every time expression of the text, normalised against the publication date."""
from __future__ import annotations

from ..pipeline import Work, register
from .find import find_times


@register("times", 1, requires=["text"], provides=["times"])
def times_stage(work: Work) -> Work:
    """Time expressions normalised against the publication date."""
    doc = work.doc
    published = doc.published or work.input.published
    doc.times = find_times(doc.text, published, doc.language) if doc.text else []
    return work
