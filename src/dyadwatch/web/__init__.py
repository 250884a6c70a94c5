"""The web interface: `dyadwatch serve` (HTTP API, pages, their templates and static files)."""
from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
