"""Texts every part shares: kinds, statuses, weekdays, hints, and the errors of every layer."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "kind.requirement": ("需求", "requirement"),
    "kind.meeting": ("会议", "meeting"),
    "kind.issue": ("问题", "issue"),
    "kind.collaboration": ("协作", "collaboration"),
    "kind.customer-request": ("客户需求", "customer request"),
    "kind.notice": ("通知", "notice"),
    # statuses, by name; `status.<kind>.<name>` where a kind says it its own way
    "status.draft": ("草稿", "draft"),
    "status.sent": ("已发送", "sent"),
    "status.confirmed": ("已确认", "confirmed"),
    "status.in_progress": ("进行中", "in progress"),
    "status.delivered": ("已交付", "delivered"),
    "status.accepted": ("已验收", "accepted"),
    "status.closed": ("已关闭", "closed"),
    "status.declined": ("已拒绝", "declined"),
    "status.withdrawn": ("已撤回", "withdrawn"),
    "status.planned": ("计划中", "planned"),
    "status.held": ("已召开", "held"),
    "status.cancelled": ("已取消", "cancelled"),
    "status.open": ("未完成", "open"),
    "status.issue.open": ("处理中", "open"),
    "status.mitigated": ("已缓解", "mitigated"),
    "status.resolved": ("已解决", "resolved"),
    "status.done": ("已完成", "done"),
    "status.pending": ("待确认", "pending"),
    "status.in_delivery": ("交付中", "in delivery"),
    "status.rejected": ("已拒绝", "rejected"),
    "level.high": ("高", "high"),
    "level.medium": ("中", "medium"),
    "level.low": ("低", "low"),
    "word.yes": ("是", "yes"),
    "word.no": ("否", "no"),
    # weekdays (Monday first) and how a day of the calendar is marked
    "weekday.0": ("周一", "Mon"),
    "weekday.1": ("周二", "Tue"),
    "weekday.2": ("周三", "Wed"),
    "weekday.3": ("周四", "Thu"),
    "weekday.4": ("周五", "Fri"),
    "weekday.5": ("周六", "Sat"),
    "weekday.6": ("周日", "Sun"),
    "day.workday": ("{weekday}(班)", "{weekday} (workday)"),
    "day.holiday": ("{weekday}(休)", "{weekday} (holiday)"),
    # hints
    "hint.did_you_mean": ("(是不是 '{name}'?)", " (did you mean '{name}'?)"),
    "hint.one_of": ("(可选: {names})", " (one of: {names})"),
    "list.and": ("{first} 或 {last}", "{first} or {last}"),
    # errors
    "record.unknown": ("工作区中没有记录 {id}", "no record {id} in this workspace"),
    "record.not_an_id": (
        "'{text}' 不是记录编号(编号形如 RW-2024-001)",
        "'{text}' is not a record id (ids look like RW-2024-001)",
    ),
    "record.not_a_ref": (
        "'{text}' 不是记录编号或 编号/条目(如 HY-2024-003/A2)",
        "'{text}' is not a record id or ID/ITEM (e.g. HY-2024-003/A2)",
    ),
    "record.unreadable": ("记录无法读取", "the record cannot be read"),
    "filter.unknown_kind": (
        "未知的记录类型 '{kind}'{hint}{known}",
        "unknown kind '{kind}'{hint}{known}",
    ),
    "filter.unknown_status": (
        "--status: 未知的状态 '{status}'{hint}{known}",
        "--status: unknown status '{status}'{hint}{known}",
    ),
    "filter.unknown_person": (
        "--owner: 未登记的人员 '{owner}'{hint}",
        "--owner: unknown person '{owner}'{hint}",
    ),
    "filter.unknown_department": (
        "--department: 未登记的部门 '{department}'{hint}",
        "--department: unknown department '{department}'{hint}",
    ),
}
