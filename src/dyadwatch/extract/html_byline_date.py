"""The date a page shows its reader next to the headline ("Updated Dec 4, 2025 · 6 min read").

Machine-readable dates are often stale or site-wide: a CMS keeps the first publication
date of a page that has since been rewritten, or stamps every page with the build time.
The date printed in the byline under the headline is the one the outlet stands behind
for the text as it is now, so it is read first; labelled publication dates win over
other dates in the same byline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from .html_dates import normalize_date

MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DATE_IN_TEXT = re.compile(
    rf"\b(?:{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?",
    re.IGNORECASE,
)
PUBLISHED_LABEL = re.compile(r"(?:published|posted|first published|date|released)\s*(?:on|:)?\s*$", re.IGNORECASE)
UPDATED_LABEL = re.compile(r"(?:updated|modified|revised|edited|reviewed|fact[- ]checked)\s*(?:on|:)?\s*$",
                           re.IGNORECASE)
# How far before a date its label may stand ("Last updated on: ").
LABEL_REACH = 25
# How much text after the headline counts as its byline area (calibrated on news and
# blog templates: kicker, author, role, date and reading time fit in ~300 characters;
# farther on the article's own text starts and its dates are about events).
AFTER_HEADLINE_CHARS = 350
# Dates just above the headline (a kicker line, a breadcrumb with the date).
BEFORE_HEADLINE_CHARS = 120
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "option", "button"})


def _texts_after(node: HtmlElement):
    """Text in document order after the end of `node`, skipping scripts and styles."""
    while node is not None:
        if node.tail and node.tail.strip():
            yield node.tail
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str) and sibling.tag not in SKIP_TAGS:
                for el in sibling.iter():
                    if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
                        continue
                    if el.text and el.text.strip():
                        yield el.text
                    if el is not sibling and el.tail and el.tail.strip():
                        yield el.tail
            if sibling.tail and sibling.tail.strip():
                yield sibling.tail
        node = node.getparent()


def _texts_before(node: HtmlElement):
    """Text in reverse document order before the start of `node` (nearest first)."""
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            if sibling.tail and sibling.tail.strip():
                yield sibling.tail
            if isinstance(sibling.tag, str) and sibling.tag not in SKIP_TAGS:
                yield " ".join(t for t in sibling.itertext() if t.strip())
        parent = node.getparent()
        if parent is not None and parent.text and parent.text.strip():
            yield parent.text
        node = parent


def headline_window(h1: HtmlElement | None) -> str:
    """The text just after the headline, where the byline is printed."""
    return _window_after(h1) if h1 is not None else ""


def _window_after(h1: HtmlElement) -> str:
    parts, size = [], 0
    for text in _texts_after(h1):
        text = " ".join(text.split())
        parts.append(text)
        size += len(text) + 1
        if size >= AFTER_HEADLINE_CHARS:
            break
    return " ".join(parts)[:AFTER_HEADLINE_CHARS]


def _window_before(h1: HtmlElement) -> str:
    parts, size = [], 0
    for text in _texts_before(h1):
        text = " ".join(text.split())
        parts.insert(0, text)
        size += len(text) + 1
        if size >= BEFORE_HEADLINE_CHARS:
            break
    return " ".join(parts)[-BEFORE_HEADLINE_CHARS:]


def _dates(text: str) -> list[tuple[str, str | None]]:
    """(ISO date, its label: "published", "updated" or None) for each date in the text."""
    found = []
    for m in DATE_IN_TEXT.finditer(text):
        value = normalize_date(m.group(0))
        if not value:
            continue
        lead = text[max(0, m.start() - LABEL_REACH):m.start()]
        label = "updated" if UPDATED_LABEL.search(lead) else "published" if PUBLISHED_LABEL.search(lead) else None
        found.append((value, label))
    return found


@dataclass(frozen=True)
class BylineDate:
    """A date printed around the headline and what the page labels it."""
    value: str
    label: str | None


def headline_date(h1: HtmlElement | None) -> BylineDate | None:
    """The date printed around the headline: a labelled publication date first, then an
    unlabelled one, then an "updated" one; None when the byline prints no date."""
    if h1 is None:
        return None
    found = _dates(_window_after(h1))
    if not found:
        found = list(reversed(_dates(_window_before(h1))))
    for wanted in ("published", None, "updated"):
        for value, label in found:
            if label == wanted:
                return BylineDate(value, label)
    return None
