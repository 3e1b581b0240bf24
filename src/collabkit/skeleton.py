"""The commented skeleton `collab new` writes, from a Jinja template per kind.

A workspace `templates/new/<kind>.yaml.j2` overrides the shipped one. Values are written
as YAML scalars by the `y` filter, so any text (quotes, colons, `#`) stays data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any


def yaml_scalar(value: Any) -> str:
    """A value as a YAML 1.2 scalar; None stays empty (a field still to fill in)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool | int):
        return json.dumps(value)
    text = str(value)
    return text if _plain_safe(text) else json.dumps(text, ensure_ascii=False)


def _plain_safe(text: str) -> bool:
    """Whether `text` reads back as the same string when written without quotes."""
    return (
        bool(text)
        and text.strip() == text
        and "\n" not in text
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text[0] not in "-?:,[]{}#&*!|>'\"%@`"
        and not any(c in text for c in "{}[],")
        and not text.replace(".", "").replace("-", "").replace("+", "").isdigit()
        and text.lower()
        not in ("null", "true", "false", "~", "yes", "no", "on", "off", ".inf", ".nan")
    )


def render_skeleton(kind: str, values: dict[str, Any], language: str, workspace: Path) -> str:
    from importlib.resources import files

    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    shipped = str(files("collabkit.templates"))
    env = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(str(workspace / "templates")),
                FileSystemLoader(shipped),
            ]
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["y"] = yaml_scalar
    template = env.get_template(f"new/{kind}.yaml.j2")
    fields = dict.fromkeys(SKELETON_FIELDS, None) | values
    text = template.render(t=lambda zh, en: zh if language == "zh" else en, **fields)
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
