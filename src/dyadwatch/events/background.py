"""A past act mentioned as the background of the news is not a new event.

News recalls earlier acts by naming them as nouns: "on the third anniversary of the invasion",
"since the 2020 war", "the 2022 declaration", "in the aftermath of the coup", "after last
year's ceasefire". Such a noun names a known act to place the present one in time, so the
coder does not code it again (a verb that states the act still is coded, with its date).
"""
from __future__ import annotations

import re
from typing import Any

from ..models import TimeExpr
from ..times.calendar import precision_of
from ..times.governing import times_within

Token = Any

# A time expression that writes out a year, a year or a longer span ("in 2022", "since 2021", "in
# the early 2000s"): the way news recalls the past.
WHOLE_YEARS = frozenset({"year", "decade", "century"})
WRITTEN_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")

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



def recalled_by_its_year(pred: Token, times: list[TimeExpr], published: str | None) -> TimeExpr | None:
    """The time phrase on the act's own predicate that writes out a year before the year of
    publication ("China signed a security pact with X in 2022", "the two countries held talks
    in the early 2000s"), if there is one: such an act is recalled as background, not news.
    A bare month or weekday is left alone (its year is inferred, not written), and so is a day
    ("on December 28, 2024"): an act dated to the day is reported as news, however late."""
    if not published or not published[:4].isdigit():
        return None
    filed = int(published[:4])
    sent = pred.sent
    for t in times_within(times, sent.start_char, sent.end_char):
        if not t.value or not WRITTEN_YEAR.search(t.text):
            continue
        if precision_of(t.value) not in WHOLE_YEARS:
            continue  # "on December 28, 2024": a dated act of record, reported later, is still news
        years = [int(y[:4]) for y in WRITTEN_YEAR.findall(t.text)]
        if max(years) + (9 if t.text.rstrip().endswith("0s") else 0) >= filed:
            continue
        if _hangs_on(pred, t):
            return t
    return None


def _hangs_on(pred: Token, t: TimeExpr) -> bool:
    """Does the time phrase hang on the predicate itself ("signed ... in 2022", "since 2021"),
    not on a noun or clause of its own ("after a first accord in 2015", "crimes committed in
    1991")?"""
    inside = [x for x in pred.sent if t.start <= x.idx < t.end]
    root = next((x for x in inside if not (t.start <= x.head.idx < t.end) or x.head.i == x.i), None)
    if root is None:
        return False
    if root.dep_ in ("npadvmod", "advmod") and root.head.i == pred.i:
        return True
    prep = root.head
    return root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i == pred.i
