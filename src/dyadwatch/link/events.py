"""Event linking: reports of one happening, from any number of outlets, become one event.

Reports are blocked by their unordered dyad (the two sides' countries, or actor ids where
a side has no country) and the compatibility group of their CAMEO root, sorted by date,
and swept with a window: a report is compared only with the events still open in its own
block (started at most WINDOW_DAYS earlier, and at most MAX_OPEN of them), so the cost is
the sort, O(n log n), plus a bounded amount of work per report.

A report joins the best-matching open event when nothing forbids it (see `compatible`)
and its score (code, actors, date and evidence agreement, see `score`) reaches
LINK_MIN_SCORE; otherwise it starts a new event. Comparing against an event's first
report, not its latest, keeps events from chaining day after day through a long story.
"""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz

from .knowledge import knowledge, root_of
from .records import BLOCK_SEP, EventReport, LinkedEvent, ReportLink

# Days two reports with the event's own date may differ and still be one happening: one
# day absorbs time zones and events that run past midnight.
DAY_SLACK = 1

# Days a report dated only by its publication may follow the event (or another such
# report): news of a happening is mostly published on the day or within the next two or
# three days; longer runs are follow-ups, which are new events.
ANCHOR_SLACK = 3

WINDOW_DAYS = max(DAY_SLACK, ANCHOR_SLACK)

# Open events a report is compared with, newest first. Bounds the work per report when a
# block is very dense (a war covered by hundreds of reports a day) so that linking stays
# O(n log n) whatever the density; 64 is far above the distinct happenings of one dyad and
# one act in a few days in news corpora (at most a handful), so it only bites on floods.
MAX_OPEN = 64

# Weights of the agreements that make the link score (they sum to 1): the act and the
# actors say most about identity, the date and the wording of the evidence less (outlets
# word the same happening differently, and dates of anchored reports are approximate).
W_CODE = 0.3
W_ACTORS = 0.3
W_DATE = 0.2
W_EVIDENCE = 0.2

# Code agreement: the same code, the same root, or roots of one compatibility group.
CODE_SAME = 1.0
CODE_SAME_ROOT = 0.75
CODE_COMPATIBLE = 0.5

# Side agreement: the same actor, or only the same country (a state named for its leader,
# "Moscow" for Putin), or a side nobody identified.
SIDE_SAME = 1.0
SIDE_COUNTRY = 0.6
SIDE_UNKNOWN = 0.3

# Least score for a report to join an event. Reports agreeing on the code and the actors
# at country level on one day score about 0.7 without any shared wording; a code of a
# neighbouring root and days apart needs some shared wording. Calibrated on the cases of
# tests/test_link_events.py (same happening through different outlets linked, distinct
# acts of one dyad in one week kept apart).
LINK_MIN_SCORE = 0.55

# Least evidence similarity (0-1) when a side is unidentified: without actors to compare,
# only near-identical wording says two reports are one happening.
UNKNOWN_SIDE_EVIDENCE = 0.8

UNKNOWN = "?"


class Side(NamedTuple):
    """One side of a report. Named tuples, not dataclasses: a run builds two per report."""

    key: str  # country code, else "id:<actor>", else "?"
    actor: str | None
    person: bool
    country: str | None


class Oriented(NamedTuple):
    """A report seen in its block's order of sides (a = the smaller key)."""

    report: EventReport
    a: Side
    b: Side
    forward: bool  # the report's source is side a
    directed: bool  # the act has a direction (and the sides differ)
    block: tuple[str, str, str]  # (side a key, side b key, root group)


@dataclass(kw_only=True, slots=True)
class Open:
    """An event being assembled during the sweep."""

    first: Oriented
    members: list[tuple[EventReport, float]] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)
    story_codes: dict[str, set[str]] = field(default_factory=dict)
    persons: list[str | None] = field(default_factory=lambda: [None, None])
    reference: dt.date | None = None  # earliest own event date, else the first report's date
    precise: bool = False

    def add(self, o: Oriented, score: float) -> None:
        r = o.report
        self.members.append((r, score))
        self.codes.add(r.cameo)
        self.story_codes.setdefault(story_of(r), set()).add(r.cameo)
        for i, side in enumerate((o.a, o.b)):
            if side.person and self.persons[i] is None:
                self.persons[i] = side.actor
        if r.precise and (not self.precise or (r.date and self.reference and r.date < self.reference)):
            self.reference, self.precise = r.date, True
        elif self.reference is None:
            self.reference = r.date


