"""Unicode clean-up of decoded article text: NFC, spaces, invisible characters, homoglyphs.

Only text that we decoded ourselves (files, pages, feeds) goes through here. Plain `text`
given in an input record is never rewritten, so offsets into it stay valid.
"""
from __future__ import annotations

import re
import unicodedata

# Space characters that render as an ordinary space; a plain space keeps later pattern
# matching simple (no-break, figure, narrow no-break, and the typographic en/em spaces).
SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " ")
# Characters with no visible form that break word matching: zero-width space, word joiner,
# a stray byte-order mark, soft hyphen. (Zero-width joiners are kept: some scripts need them.)
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)
# Line and paragraph separators that some sites emit instead of newlines.
LINE_BREAKS = dict.fromkeys(map(ord, "\u2028\u2029\u0085"), "\n")

# Cyrillic letters drawn the same as a Latin letter, and the reverse. These are the pairs
# that appear when a Russian keyboard layout leaks into Latin text (and vice versa); letters
# that merely look alike in some fonts (e.g. Cyrillic "п" and Latin "n") are left out.
CYRILLIC_TO_LATIN = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j",
}
LATIN_TO_CYRILLIC = {
    "A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р", "C": "С",
    "T": "Т", "X": "Х", "Y": "У", "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х",
}

WORD = re.compile(r"[^\W\d_]+")
# Halves of surrogate pairs standing alone (from JSON escapes such as "\ud800"): no text
# encoding can write them, so they become U+FFFD, one character for one (offsets hold).
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    return LONE_SURROGATE.sub("\ufffd", text)


def is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def is_latin(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "\u00c0" <= ch <= "\u024f")


# Runs of the letters `is_latin` and `is_cyrillic` accept (the Latin range less its two
# signs, x and the division sign), counted by the regex engine rather than a Python loop.
LATIN_RUN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")
CYRILLIC_RUN = re.compile("[\u0400-\u04ff]+")


def script_counts(text: str) -> tuple[int, int]:
    """(Latin letters, Cyrillic letters) in `text`."""
    return sum(map(len, LATIN_RUN.findall(text))), sum(map(len, CYRILLIC_RUN.findall(text)))


def fix_word(word: str, prefer_latin: bool) -> str:
    """A word mixing Latin and Cyrillic letters, written in one script where lookalikes allow.

    The word goes to the script most of its letters are in; on a tie, to the script of the
    whole text (`prefer_latin`). Left as it is when a letter has no lookalike to swap to.
    """
    latin, cyrillic = script_counts(word)
    if not latin or not cyrillic:
        return word
    to_latin = latin > cyrillic or (latin == cyrillic and prefer_latin)
    table = CYRILLIC_TO_LATIN if to_latin else LATIN_TO_CYRILLIC
    minority = is_cyrillic if to_latin else is_latin
    if any(minority(ch) and ch not in table for ch in word):
        return word
    return "".join(table.get(ch, ch) if minority(ch) else ch for ch in word)


def fix_homoglyphs(text: str) -> str:
    """Latin words with a Cyrillic lookalike inside (and the reverse) put back in one script.

    The replacement is letter for letter, so the length of the text does not change.
    """
    latin, cyrillic = script_counts(text)
    if not latin or not cyrillic:
        return text  # one script only: no word can mix two
    prefer_latin = latin >= cyrillic
    return WORD.sub(lambda m: fix_word(m.group(0), prefer_latin), text)


def normalize_text(text: str) -> str:
    """NFC, one kind of space, no invisible characters, Unix line ends, one script per word."""
    text = replace_surrogates(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text)
    text = text.translate(SPACE_LIKE).translate(INVISIBLE).translate(LINE_BREAKS)
    return fix_homoglyphs(text)
