"""Texts every part shares: kinds, field words, the count and empty lines of listings."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "kind.requirement": ("需求", "requirement"),
    "kind.meeting": ("会议", "meeting"),
    "kind.issue": ("问题", "issue"),
    "kind.collaboration": ("协作", "collaboration"),
    "kind.customer-request": ("客户需求", "customer request"),
    "kind.notice": ("通知", "notice"),
    # errors
    "record.unknown": ("工作区中没有记录 {id}", "no record {id} in this workspace"),
}
