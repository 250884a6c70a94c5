"""Reading a store while another process writes it: a private, refreshed copy.

DuckDB lets one process hold a file for writing and no other process open it meanwhile,
and a reader that keeps the file open blocks the next writer in turn. A long-running
reader (the web server) therefore never keeps the live file open: it reads its own copy.
When the live file has changed, the copy is refreshed, but only in a moment when no
writer holds the file: the refresh opens the live store read-only (which a writer cannot
break into), copies the file and its write-ahead log, and closes it again, so the live file
is held for the time of one file copy. While a writer holds the file, readers keep the
last copy and are told how old it is.

Copies live in a folder of their own (`dyadwatch-read-PID-*` in the temporary directory,
with an `owner` file naming the process). It is removed when the reader closes, when its
owner is garbage-collected or exits, and, for an owner killed before it could clean up,
by the next reader that starts on this machine.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import StoreError
from .db import Store
from .schema import LATEST

# How often a reader looks at the live file's size and time stamp (each look is one stat).
CHECK_SECONDS = 1.0
# Superseded copies stay open this long, so requests still reading them can finish.
RETIRE_SECONDS = 30.0
FOLDER_PREFIX = "dyadwatch-read-"
OWNER_FILE = "owner"
# A copy folder from before owners were recorded is left alone until it is this old and no
# process has a file in it open (a reader that is still running keeps its copy open).
UNOWNED_STALE_SECONDS = 3600.0


@dataclass(frozen=True, kw_only=True)
class Copy:
    """One consistent copy of the live store."""

    generation: int
    path: Path
    con: duckdb.DuckDBPyConnection
    signature: tuple[int, int, int, int]
    taken_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class Freshness:
    """What a reader knows about its copy."""

    generation: int
    taken_at: dt.datetime
    behind: bool  # the live file changed since, and a writer held it at the last look


def signature(path: Path) -> tuple[int, int, int, int]:
    """Size and modification time of the store file and of its write-ahead log."""
    out = []
    for p in (path, Path(f"{path}.wal")):
        try:
            st = p.stat()
            out += [st.st_size, st.st_mtime_ns]
        except FileNotFoundError:
            out += [0, 0]
    return (out[0], out[1], out[2], out[3])


def process_start(pid: int) -> str | None:
    """When a process started (clock ticks since boot, from /proc), so that a reused process
    id is not taken for the owner; None when the process is gone or /proc cannot tell."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: fields resume after the last ")"
    fields = stat[stat.rfind(")") + 2:].split()
    return fields[19] if len(fields) > 19 else None


def process_alive(pid: int, start: str | None) -> bool:
    if Path("/proc/self/stat").exists():
        now = process_start(pid)
        return now is not None and (start is None or now == start)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def owner_line() -> str:
    pid = os.getpid()
    return f"{pid} {process_start(pid) or '-'}\n"


def folder_in_use(folder: Path) -> bool:
    """Whether any process has a file inside `folder` open (Linux /proc); True when unknown."""
    proc = Path("/proc")
    if not (proc / "self" / "fd").is_dir():
        return True
    inside = str(folder.resolve()) + os.sep
    for fd_dir in proc.glob("[0-9]*/fd"):
        try:
            for fd in fd_dir.iterdir():
                try:
                    if os.readlink(fd).startswith(inside):
                        return True
                except OSError:
                    continue
        except OSError:
            continue
    return False


def is_stale(folder: Path) -> bool:
    """A copy folder whose owner process is gone."""
    try:
        owner = (folder / OWNER_FILE).read_text().split()
    except FileNotFoundError:
        try:
            age = time.time() - folder.stat().st_mtime
        except OSError:
            return False
        return age > UNOWNED_STALE_SECONDS and not folder_in_use(folder)
    except OSError:
        return False
    if not owner or not owner[0].isdigit():
        return False
    start = owner[1] if len(owner) > 1 and owner[1] != "-" else None
    return not process_alive(int(owner[0]), start)


