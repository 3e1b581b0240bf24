"""Texts of edits: what changed, what was refused."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
