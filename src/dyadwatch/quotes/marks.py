"""Quotation marks paired into quoted spans.

Marks are read by their context, not by their shape alone: a straight `"` with white space
before and a word after opens, one with a word before and white space or punctuation after
closes. A stack pairs them, so a quote inside a quote ("... its "elder brother" - Turkey ...")
nests instead of cutting the outer quote in two. A quotation that runs over several paragraphs
leaves its mark open at the end of each paragraph and opens the next one again; those pieces
are joined into one span.
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import Paragraph

# What each opening mark accepts as its closing mark.
ACCEPTS: dict[str, str] = {
    '"': '"',
    "'": "'",
    "“": "”",
    "„": "“”",
    "«": "»",
    "»": "«",  # German and Danish style: »...«
    "‘": "’",
    "‚": "‘’",
    "‹": "›",
    "”": "”",  # Swedish and Finnish style: ”...”
}
OPENERS = frozenset(ACCEPTS)
CLOSERS = frozenset("".join(ACCEPTS.values()))
MARKS = OPENERS | CLOSERS
# Marks whose direction is given by their shape; the rest are read from context.
SHAPED_OPENERS = frozenset("“„«‘‚‹")
AMBIGUOUS = frozenset("\"'")
# Characters after which a mark opens (besides white space and the start of a paragraph).
BEFORE_OPEN = frozenset("([{—–-/:") | OPENERS
# Characters before which a mark closes (besides white space and the end of a paragraph).
AFTER_CLOSE = frozenset(".,;:!?)]}—–-…") | CLOSERS


@dataclass(frozen=True)
class Marked:
    """One outermost quoted span: its marks and the text pieces between them.

    `pieces` are (start, end) character ranges without the marks; a quotation running over
    several paragraphs has one piece per paragraph.
    """

    open_mark: int
    close_mark: int
    pieces: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass
class _Open:
    char: str
    index: int
    pieces: list[tuple[int, int]]  # finished pieces of earlier paragraphs


def _looks_open(before: str, after: str) -> bool:
    return (before.isspace() or before in BEFORE_OPEN) and not (after.isspace() or after in AFTER_CLOSE)


def _looks_close(before: str, after: str) -> bool:
    return not before.isspace() and (after.isspace() or after in AFTER_CLOSE)


def _closing_level(stack: list[_Open], char: str) -> int | None:
    for level in range(len(stack) - 1, -1, -1):
        if char in ACCEPTS[stack[level].char]:
            return level
    return None


def _role(char: str, before: str, after: str, stack: list[_Open]) -> str | None:
    """'open', 'close' or None (an apostrophe, a stray mark)."""
    if char in "'’‘" and (after.isdigit() or (before.isalnum() and after.isalnum())):
        return None  # don't, Aliev's, Aliev’s, the '90s
    level = _closing_level(stack, char) if char in CLOSERS else None
    opens = _looks_open(before, after)
    if char in AMBIGUOUS:
        if level is not None and not opens:
            return "close"
        return "open" if opens else None
    if char in SHAPED_OPENERS:
        if level is not None and not opens:
            return "close"
        return None if char == "‘" and before.isalnum() else "open"
    if level is not None:
        return "close"
    return "open" if char in "”»" and opens else None


def find_marked(text: str, paragraphs: list[Paragraph]) -> list[Marked]:
    """Every outermost quoted span of `text`, in order."""
    found: list[Marked] = []
    carried: _Open | None = None
    for n, para in enumerate(paragraphs):
        stack: list[_Open] = []
        i = para.start
        if carried is not None:
            first = text[para.start] if para.start < para.end else ""
            if first in OPENERS and ACCEPTS[first] == ACCEPTS[carried.char]:
                stack.append(_Open(first, para.start, carried.pieces))
                i = para.start + 1
            carried = None
        for j in range(i, para.end):
            char = text[j]
            if char not in MARKS:
                continue
            before = text[j - 1] if j > para.start else " "
            after = text[j + 1] if j + 1 < para.end else " "
            role = _role(char, before, after, stack)
            if role == "open":
                stack.append(_Open(char, j, []))
            elif role == "close":
                level = _closing_level(stack, char)
                if level is None:
                    continue
                opened = stack[level]
                del stack[level:]
                if level == 0:
                    pieces = (*opened.pieces, (opened.index + 1, j))
                    first_open = pieces[0][0] - 1
                    found.append(Marked(open_mark=first_open, close_mark=j, pieces=pieces))
        if stack and n + 1 < len(paragraphs):
            bottom = stack[0]
            carried = _Open(bottom.char, bottom.index, [*bottom.pieces, (bottom.index + 1, para.end)])
    return found
