"""The demo: ingest the sample corpus and summarise what came out."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from . import api
from .errors import UsageError
from .output_text import short


def find_samples(given: str | None) -> Path:
    if given:
        return Path(given)
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (base / "samples").is_dir():
            return base / "samples"
    raise UsageError("no samples/ folder found: run from the project root or pass --samples DIR")


def run_demo(db: str, samples: str | None) -> None:
    folder = find_samples(samples)
    click.echo(f"ingesting {folder} into {db} ...", err=True)
    report = api.ingest([str(folder / "corpus")], db=db)
    click.echo(f"ingest: {report.summary()}", err=True)
    arts = api.articles(db)
    acts = api.actors(db)
    evs = api.events(db)
    qs = api.quotes(db)
    outlets = Counter(a["outlet"] or "?" for a in arts)
    click.echo("")
    click.echo(f"articles: {len(arts)} from {len(outlets)} outlets ({', '.join(f'{k} {v}' for k, v in outlets.most_common())})")
    click.echo(f"actors:   {len(acts)} distinct; most present: " + ", ".join(a["name"] for a in acts[:8]))
    click.echo(f"quotes:   {len(qs)} ({sum(q['kind'] == 'direct' for q in qs)} direct)")
    speakers = Counter(q["speaker"] for q in qs if q["speaker"])
    click.echo("top speakers: " + (", ".join(f"{k} ({v})" for k, v in speakers.most_common(5)) or "none"))
    click.echo(f"events:   {len(evs)}")
    click.echo("timeline excerpt:")
    for e in evs[:12]:
        click.echo(f"  {str(e['date'])[:10]}  {e['source'] or '?':>8} -> {e['target'] or '?':<8} {e['cameo']:>4}  {short(e['evidence'], 70)}")
