"""The weekly report as people and programs read it: escaped tables for the Markdown
template (`render/report-weekly.md.j2`) and the `--format json` document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from collabkit.i18n import Texts
from collabkit.i18n.formats import iso, local_time
from collabkit.present.columns import obligations_table
from collabkit.present.markdown import Table, cell, heading, link
from collabkit.present.obligations import obligation_json
from collabkit.present.report import Ongoing, WeeklyReport
from collabkit.present.text import lateness_text
from collabkit.present.values import Shown
from collabkit.timing.obligations import Obligation

DONE = ("record", "what", "owner", "due", "met_at", "result")
OVERDUE = ("record", "what", "owner", "department", "due", "late")
BREACHES = ("record", "what", "owner", "due", "met_at", "late_by")
SYNCS = ("record", "what", "owner", "period", "due")
NEXT_WEEK = ("record", "what", "owner", "due", "weekday")


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the report: its heading, its table, the line shown when it is empty."""

    title: str
    table: Table
    empty: str


def report_values(report: WeeklyReport, language: str) -> dict[str, Any]:
    """The variables of `render/report-weekly.md.j2` (see docs/templates.md)."""
    t = Texts(language)
    shown = Shown(t, report.snapshot.timing, report.as_of)
    week = report.week
    period = t(
        "report.period_text",
        begin=week.begin.date().isoformat(),
        end=week.last_day.isoformat(),
    )
    counts = {
        "done": len(report.done),
        "breaches": len(report.breaches),
        "in_progress": len(report.in_progress),
        "overdue": len(report.overdue),
        "missed": len(report.missed_syncs),
        "next_week": len(report.next_week),
        "risks": len(report.risks),
    }
    overview = Table(
        [t("report.item"), t("render.form.content")],
        [
            [t("report.period"), period],
            [t("report.department"), cell(report.department or t("report.all_departments"))],
            [t("report.as_of"), cell(local_time(report.as_of, shown.tz))],
            [t("report.summary"), t("report.summary_text", **counts)],
        ],
    )
    return {
        "t": t,
        "title": heading(t("report.title", week=week.label)),
        "overview": overview,
        "sections": _sections(report, shown),
    }


def _sections(report: WeeklyReport, shown: Shown) -> list[Section]:
    t = shown.t
    parts = [
        ("done", obligations_table(report.done, shown, DONE)),
        ("in_progress", _ongoing_table(report.in_progress, shown)),
        ("overdue", obligations_table(report.overdue, shown, OVERDUE)),
        ("breaches", obligations_table(report.breaches, shown, BREACHES)),
        ("missed_syncs", obligations_table(report.missed_syncs, shown, SYNCS)),
        ("next_week", obligations_table(report.next_week, shown, NEXT_WEEK)),
        ("risks", _risk_table(report, shown)),
    ]
    return [Section(t(f"report.{key}"), table, t(f"report.none.{key}")) for key, table in parts]


def _headers(t: Texts, *keys: str) -> list[str]:
    return [t(key if "." in key else f"render.col.{key}") for key in keys]


def _ongoing_table(items: Iterable[Ongoing], shown: Shown) -> Table:
    rows = [
        [
            link(cell(item.ref), f"{item.ref.split('/')[0]}.md"),
            cell(item.what),
            cell(item.owner),
            cell(item.progress),
            shown.moment(item.due),
        ]
        for item in items
    ]
    headers = _headers(
        shown.t, "record", "what", "owner", "report.col.progress", "report.col.planned_end"
    )
    return Table(headers, rows)


def _risk_table(report: WeeklyReport, shown: Shown) -> Table:
    rows = [
        [link(cell(r.record), f"{r.record}.md"), cell(r.title), cell(r.risk), cell(r.mitigation)]
        for r in report.risks
    ]
    headers = _headers(
        shown.t, "record", "what", "render.collaboration.risk", "render.collaboration.mitigation"
    )
    return Table(headers, rows)


def report_json(report: WeeklyReport, language: str) -> dict[str, Any]:
    """`collab report weekly --format json`: the sections as JSON, obligations as in SPEC §4."""
    snapshot = report.snapshot
    timing = snapshot.timing

    def item(ob: Obligation, **extra: Any) -> dict[str, Any]:
        return obligation_json(ob, snapshot) | extra

    return {
        "week": report.week.label,
        "from": report.week.begin.date().isoformat(),
        "to": report.week.last_day.isoformat(),
        "as_of": iso(report.as_of),
        "department": report.department,
        "done": [
            item(ob, met_at=iso(ob.met_at) if ob.met_at else None, state=ob.state(report.as_of))
            for ob in report.done
        ],
        "in_progress": [_ongoing_json(o) for o in report.in_progress],
        "overdue": [
            item(ob, late=lateness_text(timing, ob, report.as_of)) for ob in report.overdue
        ],
        "breaches": [
            item(ob, met_at=iso(ob.met_at) if ob.met_at else None) for ob in report.breaches
        ],
        "missed_syncs": [item(ob) for ob in report.missed_syncs],
        "next_week": [item(ob) for ob in report.next_week],
        "risks": [
            {"record": r.record, "title": r.title, "risk": r.risk, "mitigation": r.mitigation}
            for r in report.risks
        ],
    }


def _ongoing_json(item: Ongoing) -> dict[str, Any]:
    return {
        "ref": item.ref,
        "kind": item.kind,
        "what": item.what,
        "owner": item.owner,
        "department": item.department,
        "progress": item.progress,
        "percent": item.percent,
        "due": iso(item.due) if item.due else None,
    }
