"""Where dateparser adds to our own grammar: time-zone offsets, numeric dates, and the
languages our grammar does not read.

dateparser is slow next to a regular expression (tens of milliseconds for its first call
in a language), so it is asked only about small strings our rules have already found, or
about whole texts in languages the English grammar cannot read.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from .calendar import Anchor


def _settings(anchor: Anchor | None, order: str | None = None) -> dict:
    settings: dict = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                      "REQUIRE_PARTS": ["day", "month", "year"] if order else []}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(anchor.date, dt.time(12, 0))
    if order:
        settings["DATE_ORDER"] = order
    return settings


@functools.lru_cache(maxsize=256)
def zone_offset(word: str) -> str | None:
    """ISO offset ("+03:00") of a time-zone abbreviation such as MSK or EST, from
    dateparser's table of zones; None when the word is not a zone."""
    from dateparser import timezone_parser

    if not re.fullmatch(r"[A-Z]{1,5}|UTC[+-]\d{1,2}|GMT[+-]\d{1,2}", word):
        return None
    _, tz = timezone_parser.pop_tz_offset_from_string(f"12:00 {word}")
    if tz is None or isinstance(tz, str):
        return None
    offset = tz.utcoffset(None)
    if offset is None:
        return None
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def numeric_date(text: str, order: str) -> str | None:
    """"25.12.2024" (order DMY) or "12/25/2024" (MDY) as an ISO date, checked by dateparser."""
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings=_settings(None, order))
    return parsed.date().isoformat() if parsed else None


# Languages handed to dateparser's search over the whole text (the English grammar reads
# English; these are the other languages the project ingests).
SEARCH_LANGUAGES = ("ru", "uk", "de", "fr", "es", "tr", "az", "hy", "ka")
# Resolutions dateparser returns for phrases without a day or month fill them from the
# base date; a value is kept at day precision only when the phrase names a number.
HAS_DIGIT_OR_WORD = re.compile(r"\d|\w{4,}")


def search_other_language(text: str, language: str, anchor: Anchor | None) -> list[tuple[int, int, str | None]]:
    """(start, end, ISO day or None) for the dates dateparser finds in a non-English text."""
    from dateparser.search import search_dates

    found = search_dates(text, languages=[language], settings=_settings(anchor)) or []
    spans: list[tuple[int, int, str | None]] = []
    pos = 0
    for phrase, when in found:
        start = text.find(phrase, pos)
        if start < 0 or not HAS_DIGIT_OR_WORD.search(phrase):
            continue
        pos = start + len(phrase)
        needs_anchor = not re.search(r"\d{4}", phrase)
        value = None if needs_anchor and anchor is None else when.date().isoformat()
        spans.append((start, pos, value))
    return spans
