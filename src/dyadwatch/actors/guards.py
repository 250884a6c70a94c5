"""Words that are never a person or a speaker, whatever the tagger says (issue 13).

A month is also a surname ("In early May 2015" is not Theresa May), a weekday stands where a
subject could ("argued Sunday on ABC that ..."), a time zone closes a live blog's time stamp
("14:12 GMT - The speaker ... says"), and a wire dateline opens a story in capitals
("BRUSSELS (Reuters) -"). These guards read the token in its sentence, so that a month that
really is a name ("Theresa May said") still is one.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from typing import Any

from ..extract.datelines import MONTHS_EN, ZONES

WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
MONTHS = frozenset(MONTHS_EN)
ZONE_WORDS = frozenset(z for z in ZONES if len(z) > 1)
# Words before a month that make it a date: "in early May", "since March", "last June".
TEMPORAL_LEADS = frozenset({
    "in", "early", "late", "mid", "since", "until", "till", "by", "from", "of", "last", "next", "this",
    "before", "after", "through", "during", "on", "between", "and", "to", "end", "beginning", "middle",
})
# Titles and forms of address before a month word that make it a surname ("Lady May", "Mrs May").
NAME_TITLES = frozenset({"lady", "lord", "dame", "sir", "baroness", "mrs", "mr", "ms", "miss", "dr", "prof", "madam", "mister"})
# A dateline's capitals stand within this many tokens of the paragraph's start.
DATELINE_TOKENS = 6
DATELINE_MARKS = frozenset({"(", "-", "—", "–", ","})


def temporal_token(tok: Any) -> bool:
    """A weekday, a time zone, a word of a date or time expression, or a month used as one."""
    low = tok.lower_
    if low in WEEKDAYS or (tok.text in ZONE_WORDS):
        return True
    if low in MONTHS:
        doc = tok.doc
        before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if before.rstrip(".") in NAME_TITLES or (prev is not None and prev.ent_type_ == "PERSON" and prev.pos_ == "PROPN"
                                                 and prev.lower_ not in MONTHS and prev.lower_ not in WEEKDAYS):
            return False  # "Lady May", "Mrs May", "Theresa May": a title or a given name makes the month a name
        return (tok.ent_type_ != "PERSON" or before in TEMPORAL_LEADS
                or (after is not None and after.like_num))
    return tok.ent_type_ in ("DATE", "TIME") and not tok.ent_type_ == "PERSON"


def dateline_token(tok: Any) -> bool:
    """A word in capitals at the head of a paragraph that a dateline mark follows."""
    if not (tok.is_alpha and tok.text.isupper() and len(tok.text) > 1):
        return False
    doc = tok.doc
    start = tok.i
    while start > 0 and tok.i - start < DATELINE_TOKENS and "\n" not in doc[start - 1].text:
        start -= 1
    at_head = start == 0 or "\n" in doc[start - 1].text
    if not at_head or tok.i - start >= DATELINE_TOKENS:
        return False
    rest = doc[tok.i + 1:tok.i + 4]
    return any(t.text in DATELINE_MARKS for t in rest) and all(t.text.isupper() or not t.is_alpha for t in doc[start:tok.i + 1])


def never_a_name(tok: Any) -> bool:
    return temporal_token(tok) or dateline_token(tok)


# A wire dateline at the head of a paragraph: the filing place in capitals (a title-case place
# only when a date follows it), an optional country or state, an optional date, then the agency
# in brackets or after a comma, and the dash that opens the story: "PARIS (Reuters) -",
# "MOSCOW, March 3 (AP) -", "LA PAZ, Bolivia --", "Tehran, March 15, IRNA -".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s*\d{{4}})?"
_AGENCY = r"(?:\s*\([^()\n]{2,40}\)|,\s*[A-Z][A-Za-z.&]{1,12}(?=\s*(?:--|[-–—])))?"
DATELINE_RE = re.compile(
    rf"^[ \t]*(?:(?P<caps>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){{0,3}})|(?P<title>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?=,\s*{_DATE}))"
    rf"(?:,[ \t]*[A-Z][A-Za-z.'’-]+(?:[ \t]+[A-Z][A-Za-z.'’-]+){{0,2}})?(?:,?[ \t]*{_DATE})?\.?{_AGENCY}[ \t]*(?:--|[-–—:])[ \t]*",
    re.M)


def _valid(m: re.Match) -> bool:
    caps = m.group("caps")
    if caps is not None:
        # "UN - the body": too short to be a place unless its agency follows
        return sum(ch.isalpha() for ch in caps) >= 3 or "(" in m.group(0)
    return bool(re.search(r"\d", m.group(0)))  # a title-case place opens a dateline only with its date


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of wire datelines: they say where and through whom a story was filed,
    never who acted, so nothing inside one is an actor."""
    return [(m.start(), m.end()) for m in DATELINE_RE.finditer(text) if _valid(m)]


