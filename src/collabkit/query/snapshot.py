"""A frozen snapshot of a workspace's obligations at one moment, and what is overdue or due."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from collabkit.findings import Finding
from collabkit.io.positions import quick_line
from collabkit.query.ahead import horizon
from collabkit.query.filters import Filter
from collabkit.timing.durations import Duration
from collabkit.timing.obligation import Obligation, due_between, overdue
from collabkit.timing.obligations import Timing
from collabkit.workspace import Loaded, Workspace
from collabkit.workspace.cached import open_obligations


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
        """The line an obligation points at: known already, or by a quick scan of its file."""
        if ob.line is not None:
            return ob.line
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
    unmet_only: bool = False,
) -> Snapshot:
    """The snapshot of `ws` at `now`: every record's obligations (or those of `records`),
    recurring periods up to `now` + `ahead`, kept when `who` keeps their owner; with
    `unmet_only`, a Snapshot for listings of what is still owed (fast from the cache)."""
    timing = ws.timing
    until = horizon(timing.calendar, now, ahead) if ahead is not None else now
    skipped: tuple[Finding, ...] = ()
    texts: dict[str, str] = {}
    if records is None and unmet_only:  # every record, through the cache
        everything, unreadable = open_obligations(ws, until)
        skipped = tuple(unreadable)
    else:
        if records is None:
            loaded = ws.load()
            records, skipped = loaded.records, tuple(loaded.findings)
        chosen = list(records)
        everything = timing.obligations(chosen, until)
        texts = {rec.file.rel: rec.file.text for rec in chosen}
    kept = [ob for ob in everything if who is None or who.keeps(ob.owner, ob.department)]
    return Snapshot(now, until, tuple(kept), skipped, timing, texts)
