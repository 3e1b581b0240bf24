"""Help texts of the commands that create and edit records: init, new, set, add, log,
progress, renumber (keys as in `help`; `done` is a lifecycle verb, in `help_verbs`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.init": (
        "创建工作区: collab.yaml、records/、CI 工作流与编辑器设置。",
        "Create a workspace: collab.yaml, records/, a CI workflow, editor schema settings.",
    ),
    "help.init.directory": ("新工作区的文件夹", "Folder of the new workspace."),
    "help.init.lang": ("zh 或 en", "zh or en."),
    "help.init.ci": (
        "要写入的 CI 工作流: github、gitlab 或 none",
        "The CI workflow to write: github, gitlab or none.",
    ),
    "help.init.install": (
        "CI 安装 collab 用的 pip 依赖写法,如 'collabkit @ git+https://host/collab@v0.1.0'"
        "(默认: 当前这个 collab 的来源)",
        "The pip requirement CI installs collab with, e.g. "
        "'collabkit @ git+https://host/collab@v0.1.0' (default: where this collab came from).",
    ),
    "help.new": (
        "分配下一个编号,写入带注释的记录骨架。输出它的路径(并在 stderr 上说明下一步);"
        "在终端上会先询问这类记录的要素。",
        "Allocate the next id and write a commented skeleton; prints its path (and, on stderr, "
        "what to do next). On a terminal it asks for the kind's essentials first.",
    ),
    "help.new.title": ("标题", "Title."),
    "help.new.requester": (
        "提出方 部门[:负责人](需求、协作)",
        "DEPARTMENT[:LEAD] asking (requirement, collaboration).",
    ),
    "help.new.receiver": (
        "接收方 部门[:负责人](需求)",
        "DEPARTMENT[:LEAD] receiving (requirement).",
    ),
    "help.new.owner": ("负责人 / 主持人 / 发起人", "Owner / host / initiator."),
    "help.new.department": ("负责部门(问题)", "Responsible department (issue)."),
    "help.new.urgency": ("high、medium 或 low(问题)", "high, medium or low (issue)."),
    "help.new.start": ("开始时间(会议、协作)", "Start (meeting, collaboration)."),
    "help.new.end": ("结束时间(会议)", "End (meeting)."),
    "help.new.due": ("截止时间(需求、协作)", "Deadline (requirement, collaboration)."),
    "help.new.customer": ("客户(客户需求)", "Customer (customer-request)."),
    "help.new.no_input": (
        "从不提问(在终端上 new 会询问要素)",
        "Never prompt (on a terminal, new asks for the essentials).",
    ),
    "help.new.schema_comment": (
        "在文件开头写一行 `# yaml-language-server: $schema=` 注释,供编辑器使用",
        "Start the file with a `# yaml-language-server: $schema=` comment for editors.",
    ),
    "help.new.edit": (
        "打开 $VISUAL/$EDITOR 编辑,然后检查这个文件",
        "Open $VISUAL/$EDITOR, then lint the file.",
    ),
    "help.set": (
        "设置一个字段,保留文件的注释、顺序与排版;并说明改了什么。",
        "Set one field, keeping the file's comments, order and layout; says what changed.",
    ),
    "help.set.field": (
        "点分路径: receiver.lead、actions.A2.due",
        "Dotted path: receiver.lead, actions.A2.due.",
    ),
    "help.set.value": (
        "新的值;文本字段按原样保存为文本(即使是 -5% 或 0123);留空则清除",
        "The value; a text field keeps it as text (even -5% or 0123); empty clears it.",
    ),
    "help.add": (
        "追加一项,使用下一个条目编号。例如 `collab add HY-2024-002 actions 出方案 --owner 李娜 "
        "--due 2024-10-25 --deliverable 方案`: VALUE 填入该列表的主字段(task、question、"
        "title、summary、note ……),其他字段都写成选项(--字段 值)。",
        "Append an item with the next item id: `collab add HY-2024-002 actions 出方案 --owner "
        "李娜 --due 2024-10-25 --deliverable 方案`. VALUE fills the list's main field (task, "
        "question, title, summary, note ...); every other field is an option (--field value).",
    ),
    "help.add.ref": (
        "记录编号(或 ID/A1,指某一项下面的列表)",
        "A record id (or ID/A1 for an item's list).",
    ),
    "help.add.list_name": (
        "actions(行动项)、pending(待定问题)、topics(议题)、proposals(方案版本)、"
        "todos(待办)、attendees(参会人)、communications(客户沟通)、progress(进展)、"
        "decisions(决议)……",
        "actions, pending, topics, proposals, todos, attendees, communications, progress, "
        "decisions ...",
    ),
    "help.log": (
        "记录一次客户沟通(咨询、问题或反馈)。客户提出的问题须在 1 小时内回应、"
        "24 小时内给出解决方案。",
        "Log a customer communication (a problem owes a response within 1 h, a solution "
        "within 24 h).",
    ),
    "help.log.record_id": ("一条客户需求", "A customer request."),
    "help.log.summary": ("客户说了什么", "What the customer said."),
    "help.log.kind": (
        "question(咨询)、problem(问题)或 feedback(反馈)",
        "question, problem or feedback.",
    ),
    "help.log.channel": ("电话 / 微信 / 邮件 / 会议 ……", "电话 / 微信 / 邮件 / 会议 ..."),
    "help.progress": (
        "记录协作事项或行动项的进展(满足每周同步)。",
        "Log progress on a collaboration or an action item (meets the weekly sync).",
    ),
    "help.progress.target": ("一条协作记录,或 ID/行动项", "A collaboration, or ID/ACTION."),
    "help.progress.note": ("进展说明", "What was done."),
    "help.progress.percent": ("目前完成的比例,0-100", "Done so far, 0-100."),
    "help.renumber": (
        "给记录分配下一个空闲编号(两个克隆分配了同一个编号之后)。",
        "Give a record the next free id (after two clones allocated the same one).",
    ),
    "help.renumber.target": (
        "编号;这个编号出现在多个文件中时,给出记录的文件",
        "An id, or the record's file when the id is in several files.",
    ),
    "help.renumber.split": (
        "FILE 里是 git 的 add/add 冲突: 两条记录都保留,另一条换成新编号",
        "FILE holds git's add/add conflict: keep both records, the other with a new id.",
    ),
    "help.renumber.keep": (
        "与 --split 一起: 保留原编号的一方,ours 或 theirs(默认: 已发布的一方,"
        "合并时是 theirs,变基时是 ours)",
        "With --split: the side that keeps the id, ours or theirs (default: the published "
        "one: theirs while merging, ours while rebasing).",
    ),
}
