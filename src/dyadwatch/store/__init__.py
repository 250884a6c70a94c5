"""The store: a DuckDB file with a versioned schema. All SQL of the project lives here."""
from __future__ import annotations

from .db import DEFAULT_DB, Filters, Store

__all__ = ["DEFAULT_DB", "Filters", "Store"]
