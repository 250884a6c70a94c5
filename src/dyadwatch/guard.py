"""Turning an unexpected failure of one document into a counted skip.

A batch of thousands of untrusted pages must not die on one of them. Failures the code
expects raise `InputError` with a stable reason; anything else that escapes reading,
extraction or a stage becomes the reason `internal-error:<where>`, a one-line message with
the exception's type, and the traceback kept for `--verbose` or the log file.
"""
from __future__ import annotations

import traceback

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
