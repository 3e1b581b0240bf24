"""`collab report weekly`: the 周度协作报告 as Markdown (`render/report-weekly.md.j2`) or JSON."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from collabkit.present.report import Week, WeeklyReport, weekly_report
from collabkit.present.report_view import report_json, report_values
from collabkit.render.environment import render
from collabkit.render.pages import tidy
from collabkit.workspace import Workspace


def weekly(
    ws: Workspace, now: datetime, week: str | None = None, department: str | None = None
) -> WeeklyReport:
    """The report of `week` ('2024-W41'; default: the ISO week of `now`)."""
    tz = ws.config.tz
    chosen = Week.parse(week, tz) if week else Week.of(now.astimezone(tz).date(), tz)
    return weekly_report(ws, chosen, now, department)


def weekly_markdown(ws: Workspace, report: WeeklyReport) -> str:
    """The report as the Markdown a lead forwards."""
    text = render(
        ws.root, "render/report-weekly.md.j2", **report_values(report, ws.config.language)
    )
    return tidy(text)


def weekly_json(ws: Workspace, report: WeeklyReport) -> dict[str, Any]:
    return report_json(report, ws.config.language)
