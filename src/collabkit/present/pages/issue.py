"""问题协调解决记录表: the handbook's row (问题编号 … 用户反馈) and the handling details; the
response timeline is the page's deadlines table (each rule's deadline, when met, the result)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from collabkit.models import Issue
from collabkit.present.markdown import EMPTY, Table, cell, form, joined
from collabkit.present.pages.common import Site
from collabkit.present.values import Shown

ROW_COLUMNS = (
    "id",
    "description",
    "reporter",
    "reported_at",
    "urgency",
    "impact",
    "department",
    "owner",
    "planned_resolution",
    "resolved_at",
    "solution",
    "user_feedback",
)


def values(record: Issue, site: Site) -> dict[str, Any]:
    """`row` (the 问题协调解决记录表 with this issue's row) and `details` (the handling)."""
    shown = site.shown
    t = shown.t
    details = [
        (t("render.col.status"), shown.status(record.kind, record.status)),
        (t("render.issue.team"), _team(record, shown)),
        (t("render.issue.root_cause"), cell(record.root_cause)),
        (t("render.issue.verification"), cell(record.verification)),
        (t("render.issue.verified_at"), shown.moment(record.verified_at)),
        (t("render.issue.prevention"), cell(record.prevention)),
        (t("render.issue.retrospective_at"), shown.moment(record.retrospective_at)),
    ]
    return {
        "row": issues_table([record], site),
        "details": form(t("render.issue.details"), t("render.form.content"), details),
    }


def issues_table(records: Iterable[Issue], site: Site) -> Table:
    """问题协调解决记录表: one row per issue, its id linked to its page."""
    t = site.shown.t
    return Table(
        [t(f"render.issue.{key}") for key in ROW_COLUMNS], [issue_row(r, site) for r in records]
    )


def issue_row(record: Issue, site: Site) -> list[str]:
    """An issue's cells under `ROW_COLUMNS`; 问题描述 is the title, then the description."""
    shown = site.shown
    return [
        site.ref_link(record.id),
        joined([cell(record.title, ""), cell(record.description, "")]),
        cell(record.reporter),
        shown.moment(record.reported_at),
        shown.word("render.level", record.urgency),
        cell(record.impact),
        cell(record.department),
        cell(record.owner),
        shown.moment(record.planned_resolution),
        shown.moment(record.resolved_at),
        cell(record.solution),
        cell(record.user_feedback),
    ]


def _team(record: Issue, shown: Shown) -> str:
    team = record.team
    if team is None or (team.lead is None and not team.members):
        return EMPTY
    return shown.t(
        "render.issue.team_text", lead=cell(team.lead), members=shown.names(team.members)
    )
