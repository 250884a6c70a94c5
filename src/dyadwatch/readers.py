"""Reading inputs (runner side, I/O): files, directories, globs, stdin, JSON Lines, URLs,
RSS/Atom feeds, WARC archives and gzip-compressed files.

Each input becomes an `InputRecord`; one that cannot be read becomes a `Skipped` with a
stable reason, so a batch never dies on one bad input. Decoding and extraction are the
extraction stage's; only containers (gzip, WARC, feeds, JSON Lines) are opened here.
"""
from __future__ import annotations

import glob
import json
import os
import select
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .extract.normalize import replace_surrogates
from .guard import describe_failure
from .fetch import (
    FEED_SUFFIXES,
    feed_records,
    fetch_url,
    gunzip_capped,
    is_url,
    is_warc,
    looks_like_feed,
    parse_feed,
    warc_records,
)
from .models import InputRecord

# A page larger than this is refused before it is read whole. Calibrated: the largest page of
# both extraction benchmarks is under 2 MB; and the worst pages of the hostile corpus at this
# size keep a worker under 1 GB (tests/test_hostile_corpus.py), where at 20 MB a page of
# tiny elements took 3.4 GB. Real articles are far smaller.
MAX_INPUT_BYTES = 5 * 1024 * 1024
# A JSON Lines file may hold many pages; it is read line by line, so it gets a larger bound
# (the 711-page benchmark input is ~120 MB) and each line the page bound.
MAX_JSONL_BYTES = 4 * 1024 * 1024 * 1024
# Seconds a stream that is not a regular file (a FIFO, a device, a pipe on stdin) may take
# to deliver a whole document (the same bound as a fetch from the network).
STREAM_TIMEOUT = 60.0
STREAM_CHUNK = 64 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# Parts of a name that say the file is a feed when its content agrees.
XML_SUFFIXES = {".xml", ".rdf"}


@dataclass(frozen=True)
class Skipped:
    """An input that was not processed, and why."""

    where: str
    reason: str
    message: str
    detail: str | None = None


def guarded(items: Iterable[InputRecord | Skipped], where: str) -> Iterator[InputRecord | Skipped]:
    """`items`, with an unexpected failure while reading turned into one counted skip.

    A reader that fails this way cannot go on (its generator is finished), so the rest of
    that one input is lost; the inputs after it are read as usual.
    """
    try:
        yield from items
    except Exception as e:  # noqa: BLE001 - a runner boundary: one input's failure is reported, not raised
        reason, message, detail = describe_failure("read", e)
        yield Skipped(where, reason, message, detail)


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<head" in head


def record_from_bytes(data: bytes, *, path: str | None = None) -> InputRecord:
    """An input record for raw bytes: decoding and HTML/text detection are the extractor's."""
    suffix = Path(path).suffix.lower() if path else ""
    kind = "text/html" if suffix in HTML_SUFFIXES or looks_like_html(data) else "text/plain"
    return InputRecord(data=data, path=path, content_type=kind)


def read_jsonl(lines: Iterable[str | InputError], where: str) -> Iterator[InputRecord | Skipped]:
    for n, line in enumerate(lines, 1):
        if isinstance(line, InputError):
            yield Skipped(f"{where}:{n}", line.reason, str(line))
            continue
        if not line.strip():
            continue
        if len(line) > MAX_INPUT_BYTES:
            yield Skipped(f"{where}:{n}", "too-large", f"line {n} has {len(line):,} characters; the limit is {MAX_INPUT_BYTES:,}")
            continue
        try:
            obj = json.loads(line.lstrip("\ufeff") if n == 1 else line)
            if not isinstance(obj, dict):
                raise ValueError("not a JSON object")
            if obj.get("html") is None and obj.get("text") is None:
                raise ValueError("needs an 'html' or a 'text' field")
            rec = InputRecord.model_validate({k: replace_surrogates(v) if isinstance(v, str) else v for k, v in obj.items()})
        except (ValueError, RecursionError) as e:
            yield Skipped(f"{where}:{n}", "bad-json", f"line {n} is not an input record ({short_error(e)})")
            continue
        except Exception as e:  # noqa: BLE001 - one line's failure costs that line only
            reason, message, detail = describe_failure("read", e)
            yield Skipped(f"{where}:{n}", reason, f"line {n}: {message}", detail)
            continue
        yield rec.model_copy(update={"path": rec.path or where})


def short_error(e: BaseException) -> str:
    """An exception's text on one line, cut (a validation error can quote a huge value)."""
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= 300 else text[:299] + "…"


def inner_name(path: Path) -> str:
    """The name of a compressed file without its .gz ("page.html.gz" -> "page.html")."""
    return path.name[:-3] if path.name.lower().endswith(".gz") else path.name


def is_jsonl(name: str, input_format: str | None) -> bool:
    return input_format == "jsonl" or (input_format is None and Path(name).suffix.lower() in JSONL_SUFFIXES)


