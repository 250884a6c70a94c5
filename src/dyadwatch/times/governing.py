"""The date of a stretch of text (a sentence, an event): the interface events use.

The time expression that governs a span is looked for in the span's own clause(s): the
nearest to the span, then the finest (a day before a month before a year); one in a
neighbouring clause or sentence dates another act and is never taken. "X, who took office in 2018, met Y on Tuesday": for "met", Tuesday. When
the sentence names no point on the calendar, the publication date stands in, and the
precision says so.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..actors.guards import dateline_spans
from ..models import Document, TimeExpr
from .calendar import precision_of

# Finer first: the order in which precisions win a tie.
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "half": 3, "quarter": 3, "season": 3, "year": 4,
                  "decade": 5, "century": 6}
# Abbreviations whose full stop does not end a sentence in news copy.
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
                 "st", "jr", "sr", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr",
                 "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e"}
SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9])|\n")
# Where one clause gives way to another inside a sentence: semicolons, dashes, brackets,
# and a comma before a relative or subordinating word.
CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|\s[—–-]{1,2}\s|,\s+(?=(?:which|who|whom|whose|where|when|while|after|before|although|"
    r"though|because|since|as|but|and\s+(?:then|later))\b)",
    re.IGNORECASE,
)


# Characters looked at on each side of a span for its sentence's ends. Without a bound every
# lookup reads the text from its start, so dating all events of a long text (or one whose
# full stops were lost) costs time quadratic in its length; news sentences are far shorter.
SENTENCE_WINDOW = 1500


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[s, e) of the sentence(s) holding text[start:end], at most SENTENCE_WINDOW characters
    either side of it."""
    lo, hi = max(0, start - SENTENCE_WINDOW), min(len(text), end + SENTENCE_WINDOW)
    s, e = lo, hi
    for m in SENTENCE_END.finditer(text, lo, hi):
        if m.group() != "\n" and _after_abbreviation(text, m.start()):
            continue
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            e = m.start() + 1
            break
    return s, e


def _after_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 6):dot])
    return bool(word) and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1)


RELATIVE_OPENER = re.compile(r",\s+(?:which|who|whom|whose)\b", re.IGNORECASE)


def clause_bounds(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The clauses of text[s:e] as absolute [start, end) pairs; a relative clause set off
    by commas ("Aliyev, who took office in 2003, called") ends at its closing comma."""
    sentence = text[s:e]
    cuts = {s, e} | {s + m.start() for m in CLAUSE_BREAK.finditer(sentence)}
    for m in RELATIVE_OPENER.finditer(sentence):
        closing = sentence.find(",", m.end())
        if closing > 0:
            cuts.add(s + closing)
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if b > a]


def _calendar_times(doc: Document, s: int, e: int) -> list[TimeExpr]:
    found = [t for t in times_within(doc.times, s, e) if t.end <= e and t.type in ("DATE", "TIME")
             and precision_of(t.value) is not None]
    if found and s < DATELINE_REACH:
        # "BISHKEK, Oct 16, 2024 - Kyrgyzstan accused X on Tuesday": the dateline's date says
        # when the story was filed, not when any act in it happened; the parse makes it part
        # of the first clause, where it would outrank the clause's own "on Tuesday".
        lines = _datelines(doc.text)
        found = [t for t in found if not any(a <= t.start < b for a, b in lines)]
    return found


# Datelines open a story: only the first characters of a text are looked at for one.
DATELINE_REACH = 200
_dateline_cache: list[tuple[str, list[tuple[int, int]]]] = []


def _datelines(text: str) -> list[tuple[int, int]]:
    """The dateline spans at the head of `text` (the last text asked about is kept)."""
    cached = _dateline_cache[0] if _dateline_cache else None
    if cached is None or cached[0] is not text:
        cached = (text, [(a, b) for a, b in dateline_spans(text[:DATELINE_REACH]) if a < DATELINE_REACH])
        _dateline_cache[:] = [cached]
    return cached[1]


_by_start: list[tuple] = []  # (the list indexed, its starts, it sorted by start)


def times_within(times: list[TimeExpr], s: int, e: int) -> list[TimeExpr]:
    """The time expressions starting in [s, e), found by bisection (the index of the last
    list asked about is kept, since one document's events ask about the same list)."""
    cached = _by_start[0] if _by_start else None  # read once: another thread may replace it
    if cached is None or cached[0] is not times or len(cached[2]) != len(times):
        ordered = sorted(times, key=lambda t: t.start)
        cached = (times, [t.start for t in ordered], ordered)
        _by_start[:] = [cached]
    _, starts, ordered = cached
    return ordered[bisect_left(starts, s):bisect_left(starts, e)]


def _gap(t: TimeExpr, start: int, end: int) -> int:
    if t.start < end and start < t.end:
        return 0
    return t.start - end if t.start >= end else start - t.end


def governing_time(doc: Document, start: int, end: int) -> TimeExpr | None:
    """The time expression that dates text[start:end], or None."""
    s, e = sentence_bounds(doc.text, start, end)
    found = _calendar_times(doc, s, e)
    if not found:
        return None
    clauses = clause_bounds(doc.text, s, e)
    own = [c for c in clauses if c[0] < max(end, start + 1) and start < c[1]]

    mine = [t for t in found if any(a <= t.start < b for a, b in own)]
    if not mine:
        # A date in a neighbouring clause belongs to another act ("met on Monday, after the
        # 2022 declaration was signed"): the publication date stands in, and says so.
        return None
    return min(mine, key=lambda t: (_gap(t, start, end), PRECISION_RANK[precision_of(t.value) or "year"], t.start))


def date_for_span(doc: Document, start: int, end: int) -> tuple[str | None, str]:
    """(value, precision) for the text in [start, end).

    precision is that of the governing time expression ('day', 'week', 'month', 'quarter',
    'half', 'season', 'year', 'decade', 'century'; a clock time gives its day), 'anchor'
    when the publication date stands in, 'none' when neither is known.
    """
    t = governing_time(doc, start, end)
    if t is not None and t.value:
        precision = precision_of(t.value) or "year"
        value = t.value[:10] if precision == "day" else t.value
        return value, precision
    if doc.published:
        return doc.published[:10], "anchor"
    return None, "none"