# Prepositions before a city name that make it the place it is ("in Rafah", "to Gaza", "over Grozny").
PLACE_LEADS = frozenset({"in", "near", "at", "outside", "around", "inside", "across", "to", "from", "into", "towards",
                         "toward", "through", "via", "of", "within", "over", "above", "beyond", "past"})
# People whose surname is also a city's name are most often written with a title or given name;
# a city name alone is a person only when nothing says it is the place. A large city is a
# place after any of PLACE_LEADS; a smaller town needs a lead that never introduces a person
# ("spoke to Johnson" does, "over Johnson" does not).
CITY_MIN_POPULATION = 50_000
TOWN_LEADS = PLACE_LEADS - {"to", "from", "of", "towards", "toward"}
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def city_not_person(tok: Any) -> bool:
    """Is this one-word PERSON entity a place, written as a place: a city or town the
    gazetteer knows after a locative preposition ("in Rafah", "over Mozdok"), modifying a
    common noun ("the Rafah crossing", "its Nakhchivan exclave"), followed by its country
    ("Sumy, Ukraine"), or listed with other places ("Grozny, Mozdok and Vladikavkaz"); or a
    name the gazetteer lacks listed with a place after a locative preposition ("the ports of
    Aktau and Kuryk")?"""
    from .places import find_place

    place = find_place(tok.text)
    lead = place_lead(tok)
    listed = listed_with_places(tok)
    if place is None:
        return lead in TOWN_LEADS and listed
    if listed or (lead in PLACE_LEADS if place.population >= CITY_MIN_POPULATION else lead in TOWN_LEADS):
        return True
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
        return True
    doc = tok.doc
    after = doc[tok.i + 1:tok.i + 3]
    return len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "GPE"


# Words that end (or stand inside) the names of organisations, never of people: with the
# institution words of data/actors/roles.tsv they make a PERSON entity an organisation
# ("Ararat Policy Lab", "the Yerevan Forum on Regional Security").
ORG_NAME_WORDS = frozenset({
    "lab", "laboratory", "forum", "centre", "center", "foundation", "council", "committee", "agency", "association",
    "union", "society", "fund", "policy", "studies", "initiative", "network", "project", "club", "group", "institute",
    "university", "academy", "college", "school", "commission", "office", "service", "bureau", "trust", "alliance",
    "coalition", "movement", "front", "league", "federation", "organisation", "organization", "partnership",
    "observatory", "review", "herald", "chronicle", "dispatch", "post", "times", "news", "gazette", "journal",
    "tribune", "observer", "monitor", "daily", "weekly", "press", "wire", "radio", "tv",
})


def org_word(tok: Any, roles: Any) -> bool:
    """A capitalised word that names organisations, not people (ORG_NAME_WORDS, or an
    institution word of the role table)."""
    low = tok.lower_
    if not tok.text[:1].isupper():
        return False
    role = roles.get(low)
    return low in ORG_NAME_WORDS or (role is not None and role.kind == "body")


def common_noun_opening(tok: Any) -> bool:
    """A plural common noun capitalised because it opens a sentence or a quotation ("Trains
    are running"), which the tagger may take for a name: the parse tags it NNS and only
    marks stand before it in its sentence."""
    return tok.tag_ == "NNS" and all(not t.is_alpha for t in tok.doc[tok.sent.start:tok.i])


def named_as_thing(tok: Any) -> bool:
    """Is a one-word name written as a thing, never as a person: taking "which" ("to
    Nakhchivan, which ...") or modifying a common noun after a possessive ("its Nakhchivan
    exclave")?"""
    doc = tok.doc
    after = doc[tok.i + 1:tok.i + 3]
    if len(after) == 2 and after[0].text == "," and after[1].lower_ == "which":
        return True
    before = doc[tok.i - 1] if tok.i > 0 else None
    return (before is not None and before.tag_ == "PRP$" and tok.dep_ == "compound" and tok.head.pos_ == "NOUN"
            and tok.head.i > tok.i)


