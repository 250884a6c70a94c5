"""What the server reads: a refreshed copy of the store and its link tables, cached per copy.

Every request opens a cursor on the newest copy (`Reader.store`); the link tables (linked
events, identities, report links) are read once per copy and kept as data frames, so a
page does its filtering in memory instead of reading 100,000 rows again.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd

from ..link import aggregate
from ..link.api import link_tables
from ..store import Store
from ..store.links import event_confidences
from ..store.snapshot import Freshness, Snapshots

T = TypeVar("T")
# Answers kept per copy of the store (overviews, dyad series): the most recently used ones.
MEMO_ENTRIES = 256


class Memo:
    """Answers that depend on one copy of the store alone, the least recently used dropped first."""

    def __init__(self, size: int = MEMO_ENTRIES):
        self.size = size
        self._answers: OrderedDict[object, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: object, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]  # type: ignore[return-value]
        value = compute()  # outside the lock: two requests may compute the same answer once each
        with self._lock:
            self._answers[key] = value
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._answers)


@dataclass(frozen=True, kw_only=True)
class Links:
    """The link tables of one copy of the store."""

    generation: int
    linked: pd.DataFrame  # linked_events with `day` (Timestamp), `source` and `target` labels
    identities: pd.DataFrame
    event_links: pd.DataFrame
    actor_identities: pd.DataFrame
    names: dict[str, str]
    stale: bool  # computed in memory because the stored links were older than the documents
    positions: dict[str, int]  # row of each link_id in `linked`
    memo: Memo = field(default_factory=Memo)  # answers that depend on this copy alone

    def events_between(self, first: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
        """The dated linked events from `first` up to (not including) `end`: rows are in date
        order, so this is a slice, not a scan."""
        days = self.linked["day"].to_numpy()[:self.dated]
        lo, hi = days.searchsorted(first.to_datetime64()), days.searchsorted(end.to_datetime64())
        return self.linked.iloc[lo:hi]

    @property
    def dated(self) -> int:
        return int(self.linked["day"].notna().sum())

    def linked_event(self, link_id: str) -> pd.DataFrame:
        at = self.positions.get(link_id)
        return self.linked.iloc[0:0] if at is None else self.linked.iloc[at:at + 1]

    def reports_of(self, link_id: str) -> pd.DataFrame:
        """(doc_id, n, link_id, score) of the linked event's reports (event_links is sorted by link_id)."""
        ids = self.event_links["link_id"].to_numpy()
        lo, hi = ids.searchsorted(link_id, side="left"), ids.searchsorted(link_id, side="right")
        return self.event_links.iloc[lo:hi]


def prepare(tables: dict[str, pd.DataFrame], confidences: pd.DataFrame, generation: int, stale: bool) -> Links:
    """The tables with what every page needs computed once: dates, side names, and each linked
    event's confidence (its best-evidenced report's, as `dyadwatch.link.api` counts it)."""
    identities = tables["identities"]
    names = aggregate.names_of(identities)
    best = (tables["event_links"].merge(confidences, on=["doc_id", "n"], how="left")
            .groupby("link_id")["confidence"].max())
    linked = tables["linked_events"]
    linked = linked.assign(
        confidence=linked["link_id"].map(best).astype(float),
        day=pd.to_datetime(linked["event_date"]),
        source=aggregate.side_label(linked["source_id"], linked["source_country"], names),
        target=aggregate.side_label(linked["target_id"], linked["target_country"], names),
    ).sort_values(["day", "link_id"], na_position="last", kind="stable").reset_index(drop=True)
    # plain Python strings for the columns pages walk row by row (iterating Arrow-backed
    # strings costs about ten times more on 100,000 rows)
    for col in ("link_id", "source_id", "target_id", "source_country", "target_country", "source", "target"):
        linked[col] = linked[col].astype(object)
    event_links = tables["event_links"].sort_values(["link_id", "doc_id", "n"], kind="stable").reset_index(drop=True)
    event_links["link_id"] = event_links["link_id"].astype(object)
    return Links(generation=generation, linked=linked, identities=identities.reset_index(drop=True),
                 event_links=event_links, actor_identities=tables["actor_identities"], names=names,
                 stale=stale, positions={k: i for i, k in enumerate(linked["link_id"])})


class Reader:
    """One store, read by many requests while other processes may write it."""

    def __init__(self, db: str | Path, *, folder: str | Path | None = None):
        self.db = str(db)
        self.snapshots = Snapshots(db, folder=folder)
        self._links: Links | None = None
        self._lock = threading.Lock()

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = self.snapshots.store()
        try:
            yield store
        finally:
            store.close()

    def links(self) -> Links:
        generation = self.snapshots.current().generation
        cached = self._links
        if cached is not None and cached.generation == generation:
            return cached
        with self._lock:
            if self._links is None or self._links.generation != generation:
                with self.store() as store:
                    tables, stale = link_tables(store)
                    confidences = event_confidences(store)
                self._links = prepare(tables, confidences, generation, stale)
            return self._links

    def freshness(self) -> Freshness:
        return self.snapshots.freshness()

    def close(self) -> None:
        self.snapshots.close()
