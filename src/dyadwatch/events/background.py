"""A past act mentioned as the background of the news is not a new event.

News recalls earlier acts by naming them as nouns: "on the third anniversary of the invasion",
"since the 2020 war", "the 2022 declaration", "in the aftermath of the coup", "after last
year's ceasefire". Such a noun names a known act to place the present one in time, so the
coder does not code it again (a verb that states the act still is coded, with its date).
"""
from __future__ import annotations

import re
from typing import Any

Token = Any

# Prepositions that place the present against an earlier act ("since the war", "after the coup").
BEFORE_NOW_PREPS = frozenset({"since", "after", "following", "before", "until", "till", "prior"})
# Nouns whose "of" phrase is an earlier act recalled ("the anniversary of the invasion").
RECALLING_NOUNS = frozenset({"anniversary", "aftermath", "wake", "memory", "legacy", "commemoration", "remembrance",
                             "history", "repeat", "lessons", "lesson", "scars", "legacy", "echoes", "echo"})
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
PAST_WORDS = frozenset({"last", "previous", "earlier", "former", "past", "prior"})


def _dated_by_a_year(noun: Token) -> bool:
    """ "the 2022 declaration", "the 1994 genocide", "last year's ceasefire"."""
    for c in noun.children:
        if c.dep_ in ("nummod", "compound", "amod", "npadvmod") and YEAR.match(c.text):
            return True
        if c.dep_ == "poss" and c.lower_ in ("year", "month", "week") and any(g.lower_ in PAST_WORDS for g in c.children):
            return True
    return False


def is_background(noun: Token) -> bool:
    """Is this noun of an act a mention of an earlier act as background?"""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if _dated_by_a_year(noun):
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ in BEFORE_NOW_PREPS:
            return True
        if head.lower_ == "of" and head.head.lemma_.lower() in RECALLING_NOUNS:
            return True
        if head.lower_ == "in" and head.head.lemma_.lower() in ("wake", "aftermath"):
            return True
    return False
