"""The dyad page agrees with `dyadwatch.link.api.dyad` however it is computed: summed by the
store, filtered by confidence in memory, or over links computed in memory when stale."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import write_store

from dyadwatch.link import api as link_api
from dyadwatch.link.synthetic import actor, crash_corpus, document, event
from dyadwatch.store import Store
from dyadwatch.web import create_app

PAIRS = [("RUS", "AZE"), ("Putin", "Aliev"), ("AZE", "RUS")]


def with_confidences(docs):
    """Each event a different made-up confidence, from 0.3 up."""
    out, k = [], 0
    for doc in docs:
        events = []
        for e in doc.events:
            events.append(e.model_copy(update={"confidence": round(0.3 + 0.1 * (k % 7), 2)}))
            k += 1
        out.append(doc.model_copy(update={"events": events}))
    return out


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web_dyad") / "dyad.duckdb"
    with Store(path) as store:
        store.write(with_confidences(crash_corpus()), "test")
    link_api.relink(path)
    return path


@pytest.fixture(scope="module")
def client(db: Path):
    with TestClient(create_app(db)) as c:
        yield c


def same_series(data: dict, expected, a_label: str, b_label: str) -> None:
    assert data["periods"] == list(dict.fromkeys(expected["period"]))
    for direction in (f"{a_label}->{b_label}", f"{b_label}->{a_label}"):
        part = expected[expected["direction"] == direction]
        assert data["series"][direction]["events"] == [int(x) for x in part["events"]]
        assert data["series"][direction]["verbal_conflict"] == [int(x) for x in part["verbal_conflict"]]
        assert data["series"][direction]["goldstein_mean"] == [None if x != x else pytest.approx(x)
                                                               for x in part["goldstein_mean"]]


@pytest.mark.parametrize("by", ["day", "week", "month"])
@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_web_dyad_equals_the_library(client: TestClient, db: Path, a: str, b: str, by: str):
    data = client.get(f"/api/dyad?a={a}&b={b}&by={by}").json()
    expected = link_api.dyad(str(db), a, b, by=by, fill=True)
    assert len(expected) > 0
    forward, backward = data["directions"]
    same_series(data, expected, forward.split("->")[0], backward.split("->")[0])


def test_web_dyad_with_least_confidence_equals_the_library(client: TestClient, db: Path):
    everything = client.get("/api/dyad?a=RUS&b=AZE&by=week").json()
    total = sum(sum(s["events"]) for s in everything["series"].values())
    kept = []
    for floor in (0.4, 0.6, 0.8, 0.9):
        data = client.get(f"/api/dyad?a=RUS&b=AZE&by=week&min_confidence={floor}").json()
        expected = link_api.dyad(str(db), "RUS", "AZE", by="week", fill=True, min_confidence=floor)
        same_series(data, expected, "RUS", "AZE")
        kept.append(sum(sum(s["events"]) for s in data["series"].values()))
    assert kept == sorted(kept, reverse=True) and kept[0] <= total
    assert kept[-1] < total, "the highest floor leaves some events out"


@pytest.mark.parametrize("by", ["week", "month"])
def test_web_dyad_period_lists_as_many_events_as_the_series_counts(client: TestClient, by: str):
    data = client.get(f"/api/dyad?a=RUS&b=AZE&by={by}").json()
    busy = 0
    for i, period in enumerate(data["periods"]):
        counted = sum(s["events"][i] for s in data["series"].values())
        listed = client.get(f"/api/dyad?a=RUS&b=AZE&by={by}&period={period}").json()["period_events"]
        assert len(listed) == counted, period
        busy += counted > 0
    assert busy >= 2


def test_web_dyad_of_stale_links_is_computed_in_memory(tmp_path: Path):
    db = write_store(tmp_path / "stale.duckdb", hostile=False)
    russia = actor("russia-late", "Russia", "COUNTRY", "RUS", ("Moscow",))
    azerbaijan = actor("azerbaijan-late", "Azerbaijan", "COUNTRY", "AZE", ("Baku",))
    text = "Moscow threatened Baku over the pipeline on 10 February."
    late = document("late-1", outlet="Made-up Wire", published="2025-02-10T12:00", text=text,
                    actors=[russia, azerbaijan],
                    events=[event(russia, azerbaijan, "138", "2025-02-10", "Moscow threatened Baku", goldstein=-7.0,
                                  text=text)])
    with Store(db) as store:
        store.write([late], "test")  # after the last relink: the stored links are out of date
    with TestClient(create_app(db, snapshot_folder=tmp_path / "copies")) as client:
        data = client.get("/api/dyad?a=RUS&b=AZE&by=week").json()
    assert data["stale"] is True
    expected = link_api.dyad(str(db), "RUS", "AZE", by="week", fill=True)
    same_series(data, expected, "RUS", "AZE")
    assert data["periods"][-1] == "2025-02-10"
