"""Russian time expressions and their TIMEX3 values (times-ru.v1): the project's own grammar.

dateparser misses or misreads much of what Russian news writes ("в прошлый четверг" gives
nothing, a month named without a year is sometimes put in the wrong year), so the common
forms are read here: dates and months with or without a year, years ("в 2020 году",
"2026 года"), seasons ("осенью 2020 года"), weekdays ("в прошлый четверг"), relative
periods ("на прошлой неделе", "в прошлом году"), relative days ("накануне"), shifts ("три
дня назад"), ranges ("с 10 по 15 января") and durations ("в течение года", "на 20 лет").
A period named without a year takes the latest one not after the publication date, unless
its sentence speaks of the future. The words live in data/ru/times.toml.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass

from ..lexicons import lexicon_text
from ..models import TimeExpr
from ..nlp_ru import RuParse
from ..pipeline import Work, register
from .calendar import (Anchor, day_value, month_value, nearest_day, nearest_month, parse_anchor, season_year, shift_by_unit,
                       week_value, weekday_date)

# Where a period sits in its month or year ("в конце декабря") does not change its value at
# the precision TIMEX3 gives a month or a year.
PART_WORDS = r"(?:конце|начале|середине|конца|начала|середины|первой\s+половине|второй\s+половине)"
PREPS = r"(?:в|во|с|со|до|к|по|от|на|за|из)"
YEAR_WORDS = r"(?:году|года|годом|год|г\.)"


@dataclass(frozen=True)
class Words:
    months: tuple[str, ...]
    weekdays: tuple[tuple[str, ...], ...]
    seasons: dict[str, str]
    shifts: dict[str, int]
    units: dict[str, str]
    numbers: dict[str, int]
    days: dict[str, int]
    future: frozenset[str]


@functools.lru_cache(maxsize=1)
def words() -> Words:
    data = tomllib.loads(lexicon_text("ru", "times.toml"))
    return Words(months=tuple(data["months"]), weekdays=tuple(tuple(w) for w in data["weekdays"]), seasons=data["seasons"],
                 shifts=data["shifts"], units=data["units"], numbers=data["numbers"], days=data["days"],
                 future=frozenset(data["future"]))


def _alt(items) -> str:
    return "(?:" + "|".join(sorted((re.escape(x) for x in items), key=len, reverse=True)) + ")"


def _month_pattern(w: Words) -> str:
    forms = []
    for stem in w.months:
        forms.append(stem + ("[йяею]" if stem == "ма" else "(?:ь|я|е|ю|а|у|ом|ем)?"))
    return "(?:" + "|".join(forms) + ")"


def month_of(word: str) -> int:
    word = word.lower()
    for i, stem in enumerate(words().months, 1):
        if word.startswith(stem) and (stem != "ма" or len(word) == 3):
            return i
    raise ValueError(word)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: str | None
    type: str
    rule: str


Resolver = Callable[[re.Match, "Scope"], list[Found]]


@dataclass(frozen=True)
class Scope:
    text: str
    anchor: dt.date
    reference: dt.date
    future_spans: tuple[tuple[int, int], ...] = ()  # sentences whose verbs are in the future tense

    def future(self, start: int) -> bool:
        """Does the sentence around `start` speak of what is to come?"""
        if any(s <= start < e for s, e in self.future_spans):
            return True
        s = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start)) + 1
        e = self.text.find(". ", start)
        sentence = self.text[s:e if e > 0 else len(self.text)].lower()
        return any(re.search(rf"(?<!\w){w}(?!\w)", sentence) for w in words().future)


def future_sentences(parse: RuParse | None) -> tuple[tuple[int, int], ...]:
    """Sentences with a finite verb in the future tense ("встретятся", "будет работать")."""
    if parse is None:
        return ()
    out = []
    for sent in parse.sentences:
        toks = parse.tokens[sent.first:sent.last]
        if any((t.pos in ("VERB", "AUX") and t.feat("Tense") == "Fut") or (t.lemma == "быть" and t.lower.startswith("буд")) for t in toks):
            out.append((sent.start, sent.end))
    return tuple(out)


def _num(word: str | None) -> int | None:
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    return words().numbers.get(word.lower())


def _year(m: re.Match, group: str = "y") -> int | None:
    y = m.group(group)
    return int(y) if y else None


def _shift_year(m: re.Match, sc: Scope) -> int | None:
    word = m.groupdict().get("ys")
    return sc.anchor.year + words().shifts[word.lower()] if word else None


def _date(m: re.Match, sc: Scope) -> list[Found]:
    month = month_of(m.group("m"))
    day = int(m.group("d"))
    year = _year(m) or _shift_year(m, sc)
    try:
        value = dt.date(year, month, day) if year else nearest_day(sc.anchor, month, day, sc.future(m.start()))
    except ValueError:
        return []
    if value is None:
        return []
    if not m.group("d0"):
        return [Found(m.start(), m.end(), day_value(value), "DATE", "ru-date")]
    # "с 10 по 15 января": the range's first day is in the month and year of its last
    try:
        first = value.replace(day=int(m.group("d0")))
    except ValueError:
        return []
    return [Found(m.start(), m.start("to"), day_value(first), "DATE", "ru-range"),
            Found(m.start("to"), m.end(), day_value(value), "DATE", "ru-range")]


def _numeric(m: re.Match, sc: Scope) -> list[Found]:
    try:
        value = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return []
    return [Found(m.start(), m.end(), day_value(value), "DATE", "ru-numeric")]


def _month(m: re.Match, sc: Scope) -> list[Found]:
    month = month_of(m.group("m"))
    year = _year(m) or _shift_year(m, sc)
    if year is None:
        if not (m.group("pre") or m.group("part")):
            return []
        year = nearest_month(sc.anchor, month, sc.future(m.start()))
    return [Found(m.start(), m.end(), month_value(year, month), "DATE", "ru-month")]


def _year_rule(m: re.Match, sc: Scope) -> list[Found]:
    return [Found(m.start(), m.end(), f"{int(m.group('y')):04d}", "DATE", "ru-year")]


def _year_range(m: re.Match, sc: Scope) -> list[Found]:
    return [Found(m.start(), m.start("to"), f"{int(m.group('y0')):04d}", "DATE", "ru-range"),
            Found(m.start("to"), m.end(), f"{int(m.group('y')):04d}", "DATE", "ru-range")]


def _decade(m: re.Match, sc: Scope) -> list[Found]:
    return [Found(m.start(), m.end(), m.group("y")[:3], "DATE", "ru-decade")]


def _season(m: re.Match, sc: Scope) -> list[Found]:
    season = words().seasons[m.group("s").lower()]
    year = _year(m) or _shift_year(m, sc)
    if year is not None:
        return [Found(m.start(), m.end(), f"{year:04d}-{season}", "DATE", "ru-season")]
    if m.group("s").lower() not in ("зимой", "весной", "летом", "осенью") and not m.group("ss"):
        return []
    shift = words().shifts[m.group("ss").lower()] if m.group("ss") else 0
    return [Found(m.start(), m.end(), season_year(sc.anchor, season, shift, sc.future(m.start())), "DATE", "ru-season")]


def _weekday(m: re.Match, sc: Scope) -> list[Found]:
    word = m.group("w").lower()
    weekday = next(i for i, forms in enumerate(words().weekdays, 1) if word in forms)
    shift = words().shifts.get((m.group("ws") or "").lower())
    if shift is None:
        value = weekday_date(sc.anchor, weekday, 1 if sc.future(m.start()) else -1)
    else:
        # "в прошлый четверг": the Thursday of the week before the anchor's; "в следующий" of the next
        monday = sc.anchor - dt.timedelta(days=sc.anchor.isoweekday() - 1)
        value = monday + dt.timedelta(days=7 * shift + weekday - 1)
    return [Found(m.start(), m.end(), day_value(value), "DATE", "ru-weekday")]


def _period(m: re.Match, sc: Scope) -> list[Found]:
    shift = words().shifts[m.group("ps").lower()]
    unit = m.group("pu").lower()
    a = sc.anchor
    if unit.startswith("год"):
        value = f"{a.year + shift:04d}"
    elif unit.startswith("месяц"):
        y, mo = divmod(a.year * 12 + a.month - 1 + shift, 12)
        value = month_value(y, mo + 1)
    else:
        value = week_value(a + dt.timedelta(days=7 * shift))
    return [Found(m.start(), m.end(), value, "DATE", "ru-period")]


def _day_word(m: re.Match, sc: Scope) -> list[Found]:
    return [Found(m.start(), m.end(), day_value(sc.anchor + dt.timedelta(days=words().days[m.group(0).lower()])), "DATE", "ru-day")]


def _same_day(m: re.Match, sc: Scope) -> list[Found]:
    return [Found(m.start(), m.end(), day_value(sc.reference), "DATE", "ru-same-day")]


def _ago(m: re.Match, sc: Scope) -> list[Found]:
    n = _num(m.group("n"))
    if not n:
        return []
    value = shift_by_unit(sc.anchor, words().units[m.group("u").lower()], -n)
    return [Found(m.start(), m.end(), value, "DATE", "ru-ago")] if value else []


def _duration(m: re.Match, sc: Scope) -> list[Found]:
    n = _num(m.group("n"))
    unit = words().units[m.group("u").lower()]
    value = f"P{n}{unit}" if n else f"PX{unit}"
    return [Found(m.start(), m.end(), value, "DURATION", "ru-duration")]


@functools.lru_cache(maxsize=1)
def rules() -> tuple[tuple[re.Pattern[str], Resolver], ...]:
    w = words()
    month = _month_pattern(w)
    shift = _alt(w.shifts)
    unit = _alt(w.units)
    number = r"(?:\d+|" + _alt(w.numbers) + ")"
    weekday = _alt(x for forms in w.weekdays for x in forms)
    season = _alt(w.seasons)
    b, e = r"(?<!\w)", r"(?!\w)"
    year_tail = rf"(?:\s+(?P<y>\d{{4}})(?:\s*{YEAR_WORDS})?|\s+(?P<ys>{shift})\s+года)"
    table: list[tuple[str, Resolver]] = [
        (rf"{b}(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}}){e}", _numeric),
        (rf"{b}(?:с\s+(?P<d0>\d{{1,2}})\s+(?P<to>по|до)\s+)?(?P<d>\d{{1,2}})\s+(?P<m>{month}){year_tail}?{e}", _date),
        (rf"{b}(?:(?P<pre>{PREPS})\s+)?(?:(?P<part>{PART_WORDS})\s+)?(?P<m>{month}){year_tail}?{e}", _month),
        (rf"{b}(?:(?:{PREPS}|в\s+течение)\s+)?(?:{PART_WORDS}\s+)?(?P<y>\d{{4}})\s*{YEAR_WORDS}(?!\w)", _year_rule),
        (rf"{b}(?:с|от)\s+(?P<y0>\d{{4}})(?:\s*{YEAR_WORDS})?\s+(?P<to>по|до)\s+(?P<y>\d{{4}})\s*(?:год|года|годы){e}", _year_range),
        (rf"{b}(?:в\s+)?(?P<y>\d{{3}}0)-(?:е|х)\s+(?:годы|годах|годов){e}", _decade),
        (rf"{b}(?:(?P<ss>{shift})\s+)?(?P<s>{season})(?:\s+(?P<y>\d{{4}})\s*года|\s+(?P<ys>{shift})\s+года)?{e}", _season),
        (rf"{b}(?:в|во)\s+(?:(?P<ws>{shift})\s+)?(?P<w>{weekday}){e}", _weekday),
        (rf"{b}(?:в|на)\s+(?P<ps>{shift})\s+(?P<pu>году|месяце|неделе){e}", _period),
        (rf"{b}{_alt(w.days)}{e}", _day_word),
        (rf"{b}в\s+тот\s+же\s+день{e}", _same_day),
        (rf"{b}(?:(?P<n>{number})\s+)?(?P<u>{unit})\s+назад{e}", _ago),
        (rf"{b}(?:в\s+течение|на\s+протяжении|на|за)\s+(?:(?P<n>{number})\s+)?(?P<u>{unit}){e}", _duration),
    ]
    return tuple((re.compile(p, re.IGNORECASE), f) for p, f in table)


def find_russian_times(text: str, published: str | None, parse: RuParse | None = None) -> list[TimeExpr]:
    """Every Russian time expression in `text`, with its TIMEX3 value against `published`."""
    anchor: Anchor | None = parse_anchor(published)
    if anchor is None or not text:
        return []
    matches = []
    for order, (pattern, resolve) in enumerate(rules()):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                matches.append((m.start(), m.end(), order, m, resolve))
    chosen, taken = [], []
    for s, e, order, m, resolve in sorted(matches, key=lambda x: (-(x[1] - x[0]), x[2], x[0])):
        if any(s < te and ts < e for ts, te in taken):
            continue
        chosen.append((s, m, resolve))
        taken.append((s, e))
    out: list[TimeExpr] = []
    reference = anchor.date
    future = future_sentences(parse)
    for _, m, resolve in sorted(chosen, key=lambda x: x[0]):
        for f in resolve(m, Scope(text=text, anchor=anchor.date, reference=reference, future_spans=future)):
            span = text[f.start:f.end].strip()
            start = f.start + (len(text[f.start:f.end]) - len(text[f.start:f.end].lstrip()))
            out.append(TimeExpr(text=span, start=start, end=start + len(span), value=f.value, type=f.type, rule=f.rule))
            if f.type == "DATE" and f.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", f.value):
                reference = dt.date.fromisoformat(f.value)
    return out


@register("times-ru", 1, requires=["text"], provides=["times"])
def times_ru_stage(work: Work) -> Work:
    """Russian time expressions normalised against the publication date."""
    doc = work.doc
    parse = work.parse if isinstance(work.parse, RuParse) else None
    doc.times = find_russian_times(doc.text, doc.published or work.input.published, parse)
    return work
