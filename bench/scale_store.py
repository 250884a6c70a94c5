#!/usr/bin/env python3
"""The store at scale: incremental linking cost and query times on synthetic stores.

    .venv/bin/python bench/scale_store.py [--small 10000] [--large 1000000] [--new 1000]
                                          [--runs 3] [--queries 5] [--dir DIR] [--json]
                                          [--only link|queries]

1. Two synthetic stores (`dyadwatch.link.synthetic.synthetic_store`: one document per event
   report, 200 reports a day, 28 states, 40 officials each, linked as a full run links them)
   of `--small` and `--large` reports are made once under `--dir` and reused.
2. Linking an ingest: a copy of each store gets `--new` new documents (the next synthetic
   reports, dated over the store's last five days, written with `Store.write` as an ingest
   writes them), then `relink` links them incrementally. Each run is its own process; the
   time of the linking call (wall and CPU) and the process's peak resident memory are
   reported, medians of `--runs` runs, the two sizes taking turns. Target: large / small
   <= 5, peak memory < 1 GB.
3. Queries on the large store, each a whole `dyadwatch` process (start-up included), median
   of `--queries` runs: `events --actor X --since D --limit 100`, `timeline --actor X`,
   `dyad A B --by week`, and `network --countries`. Target: each < 1 s. A baseline,
   `dyadwatch --version` (interpreter start-up and the command's entry, no store), is
   timed the same way in the same run, taking turns with the queries.

The load average is printed beside each figure; the machine may be shared.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPORTS_PER_DAY = 200
START = dt.date(2020, 1, 1)
NEW_DAYS = 5
ACTOR = "rus-official-7"
DYAD = ("RUS", "GEO")


def store_path(folder: Path, size: int) -> Path:
    return folder / f"synthetic-{size}.duckdb"


def make_store(folder: Path, size: int) -> Path:
    from dyadwatch.link.synthetic import synthetic_store

    path = store_path(folder, size)
    if not path.exists():
        tmp = path.with_suffix(".part")
        tmp.unlink(missing_ok=True)
        started = time.perf_counter()
        synthetic_store(str(tmp), size, reports_per_day=REPORTS_PER_DAY, start=START)
        tmp.rename(path)
        print(f"made {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return path


def last_day(size: int) -> dt.date:
    return START + dt.timedelta(days=max(1, size // REPORTS_PER_DAY) - 1)


def child_link(db: str, size: int, new: int) -> None:
    """In its own process: write `new` documents into the store at `db` and link them."""
    from dyadwatch.link import api as link_api
    from dyadwatch.link.synthetic import as_stored, report_document, synthetic_reports
    from dyadwatch.store import Store

    start = last_day(size) - dt.timedelta(days=NEW_DAYS - 1)
    docs = [report_document(as_stored(r)) for r in synthetic_reports(
        new, seed=99, reports_per_day=new // NEW_DAYS, start=start, officials=40, prefix="new")]
    with Store(db) as store:
        store.write(docs, "synthetic")
        c0, w0 = time.process_time(), time.perf_counter()
        run = link_api.relink(store)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak, "documents": run.documents, "events": run.events}))


def measure_link(path: Path, size: int, new: int, scratch: Path) -> dict:
    copy = scratch / f"copy-{size}.duckdb"
    shutil.copy(path, copy)
    load = os.getloadavg()[0]
    out = subprocess.run([sys.executable, __file__, "--child-link", str(copy), "--child-size", str(size),
                          "--new", str(new)], capture_output=True, text=True)
    copy.unlink()
    if out.returncode != 0:
        raise SystemExit(f"linking into the {size:,} store failed: {out.stderr[-2000:]}")
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "load": load}


def query_commands(db: Path, size: int) -> dict[str, list[str]]:
    since = (last_day(size) - dt.timedelta(days=365)).isoformat()
    base = [sys.executable, "-m", "dyadwatch"]
    return {
        "baseline: dyadwatch --version": [*base, "--version"],
        f"events --actor {ACTOR} --since {since} --limit 100": [*base, "events", "--db", str(db), "--actor", ACTOR,
                                                                 "--since", since, "--limit", "100"],
        f"timeline --actor {ACTOR}": [*base, "timeline", "--db", str(db), "--actor", ACTOR],
        f"dyad {DYAD[0]} {DYAD[1]} --by week": [*base, "dyad", *DYAD, "--db", str(db), "--by", "week"],
        "network --countries": [*base, "network", "--db", str(db), "--countries"],
    }


def run_query(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, 1-minute load average at the start, and lines printed of one process."""
    load = os.getloadavg()[0]
    started = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[2:5])} failed: {out.stderr[-2000:]}")
    return wall, load, out.stdout.count("\n")


