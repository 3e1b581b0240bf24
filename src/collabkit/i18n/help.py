"""Help texts of the commands, by command and option: `help.<command>` and
`help.<command>.<option>` (the option's Python name; `help.<group>.<command>…` below a group
such as `export`), `help.app` and `help.app.<option>` for the global ones. An option without
a key of its own takes `help.shared.<option>`, the text many commands share (`--now`, `--at`,
`--format` …). The English of each is the command's own text, and every command and option
has one (tests/cli/test_help.py keeps both true). This module: the global options, the shared
texts and the commands that look (list, show, overdue, due, calendar, fields, trail) and
check (lint, sign); `help_edit`, `help_verbs` and `help_output` hold the others."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # shared by many commands: used where a command has no text of its own for the option
    "help.shared.now": (
        "当前时间,ISO 8601(默认: 系统时钟)",
        "The current time, ISO 8601 (default: the clock).",
    ),
    "help.shared.at": (
        "事情发生的时间,ISO 8601(默认: --now)",
        "When it happened, ISO 8601 (default: --now).",
    ),
    "help.shared.fmt": ("table 或 json", "table or json."),
    "help.shared.owner": (
        "只看此人(姓名或邮箱;@me: git config user.email)",
        "Only this person (name or email; @me: git config user.email).",
    ),
    "help.shared.department": ("只看此部门", "Only this department."),
    "help.shared.ref": (
        "记录编号,或 ID/条目(HY-2024-003/A2)",
        "A record id, or ID/ITEM (HY-2024-003/A2).",
    ),
    "help.shared.record_id": ("记录编号,如 RW-2024-001", "A record id, e.g. RW-2024-001."),
    "help.shared.kind": (
        "类型的英文名: requirement(需求)、meeting(会议)、issue(问题)、collaboration(协作)、"
        "customer-request(客户需求)或 notice(通知)",
        "requirement, meeting, issue, collaboration, customer-request or notice.",
    ),
    "help.shared.lang": (
        "zh 或 en(默认: collab.yaml 中的 language)",
        "zh or en (default: language in collab.yaml).",
    ),
    # collab itself
    "help.app": (
        "以 YAML 记录沟通协调:截止时间、逾期清单与检查,依据沟通协调手册。",
        "Coordination records as YAML: deadlines, overdue lists and lint, from the handbook.",
    ),
    "help.app.directory": (
        "如同在 DIR 中启动(从那里查找工作区)",
        "Run as if started in DIR (the workspace is searched from there).",
    ),
    "help.app.version": ("显示版本及日历数据的版本", "Show the version, and the calendar data's."),
    "help.app.install_completion": (
        "为当前 shell 安装命令补全",
        "Install completion for the current shell.",
    ),
    "help.app.show_completion": (
        "显示当前 shell 的补全脚本,以便复制或自行安装",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    # looking
    "help.overdue": (
        "所有已过截止时间且未完成的事项,逾期最久的在前。",
        "Every obligation whose deadline has passed and is not met, most overdue first.",
    ),
    "help.overdue.exit_code": ("有逾期事项时以 1 退出", "Exit 1 when anything is overdue."),
    "help.due": (
        "接下来尚未到期的截止时间,最近的在前。",
        "The next deadlines not yet passed, soonest first.",
    ),
    "help.due.within": (
        "往后看多久: 7d、48h、1w(或 2周)、5wd(工作日)、4wh(工作小时)、90m。单写 m 是分钟,不是月。",
        "How far ahead: 7d, 48h, 1w (or 2周), 5wd (working days), 4wh (working hours), "
        "90m. A bare m is minutes, never months.",
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
    "help.show": (
        "一条记录,便于阅读,附带计算出的截止时间及其状态。",
        "One record, human-readable, with its computed deadlines and their state.",
    ),
    "help.calendar": (
        "工作日历: 周末、法定节假日、调休上班日、团队自己的日子。",
        "Working days: weekends, public holidays, 调休 working days, the team's own days.",
    ),
    "help.calendar.period": ("某年(2024)或某月(2024-10)", "A year (2024) or a month (2024-10)."),
    "help.calendar.check": (
        "自 12 月起,下一年还没有官方安排时失败(以 1 退出)",
        "Fail (exit 1) from December while next year has no official schedule.",
    ),
    "help.fields": (
        "某类记录的字段及其标签与类型。还说明每个字段开始、作为截止时间或满足哪条时限规则"
        "(及设置它的命令)。",
        "A kind's fields with their labels and types, and which timing rule each starts, is "
        "the deadline of or meets (with the command that sets it).",
    ),
    "help.trail": (
        "改动过这条记录的每个提交: 谁、何时、签字角色、git 验证。",
        "Every commit that touched a record: who, when, the role signed, git's verdict.",
    ),
    "help.trail.ref": ("记录,或 ID/行动项", "A record, or ID/ACTION."),
    # checking and signing
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
    "help.sign": (
        "以某个角色签字: 填好事件,只提交这条记录的文件,以你的身份。",
        "Sign a record in a role: set its events, commit only its file, as you.",
    ),
    "help.sign.ref": (
        "记录,或 ID/行动项: HY-2024-003/A2",
        "A record, or ID/ACTION: HY-2024-003/A2.",
    ),
    "help.sign.role": (
        "requester(需求方)、receiver(接收方)、owner(行动项负责人)或 acceptor(验收人)",
        "requester, receiver, owner (an action) or acceptor.",
    ),
    "help.sign.message": ("签字提交的附言", "A note for the signing commit."),
    "help.sign.gpg_sign": (
        "为提交签名(GPG 或 SSH,按 git 的设置)",
        "Sign the commit (GPG or SSH, as git is set).",
    ),
    "help.sign.force": ("git 的作者是别人时也签字", "Sign although git's author is someone else."),
}
