#!/usr/bin/env python3
"""How fast `dyadwatch serve` answers on a store of about 100,000 linked events.

    .venv/bin/python bench/serve.py [--reports 310000] [--requests 40] [--db PATH] [--json]

The store is made from `dyadwatch.link.synthetic.synthetic_reports` (happenings between
28 states, each reported by 1-5 outlets): one document per report with its actors and
event, written in bulk, then linked (stories are the documents themselves; actor
identities and linked events by the linking code). A `dyadwatch serve` process is started
on it and asked, over the loopback address, for the overview, dyad, timeline and event
pages and their JSON twins, `--requests` times each with varied parameters (other dyads,
pages, events), the kinds taking turns. Reported: median and 95th percentile per kind, and
the same for a static file fetched in the same turns (the baseline: what any answer
costs on this machine at that moment), the first answer (which reads the link tables into
memory), and the load average (the 1-minute figure at each request, averaged per kind, and
at the end). Target: every 95th percentile under 300 ms.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from dyadwatch.link.events import link_events
from dyadwatch.link.identity import identities_of
from dyadwatch.link.records import ActorRecord, Story
from dyadwatch.link.synthetic import synthetic_reports
from dyadwatch.store import Store
from dyadwatch.store import links as link_sql
from dyadwatch.store.bulk import append_rows

TARGET_P95_MS = 300.0
KINDS = ("overview", "dyad", "timeline", "event")
BASELINE = "baseline (static file)"


def actor_of(global_id: str, country: str) -> dict:
    person = global_id.endswith("-leader")
    return {"id": global_id, "name": f"Leader of {country}" if person else country,
            "type": "PERSON" if person else "COUNTRY", "country": country}


def build_store(path: Path, n_reports: int) -> dict:
    """Write the synthetic documents and their links; returns what was made and how long it took."""
    started = time.perf_counter()
    reports = synthetic_reports(n_reports)
    docs, actors, events, records = [], [], [], []
    for r in reports:
        src, tgt = actor_of(r.source, r.source_country), actor_of(r.target, r.target_country)
        text = r.evidence + "."
        event = {"source": {"actor_id": src["id"], "code": r.source_country, "country": r.source_country, "name": src["name"]},
                 "target": {"actor_id": tgt["id"], "code": r.target_country, "country": r.target_country, "name": tgt["name"]},
                 "cameo": r.cameo, "goldstein": r.goldstein, "date": r.date.isoformat(), "quad_class": 1,
                 "date_precision": "day" if r.precise else "anchor",
                 "evidence": {"start": 0, "end": len(r.evidence), "text": r.evidence}}
        record = {"schema": "dyadwatch.document/1", "id": r.doc_id, "outlet": r.outlet, "published": r.published,
                  "language": "en", "text": text, "events": [event],
                  "actors": [{**a, "mentions": [{"start": 0, "end": 3, "text": text[:3]}]} for a in (src, tgt)]}
        pub = dt.date.fromisoformat(r.published[:10])
        docs.append({"id": r.doc_id, "outlet": r.outlet, "title": f"Report {r.doc_id}", "published": r.published,
                     "pub_date": pub, "language": "en", "text": text, "pipeline": "synthetic",
                     "record": json.dumps(record), "ingested_at": dt.datetime(2026, 1, 1)})
        for a in (src, tgt):
            actors.append({"doc_id": r.doc_id, "actor_id": a["id"], "name": a["name"], "type": a["type"],
                           "country": a["country"], "code": a["country"], "aliases": [a["name"]], "mentions": 1})
            records.append(ActorRecord(doc_id=r.doc_id, actor_id=a["id"], name=a["name"], type=a["type"],
                                       country=a["country"], code=a["country"], aliases=(a["name"],)))
        events.append({"doc_id": r.doc_id, "n": 0, "source_id": src["id"], "source_code": r.source_country,
                       "source_country": r.source_country, "source_name": src["name"], "target_id": tgt["id"],
                       "target_code": r.target_country, "target_country": r.target_country, "target_name": tgt["name"],
                       "cameo": r.cameo, "goldstein": r.goldstein, "quad_class": 1, "date": r.date.isoformat(),
                       "event_date": r.date, "date_precision": event["date_precision"], "evidence_start": 0,
                       "evidence_end": len(r.evidence), "evidence": r.evidence, "modality": "asserted"})
    linked, report_links = link_events(reports)
    identity_links, identities = identities_of(records)
    stories = [Story(doc_id=r.doc_id, story_id=r.doc_id, similarity=1.0) for r in reports]
    with Store(path) as store:
        for table, rows in (("documents", docs), ("actors", actors), ("events", events)):
            append_rows(store, table, rows)
        run = link_sql.LinkRun(fingerprint=link_sql.fingerprint(store), documents=len(docs), events=len(events),
                               linked_events=len(linked), identities=len(identities), stories=len(stories), seconds=0.0)
        link_sql.write_links(store, stories=stories, identity_links=identity_links, identities=identities,
                             linked=linked, report_links=report_links, run=run)
    return {"reports": len(reports), "linked_events": len(linked), "identities": len(identities),
            "build_seconds": round(time.perf_counter() - started, 1)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def urls(kind: str, rng: random.Random, link_ids: list[str], pairs: list[tuple[str, str]], api: bool) -> str:
    prefix = "/api" if api else ""
    if kind == "overview":
        return "/api/overview" if api else "/"
    if kind == "dyad":
        a, b = rng.choice(pairs)
        return f"{prefix}/dyad?a={a}&b={b}&by={rng.choice(['week', 'month'])}"
    if kind == "timeline":
        a, _ = rng.choice(pairs)
        return f"{prefix}/timeline?actor={a}&page={rng.randint(1, 20)}&size=50" if rng.random() < 0.5 \
            else f"{prefix}/timeline?page={rng.randint(1, 200)}"
    return f"{prefix}/event/{rng.choice(link_ids)}"


def measure(base: str, requests: int, link_ids: list[str], pairs: list[tuple[str, str]]) -> dict:
    rng = random.Random(11)
    times: dict[str, list[float]] = {f"{k}{' json' if api else ''}": [] for k in KINDS for api in (False, True)}
    times[BASELINE] = []
    loads: dict[str, list[float]] = {k: [] for k in times}  # the 1-minute load average at each request
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(requests):
            for kind in KINDS:
                for api in (False, True):
                    url = urls(kind, rng, link_ids, pairs, api)
                    name = f"{kind}{' json' if api else ''}"
                    t0 = time.perf_counter()
                    r = client.get(url)
                    times[name].append((time.perf_counter() - t0) * 1000)
                    loads[name].append(os.getloadavg()[0])
                    if r.status_code != 200:
                        raise SystemExit(f"{url}: {r.status_code} {r.text[:200]}")
            t0 = time.perf_counter()
            client.get("/static/app.css")
            times[BASELINE].append((time.perf_counter() - t0) * 1000)
            loads[BASELINE].append(os.getloadavg()[0])
    return {k: {"median_ms": round(statistics.median(v), 1),
                "p95_ms": round(sorted(v)[max(0, int(round(0.95 * len(v))) - 1)], 1), "n": len(v),
                "load_average": round(statistics.mean(loads[k]), 2)}
            for k, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=310_000, help="synthetic event reports (310,000 link into about 100,000 events)")
    parser.add_argument("--requests", type=int, default=40, help="requests per page kind")
    parser.add_argument("--db", help="reuse (or keep) the store here")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dyadwatch-bench-"))
    db = Path(args.db) if args.db else folder / "bench.duckdb"
    if db.exists():
        with Store(db) as store:  # a store kept from an earlier version of the schema
            made = {"reused": str(db), "migrated": store.migrate()}
    else:
        made = build_store(db, args.reports)
    with Store(db, read_only=True) as store:
        link_ids = [r[0] for r in store.con.execute("SELECT link_id FROM linked_events USING SAMPLE 500 ROWS").fetchall()]
        made.setdefault("linked_events", store.con.execute("SELECT count(*) FROM linked_events").fetchone()[0])
    countries = ["RUS", "AZE", "ARM", "TUR", "IRN", "GEO", "USA", "CHN", "UKR", "FRA"]
    pairs = [(a, b) for a in countries for b in countries if a < b] + [("rus-leader", "aze"), ("usa", "chn-leader")]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "dyadwatch", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                t0 = time.perf_counter()
                httpx.get(base + "/api/overview", timeout=120).raise_for_status()
                first_ms = (time.perf_counter() - t0) * 1000
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"the server did not start: {server.stderr.read().decode() if server.stderr else ''}")
                time.sleep(0.3)
        results = measure(base, args.requests, link_ids, pairs)
    finally:
        server.terminate()  # a clean stop: the server removes its copy of the store
        server.wait(timeout=30)
        if server.stderr is not None:
            server.stderr.close()
        shutil.rmtree(folder, ignore_errors=True)  # the store is kept only where --db names it
    load = os.getloadavg()
    report = {"store": made, "first_answer_ms": round(first_ms), "load_average": [round(x, 2) for x in load],
              "results": results,
              "all_p95_under_target": all(v["p95_ms"] < TARGET_P95_MS for k, v in results.items() if not k.startswith("baseline"))}
    if args.json:
        print(json.dumps(report, indent=1))
        return
    print(f"store: {made}; first answer {report['first_answer_ms']} ms (reads the link tables); load average {report['load_average']}")
    print(f"{'page':<24}{'median ms':>10}{'p95 ms':>10}{'n':>5}{'load avg':>10}")
    for k, v in results.items():
        print(f"{k:<24}{v['median_ms']:>10}{v['p95_ms']:>10}{v['n']:>5}{v['load_average']:>10}")
    print(f"target p95 < {TARGET_P95_MS:.0f} ms on every page: {'met' if report['all_p95_under_target'] else 'NOT met'}")


if __name__ == "__main__":
    main()
