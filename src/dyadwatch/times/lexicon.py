"""The words of English time expressions (data/en/times.toml), loaded once."""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from ..lexicons import lexicon_text


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    frequency: dict[str, str]
    reference: dict[str, str]
    holidays: dict[str, str]

    def month(self, word: str) -> int:
        return self.months[word.rstrip(".").capitalize()]

    def weekday(self, word: str) -> int:
        return self.weekdays[word.capitalize()]

    def number(self, word: str) -> str | None:
        """'3' for "three" or "3", 'X' for "several", None for anything else."""
        w = " ".join(word.lower().replace("-", " ").split())
        if re.fullmatch(r"\d+(\.\d+)?", w.replace(",", "")):
            return w.replace(",", "")
        if w in self.numbers:
            return self.numbers[w]
        parts = w.split()
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            tens, ones = self.numbers[parts[0]], self.numbers[parts[1]]
            if tens.isdigit() and ones.isdigit() and int(tens) % 10 == 0 and int(ones) < 10:
                return str(int(tens) + int(ones))
        return None

    def unit(self, word: str) -> str:
        w = word.lower()
        if w in ("centuries",):
            return self.units["century"]
        if w == "millennia":
            return self.units["millennium"]
        return self.units[w[:-1] if w.endswith("s") and w[:-1] in self.units else w]


def alternation(words: list[str]) -> str:
    """A regex alternation of the words, longest first so that the longest one wins."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = lexicon_text("en", "times.toml")
    data = tomllib.loads(raw)
    return Lexicon(**{name: dict(data[name]) for name in Lexicon.__dataclass_fields__})
