"""Turning an unexpected failure of one document into a counted skip.

A batch of thousands of untrusted pages must not die on one of them. Failures the code
expects raise `InputError` with a stable reason; anything else that escapes reading,
extraction or a stage becomes the reason `internal-error:<where>`, a one-line message with
the exception's type, and the traceback kept for `--verbose` or the log file.
"""
from __future__ import annotations

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

    Uses the interval timer, so it interrupts Python code and regular expressions alike; it
    works in the main thread of a Unix process (the runner's and each worker's) and is a
    no-op elsewhere, where the checks between stages still hold the budget.
    """
    usable = (seconds is not None and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum, frame):  # noqa: ARG001 - signal handler signature
        raise TooSlow(f"over the time budget of {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
