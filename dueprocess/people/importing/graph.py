"""Trees given as child → parent links (an employee's manager, a department's parent)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def cycles(parent_of: Mapping[str, str | None], starts: Iterable[str]) -> list[list[str]]:
    """Every circle reachable from ``starts``, each once, as the list of its members in order.

    Walks iteratively (a reporting line can be thousands deep) and visits each node once overall,
    so a hundred thousand employees cost a hundred thousand steps.
    """
    done: set[str] = set()
    found: list[list[str]] = []
    for start in starts:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = parent_of.get(node)
        if node is not None and node in on_path:
            found.append(path[path.index(node) :])
        done.update(path)
    return found


def depths(parent_of: Mapping[str, str | None], members: Iterable[str]) -> dict[str, int]:
    """How far each member sits below the top, counting only links between members; a member whose
    parent is not a member has depth 0. Creating members in order of depth means every parent
    already exists when its children are written. The links must not form a circle."""
    member_set = set(members)
    depth: dict[str, int] = {}
    for start in member_set:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in member_set and node not in depth:
            path.append(node)
            node = parent_of.get(node)
        base = depth[node] + 1 if node is not None and node in depth else 0
        for offset, member in enumerate(reversed(path)):
            depth[member] = base + offset
    return depth
