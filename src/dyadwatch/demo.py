"""The demo: ingest the sample corpus and summarise what came out."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from . import api
from .errors import UsageError
from .frames import records
from .output_text import short

TIMELINE_ROWS = 12


def find_samples(given: str | None) -> Path:
    if given:
        return Path(given)
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (base / "samples" / "corpus").is_dir():
            return base / "samples"
    raise UsageError("no samples/corpus folder found: run from the project root or pass --samples DIR")


def run_demo(db: str, samples: str | None) -> None:
    folder = find_samples(samples)
    corpus = folder / "corpus" if (folder / "corpus").is_dir() else folder
    click.echo(f"ingesting {corpus} into {db} ...", err=True)
    report = api.ingest([str(corpus)], db=db)
    click.echo(f"ingest: {report.summary()}", err=True)
    arts = records(api.articles(db))
    acts = records(api.actors(db))
    reports = records(api.events(db))
    qs = records(api.quotes(db))
    linked = api.timeline(db)
    outlets = Counter(a["outlet"] or "(unknown outlet)" for a in arts)
    echo = click.echo
    echo("")
    echo(f"articles: {len(arts)} from {len(outlets)} outlets: " + ", ".join(f"{k} {v}" for k, v in outlets.most_common()))
    echo(f"actors:   {len(acts)} distinct; most present: " + ", ".join(a["name"] for a in acts[:8]))
    echo(f"quotes:   {len(qs)} ({sum(q['kind'] == 'direct' for q in qs)} direct, {sum(bool(q['prediction']) for q in qs)} predictions)")
    speakers = Counter(q["speaker"] for q in qs if q["speaker"])
    echo("top speakers: " + (", ".join(f"{k} ({v})" for k, v in speakers.most_common(5)) or "none"))
    multi = int((linked["reports"] > 1).sum()) if len(linked) else 0
    echo(f"events:   {len(reports)} reports linked into {len(linked)} events ({multi} reported more than once)")
    echo("timeline excerpt (linked events reported most often):")
    if len(linked):
        top = linked.sort_values(["reports", "date"], ascending=[False, True]).head(TIMELINE_ROWS).sort_values("date")
        for row in top.itertuples():
            echo(f"  {str(row.date)[:10]}  {short(row.source, 22):<22} -> {short(row.target, 22):<22} {row.cameo:>4} "
                 f"{row.goldstein:+5.1f}  {row.reports} reports  {short(row.evidence, 60)}")
    echo("")
    echo(f"next: .venv/bin/dyadwatch dyad RUS AZE --by week --db {db}   (or timeline, network, quotes --predictions)")
