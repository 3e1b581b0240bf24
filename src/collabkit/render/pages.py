"""Records and the site's index as Markdown, through the one sandboxed environment.

Python prepares every value (escaped, formatted: `collabkit.present.pages`, `.tables`); the
templates `render/<kind>.md.j2`, `render/<aggregate>.md.j2` and `render/index.md.j2` only lay
them out. A workspace `templates/render/<same name>` is used instead of the shipped one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from collabkit.findings import Finding
from collabkit.i18n import Texts
from collabkit.i18n.formats import local_time
from collabkit.models import RecordBase
from collabkit.models.ids import check_id
from collabkit.present.pages import SignOffs, Site, no_signoffs, page_for
from collabkit.present.tables import (
    aggregate_tables,
    open_items_by_owner,
    overdue_table,
    records_table,
)
from collabkit.present.values import Shown
from collabkit.query import obligations_at
from collabkit.render.environment import render
from collabkit.timing.obligations import Obligation
from collabkit.workspace import Loaded, Workspace

_BLANK_RUNS = re.compile(r"\n{3,}")
AGGREGATES = ("collaborations", "customer-requests", "issues", "notices")


@dataclass(frozen=True, slots=True)
class Prepared:
    """What one run renders: the site's facts, the records to render, what is overdue."""

    site: Site
    chosen: Sequence[Loaded]
    overdue: Sequence[Obligation]
    skipped: tuple[Finding, ...]  # record files that could not be read


def prepare(
    ws: Workspace,
    now: datetime,
    ids: Sequence[str] = (),
    signoffs: SignOffs = no_signoffs,
    *,
    index: bool = True,
) -> Prepared:
    """Load the workspace once and compute the obligations of the records to render (all,
    or those of `ids`: each checked to be an id, so none can name a path); with `index`,
    of every record, for the index's tables."""
    loaded = ws.load()
    by_id = {rec.id: rec for rec in loaded.records}
    for record_id in ids:
        check_id(record_id)
    chosen = [by_id.get(i) or ws.get(i) for i in dict.fromkeys(ids)] if ids else loaded.records
    snapshot = obligations_at(ws, now, records=loaded.records if index or not ids else chosen)
    shown = Shown(Texts(ws.config.language), ws.timing, now)
    records = [rec.record for rec in loaded.records]
    site = Site.gather(shown, records, snapshot.obligations, signoffs)
    chosen = sorted(chosen, key=lambda r: r.id)
    return Prepared(site, chosen, snapshot.overdue(), tuple(loaded.findings))


def page_text(root: Path | None, record: RecordBase, site: Site) -> str:
    """One record's page: `render/<kind>.md.j2`."""
    return tidy(render(root, f"render/{record.kind}.md.j2", **page_for(record, site)))


def tidy(text: str) -> str:
    """Markdown as written: no blank lines at the start, never two in a row, one final
    newline (templates need not count their blank lines)."""
    return _BLANK_RUNS.sub("\n\n", text.strip("\n")) + "\n"


def index_text(root: Path, prepared: Prepared) -> str:
    """`index.md`: every record, the aggregate tables, open action items, what is overdue."""
    site = prepared.site
    shown = site.shown
    tables = {
        name: render(root, f"render/{name}.md.j2", t=shown.t, table=table)
        for name, table in aggregate_tables(site).items()
    }
    text = render(
        root,
        "render/index.md.j2",
        t=shown.t,
        as_of=local_time(shown.now, shown.tz),
        count=len(site.records),
        records=records_table(site),
        tables=[tables[name] for name in AGGREGATES],
        open_items=open_items_by_owner(site),
        overdue=overdue_table(prepared.overdue, site),
    )
    return tidy(text)
