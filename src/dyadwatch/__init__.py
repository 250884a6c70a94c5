"""dyadwatch: news about international politics turned into sourced, structured event data."""
from __future__ import annotations

__version__ = "0.1.0"
