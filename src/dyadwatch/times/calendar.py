"""Calendar arithmetic for TIMEX3 values: the anchor, shifts by unit, weeks, quarters, seasons.

Everything here is a pure function of dates; values are written the TIMEX3 way
(2013-03-22, 2013-W11, 2013-Q1, 2020-FA, 199 for a decade, 19 for a century).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
ISO_MONTH = re.compile(r"(\d{4})-(\d{2})$")
ISO_YEAR = re.compile(r"(\d{4})$")

# Month of the year -> the season it falls in (meteorological seasons of the northern
# hemisphere, which is how TIMEX3 values SP/SU/FA/WI are read).
SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                   6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}
SEASON_ORDER = ("WI", "SP", "SU", "FA")


@dataclass(frozen=True)
class Anchor:
    """The document's reference time: its publication date (and clock time when known)."""

    date: dt.date
    time: str | None = None  # "HH:MM" when the publication time is known


def parse_anchor(published: str | None) -> Anchor | None:
    """The anchor from an ISO date or datetime string; None when absent or not a date."""
    if not published:
        return None
    m = ISO_DAY.match(published.strip())
    if not m:
        return None
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    clock = re.match(r"\d{4}-\d{2}-\d{2}[T ](\d{2}:\d{2})", published.strip())
    return Anchor(date=day, time=clock.group(1) if clock else None)


def day_value(day: dt.date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def shift_day(day: dt.date, n: int) -> dt.date:
    return day + dt.timedelta(days=n)


def weekday_date(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of ISO `weekday` near `anchor`.

    direction -1: the most recent one on or before the anchor; +1: the next one on or after
    it; -2 / +2: strictly before / strictly after ("last Monday" said on a Monday).
    """
    delta = weekday - anchor.isoweekday()
    if direction == -1:
        return anchor + dt.timedelta(days=delta - 7 if delta > 0 else delta)
    if direction == -2:
        return anchor + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
    if direction == 1:
        return anchor + dt.timedelta(days=delta + 7 if delta < 0 else delta)
    return anchor + dt.timedelta(days=delta + 7 if delta <= 0 else delta)


def nearest_month(anchor: dt.date, month: int, future: bool) -> int:
    """The year of the month named without a year: the latest one not after the anchor's
    month, or the first one not before it when the context speaks of the future."""
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def closest_month(anchor: dt.date, month: int) -> int:
    """The year of the month named without a year and without a tense to go by: the
    occurrence nearest the anchor (ties go to the past)."""
    past, ahead = nearest_month(anchor, month, False), nearest_month(anchor, month, True)
    gap_past = (anchor.year - past) * 12 + anchor.month - month
    gap_ahead = (ahead - anchor.year) * 12 + month - anchor.month
    return ahead if gap_ahead < gap_past else past


def closest_day(anchor: dt.date, month: int, day: int) -> dt.date | None:
    past, ahead = nearest_day(anchor, month, day, False), nearest_day(anchor, month, day, True)
    if past is None or ahead is None:
        return past or ahead
    return ahead if (ahead - anchor) < (anchor - past) else past


def nearest_day(anchor: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    """The date of a month and day named without a year, read like `nearest_month` but to
    the day: news reports what happened, so the most recent past one unless told otherwise."""
    for year in ((anchor.year, anchor.year + 1) if future else (anchor.year, anchor.year - 1)):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if (future and cand >= anchor) or (not future and cand <= anchor):
            return cand
    return None


def season_year(anchor: dt.date, season: str, shift: int, future: bool) -> str:
    """Value of a season without a year: this one (shift 0, the latest one begun by the
    anchor, or the next one when the context is future), last (-1) or next (+1)."""
    current = SEASON_OF_MONTH[anchor.month]
    # Seasons as a running index year*4 + position; a winter belongs to the year of its
    # January, so December counts in the next year's winter.
    cur_year = anchor.year + 1 if anchor.month == 12 else anchor.year
    cur_index = cur_year * 4 + _season_pos(current)
    target_pos = _season_pos(season)
    base = cur_year * 4 + target_pos
    if shift == 0:
        if future:
            index = base if base >= cur_index else base + 4
        else:
            index = base if base <= cur_index else base - 4
    elif shift < 0:
        index = base if base < cur_index else base - 4
    else:
        index = base if base > cur_index else base + 4
    return f"{index // 4:04d}-{season}"


def _season_pos(season: str) -> int:
    return SEASON_ORDER.index(season)


def quarter_value(anchor: dt.date, quarter: int, future: bool) -> str:
    """Year of a quarter named without one ("the first quarter"): the latest not after the
    anchor's quarter, or the next when the context is future."""
    current = quarter_of(anchor)
    if future:
        year = anchor.year if quarter >= current else anchor.year + 1
    else:
        year = anchor.year if quarter <= current else anchor.year - 1
    return f"{year:04d}-Q{quarter}"


def half_value(anchor: dt.date, half: int, future: bool) -> str:
    current = 1 if anchor.month <= 6 else 2
    if future:
        year = anchor.year if half >= current else anchor.year + 1
    else:
        year = anchor.year if half <= current else anchor.year - 1
    return f"{year:04d}-H{half}"


def shift_by_unit(anchor: dt.date, unit: str, n: int) -> str | None:
    """The anchor moved by n units, written at the unit's granularity ("two weeks ago" -> a
    week, "three years ago" -> a year). None for units without a calendar granularity."""
    if unit == "D":
        return day_value(shift_day(anchor, n))
    if unit == "W":
        return week_value(shift_day(anchor, 7 * n))
    if unit == "2W":
        return week_value(shift_day(anchor, 14 * n))
    if unit == "M":
        y, m = add_months(anchor.year, anchor.month, n)
        return month_value(y, m)
    if unit == "Q":
        y, m = add_months(anchor.year, anchor.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "Y":
        return f"{anchor.year + n:04d}"
    if unit == "DE":
        return f"{(anchor.year + 10 * n) // 10:03d}"
    if unit == "CE":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    if unit == "WE":
        return week_value(shift_day(anchor, 7 * n)) + "-WE"
    return None


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def thanksgiving(year: int) -> dt.date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = dt.date(year, 11, 1)
    offset = (4 - first.isoweekday()) % 7
    return first + dt.timedelta(days=offset + 21)


def precision_of(value: str | None) -> str | None:
    """How fine a calendar value is: day, week, month, quarter, half, season, year, decade,
    century; None for values that are not points on the calendar (durations, references)."""
    if not value or not value[:2].isdigit():
        return None
    if ISO_DAY.match(value):
        return "day"
    if re.match(r"\d{4}-W\d{2}", value):
        return "week"
    if ISO_MONTH.match(value):
        return "month"
    if re.match(r"\d{4}-Q\d$", value):
        return "quarter"
    if re.match(r"\d{4}-H\d$", value):
        return "half"
    if re.match(r"\d{4}-(SP|SU|FA|WI)$", value):
        return "season"
    if ISO_YEAR.match(value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    return None
