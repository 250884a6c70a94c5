"""Author names from bylines and author fields: cleaned and split into people.

Bylines carry more than names: "By", "Written by", dates, "| Updated", e-mail addresses,
profile URLs, "Staff writer". Several authors share one string ("A, B and C", "A & B").
Post-nominal credentials ("Jane Roe, MD, RD", "John Doe, Ph.D.") belong to the name they
follow and are kept with it, as the page prints them.
"""
from __future__ import annotations

import html
import re

# Words that open a byline in the languages news sites here are written in.
BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|reported|compiled|edited|reviewed|photos?|story|text|words)"
    r"\s+(?:by|from)\b|by\b|from\b|author(?:s|ed by)?\b|autor(?:es|in)?\b|von\b|por\b|par\b|door\b"
    r"|di\b|авторы?\b|автор\b)[\s:.\-–—]*",
    re.IGNORECASE,
)
# Text after these in a byline is not the name (a date, a role line, a timestamp).
BYLINE_TAIL = re.compile(
    r"\s*(?:[|•·–—]\s*|\b(?:updated|published|posted|last updated|on)\b\s*[:\-]?\s*)"
    r"(?=.*\d).*$|\s+\b(?:updated|published|posted)\b.*$",
    re.IGNORECASE,
)
URLISH = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|(?<!\w)@\w+")
DATEISH = re.compile(
    r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})\b.*$",
    re.IGNORECASE,
)
SEPARATORS = re.compile(r"\s*(?:;|\n|\|)\s*|\s*,\s*(?:(?:and|&)\s+)?")
# "and" joins two people only when both sides are full names ("Ann Lee and Bo Kim");
# "Maria & Katerina" is one credit, "Center for Evaluation and Research" one body.
CONJUNCTION = re.compile(r"\s+(?:and|&|und|y|et|e|и)\s+", re.IGNORECASE)
# A comma segment made of these is a credential of the name before it, not another person.
CREDENTIAL = re.compile(
    r"^(?:(?:[A-Z][A-Za-z]{0,3}\.){1,3}|[A-Z][A-Z0-9\-®]{1,7}®?|Ph\.?\s?D\.?|M\.?D\.?|"
    r"Jr\.?|Sr\.?|I{1,3}|IV|Esq\.?|[A-Z]{1,5}-[A-Z]{1,5}(?:\s\d{2,4})?)(?:\s+[A-Z][A-Z0-9\-®]{1,7}®?)*$"
)
# Byline words that say what someone is, not who (staff credits, generic teams).
NOT_A_NAME = re.compile(
    r"^(?:staff|admin|administrator|editor|editors|the editors|editorial( team| staff| board)?|"
    r"guest|contributor|unknown|anonymous|team|news desk|newsroom|wire|reporter|correspondent|"
    r"staff writer|staff reporter|the author|author|authors|follow|share|more|view all posts|"
    r"name|your name|opens in new window|facebook|twitter|linkedin|instagram|email|e-mail)$",
    re.IGNORECASE,
)
# Words that never stand in a person's byline: site controls and calendar words.
NON_NAME_WORD = re.compile(
    r"\b(?:log ?in|sign ?in|sign ?up|subscribe|member|menu|search|home|contact|about us|privacy|cookies?|"
    r"newsletter|read more|share|comments?)\b",
    re.IGNORECASE,
)
# A month or weekday alone is a date fragment, not a person (April or June with a surname is).
CALENDAR_WORD = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)$",
    re.IGNORECASE,
)
# A comma segment ending in one of these is the person's job, not another person
# ("Jane Roe, Staff Writer", "John Doe, Senior Correspondent").
ROLE_SEGMENT = re.compile(
    r"(?:^(?:sr|senior|junior|chief|head|lead|deputy|associate|assistant|managing|executive|former)\b"
    r"|\b(?:writer|editor|reporter|correspondent|columnist|contributor|expert|analyst|director|"
    r"dietitian|nutritionist|manager|founder|co-founder|ceo|cto|specialist|consultant|strategist|"
    r"producer|journalist|photographer|intern|officer|president|professor|researcher|scientist|"
    r"designer|developer|engineer|coach|trainer|marketer|advisor|adviser)s?)$",
    re.IGNORECASE,
)
# A person's name in a byline is short; longer strings are sentences caught by a loose
# selector (calibrated on bylines seen in news pages: 1-6 words, rarely more).
MAX_NAME_WORDS = 7
MAX_NAME_CHARS = 80


def clean_byline(raw: str) -> str:
    """The byline without its opening word, trailing date/role part and links."""
    text = " ".join(html.unescape(raw).replace("\u00a0", " ").split())
    text = URLISH.sub(" ", text)
    for _ in range(2):
        text = BYLINE_PREFIX.sub("", text)
    text = DATEISH.sub("", text)
    text = BYLINE_TAIL.sub("", text)
    return " ".join(text.split()).strip(" ,;:-–—|•·")


def looks_like_name(text: str) -> bool:
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or len(text) > MAX_NAME_CHARS:
        return False
    if NOT_A_NAME.match(text) or NON_NAME_WORD.search(text) or CALENDAR_WORD.match(text):
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    if text.endswith((".", "!", "?")) and not CREDENTIAL.search(words[-1]) and len(words) > 4:
        return False
    return not re.search(r"\d{4,}", text)


def _split_people(part: str) -> list[str]:
    pieces = CONJUNCTION.split(part.strip())
    if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
        return pieces
    return [part]


def split_authors(byline: str) -> list[str]:
    """People named in one byline string, credentials kept with the name they follow."""
    text = clean_byline(byline)
    if not text:
        return []
    parts = [piece for p in SEPARATORS.split(text) if p and p.strip() for piece in _split_people(p)]
    names: list[str] = []
    for part in parts:
        part = part.strip(" .,;:") if not CREDENTIAL.match(part.strip()) else part.strip()
        if not part:
            continue
        if names and CREDENTIAL.match(part):
            names[-1] = f"{names[-1]}, {part}"
        elif ROLE_SEGMENT.search(part):
            continue
        else:
            names.append(part)
    return [n for n in names if looks_like_name(n)]


def clean_name(raw: str) -> str | None:
    """One author name as a structured source gives it, tidied but not split."""
    text = clean_byline(raw)
    return text if looks_like_name(text) else None


def without_outlets(names: list[str], outlets: list[str | None]) -> list[str]:
    """Names that are not the outlet itself (sites credit themselves as author)."""
    keys = {" ".join(o.lower().split()) for o in outlets if o}
    return [n for n in names if " ".join(n.lower().split()) not in keys]


def merge_authors(*groups: list[str]) -> list[str]:
    """Names in order of first appearance, without repeats (case- and space-folded)."""
    seen: set[str] = set()
    out: list[str] = []
    for group in groups:
        for name in group:
            key = " ".join(name.lower().split())
            if key and key not in seen:
                seen.add(key)
                out.append(name)
    return out
