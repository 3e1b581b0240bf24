"""A frozen snapshot of a workspace's obligations at one moment, and what is overdue or due."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from collabkit.findings import Finding
from collabkit.io.positions import quick_line
from collabkit.query.ahead import horizon
from collabkit.query.filters import Filter
from collabkit.timing.durations import Duration
from collabkit.timing.obligations import Obligation, Timing
from collabkit.workspace import Loaded, Workspace


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The obligations of the chosen records up to `until` (`now`, or the end of a look
    ahead), the files that could not be read, and what is needed to say where each is."""

    now: datetime
    until: datetime
    obligations: tuple[Obligation, ...]
    skipped: tuple[Finding, ...]
    timing: Timing
    texts: Mapping[str, str]  # file → text, for the line of each obligation

    def overdue(self) -> list[Obligation]:
        """Unmet obligations whose deadline has passed, most overdue first. Of a recurring
        rule only the latest missed period of each record is listed, counting the others."""
        return overdue(self.obligations, self.now)

    def due(self) -> list[Obligation]:
        """Unmet obligations due between `now` and `until`, soonest first."""
        return due_between(self.obligations, self.now, self.until)

    def line_of(self, ob: Obligation) -> int | None:
        """The line an obligation points at, by a quick scan of its file."""
        text = self.texts.get(ob.file)
        if text is None:
            return None
        loc = ob.loc
        while loc:
            line = quick_line(text, loc)
            if line is not None:
                return line
            loc = loc[:-1]
        return None


def obligations_at(
    ws: Workspace,
    now: datetime,
    *,
    ahead: Duration | None = None,
    who: Filter | None = None,
    records: Iterable[Loaded] | None = None,
) -> Snapshot:
    """The snapshot of `ws` at `now`: every record's obligations (or those of `records`),
    recurring periods up to `now` + `ahead`, kept when `who` keeps their owner."""
    timing = ws.timing
    until = horizon(timing.calendar, now, ahead) if ahead is not None else now
    skipped: tuple[Finding, ...] = ()
    if records is None:
        loaded = ws.load()
        chosen: list[Loaded] = loaded.records
        skipped = tuple(loaded.findings)
    else:
        chosen = list(records)
    everything = timing.obligations(chosen, until)
    kept = [ob for ob in everything if who is None or who.keeps(ob.owner, ob.department)]
    texts = {rec.file.rel: rec.file.text for rec in chosen}
    return Snapshot(now, until, tuple(kept), skipped, timing, texts)


def overdue(obligations: Iterable[Obligation], now: datetime) -> list[Obligation]:
    """Unmet obligations past their deadline at `now`, most overdue first (see Snapshot)."""
    late: list[Obligation] = []
    latest: dict[tuple[str, str], Obligation] = {}
    missed: Counter[tuple[str, str]] = Counter()
    for ob in obligations:
        if ob.met or now <= ob.due:
            continue
        if not ob.recurring:
            late.append(ob)
            continue
        key = (ob.record, ob.rule)
        missed[key] += 1
        if key not in latest or ob.due >= latest[key].due:  # periods come in order
            latest[key] = ob
    late += [replace(ob, missed_before=missed[key] - 1) for key, ob in latest.items()]
    return sorted(late, key=_order)


def due_between(
    obligations: Iterable[Obligation], now: datetime, until: datetime
) -> list[Obligation]:
    """Unmet obligations due from `now` to `until`, soonest first."""
    upcoming = [ob for ob in obligations if not ob.met and now <= ob.due <= until]
    return sorted(upcoming, key=_order)


def _order(ob: Obligation) -> tuple[datetime, str, str, str]:
    return (ob.due, ob.record, ob.item or "", ob.rule)
