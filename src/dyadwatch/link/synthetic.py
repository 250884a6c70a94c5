"""Synthetic inputs for the linking code: document records and event reports made to order.

Used by the tests (records with known duplicates, variants and dyads) and by the linking
benchmark (bench/linking.py), which needs corpora of any size with a known structure.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import time
import zlib

import pyarrow as pa

from ..models import SCHEMA, Actor, Document, Event, EventSide, Mention, Span
from ..store.db import iso_date
from ..store.links import arrow_rows, link_table_rows
from .events import link_events, orient
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
                      start: dt.date = dt.date(2020, 1, 1), officials: int = 0,
                      prefix: str = "d") -> list[EventReport]:
    """About `n` event reports: happenings over a period that grows with `n` (a steady news
    flow of `reports_per_day`), each reported by 1..MAX_COPIES outlets with their own dates
    (exact or publication-anchored), wording and actor detail. A side named as a person is
    its state's leader, or with `officials` one of that many officials of the state."""
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
                doc_id=f"{prefix}{happening}-{copy}", n=0, cameo=code, date=when, precise=precise,
                source=(person_id(a, rng, officials) if person else a.lower()), target=b.lower(),
                source_country=a, target_country=b, source_person=person, goldstein=1.0,
                evidence=f"{a} {' '.join(wording)} {b}", outlet=rng.choice(OUTLETS),
                published=(when + dt.timedelta(days=rng.randint(0, 1))).isoformat(), story=f"{prefix}{happening}-{copy}"))
    rng.shuffle(out)
    return out


def person_id(country: str, rng: random.Random, officials: int) -> str:
    return f"{country.lower()}-official-{rng.randrange(officials)}" if officials else f"{country.lower()}-leader"


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


# Reports written (and linked) per step when making a synthetic store: bounds the memory of
# a store of any size to a few hundred megabytes beyond the report list itself.
STORE_CHUNK = 50_000


_ACTORS: dict[tuple[str, str, bool], Actor] = {}

# Syllables of made-up surnames, each with its own consonant, so that no two officials'
# names fold to one spelling key (identity linking would take them for one person).
SYLLABLES = ("ba", "do", "ki", "lu", "me", "no", "pa", "ri", "so", "tu")


def official_name(actor_id: str) -> str:
    """A made-up name for a synthetic official ('rus-official-12' -> 'Vadim Dokiev')."""
    k = int(actor_id.rsplit("-", 1)[-1]) if actor_id.rsplit("-", 1)[-1].isdigit() else 0
    surname = "".join(SYLLABLES[int(d)] for d in f"{k:02d}")
    return f"Vadim {surname.capitalize()}ev"



def side_actor(actor_id: str, country: str, person: bool) -> Actor:
    """The actor of a synthetic side (one shared record per id: records are not modified)."""
    key = (actor_id, country, person)
    if key not in _ACTORS:
        name = official_name(actor_id) if person else country
        _ACTORS[key] = actor(actor_id, name, "PERSON" if person else "COUNTRY", country)
    return _ACTORS[key]


def report_document(r: EventReport) -> Document:
    """The document record a synthetic report stands for: its two sides and its one event."""
    return Document.model_validate_json(report_rows(r, None)[0][11])


def report_rows(r: EventReport, now: dt.datetime | None) -> tuple[list, list[list], list]:
    """The documents row (with its record as JSON), actors rows and events row of a synthetic
    report, as `Store.write` would store `report_document(r)`, made directly: a million of
    them are written for the store benchmarks, where building validated records would take
    most of the time (tests/test_link_incremental.py checks that the two agree)."""
    source = side_actor(r.source or "", r.source_country or "", r.source_person)
    target = side_actor(r.target or "", r.target_country or "", False)
    date = r.date.isoformat() if r.precise and r.date else None
    sides = [{"actor_id": a.id, "country": a.country, "name": a.name} for a in (source, target)]
    event = {"source": sides[0], "target": sides[1], "cameo": r.cameo, "goldstein": r.goldstein, "date": date,
             "date_precision": "day" if date else None, "modality": "asserted",
             "evidence": {"start": 0, "end": len(r.evidence), "text": r.evidence}}
    text = article_text(r)
    record = json.dumps({"schema": SCHEMA, "id": r.doc_id, "outlet": r.outlet, "published": r.published,
                         "language": "en", "text": text, "actors": [actor_json(source), actor_json(target)],
                         "events": [event]}, ensure_ascii=False)
    doc = [r.doc_id, None, None, r.outlet, None, r.published, iso_date(r.published), "en", [], text,
           "synthetic", record, now]
    actors = [[r.doc_id, a.id, a.name, a.type, a.country, None, None, [], [a.name], 1] for a in (source, target)]
    row = [r.doc_id, 0, source.id, None, source.country, source.name, target.id, None, target.country, target.name,
           r.cameo, None, None, r.goldstein, None, date, iso_date(date), "day" if date else None,
           None, None, None, None, 0, len(r.evidence), r.evidence, "asserted", None, None]
    return doc, actors, row


