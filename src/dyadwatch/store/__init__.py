"""The store: a DuckDB file with a versioned schema. All SQL of the project lives here."""
from __future__ import annotations

from .db import Filters, Store

__all__ = ["Filters", "Store"]
