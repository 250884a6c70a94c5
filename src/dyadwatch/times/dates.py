"""Rules for points on the calendar: dates, months, weekdays, years, decades, seasons,
quarters, holidays, and dates counted from the publication date or from a date just named.
"""
from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .rules import (B, DAY, E, LEX, MOD, MONTH, MONTH_NEEDS, NUM, PART_OF_DAY, SEASON, UNIT, WEEKDAY, WEEKDAY_NEEDS,
                    YEAR, Context, Resolved, Rule, ci, compile_rule, number_of, unit_value)

DATE, TIME = "DATE", "TIME"

# Words after which a bare capitalised "May" is the month and not the modal verb or a name.
MAY_CONTEXT = {"in", "since", "until", "till", "by", "of", "during", "through", "from", "to", "before",
               "after", "early", "late", "mid", "last", "next", "this", "between", "and", "or", "end",
               "beginning", "start", "middle", "on", "throughout", "around", "into"}
# Numbers before a four-digit figure that make it a quantity, not a year ("more than 2000").
QUANTITY_WORDS = {"than", "about", "approximately", "nearly", "almost", "around", "roughly", "some",
                  "over", "under", "least", "most", "only", "just", "estimated", "another", "additional",
                  "those", "these", "all"}


# Words before a year that modifies a plural noun ("the 2014 protests", "since 2014 talks").
YEAR_MODIFIER_WORDS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "in", "since", "of",
                       "from", "until", "during", "before", "after", "by", "through"}


def _date(y: int, mth: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mth, d)
    except ValueError:
        return None


def full_date(m: re.Match, ctx: Context) -> Resolved | None:
    day = _date(int(m.group("year")), LEX.month(m.group("month")), int(m.group("day")))
    return Resolved(day.isoformat(), DATE, "date") if day else None


def month_day(m: re.Match, ctx: Context) -> Resolved | None:
    month, d = LEX.month(m.group("month")), int(m.group("day"))
    if _date(2000, month, d) is None:
        return None
    if ctx.anchor is None:
        return Resolved(None, DATE, "month-day")
    tense = ctx.tense(*m.span())
    day = (cal.closest_day(ctx.anchor.date, month, d) if tense is None
           else cal.nearest_day(ctx.anchor.date, month, d, tense == "future"))
    return Resolved(day.isoformat() if day else None, DATE, "month-day")