def from_container(items: Iterable[InputRecord | InputError], where: str) -> Iterator[InputRecord | Skipped]:
    """Records from a feed or an archive, with the failures among them turned into skips."""
    for item in items:
        if isinstance(item, InputError):
            yield Skipped(where, item.reason, str(item))
        else:
            yield item


def read_content(data: bytes, name: str, where: str, input_format: str | None, allow_private: bool,
                 offline: bool = False) -> Iterator[InputRecord | Skipped]:
    """Records from the bytes of one file (already decompressed), by what the bytes are."""
    if is_jsonl(name, input_format):
        yield from read_jsonl(data.decode("utf-8", "replace").splitlines(), where)
        return
    suffix = Path(name).suffix.lower()
    if suffix in FEED_SUFFIXES or (suffix in XML_SUFFIXES | {""} and looks_like_feed(data)):
        try:
            items = parse_feed(data, where)
        except InputError as e:
            yield Skipped(where, e.reason, str(e))
            return
        yield from from_container(feed_records(items, where, allow_private=allow_private, offline=offline), where)
        return
    yield record_from_bytes(data, path=where)


def read_file(path: Path, input_format: str | None, *, allow_private: bool = False,
              offline: bool = False) -> Iterator[InputRecord | Skipped]:
    where = str(path)
    try:
        if is_warc(path):
            yield from from_container(warc_records(path), where)
            return
        info = path.stat()
        regular = stat.S_ISREG(info.st_mode)
        if is_jsonl(inner_name(path), input_format) and not path.name.lower().endswith(".gz"):
            if info.st_size > MAX_JSONL_BYTES:
                raise InputError("too-large", f"{where} is {info.st_size:,} bytes; the limit is {MAX_JSONL_BYTES:,}")
            fd = os.open(path, os.O_RDONLY | (0 if regular else os.O_NONBLOCK))
            try:
                yield from read_jsonl(stream_lines(fd, where, regular=regular), where)
            finally:
                os.close(fd)
            return
        if info.st_size > MAX_INPUT_BYTES:
            raise InputError("too-large", f"{where} is {info.st_size:,} bytes; the limit is {MAX_INPUT_BYTES:,}")
        # Read with the cap even when the size looked fine: a FIFO or a device (/dev/zero)
        # has no size, and a file can grow after it was measured.
        fd = os.open(path, os.O_RDONLY | (0 if regular else os.O_NONBLOCK))
        try:
            data = read_stream(fd, where, MAX_INPUT_BYTES, regular=regular)
        finally:
            os.close(fd)
        if path.name.lower().endswith(".gz"):
            data = gunzip_capped(data, where)
        yield from read_content(data, inner_name(path), where, input_format, allow_private, offline)
    except InputError as e:
        yield Skipped(where, e.reason, str(e))
    except OSError as e:
        yield Skipped(where, "unreadable", f"{where}: {e.strerror or e}")


def read_url(url: str, *, allow_private: bool = False) -> Iterator[InputRecord | Skipped]:
    """A page, or the items of a feed, from one URL."""
    try:
        page = fetch_url(url, allow_private=allow_private)
        if looks_like_feed(page.data, page.content_type):
            items = parse_feed(page.data, page.url)
            yield from from_container(feed_records(items, page.url, allow_private=allow_private), url)
            return
    except InputError as e:
        yield Skipped(url, e.reason, str(e))
        return
    yield InputRecord(data=page.data, url=page.url, content_type=page.content_type or None)


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


def read_stdin(input_format: str | None) -> Iterator[InputRecord | Skipped]:
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by an in-memory stream (API callers, tests)
        yield from read_stdin_object(input_format)
        return
    regular = stat.S_ISREG(os.fstat(fd).st_mode)
    try:
        if input_format == "jsonl":
            yield from read_jsonl(stream_lines(fd, "<stdin>", regular=regular), "<stdin>")
            return
        data = read_stream(fd, "<stdin>", MAX_INPUT_BYTES, regular=regular)
    except InputError as e:
        yield Skipped("<stdin>", e.reason, str(e))
        return
    yield record_from_bytes(data, path="<stdin>")


def read_stdin_object(input_format: str | None) -> Iterator[InputRecord | Skipped]:
    """Standard input replaced by a Python stream object: read with the same caps."""
    stream = sys.stdin
    if input_format == "jsonl":
        yield from read_jsonl(iter(lambda: stream.readline(MAX_INPUT_BYTES + 1), ""), "<stdin>")
        return
    raw = getattr(stream, "buffer", None)
    data = raw.read(MAX_INPUT_BYTES + 1) if raw is not None else stream.read(MAX_INPUT_BYTES + 1).encode("utf-8")
    if len(data) > MAX_INPUT_BYTES:
        yield Skipped("<stdin>", "too-large", f"standard input is over {MAX_INPUT_BYTES:,} bytes")
        return
    yield record_from_bytes(data, path="<stdin>")


