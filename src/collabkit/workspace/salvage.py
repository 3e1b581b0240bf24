"""A record that does not validate, without the parts that fail, for lint.

One error must not hide the others (as ruff and eslint report every finding at once): a
meeting whose action A2 says `due: 尽快` still has A1's missing owner reported. So the
values that fail the schema are taken out of a copy of the data, one round of errors at a
time, until what is left validates; lint then runs its other checks on that record. A
value taken out counts as present-but-wrong to those checks (its schema error says what is
wrong with it), and every position is reported as the file has it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from collabkit.models import MODELS, validated_record
from collabkit.models._types import validation_context
from collabkit.models.explain import clean_loc
from collabkit.workspace.config import Config
from collabkit.workspace.records import LoadResult, Loc, RecordFile, Salvaged, source_loc

MAX_ROUNDS = 5  # each round takes out what one validation reported; nesting is shallow
_ABSENT = object()


def salvage_all(result: LoadResult, config: Config) -> list[Salvaged]:
    """The salvageable records among the files of `result` that did not validate."""
    validated = {rec.file.rel for rec in result.records}
    out = []
    for file in result.files:
        if file.rel not in validated and isinstance(file.data, dict):
            found = salvage(file, config)
            if found is not None:
                out.append(found)
    return out


def salvage(file: RecordFile, config: Config) -> Salvaged | None:
    """The record of `file` without the values that fail, or None when what fails is what
    makes it a record (its kind or id) or cannot be taken out without renaming others."""
    kind = file.data.get("kind")
    if not isinstance(kind, str) or kind not in MODELS:
        return None
    pruned = _Pruned(copy.deepcopy(file.data), kind)
    context = validation_context(config.tz)
    for _ in range(MAX_ROUNDS):
        record, errors = validated_record(pruned.data, context)
        if errors:
            targets = _targets(errors)
            if targets is None or not all(pruned.remove(target) for target in targets):
                return None
            continue
        return Salvaged(file, record, frozenset(pruned.removed), dict(pruned.kept))
    return None


def _targets(errors: list[Any]) -> list[Loc] | None:
    """What to take out for these errors, later list positions first; None: nothing can."""
    found: set[Loc] = set()
    for error in errors:
        if error["type"].startswith("union_tag"):
            return None
        loc = clean_loc(error["loc"], None)
        if error["type"] == "missing":
            loc = loc[:-1]  # the mapping that lacks a required key
        if not loc:
            return None
        found.add(loc)
    # Of a value and a part of it, take out only the part (`dept:` in an attendee, rather
    # than the attendee that fails as text too); the next round sees whether that did.
    specific = [t for t in found if not any(o != t and o[: len(t)] == t for o in found)]
    return sorted(specific, key=lambda loc: [(isinstance(s, int), s) for s in loc], reverse=True)


@dataclass
class _Pruned:
    """The data being pruned, what was taken out and where the remaining items were."""

    data: dict[Any, Any]
    kind: str
    removed: set[Loc] = field(default_factory=set)
    kept: dict[Loc, tuple[int, ...]] = field(default_factory=dict)

    def remove(self, loc: Loc) -> bool:
        """Take out the value at `loc` (in the pruned data's positions); False if it cannot."""
        source = source_loc(loc, self.kept)
        container: Any = self.data
        for segment in loc[:-1]:
            container = _child(container, segment)
        last = loc[-1]
        if isinstance(container, dict):
            key = _key(container, last)
            if key is _ABSENT:
                return False
            del container[key]
        elif isinstance(container, list) and isinstance(last, int) and last < len(container):
            if self._named_by_position(source[:-1]):
                return False  # C3 would become C2: links and findings would name the wrong one
            positions = self.kept.get(source[:-1], tuple(range(len(container))))
            self.kept[source[:-1]] = positions[:last] + positions[last + 1 :]
            del container[last]
        else:
            return False
        self.removed.add(source)
        return True

    def _named_by_position(self, list_loc: Loc) -> bool:
        naming = MODELS[self.kind].ITEM_LISTS.get(str(list_loc[0])) if len(list_loc) == 1 else None
        return naming is not None and naming.key is None


def _child(container: Any, segment: str | int) -> Any:
    if isinstance(container, dict):
        key = _key(container, segment)
        return None if key is _ABSENT else container[key]
    if isinstance(container, list) and isinstance(segment, int) and segment < len(container):
        return container[segment]
    return None


def _key(mapping: dict[Any, Any], segment: str | int) -> Any:
    """The key of `mapping` that pydantic calls `segment` (it shows `1` or `None` as text)."""
    if segment in mapping:
        return segment
    return next((key for key in mapping if str(key) == str(segment)), _ABSENT)
