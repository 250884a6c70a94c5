"""Words that are never a person or a speaker, whatever the tagger says (issue 13).

A month is also a surname ("In early May 2015" is not Theresa May), a weekday stands where a
subject could ("argued Sunday on ABC that ..."), a time zone closes a live blog's time stamp
("14:12 GMT - The speaker ... says"), and a wire dateline opens a story in capitals
("BRUSSELS (Reuters) -"). These guards read the token in its sentence, so that a month that
really is a name ("Theresa May said") still is one.
"""
from __future__ import annotations

import calendar
from typing import Any

from ..extract.datelines import MONTHS_EN, ZONES

WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
MONTHS = frozenset(MONTHS_EN)
ZONE_WORDS = frozenset(z for z in ZONES if len(z) > 1)
# Words before a month that make it a date: "in early May", "since March", "last June".
TEMPORAL_LEADS = frozenset({
    "in", "early", "late", "mid", "since", "until", "till", "by", "from", "of", "last", "next", "this",
    "before", "after", "through", "during", "on", "between", "and", "to", "end", "beginning", "middle",
})
# A dateline's capitals stand within this many tokens of the paragraph's start.
DATELINE_TOKENS = 6
DATELINE_MARKS = frozenset({"(", "-", "—", "–", ","})


def temporal_token(tok: Any) -> bool:
    """A weekday, a time zone, a word of a date or time expression, or a month used as one."""
    low = tok.lower_
    if low in WEEKDAYS or (tok.text in ZONE_WORDS):
        return True
    if low in MONTHS:
        doc = tok.doc
        before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return (tok.ent_type_ != "PERSON" or before in TEMPORAL_LEADS
                or (after is not None and after.like_num))
    return tok.ent_type_ in ("DATE", "TIME") and not tok.ent_type_ == "PERSON"


def dateline_token(tok: Any) -> bool:
    """A word in capitals at the head of a paragraph that a dateline mark follows."""
    if not (tok.is_alpha and tok.text.isupper() and len(tok.text) > 1):
        return False
    doc = tok.doc
    start = tok.i
    while start > 0 and tok.i - start < DATELINE_TOKENS and "\n" not in doc[start - 1].text:
        start -= 1
    at_head = start == 0 or "\n" in doc[start - 1].text
    if not at_head or tok.i - start >= DATELINE_TOKENS:
        return False
    rest = doc[tok.i + 1:tok.i + 4]
    return any(t.text in DATELINE_MARKS for t in rest) and all(t.text.isupper() or not t.is_alpha for t in doc[start:tok.i + 1])


def never_a_name(tok: Any) -> bool:
    return temporal_token(tok) or dateline_token(tok)
