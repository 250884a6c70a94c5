"""Reading inputs (runner side, I/O): files, directories, globs, stdin and JSON Lines.

Each input becomes an `InputRecord`; one that cannot be read becomes a `Skipped` with a
stable reason, so a batch never dies on one bad input.
"""
from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .models import InputRecord

# A page larger than this is refused before it is read whole (calibrated: the largest page
# of both extraction benchmarks is under 2 MB; real articles are far smaller).
MAX_INPUT_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class Skipped:
    """An input that was not processed, and why."""

    where: str
    reason: str
    message: str


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<head" in head


def record_from_bytes(data: bytes, *, path: str | None = None) -> InputRecord:
    """An input record for raw bytes: decoding and HTML/text detection are the extractor's."""
    suffix = Path(path).suffix.lower() if path else ""
    kind = "text/html" if suffix in HTML_SUFFIXES or looks_like_html(data) else "text/plain"
    return InputRecord(data=data, path=path, content_type=kind)


def read_jsonl(lines: Iterable[str], where: str) -> Iterator[InputRecord | Skipped]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("not a JSON object")
            if obj.get("html") is None and obj.get("text") is None:
                raise ValueError("needs an 'html' or a 'text' field")
            rec = InputRecord.model_validate(obj)
        except ValueError as e:
            yield Skipped(f"{where}:{n}", "bad-json", f"line {n} is not an input record ({e})")
            continue
        yield rec.model_copy(update={"path": rec.path or where})


def read_file(path: Path, input_format: str | None) -> Iterator[InputRecord | Skipped]:
    where = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError("too-large", f"{where} is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,}")
        if input_format == "jsonl" or (input_format is None and path.suffix.lower() in JSONL_SUFFIXES):
            with path.open(encoding="utf-8", errors="replace") as fh:
                yield from read_jsonl(fh, where)
            return
        yield record_from_bytes(path.read_bytes(), path=where)
    except InputError as e:
        yield Skipped(where, e.reason, str(e))
    except OSError as e:
        yield Skipped(where, "unreadable", f"{where}: {e.strerror or e}")


def expand(arg: str) -> list[Path]:
    """A path, directory (recursive) or glob pattern as the files it names, sorted."""
    if any(c in arg for c in "*?[") and not os.path.exists(arg):
        found = [Path(p) for p in sorted(glob.glob(arg, recursive=True))]
    else:
        found = [Path(arg)]
    out: list[Path] = []
    for p in found:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith(".")))
        else:
            out.append(p)
    return out


def read_inputs(args: Iterable[str], input_format: str | None = None) -> Iterator[InputRecord | Skipped]:
    """Every input named by `args`, in order."""
    for arg in args:
        if arg == "-":
            if input_format == "jsonl":
                yield from read_jsonl(sys.stdin, "<stdin>")
            else:
                yield record_from_bytes(sys.stdin.buffer.read(), path="<stdin>")
            continue
        paths = expand(arg)
        if not paths:
            yield Skipped(arg, "not-found", f"{arg}: no such file, directory or matching pattern")
            continue
        for p in paths:
            if not p.exists():
                yield Skipped(str(p), "not-found", f"{p}: no such file or directory")
                continue
            yield from read_file(p, input_format)
