"""Paragraphs and sentence edges of plain text, for the work that needs no parse."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A line that ends without sentence punctuation and is followed by one starting in lower case
# is a hard-wrapped paragraph, not two paragraphs.
LINE_END_PUNCT = ".!?:;\"'”’»…)"
# Abbreviations that end in a period without ending the sentence (Mr. Smith, Gen. Ivanov).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt maj capt sgt gov sen rep st jr sr no vs etc inc ltd co corp dept est fig jan feb mar apr "
    "jun jul aug sep sept oct nov dec u.s u.k e.g i.e".split()
)
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»]*(?=\s)")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs as character ranges without surrounding white space."""
    found: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+", text):
        a, b = m.start(), m.end()
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        a += len(line) - len(line.lstrip())
        b -= len(line) - len(line.rstrip())
        if found and _wrapped(text, found[-1], a):
            found[-1] = Paragraph(found[-1].start, b)
        else:
            found.append(Paragraph(a, b))
    return found


def _wrapped(text: str, prev: Paragraph, start: int) -> bool:
    gap = text[prev.end:start]
    return gap.count("\n") == 1 and text[prev.end - 1] not in LINE_END_PUNCT and text[start].islower()


def paragraph_of(paras: list[Paragraph], offset: int) -> int:
    """Index of the paragraph holding `offset` (or the last one before it)."""
    lo, hi = 0, len(paras) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paras[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def is_sentence_end(text: str, m: re.Match[str]) -> bool:
    if not m.group().startswith("."):
        return True
    word = re.search(r"([\w.]+)$", text[max(0, m.start() - 12):m.start()])
    return not (word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1))


def sentence_start(text: str, lower: int, offset: int) -> int:
    """Start of the sentence holding `offset`, not before `lower`."""
    start = lower
    for m in SENTENCE_END.finditer(text, lower, offset):
        if is_sentence_end(text, m):
            start = m.end()
    while start < offset and text[start].isspace():
        start += 1
    return start


def sentence_end(text: str, offset: int, upper: int) -> int:
    """End of the sentence holding `offset` (after its final punctuation), not after `upper`."""
    for m in SENTENCE_END.finditer(text, offset, upper):
        if is_sentence_end(text, m):
            return m.end()
    return upper