def story_of(r: EventReport) -> str:
    return r.story or r.doc_id


def side_of(actor: str | None, country: str | None, person: bool) -> Side:
    key = country or (f"id:{actor}" if actor else UNKNOWN)
    return Side(key, actor, person and actor is not None, country)


def orient(r: EventReport) -> Oriented:
    s = side_of(r.source, r.source_country, r.source_person)
    t = side_of(r.target, r.target_country, r.target_person)
    know = knowledge()
    forward = s.key <= t.key
    a, b = (s, t) if forward else (t, s)
    directed = a.key != b.key and not know.symmetric(r.cameo)
    return Oriented(r, a, b, forward, directed, (a.key, b.key, know.group(r.cameo)))


def code_agreement(code: str, others: Iterable[str]) -> float:
    best = 0.0
    for other in others:
        if other == code:
            return CODE_SAME
        if root_of(other) == root_of(code):
            best = max(best, CODE_SAME_ROOT)
        else:
            best = max(best, CODE_COMPATIBLE)
    return best


def days_apart(a: dt.date | None, b: dt.date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)


def date_agreement(o: Oriented, event: Open) -> float | None:
    """1.0 on the same day, less further apart; None when too far apart to be one happening."""
    gap = days_apart(o.report.date, event.reference)
    if gap is None:
        return None
    slack = DAY_SLACK if (o.report.precise and event.precise) else ANCHOR_SLACK
    if gap > slack:
        return None
    return 1.0 - gap / (slack + 1)


def side_agreement(side: Side, first: Side, person: str | None) -> float | None:
    if side.key == UNKNOWN or first.key == UNKNOWN:
        return SIDE_UNKNOWN
    if side.person and person is not None and side.actor != person:
        return None  # two different people did it: two happenings
    if side.actor is not None and side.actor in (first.actor, person):
        return SIDE_SAME
    return SIDE_COUNTRY