def sweep(parent: str | Path | None = None) -> list[Path]:
    """Remove the copy folders left in `parent` (the temporary directory) by readers that
    died without cleaning up; returns the folders removed."""
    removed = []
    for folder in Path(parent or tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
        if folder.is_dir() and not folder.is_symlink() and is_stale(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def own_folder() -> Path:
    """A fresh copy folder in the temporary directory, marked with this process as its owner."""
    sweep()
    folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
    (folder / OWNER_FILE).write_text(owner_line())
    return folder


class Snapshots:
    """Copies of one store file for a long-running reader; thread-safe."""

    def __init__(self, path: str | Path, *, folder: str | Path | None = None, wait: float = 30.0):
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(f"no store at {self.path}: ingest something first (`dyadwatch ingest FILES --db {self.path}`)")
        self.folder = Path(folder) if folder else own_folder()
        self._own_folder = folder is None
        self.folder.mkdir(parents=True, exist_ok=True)
        # a reader dropped without close() (or alive at exit) still takes its copies with it
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.folder, True) if self._own_folder else None
        self._lock = threading.Lock()
        self._copy: Copy | None = None
        self._retired: list[tuple[float, Copy]] = []
        self._checked = 0.0
        self._behind = False
        self._first_wait = wait

    # -- reading ------------------------------------------------------------------------
    def store(self) -> Store:
        """A Store over a cursor of the newest copy (close it after the request)."""
        copy = self.current()
        return Store.over(copy.con.cursor(), str(self.path))

    def current(self) -> Copy:
        now = time.monotonic()
        if self._copy is not None and now - self._checked < CHECK_SECONDS:
            return self._copy
        with self._lock:
            if self._copy is None:
                self._copy = self._first_copy()
            elif time.monotonic() - self._checked >= CHECK_SECONDS:
                self._refresh()
            self._checked = time.monotonic()
            return self._copy

    def freshness(self) -> Freshness:
        copy = self.current()
        return Freshness(generation=copy.generation, taken_at=copy.taken_at, behind=self._behind)

    def close(self) -> None:
        with self._lock:
            copies = [old for _, old in self._retired] + ([self._copy] if self._copy is not None else [])
            for copy in copies:
                copy.con.close()
                copy.path.unlink(missing_ok=True)
                Path(f"{copy.path}.wal").unlink(missing_ok=True)
            self._retired = []
            self._copy = None
            if self._cleanup is not None:
                self._cleanup()

    # -- copying ------------------------------------------------------------------------
    def _first_copy(self) -> Copy:
        deadline = time.monotonic() + self._first_wait
        while True:
            copy = self._take(1)
            if copy is not None:
                return copy
            if time.monotonic() >= deadline:
                raise StoreError(f"{self.path} is being written by another process and no earlier copy is at hand: "
                                 "try again when the ingest has finished")
            time.sleep(0.2)

    def _refresh(self) -> None:
        if self._copy is None:
            return
        if signature(self.path) == self._copy.signature:
            self._behind = False
            return
        fresh = self._take(self._copy.generation + 1)
        if fresh is None:
            self._behind = True
            return
        self._behind = False
        self._retired.append((time.monotonic(), self._copy))
        self._copy = fresh
        keep = []
        for when, old in self._retired:
            if time.monotonic() - when > RETIRE_SECONDS:
                old.con.close()
                old.path.unlink(missing_ok=True)
                Path(f"{old.path}.wal").unlink(missing_ok=True)
            else:
                keep.append((when, old))
        self._retired = keep

    def _take(self, generation: int) -> Copy | None:
        """Copy the live file while holding it read-only; None when a writer holds it."""
        try:
            live = duckdb.connect(str(self.path), read_only=True)
        except duckdb.IOException as e:
            if "lock" in str(e).lower():
                return None
            raise StoreError(f"cannot read the store {self.path}: {e}") from e
        except duckdb.Error as e:
            raise StoreError(f"cannot read the store {self.path}: {e}") from e
        target = self.folder / f"copy-{generation}.duckdb"
        try:
            sig = signature(self.path)
            shutil.copyfile(self.path, target)
            wal = Path(f"{self.path}.wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{target}.wal"))
        finally:
            live.close()
        # the copy is ours alone: opened for writing so that a copied log is replayed into it
        con = duckdb.connect(str(target))
        version = Store.over(con, str(self.path)).version()
        if version < LATEST:
            con.close()
            raise StoreError(f"{self.path} has schema version {version}, this dyadwatch needs {LATEST}: "
                             f"run `dyadwatch db migrate --db {self.path}`")
        return Copy(generation=generation, path=target, con=con, signature=sig,
                    taken_at=dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None))
