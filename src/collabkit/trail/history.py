"""`collab trail ID`: every commit that touched a record, as JSON items and table rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from collabkit.i18n import Texts
from collabkit.i18n.formats import iso, local_time
from collabkit.io.git import require_repo
from collabkit.models.ids import split_ref
from collabkit.trail.log import Commit, record_trail
from collabkit.trail.roles import ROLES
from collabkit.workspace import Config, Workspace

SHORT = 12
KNOWN_ROLES = frozenset(role for roles in ROLES.values() for role in roles)
COLUMNS = ("commit", "author", "email", "date", "role", "verdict")


def trail_items(ws: Workspace, ref: str) -> list[dict[str, Any]]:
    """The commits of record `ref` (or of the item ID/ITEM's record file), newest first:
    commit, author, email, date, subject, what it signed, git's verdict, key and signer."""
    top = require_repo(ws.root)
    record_id, item = split_ref(ref)
    path = ws.locate_id(record_id)
    in_repo = path.resolve().relative_to(top).as_posix()
    commits = record_trail(top, in_repo, record_id, item)
    return [_item(commit, ref) for commit in commits]


def _item(commit: Commit, ref: str) -> dict[str, Any]:
    signed = [
        {"record": record, "role": role}
        for record, role in commit.signs
        if record == ref or (record.startswith(f"{ref}/") and "/" not in ref)
    ]
    return {
        "commit": commit.hash,
        "author": commit.author,
        "email": commit.email,
        "date": iso(commit.at),
        "subject": commit.subject,
        "signed": signed,
        "verdict": commit.verdict,
        "key": commit.key or None,
        "signer": commit.signer or None,
    }


def trail_table(
    items: list[dict[str, Any]], ref: str, config: Config
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the trail table, in the workspace's language and zone."""
    t = Texts(config.language)
    rows = [
        [
            item["commit"][:SHORT],
            item["author"],
            item["email"],
            local_time(datetime.fromisoformat(item["date"]), config.tz),
            ", ".join(role_text(s["record"], s["role"], ref, t) for s in item["signed"]) or "-",
            t(f"verdict.{item['verdict']}"),
        ]
        for item in items
    ]
    return [t(f"col.{key}") for key in COLUMNS], rows


def role_text(record: str, role: str, asked: str, t: Texts) -> str:
    """承接方; or 'A2 负责人' for an item's signature in a record's trail."""
    label = t(f"role.{role}") if role in KNOWN_ROLES else role
    return label if record == asked else f"{record.partition('/')[2]} {label}"