def measure_queries(commands: dict[str, list[str]], runs: int) -> dict[str, dict]:
    """Each command `runs` times, the commands taking turns (so the machine's load falls on
    all alike); medians of wall time."""
    seen: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            seen[name].append(run_query(cmd))
    return {name: {"median_s": round(statistics.median(w for w, _, _ in ms), 3),
                   "runs": [round(w, 2) for w, _, _ in ms], "load": [round(x, 2) for _, x, _ in ms],
                   "output_lines": ms[-1][2]} for name, ms in seen.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--large", type=int, default=1_000_000)
    ap.add_argument("--new", type=int, default=1_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--queries", type=int, default=5)
    ap.add_argument("--dir", default=str(Path(tempfile.gettempdir()) / "dyadwatch-scale-stores"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--only", choices=["link", "queries"], help="only the linking runs, or only the queries")
    ap.add_argument("--child-link", help=argparse.SUPPRESS)
    ap.add_argument("--child-size", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_link:
        child_link(args.child_link, args.child_size, args.new)
        return
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    sizes = (args.large,) if args.only == "queries" else (args.small, args.large)
    paths = {size: make_store(folder, size) for size in sizes}
    result: dict = {"large": args.large, "small": args.small}
    if args.only != "queries":
        result |= measure_links(args, paths)
    if args.only != "link":
        result["queries"] = measure_queries(query_commands(paths[args.large], args.large), args.queries)
    if args.json:
        print(json.dumps(result))
        return
    if "link" in result:
        for size in (args.small, args.large):
            r = result["link"][str(size)]
            print(f"link {args.new:,} new into {size:>9,}: wall {r['wall_s']:6.2f} s  cpu {r['cpu_s']:6.2f} s  "
                  f"peak {r['peak_mb']} MB  load {'/'.join(map(str, r['load']))}")
        ratio = result["link_ratio_large_small"]
        print(f"ratio {args.large:,} / {args.small:,}: wall {ratio['wall']}x, cpu {ratio['cpu']}x (target <= 5; peak < 1 GB)")
    for name, q in result.get("queries", {}).items():
        print(f"{q['median_s']:6.3f} s  {name}  (runs {q['runs']}, load {'/'.join(map(str, q['load']))}, "
              f"{q['output_lines']} lines)")
    if "queries" in result:
        print(f"target: each query < 1 s, whole process, on the {args.large:,}-report store")


def measure_links(args: argparse.Namespace, paths: dict[int, Path]) -> dict:
    """Linking `--new` documents into copies of the small and the large store, `--runs` times."""
    links: dict[int, list[dict]] = {size: [] for size in paths}
    with tempfile.TemporaryDirectory(dir=paths[args.large].parent) as scratch:
        for r in range(args.runs):
            for size, path in paths.items():
                m = measure_link(path, size, args.new, Path(scratch))
                links[size].append(m)
                print(f"link run {r + 1}: {args.new:,} new documents into {size:,}: wall {m['wall']:.2f} s, "
                      f"cpu {m['cpu']:.2f} s, peak {m['peak_mb']:.0f} MB, load {m['load']:.2f}", file=sys.stderr, flush=True)
    link_result = {str(size): {"wall_s": round(statistics.median(m["wall"] for m in ms), 3),
                               "cpu_s": round(statistics.median(m["cpu"] for m in ms), 3),
                               "peak_mb": round(max(m["peak_mb"] for m in ms)),
                               "load": [round(m["load"], 2) for m in ms]} for size, ms in links.items()}
    small, large = link_result[str(args.small)], link_result[str(args.large)]
    ratio = {"wall": round(large["wall_s"] / small["wall_s"], 2), "cpu": round(large["cpu_s"] / small["cpu_s"], 2)}
    return {"new_documents": args.new, "link": link_result, "link_ratio_large_small": ratio}


if __name__ == "__main__":
    main()
