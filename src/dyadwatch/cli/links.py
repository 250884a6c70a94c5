"""Cross-document views: timeline, dyad, network (filled in by the cross-document issue)."""
from __future__ import annotations

COMMANDS: list = []
