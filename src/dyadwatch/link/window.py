"""The span a dyad chart shows: the periods where the events are.

A dyad's events bunch around what happened; one report of an old event (a treaty of 2019
recalled in a 2025 article) would stretch the time axis over years and squeeze the rest
into a corner. The chart (`link.plot`, and the web page's dyad chart) shows the span that
holds the bulk of the events and says how many fall outside it. Plain Python over
(period, events) pairs: the web page and the command line share it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

PERIOD_DAYS = {"day": 1, "week": 7, "month": 31}
# A period at either end is left out of the chart when all of these hold: it lies further
# from the rest than the rest spans, and further than STRAY_MIN_PERIODS periods; it holds
# fewer events than the rest; and the events left out in all stay within STRAY_EVENTS or
# STRAY_SHARE of the dyad's, whichever is more (a dyad of a dozen events loses a lone old
# one; the bulk is never cut).
STRAY_MIN_PERIODS = 4
STRAY_EVENTS = 2
STRAY_SHARE = 0.1


@dataclass(frozen=True, kw_only=True)
class Window:
    """The periods a chart shows (labels as the series writes them), and how many events
    fall before and after them."""

    by: str
    first: str
    last: str
    before: int = 0
    after: int = 0

    def holds(self, period: str) -> bool:
        return period_day(self.first) <= period_day(period) <= period_day(self.last)

    @property
    def start(self) -> dt.date:
        return period_day(self.first)

    @property
    def end(self) -> dt.date:
        """The last day of the last period."""
        return period_end(period_day(self.last), self.by)

    def span(self) -> str:
        """The period in words: "23 Dec 2024 to 9 Mar 2025" ("Dec 2024 to Mar 2025" by month)."""
        if self.by == "month":
            first, last = f"{self.start:%b %Y}", f"{self.end:%b %Y}"
        else:
            first, last = day_text(self.start), day_text(self.end)
        return first if first == last else f"{first} to {last}"

    def outside(self) -> str:
        """How many events the chart leaves out ("1 earlier event, 2 later events"), or ""."""
        parts = [f"{n} {'earlier' if k == 'before' else 'later'} event{'' if n == 1 else 's'}"
                 for k, n in (("before", self.before), ("after", self.after)) if n]
        return ", ".join(parts)


def day_text(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def period_day(period: str) -> dt.date:
    """The first day of a period label ("2024-12-23", or "2024-12" for a month)."""
    text = str(period)[:10]
    return dt.date.fromisoformat(text if len(text) > 7 else text + "-01")


def period_end(start: dt.date, by: str) -> dt.date:
    if by == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return start + dt.timedelta(days=PERIOD_DAYS.get(by, 7) - 1)


def chart_window(series: Iterable[tuple[str, int]], by: str) -> Window | None:
    """The span of periods holding the bulk of a dyad's events (rows of period and events,
    several rows of one period summed); None when there are no events."""
    counts: dict[dt.date, int] = {}
    labels: dict[dt.date, str] = {}
    for period, events in series:
        if events and events > 0:
            day = period_day(period)
            counts[day] = counts.get(day, 0) + int(events)
            labels[day] = str(period)
    if not counts:
        return None
    days = sorted(counts)
    total = sum(counts.values())
    allowed = max(STRAY_EVENTS, STRAY_SHARE * total)
    least_gap = dt.timedelta(days=STRAY_MIN_PERIODS * PERIOD_DAYS.get(by, 7))
    before = after = 0
    while len(days) > 1:
        ends = ((0, days[1:], days[1] - days[0]), (-1, days[:-1], days[-1] - days[-2]))
        # the end further from the rest is tried first
        for end, rest, gap in sorted(ends, key=lambda x: -x[2]):
            n = counts[days[end]]
            if (gap > max(rest[-1] - rest[0], least_gap) and n < sum(counts[d] for d in rest)
                    and before + after + n <= allowed):
                if end == 0:
                    before += n
                else:
                    after += n
                days = rest
                break
        else:
            break
    return Window(by=by, first=labels[days[0]], last=labels[days[-1]], before=before, after=after)
