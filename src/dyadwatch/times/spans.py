"""Rules for stretches and repetitions of time and for clock times: durations ("the past
20 years" P20Y, "44-day" P44D), sets ("every week" P1W), times of day ("03:32 pm MSK"),
and the reference words ("now" PRESENT_REF, "recently" PAST_REF).
"""
from __future__ import annotations

import re

from .fallback import numeric_date, zone_offset
from .lexicon import alternation
from .rules import (B, E, LEX, NUM, PART_OF_DAY, UNIT, UNIT_SG, WEEKDAY, Context, Resolved, Rule, ci,
                    compile_rule, number_of, unit_value)

DURATION, SET, TIME, DATE = "DURATION", "SET", "TIME", "DATE"

# "half a year", "half an hour": the unit halved, written in the next smaller unit
HALF = {"Y": "P6M", "M": "P2W", "W": "P3.5D", "D": "PT12H", "TH": "PT30M", "TM": "PT30S",
        "DE": "P5Y", "CE": "P50Y"}


# Words that may follow "a day", "a year" when they are an amount of time; any other word
# makes the phrase an ordinal or a modifier ("a second term", "a night curfew").
AFTER_SINGLE_UNIT = {"of", "on", "in", "ago", "later", "earlier", "before", "after", "and", "or", "to", "for",
                     "at", "since", "when", "that", "the", "with", "as", "from", "by", "into", "until", "or",
                     "more", "long", "than", "is", "was", "has", "had", "will", "would", "but", "while"}


def duration(m: re.Match, ctx: Context) -> Resolved | None:
    num = number_of(m)
    if num is None:
        return None
    if m.group("num").lower() in ("a", "an", "one") and not m.groupdict().get("half"):
        following = re.match(r"\s+([a-z]+)", ctx.text[m.end():m.end() + 20])
        if following and following.group(1) not in AFTER_SINGLE_UNIT:
            return None
    unit = LEX.unit(m.group("unit"))
    if m.groupdict().get("half") or m.groupdict().get("half2"):
        num = "X" if num == "X" else _plus_half(num)
    return Resolved(unit_value(num, unit), DURATION, "duration")


def _plus_half(num: str) -> str:
    x = float(num) + 0.5
    return str(int(x)) if x == int(x) else str(x)


