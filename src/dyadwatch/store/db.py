"""DuckDB store of document records.

Writes go in transactions, one per batch of documents: an interrupted ingest keeps every
batch already committed, and a re-run skips documents whose id is stored with the same
pipeline (ids come from content, so re-ingesting the same input changes nothing).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from ..actors.translit import name_key
from ..errors import StoreError, UsageError
from ..output_text import unknown_actor
from .inline import inline
from .schema import LATEST, MIGRATIONS

if TYPE_CHECKING:  # pydantic models load when records are read, not for every query
    from ..models import Document

# The store file every command uses unless given --db.
DEFAULT_DB = "dyadwatch.duckdb"

COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
# An actor code as the CAMEO dictionaries write them: a country and roles (AZEGOV, RUSMILSPY).
ACTOR_CODE = re.compile(r"^[A-Z]{4,}$")

# DuckDB lets one process write a file and no other process open it meanwhile. Opening
# waits this long for a short holder (a reader copying the file, a batch commit) before
# giving up with a message; calibrated on the web server's snapshot copy of a store with
# 100,000 linked events, which holds the file for well under a second.
LOCK_WAIT_SECONDS = 5.0


CUE_CLASSES = ("speech", "belief")


@dataclass(frozen=True, kw_only=True)
class Filters:
    """Query filters shared by every listing command."""

    actor: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    type: str | None = None
    speaker: str | None = None
    predictions: bool = False
    cue_class: str | None = None  # quotations only: "speech" or "belief" (issue 13)
    min_confidence: float | None = None
    limit: int | None = None
    offset: int = 0


def iso_date(value: str | None) -> dt.date | None:
    """The calendar day of an ISO date or datetime string, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def check_date(value: str | None, option: str) -> str | None:
    if value is not None and iso_date(value) is None:
        raise UsageError(f"{option} takes a date as YYYY-MM-DD, got {value!r}")
    return value


# DuckDB database files carry these bytes at offset 8 (after a checksum).
DUCKDB_MAGIC = b"DUCK"
# DuckDB would load (and, by default, download) an extension to open a file of another
# format, such as an SQLite database; a store never needs one at run time.
NO_EXTENSIONS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def check_store_file(path: str) -> None:
    """Refuse a file that is not a DuckDB database before DuckDB opens (or writes) it."""
    p = Path(path)
    if not p.exists() or (p.is_file() and p.stat().st_size == 0):
        return
    if not p.is_file():
        raise StoreError(f"{path} is not a file: give --db the name of a store file")
    try:
        with p.open("rb") as fh:
            head = fh.read(16)
    except OSError as e:
        raise StoreError(f"cannot read the store {path} ({e.strerror or e}): check its permissions, "
                         "or give --db another file") from None
    if head[8:12] != DUCKDB_MAGIC:
        kind = "an SQLite database" if head.startswith(b"SQLite format 3") else "not a DuckDB database"
        raise StoreError(f"{path} is {kind}, not a dyadwatch store: nothing was written; give --db a new file name")


def connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open a store file, waiting up to LOCK_WAIT_SECONDS while another process holds its lock."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    pause = 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=NO_EXTENSIONS)
        except duckdb.Error as e:
            text = str(e)
            if "lock" not in text.lower():
                raise StoreError(f"cannot open the store {path} ({text}): the file is damaged or unreadable; "
                                 "restore it from a copy, or give --db a new file and ingest again") from e
            if time.monotonic() >= deadline:
                raise StoreError(f"cannot open the store {path}: another process holds its lock ({text}); "
                                 "wait for it to finish, or use another --db") from e
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def is_dyadwatch_store(con: duckdb.DuckDBPyConnection) -> bool:
    """A new (empty) database, or one holding a dyadwatch schema version."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not tables or tables == {"meta"}:  # new, or stopped before its first migration
        return True
    if "meta" not in tables:
        return False
    return con.execute("SELECT count(*) FROM meta WHERE key = 'schema_version'").fetchone()[0] > 0


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, migrate: bool = True):
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}: ingest something first (`dyadwatch ingest FILES --db {self.path}`)")
        check_store_file(self.path)
        self.con = connect(self.path, read_only)
        self.read_only = read_only
        # DuckDB draws a progress bar on stdout for long queries, which would corrupt JSON output
        self.con.execute("SET enable_progress_bar = false")
        if not read_only and not is_dyadwatch_store(self.con):
            self.con.close()
            raise StoreError(f"{self.path} is a DuckDB database but not a dyadwatch store (it has tables of its own and "
                             "no dyadwatch schema version): nothing was written; give --db a new file name")
        if self.version() > LATEST:
            found = self.version()
            self.con.close()
            raise StoreError(f"{self.path} has schema version {found}, newer than this dyadwatch ({LATEST}): "
                             "upgrade dyadwatch to read it")
        if not read_only:
            self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            if migrate:
                self.migrate()
        elif self.version() < LATEST:
            raise StoreError(f"{self.path} has schema version {self.version()}, this dyadwatch needs {LATEST}: run `dyadwatch db migrate --db {self.path}`")

    @classmethod
    def over(cls, con: duckdb.DuckDBPyConnection, path: str) -> Store:
        """A read-only Store over an open connection or cursor (a server's per-request cursor)."""
        store = cls.__new__(cls)
        store.path, store.con, store.read_only = path, con, True
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------
    def version(self) -> int:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
        if not has_meta:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction on the store's connection: committed when the block ends, rolled
        back (and the error raised again) when it raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction; returns the versions applied."""
        applied = []
        current = self.version()
        if current > LATEST:
            raise StoreError(f"{self.path} has schema version {current}, newer than this dyadwatch ({LATEST}): upgrade dyadwatch")
        for version, _what, statements in MIGRATIONS:
            if version <= current:
                continue
            try:
                with self.transaction() as con:
                    for sql in statements:
                        con.execute(sql)
                    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
            except duckdb.Error as e:
                raise StoreError(f"migration {version} failed on {self.path}: {e}") from e
            applied.append(version)
        return applied

    # -- writing ----------------------------------------------------------------------
    def known(self, ids: Iterable[str], pipeline: str) -> set[str]:
        """Which of these document ids are stored already, produced by this pipeline."""
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT id FROM documents WHERE pipeline = ? AND id IN (SELECT unnest(?))", [pipeline, ids]
        ).fetchall()
        return {r[0] for r in rows}

    def write(self, docs: list[Document], pipeline: str) -> int:
        """Store these records in one transaction, replacing earlier versions of the same ids."""
        if not docs:
            return 0
        with self.transaction() as con:
            ids = [d.id for d in docs]
            for table in ("actors", "quotes", "times", "events"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [ids])
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            con.executemany(
                "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    [d.id, d.source.path, d.source.url, d.outlet, d.title, d.published, iso_date(d.published),
                     d.language, d.authors, d.text, pipeline, d.to_json(), now]
                    for d in docs
                ],
            )
            self._insert("actors", [row for d in docs for row in actor_rows(d)])
            self._insert("quotes", [row for d in docs for row in quote_rows(d)])
            self._insert("times", [row for d in docs for row in time_rows(d)])
            self._insert("events", [row for d in docs for row in event_rows(d)])
        return len(docs)

    def _insert(self, table: str, rows: list[list[Any]]) -> None:
        if rows:
            marks = ",".join("?" * len(rows[0]))
            self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    # -- reading ----------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "actors", "quotes", "times", "events")}

    def count_documents(self) -> int:
        return self.con.execute("SELECT count(*) FROM documents").fetchone()[0] if self.version() else 0

    def documents(self) -> Iterator[Document]:
        from ..models import Document

        for (record,) in self.con.execute("SELECT record FROM documents ORDER BY pub_date NULLS LAST, id").fetchall():
            yield Document.model_validate_json(record)

    def document(self, doc_id: str) -> Document | None:
        from ..models import Document

        # a whole id is a primary-key look-up; the prefix forms below scan every id
        row = self.con.execute("SELECT record FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            # a table shows the first hex digits of an id without its "sha256:"; both forms are taken
            row = self.con.execute("SELECT record FROM documents WHERE id LIKE ? OR id LIKE ? ORDER BY id LIMIT 1",
                                   [doc_id + "%", "sha256:" + doc_id + "%"]).fetchone()
        return Document.model_validate_json(row[0]) if row else None

    def execute(self, sql: str, params: Any = None) -> duckdb.DuckDBPyConnection:
        """Run a query with its parameters written in as literals (`store.inline`: binding
        them would load numpy and pandas), or bound when some value has no literal form."""
        text = inline(sql, params)
        return self.con.execute(text) if text is not None else self.con.execute(sql, params)

    def fetch(self, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
        return self.execute(sql, params).fetchall()

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def frame(self, sql: str, params: list[Any] | None = None):
        """A pandas DataFrame of a query (for the Python API)."""
        return self.con.execute(sql, params or []).df()

    def listing(self, kind: str, f: Filters) -> tuple[str, list[Any]]:
        """SQL and parameters of a listing (articles, actors, quotes, events) under filters;
        an actor that matches nothing is a UsageError with suggestions."""
        if kind not in LISTINGS:
            raise StoreError(f"no listing {kind!r}; listings: {', '.join(LISTINGS)}")
        ids = self.check_actor(f.speaker or f.actor or "") if f.actor or f.speaker else None
        if kind == "events":
            return self._events_sql(f, ids)
        return getattr(self, f"_{kind}_sql")(f)

    def check_actor(self, actor: str) -> list[str]:
        """The actor ids `actor` stands for (by id, name, alias, actor or country code; none
        when it is only another spelling of a quoted speaker or a country of events); a
        UsageError naming the closest known actors when it matches nothing."""
        cond, params = actor_condition(actor, "a")
        found = []
        narrow = self._identity_candidates(actor)
        if narrow:
            found = self.fetch(f"SELECT DISTINCT a.actor_id FROM actors a WHERE a.actor_id IN ({marks(narrow)}) "
                               f"AND {cond} ORDER BY 1", narrow + params)
        if not found:
            found = self.fetch(f"SELECT DISTINCT a.actor_id FROM actors a WHERE {cond} ORDER BY 1", params)
        if found:
            return self._same_identity([i for (i,) in found if i is not None])
        if self._spellings(actor):
            return []  # another spelling of a stored name ("Gasimzadeh" for "Gasimzade")
        if COUNTRY_CODE.match(actor) and self.fetch(
                "SELECT count(*) FROM events WHERE source_country = ? OR target_country = ?", [actor, actor])[0][0]:
            return []
        names = [r[0] for r in self.con.execute(
            "SELECT DISTINCT x FROM (SELECT actor_id AS x FROM actors UNION ALL SELECT name FROM actors "
            "UNION ALL SELECT code FROM actors) WHERE x IS NOT NULL").fetchall()]
        raise unknown_actor(actor, names)

    def articles(self, f: Filters) -> list[dict[str, Any]]:
        return self.query(*self.listing("articles", f))

    def actors(self, f: Filters) -> list[dict[str, Any]]:
        return self.query(*self.listing("actors", f))

    def quotes(self, f: Filters) -> list[dict[str, Any]]:
        return self.query(*self.listing("quotes", f))

    def events(self, f: Filters) -> list[dict[str, Any]]:
        return self.query(*self.listing("events", f))

    def _articles_sql(self, f: Filters) -> tuple[str, list[Any]]:
        where, params = date_outlet_where(f, "d")
        if f.actor:
            cond, p = actor_condition(f.actor, "a")
            where.append(f"d.id IN (SELECT a.doc_id FROM actors a WHERE {cond})")
            params += p
        sql = ("SELECT d.id, d.published, d.outlet, d.title, d.language, len(d.text) AS chars, "
               "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events, "
               "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes, "
               f"coalesce(d.url, d.path) AS url FROM documents d {clause(where)} "
               f"ORDER BY d.pub_date NULLS LAST, d.id {limit(f)}")
        return sql, params

    def _actors_sql(self, f: Filters) -> tuple[str, list[Any]]:
        where, params = date_outlet_where(f, "d")
        if f.actor:
            cond, p = actor_condition(f.actor, "a")
            where.append(cond)
            params += p
        if f.type:
            where.append("a.type = ?")
            params.append(f.type.upper())
        sql = ("SELECT a.actor_id AS id, any_value(a.name) AS name, any_value(a.type) AS type, "
               "any_value(a.country) AS country, any_value(a.code) AS code, any_value(a.sector) AS sector, "
               "count(DISTINCT a.doc_id) AS documents, sum(a.mentions) AS mentions "
               "FROM actors a JOIN documents d ON d.id = a.doc_id "
               f"{clause(where)} GROUP BY a.actor_id ORDER BY documents DESC, mentions DESC, id {limit(f)}")
        return sql, params

    def _quotes_sql(self, f: Filters) -> tuple[str, list[Any]]:
        where, params = date_outlet_where(f, "d")
        if f.actor or f.speaker:
            who = f.speaker or f.actor or ""
            cond, p = actor_condition(who, "a")
            spellings = self._spellings(who)
            where.append(f"(q.speaker_id IN (SELECT a.actor_id FROM actors a WHERE {cond} OR list_has_any(a.aliases, ?)) "
                         "OR q.speaker_name ILIKE ? OR list_contains(?, q.speaker_name))")
            params += p + [spellings, f"%{who}%", spellings]
        if f.type:
            where.append("q.kind = ?")
            params.append(f.type.lower())
        if f.predictions:
            where.append("q.prediction")
        # The cue class lives in the stored record (no column of its own); records written
        # before it existed report speech.
        cue_class = "coalesce(json_extract_string(d.record, '$.quotes[' || q.n || '].cue_class'), 'speech')"
        if f.cue_class:
            if f.cue_class not in CUE_CLASSES:
                raise UsageError(f"--cue-class must be one of {', '.join(CUE_CLASSES)}, not {f.cue_class!r}")
            where.append(f"{cue_class} = ?")
            params.append(f.cue_class)
        sql = (f"SELECT d.published, d.outlet, q.kind, q.speaker_name AS speaker, q.description, q.cue, {cue_class} AS cue_class, "
               "q.prediction, q.text, d.title, coalesce(d.url, d.path) AS url, q.doc_id, q.start_char, q.end_char "
               "FROM quotes q JOIN documents d ON d.id = q.doc_id "
               f"{clause(where)} ORDER BY d.pub_date NULLS LAST, q.doc_id, q.n {limit(f)}")
        return sql, params

    def _identity_candidates(self, actor: str) -> list[str]:
        """The actor ids of the identities that carry `actor` as an id or a name variant, when
        the stored links are current: a superset of the ids a name matches, found in the
        small identities table so that the name test reads only their rows of actors (at a
        million reports it tests 2 million alias lists otherwise). Empty when it cannot help
        (links out of date, a code, a name with LIKE wildcards)."""
        from .links import fingerprint, last_fingerprint

        if COUNTRY_CODE.match(actor) or ACTOR_CODE.match(actor) or "%" in actor or "_" in actor:
            return []
        if last_fingerprint(self) != fingerprint(self):
            return []
        return [i for (i,) in self.fetch(
            "SELECT DISTINCT unnest(actor_ids) FROM identities WHERE list_contains(actor_ids, ?) "
            "OR list_contains(list_transform(variants, v -> lower(v)), lower(?))", [actor, actor]) if i is not None]

    def _same_identity(self, ids: list[str]) -> list[str]:
        """`ids` and the other per-document ids of their identities, when the stored links are
        current: `--actor rauf-gasimzade` also finds the article that spelt him Gasimzadeh,
        and an id written by an earlier version (a store of phonetic ids) finds the reports
        that later ingests gave the readable id, as the timeline does."""
        from .links import fingerprint, last_fingerprint

        if not ids or last_fingerprint(self) != fingerprint(self):
            return ids
        more = self.fetch(f"SELECT DISTINCT unnest(actor_ids) FROM identities WHERE list_has_any(actor_ids, [{marks(ids)}])",
                          ids)
        return sorted(set(ids) | {i for (i,) in more if i is not None})

    def _spellings(self, who: str) -> list[str]:
        """Speaker names and actor aliases in the store that spell `who` another way: their
        transliteration keys end in its key ("Gasimzadeh" finds "Ilgar Gasimzade")."""
        want = name_key(who).split()
        if not want:
            return []
        names = self.con.execute(
            "SELECT DISTINCT speaker_name FROM quotes WHERE speaker_name IS NOT NULL "
            "UNION SELECT DISTINCT unnest(aliases) FROM actors").fetchall()
        return sorted(n for (n,) in names if n and name_key(n).split()[-len(want):] == want)

    def _events_sql(self, f: Filters, ids: list[str] | None = None) -> tuple[str, list[Any]]:
        where, params = event_where(f, ids)
        sql = ("SELECT coalesce(e.date, d.published) AS date, e.source_code AS source, e.target_code AS target, "
               "e.cameo, e.plover, e.goldstein, e.confidence, e.quad_class, e.modality, d.outlet, d.title, d.published, "
               "coalesce(d.url, d.path) AS url, e.evidence, e.source_name, e.target_name, e.source_country, "
               "e.target_country, e.location_name AS location, e.doc_id, e.n FROM events e JOIN documents d ON d.id = e.doc_id "
               f"{clause(where)} ORDER BY coalesce(e.event_date, d.pub_date) NULLS LAST, e.doc_id, e.n {limit(f)}")
        return sql, params


LISTINGS = ("articles", "actors", "quotes", "events")


def event_where(f: Filters, ids: list[str] | None = None) -> tuple[list[str], list[Any]]:
    """Conditions on the events table `e` joined with its document `d` for these filters;
    `ids`: the actor ids `f.actor` was resolved to (`Store.check_actor`), else resolved here
    in a subquery."""
    where: list[str] = []
    params: list[Any] = []
    if f.since:
        where.append("coalesce(e.event_date, d.pub_date) >= ?")
        params.append(iso_date(check_date(f.since, "--since")))
    if f.until:
        where.append("coalesce(e.event_date, d.pub_date) <= ?")
        params.append(iso_date(check_date(f.until, "--until")))
    if f.outlet:
        where.append("d.outlet ILIKE ?")
        params.append(f"%{f.outlet}%")
    if f.actor:
        cond, p = actor_event_condition(f.actor, ids)
        where.append(cond)
        params += p
    if f.type:
        where.append("(e.cameo LIKE ? OR upper(e.plover) = ?)")
        params += [f.type + "%", f.type.upper()]
    if f.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(f.min_confidence)
    return where, params


def actor_event_condition(actor: str, ids: list[str] | None) -> tuple[str, list[Any]]:
    """Events with `actor` on either side: by the actor ids it was resolved to (`ids`, as a
    constant list compared in the scan of events), else by a subquery on actors; or by its
    country or actor code."""
    code = actor.upper()
    if ids is None:
        cond, p = actor_condition(actor, "a")
        among, p = f"IN (SELECT a.actor_id FROM actors a WHERE {cond})", p + p
    else:
        among, p = (f"IN ({marks(ids)})" if ids else "IN (NULL)"), ids + ids
    return (f"(e.source_id {among} OR e.target_id {among} OR e.source_country = ? "
            "OR e.target_country = ? OR e.source_code = ? OR e.target_code = ?)", p + [code, code, code, code])


def marks(values: list[Any]) -> str:
    return ",".join("?" * len(values))


def clause(where: list[str]) -> str:
    return ("WHERE " + " AND ".join(where)) if where else ""


def limit(f: Filters) -> str:
    offset = f" OFFSET {int(f.offset)}" if f.offset else ""
    return f"LIMIT {int(f.limit)}{offset}" if f.limit else offset.strip()


def date_outlet_where(f: Filters, d: str) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.since:
        where.append(f"{d}.pub_date >= ?")
        params.append(iso_date(check_date(f.since, "--since")))
    if f.until:
        where.append(f"{d}.pub_date <= ?")
        params.append(iso_date(check_date(f.until, "--until")))
    if f.outlet:
        where.append(f"{d}.outlet ILIKE ?")
        params.append(f"%{f.outlet}%")
    return where, params


def actor_condition(actor: str, a: str) -> tuple[str, list[Any]]:
    """Match an actor by id, by any name it was mentioned by, or by a country code."""
    if COUNTRY_CODE.match(actor):
        return f"({a}.country = ? OR {a}.actor_id = ?)", [actor, actor.lower()]
    if ACTOR_CODE.match(actor):
        return f"({a}.code = ? OR {a}.actor_id = ?)", [actor, actor.lower()]
    return (f"({a}.actor_id = ? OR {a}.name ILIKE ? OR list_contains(list_transform({a}.aliases, x -> lower(x)), lower(?)))",
            [actor, actor, actor])


def actor_rows(d: Document) -> list[list[Any]]:
    return [[d.id, a.id, a.name, a.type, a.country, a.sector, a.code, a.roles,
             sorted({m.text for m in a.mentions} | {a.name}), len(a.mentions)] for a in d.actors]


def quote_rows(d: Document) -> list[list[Any]]:
    return [[d.id, n, q.kind, q.text, q.start, q.end, q.speaker.actor_id if q.speaker else None,
             q.speaker.name if q.speaker else None, q.speaker.description if q.speaker else None, q.cue, q.prediction]
            for n, q in enumerate(d.quotes)]


def time_rows(d: Document) -> list[list[Any]]:
    return [[d.id, n, t.text, t.start, t.end, t.value, t.type] for n, t in enumerate(d.times)]


def event_rows(d: Document) -> list[list[Any]]:
    rows = []
    for n, e in enumerate(d.events):
        s, t, loc = e.source, e.target, e.location
        rows.append([
            d.id, n,
            s.actor_id if s else None, s.code if s else None, s.country if s else None, s.name if s else None,
            t.actor_id if t else None, t.code if t else None, t.country if t else None, t.name if t else None,
            e.cameo, e.plover, e.plover_mode, e.goldstein, e.quad_class,
            e.date, iso_date(e.date), e.date_precision,
            loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
            e.evidence.start, e.evidence.end, e.evidence.text, e.modality, e.rule, e.confidence,
        ])
    return rows


def dumps_row(row: dict[str, Any]) -> str:
    return json.dumps(row, default=str, ensure_ascii=False)
