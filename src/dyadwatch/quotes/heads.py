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

from ..actors.guards import dateline_spans
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


# The heads of the parse read last, kept with the parse itself: `Doc.text` joins every token
# anew on each call, so asking it per token made the stage quadratic in the page's length.
_last: list[tuple[Any, tuple[tuple[int, int], ...]]] = []


def token_in_head(tok: Any) -> bool:
    cached = _last[0] if _last else None  # read once: another thread may replace it
    if cached is None or cached[0] is not tok.doc:
        cached = (tok.doc, head_spans(tok.doc.text))
        _last[:] = [cached]
    return any(a <= tok.idx < b for a, b in cached[1])
