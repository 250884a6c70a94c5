"""The cross-document knowledge file (data/links.toml), loaded once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, kw_only=True)
class LinkKnowledge:
    quad_of_root: dict[str, int]
    root_group: dict[str, str]
    symmetric_roots: frozenset[str]
    symmetric_codes: frozenset[str]
    transliteration: tuple[tuple[re.Pattern[str], str], ...]
    letters: dict[str, str]  # single letters (Cyrillic, special Latin) to ASCII

    def quad_class(self, cameo: str | None) -> int | None:
        """GDELT quad class of a CAMEO code (1..4), or None for an unknown code."""
        return self.quad_of_root.get(root_of(cameo)) if cameo else None

    def group(self, cameo: str) -> str:
        """The compatibility group of a code's root: the smallest root of its group, or the root itself."""
        root = root_of(cameo)
        return self.root_group.get(root, root)

    def symmetric(self, cameo: str) -> bool:
        return cameo in self.symmetric_codes or root_of(cameo) in self.symmetric_roots


def root_of(cameo: str | None) -> str:
    """The two-digit CAMEO root of a code ('0841' -> '08')."""
    return (cameo or "")[:2]


@lru_cache(maxsize=1)
def knowledge() -> LinkKnowledge:
    text = resources.files("dyadwatch").joinpath("data/links.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    quad = {root: int(q) for q, roots in data["quad_class"].items() for root in roots}
    group = {root: min(g) for g in data["compatible_roots"]["groups"] for root in g}
    return LinkKnowledge(
        quad_of_root=quad,
        root_group=group,
        symmetric_roots=frozenset(data["symmetric"]["roots"]),
        symmetric_codes=frozenset(data["symmetric"]["codes"]),
        transliteration=tuple((re.compile(p), r) for p, r in data["transliteration"]["rules"]),
        letters={**data["letters"]["map"], **data["cyrillic"]["map"]},
    )
