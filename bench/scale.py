#!/usr/bin/env python3
"""Throughput with worker processes and on a Dask cluster, over the 181 pages of the
extraction benchmark, in one run.

    .venv/bin/python bench/scale.py [--rounds 3] [--every 1] [--json]

Each configuration runs as its own whole `dyadwatch` process, start-up and model loading
included, writing every record of the default pipeline:

- `extract --workers 1`   (the stages in the one process)
- `extract --workers 2`   (two spawned worker processes, one writer)
- `batch --workers 2 --partition-size 8`  (a Dask LocalCluster of two worker processes,
  Parquet shards; partitions as large as the batches the local workers get)

The configurations take turns within each round (so load from other processes falls on all
alike) and the median of the rounds is reported, with the 1-minute load average at the
start of each run printed beside its figure. Memory: the peak resident size of each process
of the run's tree (sampled every 0.1 s); "worker" is the largest of the processes that ran
the stages (the one process for --workers 1), "parent" the process that read and wrote.
Targets on an idle machine: 2 workers >= 1.7x 1 worker; Dask within 10% of --workers 2;
every worker under 1 GB.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "html"
DYADWATCH = [sys.executable, "-m", "dyadwatch"]
SAMPLE_SECONDS = 0.1


def configs(out: Path, pages: list[str]) -> dict[str, list[str]]:
    return {
        "workers 1": [*DYADWATCH, "extract", "--workers", "1", "-o", str(out / "w1.jsonl"), *pages],
        "workers 2": [*DYADWATCH, "extract", "--workers", "2", "-o", str(out / "w2.jsonl"), *pages],
        "dask 2": [*DYADWATCH, "batch", "--workers", "2", "--partition-size", "8", "-o", str(out / "shards"), *pages],
    }


def run(cmd: list[str], out: Path) -> dict:
    """Wall time and peak memory (MB) per process of one whole run."""
    for stale in (out / "shards").glob("*"):
        stale.unlink()  # a finished shard would be skipped: every round does the whole work
    load = os.getloadavg()[0]
    peaks: dict[int, float] = {}
    names: dict[int, str] = {}
    started = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                tree = [proc, *proc.children(recursive=True)]
            except psutil.Error:
                tree = []
            for p in tree:
                try:
                    rss = p.memory_info().rss / 2**20
                    names[p.pid] = " ".join(p.cmdline()[1:4])
                except psutil.Error:
                    continue
                peaks[p.pid] = max(peaks.get(p.pid, 0.0), rss)
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:6])} failed ({proc.returncode}): {err.decode()[-2000:]}")
    parent = peaks.pop(proc.pid, 0.0)
    # helper processes of the multiprocessing machinery (resource tracker, forkserver) run no stages
    workers = [mb for pid, mb in peaks.items() if "resource_tracker" not in names.get(pid, "")]
    return {"wall": wall, "load": load, "parent_mb": parent,
            "worker_mb": max(workers) if workers else parent, "summary": err.decode().strip().splitlines()[-1:]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--every", type=int, default=1, help="take every Nth page (a quicker check)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not PAGES.is_dir():
        raise SystemExit(f"needs {PAGES} (the shared data folder beside the project)")
    pages = sorted(str(p) for p in PAGES.glob("*.html*"))[:: args.every]
    chars = sum(len(gzip.decompress(Path(p).read_bytes()).decode("utf-8", errors="replace") if p.endswith(".gz")
                    else Path(p).read_text(encoding="utf-8", errors="replace")) for p in pages)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        (out / "shards").mkdir()
        cmds = configs(out, pages)
        samples: dict[str, list[dict]] = {name: [] for name in cmds}
        for r in range(args.rounds):
            for name, cmd in cmds.items():
                s = run(cmd, out)
                samples[name].append(s)
                print(f"round {r + 1} {name:<10} {len(pages) / s['wall']:5.2f} articles/s  wall {s['wall']:6.1f} s  "
                      f"load {s['load']:5.2f}  worker {s['worker_mb']:5.0f} MB  parent {s['parent_mb']:5.0f} MB",
                      file=sys.stderr, flush=True)
    result: dict[str, dict] = {}
    for name, ss in samples.items():
        wall = statistics.median(s["wall"] for s in ss)
        result[name] = {"articles_per_s": round(len(pages) / wall, 2), "chars_per_s": round(chars / wall),
                        "wall_s": round(wall, 1), "load": [round(s["load"], 2) for s in ss],
                        "worker_peak_mb": round(max(s["worker_mb"] for s in ss)),
                        "parent_peak_mb": round(max(s["parent_mb"] for s in ss))}
    one, two, dask = (result[k]["articles_per_s"] for k in ("workers 1", "workers 2", "dask 2"))
    summary = {"pages": len(pages), "input_chars": chars, "rounds": args.rounds, "configs": result,
               "speedup_2_workers": round(two / one, 2), "dask_vs_2_workers": round(dask / two, 2),
               "cores": psutil.cpu_count(), "load_at_end": round(os.getloadavg()[0], 2)}
    if args.json:
        print(json.dumps(summary))
        return
    print(f"{len(pages)} pages, {chars:,} input characters, medians of {args.rounds} rounds, {summary['cores']} cores")
    for name, r in result.items():
        print(f"{name:<10} {r['articles_per_s']:6.2f} articles/s  {r['chars_per_s']:>9,} chars/s  wall {r['wall_s']:6.1f} s  "
              f"load {'/'.join(map(str, r['load']))}  worker peak {r['worker_peak_mb']} MB  parent peak {r['parent_peak_mb']} MB")
    print(f"2 workers / 1 worker: {summary['speedup_2_workers']}x (target >= 1.7 on an idle machine)")
    print(f"Dask / 2 workers: {summary['dask_vs_2_workers']}x (target >= 0.9)")


if __name__ == "__main__":
    main()
