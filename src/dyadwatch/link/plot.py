"""A dyad chart a person would rather look at than read: events by quad class, Goldstein by direction.

Drawn with matplotlib's object API on the Agg canvas (no display, no global pyplot state),
so it works on servers and in tests.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import UsageError
from .aggregate import QUAD_NAMES

FORMATS = (".png", ".svg")

# Colours of the quad classes: cooperation in blues, conflict in reds, material darker
# than verbal (a reader sees the sign of a period before reading the legend).
QUAD_COLOURS = {"verbal_cooperation": "#9ecae1", "material_cooperation": "#3182bd",
                "verbal_conflict": "#fc9272", "material_conflict": "#de2d26"}
DIRECTION_COLOURS = ("#2c7fb8", "#d95f0e")

# Width of the figure per period shown, in inches, between the bounds: keeps a few weeks
# readable and a year of days from running off the page.
INCH_PER_PERIOD = 0.35
MIN_WIDTH, MAX_WIDTH = 7.0, 18.0


def plot_dyad(series: pd.DataFrame, path: str | Path, *, title: str) -> Path:
    """Write the chart of a dyad series (as `aggregate.dyad` returns it) to a .png or .svg file."""
    from matplotlib.figure import Figure

    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"--plot writes {' or '.join(FORMATS)} files, got {path.name!r}")
    periods = sorted(series["period"].unique()) if len(series) else []
    width = min(MAX_WIDTH, max(MIN_WIDTH, INCH_PER_PERIOD * len(periods)))
    fig = Figure(figsize=(width, 6.5), layout="constrained")
    counts_ax, gold_ax = fig.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    x = list(range(len(periods)))
    totals = series.groupby("period")[list(QUAD_NAMES.values())].sum().reindex(periods, fill_value=0) if periods else None
    bottom = [0] * len(periods)
    for quad in QUAD_NAMES.values():
        values = list(totals[quad]) if totals is not None else []
        counts_ax.bar(x, values, bottom=bottom, color=QUAD_COLOURS[quad], label=quad.replace("_", " "), width=0.8)
        bottom = [b + v for b, v in zip(bottom, values)]
    counts_ax.set_ylabel("linked events")
    counts_ax.legend(loc="upper left", fontsize="small", frameon=False, ncols=2)
    counts_ax.set_title(title)
    for colour, (direction, part) in zip(DIRECTION_COLOURS, series.groupby("direction", sort=False)):
        values = part.set_index("period")["goldstein_sum"].reindex(periods, fill_value=0)
        gold_ax.plot(x, list(values), marker="o", color=colour, label=str(direction))
    gold_ax.axhline(0, color="#888888", linewidth=0.8)
    gold_ax.set_ylabel("Goldstein sum")
    if len(series):
        gold_ax.legend(loc="upper left", fontsize="small", frameon=False)
    step = max(1, len(periods) // 24)
    gold_ax.set_xticks(x[::step], [str(p) for p in periods[::step]], rotation=45, ha="right", fontsize="small")
    if not periods:
        counts_ax.text(0.5, 0.5, "no events between these actors", ha="center", va="center",
                       transform=counts_ax.transAxes)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    return path