def per_doc(doc: Any, name: str, compute: Callable[[], Any]) -> Any:
    """`compute()` once per parsed document: the guards ask about every token, and what they
    read of the whole text (its datelines, the words tagged places) does not change."""
    key = f"dyadwatch.{name}"
    if key not in doc.user_data:
        doc.user_data[key] = compute()
    return doc.user_data[key]


def parse_text(doc: Any) -> str:
    """The parse's text, joined once: spaCy's Doc.text joins every token again on each read."""
    return per_doc(doc, "text", lambda: doc.text)


def doc_datelines(doc: Any) -> list[tuple[int, int]]:
    """Character spans of the parse's wire datelines."""
    return per_doc(doc, "datelines", lambda: dateline_spans(parse_text(doc)))


def named_as_place(tok: Any) -> bool:
    """Is the same word tagged a place elsewhere in the document ("to Nakhchivan" there, "its
    Nakhchivan exclave" here)? One text names one thing within one article."""
    def place_words() -> dict[str, set[int]]:
        out: dict[str, set[int]] = {}
        for t in tok.doc:
            if t.ent_type_ in PLACE_ENTITIES:
                out.setdefault(t.text, set()).add(t.i)
        return out

    return bool(per_doc(tok.doc, "place-words", place_words).get(tok.text, set()) - {tok.i})


def conjuncts(tok: Any) -> list[Any]:
    """The words coordinated with `tok` ("Grozny, Mozdok and Vladikavkaz"), `tok` among them, in text order."""
    return sorted([tok, *tok.conjuncts], key=lambda w: w.i)


def place_lead(tok: Any) -> str:
    """The word before `tok`, or before the first word it is listed with, lower-cased."""
    first = conjuncts(tok)[0]
    return tok.doc[first.i - 1].lower_ if first.i > 0 else ""


def listed_with_places(tok: Any) -> bool:
    """Is `tok` coordinated with a word the parse or the gazetteer takes for a place?"""
    from .places import find_place

    others = [w for w in conjuncts(tok) if w.i != tok.i]
    return any(w.ent_type_ in PLACE_ENTITIES or find_place(w.text) is not None
               for w in others)


def hyphen_given_start(doc: Any, start: int) -> int:
    """Where a name really starts when NER took only its end: a hyphenated given name before
    it ("Yunus-Bek Yevkurov", "Jean-Yves Le Drian") belongs to the person, never to a place."""
    def cap(i: int) -> bool:
        return 0 <= i and doc[i].is_alpha and doc[i].text[:1].isupper() and not never_a_name(doc[i])

    def joined(i: int) -> bool:  # doc[i] is a hyphen written without spaces between two words
        return 0 < i and doc[i].text in ("-", "‑") and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    k = start
    if joined(k - 1) and cap(k - 2):
        k -= 2  # "Yunus-" + "Bek Yevkurov"
    elif cap(k - 1) and joined(k - 2) and cap(k - 3) and doc[k - 1].whitespace_:
        k -= 3  # "Yunus-Bek" + "Yevkurov"
    while joined(k - 1) and cap(k - 2):
        k -= 2  # longer chains ("Abd-al-")
    return k


def token_in_dateline(tok: Any) -> bool:
    """Is the token part of a wire dateline ("MOSCOW (Sputnik) -"), which the parse often
    takes for a subject of the story's first verb?"""
    return any(a <= tok.idx < b for a, b in doc_datelines(tok.doc))


def hyphen_given_end(doc: Any, start: int, end: int) -> int:
    """Where a name really ends when NER stopped after its hyphenated given name
    ("Abdul-Karim" + "Haddad"): the surnames written right after it belong to the person."""
    words = doc[start:end]
    if len(words) < 3 or words[-2].text not in ("-", "‑") or words[-2].whitespace_ or words[-3].whitespace_:
        return end
    k = end
    while k < len(doc) and k - end < 2 and doc[k].pos_ == "PROPN" and doc[k].is_alpha and doc[k].text[:1].isupper() \
            and not never_a_name(doc[k]) and not doc[k].ent_type_ and doc[k - 1].whitespace_:
        k += 1
    return k
