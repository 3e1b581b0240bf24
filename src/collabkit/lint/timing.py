"""Lint checks of the timing rules: breaches (met late), estimated calendar years, and
explicit deadlines that fall on a day off (a hint)."""

from __future__ import annotations

from collections.abc import Iterator

from collabkit.findings import Finding
from collabkit.i18n import Texts
from collabkit.i18n.formats import local_time as fmt_time
from collabkit.lint.locate import Locator
from collabkit.query.days import moment_text
from collabkit.timing.obligations import Obligation
from collabkit.workspace import Loaded, Workspace


def timing_checks(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    timing = ws.timing
    tz = ws.config.tz
    t = Texts(ws.config.language)
    explicit = {rule.id: rule.deadline for rule in timing.rules if rule.deadline is not None}
    for rec in records:
        for ob in timing.obligations_for(rec.record, rec.file.rel):
            rule = _named(ob)
            if ob.met and ob.met_at is not None and ob.met_at > ob.due:
                message = t(
                    "lint.breach",
                    rule=rule,
                    what=ob.what,
                    due=fmt_time(ob.due, tz),
                    met=fmt_time(ob.met_at, tz),
                )
                yield where.finding(rec, ob.loc, "breach", message, "warning")
            if ob.met:
                continue
            if ob.estimated_years:
                message = t(
                    "lint.estimated",
                    rule=ob.rule,
                    due=fmt_time(ob.due, tz),
                    problem=ob.problem(t.language),
                )
                yield where.finding(rec, ob.loc, "estimated-calendar", message, "warning")
            local = ob.due.astimezone(tz).date()
            is_explicit = ob.loc and ob.loc[-1] == explicit.get(ob.rule)
            if is_explicit and not timing.calendar.is_working_day(local):
                message = t(
                    "lint.deadline_day_off", rule=rule, due=moment_text(timing.calendar, ob.due, t)
                )
                yield where.finding(rec, ob.loc, "deadline-day-off", message, "info")


def _named(ob: Obligation) -> str:
    """'action.due A2': the rule, and the item it is about."""
    return f"{ob.rule} {ob.item}" if ob.item else ob.rule
