"""Event explanation and verb dictionaries (filled in by the events issue)."""
from __future__ import annotations

COMMANDS: list = []
