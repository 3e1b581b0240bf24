"""跨部门沟通记录表 of one collaboration (with 进度更新 and the weekly syncs met or missed),
and the 跨部门协作事项跟踪表 across all of them with 进展情况 computed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from collabkit.models import Collaboration
from collabkit.models.collaboration import Acceptance, Contact, Retrospective
from collabkit.present.columns import obligations_table
from collabkit.present.markdown import EMPTY, Table, cell, form, joined, link
from collabkit.present.pages.common import Site, signoff_line
from collabkit.present.progress import progress_text
from collabkit.present.values import Shown
from collabkit.timing.obligations import Obligation

TRACKING_COLUMNS = (
    "render.col.no",
    "render.collaboration.name",
    "render.collaboration.initiating_department",
    "render.collaboration.partner_department",
    "render.collaboration.initiator_owner",
    "render.collaboration.partner_owner",
    "render.collaboration.planned_start",
    "render.collaboration.planned_end",
    "render.collaboration.actual_end",
    "render.collaboration.progress_state",
    "render.collaboration.risks",
)


def values(record: Collaboration, site: Site) -> dict[str, Any]:
    """`form` (跨部门沟通记录表), `updates` (进度更新), `syncs` (the recurring periods)."""
    shown = site.shown
    t = shown.t
    return {
        "form": form(t("render.collaboration.info"), t("render.form.content"), _rows(record, site)),
        "updates": Table(
            [
                t("render.col.time"),
                t("render.collaboration.note"),
                t("render.collaboration.percent"),
            ],
            [
                [
                    shown.moment(p.at),
                    cell(p.note),
                    f"{p.percent}%" if p.percent is not None else EMPTY,
                ]
                for p in record.progress
            ],
        ),
        "syncs": syncs_table([ob for ob in site.owed_by(record.id) if ob.recurring], shown),
    }


def _rows(record: Collaboration, site: Site) -> list[tuple[str, str]]:
    shown = site.shown
    t = shown.t
    initiator = record.initiator
    rows = {
        "id": cell(record.id),
        "title": cell(record.title),
        "initiator": _contact(initiator, shown),
        "partners": joined(_contact(p, shown) for p in record.partners),
        "background": cell(record.background),
        "goal": cell(record.goal),
        "description": shown.lines(record.description),
        "mode": cell(record.mode),
        "risks": risks_cell(record, shown),
        "planned_start": shown.moment(record.planned_start),
        "planned_end": shown.moment(record.planned_end),
        "actual_end": shown.moment(record.actual_end),
        "requested_at": shown.moment(record.requested_at),
        "accepted_at": shown.moment(record.accepted_by_partner_at),
        "progress_state": cell(progress_text(record, shown.now, shown.tz, t)),
        "acceptance": _acceptance(record.acceptance, shown),
        "acceptance_signoff": _acceptor(record, site),
        "retrospective": _retrospective(record.retrospective, shown),
    }
    labelled = [(t(f"render.collaboration.{key}"), value) for key, value in rows.items()]
    return [*labelled, (t("render.col.status"), shown.status(record.kind, record.status))]


def _acceptor(record: Collaboration, site: Site) -> str:
    """验收人签字: the acceptor's signature on the accepted result, or "未签字"."""
    if record.acceptance is None:
        return EMPTY
    signed = site.signoffs(record.id).get("acceptor")
    label = site.shown.t("render.role.acceptor")
    return signoff_line(label, record.acceptance.by, signed, site.shown)


def _contact(contact: Contact | None, shown: Shown) -> str:
    return shown.party(contact.department, contact.contact) if contact else EMPTY


def risks_cell(record: Collaboration, shown: Shown) -> str:
    """风险点及应对措施: 'risk → mitigation', one per line."""
    return joined(
        shown.t("render.collaboration.risk_line", risk=cell(r.risk), mitigation=cell(r.mitigation))
        for r in record.risks
    )


def _acceptance(acceptance: Acceptance | None, shown: Shown) -> str:
    if acceptance is None:
        return EMPTY
    t = shown.t
    return t(
        "render.collaboration.acceptance_text",
        result=t(f"render.collaboration.{acceptance.result}"),
        comments=cell(acceptance.comments),
        by=cell(acceptance.by),
        at=shown.moment(acceptance.at),
    )


def _retrospective(retro: Retrospective | None, shown: Shown) -> str:
    if retro is None:
        return EMPTY
    t = shown.t
    parts = []
    for key in ("highlights", "improvements", "measures"):
        value = getattr(retro, key)
        if value:
            parts.append(
                t("render.pair", key=t(f"render.collaboration.{key}"), value=shown.lines(value))
            )
    if retro.at is not None:
        parts.append(
            t("render.pair", key=t("render.collaboration.retro_at"), value=shown.moment(retro.at))
        )
    return joined(parts)


def syncs_table(periods: Iterable[Obligation], shown: Shown) -> Table:
    """Each period of a recurring rule up to now: its deadline, when it was met, the result."""
    return obligations_table(periods, shown, ("period", "what", "due", "synced_at", "synced"))


def tracking_table(records: Iterable[Collaboration], site: Site) -> Table:
    """跨部门协作事项跟踪表: one row per collaboration (its name links to its page),
    进展情况 computed."""
    shown = site.shown
    t = shown.t
    rows = []
    for number, record in enumerate(records, 1):
        initiator = record.initiator or Contact()
        rows.append(
            [
                str(number),
                link(cell(record.title), site.page_of(record.id)),
                cell(initiator.department),
                shown.names(p.department for p in record.partners),
                cell(initiator.contact),
                shown.names(p.contact for p in record.partners),
                shown.moment(record.planned_start),
                shown.moment(record.planned_end),
                shown.moment(record.actual_end),
                cell(progress_text(record, shown.now, shown.tz, t)),
                risks_cell(record, shown),
            ]
        )
    return Table([t(key) for key in TRACKING_COLUMNS], rows)
