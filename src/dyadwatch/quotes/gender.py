"""Whether a person named in a text is a man or a woman, when the text or the name says so.

Used only to keep "she said" from going to the man named last (issue 13), where the actor
stage left the pronoun unlinked. The evidence is the actor stage's: a form of address or a
gendered title next to one of the person's mentions or among their roles, else the given name or
a gendered surname ending (`actors.names.name_gender`). No evidence, no answer: such a person
stays compatible with either pronoun.
"""
from __future__ import annotations

import re

from ..actors.coref import FEMALE_WORDS, MALE_WORDS
from ..actors.names import name_gender
from ..models import Actor

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
WORD = re.compile(r"[\w.]+")
# Words looked at before each mention for a form of address or a title ("Ms", "spokeswoman").
WORDS_BEFORE = 2


def person_gender(text: str, name: str, actor: Actor | None) -> str | None:
    """'f', 'm' or None for a person of `text` called `name` (with its actor, if any)."""
    if actor is not None:
        words: set[str] = set()
        for m in actor.mentions:
            words.update(w.lower() for w in WORD.findall(text[max(0, m.start - 30):m.start])[-WORDS_BEFORE:])
        for role in actor.roles:
            words.update(role.lower().split())
        female, male = bool(words & FEMALE_WORDS - {"she", "her"}), bool(words & MALE_WORDS - {"he", "him"})
        if female != male:
            return "f" if female else "m"
    return name_gender(name)
