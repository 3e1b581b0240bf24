"""The signatures a record carries now, for the rendered 确认签字 row: role → `SignOff`.

A role's sign-off is its latest signing commit, as long as the record's content has not
changed since (a changed record shows that side as not signed: "未签字"). Whether the author
is the person named for the role, and whether git verifies the signature, are in the
`SignOff` (`email`, `person`, `verdict`) for the renderer to show; `lint --trail` judges them.
Outside a git repository (or without git) nothing is signed: the mapping is empty.
"""

from __future__ import annotations

from collections.abc import Iterable

from collabkit.io.git import GitUnavailable, require_repo
from collabkit.models.ids import split_ref
from collabkit.trail import SignOff
from collabkit.trail.check import standings
from collabkit.trail.log import signing_commits
from collabkit.workspace import Loaded, Workspace


def signoffs_for(ws: Workspace, record_id: str) -> dict[str, SignOff]:
    """role → SignOff of a record (`RW-2024-001`: requester, receiver; `XZ-…`: acceptor) or
    of a meeting action (`HY-2024-003/A2`: owner). Two git calls; for a whole render use
    `signoff_index`."""
    base, item = split_ref(record_id)
    try:
        top = require_repo(ws.root)
    except GitUnavailable:
        return {}
    loaded = ws.get(base)
    commits = signing_commits(top, verify=True, ref=base)
    out: dict[str, SignOff] = {}
    for standing in standings(ws, [loaded], top, verify=True, commits=commits):
        signoff = standing.signoff()
        if standing.target.item == item and standing.holds and signoff is not None:
            out[standing.target.role] = signoff
    return out


def signoff_index(
    ws: Workspace, records: Iterable[Loaded], *, verify: bool = True
) -> dict[str, dict[str, SignOff]]:
    """`signoffs_for` of many records at once (one `git log` pass): ref → role → SignOff,
    refs as `RW-2024-001` or `HY-2024-003/A2`. `verify=False` skips git's signature check
    (every verdict is then "none")."""
    try:
        top = require_repo(ws.root)
    except GitUnavailable:
        return {}
    out: dict[str, dict[str, SignOff]] = {}
    for standing in standings(ws, list(records), top, verify=verify):
        signoff = standing.signoff()
        if standing.holds and signoff is not None:
            out.setdefault(standing.target.ref, {})[standing.target.role] = signoff
    return out
