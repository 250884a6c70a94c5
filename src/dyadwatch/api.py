"""The Python API. Every CLI verb is a thin wrapper around one function here."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .store import DEFAULT_DB, Filters, Store

if TYPE_CHECKING:  # the pipeline, its models and the runner load when documents are processed
    from .models import Document
    from .pipeline import Pipeline
    from .runner import Report


__all__ = ["DEFAULT_DB", "actors", "articles", "batch", "dyad", "events", "export", "extract", "ingest", "load", "migrate",
           "query",
           "network", "quotes", "relink", "stage_table", "timeline"]


def make_pipeline(stages: Iterable[str] | None = None, batch_size: int = 32) -> Pipeline:
    from .pipeline import Pipeline, build

    return Pipeline(stages=build(stages), batch_size=batch_size)


def extract(
    inputs: Iterable[str],
    *,
    stages: Iterable[str] | None = None,
    input_format: str | None = None,
    allow_private: bool = False,
    offline: bool = False,
    report: Report | None = None,
    on_progress: Callable[[int], None] | None = None,
    workers: int = 1,
    batch_size: int = 32,
) -> Iterator[Document]:
    """Document records for the given files, directories, globs, URLs, feeds, WARC files or `-`,
    in input order (also with `workers` processes). Feed items that carry their article's text
    are read from the feed; `offline` fetches nothing (URLs and the other feed items are
    counted skips)."""
    from .runner import Report, process

    return process(inputs, pipeline=make_pipeline(stages, batch_size=batch_size), report=report or Report(),
                   input_format=input_format, allow_private=allow_private, offline=offline, on_progress=on_progress,
                   workers=workers)


def ingest(
    inputs: Iterable[str],
    *,
    db: str | Path = DEFAULT_DB,
    stages: Iterable[str] | None = None,
    input_format: str | None = None,
    batch_size: int = 16,
    allow_private: bool = False,
    offline: bool = False,
    link: bool = True,
    report: Report | None = None,
    on_progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> Report:
    """Process inputs into the store, one transaction per batch; already stored ids are skipped.

    With `workers` above one, the stages run in that many processes and this process alone
    writes. `offline` fetches nothing, as in `extract`. With `link` (the default),
    cross-document links (duplicates, identities, linked events) are brought up to date when
    anything new was written, so timelines and dyads are current.
    """
    from .readers import any_input_exists
    from .runner import Report, process

    inputs = list(inputs)
    if not any_input_exists(inputs):
        # a mistyped path must not leave an empty store behind that later commands would read
        raise UsageError(f"no input found: {', '.join(inputs) or '(none given)'} (no such file, folder, "
                         "pattern match or URL); nothing was written")
    report = report or Report()
    pipeline = make_pipeline(stages, batch_size=batch_size)
    key = ",".join(pipeline.keys)
    with Store(db) as store:
        pending: list[Document] = []
        docs = process(inputs, pipeline=pipeline, report=report, input_format=input_format,
                       allow_private=allow_private, offline=offline, skip_ids=lambda ids: store.known(ids, key),
                       on_progress=on_progress,
                       workers=workers)
        for doc in docs:
            pending.append(doc)
            if len(pending) >= batch_size:
                report.written += store.write(pending, key)
                pending = []
        report.written += store.write(pending, key)
        if link:
            from .link.api import is_current, relink

            # Links are redone when this run wrote something, and also when an earlier run
            # was stopped between writing its documents and linking them.
            if report.written or (store.count_documents() and not is_current(store)):
                relink(store)
    return report


def batch(
    inputs: Iterable[str],
    out_dir: str | Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    stages: Iterable[str] | None = None,
    input_format: str | None = None,
    allow_private: bool = False,
    partition_size: int | None = None,
    on_shard: Callable[[Path], None] | None = None,
    offline: bool = False,
):
    """Run the pipeline on a Dask cluster (the scheduler at `scheduler`, else a local cluster
    of `workers` processes), one Parquet shard per partition under `out_dir`; shards already
    there are skipped; `offline` fetches nothing, as in `extract`. Returns a
    `cluster.BatchReport`."""
    from . import cluster
    from .workers import default_workers

    client, local = cluster.connect(scheduler, workers or default_workers())
    try:
        return cluster.run_batch(inputs, out_dir, client=client, stages=stages, input_format=input_format,
                                 allow_private=allow_private, partition_size=partition_size or cluster.PARTITION_SIZE,
                                 on_shard=on_shard, offline=offline)
    finally:
        client.close()
        if local is not None:
            local.close()


def load(shards: Iterable[str | Path], *, db: str | Path = DEFAULT_DB, link: bool = True,
         report: Report | None = None) -> Report:
    """Bring Parquet shards of document records (from `batch`) into the store; documents
    already stored by the same pipeline are skipped, so loading twice changes nothing."""
    from .runner import Report
    from .shards import read_shard, shard_files

    report = report or Report()
    with Store(db) as store:
        for path in shard_files(shards):
            key, docs, skips = read_shard(path)
            for reason, message in skips:
                report.skip(reason, message)
            known = store.known([d.id for d in docs], key)
            fresh = [d for d in docs if d.id not in known]
            report.unchanged += len(docs) - len(fresh)
            report.written += store.write(fresh, key)
        if link and report.written:
            from .link.api import relink

            relink(store)
    return report


def _listing(kind: str, db: str | Path, filters: dict[str, Any]):
    """A listing as a pandas DataFrame, or with `as_frame=False` as rows (dicts of plain
    Python values; the command line prints these without loading pandas)."""
    as_frame = filters.pop("as_frame", True)
    with Store(db, read_only=True) as store:
        sql, params = store.listing(kind, Filters(**filters))
        return store.frame(sql, params) if as_frame else store.query(sql, params)


def articles(db: str | Path = DEFAULT_DB, **filters: Any):
    """Stored articles as a pandas DataFrame, one row each, oldest first.

    Columns: id (content hash), published, outlet, title, language, chars, events, quotes,
    url (the page's address, or the file it was read from). Filters (keywords): actor (id,
    name, actor code such as AZEGOV or country code such as AZE), since, until (YYYY-MM-DD,
    on the publication date), outlet (substring), limit. An actor that matches nothing
    raises UsageError with suggestions.
    """
    return _listing("articles", db, filters)


def actors(db: str | Path = DEFAULT_DB, **filters: Any):
    """Stored actors as a pandas DataFrame, most present first.

    Columns: id (a slug of the name), name, type (PERSON, COUNTRY, ORG, LOCATION, GROUP),
    country, code (CAMEO actor code), sector, documents, mentions. Filters: actor, type,
    since, until, outlet, limit.
    """
    return _listing("actors", db, filters)


def quotes(db: str | Path = DEFAULT_DB, **filters: Any):
    """Stored quotations as a pandas DataFrame, in order of publication.

    Columns: published, outlet, kind (direct, indirect), speaker, description, cue,
    cue_class (speech, belief), prediction, text, title, url, doc_id, start_char, end_char
    (offsets into the article's text). Filters: actor or speaker (any spelling), type (the
    kind), predictions=True, cue_class, since, until, outlet, limit.
    """
    return _listing("quotes", db, filters)


def events(db: str | Path = DEFAULT_DB, **filters: Any):
    """Stored events as a pandas DataFrame, one row per report, by date.

    Columns: date (the event's own date, else the publication's), source, target (CAMEO
    actor codes), cameo, plover, goldstein, quad_class, modality, and the report's
    provenance: outlet, title, published, url (address or file); then evidence (the
    sentence), source_name, target_name, source_country, target_country, location, doc_id, n.
    Filters: actor, type (a CAMEO code prefix or a PLOVER type), since, until, outlet, limit.
    Every listing takes `as_frame=False` for rows (dicts) instead of a DataFrame.
    `timeline` gives linked events (one row per happening, all its reports).
    """
    return _listing("events", db, filters)


def export(db: str | Path, out: str | Path, fmt: str = "jsonl", table: str = "events", *,
           min_confidence: float | None = None) -> int:
    """Write the stored records: jsonl (document records), csv or parquet (one table: events,
    articles or quotes), gdelt (the GDELT 2.0 event table) or plover (POLECAT-style records)
    of linked events, tab-separated with a header, or Parquet when `out` ends in .parquet;
    with `min_confidence`, only events at least that confident. Returns rows written."""
    from .store.exchange import export_store

    out = check_output(out)
    if fmt in ("gdelt", "plover"):
        from . import exports
        from .link import api as link_api

        frame = getattr(link_api, fmt)(db, min_confidence=min_confidence)
        exports.write(frame, out)
        return len(frame)
    with Store(db, read_only=True) as store:
        return export_store(store, Path(out), fmt, table, min_confidence=min_confidence)


def check_output(out: str | Path, option: str = "-o") -> Path:
    """The file to write, refused in one line when its folder does not exist or it is a folder."""
    path = Path(out)
    if path.is_dir():
        raise UsageError(f"{option} {out} is a folder: give a file name")
    if not path.parent.is_dir():
        raise UsageError(f"{option} {out}: the folder {path.parent} does not exist; create it or write elsewhere")
    return path


def migrate(db: str | Path = DEFAULT_DB) -> list[int]:
    with Store(db, migrate=False) as store:
        return store.migrate()


def stage_table() -> tuple[list[dict[str, Any]], list[str]]:
    """Registered stages (marking the default pipeline and the languages each serves) and
    the problems of the default order, checked for every supported language."""
    from .pipeline import BASE_LANGUAGE, build, check_pipeline, for_language, registry, supported_languages

    default = build()
    keys = {s.key for s in default}
    served: dict[str, list[str]] = {}
    problems = list(check_pipeline(default))
    for lang in supported_languages():
        stages = for_language(default, lang) or []
        problems += [f"[{lang}] {p}" for p in check_pipeline(stages) if lang != BASE_LANGUAGE]
        for s in stages:
            served.setdefault(s.key, []).append(lang)
    order = [x.key for x in default]
    rows = [{"stage": s.key, "default": s.key in keys, "languages": ",".join(served.get(s.key, [])),
             "requires": ",".join(s.requires), "provides": ",".join(s.provides), "does": s.summary}
            for s in sorted(registry().values(), key=lambda s: (order + [s.key]).index(s.key) if s.key in order else len(order))]
    return rows, problems


def records_to_jsonl(docs: Iterable[Document]) -> Iterator[str]:
    for d in docs:
        yield d.to_json()


def load_records(path: str | Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]


def pattern_coverage(paths: Iterable[str | Path], *, db: str | Path | None = None) -> Any:
    """Codes without a verb pattern and patterns that never fired in the document records of
    `paths` (JSON Lines from `extract`; "-" reads stdin) and of the store `db`:
    `dyadwatch verbs coverage`."""
    import sys

    from pydantic import ValidationError

    from .errors import UsageError
    from .events.coverage import measure
    from .models import Document

    def docs() -> Iterator[Document]:
        for path in paths:
            lines = sys.stdin if str(path) == "-" else Path(path).read_text(encoding="utf-8").splitlines()
            for n, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    yield Document.model_validate_json(line)
                except ValidationError as e:
                    raise UsageError(f"{path} line {n} is not a document record (write records with `dyadwatch extract`): "
                                     f"{e.errors()[0]['msg']}") from None
        if db is not None:
            with Store(db, read_only=True) as store:
                yield from store.documents()

    return measure(docs())


def __getattr__(name: str) -> Any:
    """timeline, dyad, network and relink come from `dyadwatch.link.api`, imported on first
    use: it brings pandas, networkx and datasketch, which every other command can do without."""
    if name in ("dyad", "network", "relink", "timeline"):
        from .link import api as link_api

        return getattr(link_api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def query(db: str | Path, sql: str):
    """The result of one read-only SELECT on the store as a pandas DataFrame.

    The query sees the stable views `articles`, `actors`, `quotes`, `reports` (one row per
    event report, with its article's outlet, title, date and URL) and `events_linked` (one
    row per linked event), and the internal tables as `store.<table>`; it cannot write or
    read other files. Example: query(db, "SELECT outlet, count(*) AS n FROM reports GROUP BY 1")
    """
    from .store.views import run_query

    return run_query(db, sql)
