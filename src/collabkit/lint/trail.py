"""`collab lint --trail [--require-signed]`: the signatures the records claim, checked in git.

- a requirement whose status claims `confirmed` or later needs both leads' signatures;
- every latest signature (a requirement's, an action owner's, an acceptor's) must be authored
  by the person the record names for the role (by the `people` email), must still cover what
  the record says (a change after signing needs signing again), and with `--require-signed`
  must be verified by git, made with that person's key.

Each finding names the record, the role and the person, at the line of `status`.
"""

from __future__ import annotations

from collections.abc import Iterator

from collabkit.findings import Finding
from collabkit.i18n import Texts
from collabkit.io.git import require_repo
from collabkit.lint.locate import Locator
from collabkit.trail.check import Standing, standings
from collabkit.trail.roles import claims_signed
from collabkit.workspace import Loaded, Workspace

SHORT = 12  # hex digits of a commit shown in a message


def trail_checks(
    ws: Workspace, records: list[Loaded], where: Locator, *, require_signed: bool = False
) -> Iterator[Finding]:
    """Findings for every signature the workspace's records carry or claim."""
    top = require_repo(ws.root)
    t = Texts(ws.config.language)
    names = {key: person.name for key, person in ws.config.people_by_key.items()}
    for standing in standings(ws, records, top, verify=require_signed):
        if standing.person is None:
            continue  # nobody named for the role: completeness says so
        message = _problem(standing, t, names, require_signed)
        if message is not None:
            code, text = message
            yield where.finding(standing.loaded, _status_loc(standing), code, text, value=False)


def _problem(
    s: Standing, t: Texts, names: dict[str, str], require_signed: bool
) -> tuple[str, str] | None:
    """(code, message) of what is wrong with one signature, or None."""
    values = _values(s, t, names)
    if s.commit is None:
        if claims_signed(s.loaded.record):
            return "trail-unsigned", t("trail.unsigned", **values)
        return None
    if s.expected is None:
        return "trail-no-email", t("trail.no_email", **values)
    if not s.by_person:
        return "trail-author", t("trail.author", **values)
    if s.changed is None:
        return "trail-unreadable", t("trail.unreadable", **values)
    if s.changed:
        return "trail-changed", t("trail.changed", fields=", ".join(s.changed), **values)
    if require_signed and not s.verified:
        key = "trail.unverified" if s.commit.verdict != "good" else "trail.other_key"
        return "trail-unverified", t(key, **values)
    return None


def _values(s: Standing, t: Texts, names: dict[str, str]) -> dict[str, str]:
    record = s.loaded.record
    person = s.person or ""
    values = {
        "ref": s.target.ref,
        "role": s.target.role,
        "role_label": t(f"role.{s.target.role}"),
        "person": names.get(person, person),
        "email": s.expected or "",
        "status": str(getattr(record, "status", "")),
    }
    if s.commit is not None:
        values |= {
            "commit": s.commit.hash[:SHORT],
            "author": f"{s.commit.author} <{s.commit.email}>",
            "verdict": t(f"verdict.{s.commit.verdict}"),
            "signer": s.commit.signer or "-",
        }
    return values


def _status_loc(s: Standing) -> tuple[str | int, ...]:
    """The line of `status`: the action's own for an owner's signature, else the record's."""
    if s.target.item is not None:
        actions = getattr(s.loaded.record, "actions", [])
        for index, action in enumerate(actions):
            if action.id == s.target.item:
                return ("actions", index, "status")
    data = s.loaded.file.data
    return ("status",) if isinstance(data, dict) and "status" in data else ("id",)
