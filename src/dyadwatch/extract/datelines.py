"""Dates as news pages print them: "07 January 2025, 23:58", "02.02.2025", "Jan. 7, 2025 at
3:32 pm MSK", "7 января 2025", and wire datelines ("DUSHANBE, Oct 9 (Agency) -").

Values come out as ISO 8601: a date, or a date and time, with its UTC offset when the page
names a zone. Only calendar-valid values are returned.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")
# Russian month names by stem: the stem covers nominative ("январь") and genitive
# ("января"), and the abbreviations pages use ("янв.", "сент.").
MONTH_STEMS_RU = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
# Zone abbreviations seen in datelines of the region's outlets and the wires, with their
# UTC offsets. Abbreviations that mean different zones in different countries are left out.
ZONES = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "MSK": "+03:00", "CET": "+01:00", "CEST": "+02:00",
    "EET": "+02:00", "EEST": "+03:00", "EST": "-05:00", "EDT": "-04:00", "PST": "-08:00", "PDT": "-07:00",
    "AZT": "+04:00", "AMT": "+04:00", "GET": "+04:00", "TJT": "+05:00",
}
# Words that may stand beside a date on a dateline without making it a sentence.
DATE_FILLER = frozenset({
    "published", "updated", "posted", "modified", "date", "on", "at", "last", "edited", "time",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "опубликовано", "обновлено", "дата", "публикации", "в", "г", "года",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    "am", "pm", "a", "p", "m",
}) | {z.lower() for z in ZONES}
# A year outside this window is not a publication year (calibrated on news archives: the
# oldest pages online are from the mid-1990s; allow some slack both ways).
MIN_YEAR, MAX_YEAR = 1980, 2100

MONTH_WORD = r"[A-Za-zА-Яа-яЁё]{3,10}\.?"
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d.]\d)")
DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_WORD}),?\s+(\d{{4}})(?!\d)")
MONTH_DAY = re.compile(rf"\b({MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")
ZONE_WORDS = "|".join(sorted(ZONES, key=len, reverse=True))
TIME = re.compile(
    rf"(?<![\d:])(\d{{1,2}}):(\d{{2}})(?::\d{{2}})?\s*(am|pm|a\.m\.|p\.m\.)?\s*"
    rf"(?:\(?((?:UTC|GMT)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|[+-]\d{{2}}:?\d{{2}}|\b(?:{ZONE_WORDS})\b)\)?)?",
    re.I,
)
WIRE = re.compile(
    rf"^(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{{1,40}}?)(?:,\s*[A-Z][A-Za-z .]{{1,30}}?)?,\s+"
    rf"(?:(?P<month>{MONTH_WORD})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_WORD}))"
    rf"(?:,?\s*(?P<year>\d{{4}}))?\.?\s*"
    # the agency, then the dash that opens the story; or the dash alone ("BISHKEK, Oct 16, 2024 -")
    rf"(?:(?:\((?P<agency>[^()]{{2,40}})\)|/(?P<slash>[^/]{{2,30}})/)\.?\s*[-–—]*|[-–—]+)\s*"
)


@dataclass(frozen=True)
class FoundDate:
    value: str  # ISO 8601
    start: int
    end: int


@dataclass(frozen=True)
class Wire:
    """A wire-style dateline at the start of a paragraph."""

    place: str
    value: str | None  # ISO date when the dateline gives a year
    month: int
    day: int
    agency: str | None
    end: int


def month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if len(w) >= 3:
        for i, name in enumerate(MONTHS_EN, 1):
            if name.startswith(w) or (w == "sept" and i == 9):
                return i
    for i, stem in enumerate(MONTH_STEMS_RU, 1):
        if w.startswith(stem) and (stem != "ма" or w in ("май", "мая", "мае")) and (stem != "мар" or w.startswith("март")):
            return i
    return None


def make_date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def zone_offset(zone: str | None) -> str | None:
    if not zone:
        return None
    z = zone.replace(" ", "")
    if z.upper() in ZONES:
        return ZONES[z.upper()]
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", z, re.I)
    if not m:
        return None
    return f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"


def read_time(m: re.Match) -> str | None:
    """HH:MM[+offset] of a TIME match, or None when it is not a clock time."""
    hour, minute, half, zone = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower(), m.group(4)
    if half.startswith("p") and hour < 12:
        hour += 12
    elif half.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}" + (zone_offset(zone) or "")


def date_matches(text: str) -> list[tuple[dt.date, int, int, str | None]]:
    """Every calendar date in `text`: (date, start, end, time already in the match)."""
    found = []
    for m in ISO.finditer(text):
        d = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            clock = None
            if m.group(4):
                clock = f"{int(m.group(4)):02d}:{m.group(5)}" + (zone_offset(m.group(6)) or "")
            found.append((d, m.start(), m.end(), clock))
    for m in NUMERIC.finditer(text):
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        # Day first, the order of every writing system but the American one; a slash date that
        # cannot be day-first is read month-first.
        d = make_date(year, b, a) or (make_date(year, a, b) if m.group(2) == "/" else None)
        if d:
            found.append((d, m.start(), m.end(), None))
    for m in DAY_MONTH.finditer(text):
        month = month_number(m.group(2))
        d = make_date(int(m.group(3)), month, int(m.group(1))) if month else None
        if d:
            found.append((d, m.start(), m.end(), None))
    for m in MONTH_DAY.finditer(text):
        month = month_number(m.group(1))
        d = make_date(int(m.group(3)), month, int(m.group(2))) if month else None
        if d:
            found.append((d, m.start(), m.end(), None))
    found.sort(key=lambda f: (f[1], -f[2]))
    out: list[tuple[dt.date, int, int, str | None]] = []
    for f in found:
        if not out or f[1] >= out[-1][2]:
            out.append(f)
    return out


def nearest_time(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A clock time right after the date (", 23:58", " at 3:32 pm MSK") or right before it."""
    after = TIME.search(text, end)
    if after and re.fullmatch(r"[\s,|/–—-]*(?:at|в|г\.?)?[\s,|/–—-]*(?:at|в)?[\s,|/–—-]*", text[end:after.start()], re.I):
        clock = read_time(after)
        if clock:
            return clock, after.start(), after.end()
    for m in TIME.finditer(text, 0, start):
        if re.fullmatch(r"[\s,|/–—-]*", text[m.end():start]):
            clock = read_time(m)
            if clock:
                return clock, m.start(), m.end()
    return None


