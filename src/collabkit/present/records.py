"""What `list` prints, as plain data: one row per record, and one per file that cannot be read."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from collabkit.errors import UsageError
from collabkit.findings import Finding
from collabkit.i18n import Texts, msg, suggest
from collabkit.models import FOLDERS, KINDS, statuses
from collabkit.query import Filter
from collabkit.workspace import Config, Workspace
from collabkit.workspace.summary import Summary
from collabkit.workspace.summary import department_of as department_of
from collabkit.workspace.summary import owner_of as owner_of

ROW_KEYS = ("id", "kind", "title", "status", "owner", "department", "file", "error")


def check_kind_and_status(
    kind: str | None, status: str | None, language: str = "zh"
) -> tuple[str | None, str | None]:
    """The kind and status as the records write them; either may be given in the reader's
    words ('需求', '进行中'). An unknown one is a usage error naming the closest."""
    t = Texts(language)
    if kind is not None:
        kind = _known(kind, {k: t.kind(k) for k in KINDS}, "filter.unknown_kind", "kind", t)
    if status is not None:
        kinds = [kind] if kind else list(KINDS)
        names = {s: t.status(k, s) for k in kinds for s in statuses(k)}
        status = _known(status, names, "filter.unknown_status", "status", t)
    return kind, status


def _known(value: str, names: dict[str, str], key: str, field: str, t: Texts) -> str:
    if value in names:
        return value
    for name, said in names.items():
        if value == said:
            return name
    known = list(names)
    hint = suggest(value, known + list(names.values()), t.language)
    listed = t("hint.one_of", names=", ".join(known))
    raise UsageError(msg(key, **{field: value, "hint": hint, "known": listed}))


def list_rows(
    ws: Workspace,
    summaries: list[Summary],
    unreadable: list[Finding],
    *,
    kind: str | None = None,
    status: str | None = None,
    who: Filter | None = None,
) -> list[dict[str, Any]]:
    """One dict per record (from `workspace.cached.summaries`), sorted by id, filtered as
    asked. A file that cannot be read keeps its row, with the error (unless a status,
    owner or department filter is given)."""
    kind, status = check_kind_and_status(kind, status, ws.config.language)
    rows = []
    for summary in summaries:
        if (kind and summary.kind != kind) or (status and summary.status != status):
            continue
        if who is not None and not who.keeps(summary.owner, summary.department):
            continue
        row = (summary.id, summary.kind, summary.title, summary.status, summary.owner)
        rows.append(_row(*row, summary.department, summary.file, None))
    if status is None and (who is None or who == Filter()):
        read = {summary.file for summary in summaries}
        broken = [f for f in unreadable if f.file not in read]
        rows += [
            row
            for row in unreadable_rows(ws.config, broken)
            if kind is None or row["kind"] in (kind, None)
        ]
    return sorted(rows, key=lambda r: (r["id"], r["file"]))


def unreadable_rows(config: Config, findings: list[Finding]) -> list[dict[str, Any]]:
    """A row for each file whose record could not be read: its first error."""
    first: dict[str, Finding] = {}
    for finding in findings:
        if finding.severity == "error":
            first.setdefault(finding.file, finding)
    return [_broken_row(config, finding) for finding in first.values()]


def _broken_row(config: Config, finding: Finding) -> dict[str, Any]:
    path = PurePosixPath(finding.file)
    folders = {folder: kind for kind, folder in FOLDERS.items()}
    kind = folders.get(path.parent.name) or config.kind_of_prefix.get(path.stem.split("-")[0])
    error = f"{finding.line}:{finding.column}: {finding.message}"
    return _row(path.stem, kind, None, None, None, None, finding.file, error)


def _row(*values: Any) -> dict[str, Any]:
    return dict(zip(ROW_KEYS, values, strict=True))


def table_rows(rows: list[dict[str, Any]], language: str) -> list[list[str]]:
    """The cells of `list`'s table: kinds and statuses in the reader's words, never None."""
    t = Texts(language)
    out = []
    for row in rows:
        kind = t.kind(row["kind"]) if row["kind"] else "-"
        status = t.status(row["kind"] or "", row["status"]) if row["status"] else "-"
        title = row["title"] or "-"
        if row["error"]:
            title = t("list.unreadable", message=row["error"])
        cells = [row["id"], kind, title, status, row["owner"], row["department"], row["file"]]
        out.append([str(cell) if cell else "-" for cell in cells])
    return out
