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
    "overdue.count": ("{n} 项逾期", "{n} overdue"),
    "due.count": ("{n} 项即将到期", "{n} due"),
    "list.count": ("{n} 条记录", "{n} record{s}"),
    "list.none": ("没有符合条件的记录", "no records"),
    "list.unreadable": ("无法读取: {message}", "cannot be read: {message}"),
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
    "skipped.more": (
        "  ……另有 {n} 个,`collab lint` 会全部列出",
        "  … and {n} more: `collab lint` lists them all",
    ),
    # options
    "within.invalid": (
        "--within: '{text}' 不是时长;请写成 30m、2h、3d、1w、1wd、4wh 这样的形式(m 是分钟)",
        "--within: not a duration: '{text}'; use e.g. 30m, 2h, 3d, 1w, 1wd, 4wh (m is minutes)",
    ),
    "within.too_far": (
        "--within: {text} 太远了:最多往后看 {years} 年({most})",
        "--within: {text} is too far ahead: at most {years} years ({most})",
    ),
    "moment.invalid": (
        "{option}: '{text}' 不是日期或时间(请写成 2024-10-14T09:00+08:00 这样的形式)",
        "{option}: not a date/time: '{text}' (use e.g. 2024-10-14T09:00+08:00)",
    ),
    "moment.out_of_range": (
        "{option}: {text} 超出范围:请给出 {first} 年到 {last} 年之间的时间",
        "{option}: {text} is out of range: give a moment between the years {first} and {last}",
    ),
    "owner.no_git_email": (
        "--owner @me: 尚未设置 git config user.email",
        "--owner @me: git config user.email is not set",
    ),
    "lint.no_such_path": ("没有这个文件或文件夹: {path}", "no such file or folder: {path}"),
    "aborted": ("已取消", "Aborted"),
}
