"""The Russian time stage (times-ru.v1)."""
from __future__ import annotations

from ..pipeline import Work, register
from .find import find_times


@register("times-ru", 1, requires=["text"], provides=["times"])
def times_ru_stage(work: Work) -> Work:
    """Russian time expressions normalised against the publication date."""
    doc = work.doc
    doc.times = find_times(doc.text, doc.published or work.input.published, doc.language) if doc.text else []
    return work
