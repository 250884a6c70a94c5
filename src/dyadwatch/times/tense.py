"""Does the clause around a time expression speak of the future?

A date named without its year ("December 25", "Friday", "the first quarter") is resolved
backwards from the publication date, since news mostly reports what has happened, unless
the words next to it look ahead ("will meet on Friday", "is scheduled for March 5").
This reads the nearest tense cue before the expression, else the first one after it,
within the same sentence: a plain-text stand-in for the verb the expression modifies.
"""
from __future__ import annotations

import re

# How far (characters) to look for a tense cue before and after the expression; about a
# clause of news prose (10-12 words before, 6-8 after), set on the seed pages' sentences.
CUE_WINDOW_BEFORE = 70
CUE_WINDOW_AFTER = 45

FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|would|going\s+to|set\s+to|due\s+to|due|scheduled|slated|"
    r"planned|plans?|planning|intends?|expected|expects?|upcoming|to\s+be)\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:said|says|was|were|had|did|has|have|told|ago|last|earlier|since|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
BOUNDARY = re.compile(r"[.!?]\s|\n|;")


def _clip_before(text: str, start: int) -> str:
    window = text[max(0, start - CUE_WINDOW_BEFORE):start]
    cut = list(BOUNDARY.finditer(window))
    return window[cut[-1].end():] if cut else window


def _clip_after(text: str, end: int) -> str:
    window = text[end:end + CUE_WINDOW_AFTER]
    cut = BOUNDARY.search(window)
    return window[:cut.start()] if cut else window


# A participle after these is passive or adjectival ("is due to be published"), not a past tense.
BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|'s|'re|get|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _passive(window: str, m: re.Match) -> bool:
    return m.group().lower().endswith("ed") and bool(BE_BEFORE.search(window[:m.start()]))


def _nearest(window: str, last: bool) -> str | None:
    hits = [(m.start(), "future") for m in FUTURE.finditer(window)]
    # a future cue wins over a past-looking word at the same place ("scheduled", "planned")
    taken = {h[0] for h in hits}
    hits += [(m.start(), "past") for m in PAST.finditer(window)
             if m.start() not in taken and not _passive(window, m)]
    if not hits:
        return None
    hits.sort()
    return hits[-1][1] if last else hits[0][1]


def tense_of(text: str, start: int, end: int) -> str | None:
    """'future' or 'past' by the nearest tense cue around text[start:end]; None without one."""
    before = _nearest(_clip_before(text, start), last=True)
    if before is not None:
        return before
    return _nearest(_clip_after(text, end), last=False)


def looks_future(text: str, start: int, end: int) -> bool:
    """True when the nearest tense cue around text[start:end] points to the future."""
    return tense_of(text, start, end) == "future"