def evidence_agreement(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return fuzz.token_set_ratio(a, b) / 100.0


def compatible(o: Oriented, event: Open) -> bool:
    """Hard conditions: what can never be one happening, whatever the score."""
    r = o.report
    codes_here = event.story_codes.get(story_of(r))
    if codes_here is not None and any(root_of(c) != root_of(r.cameo) for c in codes_here):
        # one report (or its copies) naming acts of two kinds reports two happenings; the
        # same kind twice (a call coded 041 in the lead and 043 further down) is one
        return False
    if o.directed and event.first.directed and o.forward != event.first.forward:
        return False
    return True


def score(o: Oriented, event: Open) -> float | None:
    """How well a report fits an open event (0-1), or None when it cannot belong to it."""
    if not compatible(o, event):
        return None
    when = date_agreement(o, event)
    if when is None:
        return None
    sides = [side_agreement(o.a, event.first.a, event.persons[0]), side_agreement(o.b, event.first.b, event.persons[1])]
    if None in sides:
        return None
    words = evidence_agreement(o.report.evidence, event.first.report.evidence)
    if SIDE_UNKNOWN in sides and words < UNKNOWN_SIDE_EVIDENCE:
        return None
    actors = (sides[0] + sides[1]) / 2
    return (W_CODE * code_agreement(o.report.cameo, event.codes) + W_ACTORS * actors
            + W_DATE * when + W_EVIDENCE * words)


UNDATED = 2 * dt.date.max.toordinal() + 2


def date_order(o: Oriented) -> tuple[int, str, str, int]:
    """Within a block: by day (undated last), a report with its own date before anchored ones,
    then earliest published, so the result does not depend on the order reports came in.
    The day is one integer, so most comparisons end at the first element."""
    r = o.report
    day = UNDATED if r.date is None else 2 * r.date.toordinal() + (0 if r.precise else 1)
    return (day, r.published or "\uffff", r.doc_id, r.n)


def sweep(reports: Iterable[EventReport]) -> list[Open]:
    """Group reports into events: bucket by block (linear), sort each block by date, sweep it."""
    blocks: dict[tuple[str, str, str], list[Oriented]] = {}
    for r in reports:
        o = orient(r)
        blocks.setdefault(o.block, []).append(o)
    done: list[Open] = []
    for block in blocks.values():
        block.sort(key=date_order)
        sweep_block(block, done)
    return done


def sweep_block(block: list[Oriented], done: list[Open]) -> None:
    """One block in date order: each report joins the best open event or opens its own."""
    window: deque[Open] = deque()
    for o in block:
        date = o.report.date
        while window and date is not None and window[0].reference is not None \
                and (date - window[0].reference).days > WINDOW_DAYS:
            done.append(window.popleft())
        best, best_score = None, LINK_MIN_SCORE
        if date is not None:
            for k in range(len(window) - 1, max(-1, len(window) - 1 - MAX_OPEN), -1):
                s = score(o, window[k])
                if s is not None and s >= best_score:
                    best, best_score = window[k], s
        if best is None:
            event = Open(first=o)
            event.add(o, 1.0)
            window.append(event)
        else:
            best.add(o, round(best_score, 3))
    done.extend(window)


def first_report_order(r: EventReport) -> tuple:
    return (r.published is None, r.published or "", r.doc_id, r.n)


def link_id_of(r: EventReport) -> str:
    return "ev-" + hashlib.sha256(f"{r.doc_id}#{r.n}".encode()).hexdigest()[:16]


def majority_direction(reports: list[EventReport], first: EventReport) -> bool:
    """The direction most reports give (ties go to the first report).

    Reports of one act word it differently ("X called Y", "Y received a call from X"); the
    linked event follows what most outlets say rather than whichever report came first.
    """
    votes = Counter(orient(r).forward for r in reports)
    if votes[True] == votes[False]:
        return orient(first).forward
    return votes[True] > votes[False]


def finish(event: Open) -> tuple[LinkedEvent, list[ReportLink]]:
    reports = sorted((r for r, _ in event.members), key=first_report_order)
    first = reports[0]
    link_id = link_id_of(first)
    counts = Counter(r.cameo for r in reports)
    top = max(counts.values())
    cameo = first.cameo if counts[first.cameo] == top else min(c for c, n in counts.items() if n == top)
    same_code = [r for r in reports if r.cameo == cameo]
    goldstein = next((r.goldstein for r in same_code if r.goldstein is not None), None)
    plover = next((r.plover for r in same_code if r.plover), None)
    quad = knowledge().quad_class(cameo) or next((r.quad_class for r in same_code if r.quad_class), None)
    precise_dates = [r.date for r in reports if r.precise and r.date]
    any_dates = [r.date for r in reports if r.date]
    date = min(precise_dates) if precise_dates else (min(any_dates) if any_dates else None)
    o = event.first
    forward = majority_direction(reports, first)
    a_actor = event.persons[0] or o.a.actor
    b_actor = event.persons[1] or o.b.actor
    source, target = (a_actor, b_actor) if forward else (b_actor, a_actor)
    s_country, t_country = (o.a.country, o.b.country) if forward else (o.b.country, o.a.country)
    outlets = list(dict.fromkeys(r.outlet for r in reports if r.outlet))
    evidence = first.evidence or next((r.evidence for r in reports if r.evidence), "")
    linked = LinkedEvent(
        link_id=link_id, date=date, precise=bool(precise_dates), cameo=cameo, plover=plover,
        goldstein=goldstein, quad_class=quad, source=source, target=target,
        source_country=s_country, target_country=t_country, evidence=evidence,
        first_doc=first.doc_id, first_n=first.n, first_outlet=first.outlet, first_published=first.published,
        reports=len(reports), documents=len({r.doc_id for r in reports}),
        stories=len({story_of(r) for r in reports}), outlets=tuple(outlets), block=BLOCK_SEP.join(o.block),
    )
    links = [ReportLink(doc_id=r.doc_id, n=r.n, link_id=link_id, score=s) for r, s in event.members]
    return linked, links


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic records.

    Its full passes walk every live object, so with it running the time per report grows
    with the number of reports already held (measured: 100,000 reports took 14x as long as
    10,000 with it, 11x without). Nothing here forms reference cycles, so nothing is lost.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def link_events(reports: Iterable[EventReport]) -> tuple[list[LinkedEvent], list[ReportLink]]:
    """Reports grouped into linked events; every report appears in exactly one.

    Events come block by block, not sorted by date (sorting is left to the store's queries).
    """
    events: list[LinkedEvent] = []
    links: list[ReportLink] = []
    with collector_paused():
        for event in sweep(reports):
            linked, members = finish(event)
            events.append(linked)
            links.extend(members)
    return events, links
