"""The tables across records that the site's index shows: every record, the handbook's
aggregate tables, the open action items by owner, and what is overdue."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from collabkit.models import Collaboration, CustomerRequest, Issue, Meeting, Notice, RecordBase
from collabkit.present.columns import obligations_table
from collabkit.present.markdown import Table, cell, heading
from collabkit.present.pages import collaboration, customer, issue, notice
from collabkit.present.pages.common import Site
from collabkit.present.pages.meeting import item_state
from collabkit.present.records import owner_of
from collabkit.timing.obligations import Obligation


@dataclass(frozen=True, slots=True)
class OwnerItems:
    """One owner's open action items and to-dos: a heading and a table."""

    owner: str
    table: Table


def aggregate_tables(site: Site) -> dict[str, Table]:
    """The handbook's tables across records, by template name (see docs/templates.md)."""
    records = sorted(site.records.values(), key=lambda r: r.record_id)
    return {
        "collaborations": collaboration.tracking_table(_of(records, Collaboration), site),
        "customer-requests": customer.tracking_table(_of(records, CustomerRequest), site),
        "issues": issue.issues_table(_of(records, Issue), site),
        "notices": notice.notices_table(_of(records, Notice), site),
    }


def _of(records: Iterable[RecordBase], kind: type[Any]) -> list[Any]:
    return [r for r in records if isinstance(r, kind)]


def records_table(site: Site) -> Table:
    """Every record: id (linked to its page), kind, title, status, owner."""
    shown = site.shown
    t = shown.t
    rows = [
        [
            site.ref_link(record.record_id),
            cell(t(f"kind.{record.kind}")),
            cell(record.display_title),
            shown.status(record.kind, getattr(record, "status", None)),
            cell(owner_of(record)),
        ]
        for record in sorted(site.records.values(), key=lambda r: r.record_id)
    ]
    keys = ("id", "kind", "title", "status", "owner")
    return Table([t(f"render.col.{key}") for key in keys], rows)


def open_items_by_owner(site: Site) -> list[OwnerItems]:
    """Open meeting actions and notice to-dos, grouped by owner (by name), soonest first."""
    shown = site.shown
    t = shown.t
    owed = {(ob.record, ob.item): ob for obs in site.obligations.values() for ob in obs}
    groups: defaultdict[str, list[tuple[Any, list[str]]]] = defaultdict(list)
    for record in sorted(site.records.values(), key=lambda r: r.record_id):
        for item, deliverable in _open_items(record):
            ref = f"{record.record_id}/{item.id}"
            ob = owed.get((record.record_id, item.id))
            progress = getattr(item, "progress", ())
            row = [
                site.ref_link(ref),
                cell(item.task),
                shown.moment(item.due),
                cell(deliverable),
                item_state(item.status, item.done_at, ob, shown, progress),
            ]
            groups[item.owner or ""].append((item.due, row))
    keys = ("id", "task", "due", "deliverable", "status")
    headers = [t(f"render.col.{key}") for key in keys]
    return [
        OwnerItems(
            heading(owner) if owner else t("render.unassigned"),
            Table(headers, [row for _, row in sorted(items, key=_soonest)]),
        )
        for owner, items in sorted(groups.items())
    ]


def _soonest(entry: tuple[Any, list[str]]) -> tuple[bool, Any]:
    due = entry[0]
    return (due is None, due.timestamp() if due is not None else 0)


def _open_items(record: RecordBase) -> Iterable[tuple[Any, str | None]]:
    if record.is_draft or record.is_finished:
        return
    if isinstance(record, Meeting):
        yield from ((a, a.deliverable) for a in record.actions if a.status == "open")
    elif isinstance(record, Notice):
        yield from ((todo, None) for todo in record.todos if todo.status == "open")


def overdue_table(overdue: Sequence[Obligation], site: Site) -> Table:
    """What is overdue, most overdue first: record, rule, what, owner, department, due, late."""
    columns = ("record", "rule", "what", "owner", "department", "due", "late")
    return obligations_table(overdue, site.shown, columns)
