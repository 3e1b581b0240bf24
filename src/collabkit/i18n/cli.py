"""Texts of the command line: table headers, empty listings, prompts."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # overdue / due tables
    "col.record": ("记录", "record"),
    "col.rule": ("规则", "rule"),
    "col.what": ("事项", "what"),
    "col.owner": ("负责人", "owner"),
    "col.department": ("部门", "department"),
    "col.due": ("截止时间", "due"),
    "col.late": ("逾期", "late"),
    "col.left": ("剩余", "left"),
    "col.state": ("状态", "state"),
    "col.id": ("编号", "id"),
    "col.kind": ("类型", "kind"),
    "col.title": ("名称", "title"),
    "col.status": ("状态", "status"),
    "col.file": ("文件", "file"),
    "overdue.none": ("没有逾期事项", "nothing is overdue"),
    "due.none": ("近期没有到期事项", "nothing falls due in that time"),
    # show
    "show.kind": ("类型", "kind"),
    "show.status": ("状态", "status"),
    "show.file": ("文件", "file"),
    "show.linked_from": ("被引用: ", "linked from: "),
    "show.no_deadlines": ("没有截止时间", "no deadlines"),
    "show.deadlines": ("截止时间", "Deadlines"),
    # new
    "prompt.title": ("标题", "Title"),
    "prompt.requester": ("需求方 部门:负责人", "Requester DEPARTMENT:LEAD"),
    "prompt.start": ("开始时间", "Start"),
    "prompt.urgency": ("紧急程度 high/medium/low", "Urgency high/medium/low"),
    "skipped.files": (
        "collab: {n} 个记录文件无法读取,已跳过;请运行 `collab lint`",
        "collab: {n} record file{s} could not be read and were skipped; run `collab lint`",
    ),
}