def half_unit(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(HALF.get(LEX.unit(m.group("unit")), None), DURATION, "duration")


def bare_units(m: re.Match, ctx: Context) -> Resolved | None:
    """"for years", "within hours", "decades": an unspecified number of units."""
    return Resolved(unit_value("X", LEX.unit(m.group("unit"))), DURATION, "duration")


def age(m: re.Match, ctx: Context) -> Resolved | None:
    num = number_of(m)
    return Resolved(f"P{num}Y", DURATION, "age") if num else None


def every(m: re.Match, ctx: Context) -> Resolved | None:
    g = m.groupdict()
    if g.get("weekday"):
        return Resolved(f"XXXX-WXX-{LEX.weekday(g['weekday'])}", SET, "set")
    if g.get("pod"):
        return Resolved(f"XXXX-XX-XXT{LEX.parts_of_day[g['pod'].lower()]}", SET, "set")
    num = "2" if g.get("other") else (number_of(m) if g.get("num") else "1")
    if num is None:
        return None
    return Resolved(unit_value(num, LEX.unit(g["unit"])), SET, "set")


def frequency(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(LEX.frequency[m.group("freq").lower()], SET, "set")


def weekdays_plural(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved(f"XXXX-WXX-{LEX.weekday(m.group('weekday'))}", SET, "set")


def reference(m: re.Match, ctx: Context) -> Resolved | None:
    phrase = " ".join(m.group("ref").lower().split())
    if phrase.startswith("the "):
        following = re.match(r"\s+([a-z]+)", ctx.text[m.end():m.end() + 20])
        if following and following.group(1) not in AFTER_SINGLE_UNIT:
            return None  # "the present government", "the future president": adjectives
    return Resolved(LEX.reference[phrase], DATE, "reference")


def clock(m: re.Match, ctx: Context) -> Resolved | None:
    """A time of day on the publication date (a date named next to it replaces that later)."""
    g = m.groupdict()
    if g.get("word"):
        word = g["word"].lower()
        hh, mi = (12, 0) if word in ("noon", "midday") else (24, 0)
    else:
        hh, mi = int(g["hh"]), int(g.get("mi") or 0)
        ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        if hh > 24 or mi > 59 or (not ampm and not g.get("mi") and not g.get("oclock")):
            return None
    if g.get("tz") and zone_offset(g["tz"]) is None:
        return None  # a capitalised word after the figures, not a time zone
    # TIMEX3 values give the local time as written; the zone stays in the extent
    clock_value = f"T{hh:02d}:{mi:02d}"
    if ctx.anchor is None:
        return Resolved(None, TIME, "clock")
    return Resolved(f"{ctx.anchor.date.isoformat()}{clock_value}", TIME, "clock")


def elapsed(m: re.Match, ctx: Context) -> Resolved | None:
    """"3:07:35" without a.m./p.m.: a race or flight time, hours minutes seconds."""
    h, mi, sec = int(m.group("h")), int(m.group("mi")), int(m.group("s"))
    parts = (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{sec}S" if sec else "")
    return Resolved(f"PT{parts or '0S'}", DURATION, "elapsed")


def numeric(m: re.Match, ctx: Context) -> Resolved | None:
    order = "DMY" if m.group("sep") == "." else "MDY"
    value = numeric_date(m.group(0), order)
    return Resolved(value, DATE, "numeric") if value else None


_HYPHEN_NUM = ci(r"(?P<num>\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                 r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
                 r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 r"sixteen|seventeen|eighteen|nineteen|half)")
_PREP = ci(r"(?:(?:over|during|for|in|within|of)\s+)")
_SPAN_LEAD = ci(r"(?:the\s+)?(?:(?:past|last|next|first|previous|coming|following|final|more\s+than|nearly|"
                r"almost|about|around|some|only|just|at\s+least)\s+)?")
_REFS = alternation(list(LEX.reference))
_FREQ = alternation(list(LEX.frequency))
_AMPM = r"(?P<ampm>[ap]\.?\s?m\.?|[AP]\.?\s?M\.?)"
_TZ = r"(?:\s+\(?(?P<tz>[A-Z]{2,5}|UTC[+-]\d{1,2}|GMT[+-]\d{1,2})\)?)?"
_BARE_PLURAL = ci(r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)")

_BARE_LEAD = ci(r'(?:for|over|within|in|after|by|than|of|recent|the\s+past|the\s+last|the\s+next|the\s+coming|'
               r'take|takes|took|taking|last|lasts|lasted|lasting|spend|spent|spending|wait|waited)')
_TIMES = ci(r'(?:once|twice|thrice|(?:\w+|\d+)\s+times)')

RULES: list[Rule] = [
    compile_rule(
        "duration",
        rf"{B}{_PREP}?(?P<x>{_SPAN_LEAD}{NUM}(?:\s+(?P<half>{ci('and a half')}))?(?:\s+{ci('more')})?\s+{UNIT}"
        rf"(?:\s+(?P<half2>{ci('and a half')}))?)",
        duration,
    ),
    compile_rule("duration", rf"{B}(?P<x>{_HYPHEN_NUM}-{UNIT_SG}(?:-{ci('long')})?){E}(?!-old)", duration),
    compile_rule("duration", rf"{B}{ci('half')}\s+{ci('an?')}\s+{UNIT_SG}", half_unit, needs=('half',)),
    compile_rule(
        "duration",
        rf"{B}(?:{_BARE_LEAD}\s+)"
        rf"(?P<x>{_BARE_PLURAL}){E}(?!\s+(?:ago|of\s+the|earlier|later))",
        bare_units,
    ),
    compile_rule(
        "duration",
        rf"{B}(?P<x>{_BARE_PLURAL}){E}(?=\s+(?:{ci('of|long|later|earlier|before|after|ago')})\b)",
        bare_units,
    ),
    compile_rule("age", rf"{B}{_HYPHEN_NUM}[\s-]{ci('years?')}[\s-]{ci('old')}{E}", age, needs=('old',)),
    compile_rule(
        "set",
        rf"{B}{ci('(?:every|each)')}\s+(?:(?P<other>{ci('other')})\s+)?(?:{NUM}\s+)?{UNIT}",
        every,
        needs=('every', 'each'),
    ),
    compile_rule("set", rf"{B}{ci('(?:every|each)')}\s+{WEEKDAY}", every, needs=('every', 'each')),
    compile_rule("set", rf"{B}{ci('(?:every|each)')}\s+{PART_OF_DAY}", every, needs=('every', 'each')),
    compile_rule(
        "set",
        rf"{B}{_TIMES}\s+{ci('(?:a|an|per|each|every)')}\s+{UNIT_SG}",
        every,
        needs=('once', 'twice', 'thrice', 'times'),
    ),
    compile_rule("set", rf"(?<=\d)\s{ci('(?:a|per)')}\s+(?P<x>{UNIT_SG})", every),
    compile_rule("set", rf"{B}(?P<freq>{ci(_FREQ)}){E}", frequency),
    compile_rule("set", rf"{B}{ci('on')}\s+(?P<x>{WEEKDAY[:-len(E)]}s){E}", weekdays_plural),
    compile_rule("reference", rf"{B}(?P<ref>{ci(_REFS)}){E}", reference),
    compile_rule(
        "elapsed",
        r"(?<![\w:.])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:]|\s*[apAP]\.?[mM])",
        elapsed,
        needs=(':',),
    ),
    compile_rule(
        "clock",
        rf"{B}(?P<hh>[01]?\d|2[0-4]):(?P<mi>[0-5]\d)(?![\d:])(?:\s*{_AMPM})?{_TZ}",
        clock,
        needs=(':',),
    ),
    compile_rule("clock", rf"{B}(?P<hh>1[0-2]|0?[1-9])\.(?P<mi>[0-5]\d)\s*{_AMPM}{_TZ}", clock, needs=('m',)),
    compile_rule("clock", rf"{B}(?P<hh>1[0-2]|0?[1-9])\s*{_AMPM}{_TZ}(?!\w)", clock, needs=('m',)),
    compile_rule(
        "clock",
        rf"{B}(?P<hh>1[0-2]|0?[1-9])\s+(?P<oclock>{ci('o.clock')}){_TZ}",
        clock,
        needs=('clock',),
    ),
    compile_rule(
        "clock",
        rf"{B}(?P<word>{ci('noon|midday|midnight')}){E}",
        clock,
        needs=('noon', 'midday', 'midnight'),
    ),
    compile_rule(
        "numeric",
        r"(?<![\d./])(?P<d1>\d{1,2})(?P<sep>[./])\d{1,2}(?P=sep)(?:19|20)\d\d(?![\d/]|\.\d)",
        numeric,
        needs=('.', '/'),
    ),
]
