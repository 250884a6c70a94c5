"""Event confidence: computed from the evidence, calibrated by a fit, filtered on by queries and exports."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch import api
from dyadwatch.cli import cli as main
from dyadwatch.events.confidence import (Weights, confidence_of, event_factors, explain_confidence, fit, load_weights,
                                         parse_weights, reliability, render_weights)
from dyadwatch.frames import records
from dyadwatch.models import Actor
from dyadwatch.pipeline import run_text
from dyadwatch.store import Filters, Store

STATE = Actor(id="kenya", name="Kenya", type="COUNTRY", country="KEN", code="KEN")
GROUP = Actor(id="group:some men", name="some men", type="GROUP")


def factors(**over):
    base = dict(code="111", plover="ACCUSE", specificity=1, nominal=False, origin="builtin", intent=False,
                source=STATE, source_basis=None, target=STATE, target_basis=None, precision="day", reported=False, pairs=1)
    return event_factors(**{**base, **over})


def test_confidence_every_event_has_one_with_its_evidence():
    doc = run_text("Kenya recalled its ambassador from Uganda on Monday after Uganda expelled two Kenyan diplomats.",
                   published="2024-03-06")
    assert doc.events
    for e in doc.events:
        assert e.confidence is not None and 0.0 <= e.confidence <= 1.0
        assert any(f.startswith("source:") for f in e.confidence_basis)
        assert any(f.startswith("date:") for f in e.confidence_basis)
        assert e.confidence == confidence_of(e.confidence_basis)


def test_confidence_factors_say_how_sides_and_date_were_found():
    fs = factors(target=None, precision="anchor")
    assert "source:state" in fs and "target:none" in fs and "date:publication" in fs
    assert "source:group" in factors(source=GROUP)
    assert "target:placed" in factors(target=Actor(id="p", name="President Ochieng", type="PERSON"), target_basis="sentence")
    assert "date:clause" in factors(precision="month")


def test_confidence_fit_ranks_reliable_evidence_above_unreliable():
    samples = [(["good", "common"], True)] * 40 + [(["bad", "common"], False)] * 40 + \
              [(["good", "common"], False)] * 4 + [(["bad", "common"], True)] * 4
    w = fit(samples, steps=800)
    assert w.factors["good"] > 0 > w.factors["bad"]
    high, low = confidence_of(["good", "common"], w), confidence_of(["bad", "common"], w)
    assert 0.75 < high < 0.98 and 0.02 < low < 0.25


def test_confidence_weights_round_trip_through_their_file():
    w = Weights(intercept=-0.5, factors={"source:state": 1.25, "type:ACCUSE": -0.3}, calibrated_on="test")
    again = parse_weights(render_weights(w, "what these are\nwhere from"))
    assert again == w


def test_confidence_reliability_bins_count_every_event_once():
    scored = [(0.05, False), (0.3, True), (0.55, False), (0.81, True), (1.0, True), (0.8, False)]
    bins = reliability(scored)
    assert sum(b.events for b in bins) == len(scored)
    top = bins[-1]
    assert (top.events, top.right) == (3, 2)


def test_confidence_stored_weights_are_calibrated_and_explained():
    w = load_weights()
    assert w.calibrated_on.startswith("plv-train"), "run bench/confidence.py OUT.jsonl --fit"
    text = explain_confidence(factors())
    assert text.startswith(f"{confidence_of(factors()):.2f} = logistic(base")
    assert "source:state" in text


def test_confidence_explain_shows_how_it_was_reached():
    result = CliRunner().invoke(main, ["explain", "Kenya recalled its ambassador from Uganda."])
    assert result.exit_code == 0, result.output
    assert "confidence: " in result.output and "logistic(" in result.output


@pytest.fixture
def store_with_events(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Envoys recalled\n\nKenya recalled its ambassador from Uganda on Monday. Tanzania accused Kenya of "
        "harbouring smugglers. Gunmen attacked a bus near the border. Rwanda urged Burundi to reopen the crossing.", encoding="utf-8")
    db = tmp_path / "c.duckdb"
    api.ingest([str(folder)], db=db)
    return db


def test_confidence_min_confidence_filters_queries_and_exports(store_with_events: Path, tmp_path: Path):
    db = store_with_events
    every = records(api.events(db))  # the API answers a DataFrame; rows as dicts here
    assert len(every) >= 2 and all(r["confidence"] is not None for r in every)
    cut = sorted(r["confidence"] for r in every)[-1]
    kept = records(api.events(db, min_confidence=cut))
    assert 1 <= len(kept) < len(every) or all(r["confidence"] == cut for r in every)
    assert all(r["confidence"] >= cut for r in kept)
    with Store(db, read_only=True) as store:
        assert len(store.events(Filters(min_confidence=1.0))) == sum(r["confidence"] >= 1.0 for r in every)
    out = tmp_path / "e.jsonl"
    api.export(db, out, "jsonl", min_confidence=cut)
    events = [e for line in out.read_text(encoding="utf-8").splitlines() for e in json.loads(line)["events"]]
    assert len(events) == len(kept) and all(e["confidence"] >= cut for e in events)
    csv_out = tmp_path / "e.csv"
    assert api.export(db, csv_out, "csv", min_confidence=cut) == len(kept)
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--min-confidence", str(cut), "--json"])
    assert result.exit_code == 0, result.output
    assert len([line for line in result.output.splitlines() if line.startswith("{")]) == len(kept)
    bad = CliRunner().invoke(main, ["events", "--db", str(db), "--min-confidence", "1.5"])
    assert bad.exit_code == 2


def test_confidence_timeline_keeps_linked_events_with_a_confident_report(store_with_events: Path):
    from dyadwatch.link import api as link_api

    link_api.relink(store_with_events)
    whole = link_api.timeline(store_with_events)
    assert len(link_api.timeline(store_with_events, min_confidence=0.0)) == len(whole)
    none = link_api.timeline(store_with_events, min_confidence=1.0)
    best = max(r["confidence"] for r in records(api.events(store_with_events)))
    assert len(none) == (len(whole) if best >= 1.0 else 0)
