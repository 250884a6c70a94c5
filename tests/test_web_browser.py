"""The web pages in a real browser (Debian's Chromium driven by Playwright).

Every request to a host other than the test server is blocked and counted (none allowed).
Screenshots of each page at 1280 and 390 pixels wide go to the folder named by
$DYADWATCH_SCREENSHOTS, by default `out/screenshots/` in the checkout.
"""
from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from web_support import IMAGE, SCRIPT, write_store

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(os.environ.get("DYADWATCH_SCREENSHOTS", Path(__file__).resolve().parents[1] / "out" / "screenshots"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
WIDTHS = (1280, 390)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`dyadwatch serve` on the test store, in this process, on a free loopback port."""
    import uvicorn

    from dyadwatch.web import create_app

    db = write_store(tmp_path_factory.mktemp("browser") / "web.duckdb")
    app = create_app(db)
    if app.state.assets is None:
        pytest.skip("node_modules/ is missing: run `make` (npm ci) to install the chart and map libraries")
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield {"base": f"http://127.0.0.1:{port}", "db": db, "app": app}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server):
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tempfile.mkdtemp(prefix="dyadwatch-chromium-")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=ARGS)
        outside: list[str] = []
        own = urlparse(server["base"]).netloc

        def guard(route):
            if urlparse(route.request.url).netloc == own:
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        yield context, outside
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


class Watched:
    """A page whose console errors, page errors and dialogs are recorded."""

    def __init__(self, context, width: int):
        self.page = context.new_page()
        self.page.set_viewport_size({"width": width, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")


def link_id(server, start: str) -> str:
    from dyadwatch.link import api

    frame = api.timeline(str(server["db"]))
    return str(frame[frame["evidence"].str.startswith(start)].iloc[0]["link_id"])


def pages(server) -> dict[str, str]:
    return {"overview": "/", "dyad": "/dyad?a=RUS&b=AZE&by=week&period=2024-12-23",
            "timeline": "/timeline", "event": f"/event/{link_id(server, 'Putin apologi')}",
            "article": "/article/knot-2?event=0#ev-0", "actor": "/actor/ilham-aliyev", "actors": "/actors",
            "quotes": "/quotes", "articles": "/articles", "events": "/events", "map": "/map", "network": "/network",
            "docs": "/docs"}


def test_web_browser_every_page_loads_clean_and_is_photographed(server, browser):
    context, outside = browser
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        watched = Watched(context, width)
        for name, url in pages(server).items():
            watched.open(server["base"] + url)
            if name == "dyad":
                watched.page.wait_for_function("window.dyadCharts !== undefined")
            if name == "map":
                watched.page.wait_for_selector("#map[data-drawn]")
            if name == "docs":
                watched.page.wait_for_selector(".swagger-ui .opblock")
            watched.page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
            assert watched.errors == [], (name, width, watched.errors)
        watched.page.close()
    assert outside == [], f"requests to other hosts: {outside}"


def test_web_browser_dyad_chart_has_one_point_per_period(server, browser):
    from dyadwatch.link import api

    context, outside = browser
    expected = api.dyad(str(server["db"]), "RUS", "AZE", by="week", fill=True)
    periods = list(dict.fromkeys(expected["period"]))
    with_events = {d: int((expected[expected["direction"] == d]["events"] > 0).sum()) for d in ("RUS->AZE", "AZE->RUS")}
    watched = Watched(context, 1280)
    watched.open(server["base"] + "/dyad?a=RUS&b=AZE&by=week")
    watched.page.wait_for_function("window.dyadCharts !== undefined")
    shown = watched.page.evaluate("""() => {
        const c = window.dyadCharts.goldstein;
        return {labels: c.data.labels.length,
                points: c.data.datasets.map(d => d.data.length),
                drawn: c.data.datasets.map(d => d.data.filter(v => v !== null).length),
                bars: window.dyadCharts.counts.data.datasets.map(d => d.data.length)};
    }""")
    assert shown["labels"] == len(periods)
    assert shown["points"] == [len(periods), len(periods)]
    assert shown["drawn"] == [with_events["RUS->AZE"], with_events["AZE->RUS"]]
    assert set(shown["bars"]) == {len(periods)}
    assert watched.errors == [] and outside == []


def test_web_browser_chart_period_event_article_ends_on_the_marked_sentence(server, browser):
    context, outside = browser
    watched = Watched(context, 1280)
    page = watched.page
    watched.open(server["base"] + "/dyad?a=Putin&b=Aliyev&by=week")
    page.wait_for_function("window.dyadCharts !== undefined")
    # click the first drawn point of the Goldstein chart, where a person would
    x, y = page.evaluate("""() => {
        const c = window.dyadCharts.goldstein;
        const i = c.data.datasets[0].data.findIndex(v => v !== null);
        const pt = c.getDatasetMeta(0).data[i];
        const box = c.canvas.getBoundingClientRect();
        return [box.left + pt.x, box.top + pt.y];
    }""")
    page.mouse.click(x, y)
    page.wait_for_url("**period=*")
    page.wait_for_load_state("networkidle")
    rows = page.locator("#period table.events tbody tr")
    assert rows.count() == 2  # the call and the apology of that week
    page.locator("#period td.evidence a", has_text="apologi").first.click()
    page.wait_for_url("**/event/*")
    report = page.locator("a.report").first
    evidence = report.inner_text().strip()
    report.click()
    page.wait_for_url("**/article/*")
    page.wait_for_load_state("networkidle")
    marked = page.evaluate("() => Array.from(document.querySelectorAll('mark.focus')).map(m => m.textContent).join('')")
    assert marked.strip() == evidence
    assert page.evaluate("() => { const r = document.querySelector('mark.focus').getBoundingClientRect(); "
                         "return r.top >= 0 && r.bottom <= window.innerHeight; }"), "the marked sentence is in view"
    assert watched.errors == [] and outside == []


def test_web_browser_hostile_texts_stay_text(server, browser):
    context, outside = browser
    watched = Watched(context, 1280)
    page = watched.page
    urls = ["/", "/timeline", "/article/hostile-1", f"/event/{link_id(server, 'Tbilisi criticised')}", "/quotes",
            "/articles", "/map", "/actors?q=levan", "/actor/spokesman-x", "/events"]
    for url in urls:
        watched.open(server["base"] + url)
        injected = page.evaluate("""() => ({
            images: document.querySelectorAll('img').length,
            handlers: document.querySelectorAll('[onerror]').length,
            scripts: Array.from(document.scripts).filter(s => !s.src && s.type !== 'application/json').length})""")
        assert injected == {"images": 0, "handlers": 0, "scripts": 0}, (url, injected)
    watched.open(server["base"] + "/article/hostile-1")
    text = page.locator("article.text").inner_text()
    assert SCRIPT in text and IMAGE in text  # shown as the characters they are
    assert IMAGE in page.locator("h1").inner_text()
    page.wait_for_timeout(300)
    assert watched.dialogs == [] and watched.errors == [] and outside == []


def test_web_browser_map_draws_every_place(server, browser):
    context, outside = browser
    watched = Watched(context, 1280)
    watched.open(server["base"] + "/map")
    watched.page.wait_for_selector("#map[data-drawn]")
    assert watched.page.locator("#map circle.place").count() == 1
    assert watched.page.locator("#map path.land").count() > 150
    assert watched.page.locator("#map path.land.hit").count() == 1
    assert watched.errors == [] and outside == []
