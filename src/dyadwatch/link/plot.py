"""A dyad chart a person would rather look at than read: events by quad class, Goldstein by direction.

Drawn with matplotlib's object API on the Agg canvas (no display, no global pyplot state),
so it works on servers and in tests.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import UsageError
from ..safe_output import plot_label
from .aggregate import QUAD_NAMES

FORMATS = (".png", ".svg")

# Colours of the quad classes: cooperation in blues, conflict in reds, material darker
# than verbal (a reader sees the sign of a period before reading the legend).
QUAD_COLOURS = {"verbal_cooperation": "#9ecae1", "material_cooperation": "#3182bd",
                "verbal_conflict": "#fc9272", "material_conflict": "#de2d26"}
DIRECTION_COLOURS = ("#2c7fb8", "#d95f0e")

WIDTH = 11.0  # inches: a landscape page
BAR_SHARE = 0.8  # a bar covers this share of its period, leaving a gap between periods


PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}
# A period at either end of the series is left off the chart when it holds at most this share
# of the events and lies further from the rest than the rest spans: one old event must not
# squeeze years of activity into a corner.
STRAY_SHARE = 0.05


@dataclass(frozen=True, kw_only=True)
class Window:
    """The periods a chart shows, and how many events fall outside them."""

    first: pd.Timestamp
    last: pd.Timestamp
    before: int
    after: int


def chart_window(series: pd.DataFrame) -> Window | None:
    """The span of periods where a dyad's events are, stray periods at either end left out."""
    if series.empty:
        return None
    counts = series.groupby("period")["events"].sum()
    counts = counts[counts > 0].sort_index()
    if counts.empty:
        return None
    counts.index = pd.to_datetime(counts.index)
    total = int(counts.sum())
    before = after = 0
    while len(counts) > 2:
        head_gap = counts.index[1] - counts.index[0]
        tail_gap = counts.index[-1] - counts.index[-2]
        span = counts.index[-2] - counts.index[1]
        if counts.iloc[0] <= STRAY_SHARE * total and head_gap > span and head_gap >= tail_gap:
            before += int(counts.iloc[0])
            counts = counts.iloc[1:]
        elif counts.iloc[-1] <= STRAY_SHARE * total and tail_gap > span:
            after += int(counts.iloc[-1])
            counts = counts.iloc[:-1]
        else:
            break
    return Window(first=counts.index[0], last=counts.index[-1], before=before, after=after)


def period_title(title: str, window: Window | None) -> str:
    """The chart's title with its period ("…, 27 Dec 2024 to 3 Mar 2025")."""
    if window is None:
        return title
    span = f"{window.first:%d %b %Y}" if window.first == window.last else f"{window.first:%d %b %Y} to {window.last:%d %b %Y}"
    return f"{title}, {span.lstrip('0')}"


def plot_dyad(series: pd.DataFrame, path: str | Path, *, title: str, by: str = "week") -> Path:
    """Write the chart of a dyad series (as `aggregate.dyad` returns it) to a .png or .svg file.

    The x axis is a time axis, so quiet periods show as gaps whether or not the series
    lists them.
    """
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"--plot writes {' or '.join(FORMATS)} files, got {path.name!r}")
    fig = Figure(figsize=(WIDTH, 6.5), layout="constrained")
    counts_ax, gold_ax = fig.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    window = chart_window(series)
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
            gold_ax.set_xlim(window.first - pad / 2, window.last + pad * 1.5)
            outside = [f"{n} earlier" for n in [window.before] if n] + [f"{n} later" for n in [window.after] if n]
            if outside:
                counts_ax.text(1.0, 1.0, f"not shown: {' and '.join(outside)} event(s)", ha="right", va="top",
                               fontsize="small", transform=counts_ax.transAxes)
        locator = AutoDateLocator()
        gold_ax.xaxis.set_major_locator(locator)
        gold_ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    return path
