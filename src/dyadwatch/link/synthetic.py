"""Synthetic inputs for the linking code: document records and event reports made to order.

Used by the tests (records with known duplicates, variants and dyads) and by the linking
benchmark (bench/linking.py), which needs corpora of any size with a known structure.
"""
from __future__ import annotations

import datetime as dt
import random

from ..models import Actor, Document, Event, EventSide, Mention, Span
from .records import EventReport


def actor(actor_id: str, name: str, kind: str = "PERSON", country: str | None = None,
          mentions: tuple[str, ...] = ()) -> Actor:
    """An actor whose mentions are given as texts (offsets are not needed across documents)."""
    return Actor(id=actor_id, name=name, type=kind, country=country,  # type: ignore[arg-type]
                 mentions=[Mention(start=0, end=len(m), text=m) for m in (mentions or (name,))])


def side(a: Actor) -> EventSide:
    return EventSide(actor_id=a.id, country=a.country, name=a.name)


def event(source: Actor | None, target: Actor | None, cameo: str, date: str | None, evidence: str, *,
          goldstein: float | None = None, precision: str | None = None, text: str = "") -> Event:
    """An event whose evidence is found in `text` when given (else offsets 0..len)."""
    start = text.find(evidence) if text and evidence in text else 0
    return Event(source=side(source) if source else None, target=side(target) if target else None, cameo=cameo,
                 goldstein=goldstein, date=date, date_precision=precision or ("day" if date else None),
                 evidence=Span(start=start, end=start + len(evidence), text=evidence))


def document(doc_id: str, *, outlet: str, published: str, text: str = "", actors: list[Actor] | None = None,
             events: list[Event] | None = None, title: str | None = None) -> Document:
    return Document(id=doc_id, outlet=outlet, published=published, title=title, language="en", text=text,
                    actors=actors or [], events=events or [])


# Countries and codes of the synthetic event stream: a few dozen states so that blocks are
# many and small, as in real news; each happening is reported 1..MAX_COPIES times.
COUNTRIES = ("RUS", "AZE", "ARM", "TUR", "IRN", "GEO", "KAZ", "UKR", "USA", "CHN", "FRA", "DEU", "GBR", "ISR",
             "SYR", "IRQ", "EGY", "IND", "PAK", "JPN", "KOR", "PRK", "BLR", "POL", "UZB", "KGZ", "TJK", "TKM")
CODES = ("010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "111", "112", "120", "130",
         "141", "160", "172", "173", "190", "193")
OUTLETS = tuple(f"Outlet {i}" for i in range(40))
MAX_COPIES = 5
WORDS = ("talks", "border", "ministry", "statement", "sanctions", "visit", "troops", "agreement", "trade",
         "embassy", "officials", "meeting", "criticism", "aid", "pipeline", "elections", "ceasefire", "summit")


def synthetic_reports(n: int, *, seed: int = 7, reports_per_day: int = 200,
                      start: dt.date = dt.date(2020, 1, 1)) -> list[EventReport]:
    """About `n` event reports: happenings over a period that grows with `n` (a steady news
    flow of `reports_per_day`), each reported by 1..MAX_COPIES outlets with their own dates
    (exact or publication-anchored), wording and actor detail."""
    rng = random.Random(seed)
    days = max(1, n // reports_per_day)
    out: list[EventReport] = []
    happening = 0
    while len(out) < n:
        happening += 1
        a, b = rng.sample(COUNTRIES, 2)
        code = rng.choice(CODES)
        day = start + dt.timedelta(days=rng.randrange(days))
        words = rng.sample(WORDS, 6)
        for copy in range(min(rng.randint(1, MAX_COPIES), n - len(out))):
            precise = rng.random() < 0.6
            when = day if precise else day + dt.timedelta(days=rng.randint(0, 2))
            wording = words[:4] + rng.sample(WORDS, 2)
            person = rng.random() < 0.3
            out.append(EventReport(
                doc_id=f"d{happening}-{copy}", n=0, cameo=code, date=when, precise=precise,
                source=f"{a.lower()}-leader" if person else a.lower(), target=b.lower(),
                source_country=a, target_country=b, source_person=person, goldstein=1.0,
                evidence=f"{a} {' '.join(wording)} {b}", outlet=rng.choice(OUTLETS),
                published=(when + dt.timedelta(days=rng.randint(0, 1))).isoformat(), story=f"d{happening}-{copy}"))
    rng.shuffle(out)
    return out
