"""Texts of where the team already works: init's next steps, schema, calendar, ics export."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # collab schema
    "schema.unknown_kind": (
        "没有 {kind} 这种记录类型(可用:{kinds})",
        "no record kind '{kind}' (one of: {kinds})",
    ),
}