def month_year(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(cal.month_value(int(m.group("year")), LEX.month(m.group("month"))), DATE, "month-year")


def month_alone(m: re.Match, ctx: Context) -> Resolved | None:
    word = m.group("month")
    rel = (m.group("rel") or "").lower()
    if word.rstrip(".") == "May" and not rel and not m.group("mod") and ctx.word_before(m.start()) not in MAY_CONTEXT:
        return None
    if len(word.rstrip(".")) <= 3 and not word.endswith(".") and not rel and not m.group("mod") and word != "May":
        return None  # "Jan" or "Mar" alone is more often a name than a month
    if ctx.anchor is None:
        return Resolved(None, DATE, "month")
    month, a = LEX.month(word), ctx.anchor.date
    if rel in ("last", "past", "previous"):
        year = a.year if month < a.month else a.year - 1
    elif rel in ("next", "coming"):
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        tense = ctx.tense(*m.span())
        year = cal.closest_month(a, month) if tense is None else cal.nearest_month(a, month, tense == "future")
    return Resolved(cal.month_value(year, month), DATE, "month")


def iso_date(m: re.Match, ctx: Context) -> Resolved | None:
    day = _date(int(m.group("year")), int(m.group("mm")), int(m.group("dd")))
    if day is None:
        return None
    if m.group("hh"):
        return Resolved(f"{day.isoformat()}T{m.group('hh')}:{m.group('mi')}", TIME, "iso")
    return Resolved(day.isoformat(), DATE, "iso")


def year_alone(m: re.Match, ctx: Context) -> Resolved | None:
    before = ctx.text[max(0, m.start() - 2):m.start()]
    if re.search(r"[$€£#№,.\d]\s?$", before) and not before.endswith(", "):
        return None
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s*(?:%|per\s?cent|percent|[-–]\d|\.\d|,\d{3}|\s*(?:people|troops|soldiers|"
                r"tons|tonnes|km|kilometers|kilometres|miles|meters|metres|feet|dollars|euros|"
                r"rubles|roubles|men|women|children|residents|units|cases|votes|deaths|members))", after, re.I):
        return None
    before_word = ctx.word_before(m.start())
    if not m.group("mod") and not m.group("lead"):
        if before_word in QUANTITY_WORDS and not re.match(r"\s*[,.;:)]|\s*$", after):
            return None
        # "1500 tanks": a count before a plural noun, unless a determiner or a preposition
        # makes the figure a year modifying it ("the 2014 protests", "in 2014 talks")
        if re.match(r"\s+[a-z]+[^siu's]s\b", after) and before_word not in YEAR_MODIFIER_WORDS:
            return None
    return Resolved(m.group("year"), DATE, "year")


def year_range_start(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(m.group("year"), DATE, "year")


def year_range_end(m: re.Match, ctx: Context) -> Resolved | None:
    """The second year of "2009-2010" or "1957-58"."""
    first, second = m.group("y1"), m.group("y2")
    year = second if len(second) == 4 else first[:2] + second
    return Resolved(year, DATE, "year") if int(year) > int(first) else None


def decade(m: re.Match, ctx: Context) -> Resolved | None:
    if m.group("dec"):
        return Resolved(m.group("dec")[:3], DATE, "decade")
    two = m.group("dec2")
    century = "19" if int(two) >= 20 else "20"
    return Resolved(century + two[0], DATE, "decade")


DECADE_WORDS = {"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5", "sixties": "6",
                "seventies": "7", "eighties": "8", "nineties": "9"}


def decade_word(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved("19" + DECADE_WORDS[m.group("dw").lower()], DATE, "decade")


def century(m: re.Match, ctx: Context) -> Resolved | None:
    raw = m.group("ord").lower()
    n = int(re.match(r"\d+", raw).group()) if raw[0].isdigit() else LEX.ordinals.get(raw.replace(" ", "-"))
    if not n or n > 21:
        return None
    return Resolved(f"{n - 1:02d}", DATE, "century")


def weekday(m: re.Match, ctx: Context) -> Resolved | None:
    pod = m.group("pod")
    kind = TIME if pod else DATE
    if ctx.anchor is None:
        return Resolved(None, kind, "weekday")
    rel = " ".join((m.group("rel") or "").lower().split())
    wd, a = LEX.weekday(m.group("weekday")), ctx.anchor.date
    if rel in ("last", "this past", "past", "previous"):
        day = cal.weekday_date(a, wd, -2)
    elif rel in ("next", "this coming", "coming"):
        day = cal.weekday_date(a, wd, 2)
    elif rel == "this":
        day = a + dt.timedelta(days=wd - a.isoweekday())
    else:
        day = cal.weekday_date(a, wd, 1 if ctx.future(*m.span()) else -1)
    return _with_part(day.isoformat(), pod, "weekday")


def _with_part(day: str, pod: str | None, rule: str) -> Resolved:
    if not pod:
        return Resolved(day, DATE, rule)
    return Resolved(f"{day}T{LEX.parts_of_day[pod.lower()]}", TIME, rule)


RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}


def relative_day(m: re.Match, ctx: Context) -> Resolved | None:
    word = " ".join(m.group("rd").lower().split())
    pod = m.group("pod") or ("night" if word == "tonight" else None)
    kind = TIME if pod else DATE
    if ctx.anchor is None:
        return Resolved(None, kind, "relative-day")
    return _with_part(cal.shift_day(ctx.anchor.date, RELATIVE_DAYS[word]).isoformat(), pod, "relative-day")


def this_part(m: re.Match, ctx: Context) -> Resolved | None:
    """"this morning", "last night": a part of the publication day (or the day before)."""
    if ctx.anchor is None:
        return Resolved(None, TIME, "part-of-day")
    rel, pod = m.group("rel").lower(), m.group("pod").lower()
    shift = -1 if rel == "last" else 0
    if rel == "last" and pod != "night":
        return None
    return _with_part(cal.shift_day(ctx.anchor.date, shift).isoformat(), pod, "part-of-day")


CAL_UNITS = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE", "century": "CE",
             "weekend": "WE", "fortnight": "2W", "day": "D"}


def relative_unit(m: re.Match, ctx: Context) -> Resolved | None:
    """"last week" 2013-W11, "this year", "next month", "the previous year", "the past week"."""
    rel = " ".join(m.group("rel").lower().split())
    unit_word = m.group("cu").lower()
    the = bool(m.group("the"))
    if the and rel in ("past", "next", "coming", "first") and unit_word not in ("weekend", "day"):
        # "the past week", "the next year": a stretch of time, not a calendar unit ("the last
        # week" is read like "last week")
        return Resolved(unit_value("1", CAL_UNITS[unit_word]), "DURATION", "relative-unit")
    if rel in ("previous", "following", "preceding", "same") or (the and rel == "next"):
        base = ctx.reference
        shift = {"previous": -1, "preceding": -1, "following": 1, "next": 1, "same": 0}[rel]
    else:
        base = ctx.anchor.date if ctx.anchor else None
        shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
                 "coming": 1, "this past": -1, "this coming": 1}.get(rel)
    if base is None or shift is None:
        return Resolved(None, DATE, "relative-unit")
    unit = CAL_UNITS[unit_word]
    if unit == "WE" and shift == 0 and not the:
        shift = 0 if base.isoweekday() >= 5 or ctx.future(*m.span()) else -1
    if unit == "D":
        return Resolved(cal.shift_day(base, shift).isoformat(), DATE, "relative-unit")
    return Resolved(cal.shift_by_unit(base, unit, shift), DATE, "relative-unit")


def the_weekend(m: re.Match, ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return Resolved(None, DATE, "weekend")
    a = ctx.anchor.date
    future = ctx.future(*m.span())
    if a.isoweekday() >= 6:
        shift = 0
    else:
        shift = 0 if future else -1
    return Resolved(cal.shift_by_unit(a, "WE", shift), DATE, "weekend")


def that_unit(m: re.Match, ctx: Context) -> Resolved | None:
    """"that year", "the same day": the unit of the date just named."""
    if ctx.reference is None:
        return Resolved(None, DATE, "anaphoric")
    return Resolved(cal.shift_by_unit(ctx.reference, CAL_UNITS[m.group("cu").lower()], 0)
                    if m.group("cu").lower() != "day" else ctx.reference.isoformat(), DATE, "anaphoric")


def ago(m: re.Match, ctx: Context) -> Resolved | None:
    """"three years ago" 2010, "two days later" (from the date just named)."""
    num = number_of(m)
    if num is None:
        return None
    direction = m.group("dir").lower()
    unit = LEX.unit(m.group("unit"))
    if unit.startswith("T") and direction != "ago":
        # "an hour later": TimeML marks the amount of time and leaves the relation to a signal
        return Resolved(unit_value(num, unit), "DURATION", "duration")
    sign = -1 if direction in ("ago", "earlier", "back") else 1
    base = ctx.anchor.date if direction in ("ago", "back") and ctx.anchor else ctx.reference
    if num == "X" or "." in num:
        return Resolved("PAST_REF" if direction == "ago" else None, DATE, "ago")
    if base is None:
        return Resolved(None, DATE, "ago")
    if unit.startswith("T"):
        return Resolved(base.isoformat(), DATE, "ago")
    return Resolved(cal.shift_by_unit(base, unit, sign * int(num)), DATE, "ago")


def season_year(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(f"{m.group('year')}-{LEX.seasons[m.group('season').lower()]}", DATE, "season")


def season_relative(m: re.Match, ctx: Context) -> Resolved | None:
    season = LEX.seasons[m.group("season").lower()]
    rel = " ".join((m.group("rel") or "").lower().split())
    if m.group("season").lower() == "fall" and re.match(r"\s+of\b", ctx.text[m.end():]):
        return None  # "the fall of Kabul": an event; "the fall of 2020" is the longer rule's
    if rel in ("in", "during", "by", "each", "every"):  # "in winter": seasons in general
        return Resolved(f"XXXX-{season}", "SET" if rel in ("each", "every") else DATE, "season")
    if ctx.anchor is None:
        return Resolved(None, DATE, "season")
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    future = ctx.future(*m.span()) if rel in ("the", "") else rel == "this" and ctx.future(*m.span())
    return Resolved(cal.season_year(ctx.anchor.date, season, shift, future), DATE, "season")


ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                   "final": 4}


def quarter(m: re.Match, ctx: Context) -> Resolved | None:
    g = m.groupdict()
    q = int(g["q"]) if g.get("q") else ORDINAL_QUARTER[g["qo"].lower()]
    half = (g.get("part") or "").lower() == "half"
    if half and q > 2:
        return None
    letter = "H" if half else "Q"
    if g.get("year"):
        return Resolved(f"{g['year']}-{letter}{q}", DATE, "quarter")
    if ctx.anchor is None:
        return Resolved(None, DATE, "quarter")
    rel = " ".join((g.get("yrel") or "").lower().split())
    if rel:
        year = ctx.anchor.date.year + {"last": -1, "next": 1, "this": 0, "the": 0, "the current": 0}.get(rel, 0)
        return Resolved(f"{year:04d}-{letter}{q}", DATE, "quarter")
    future = ctx.future(*m.span())
    fn = cal.half_value if half else cal.quarter_value
    return Resolved(fn(ctx.anchor.date, q, future), DATE, "quarter")


def holiday(m: re.Match, ctx: Context) -> Resolved | None:
    name = " ".join(m.group("hol").split())
    year = int(m.group("year")) if m.group("year") else None
    if year is None and ctx.anchor is None:
        return Resolved(None, DATE, "holiday")

    def on(y: int) -> dt.date:
        if name == "Easter":
            return cal.easter(y)
        if name == "Thanksgiving":
            return cal.thanksgiving(y)
        mm, dd = LEX.holidays[name].split("-")
        return dt.date(y, int(mm), int(dd))

    if year is not None:
        return Resolved(on(year).isoformat(), DATE, "holiday")
    a = ctx.anchor.date
    future = ctx.future(*m.span())
    day = on(a.year)
    if future and day < a:
        day = on(a.year + 1)
    elif not future and day > a:
        day = on(a.year - 1)
    return Resolved(day.isoformat(), DATE, "holiday")


_REL = ci(r"(?P<rel>this\s+past|this\s+coming|last|next|this|past|previous|preceding|following|coming|current|same)")
_HOLIDAYS = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted([*LEX.holidays, "Easter", "Thanksgiving"],
                                                                           key=len, reverse=True))
_QORD = r"(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th|final)"
_YEAR_OF = ci(r"(?:\s+of\s+|\s+)") + rf"(?:{YEAR}|" + ci(r"(?P<yrel>this|last|next|the\s+current|the)\s+(?:fiscal\s+)?year") + ")"

_YEAR_LEAD = ci(r'(?:the\s+)?(?:fiscal\s+(?:year\s+)?|year\s+|FY\s?)')
_CENTURY = ci(r'(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first)[\s-]+century')
_WEEKDAY_REL = ci(r'(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming|previous)')
_REL_DAY = ci(r'(?P<rd>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow)')
_SAME = ci(r'(?:that|the\s+same)')
_AGO_DIR = ci(r'(?P<dir>ago|earlier|later|back)(?!\s+than)')
# hedges kept inside an "ago" expression ("just six years ago", "more than a year ago")
_HEDGE = ci(r'(?:(?:just|only|about|some|nearly|almost|around|roughly|more\s+than|less\s+than|over|at\s+least)\s+)')

RULES: list[Rule] = [
    compile_rule("date", rf"{B}(?:{MOD})?{MONTH}\s+{DAY},?\s+{YEAR}", full_date, needs=MONTH_NEEDS),
    compile_rule("date", rf"{B}(?:{MOD})?{DAY}\s+(?:{ci('of')}\s+)?{MONTH},?\s+{YEAR}", full_date, needs=MONTH_NEEDS),
    compile_rule("date", rf"{B}{ci('the')}\s+{DAY}\s+{ci('of')}\s+{MONTH},?\s+{YEAR}", full_date, needs=MONTH_NEEDS),
    compile_rule("month-day", rf"{B}(?:{MOD})?{MONTH}\s+{DAY}", month_day, needs=MONTH_NEEDS),
    compile_rule("month-day", rf"{B}{DAY}\s+{MONTH}", month_day, needs=MONTH_NEEDS),
    compile_rule("month-day", rf"{B}{ci('the')}\s+{DAY}\s+{ci('of')}\s+{MONTH}", month_day, needs=MONTH_NEEDS),
    compile_rule("month-year", rf"{B}(?P<mod>{MOD})?{MONTH},?\s+(?:{ci('of')}\s+)?{YEAR}", month_year, needs=MONTH_NEEDS),
    compile_rule(
        "month",
        rf"{B}(?P<mod>{MOD})?(?:{ci('(?P<rel>last|next|this|past|coming|previous)')}\s+)?{MONTH}",
        month_alone,
        needs=MONTH_NEEDS,
    ),
    compile_rule(
        "iso",
        r"(?<![\d\-/])(?P<year>(?:19|20)\d\d)([-/])(?P<mm>0[1-9]|1[0-2])\2(?P<dd>0[1-9]|[12]\d|3[01])"
        r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d\-/])",
        iso_date,
    ),
    compile_rule(
        "year",
        rf"{B}(?P<mod>{MOD})?(?P<lead>{_YEAR_LEAD})?{YEAR}",
        year_alone,
    ),
    compile_rule("year", rf"{B}{YEAR}(?=[-–/](?:\d\d|(?:1[5-9]|20)\d\d)(?![\d%]))", year_range_start),
    compile_rule(
        "year",
        r"(?<![\w-])(?P<y1>(?:1[5-9]|20)\d\d)[-–/](?P<x>(?P<y2>\d\d|(?:1[5-9]|20)\d\d))(?![\d%\w])",
        year_range_end,
    ),
    compile_rule(
        "decade",
        rf"{B}(?:{ci('the')}\s+)?(?:{MOD})?(?:(?P<dec>(?:1[5-9]|20)\d0)|['’](?P<dec2>\d0))['’]?s{E}",
        decade,
    ),
    compile_rule(
        "decade",
        rf"{B}{ci('the')}\s+(?:{MOD})?{ci('(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)')}{E}",
        decade_word,
        needs=('ties',),
    ),
    compile_rule(
        "century",
        rf"{B}(?:{ci('the')}\s+)?(?:{MOD})?{_CENTURY}{E}",
        century,
        needs=('centur',),
    ),
    compile_rule(
        "weekday",
        rf"{B}(?:{_WEEKDAY_REL}\s+)?{WEEKDAY}(?:\s+{PART_OF_DAY})?",
        weekday,
        needs=WEEKDAY_NEEDS,
    ),
    compile_rule(
        "relative-day",
        rf"{B}(?:{ci('(?:earlier|later)')}\s+)?{_REL_DAY}{E}(?:\s+{PART_OF_DAY})?",
        relative_day,
        needs=tuple(RELATIVE_DAYS),
    ),
    compile_rule(
        "part-of-day",
        rf"{B}{ci('(?P<rel>this|last)')}\s+{PART_OF_DAY}",
        this_part,
        needs=('morning', 'afternoon', 'evening', 'night'),
    ),
    compile_rule(
        "relative-unit",
        rf"{B}(?:{MOD})?(?:{ci('so far')}\s+)?(?P<the>{ci('the')}\s+)?{_REL}\s+(?:{ci('fiscal')}\s+)?{ci('(?P<cu>week|month|year|quarter|weekend|decade|century|fortnight|day)')}{E}",
        relative_unit,
        needs=('week', 'month', 'year', 'quarter', 'decade', 'century', 'fortnight', 'day'),
    ),
    compile_rule("weekend", rf"{B}{ci('the')}\s+{ci('weekend')}{E}", the_weekend, needs=('weekend',)),
    compile_rule(
        "anaphoric",
        rf"{B}{_SAME}\s+{ci('(?P<cu>day|week|month|year)')}{E}",
        that_unit,
        needs=('that', 'same'),
    ),
    compile_rule(
        "ago",
        rf"{B}{_HEDGE}?{NUM}\s+(?:{ci('more')}\s+)?{UNIT}\s+{_AGO_DIR}{E}",
        ago,
        needs=('ago', 'earlier', 'later', 'back'),
    ),
    compile_rule(
        "season",
        rf"{B}(?:{ci('the')}\s+)?(?:{MOD})?{SEASON}\s+(?:{ci('of')}\s+)?{YEAR}",
        season_year,
        needs=('spring', 'summer', 'fall', 'autumn', 'winter'),
    ),
    compile_rule(
        "season",
        rf"{B}(?:{MOD})?(?:{ci('(?P<rel>this|last|next|past|coming|previous|the|in|during|each|every)')}\s+){SEASON}",
        season_relative,
        needs=('spring', 'summer', 'fall', 'autumn', 'winter'),
    ),
    compile_rule(
        "quarter",
        rf"{B}(?:{ci('the')}\s+)?{ci(_QORD)}[\s-]+{ci('(?P<part>quarter|half)')}(?:{_YEAR_OF})?",
        quarter,
        needs=('quarter', 'half'),
    ),
    compile_rule("quarter", rf"{B}{ci('Q(?P<q>[1-4])')}(?:\s*{YEAR})?{E}", quarter),
    compile_rule(
        "holiday",
        rf"{B}(?P<hol>{_HOLIDAYS})(?:\s+{YEAR})?{E}",
        holiday,
        needs=('christmas', 'new year', 'easter', 'thanksgiving', 'day', 'halloween', 'eve'),
    ),
]
