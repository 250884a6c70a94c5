"""Paragraph heads that are nobody's words and name no speaker: wire datelines and live-blog stamps.

"NAIROBI, July 8 (Continental News Service) - Kenyan President X denied ..." and
"13:02 GMT — X has stood up ..." open a paragraph with where, when and through whom it was
filed. The parser often makes the dateline the subject and the agency its apposition, and a
reported clause that opens the paragraph would start with the stamp. Both are read off the
text here (issue 13), so the speaker is looked for after the head and the content starts
after it.
"""
from __future__ import annotations

import functools
import re
from typing import Any

from ..actors.guards import dateline_spans, parse_text, per_doc
from ..extract.datelines import ZONES

_ZONE = "|".join(sorted(ZONES, key=len, reverse=True))
# "13:02 GMT —", "9:14 p.m. ET —", "10:12 a.m. —", "16:40 EDT -", "02:30 BST —": a clock time,
# an optional half of the day and zone word (any capitals: live blogs write local zones the
# date parser does not know), then the dash that opens the entry.
STAMP_RE = re.compile(
    r"^[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*(?:a\.m\.|p\.m\.|am|pm|AM|PM))?(?:[ \t]*(?:%s|[A-Z]{2,5}))?[ \t]*(?:--|[-–—:])[ \t]+" % _ZONE,
    re.M)


@functools.lru_cache(maxsize=8)
def head_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the datelines and time stamps that open paragraphs of `text`."""
    spans = list(dateline_spans(text)) + [(m.start(), m.end()) for m in STAMP_RE.finditer(text)]
    return tuple(sorted(spans))


def token_in_head(tok: Any) -> bool:
    """Is the token inside a dateline or time stamp that opens a paragraph (read once per parse)?"""
    spans = per_doc(tok.doc, "heads", lambda: head_spans(parse_text(tok.doc)))
    return any(a <= tok.idx < b for a, b in spans)
