"""One exception hierarchy. Every message says what to do about it."""
from __future__ import annotations


class DyadwatchError(Exception):
    """Base of every error the library raises on purpose."""


class UsageError(DyadwatchError):
    """The call itself is wrong (unknown stage, bad option value)."""


class InputError(DyadwatchError):
    """One input cannot be used; the run skips it, counts it and goes on.

    `reason` is a short stable key (e.g. 'binary', 'empty', 'too-large') used in the
    summary of skips; the message explains it to a person.
    """

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


class StoreError(DyadwatchError):
    """The store cannot be opened, migrated or written."""


class ModelMissing(DyadwatchError):
    """An NLP model or resource is not installed."""
