"""Lint checks of the timing rules: breaches (met late) and estimated calendar years."""

from __future__ import annotations

from collections.abc import Iterator

from collabkit.findings import Finding
from collabkit.i18n.formats import local_time as fmt_time
from collabkit.lint.locate import Locator
from collabkit.workspace import Loaded, Workspace


def timing_checks(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    timing = ws.timing
    tz = ws.config.tz
    for rec in records:
        for ob in timing.obligations_for(rec.record, rec.file.rel):
            if ob.met and ob.met_at is not None and ob.met_at > ob.due:
                late = fmt_time(ob.met_at, tz)
                yield where.finding(
                    rec,
                    ob.loc,
                    "breach",
                    f"{ob.rule}{' ' + ob.item if ob.item else ''}: {ob.what} was due "
                    f"{fmt_time(ob.due, tz)}, met {late} (late)",
                    "warning",
                )
            if ob.estimated_years and not ob.met:
                yield where.finding(
                    rec,
                    ob.loc,
                    "estimated-calendar",
                    f"{ob.rule}: deadline {fmt_time(ob.due, tz)} is estimated: {ob.problem('en')}",
                    "warning",
                )
