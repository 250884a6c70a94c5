"""The dyad chart shows the period where the events are: one old report does not stretch the
axis, the chart says how many events it leaves out, and its title names both actors and the
period. The same span is used by `dyadwatch dyad --plot` and by the web page's chart."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from matplotlib.dates import num2date

from dyadwatch.cli import main
from dyadwatch.link import api
from dyadwatch.link.plot import dyad_figure
from dyadwatch.link.synthetic import actor, crash_corpus, document, event
from dyadwatch.link.window import chart_window
from dyadwatch.store import Store
from dyadwatch.web import create_app


def test_window_leaves_a_lone_old_period_out_and_counts_it():
    series = [("2019-03-04", 1), ("2024-12-23", 4), ("2024-12-30", 3), ("2025-01-06", 2)]
    window = chart_window(series, "week")
    assert (window.first, window.last, window.before, window.after) == ("2024-12-23", "2025-01-06", 1, 0)
    assert window.span() == "23 Dec 2024 to 12 Jan 2025"
    assert window.outside() == "1 earlier event"


def test_window_keeps_every_period_when_no_bulk_stands_apart():
    assert chart_window([("2019-03-04", 1), ("2024-12-23", 1)], "week").first == "2019-03-04"  # two lone events
    steady = [(f"2024-{m:02d}", 3) for m in range(1, 13)]
    assert (chart_window(steady, "month").first, chart_window(steady, "month").before) == ("2024-01", 0)
    # an early period holding a third of the events is part of the story, however far
    assert chart_window([("2023-01-02", 3), ("2024-12-23", 4), ("2024-12-30", 2)], "week").before == 0
    assert chart_window([], "week") is None


def test_window_by_month_names_months():
    window = chart_window([("2020-05", 1), ("2024-12", 6), ("2025-02", 4)], "month")
    assert (window.span(), window.outside()) == ("Dec 2024 to Feb 2025", "1 earlier event")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """The crash corpus (Russia and Azerbaijan, December 2024 to January 2025) and one report,
    published then, of a meeting in 2019."""
    russia = actor("russia", "Russia", "COUNTRY", "RUS", ("Moscow",))
    azerbaijan = actor("azerbaijan", "Azerbaijan", "COUNTRY", "AZE", ("Baku",))
    text = "Moscow and Baku signed a transit agreement on 5 March 2019."
    old = document("old-1", outlet="Made-up Wire", published="2025-01-20T10:00", text=text, actors=[russia, azerbaijan],
                   events=[event(russia, azerbaijan, "057", "2019-03-05", "Moscow and Baku signed", goldstein=8.0,
                                 text=text)])
    path = tmp_path_factory.mktemp("window") / "window.duckdb"
    with Store(path) as store:
        store.write(crash_corpus() + [old], "test")
    api.relink(path)
    return path


def test_chart_of_a_dyad_with_one_old_event(db: Path):
    series = api.dyad(db, "RUS", "AZE", by="week")
    assert "2019-03-04" in set(series["period"])  # the series itself keeps the old event
    fig = dyad_figure(series, title="Russia and Azerbaijan: linked events by week", by="week")
    counts_ax, gold_ax = fig.axes
    title = counts_ax.get_title()
    assert title.startswith("Russia and Azerbaijan") and "Dec 2024 to" in title and "2019" not in title
    left, right = (num2date(x).date() for x in gold_ax.get_xlim())
    assert dt.date(2024, 12, 1) < left < dt.date(2024, 12, 28) and right < dt.date(2025, 3, 1)
    assert any(t.get_text() == "not shown: 1 earlier event" for t in counts_ax.texts)
    whole = dyad_figure(series, title="x", by="week", whole=True)
    assert num2date(whole.axes[1].get_xlim()[0]).year == 2019 and "2019" in whole.axes[0].get_title()


def test_cli_dyad_plot_writes_the_chart_and_says_so(db: Path, tmp_path: Path, capsys):
    chart = tmp_path / "dyad.png"
    with pytest.raises(SystemExit) as exit_info:
        main(["dyad", "RUS", "AZE", "--db", str(db), "--plot", str(chart), "--json"])
    assert exit_info.value.code == 0 and chart.read_bytes().startswith(b"\x89PNG")
    assert "chart written" in capsys.readouterr().err


def test_web_dyad_chart_spans_the_bulk_and_says_what_it_leaves_out(db: Path):
    with TestClient(create_app(db)) as client:
        data = client.get("/api/dyad?a=RUS&b=AZE&by=week").json()
        page = client.get("/dyad?a=RUS&b=AZE&by=week").text
        chosen = client.get("/api/dyad?a=RUS&b=AZE&by=week&since=2019-01-01").json()
    window = data["window"]
    assert window["first"].startswith("2024-12") and window["before"] == 1 and window["outside"] == "1 earlier event"
    assert data["periods"][0] == "2019-03-04"  # every period is still listed; the chart shows the window
    assert f"Russia and Azerbaijan, {window['span']}" in page and "not shown: 1 earlier event" in page
    assert chosen["window"]["first"] == "2019-03-04" and chosen["window"]["before"] == 0  # dates chosen: all shown
