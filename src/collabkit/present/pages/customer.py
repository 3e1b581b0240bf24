"""客户需求对接跟踪表: the table across all requests (latest proposal, feedback, status,
owner), and per request its proposal history and 客户沟通档案 with response and solution
times against the 1 h / 24 h rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from collabkit.models import CustomerRequest
from collabkit.models.customer import Communication
from collabkit.present.markdown import EMPTY, Table, cell, form, heading, joined, link
from collabkit.present.pages.common import Site
from collabkit.present.values import Shown
from collabkit.timing.obligations import Obligation

TRACKING_COLUMNS = (
    "render.col.no",
    "render.customer.id",
    "render.customer.customer",
    "render.customer.project",
    "render.customer.contact",
    "render.customer.description",
    "render.customer.budget",
    "render.customer.received_at",
    "render.customer.review",
    "render.customer.latest",
    "render.customer.feedback",
    "render.customer.feedback_at",
    "render.col.status",
    "render.col.owner",
)


def values(record: CustomerRequest, site: Site) -> dict[str, Any]:
    """`form` (the request), `proposals` (方案版本), `communications` (客户沟通档案)."""
    shown = site.shown
    t = shown.t
    owed: dict[tuple[str, str | None], Obligation] = {
        (ob.rule, ob.item): ob for ob in site.owed_by(record.id)
    }
    rows = [
        ("id", cell(record.id)),
        ("customer", cell(record.customer)),
        ("project", cell(record.project)),
        ("contact", cell(record.contact)),
        ("description", shown.lines(record.description)),
        ("budget", cell(record.budget)),
        ("received_at", shown.moment(record.received_at)),
        ("review", _review(record, shown)),
    ]
    labelled = [(t(f"render.customer.{key}"), value) for key, value in rows]
    labelled += [
        (t("render.col.status"), shown.status(record.kind, record.status)),
        (t("render.col.owner"), cell(record.owner)),
    ]
    values: dict[str, Any] = {}
    if not record.title and record.customer and record.project:  # 客户 and 项目 name it
        values["title"] = heading(f"{record.customer} {record.project}")
        values["heading"] = f"{record.id} {values['title']}"
    return values | {
        "form": form(t("render.customer.info"), t("render.form.content"), labelled),
        "proposals": _proposals(record, owed, shown),
        "communications": _communications(record.communications, owed, shown),
    }


def _review(record: CustomerRequest, shown: Shown) -> str:
    result = shown.word("render.customer.review", record.review_result)
    if record.reviewed_at is None:
        return result
    return shown.t(
        "render.customer.review_text", result=result, at=shown.moment(record.reviewed_at)
    )


def _proposals(
    record: CustomerRequest, owed: Mapping[tuple[str, str | None], Obligation], shown: Shown
) -> Table:
    t = shown.t
    rows = []
    for proposal in record.proposals:
        ob = owed.get(("customer.proposal_feedback", proposal.version))
        rows.append(
            [
                cell(proposal.version),
                shown.moment(proposal.sent_at),
                cell(proposal.summary),
                shown.due(ob) if ob else EMPTY,
                cell(proposal.feedback),
                shown.moment(proposal.feedback_at),
                shown.state(ob) if ob else EMPTY,
            ]
        )
    headers = [
        t("render.customer.version"),
        t("render.customer.sent_at"),
        t("render.customer.summary"),
        t("render.pending.due"),
        t("render.customer.feedback"),
        t("render.customer.feedback_at"),
        t("render.col.result"),
    ]
    return Table(headers, rows)


def _communications(
    items: list[Communication], owed: Mapping[tuple[str, str | None], Obligation], shown: Shown
) -> Table:
    t = shown.t
    rows = []
    for number, item in enumerate(items, 1):
        name = f"C{number}"
        rules = [owed.get((rule, name)) for rule in ("customer.respond", "customer.solution")]
        rows.append(
            [
                cell(name),
                shown.moment(item.at),
                cell(item.channel),
                shown.word("render.customer.type", item.type),
                cell(item.summary),
                _took(item.at, item.responded_at, shown),
                _took(item.at, item.solution_at, shown),
                joined(shown.deadline_line(ob) for ob in rules if ob is not None),
            ]
        )
    headers = [
        t("render.col.no"),
        t("render.col.time"),
        t("render.customer.channel"),
        t("render.customer.type"),
        t("render.customer.content"),
        t("render.customer.responded_at"),
        t("render.customer.solution_at"),
        t("render.section.deadlines"),
    ]
    return Table(headers, rows)


def _took(start: Any, end: Any, shown: Shown) -> str:
    if end is None:
        return EMPTY
    return shown.t("render.customer.took", at=shown.moment(end), elapsed=shown.elapsed(start, end))


def tracking_table(records: Iterable[CustomerRequest], site: Site) -> Table:
    """客户需求对接跟踪表: one row per request, with its latest proposal and feedback."""
    shown = site.shown
    t = shown.t
    rows = []
    for number, record in enumerate(records, 1):
        latest = record.proposals[-1] if record.proposals else None
        rows.append(
            [
                str(number),
                link(cell(record.id), site.page_of(record.id)),
                cell(record.customer),
                cell(record.project),
                cell(record.contact),
                shown.lines(record.description),
                cell(record.budget),
                shown.moment(record.received_at),
                _review(record, shown),
                cell(latest.version if latest else None),
                cell(latest.feedback if latest else None),
                shown.moment(latest.feedback_at if latest else None),
                shown.status(record.kind, record.status),
                cell(record.owner),
            ]
        )
    return Table([t(key) for key in TRACKING_COLUMNS], rows)
