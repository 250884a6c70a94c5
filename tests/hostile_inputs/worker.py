#!/usr/bin/env python3
"""A worker over hostile inputs: each path through the whole default pipeline on its own.

    python tests/hostile_inputs/worker.py PATH...

Prints one JSON line per path: the outcomes ("ok" per document written, else the skip
reason), the seconds it took, the worker's peak resident memory after it (MB), and any
tracebacks. Run in its own process by tests/test_hostile_corpus.py, so the peak memory is
a worker's own.
"""
from __future__ import annotations

import json
import resource
import sys
import time


def main(paths: list[str]) -> int:
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.runner import Report, process

    pipeline = Pipeline()
    for path in paths:
        report = Report()
        started = time.monotonic()
        outcomes = ["ok" for _ in process([path], pipeline=pipeline, report=report)]
        for reason, count in report.skipped.items():
            outcomes += [reason] * count
        print(json.dumps({"path": path, "outcomes": sorted(outcomes), "seconds": round(time.monotonic() - started, 2),
                          "peak_mb": peak_mb(),
                          "details": report.details, "messages": report.messages[:3]}), flush=True)
    return 0


def peak_mb() -> int:
    """This process's own peak resident memory. Linux carries `ru_maxrss` over from the parent
    through fork and exec (a worker started by a test runner holding the models would report
    the runner's peak), so the peak of this process's own address space, VmHWM, comes first."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