def find_date(text: str) -> FoundDate | None:
    """The first date in `text`, with the clock time printed beside it."""
    matches = date_matches(text)
    if not matches:
        return None
    d, start, end, clock = matches[0]
    if clock is None:
        near = nearest_time(text, start, end)
        if near:
            clock, start, end = near[0], min(start, near[1]), max(end, near[2])
    return FoundDate(d.isoformat() + (f"T{clock}" if clock else ""), start, end)


# A place before the date on a dateline: "Yerevan, 15 January 2025", "NEW YORK, March 3,
# 2025", "Москва, 5 марта 2025". Up to three capitalised words (calibrated on city names such
# as "Nur-Sultan", "Rio de Janeiro", "Los Angeles"), then a comma.
PLACE_PREFIX = re.compile(r"^\s*(?:[^\W\d_][\w'.-]*)(?:\s+[\w'.-]+){0,2}\s*,\s*$")


def place_prefix(text: str) -> bool:
    """Is `text` a dateline place ("Yerevan, ") and nothing more?"""
    return bool(PLACE_PREFIX.match(text)) and text.strip()[:1].isupper() and len(text.split()) <= 3


def line_date(line: str) -> str | None:
    """The date of a line that holds nothing but a date (and time, dateline words, and a place
    before it)."""
    found = find_date(line)
    if found is None:
        return None
    head = "" if place_prefix(line[:found.start]) else line[:found.start]
    rest = head + " " + line[found.end:]
    words = re.findall(r"[^\W\d_]+", rest.lower())
    if any(w not in DATE_FILLER for w in words):
        return None
    return found.value


def wire_dateline(paragraph: str) -> Wire | None:
    """A wire dateline ("DUSHANBE, Oct 9 (Agency) -", "МОСКВА, 14 января. /ТАСС/ —") at the
    start of a paragraph."""
    m = WIRE.match(paragraph)
    if not m:
        return None
    month = month_number(m.group("month") or m.group("month2"))
    day = int(m.group("day") or m.group("day2"))
    if month is None or not 1 <= day <= 31:
        return None
    year = m.group("year")
    d = make_date(int(year), month, day) if year else None
    agency = (m.group("agency") or m.group("slash") or "").strip() or None
    return Wire(place=m.group("place").strip(), value=d.isoformat() if d else None, month=month, day=day,
                agency=agency, end=m.end())
