"""Tables of obligations, by naming their columns: the deadlines of a page, the overdue
table of the index, the sections of the weekly report all take their cells from here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from collabkit.present.markdown import Table, cell, link
from collabkit.present.text import lateness_text
from collabkit.present.values import Shown
from collabkit.timing.obligations import Obligation


@dataclass(frozen=True, slots=True)
class Column:
    header: str  # a catalogue key
    value: Callable[[Obligation, Shown], str]


def _synced(ob: Obligation, shown: Shown) -> str:
    state = ob.state(shown.now)
    if state in ("met", "breach"):
        return shown.t("render.collaboration.sync_met")
    if state == "overdue":
        return shown.t("render.collaboration.sync_missed")
    return shown.t("render.state.open")


COLUMNS: dict[str, Column] = {
    "record": Column("render.col.record", lambda ob, _: link(cell(ob.ref), f"{ob.record}.md")),
    "rule": Column("render.col.rule", lambda ob, _: cell(ob.rule)),
    "rule_item": Column(
        "render.col.rule", lambda ob, _: cell(f"{ob.rule} {ob.item}" if ob.item else ob.rule)
    ),
    "what": Column("render.col.what", lambda ob, _: cell(ob.what)),
    "owner": Column("render.col.owner", lambda ob, _: cell(ob.owner)),
    "department": Column("render.col.department", lambda ob, _: cell(ob.department)),
    "due": Column("render.col.due", lambda ob, shown: shown.due(ob)),
    "met_at": Column("render.col.met_at", lambda ob, shown: shown.moment(ob.met_at)),
    "result": Column("render.col.result", lambda ob, shown: shown.state(ob)),
    "late": Column(
        "render.col.late", lambda ob, shown: cell(lateness_text(shown.timing, ob, shown.now))
    ),
    "late_by": Column("report.col.late_by", lambda ob, shown: shown.late_by(ob)),
    "period": Column("render.collaboration.period", lambda ob, _: cell(ob.item)),
    "synced_at": Column("render.collaboration.synced_at", lambda ob, s: s.moment(ob.met_at)),
    "synced": Column("render.col.result", _synced),
    "weekday": Column("report.col.weekday", lambda ob, shown: shown.weekday(ob.due)),
}


def obligations_table(
    obligations: Iterable[Obligation], shown: Shown, columns: Sequence[str]
) -> Table:
    """One row per obligation, with the named `COLUMNS`."""
    chosen = [COLUMNS[name] for name in columns]
    return Table(
        [shown.t(column.header) for column in chosen],
        [[column.value(ob, shown) for column in chosen] for ob in obligations],
    )
