"""Every route of `dyadwatch serve`, HTML and JSON, through an in-process client."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from web_support import HOSTILE_QUOTE, HOSTILE_TITLE, SCRIPT, write_store

from dyadwatch.link import api as link_api
from dyadwatch.web import create_app
from dyadwatch.web.pages import MAX_SIZE


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return write_store(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="module")
def client(db: Path):
    with TestClient(create_app(db)) as c:
        yield c


def link_of(db: Path, evidence_start: str) -> str:
    frame = link_api.timeline(str(db))
    return str(frame[frame["evidence"].str.startswith(evidence_start)].iloc[0]["link_id"])


def both(client: TestClient, path: str, api_path: str | None = None):
    """The HTML page and its JSON twin, both answered."""
    html = client.get(path)
    assert html.status_code == 200, html.text
    assert html.headers["content-type"].startswith("text/html")
    data = client.get(api_path or "/api" + path)
    assert data.status_code == 200, data.text
    assert data.headers["content-type"].startswith("application/json")
    return html.text, data.json()


def test_web_overview_counts_dyads_and_latest(client: TestClient):
    html, data = both(client, "/?since=2024-12-01", "/api/overview?since=2024-12-01")
    assert data["counts"]["documents"] == 9
    assert data["counts"]["linked_events"] == len(link_api.timeline(client.app.state.reader.db))
    # the call and the apology count once each however many outlets reported them; the
    # analyst's two criticisms of Azerbaijan tie with them and are more recent
    top = [({d["a_name"], d["b_name"]}, d["events"]) for d in data["dyads"][:2]]
    assert top == [({"Norayr Dunamalyan", "Azerbaijan"}, 2), ({"Vladimir Putin", "Ilham Aliyev"}, 2)]
    assert "Ilham Aliyev — Vladimir Putin" in html
    assert 'href="/api/overview?since=2024-12-01"' in html  # the page names its JSON twin


def test_web_dyad_series_both_directions_and_period_events(client: TestClient, db: Path):
    html, data = both(client, "/dyad?a=RUS&b=AZE&by=week")
    expected = link_api.dyad(str(db), "RUS", "AZE", by="week", fill=True)
    assert data["periods"] == list(dict.fromkeys(expected["period"]))
    assert data["directions"] == ["RUS->AZE", "AZE->RUS"]
    forward = expected[expected["direction"] == "RUS->AZE"]
    assert data["series"]["RUS->AZE"]["events"] == [int(x) for x in forward["events"]]
    assert 'id="chart-goldstein"' in html
    week = next(p for p, n in zip(data["periods"], data["series"]["RUS->AZE"]["events"]) if n)
    _, one = both(client, f"/dyad?a=RUS&b=AZE&by=week&period={week}")
    assert one["period_events"], "the week with events lists them"
    assert all(e["evidence"] for e in one["period_events"])


def test_web_dyad_without_actors_offers_the_busiest_dyads(client: TestClient):
    html, data = both(client, "/dyad")
    assert data["message"].startswith("choose two actors")
    assert data["top"]


def test_web_timeline_filters_and_pages(client: TestClient):
    _, data = both(client, "/timeline?actor=Aliev&order=asc&size=2")
    assert data["total"] >= 3 and len(data["events"]) == 2
    assert data["events"][0]["event_date"] <= data["events"][1]["event_date"]
    _, page2 = both(client, "/timeline?actor=Aliev&order=asc&size=2&page=2")
    assert page2["events"][0]["link_id"] not in {e["link_id"] for e in data["events"]}
    _, typed = both(client, "/timeline?type=055")
    assert typed["total"] == 1 and typed["events"][0]["reports"] == 3
    _, outlet = both(client, "/timeline?outlet=armenpress")
    assert outlet["total"] == 1
    _, everything = both(client, "/timeline?size=100")
    known = [e["confidence"] for e in everything["events"] if e["confidence"] is not None]
    if known:
        floor = max(known)
        _, sure = both(client, f"/timeline?min_confidence={floor}")
        assert 1 <= sure["total"] <= everything["total"]
        assert all(e["confidence"] >= floor for e in sure["events"])


def test_web_event_lists_every_report_and_its_coding(client: TestClient, db: Path):
    link_id = link_of(db, "Putin apologi")
    html, data = both(client, f"/event/{link_id}")
    assert {r["outlet"] for r in data["reports"]} == {"TASS", "Azertac", "Caucasian Knot"}
    assert data["coding"]["cameo"] == "055"
    assert f'/article/{quote(data["reports"][0]["doc_id"], safe="")}?event=' in html
    assert client.get("/event/no-such-event").status_code == 404
    assert client.get("/api/event/no-such-event").json()["detail"] == "no linked event 'no-such-event'"


def test_web_article_marks_events_quotes_actors_and_times(client: TestClient):
    html, data = both(client, "/article/knot-2?event=1")
    assert data["article"]["outlet"] == "Caucasian Knot"
    assert [e["cameo"] for e in data["events"]] == ["111", "111"]
    assert 'class="mk mk-event focus"' in html and 'id="ev-1"' in html
    assert 'class="mk mk-actor"' in html and 'href="/actor/' in html


def test_web_actor_names_quotes_events_and_dyads(client: TestClient):
    _, listing = both(client, "/actors?q=aliyev")
    ids = [a["global_id"] for a in listing["actors"]]
    assert ids, "Aliyev is found by a spelling"
    html, data = both(client, f"/actor/{ids[0]}")
    assert {"Aliev", "Aliyev"} <= set(data["actor"]["variants"])
    assert data["as_source_total"] >= 1 and data["as_target_total"] >= 1
    assert any(d["events"] >= 1 for d in data["dyads"])
    assert client.get("/actor/nobody-at-all").status_code == 404


def test_web_quotes_by_speaker_and_predictions(client: TestClient):
    _, data = both(client, "/quotes?speaker=spokesman-x")
    assert [q["text"] for q in data["quotes"]] == [HOSTILE_QUOTE]
    _, none = both(client, "/quotes?predictions=true")
    assert none["quotes"] == []


def test_web_articles_events_map_network_and_suggestions(client: TestClient):
    _, arts = both(client, "/articles?outlet=Caucasian")
    assert len(arts["articles"]) == 2
    _, evs = both(client, "/events?actor=AZE&size=3")
    assert len(evs["events"]) == 3 and evs["more"]
    html, places = both(client, "/map")
    assert [p["country"] for p in places["places"]] == ["GEO"]
    assert any(c["numeric"] == "268" for c in places["countries"])  # Georgia in the boundary data
    _, net = both(client, "/network?countries=true")
    assert any(e["source"] == "RUS" and e["target"] == "AZE" for e in net["edges"])
    hits = client.get("/api/suggest?q=dunam").json()
    assert hits and all("Duna" in h["name"] for h in hits)


def test_web_explain_reruns_the_coder(client: TestClient, db: Path):
    pytest.importorskip("spacy")
    from dyadwatch.nlp import load_english

    try:
        load_english()
    except Exception as e:  # noqa: BLE001 - any failure to load means no model here
        pytest.skip(f"the English model cannot be loaded here: {e}")
    r = client.get(f"/api/event/{link_of(db, 'Putin apologi')}/explain")
    assert r.status_code == 200
    assert "predicates:" in r.json()["text"]


@pytest.mark.parametrize("url", [
    "/api/timeline?size=0", f"/api/timeline?size={MAX_SIZE + 1}", "/api/timeline?page=0",
    "/api/timeline?since=yesterday", "/api/timeline?since=2025-02-30", "/api/dyad?a=RUS&b=AZE&by=year",
    "/api/dyad?a=RUS&b=AZE&period=last", "/api/events?min_confidence=2", "/api/timeline?type=1%3B%20DROP",
    "/api/actors?type=PLANET", "/api/suggest", "/api/timeline?order=sideways", "/api/dyad?a=nobody-known&b=RUS",
])
def test_web_bad_parameters_get_a_clear_4xx(client: TestClient, url: str):
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code)
    assert r.json()["detail"]
    page = client.get(url.removeprefix("/api"))
    assert 400 <= page.status_code < 500 and "<h1>" in page.text


def test_web_hostile_text_is_escaped_in_every_page(client: TestClient, db: Path):
    link_id = link_of(db, "Tbilisi criticised")
    for url in ["/", "/timeline", f"/event/{link_id}", "/article/hostile-1", "/articles", "/quotes", "/map",
                "/actors?q=levan", "/actor/" + quote(client.get("/api/actors?q=levan").json()["actors"][0]["global_id"])]:
        html = client.get(url).text
        assert SCRIPT not in html and "<img src=x" not in html, url
    assert "&lt;script&gt;" in client.get("/article/hostile-1").text
    assert client.get("/api/article/hostile-1").json()["article"]["title"] == HOSTILE_TITLE


def test_web_pages_allow_only_their_own_scripts(client: TestClient):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "unsafe-inline" not in r.headers["content-security-policy"].split("script-src")[1].split(";")[0]


def test_web_openapi_and_local_docs(client: TestClient):
    spec = client.get("/api/openapi.json").json()
    for path in ["/api/overview", "/api/dyad", "/api/timeline", "/api/event/{link_id}", "/api/article/{doc_id}",
                 "/api/actor/{actor_id}", "/api/quotes", "/api/map", "/api/network", "/api/events", "/api/articles"]:
        assert path in spec["paths"], path
    docs = client.get("/docs").text
    assert "/vendor/swagger-ui-bundle.js" in docs and "http" not in docs.replace("http-equiv", "")


def test_web_vendor_assets_are_served_locally(client: TestClient):
    if client.app.state.assets is None:
        pytest.skip("node_modules/ is missing: run `make` (npm ci) to install the front-end packages")
    for name in ["chart.umd.min.js", "d3-geo.min.js", "topojson-client.min.js", "countries-110m.json",
                 "swagger-ui-bundle.js", "swagger-ui.css"]:
        assert client.get(f"/vendor/{name}").status_code == 200, name
    assert client.get("/vendor/package.json").status_code == 404


def test_web_token_required_when_given(db: Path):
    with TestClient(create_app(db, token="s3cret")) as c:
        assert c.get("/api/overview").status_code == 401
        assert c.get("/static/app.css").status_code == 401
        assert c.get("/api/overview", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/api/overview", headers={"Authorization": "Bearer wrong"}).status_code == 401
        first = c.get("/timeline?token=s3cret&size=5", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/timeline?size=5"
        assert c.get("/timeline?size=5").status_code == 200  # the cookie set by the link


def test_web_serve_refuses_a_network_address_without_a_token(db: Path, monkeypatch):
    from dyadwatch.errors import UsageError
    from dyadwatch.web import serve

    monkeypatch.delenv("DYADWATCH_TOKEN", raising=False)
    with pytest.raises(UsageError, match="--token"):
        serve(str(db), host="0.0.0.0", port=1)
