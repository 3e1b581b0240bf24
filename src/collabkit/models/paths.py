"""Field paths: the one resolver of `receiver.lead`, `actions.A2.due`, `proposals.V1.2.feedback_at`.

A path is dotted text. Where it crosses a list, the next part names an item: by its name
(`A2`, `P1`, `T1`, the version `V1.2` — which holds a dot itself — or the position name
`C1`), or by a 0-based index (`partners.0.contact`). `parse_path` turns the text into
segments against the data at hand, so that `get_path` (reading a model or plain data) and
the editor (writing a ruamel tree) walk the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from collabkit.models._base import ItemNaming

Segment = str | int
DEFAULT_NAMING = ItemNaming("#", key=None)  # a list nobody names: index only


def child(node: Any, segment: Segment) -> Any:
    """One step down: a mapping key, a model field or a list index; None when absent."""
    if isinstance(segment, int):
        if isinstance(node, list) and 0 <= segment < len(node):
            return node[segment]
        return None
    if isinstance(node, dict):
        return node.get(segment)
    if node is None or isinstance(node, str | int | float | list):
        return None
    return getattr(node, segment, None)


def get_path(node: Any, segments: Sequence[Segment]) -> Any:
    """The value at `segments` (as `parse_path` or `compile_path` made them), or None."""
    for segment in segments:
        node = child(node, segment)
        if node is None:
            return None
    return node


@cache
def compile_path(path: str) -> tuple[bool, tuple[Segment, ...]]:
    """A path without item names, parsed once: `record.partners.0.contact` →
    (True, ("partners", 0, "contact")). `record.` marks a path on the record rather than
    on the item a rule is about."""
    on_record = path.startswith("record.")
    rest = path.removeprefix("record.")
    return on_record, tuple(int(p) if p.isdigit() else p for p in rest.split("."))


def item_index(items: Sequence[Any], name: str, naming: ItemNaming) -> int | None:
    """The index of the item called `name` in `items` (by name first, then by 0-based index)."""
    for index, item in enumerate(items):
        if naming.name_of(item, index) == name:
            return index
    if name.isdigit() and int(name) < len(items):
        return int(name)
    return None


def parse_path(
    root: Any, dotted: str, lists: Mapping[str, ItemNaming] | None = None
) -> tuple[Segment, ...]:
    """Segments of `dotted` resolved against `root`: item names become list indexes.

    `lists` names the items of the root's lists (the registry's `ITEM_LISTS`); lists deeper
    down are addressed by index. An item name that contains dots (`V1.2`) is matched
    whole. What does not exist yet stays text (a key to create); a missing list item stays
    its name, so that the caller can say which one is missing.
    """
    parts = dotted.split(".")
    out: list[Segment] = []
    node = root
    i = 0
    while i < len(parts):
        if isinstance(node, list):
            naming = (lists or {}).get(str(out[-1])) if len(out) == 1 else None
            found = _match_item(node, parts, i, naming or DEFAULT_NAMING)
            if found is None:
                out.append(parts[i])
                node, i = None, i + 1
                continue
            index, used = found
            out.append(index)
            node, i = node[index], i + used
            continue
        out.append(parts[i])
        node = child(node, parts[i])
        i += 1
    return tuple(out)


def _match_item(
    items: list[Any], parts: list[str], start: int, naming: ItemNaming
) -> tuple[int, int] | None:
    """(index, number of parts used): the longest run of parts that names an item."""
    if naming is not DEFAULT_NAMING:
        names = [naming.name_of(item, index) for index, item in enumerate(items)]
        for end in range(len(parts), start, -1):
            name = ".".join(parts[start:end])
            if name in names:
                return names.index(name), end - start
    name = parts[start]
    if name.isdigit() and int(name) < len(items):
        return int(name), 1
    return None


def dotted(segments: Sequence[Segment]) -> str:
    """Segments as text: ('actions', 1, 'due') → 'actions[1].due'."""
    out = ""
    for segment in segments:
        out += f"[{segment}]" if isinstance(segment, int) else (f".{segment}" if out else segment)
    return out
