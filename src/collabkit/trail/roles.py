"""Who signs what: the roles of SPEC §7, the person each names, and the content a signature
covers.

- a requirement's `requester` and `receiver`: their `lead`s sign the whole requirement;
- a meeting action's `owner` (`HY-2024-003/A2`): the owner confirms that action item;
- a collaboration's `acceptor` (`acceptance.by`): the acceptor signs the acceptance.

A signature covers the signed part's content: everything but its status, its events (every
`…_at` field), progress logs and links, which change as work goes on without changing what
was agreed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from collabkit.errors import UsageError
from collabkit.i18n import msg
from collabkit.models import Collaboration, Meeting, Record, Requirement, statuses
from collabkit.models.meeting import Action

ROLES: dict[str, tuple[str, ...]] = {
    "requirement": ("requester", "receiver"),
    "meeting": ("owner",),
    "collaboration": ("acceptor",),
}
# Not content: what changes as the work goes on (SPEC §7 "apart from status and event fields").
UNSIGNED_KEYS = frozenset({"status", "links", "progress"})
CONFIRMED = "confirmed"


@dataclass(frozen=True, slots=True)
class Target:
    """One signature a record can carry: RW-2024-001 receiver, HY-2024-003/A2 owner."""

    record_id: str
    item: str | None  # the action item (A2) an owner signs
    role: str

    @property
    def ref(self) -> str:
        """The record or item signed, as the `Collab-Record` trailer names it."""
        return self.record_id if self.item is None else f"{self.record_id}/{self.item}"


def targets_of(record: Record) -> Iterator[Target]:
    """Every signature the record can carry (each action of a meeting; an acceptance that is
    recorded)."""
    record_id = record.record_id
    if isinstance(record, Requirement):
        for role in ROLES["requirement"]:
            yield Target(record_id, None, role)
    elif isinstance(record, Meeting):
        for action in record.actions:
            yield Target(record_id, action.id, "owner")
    elif isinstance(record, Collaboration) and record.acceptance is not None:
        yield Target(record_id, None, "acceptor")


def target_for(record: Record, item: str | None, role: str) -> Target:
    """The target `collab sign ID[/ITEM] --role ROLE` names; a clear error when the record has
    no such role or item."""
    roles = ROLES.get(record.kind, ())
    if role not in roles:
        if not roles:
            raise UsageError(msg("sign.no_roles", id=record.record_id, kind=record.kind))
        raise UsageError(
            msg("sign.bad_role", id=record.record_id, role=role, roles=", ".join(roles))
        )
    target = Target(record.record_id, item, role)
    if isinstance(record, Meeting):
        if item is None:
            raise UsageError(msg("sign.name_action", id=record.record_id))
        if _action(record, item) is None:
            raise UsageError(msg("sign.no_action", id=record.record_id, item=item))
    elif item is not None:
        raise UsageError(msg("sign.no_items", id=record.record_id, item=item))
    if isinstance(record, Collaboration) and record.acceptance is None:
        raise UsageError(msg("sign.no_acceptance", id=record.record_id))
    return target


def person_of(record: Record, target: Target) -> str | None:
    """The person the record names for the role (a name or an email, as written)."""
    if isinstance(record, Requirement):
        party = record.requester if target.role == "requester" else record.receiver
        return party.lead if party is not None else None
    if isinstance(record, Meeting):
        action = _action(record, target.item)
        return action.owner if action is not None else None
    if isinstance(record, Collaboration) and record.acceptance is not None:
        return record.acceptance.by
    return None


def signed_part(record: Record, target: Target) -> BaseModel | None:
    """The part of the record a signature covers, or None when it no longer exists."""
    if isinstance(record, Requirement):
        return record
    if isinstance(record, Meeting):
        return _action(record, target.item)
    if isinstance(record, Collaboration):
        return record.acceptance
    return None


def part_data(data: Any, target: Target) -> Any:
    """`signed_part` of a record's plain data as parsed (before validation), or None."""
    if not isinstance(data, dict):
        return None
    if target.role == "owner":
        actions = data.get("actions")
        items = actions if isinstance(actions, list) else []
        return next((a for a in items if isinstance(a, dict) and str(a.get("id")) == target.item),
                    None)  # fmt: skip
    if target.role == "acceptor":
        return data.get("acceptance")
    return data


def content_of(part: BaseModel) -> dict[str, Any]:
    """What a signature covers: the part's fields without status, events, progress, links."""
    content: dict[str, Any] = strip(part.model_dump(mode="python"))
    return content


def changed_fields(signed: dict[str, Any], now: dict[str, Any]) -> tuple[str, ...]:
    """The fields whose value differs between the signed content and the content now."""
    return tuple(key for key in dict.fromkeys([*signed, *now]) if signed.get(key) != now.get(key))


def claims_signed(record: Record) -> bool:
    """A requirement whose status says both leads signed: `confirmed` or later."""
    if not isinstance(record, Requirement):
        return False
    order = statuses("requirement")
    last = order.index("closed")
    return order.index(CONFIRMED) <= order.index(record.status) <= last


def _action(record: Meeting, item: str | None) -> Action | None:
    return next((a for a in record.actions if a.id == item), None)


def strip(value: Any) -> Any:
    """`value` without what a signature does not cover (status, `…_at`, progress, links)."""
    if isinstance(value, dict):
        return {
            key: strip(inner)
            for key, inner in value.items()
            if key not in UNSIGNED_KEYS and not str(key).endswith("_at")
        }
    if isinstance(value, list):
        return [strip(inner) for inner in value]
    return value
