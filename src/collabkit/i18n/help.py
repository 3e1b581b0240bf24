"""Help texts of the commands, by command and option: `help.<command>` and
`help.<command>.<option>` (the option's Python name), `help.app` and `help.app.<option>` for
the global ones. The English of each is the command's own text (a test keeps them equal);
a command without keys here keeps its English help in every language."""

from __future__ import annotations

_NOW = ("当前时间,ISO 8601(默认: 系统时钟)", "The current time, ISO 8601 (default: the clock).")
_OWNER = (
    "只看此人(姓名或邮箱;@me: git config user.email)",
    "Only this person (name or email; @me: git config user.email).",
)
_DEPARTMENT = ("只看此部门", "Only this department.")
_FORMAT = ("table 或 json", "table or json.")

MESSAGES: dict[str, tuple[str, str]] = {
    "help.app": (
        "以 YAML 记录沟通协调:截止时间、逾期清单与检查,依据沟通协调手册。",
        "Coordination records as YAML: deadlines, overdue lists and lint, from the handbook.",
    ),
    "help.app.directory": (
        "如同在 DIR 中启动(从那里查找工作区)",
        "Run as if started in DIR (the workspace is searched from there).",
    ),
    "help.app.version": ("显示版本及日历数据的版本", "Show the version, and the calendar data's."),
    "help.overdue": (
        "所有已过截止时间且未完成的事项,逾期最久的在前。",
        "Every obligation whose deadline has passed and is not met, most overdue first.",
    ),
    "help.overdue.owner": _OWNER,
    "help.overdue.department": _DEPARTMENT,
    "help.overdue.exit_code": ("有逾期事项时以 1 退出", "Exit 1 when anything is overdue."),
    "help.overdue.now": _NOW,
    "help.overdue.fmt": _FORMAT,
    "help.due": (
        "接下来尚未到期的截止时间,最近的在前。",
        "The next deadlines not yet passed, soonest first.",
    ),
    "help.due.within": (
        "往后看多久: 7d、48h、1w(或 2周)、5wd(工作日)、4wh(工作小时)、90m。单写 m 是分钟,不是月。",
        "How far ahead: 7d, 48h, 1w (or 2周), 5wd (working days), 4wh (working hours), "
        "90m. A bare m is minutes, never months.",
    ),
    "help.due.owner": _OWNER,
    "help.due.department": _DEPARTMENT,
    "help.due.now": _NOW,
    "help.due.fmt": _FORMAT,
    "help.lint": (
        "检查记录: 结构、编号、人员、行动项、时限规则(SPEC §8)。",
        "Validate records: schema, ids, people, action items, timing rules (SPEC §8).",
    ),
    "help.lint.paths": ("文件或文件夹(默认: 全部记录)", "Files or folders (default: all records)."),
    "help.lint.fmt": (
        "text、json、github(注释)或 gitlab(代码质量报告)",
        "text, json, github (annotations) or gitlab (code quality).",
    ),
    "help.lint.trail": ("检查 git 中的签字(SPEC §7)", "Check the signatures in git (SPEC §7)."),
    "help.lint.require_signed": (
        "与 --trail 一起: 签字提交须经 git 验证",
        "With --trail: git must verify them.",
    ),
    "help.lint.against": (
        "自分叉点以来 REF 也新增了的编号",
        "Ids REF added too since the merge base.",
    ),
    "help.lint.strict": ("警告也算失败", "Warnings fail too."),
    "help.lint.now": (
        "晚于此时的事件时间会被报告(默认: 系统时钟)",
        "Event times after this are findings (default: the clock).",
    ),
    "help.list": (
        "每条记录一行;无法读取的文件也保留一行,并写明错误。",
        "One line per record; a file that cannot be read keeps its line, with the error.",
    ),
    "help.list.kind": (
        "只看此类型(requirement、meeting …… 或 需求 ……)",
        "Only this kind (requirement, meeting ... or 需求 ...).",
    ),
    "help.list.status": (
        "只看此状态(sent 或 已发送 ……)",
        "Only this status (sent, or 已发送 ...).",
    ),
    "help.list.owner": (
        "只看此人负责的记录(@me: git config user.email)",
        "Only records this person owns (@me: git config user.email).",
    ),
    "help.list.department": _DEPARTMENT,
    "help.list.fmt": _FORMAT,
    "help.show": (
        "一条记录,便于阅读,附带计算出的截止时间及其状态。",
        "One record, human-readable, with its computed deadlines and their state.",
    ),
    "help.show.record_id": ("记录编号,如 RW-2024-001", "A record id, e.g. RW-2024-001."),
    "help.show.now": _NOW,
    "help.show.fmt": _FORMAT,
}
