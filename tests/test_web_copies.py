"""The server's private copies of the store do not outlive it: removed when it stops, and
swept at the next start when their owner was killed before it could clean up."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest
from web_support import write_store

from dyadwatch.store import snapshot
from dyadwatch.store.snapshot import FOLDER_PREFIX, OWNER_FILE, Snapshots, owner_line

START_SECONDS = 90


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("copies") / "store.duckdb", hostile=False)


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def copy_folders(parent: Path) -> list[Path]:
    return sorted(parent.glob(f"{FOLDER_PREFIX}*"))


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_web_copies_removed_on_close(db: Path, temp_dir: Path):
    reader = Snapshots(db)
    copy = reader.current()
    (folder,) = copy_folders(temp_dir)
    assert copy.path.parent == folder and copy.path.exists()
    assert (folder / OWNER_FILE).read_text() == owner_line()
    reader.close()
    assert copy_folders(temp_dir) == []
    reader.close()  # a second close is harmless


def test_web_copies_removed_when_the_reader_is_dropped(db: Path, temp_dir: Path):
    reader = Snapshots(db)
    reader.current()
    assert len(copy_folders(temp_dir)) == 1
    del reader
    assert copy_folders(temp_dir) == []


def test_web_copies_of_a_dead_owner_are_swept_at_start(db: Path, temp_dir: Path):
    dead = temp_dir / f"{FOLDER_PREFIX}{dead_pid()}-left"
    dead.mkdir()
    (dead / OWNER_FILE).write_text(f"{dead_pid()} -\n")
    (dead / "copy-1.duckdb").write_bytes(b"left behind")
    alive = temp_dir / f"{FOLDER_PREFIX}{os.getpid()}-mine"
    alive.mkdir()
    (alive / OWNER_FILE).write_text(owner_line())
    unowned_new = temp_dir / f"{FOLDER_PREFIX}recent"
    unowned_new.mkdir()
    unowned_old = temp_dir / f"{FOLDER_PREFIX}ancient"
    unowned_old.mkdir()
    long_ago = time.time() - 2 * snapshot.UNOWNED_STALE_SECONDS
    os.utime(unowned_old, (long_ago, long_ago))
    unrelated = temp_dir / "someone-else"
    unrelated.mkdir()

    reader = Snapshots(db)
    try:
        left = set(copy_folders(temp_dir))
        assert dead not in left and unowned_old not in left
        assert {alive, unowned_new, reader.folder} <= left
        assert unrelated.exists()
    finally:
        reader.close()


def test_web_owner_with_a_reused_pid_is_not_alive():
    start = snapshot.process_start(os.getpid())
    if start is None:
        pytest.skip("process start times need Linux /proc")
    assert snapshot.process_alive(os.getpid(), start)
    assert not snapshot.process_alive(os.getpid(), str(int(start) + 1))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, temp_dir: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "TMPDIR": str(temp_dir)}
    server = subprocess.Popen([sys.executable, "-m", "dyadwatch", "serve", "--db", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            httpx.get(base + "/api/overview", timeout=30).raise_for_status()
            return server, base
        except httpx.TransportError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                server.wait(timeout=30)
                pytest.fail(f"the server did not start: {stop(server)}")
            time.sleep(0.3)


def stop(server: subprocess.Popen, sig: int | None = None) -> str:
    """Signal the server (if given), wait for it, and return what it wrote on stderr."""
    if sig is not None:
        server.send_signal(sig)
    server.wait(timeout=30)
    assert server.stderr is not None
    with server.stderr:
        return server.stderr.read().decode(errors="replace")


def test_web_server_stopped_leaves_no_copy(db: Path, temp_dir: Path):
    server, base = start_server(db, temp_dir)
    try:
        assert httpx.get(base + "/timeline", timeout=30).status_code == 200
        (folder,) = copy_folders(temp_dir)
        assert list(folder.glob("copy-*.duckdb"))
    finally:
        log = stop(server, signal.SIGTERM)
    assert copy_folders(temp_dir) == [], log


def test_web_server_killed_leaves_a_copy_the_next_start_removes(db: Path, temp_dir: Path):
    server, _ = start_server(db, temp_dir)
    stop(server, signal.SIGKILL)
    (left,) = copy_folders(temp_dir)
    assert (left / OWNER_FILE).read_text().split()[0] == str(server.pid)
    reader = Snapshots(db)
    try:
        assert copy_folders(temp_dir) == [reader.folder]
    finally:
        reader.close()
