"""What a time rule is, what it sees, and the regex pieces the rules are written with.

A rule is a named regular expression with a resolver: the resolver turns one match into a
TIMEX3 value and type (or refuses the match: not a time expression after all). Month and
weekday names are matched capitalised (news capitalises them; "may" and "march" in lower
case are other words); everything else is matched case-insensitively.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .calendar import Anchor
from .lexicon import alternation, load_lexicon
from .tense import looks_future, tense_of


@dataclass(frozen=True)
class Context:
    """What a resolver may look at besides its match."""

    text: str
    anchor: Anchor | None
    # the last day named before this expression (or the anchor): what "the next day",
    # "that year" and "two days later" count from
    reference: dt.date | None

    def future(self, start: int, end: int) -> bool:
        return looks_future(self.text, start, end)

    def tense(self, start: int, end: int) -> str | None:
        return tense_of(self.text, start, end)

    def word_before(self, start: int) -> str:
        m = re.search(r"([A-Za-z]+)[\s,]*$", self.text[max(0, start - 30):start])
        return m.group(1).lower() if m else ""


@dataclass(frozen=True)
class Resolved:
    value: str | None
    type: str
    rule: str


Resolver = Callable[[re.Match, Context], Resolved | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    resolve: Resolver
    # words one of which every match contains (lower case): the rule is skipped on texts
    # without any of them, which keeps the grammar fast
    needs: tuple[str, ...] = ()

    def applies(self, lowered: str) -> bool:
        return not self.needs or any(w in lowered for w in self.needs)

    def span(self, m: re.Match) -> tuple[int, int]:
        """The expression's extent: the group `x` when the pattern has one (so that context
        such as a preposition can be matched without being part of the expression)."""
        if "x" in m.re.groupindex and m.group("x") is not None:
            return m.span("x")
        return m.span()


def ci(pattern: str) -> str:
    """Case-insensitive piece of a pattern compiled case-sensitively."""
    return f"(?i:{pattern})"


LEX = load_lexicon()

# -- regex pieces ---------------------------------------------------------------------------
B = r"(?<![\w\-])"  # start of a word (not inside a word or a hyphenated compound)
E = r"(?![\w])"  # end of a word
_FULL_MONTHS = [m for m, n in LEX.months.items() if len(m) > 4 or m in ("May", "June", "July")]
_ABBR_MONTHS = [m for m in LEX.months if m not in _FULL_MONTHS]
MONTH = (rf"(?P<month>{alternation(_FULL_MONTHS)}|{alternation([m.upper() for m in _FULL_MONTHS])}|"
         rf"(?:{alternation(_ABBR_MONTHS)})\.?){E}")
# What a line must hold for a pattern with a month or weekday name to match there (each name
# and abbreviation begins with its three letters; `Rule.needs` compares lower case).
MONTH_NEEDS = tuple(sorted({m.lower()[:3] for m in LEX.months}))
WEEKDAY_NEEDS = tuple(sorted({d.lower()[:3] for d in LEX.weekdays}))
WEEKDAY = rf"(?P<weekday>{alternation(list(LEX.weekdays))}){E}"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\d%])"
_WORD_NUMS = [w for w in LEX.numbers if w not in ("a", "an", "some")]
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUM = ci(rf"(?P<num>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|{_TENS}[\s-]{_ONES}|{alternation(_WORD_NUMS)}|an?|some)")
UNIT = ci(r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|"
          r"decades?|century|centuries|millennium|millennia)") + E
UNIT_SG = ci(r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)") + E
SEASON = ci(rf"(?P<season>{alternation(list(LEX.seasons))})") + E
PART_OF_DAY = ci(rf"(?P<pod>{alternation(list(LEX.parts_of_day))})") + E
# modifiers kept inside the extent ("early 2013", "the end of last year", "mid-March"); TIMEX3
# records them in its `mod` attribute and leaves the value as it is
MOD = ci(r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|turn|close|first\s+days|last\s+days)"
         r"\s+of\s+(?:the\s+)?|"
         r"(?:early|late|mid|earlier|later)(?:\s+in)?[\s-]+(?:the\s+)?)")


def compile_rule(name: str, pattern: str, resolve: Resolver, needs: tuple[str, ...] = ()) -> Rule:
    return Rule(name=name, pattern=re.compile(pattern), resolve=resolve, needs=needs)


def unit_value(num: str, unit: str) -> str:
    """TIMEX3 duration value: P3D, PT2H, P20Y, PXY."""
    if unit == "2W":
        return f"P{'X' if num == 'X' else _fmt(float(num) * 2)}W"
    if unit.startswith("T"):
        return f"PT{num}{unit[1:]}"
    if unit == "DE" and num != "X":
        # a counted number of decades is written in years (P10Y), as TimeBank mostly does
        return f"P{_fmt(float(num) * 10)}Y"
    return f"P{num}{unit}"


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def number_of(m: re.Match) -> str | None:
    word = m.group("num")
    if word is None:
        return "1"
    n = LEX.number(word)
    if n is None:
        return None
    return _fmt(float(n)) if n != "X" else "X"
