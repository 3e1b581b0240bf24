"""需求沟通与确认表: the two-column form (every row of SPEC §6), the 待确认事项 with their
answers and deadlines, and 确认签字 from the signature trail ("未签字" for a side that has not)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from collabkit.models import Requirement
from collabkit.models.requirement import Party, PendingItem
from collabkit.present.markdown import EMPTY, Table, cell, form, joined
from collabkit.present.pages.common import Site, signoff_line
from collabkit.present.values import Shown
from collabkit.timing.obligations import Obligation
from collabkit.trail import SignOff

ROLES = ("requester", "receiver")
_EVENTS = ("sent_at", "confirmed_at", "delivered_at", "accepted_at")


def values(record: Requirement, site: Site) -> dict[str, Any]:
    """`form` (需求基本信息 | 内容) and `pending` (the open questions' table)."""
    shown = site.shown
    t = shown.t
    pending_owed = {
        ob.item: ob for ob in site.owed_by(record.id) if ob.rule == "requirement.pending"
    }
    rows = [
        ("id", cell(record.id)),
        ("title", cell(record.title)),
        ("requester", _party(record.requester, shown)),
        ("receiver", _party(record.receiver, shown)),
        ("background", cell(record.background)),
        ("goal", cell(record.goal)),
        ("description", shown.lines(record.description)),
        ("priority", shown.word("render.level", record.priority)),
        ("due", _due(record, shown)),
        ("resources", shown.lines(record.resources)),
        ("status", shown.status(record.kind, record.status)),
        ("events", _events(record, shown)),
    ]
    if record.decline_reason or record.alternative:
        rows += [
            ("decline_reason", cell(record.decline_reason)),
            ("alternative", cell(record.alternative)),
        ]
    rows += [  # the handbook's form ends with the questions and the signatures
        ("pending", _pending_summary(record.pending, shown)),
        ("signoff", signoff_cell(record, site.signoffs(record.id), shown)),
    ]
    labels = [
        (t(f"render.requirement.{key}") if key != "status" else t("render.col.status"), value)
        for key, value in rows
    ]
    return {
        "form": form(t("render.requirement.info"), t("render.form.content"), labels),
        "pending": _pending_table(record.pending, pending_owed, shown),
    }


def _party(party: Party | None, shown: Shown) -> str:
    return shown.party(party.department, party.lead) if party else EMPTY


def _due(record: Requirement, shown: Shown) -> str:
    t = shown.t
    parts = [t("render.requirement.due_line", due=shown.moment(record.due))] if record.due else []
    milestones = record.milestones
    if milestones is not None:
        for key in ("plan", "plan_at", "build", "launch"):
            value = getattr(milestones, key)
            if value is not None:
                text = shown.moment(value) if key == "plan_at" else cell(value)
                parts.append(t("render.pair", key=t(f"render.milestone.{key}"), value=text))
    return joined(parts)


def _events(record: Requirement, shown: Shown) -> str:
    t = shown.t
    return joined(
        t("render.pair", key=t(f"render.event.{key}"), value=shown.moment(getattr(record, key)))
        for key in _EVENTS
        if getattr(record, key) is not None
    )


def _pending_summary(items: list[PendingItem], shown: Shown) -> str:
    t = shown.t
    lines = []
    for item in items:
        question = f"{cell(item.id)} {cell(item.question)}"
        if item.answer:
            lines.append(t("render.pending.answer", question=question, answer=cell(item.answer)))
        else:
            lines.append(t("render.pending.unanswered", question=question))
    return joined(lines)


def _pending_table(
    items: list[PendingItem], owed: Mapping[str | None, Obligation], shown: Shown
) -> Table:
    t = shown.t
    headers = [
        t("render.col.id"),
        t("render.pending.question"),
        t("render.col.owner"),
        t("render.pending.raised_at"),
        t("render.pending.due"),
        t("render.pending.answer_col"),
        t("render.pending.answered_at"),
        t("render.col.result"),
    ]
    rows = []
    for item in items:
        ob = owed.get(item.id)
        rows.append(
            [
                cell(item.id),
                cell(item.question),
                cell(item.owner),
                shown.moment(item.raised_at),
                shown.due(ob) if ob else shown.moment(item.due),
                cell(item.answer),
                shown.moment(item.answered_at),
                shown.state(ob) if ob else EMPTY,
            ]
        )
    return Table(headers, rows)


def signoff_cell(record: Requirement, signoffs: Mapping[str, SignOff], shown: Shown) -> str:
    """确认签字: one line per side — who signed, when, which commit, whether git verifies
    its signature — or "未签字"."""
    lines = []
    for role in ROLES:
        party: Party | None = getattr(record, role)
        label = shown.t(f"render.role.{role}")
        lines.append(signoff_line(label, party.lead if party else None, signoffs.get(role), shown))
    return joined(lines)
