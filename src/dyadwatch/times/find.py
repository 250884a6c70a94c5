"""Finding and normalising every time expression of a text.

Every rule is run over the whole text; where matches overlap the longest wins (ties go to
the rule listed first). Expressions are then resolved left to right, so that anaphoric
ones ("the next day", "that year") count from the last day named before them. A weekday
directly followed by its date ("Last Monday, January 27") becomes one expression, and a
clock time takes its day from a date named right next to it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..models import TimeExpr
from . import dates, spans
from .calendar import ISO_DAY, Anchor
from .fallback import SEARCH_LANGUAGES, search_other_language
from .rules import Context, Resolved, Rule

RULES: list[Rule] = [*dates.RULES, *spans.RULES]

# Text allowed between a weekday and the date it names ("Monday, January 27",
# "Tuesday (March 19)"), and between a clock time and its day ("3 p.m. Tuesday",
# "Tuesday at 3 p.m.", "March 19, 10:00").
WEEKDAY_GLUE = re.compile(r"\s*[,(]?\s*$")
CLOCK_GLUE = re.compile(r"\s*(?:,|at|on|\(|)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    order: int
    rule: Rule
    match: re.Match


def lines_of(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased text) of each line of `text`: no expression runs over a line end."""
    out = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end, line.lower()))
        start = end + 1
    return out


def candidates(text: str) -> list[Match]:
    """Every match of every rule, each rule run only over the lines that hold a word it
    needs (a pattern is tried at every position it is given)."""
    found = []
    lines = lines_of(text)
    for order, rule in enumerate(RULES):
        for start, end, lowered in lines:
            if not rule.applies(lowered):
                continue
            for m in rule.pattern.finditer(text, start, end):
                begin, stop = rule.span(m)
                if stop > begin:
                    found.append(Match(begin, stop, order, rule, m))
    return found


def select(found: list[Match], ctx: Context) -> list[Match]:
    """Non-overlapping matches that their rule accepts: longest first, then the earlier rule."""
    chosen: list[Match] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        if c.rule.resolve(c.match, ctx) is None:
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _day_of(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = ISO_DAY.match(value)
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _year_start(value: str | None) -> dt.date | None:
    """A coarser calendar value as a day for counting ("that year" after "in 2010")."""
    if value and re.match(r"\d{4}(?:-(\d{2}))?$", value):
        month = int(value[5:7]) if len(value) >= 7 else 1
        return dt.date(int(value[:4]), month, 1)
    return None


def resolve_all(text: str, chosen: list[Match], anchor: Anchor | None) -> list[tuple[Match, Resolved]]:
    out: list[tuple[Match, Resolved]] = []
    reference = anchor.date if anchor else None
    for c in chosen:
        ctx = Context(text=text, anchor=anchor, reference=reference)
        res = c.rule.resolve(c.match, ctx)
        if res is None:
            continue
        out.append((c, res))
        if res.type in ("DATE", "TIME"):
            reference = _day_of(res.value) or _year_start(res.value) or reference
    return out


def _merge_weekday_dates(items: list[tuple[int, int, Resolved]], text: str) -> list[tuple[int, int, Resolved]]:
    merged: list[tuple[int, int, Resolved]] = []
    for start, end, res in items:
        if merged:
            p_start, p_end, p_res = merged[-1]
            if (p_res.rule == "weekday" and p_res.type == "DATE" and res.type == "DATE"
                    and res.rule in ("date", "month-day") and WEEKDAY_GLUE.match(text[p_end:start])):
                close = ")" if text[p_end:start].strip().endswith("(") and text[end:end + 1] == ")" else ""
                merged[-1] = (p_start, end + len(close), Resolved(res.value, "DATE", f"weekday+{res.rule}"))
                continue
        merged.append((start, end, res))
    return merged


def _date_clock_times(items: list[tuple[int, int, Resolved]], text: str) -> list[tuple[int, int, Resolved]]:
    """A clock time takes the day of a date named right before or after it."""
    out = list(items)
    for i, (start, end, res) in enumerate(out):
        if res.rule != "clock" or not res.value:
            continue
        neighbours = []
        if i > 0 and CLOCK_GLUE.match(text[out[i - 1][1]:start]):
            neighbours.append(out[i - 1][2])
        if i + 1 < len(out) and CLOCK_GLUE.match(text[end:out[i + 1][0]]):
            neighbours.append(out[i + 1][2])
        for n in neighbours:
            day = _day_of(n.value)
            if day is not None and n.type == "DATE":
                clock = res.value[res.value.index("T"):]
                out[i] = (start, end, Resolved(day.isoformat() + clock, "TIME", "clock+date"))
                break
    return out


def find_times(text: str, published: str | None, language: str | None = None) -> list[TimeExpr]:
    """Every time expression in `text`, with its TIMEX3 value against `published`."""
    from .calendar import parse_anchor

    anchor = parse_anchor(published)
    if language and language != "en" and language in SEARCH_LANGUAGES:
        return [TimeExpr(text=text[s:e], start=s, end=e, value=v, type="DATE", rule="dateparser")
                for s, e, v in search_other_language(text, language, anchor)]
    first_pass = Context(text=text, anchor=anchor, reference=anchor.date if anchor else None)
    resolved = resolve_all(text, select(candidates(text), first_pass), anchor)
    items = [(c.start, c.end, res) for c, res in resolved]
    items = _date_clock_times(_merge_weekday_dates(items, text), text)
    return [TimeExpr(text=text[s:e], start=s, end=e, value=r.value, type=r.type, rule=r.rule) for s, e, r in items]
