"""Timelines and dyad series of a store's linked events, answered by the database.

The stored link tables answer when they are current; when documents were added since the
last `relink`, the links are computed in memory, registered on the store's connection and
the same SQL answers (the `stale` callback says so). Importing this module loads neither
pandas nor the linking code: the command line answers a question about one actor of a
million linked events in a fraction of a second, and the Python API (`link.api.timeline`,
`link.api.dyad`) returns the same answers as data frames.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..store import DEFAULT_DB, Store, answers
from ..store import links as sql
from .match import PERIODS, ActorMatch, parse_day, resolve_actor


@contextmanager
def opened(db: str | Path | Store, *, write: bool = False) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    if not write and not Path(db).exists():
        raise UsageError(f"no store at {db}: ingest documents first (`dyadwatch ingest FILES --db {db}`)")
    with Store(db, read_only=not write) as store:
        yield store


def is_current(store: Store) -> bool:
    return sql.last_fingerprint(store) == sql.fingerprint(store)


def note_stale(store: Store, stale: Callable[[str], None] | None) -> None:
    if stale is not None:
        stale(f"links of {store.path} are out of date; linked in memory (run `dyadwatch link --db {store.path}` to store them)")


@contextmanager
def link_sources(store: Store, stale: Callable[[str], None] | None) -> Iterator[answers.Sources]:
    """Where the link tables are read from: the stored ones when current, else ones
    computed in memory for the duration of the block."""
    if is_current(store):
        yield answers.STORED
        return
    note_stale(store, stale)
    from .api import computed_rows  # the linking code, needed only here

    rows = computed_rows(store, ("linked_events", "identities", "event_links"))
    with answers.registered(store, {name: sql.arrow_rows(r, name) for name, r in rows.items()}) as sources:
        yield sources


def side(match: ActorMatch | None) -> answers.Side | None:
    if match is None:
        return None
    return answers.Side(ids=tuple(sorted(match.ids)), countries=tuple(sorted(match.countries)))


def day(value: str | None, option: str):
    return parse_day(value, option) if value else None


def timeline(db: str | Path | Store = DEFAULT_DB, *, actor: str | None = None, since: str | None = None,
             until: str | None = None, stale: Callable[[str], None] | None = None,
             min_confidence: float | None = None, limit: int | None = None, as_frame: bool = True) -> Any:
    """Linked events by date (one row per happening), optionally of one actor, a date range and
    a least confidence (a happening is as certain as its best-evidenced report), at most
    `limit` of them.

    Columns: date, source, target (names), cameo, plover, quad_class, goldstein, reports,
    stories, outlets (every outlet that reported it), evidence, first_outlet,
    first_published, source_id, target_id, source_country, target_country, precise (the
    date is the event's own day), link_id, first_doc, url and title (the first report's
    article). `actor` takes an id, a name, an actor code (AZEGOV) or a country code (AZE).
    A pandas DataFrame, or rows (dicts) with `as_frame=False`.
    """
    since_day, until_day = day(since, "--since"), day(until, "--until")
    with opened(db) as store, link_sources(store, stale) as sources:
        match = resolve_actor(answers.identity_rows(store, sources), actor) if actor else None
        return answers.timeline(store, actor=side(match), since=since_day, until=until_day,
                                min_confidence=min_confidence, limit=limit, sources=sources, frame=as_frame)


def dyad(db: str | Path | Store, a: str, b: str, *, by: str = "week", since: str | None = None,
         until: str | None = None, fill: bool = False, stale: Callable[[str], None] | None = None,
         min_confidence: float | None = None, as_frame: bool = True) -> Any:
    """Both directions between A and B per period: counts by quad class, Goldstein sums and means
    (periods with events only, or every period from first to last with `fill`). A pandas
    DataFrame, or rows (dicts) with `as_frame=False`."""
    if by not in PERIODS:
        raise UsageError(f"--by takes one of {', '.join(PERIODS)}, got {by!r}")
    since_day, until_day = day(since, "--since"), day(until, "--until")
    with opened(db) as store, link_sources(store, stale) as sources:
        identities = answers.identity_rows(store, sources)
        first, second = resolve_actor(identities, a), resolve_actor(identities, b)
        rows = answers.dyad(store, side(first), side(second), forward=f"{first.label}->{second.label}",
                            backward=f"{second.label}->{first.label}", by=by, since=since_day, until=until_day,
                            fill=fill, min_confidence=min_confidence, sources=sources)
    return dyad_frame(rows) if as_frame else rows


def dyad_frame(rows: list[dict[str, Any]]) -> Any:
    """Rows of a dyad series as a pandas DataFrame (the columns kept when there are none)."""
    import pandas as pd

    return pd.DataFrame(rows, columns=list(answers.DYAD_COLUMNS))
