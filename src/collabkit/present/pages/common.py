"""What every record page shares: the facts of the whole site (obligations by record,
titles for links, who links to whom, sign-offs), the deadlines table and the links table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from collabkit.models import RecordBase
from collabkit.present.columns import obligations_table
from collabkit.present.markdown import Table, cell, heading, link
from collabkit.present.values import Shown
from collabkit.timing.obligations import Obligation
from collabkit.trail import SignOff

SignOffs = Callable[[str], Mapping[str, SignOff]]  # record id → role → its signature


def no_signoffs(record_id: str) -> Mapping[str, SignOff]:
    """The sign-offs while the trail is not wired in: nobody has signed."""
    return {}


@dataclass(frozen=True)
class Site:
    """The facts every page reads, gathered once for all the pages of one run."""

    shown: Shown
    records: Mapping[str, RecordBase]  # every record of the workspace, by id
    obligations: Mapping[str, Sequence[Obligation]]  # the rendered records' obligations
    signoffs: SignOffs = no_signoffs
    linked_from: Mapping[str, Sequence[str]] = field(default_factory=dict)

    @classmethod
    def gather(
        cls,
        shown: Shown,
        records: Iterable[RecordBase],
        obligations: Iterable[Obligation],
        signoffs: SignOffs = no_signoffs,
    ) -> Site:
        by_id = {record.record_id: record for record in records}
        back: defaultdict[str, list[str]] = defaultdict(list)
        for record_id, record in sorted(by_id.items()):
            for target in dict.fromkeys(ref.split("/")[0] for ref in record.links):
                if target != record_id:
                    back[target].append(record_id)
        owed: defaultdict[str, list[Obligation]] = defaultdict(list)
        for ob in sorted(obligations, key=lambda o: (o.due, o.rule, o.item or "")):
            owed[ob.record].append(ob)
        return cls(shown, by_id, dict(owed), signoffs, dict(back))

    def page_of(self, record_id: str) -> str | None:
        """The file name of a record's page in the site, None for an unknown record."""
        return f"{record_id}.md" if record_id in self.records else None

    def ref_link(self, ref: str) -> str:
        """A link to the page of `RW-2024-001` or `HY-2024-002/A2` (plain text when unknown)."""
        return link(cell(ref), self.page_of(ref.split("/")[0]))

    def owed_by(self, record_id: str) -> Sequence[Obligation]:
        return self.obligations.get(record_id, ())


def page_values(record: RecordBase, site: Site) -> dict[str, Any]:
    """The variables every record template receives (see docs/templates.md)."""
    shown = site.shown
    title = heading(record.display_title or "")
    return {
        "t": shown.t,
        "id": record.record_id,
        "kind": record.kind,
        "title": title,
        "heading": f"{record.record_id} {title}".rstrip(),
        "status": shown.status(record.kind, getattr(record, "status", None)),
        "deadlines": deadlines_table(site.owed_by(record.record_id), shown),
        "links": links_table(record, site),
    }


def deadlines_table(obligations: Iterable[Obligation], shown: Shown) -> Table:
    """Every deadline of a record that is not a recurring period: rule, what, owner, due,
    when met, and the result (on time, late, overdue, open)."""
    columns = ("rule_item", "what", "owner", "due", "met_at", "result")
    return obligations_table((ob for ob in obligations if not ob.recurring), shown, columns)


def links_table(record: RecordBase, site: Site) -> Table:
    """The records this one links to, then those that link to it, each linked to its page."""
    t = site.shown.t
    rows = [_link_row(t("render.links.to"), ref, site) for ref in dict.fromkeys(record.links)]
    rows += [
        _link_row(t("render.links.from"), other, site)
        for other in site.linked_from.get(record.record_id, ())
    ]
    keys = ("relation", "record", "kind", "title")
    return Table([t(f"render.col.{key}") for key in keys], rows)


def _link_row(relation: str, ref: str, site: Site) -> list[str]:
    target = site.records.get(ref.split("/")[0])
    kind = site.shown.t(f"kind.{target.kind}") if target is not None else None
    return [
        relation,
        site.ref_link(ref),
        cell(kind),
        cell(target.display_title if target else None),
    ]


COMMIT_SHOWN = 12  # characters of a commit hash


def signoff_line(role: str, person: str | None, signed: SignOff | None, shown: Shown) -> str:
    """'承接方 李娜:已签字(李娜 lina@…,2024-09-03 15:58,提交 0123456789ab,签名已验证)',
    or '…:未签字'. `role` is already in words."""
    t = shown.t
    if signed is None:
        return t("render.signoff.missing", role=role, person=cell(person))
    return t(
        "render.signoff.signed",
        role=role,
        person=cell(person),
        author=cell(signed.author),
        email=cell(signed.email),
        at=shown.moment(signed.at),
        commit=cell(signed.commit[:COMMIT_SHOWN]),
        verdict=t(f"render.verdict.{signed.verdict}"),
    )