def article_text(r: EventReport) -> str:
    """The evidence sentence and a line of the outlet's own, so that two outlets' reports
    of one happening share a sentence but are not copies of one text."""
    return f"{r.evidence}. Filed as {r.doc_id.replace('-', ' ')} by {r.outlet} on {r.published} for the {r.cameo} desk."


_ACTOR_JSON: dict[str, dict] = {}


def actor_json(a: Actor) -> dict:
    if a.id not in _ACTOR_JSON:
        _ACTOR_JSON[a.id] = a.model_dump(mode="json")
    return _ACTOR_JSON[a.id]


def as_stored(r: EventReport) -> EventReport:
    """A report as linking reads it back from the store: a report without its own date is
    dated by its document's publication day."""
    if r.precise or not r.published:
        return r
    return dataclasses.replace(r, date=dt.date.fromisoformat(r.published[:10]))


def synthetic_store(path: str, n: int, *, seed: int = 7, reports_per_day: int = 200, officials: int = 40,
                    start: dt.date = dt.date(2020, 1, 1), chunk: int = STORE_CHUNK):
    """A store of about `n` linked event reports (one document each), written and linked in chunks.

    Documents, actors and events go through the same row functions as an ingest; stories are
    one per document (the synthetic texts are no copies of each other), identities one per
    actor id, and events are linked block by block, as a full relink of the store would link
    them. Returns the `LinkRun` recorded for the store."""
    from ..store import Store
    from ..store import bulk
    from ..store.links import LinkRun, fingerprint, record_run

    started = time.perf_counter()
    reports = [as_stored(r) for r in synthetic_reports(n, seed=seed, reports_per_day=reports_per_day, start=start,
                                                        officials=officials)]
    with Store(path) as store:
        for i in range(0, len(reports), chunk):
            write_documents(store, reports[i:i + chunk])
        identities = write_identities(store, reports)
        linked = 0
        buckets = max(1, len(reports) // chunk)
        blocks: list[list[EventReport]] = [[] for _ in range(buckets)]
        for r in reports:
            blocks[zlib.crc32("|".join(orient(r).block).encode()) % buckets].append(r)
        del reports
        for bucket in blocks:
            events, links = link_events(bucket)
            linked += len(events)
            rows = link_table_rows([], [], [], events, links)
            for name in ("linked_events", "event_links"):
                bulk.append_table(store, name, arrow_rows(rows[name], name))
            bucket.clear()
        counts = store.counts()
        run = LinkRun(fingerprint=fingerprint(store), documents=counts["documents"], events=counts["events"],
                      linked_events=linked, identities=identities, stories=counts["documents"],
                      seconds=round(time.perf_counter() - started, 3))
        record_run(store, run)
    return run


def write_documents(store, reports: list[EventReport]) -> None:
    """Documents, actors and events rows of these reports, with one story per document."""
    from ..store import bulk

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [report_rows(r, now) for r in reports]
    tables = {"documents": [d for d, _, _ in rows], "actors": [a for _, pair, _ in rows for a in pair],
              "events": [e for _, _, e in rows], "stories": [[r.doc_id, r.doc_id, 1.0] for r in reports],
              "actor_identities": [[a[0], a[1], a[1], "self"] for _, pair, _ in rows for a in pair]}
    for name, table_rows in tables.items():
        bulk.append_table(store, name, pa.table({c: pa.array(list(col)) for c, col in
                                                 zip(bulk.columns(store, name), zip(*table_rows))}))


def write_identities(store, reports: list[EventReport]) -> int:
    """One identity per synthetic actor id, counting its documents."""
    from ..store import bulk

    seen: dict[str, tuple[str, str, bool, set[str]]] = {}
    for r in reports:
        for actor_id, country, person in ((r.source, r.source_country, r.source_person),
                                          (r.target, r.target_country, False)):
            if actor_id and country:
                seen.setdefault(actor_id, (actor_id, country, person, set()))[3].add(r.doc_id)
    rows = []
    for actor_id, country, person, docs in sorted(seen.values()):
        name = official_name(actor_id) if person else country
        rows.append({"global_id": actor_id, "name": name, "type": "PERSON" if person else "COUNTRY",
                     "country": country, "code": None, "variants": [name], "actor_ids": [actor_id],
                     "documents": len(docs)})
    bulk.append_table(store, "identities", arrow_rows(rows, "identities"))
    return len(rows)
