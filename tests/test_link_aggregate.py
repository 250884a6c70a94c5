"""Links on a store, and the timeline, dyad series, network and exports built on them."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from dyadwatch.errors import UsageError
from dyadwatch.link import api
from dyadwatch.link.plot import plot_dyad
from dyadwatch.link.synthetic import actor, crash_corpus, document, event
from dyadwatch.store import Store


def linked_store(path: Path) -> Path:
    with Store(path) as store:
        store.write(crash_corpus(), "test")
    api.relink(path)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """One linked store of the synthetic corpus, shared by the tests that only read it."""
    return linked_store(tmp_path_factory.mktemp("links") / "links.duckdb")


@pytest.fixture
def own_db(tmp_path: Path) -> Path:
    """A linked store a test may change."""
    return linked_store(tmp_path / "links.duckdb")


def test_link_relink_stores_stories_identities_and_linked_events(db: Path):
    with Store(db, read_only=True) as store:
        stories = dict(store.con.execute("SELECT doc_id, story_id FROM stories").fetchall())
        assert stories["azertac-1"] == stories["tass-1"] == "tass-1"  # the wire copy
        assert len(set(stories.values())) == len(stories) - 1
        reports = store.con.execute("SELECT count(*) FROM event_links").fetchone()[0]
        assert reports == store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        assert api.is_current(store)


def test_link_relink_twice_gives_the_same_links(own_db: Path):
    first = api.timeline(own_db)
    api.relink(own_db)
    pd.testing.assert_frame_equal(first, api.timeline(own_db))


def test_link_timeline_counts_each_happening_once_with_all_sources(db: Path):
    rows = api.timeline(db)
    call = rows[rows["cameo"].str.startswith("04")]
    assert len(call) == 1
    call = call.iloc[0]
    assert str(call["date"])[:10] == "2024-12-28"
    assert set(call["outlets"]) == {"TASS", "Azertac", "Caucasian Knot"}
    assert (call["reports"], call["stories"], call["first_outlet"]) == (3, 2, "TASS")
    assert call["evidence"]
    apology = rows[rows["cameo"] == "055"]
    assert len(apology) == 1 and apology.iloc[0]["reports"] == 3
    assert list(rows["date"]) == sorted(rows["date"])


def test_link_timeline_actor_by_id_any_name_variant_or_country(db: Path):
    by_id = api.timeline(db, actor="ilham-aliev")
    by_variant = api.timeline(db, actor="Aliev")
    by_other_spelling = api.timeline(db, actor="Ilham Aliyev")
    assert list(by_id["link_id"]) == list(by_variant["link_id"]) == list(by_other_spelling["link_id"])
    assert set(by_id["cameo"]) == {"042", "055", "111"}  # 042: the code most reports of the call give
    by_country = api.timeline(db, actor="AZE")
    assert set(by_id["link_id"]) < set(by_country["link_id"])  # the country takes in its people and bodies
    with pytest.raises(UsageError, match="no actor matches"):
        api.timeline(db, actor="Nobody Atall")


def test_link_timeline_since_until(db: Path):
    rows = api.timeline(db, since="2025-01-01", until="2025-01-31")
    dates = [str(d)[:10] for d in rows["date"]]
    assert dates and all("2025-01-01" <= d <= "2025-01-31" for d in dates)
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        api.timeline(db, since="last week")


def test_link_dyad_both_directions_by_week(db: Path):
    series = api.dyad(db, "RUS", "AZE", by="week")
    assert set(series["direction"]) == {"RUS->AZE", "AZE->RUS"}
    busy = series[series["events"] > 0].set_index(["period", "direction"])
    # the call and the apology in the week of Monday 2024-12-23, counted once each
    week = busy.loc[("2024-12-23", "RUS->AZE")]
    assert (week["events"], week["verbal_cooperation"], week["reports"]) == (2, 2, 6)
    assert week["goldstein_sum"] == pytest.approx(1.9 + 3.5)
    assert week["goldstein_mean"] == pytest.approx((1.9 + 3.5) / 2)
    critic = busy.loc[("2025-01-06", "AZE->RUS")]
    assert (critic["events"], critic["verbal_conflict"], critic["goldstein_sum"]) == (1, 1, -2.0)
    summons = busy.loc[("2025-01-27", "RUS->AZE")]
    assert summons["events"] == 1
    # only weeks with events, unless a regular series is asked for
    assert "2025-01-13" not in set(series["period"])
    filled = api.dyad(db, "RUS", "AZE", by="week", fill=True)
    quiet = filled[filled["period"] == "2025-01-13"]
    assert len(quiet) == 2 and quiet["events"].sum() == 0
    assert filled["events"].sum() == series["events"].sum()


def test_link_dyad_person_and_month(db: Path):
    series = api.dyad(db, "Putin", "Aliev", by="month")
    row = series[(series["events"] > 0)].iloc[0]
    assert (row["period"], row["direction"], row["events"]) == ("2024-12", "Vladimir Putin->Ilham Aliyev", 2)
    with pytest.raises(UsageError, match="--by"):
        api.dyad(db, "RUS", "AZE", by="fortnight")


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_link_plot_dyad_writes_a_chart(db: Path, tmp_path: Path, suffix: str):
    out = plot_dyad(api.dyad(db, "RUS", "AZE", by="week"), tmp_path / f"dyad{suffix}", title="RUS and AZE", by="week")
    data = out.read_bytes()
    assert len(data) > 5000
    assert data.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in data[:2000]


def test_link_plot_dyad_without_events_still_writes(tmp_path: Path, db: Path):
    out = plot_dyad(api.dyad(db, "RUS", "AZE", since="2030-01-01"), tmp_path / "empty.png", title="nothing")
    assert out.stat().st_size > 1000
    with pytest.raises(UsageError):
        plot_dyad(api.dyad(db, "RUS", "AZE"), tmp_path / "chart.gif", title="x")


def test_link_network_graphml_and_json(db: Path, tmp_path: Path):
    graph = api.network(db)
    assert graph.edges["vladimir-putin", "ilham-aliyev"]["weight"] == 2  # call and apology, not six reports
    assert graph.edges["vladimir-putin", "ilham-aliyev"]["reports"] == 6
    path = api.write_graph(graph, tmp_path / "net.graphml")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("graphml")
    again = nx.read_graphml(path)
    assert set(again.nodes) == set(graph.nodes) and again.number_of_edges() == graph.number_of_edges()
    data = json.loads(api.write_graph(graph, tmp_path / "net.json").read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == set(graph.nodes)
    countries = api.network(db, countries=True)
    assert countries.edges["RUS", "AZE"]["weight"] == 3


def test_link_exports_csv_parquet_jsonl(db: Path, tmp_path: Path):
    rows = api.timeline(db)
    for suffix in (".csv", ".parquet", ".jsonl"):
        out = api.export_frame(rows, tmp_path / f"timeline{suffix}")
        if suffix == ".parquet":
            back = pd.read_parquet(out)
        elif suffix == ".csv":
            back = pd.read_csv(out)
        else:
            back = pd.DataFrame([json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()])
        assert len(back) == len(rows) and list(back["cameo"].astype(str).str.zfill(3)) == list(rows["cameo"])


def test_link_stale_links_are_computed_in_memory_with_a_note(own_db: Path):
    putin = actor("vladimir-putin", "Vladimir Putin", "PERSON", "RUS")
    erdogan = actor("recep-erdogan", "Recep Erdogan", "PERSON", "TUR")
    text = "Vladimir Putin met Recep Erdogan in Astana."
    with Store(own_db) as store:
        store.write([document("new-1", outlet="Anadolu", published="2025-02-03", text=text, actors=[putin, erdogan],
                              events=[event(putin, erdogan, "040", "2025-02-03", "Vladimir Putin met Recep Erdogan",
                                            text=text)])], "test")
    notes: list[str] = []
    rows = api.timeline(own_db, actor="TUR", stale=notes.append)
    assert len(rows) == 1 and notes and "dyadwatch link" in notes[0]
    with pytest.raises(UsageError, match="out of date"):
        api.reports(own_db)
    api.relink(own_db)
    assert len(api.reports(own_db)) == int(api.timeline(own_db)["reports"].sum())


def test_link_questions_answer_alike_from_memory_and_from_stored_links(tmp_path: Path):
    """Timelines and dyads run the same SQL over links computed in memory (a store not yet
    linked) and over the stored links; rows and frames agree, limits and fills included."""
    path = tmp_path / "unlinked.duckdb"
    with Store(path) as store:
        store.write(crash_corpus(), "test")
    questions = [
        ("timeline", {}), ("timeline", {"actor": "AZE"}), ("timeline", {"actor": "RUS", "limit": 2}),
        ("timeline", {"since": "2024-12-28", "until": "2024-12-31"}),
        ("dyad", {"a": "RUS", "b": "AZE", "by": "day"}), ("dyad", {"a": "AZE", "b": "RUS", "by": "month", "fill": True}),
        ("dyad", {"a": "RUS", "b": "AZE", "by": "week", "fill": True}),
    ]

    def answers(as_frame: bool) -> list:
        out = []
        for verb, kw in questions:
            kw = dict(kw)
            args = (kw.pop("a"), kw.pop("b")) if verb == "dyad" else ()
            out.append(getattr(api, verb)(path, *args, **kw, as_frame=as_frame))
        return out

    notes: list[str] = []
    before = answers(False)
    assert api.timeline(path, stale=notes.append, as_frame=False) == before[0] and notes
    frames_before = answers(True)
    api.relink(path)
    assert answers(False) == before
    for old, new in zip(frames_before, answers(True)):
        pd.testing.assert_frame_equal(old, new)
    everything_russian = api.timeline(path, actor="RUS", as_frame=False)
    assert len(everything_russian) > 2 and before[2] == everything_russian[:2]
    assert any(r["events"] for r in before[4]) and all(r["direction"] in ("RUS->AZE", "AZE->RUS") for r in before[4])
