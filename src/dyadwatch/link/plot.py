"""A dyad chart a person would rather look at than read: events by quad class, Goldstein by direction.

Drawn with matplotlib's object API on the Agg canvas (no display, no global pyplot state),
so it works on servers and in tests.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import UsageError
from ..safe_output import plot_label
from .aggregate import QUAD_NAMES
from .window import PERIOD_DAYS, Window, chart_window, period_day

if TYPE_CHECKING:  # matplotlib loads when a chart is drawn
    from matplotlib.figure import Figure

FORMATS = (".png", ".svg")

# Colours of the quad classes: cooperation in blues, conflict in reds, material darker
# than verbal (a reader sees the sign of a period before reading the legend).
QUAD_COLOURS = {"verbal_cooperation": "#9ecae1", "material_cooperation": "#3182bd",
                "verbal_conflict": "#fc9272", "material_conflict": "#de2d26"}
DIRECTION_COLOURS = ("#2c7fb8", "#d95f0e")

WIDTH = 11.0  # inches: a landscape page
BAR_SHARE = 0.8  # a bar covers this share of its period, leaving a gap between periods


def period_title(title: str, window: Window | None) -> str:
    """The chart's title with its period ("…, 23 Dec 2024 to 9 Mar 2025")."""
    return title if window is None else f"{title}, {window.span()}"


def plot_dyad(series: pd.DataFrame, path: str | Path, *, title: str, by: str = "week", whole: bool = False) -> Path:
    """Write the chart of a dyad series (as `aggregate.dyad` returns it) to a .png or .svg file.

    The x axis is a time axis, so quiet periods show as gaps whether or not the series
    lists them. It spans the periods holding the bulk of the events (`window.chart_window`;
    the chart says how many fall outside), or every period with `whole`; the title ends
    with the period shown.
    """
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"--plot writes {' or '.join(FORMATS)} files, got {path.name!r}")
    fig = dyad_figure(series, title=title, by=by, whole=whole)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    return path


def dyad_figure(series: pd.DataFrame, *, title: str, by: str = "week", whole: bool = False) -> Figure:
    """The chart of `plot_dyad` as a matplotlib Figure: event counts above, Goldstein sums below."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=(WIDTH, 6.5), layout="constrained")
    counts_ax, gold_ax = fig.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    window = None if series.empty else chart_window(zip(series["period"], series["events"]), by)
    if window is not None and whole:
        busy = series[series["events"] > 0]["period"].astype(str)
        window = Window(by=by, first=min(busy, key=period_day), last=max(busy, key=period_day))
    if window is not None:
        series = series[[window.holds(str(p)) for p in series["period"]]]
    counts_ax.set_title(plot_label(period_title(title, window)))
    counts_ax.set_ylabel("linked events")
    gold_ax.set_ylabel("Goldstein sum")
    gold_ax.axhline(0, color="#888888", linewidth=0.8)
    if series.empty:
        counts_ax.text(0.5, 0.5, "no events between these actors", ha="center", va="center",
                       transform=counts_ax.transAxes)
    else:
        totals = series.groupby("period")[list(QUAD_NAMES.values())].sum().sort_index()
        x = pd.to_datetime(totals.index)
        width = BAR_SHARE * PERIOD_DAYS.get(by, 7)
        bottom = pd.Series(0, index=totals.index)
        for quad in QUAD_NAMES.values():
            counts_ax.bar(x, totals[quad], bottom=bottom, width=width, align="edge", color=QUAD_COLOURS[quad],
                          label=quad.replace("_", " "))
            bottom = bottom + totals[quad]
        counts_ax.legend(loc="upper left", fontsize="small", frameon=False, ncols=2)
        counts_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        counts_ax.set_ylim(0, float(bottom.max()) * 1.3)  # room for the legend above the bars
        for k, (colour, (direction, part)) in enumerate(zip(DIRECTION_COLOURS, series.groupby("direction", sort=False))):
            part = part[part["events"] > 0].sort_values("period")
            # the two directions side by side within their period's bar
            at = pd.to_datetime(part["period"]) + pd.to_timedelta(width * (1 + 2 * k) / 4, unit="D")
            gold_ax.vlines(at, 0, part["goldstein_sum"], color=colour, linewidth=2)
            gold_ax.plot(at, part["goldstein_sum"], marker="o", linestyle="none", color=colour, label=plot_label(direction))
        gold_ax.legend(loc="upper left", fontsize="small", frameon=False)
        if window is not None:
            pad = pd.Timedelta(days=PERIOD_DAYS.get(by, 7))
            gold_ax.set_xlim(pd.Timestamp(window.start) - pad / 2, pd.Timestamp(window.end) + pad / 2)
            if window.outside():
                counts_ax.text(1.0, 1.0, f"not shown: {window.outside()}", ha="right", va="top",
                               fontsize="small", transform=counts_ax.transAxes)
        locator = AutoDateLocator()
        gold_ax.xaxis.set_major_locator(locator)
        gold_ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    return fig
