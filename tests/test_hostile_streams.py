"""Streams are capped while they are read: size and time, for files, FIFOs, stdin and HTTP.

Network tests talk only to servers started here on 127.0.0.1 (reached with allow_private).
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import dyadwatch.fetch as fetch
import dyadwatch.readers as readers
from dyadwatch.errors import InputError
from dyadwatch.readers import Skipped, read_inputs

SENTENCE = "Officials from Azerbaijan met their Kazakh counterparts in Baku on Monday."


def drip_server(head: bytes, drip: bytes, every: float) -> tuple[str, threading.Event]:
    """A server on 127.0.0.1 that sends `head`, then `drip` every `every` seconds, forever."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                try:
                    conn.recv(65536)
                    conn.sendall(head)
                    while not stop.is_set():
                        conn.sendall(drip)
                        time.sleep(every)
                except OSError:
                    pass
        listener.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    stop.thread = thread  # type: ignore[attr-defined]  # joined by the test before it ends
    return f"http://127.0.0.1:{listener.getsockname()[1]}/page", stop


@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("where", ["body", "headers"])
def test_streams_slow_drip_server_is_cut_at_the_time_limit(monkeypatch, where: str):
    monkeypatch.setattr(fetch, "TOTAL_TIMEOUT", 2.0)
    if where == "body":
        url, stop = drip_server(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>", b"a", 0.1)
    else:
        url, stop = drip_server(b"HTTP/1.1 200 OK\r\n", b"X-Slow: 1\r\n", 0.1)
    started = time.monotonic()
    try:
        with pytest.raises(InputError) as err:
            fetch.fetch_url(url, allow_private=True)
    finally:
        stop.set()
    elapsed = time.monotonic() - started
    stop.thread.join(5)
    import gc

    gc.collect()  # sockets the cut connection leaves are finalised here, not in a later test
    assert err.value.reason == "timeout"
    assert 1.5 < elapsed < 6, elapsed


def test_streams_dev_zero_is_capped_by_size(monkeypatch):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    monkeypatch.setattr(readers, "MAX_INPUT_BYTES", 1024 * 1024)
    (item,) = list(read_inputs(["/dev/zero"]))
    assert isinstance(item, Skipped) and item.reason == "too-large"


def test_streams_fifo_that_never_ends_is_cut_by_time(tmp_path: Path, monkeypatch):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    monkeypatch.setattr(readers, "STREAM_TIMEOUT", 1.0)
    fifo = tmp_path / "feed.html"
    os.mkfifo(fifo)
    writer_ready = threading.Event()

    def write_slowly() -> None:
        fd = os.open(fifo, os.O_WRONLY)
        writer_ready.set()
        try:
            for _ in range(40):
                os.write(fd, b"<p>")
                time.sleep(0.1)
        except OSError:
            pass
        finally:
            os.close(fd)

    thread = threading.Thread(target=write_slowly, daemon=True)
    thread.start()
    started = time.monotonic()
    items = []
    while not writer_ready.is_set():  # opening for reading is what lets the writer's open return
        items = list(read_inputs([str(fifo)]))
        if items:
            break
    elapsed = time.monotonic() - started
    assert [i.reason for i in items if isinstance(i, Skipped)] == ["timeout"]
    assert elapsed < 3.5


def test_streams_fifo_with_a_page_is_read(tmp_path: Path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / "one.jsonl"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"id": "f1", "text": SENTENCE}) + "\n")

    threading.Thread(target=write, daemon=True).start()
    items = list(read_inputs([str(fifo)]))
    assert [getattr(i, "id", None) for i in items] == ["f1"]


def run_stdin(args: list[str], producer: str, limit: int) -> subprocess.CompletedProcess:
    """`dyadwatch extract --stages extract` with stdin fed by a small Python producer."""
    code = (f"import dyadwatch.readers as r; r.MAX_INPUT_BYTES = {limit}; "
            "from dyadwatch.cli import main; import sys; main(sys.argv[1:])")
    feeder = subprocess.Popen([sys.executable, "-c", producer], stdout=subprocess.PIPE)
    try:
        return subprocess.run([sys.executable, "-c", code, "extract", "--stages", "extract", *args, "-"],
                              stdin=feeder.stdout, capture_output=True, text=True, timeout=120)
    finally:
        feeder.kill()
        feeder.wait()
        feeder.stdout.close()


def test_streams_endless_line_on_stdin_is_cut_and_memory_stays_small():
    producer = "import sys\nsys.stdout.write('{\"id\": \"a\", \"text\": \"')\nwhile True: sys.stdout.write('x' * 65536)"
    res = run_stdin(["--input-format", "jsonl"], producer, 4 * 1024 * 1024)
    assert res.returncode == 1, res.stderr
    assert "too-large: 1" in res.stderr and "Traceback" not in res.stderr


def test_streams_lines_before_an_endless_one_are_written():
    producer = ("import sys, json\n"
                f"sys.stdout.write(json.dumps({{'id': 'first', 'text': {SENTENCE!r}}}) + '\\n')\n"
                "while True: sys.stdout.write('y' * 65536)")
    res = run_stdin(["--input-format", "jsonl"], producer, 1024 * 1024)
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["first"]
    assert "1 written" in res.stderr and "too-large: 1" in res.stderr
