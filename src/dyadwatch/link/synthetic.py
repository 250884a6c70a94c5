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


def _doc(doc_id: str, outlet: str, published: str, sentences: list[str], actors: list[Actor],
         events: list[tuple[Actor | None, Actor | None, str, str | None, str, float]]) -> Document:
    text = " ".join(sentences)
    return document(doc_id, outlet=outlet, published=published, text=text, actors=actors,
                    events=[event(s, t, code, date, ev, goldstein=g, text=text) for s, t, code, date, ev, g in events])


def crash_corpus() -> list[Document]:
    """Eight made-up records about one dyad with a known answer.

    - the phone call (041/042) and the apology (055) of 2024-12-28, each reported by three
      outlets (one of them a wire copy of another), spelling the Azerbaijani president
      Aliev in one outlet and Aliyev in the others, under different actor ids;
    - the criticism of 2025-01-06 (111), reported the same day by one outlet and the next
      day by another (dated by its publication only);
    - the summons of 2025-01-27, coded as a complaint (111), Russia to Azerbaijan;
    - an Armenian analyst quoted by two outlets under two spellings and ids, one without
      a country, criticising Azerbaijan on two different days.
    """
    putin = actor("vladimir-putin", "Vladimir Putin", "PERSON", "RUS", ("Putin", "Vladimir Putin"))
    aliev = actor("ilham-aliev", "Ilham Aliev", "PERSON", "AZE", ("Aliev", "Ilham Aliev"))
    aliyev = actor("ilham-aliyev", "Ilham Aliyev", "PERSON", "AZE", ("Aliyev", "the Azerbaijani leader"))
    russia = actor("russia", "Russia", "COUNTRY", "RUS", ("Moscow", "Russia", "the Kremlin"))
    azerbaijan = actor("azerbaijan", "Azerbaijan", "COUNTRY", "AZE", ("Baku", "Azerbaijan"))
    mfa = actor("russian-foreign-ministry", "Russian Foreign Ministry", "ORG", "RUS")
    envoy = actor("rahman-mustafayev", "Rahman Mustafayev", "PERSON", "AZE")
    analyst = actor("norayr-dunamalyan", "Norayr Dunamalyan", "PERSON", "ARM", ("Dunamalyan",))
    analyst2 = actor("norair-dunamalian", "Norair Dunamalian", "PERSON", None, ("Dunamalian", "the expert"))
    call_tass = ["Russian President Vladimir Putin phoned Azerbaijani leader Ilham Aliyev on Saturday.",
                 "During the conversation Putin apologised to Aliyev for the tragic incident in Russian airspace.",
                 "The two leaders also discussed the investigation of the crash near Aktau, the Kremlin said."]
    return [
        _doc("tass-1", "TASS", "2024-12-28T19:40", call_tass, [putin, aliyev, russia],
             [(putin, aliyev, "042", "2024-12-28", "Vladimir Putin phoned Azerbaijani leader Ilham Aliyev", 1.9),
              (putin, aliyev, "055", "2024-12-28", "Putin apologised to Aliyev", 3.5)]),
        _doc("azertac-1", "Azertac", "2024-12-28T21:05",
             ["AZERTAC reports, citing TASS:"] + call_tass + ["Follow our channel for more news."],
             [putin, aliyev, russia],
             [(putin, aliyev, "042", "2024-12-28", "Vladimir Putin phoned Azerbaijani leader Ilham Aliyev", 1.9),
              (putin, aliyev, "055", "2024-12-28", "Putin apologised to Aliyev", 3.5)]),
        _doc("knot-1", "Caucasian Knot", "2024-12-29T10:00",
             ["On December 28, Vladimir Putin called Azerbaijani President Ilham Aliev.",
              "Putin apologized that the tragic incident had occurred in Russian airspace.",
              "Relatives of the victims are still waiting for answers."], [putin, aliev],
             [(putin, aliev, "041", "2024-12-28", "Vladimir Putin called Azerbaijani President Ilham Aliev", 1.0),
              (putin, aliev, "055", "2024-12-28", "Putin apologized", 3.5)]),
        _doc("report-1", "Report.az", "2025-01-06T18:30",
             ["President Ilham Aliyev criticised Moscow in an interview with local television on Monday.",
              "He said Russia had tried to hush up the causes of the crash."], [aliyev, russia],
             [(aliyev, russia, "111", "2025-01-06", "President Ilham Aliyev criticised Moscow", -2.0)]),
        _doc("knot-2", "Caucasian Knot", "2025-01-07T23:58",
             ["Aliev criticized the Russian authorities for attempts to hush up the causes of the crash.",
              "Armenian political scientist Norayr Dunamalyan said Baku's behaviour was aggressive."],
             [aliev, russia, analyst],
             [(aliev, russia, "111", None, "Aliev criticized the Russian authorities", -2.0),
              (analyst, azerbaijan, "111", "2025-01-07", "Norayr Dunamalyan said Baku's behaviour was aggressive", -2.0)]),
        _doc("mk-1", "MK", "2025-01-28T09:00",
             ["Last Monday, January 27, the Russian Foreign Ministry summoned Azerbaijani Ambassador Rahman Mustafayev.",
              "Moscow expressed concern about anti-Russian publications in the Azerbaijani media."],
             [mfa, envoy, russia, azerbaijan],
             [(mfa, envoy, "111", "2025-01-27", "the Russian Foreign Ministry summoned Azerbaijani Ambassador Rahman Mustafayev", -2.0)]),
        _doc("armenpress-1", "Armenpress", "2025-02-01T12:00",
             ["The expert Norair Dunamalian accused Baku of playing dubious games with Moscow.",
              "Dunamalian spoke to Armenpress on February 1."], [analyst2, azerbaijan],
             [(analyst2, azerbaijan, "112", "2025-02-01", "Norair Dunamalian accused Baku of playing dubious games", -2.0)]),
        _doc("weather-1", "Azertac", "2025-01-10T08:00",
             ["Snow is expected in the mountains of Azerbaijan this weekend, forecasters said."], [azerbaijan], []),
    ]
