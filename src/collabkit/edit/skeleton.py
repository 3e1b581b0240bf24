"""The commented skeleton `collab new` writes, from a Jinja template per kind.

A workspace `templates/new/<kind>.yaml.j2` overrides the shipped one. Values are written
as YAML scalars by the `y` filter, so any text (quotes, colons, `#`) stays data.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from collabkit.i18n import Texts


def render_skeleton(kind: str, values: dict[str, Any], language: str, workspace: Path) -> str:
    """The skeleton of a new record: `new/<kind>.yaml.j2`, the workspace's copy first."""
    from collabkit.render.environment import render

    fields = dict.fromkeys(SKELETON_FIELDS, None) | values
    text = render(workspace, f"new/{kind}.yaml.j2", t=Texts(language).pick, **fields)
    # An empty value leaves "key:   # comment": tidy it to "key:  # comment", no trailing blanks.
    text = re.sub(r":[ \t]{2,}#", ":  #", text)
    return re.sub(r"[ \t]+$", "", text, flags=re.MULTILINE)


# Everything the shipped templates may use; unset ones render empty.
SKELETON_FIELDS = (
    "id",
    "title",
    "requester_department",
    "requester_lead",
    "receiver_department",
    "receiver_lead",
    "priority",
    "due",
    "start",
    "end",
    "host",
    "reporter",
    "reported_at",
    "urgency",
    "department",
    "owner",
    "status",
    "initiator_department",
    "initiator_contact",
    "customer",
    "received_at",
    "at",
)
