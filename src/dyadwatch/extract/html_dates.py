"""Publication dates as pages write them, normalised to ISO 8601.

Machine-readable dates (JSON-LD, meta tags, `<time datetime>`) are ISO 8601 variants:
with or without seconds, fractions, a `Z`, an offset with or without a colon, a space
instead of the `T`. Human-readable ones ("January 7, 2025") are read by dateutil.
The time and its offset are kept when the page gives them; a date alone stays a date.
"""
from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timezone

# Pages older than this are almost always a parsing accident (a copyright year read as a
# date, a 1970 epoch default); the public web's news archives start in the mid-1990s.
MIN_YEAR = 1995
# Dates later than this many years past today's are typos or event dates, not publication.
MAX_YEARS_AHEAD = 1

ISO = re.compile(
    r"^\s*(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?"
)
EPOCH = re.compile(r"^\s*(\d{10})(\d{3})?\s*$")
# Time-zone abbreviations common in English-language news bylines, as UTC offsets in
# seconds (the unambiguous ones only: IST, for one, names three different zones).
ZONE_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "BST": 3600, "CET": 3600, "CEST": 7200, "EET": 7200, "EEST": 10800,
    "MSK": 10800, "EST": -18000, "EDT": -14400, "CST": -21600, "CDT": -18000,
    "MST": -25200, "MDT": -21600, "PST": -28800, "PDT": -25200, "ET": -18000, "PT": -28800,
}
HAS_YEAR = re.compile(r"\b(1[89]|20)\d{2}\b")
DAY_NUMBER = re.compile(r"(?<![\d:])\d{1,2}(?:st|nd|rd|th)?(?![\d:])")
HAS_MONTH_OR_SLASHED = re.compile(r"[A-Za-z]{3,}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


def _plausible(year: int) -> bool:
    return MIN_YEAR <= year <= date.today().year + MAX_YEARS_AHEAD


def _offset(tz: str | None) -> str:
    if not tz:
        return ""
    if tz in ("Z", "UTC", "GMT"):
        return "+00:00"
    digits = tz[1:].replace(":", "")
    if len(digits) == 2:
        digits += "00"
    return f"{tz[0]}{digits[:2]}:{digits[2:4]}"


def _from_iso(value: str) -> str | None:
    m = ISO.match(value)
    if not m:
        return None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    try:
        date(y, mo, d)
    except ValueError:
        return None
    if not _plausible(y):
        return None
    day = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["H"] is None:
        return day
    hour, minute = int(m["H"]), int(m["M"])
    if hour > 23 or minute > 59:
        return day
    clock = f"{hour:02d}:{minute:02d}" + (f":{m['S']}" if m["S"] else "")
    return f"{day}T{clock}{_offset(m['tz'])}"


def _from_text(value: str) -> str | None:
    """A human-written date ("Jan. 7, 2025 11:58 AM", "07.01.2025") read by dateutil."""
    from dateutil import parser as dateutil_parser

    if not HAS_YEAR.search(value) or not HAS_MONTH_OR_SLASHED.search(value) or len(value) > 80:
        return None
    default = datetime(1, 1, 1)
    dayfirst = bool(re.search(r"\d{1,2}\.\d{1,2}\.\d{4}", value))
    try:
        with warnings.catch_warnings():
            # an unknown zone name leaves the time naive, which is what we want then
            warnings.simplefilter("ignore")
            parsed = dateutil_parser.parse(value, default=default, fuzzy=True, dayfirst=dayfirst,
                                           tzinfos=ZONE_ABBREVIATIONS)
    except (ValueError, OverflowError, TypeError):
        return None
    if not _plausible(parsed.year):
        return None
    if not DAY_NUMBER.search(HAS_YEAR.sub(" ", value)):
        return parsed.strftime("%Y-%m")  # "March 2024": the month is all the page says
    day = parsed.strftime("%Y-%m-%d")
    if parsed.hour == 0 and parsed.minute == 0 and not re.search(r"\d:\d\d", value):
        return day
    offset = ""
    if parsed.tzinfo is not None and parsed.utcoffset() is not None:
        secs = int(parsed.utcoffset().total_seconds())
        sign = "+" if secs >= 0 else "-"
        offset = f"{sign}{abs(secs) // 3600:02d}:{abs(secs) % 3600 // 60:02d}"
    return f"{day}T{parsed.strftime('%H:%M')}{offset}"


def normalize_date(value: str | None) -> str | None:
    """ISO 8601 date or datetime (with its offset when given), or None when unreadable."""
    if not value:
        return None
    value = " ".join(str(value).split())
    epoch = EPOCH.match(value)
    if epoch:
        stamp = datetime.fromtimestamp(int(epoch.group(1)), tz=timezone.utc)
        return stamp.strftime("%Y-%m-%dT%H:%M:%S+00:00") if _plausible(stamp.year) else None
    return _from_iso(value) or _from_text(value)
