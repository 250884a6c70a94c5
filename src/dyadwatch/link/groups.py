"""Union-find over hashable keys: the grouping step of duplicates, identities and events."""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class Groups(Generic[K]):
    """Disjoint sets with path halving and union by size (near-constant time per operation)."""

    def __init__(self, keys: Iterable[K] = ()):
        self._parent: dict[K, K] = {}
        self._size: dict[K, int] = {}
        for k in keys:
            self.add(k)

    def add(self, key: K) -> None:
        if key not in self._parent:
            self._parent[key] = key
            self._size[key] = 1

    def find(self, key: K) -> K:
        parent = self._parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self._size[ra] < self._size[rb]:
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._size[ra] += self._size[rb]

    def same(self, a: K, b: K) -> bool:
        return self.find(a) == self.find(b)

    def members(self) -> dict[K, list[K]]:
        """Each group's root mapped to its keys, in insertion order."""
        out: dict[K, list[K]] = {}
        for k in self._parent:
            out.setdefault(self.find(k), []).append(k)
        return out
