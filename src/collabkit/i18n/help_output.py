"""Help texts of the commands that put records out: render, report weekly, export ics,
schema (keys as in `help`; below a group: `help.<group>.<command>`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.render": (
        "手册中的表格,输出为 Markdown。写到 stdout,或用 --out 写成一个页面文件夹。",
        "The handbook's tables as Markdown: to stdout, or a folder of pages with --out.",
    ),
    "help.render.ids": (
        "要输出的记录(默认: 全部,以及索引页)",
        "Records to render (default: all, and the index).",
    ),
    "help.render.out": (
        "在 DIR 中每条记录写一页,另写 index.md",
        "Write one page per record and index.md into DIR.",
    ),
    "help.report": (
        "供负责人转发的报告: `collab report weekly`。",
        "Reports a lead forwards: `collab report weekly`.",
    ),
    "help.report.weekly": (
        "周度协作报告: 本周完成、进行中、逾期、违反时限、错过的同步、下周的截止时间与未关闭的风险"
        "(Markdown;给程序用请加 --format json)。",
        "周度协作报告: done this week, in progress, overdue, breaches, missed syncs, next "
        "week's deadlines and open risks (Markdown; --format json for programs).",
    ),
    "help.report.weekly.week": (
        "ISO 周,如 2024-W41(默认: --now 所在的周)",
        "ISO week, e.g. 2024-W41 (default: the week of --now).",
    ),
    "help.report.weekly.department": (
        "只看涉及此部门的内容",
        "Only what involves this department.",
    ),
    "help.report.weekly.out": ("把报告写入 FILE", "Write the report to FILE."),
    "help.report.weekly.fmt": ("md(Markdown)或 json", "md (Markdown) or json."),
    "help.export": ("把记录交给其他工具。", "Records out of collab, for other tools."),
    "help.export.ics": (
        "每个未了结的截止时间,输出为 iCalendar 日历订阅(RFC 5545): 每项义务一个事件,"
        "UID 保持不变,再次导入即更新这些事件。",
        "Every open deadline as an iCalendar feed (RFC 5545): one event per obligation, with "
        "a UID that stays the same, so importing it again updates the events.",
    ),
    "help.export.ics.out": ("把订阅写入 FILE,而不是 stdout", "Write the feed to FILE, not stdout."),
    "help.export.ics.alarm": (
        "在截止时间之前多久提醒: 1h、30m、1d",
        "The reminder this long before a deadline: 1h, 30m, 1d.",
    ),
    "help.schema": (
        "记录的 JSON Schema(2020-12),含每个字段的标签与说明。",
        "JSON Schema (2020-12) of the records, with every field's label and description.",
    ),
    "help.schema.kind": (
        "只要此类型(requirement、meeting ……);默认: 可以是任何一种记录",
        "Only this kind (requirement, meeting ...); default: any record.",
    ),
    "help.schema.out": ("写入 FILE,而不是 stdout", "Write it to FILE instead of stdout."),
}
