"""Turning an unexpected failure of one document into a counted skip.

A batch of thousands of untrusted pages must not die on one of them. Failures the code
expects raise `InputError` with a stable reason; anything else that escapes reading,
extraction or a stage becomes the reason `internal-error:<where>`, a one-line message with
the exception's type, and the traceback kept for `--verbose` or the log file.
"""
from __future__ import annotations

import ctypes
import signal
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

INTERNAL = "internal-error"
# Characters of an exception's text kept in the one-line message (a failure on a huge
# input can carry the input in its text).
MESSAGE_CHARS = 300


def internal_reason(where: str) -> str:
    return f"{INTERNAL}:{where}"


def describe_failure(where: str, exc: BaseException) -> tuple[str, str, str]:
    """(reason, one-line message, traceback) for an exception escaping `where`."""
    text = " ".join(str(exc).split())
    if len(text) > MESSAGE_CHARS:
        text = text[: MESSAGE_CHARS - 1] + "…"
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    at = f" at {frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else ""
    message = f"{type(exc).__name__}: {text}{at}" if text else f"{type(exc).__name__}{at}"
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return internal_reason(where), message, detail


class TooSlow(BaseException):  # noqa: N818 - not an Exception, so stage code cannot swallow it
    """A document's time budget ran out inside a stage (raised by `time_limit`)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TooSlow in this block after `seconds` of wall time.

    In the main thread of a Unix process (the runner's, each `--workers` process's) the
    interval timer raises it, interrupting Python code, sleeps and regular expressions
    alike. In any other thread (a Dask worker runs its tasks in threads) a watchdog timer
    raises it in this thread asynchronously: it lands at the thread's next Python
    instruction, so every stage's Python loops are cut at the budget, while one long call
    into native code (a single regular-expression match, a sleep) finishes first.
    """
    if seconds is None:
        yield
        return
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        with alarm(seconds):
            yield
        return
    with watchdog(seconds):
        yield


@contextmanager
def alarm(seconds: float) -> Iterator[None]:
    def expire(signum, frame):  # noqa: ARG001 - signal handler signature
        raise TooSlow(f"over the time budget of {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def raise_in_thread(thread_id: int, exc: type[BaseException] | None) -> None:
    """Ask CPython to raise `exc` in the thread `thread_id` at its next instruction (None
    withdraws a request not yet delivered)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


class SlowInThread(TooSlow):
    """TooSlow raised in a worker thread by the watchdog (an asynchronous exception is
    raised as a class, so its message is fixed)."""

    def __str__(self) -> str:
        return "over the time budget (stopped in a worker thread)"


@contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                raise_in_thread(target, SlowInThread)

    timer = threading.Timer(max(seconds, 0.001), expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            timer.cancel()
            if state["fired"]:
                # delivered already (this block is unwinding from it) or still pending:
                # withdraw it, so that it cannot land in the caller's code
                raise_in_thread(target, None)