def wait_readable(fd: int, where: str, deadline: float) -> None:
    """Block until `fd` has data or its end, or raise InputError('timeout') at the deadline."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise InputError("timeout", f"{where} sent nothing to end its input within {STREAM_TIMEOUT:.0f} s")
        if select.select([fd], [], [], left)[0]:
            return


def read_stream(fd: int, where: str, limit: int, *, regular: bool) -> bytes:
    """All bytes of `fd` up to `limit`, or InputError: 'too-large' past it, and for a stream
    that is not a regular file (pipe, FIFO, device) 'timeout' when its end has not come
    within STREAM_TIMEOUT seconds. Nothing past limit + 1 bytes is ever held."""
    deadline = time.monotonic() + STREAM_TIMEOUT
    buf = bytearray()
    while len(buf) <= limit:
        if not regular:
            wait_readable(fd, where, deadline)
        try:
            chunk = os.read(fd, min(STREAM_CHUNK, limit + 1 - len(buf)))
        except BlockingIOError:
            continue
        if not chunk:
            return bytes(buf)
        buf += chunk
    raise InputError("too-large", f"{where} is over {limit:,} bytes; the limit is {limit:,}")


def stream_lines(fd: int, where: str, *, regular: bool) -> Iterator[str | InputError]:
    """The lines of `fd` as text, each held to MAX_INPUT_BYTES. A longer line in a regular
    file is passed over (an InputError('too-large') stands in its place); in a stream (where
    it may never end: /dev/zero, an endless line on stdin) it ends the reading with
    InputError('too-large'). A stream may pause between lines as long as it likes."""
    pending = bytearray()
    searched = 0
    skipping = False
    n = 0
    while True:
        if not regular:
            select.select([fd], [], [])
        try:
            chunk = os.read(fd, STREAM_CHUNK)
        except BlockingIOError:
            continue
        if not chunk:
            if pending:
                yield pending.decode("utf-8", "replace")
            return
        pending += chunk
        while (cut := pending.find(b"\n", searched)) >= 0:
            n += 1
            if not skipping:
                yield pending[: cut + 1].decode("utf-8", "replace")
            skipping = False
            del pending[: cut + 1]
            searched = 0
        searched = len(pending)
        if skipping:
            pending.clear()
            searched = 0
        elif len(pending) > MAX_INPUT_BYTES and regular:
            yield InputError("too-large", f"line {n + 1} runs past {MAX_INPUT_BYTES:,} bytes; the limit is {MAX_INPUT_BYTES:,}")
            skipping = True
            pending.clear()
            searched = 0
        elif len(pending) > MAX_INPUT_BYTES:
            raise InputError("too-large", f"{where}: a line runs past {MAX_INPUT_BYTES:,} bytes without ending; "
                                          "the rest of this input is not read")


def read_inputs(
    args: Iterable[str], input_format: str | None = None, *, allow_private: bool = False, offline: bool = False
) -> Iterator[InputRecord | Skipped]:
    """Every input named by `args`, in order.

    An argument is `-` (standard input), a URL (http/https; a feed's URL yields its items),
    a file (HTML, text, JSON Lines, RSS/Atom, WARC, any of them gzip-compressed), a
    directory (read recursively) or a glob pattern. `allow_private` lets URLs reach private,
    loopback and link-local addresses (off by default: a URL list must not probe the local
    network). `offline` uses no network at all: a URL is a counted skip, and so is a feed item
    that does not carry its article's text.
    """
    for arg in args:
        if arg == "-":
            yield from guarded(read_stdin(input_format), "<stdin>")
            continue
        if is_url(arg):
            if offline:
                yield Skipped(arg, "offline", f"{arg} is a URL and is not fetched offline; drop --offline to fetch it")
                continue
            yield from guarded(read_url(arg, allow_private=allow_private), arg)
            continue
        paths = expand(arg)
        if not paths:
            yield Skipped(arg, "not-found", f"{arg}: no such file, directory or matching pattern")
            continue
        for p in paths:
            if not p.exists():
                yield Skipped(str(p), "not-found", f"{p}: no such file or directory")
                continue
            yield from guarded(read_file(p, input_format, allow_private=allow_private, offline=offline), str(p))


def url_list(path: str | Path) -> list[str]:
    """The inputs of a list file: one URL (or path) a line; blank lines and `#` comments skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
    except OSError as e:
        raise InputError("unreadable", f"{path}: {e.strerror or e}; give a file with one URL a line") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def any_input_exists(args: Iterable[str]) -> bool:
    """Whether at least one argument names something to read (stdin, a URL, an existing path
    or a pattern with matches): when none does, nothing should be created."""
    return any(arg == "-" or is_url(arg) or bool([p for p in expand(arg) if p.exists()]) for arg in args)


def count_inputs(args: Iterable[str]) -> int | None:
    """How many documents the arguments hold when that is known before reading (plain files
    only); None when a URL, stdin, a feed, an archive or JSON Lines can hold any number."""
    n = 0
    for arg in args:
        if arg == "-" or is_url(arg):
            return None
        for p in expand(arg):
            name = inner_name(p).lower()
            if is_warc(p) or Path(name).suffix in JSONL_SUFFIXES | XML_SUFFIXES or name.endswith(FEED_SUFFIXES):
                return None
            n += 1
    return n
