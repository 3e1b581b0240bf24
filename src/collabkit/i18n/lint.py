"""Texts of lint findings: one message per check, in the words a project manager uses."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ids, links, names
    "lint.id_mismatch": (
        "编号 {id} 与文件名 {stem}.yaml 不一致",
        "id {id} does not match the file name {stem}.yaml",
    ),
    "lint.id_prefix": (
        "{kind}的编号以 {prefix}- 开头,而不是 {actual}-",
        "a {kind} id starts with {prefix}-, not {actual}-",
    ),
    "lint.duplicate_id": (
        "编号 {id} 重复(另见 {others});请用 `collab renumber` 给其中一个换新编号",
        "duplicate id {id} (also in {others}); give one of them a new id with `collab renumber`",
    ),
    "lint.broken_link": ("链接到不存在的记录 {target}", "link to unknown record {target}"),
    "lint.broken_item": ("{target} 中没有条目 {item}", "{target} has no item {item}"),
    "names.unknown_person": (
        "未登记的人员 '{value}'{hint};请在 collab.yaml 的 people 中添加",
        "unknown person '{value}'{hint}; add them to people in collab.yaml",
    ),
    "names.unknown_department": (
        "未登记的部门 '{value}'{hint}",
        "unknown department '{value}'{hint}",
    ),
    # completeness
    "lint.draft_incomplete": (
        "{status}: 尚待填写: {fields}",
        "{status}: still to fill in: {fields}",
    ),
    "lint.active_incomplete": (
        "状态为「{status}」的{kind}需要填写 {field}",
        "a {kind} that is {status} needs {field}",
    ),
    "lint.declined_reason": (
        "已拒绝的需求需要写明拒绝原因 decline_reason(以及替代方案 alternative)",
        "a declined requirement needs decline_reason (and an alternative)",
    ),
    "lint.action_incomplete": (
        "行动项 {item} 缺少 {fields}(做什么、谁来做、何时做)",
        "action item {item} needs {fields} (what, who and when)",
    ),
    "lint.todo_incomplete": (
        "待办 {item} 缺少 {fields}(做什么、谁来做、何时做)",
        "to-do {item} needs {fields} (what, who and when)",
    ),
    # the handbook's limits
    "lint.meeting_ends_first": ("会议结束时间早于开始时间", "the meeting ends before it starts"),
    "lint.meeting_too_long": (
        "会议时长 {minutes} 分钟,超过手册规定的 {limit} 分钟",
        "meeting lasts {minutes} minutes; the handbook's limit is {limit}",
    ),
    "lint.topic_limit": (
        "议题「{title}」时长 {timebox} 分钟,手册规定每个议题不超过 {limit} 分钟",
        "topic '{title}' has a {timebox}-minute timebox; the handbook allows {limit}",
    ),
    "lint.topic_over": (
        "议题「{title}」实际用时 {used} 分钟,超出时长 {timebox} 分钟",
        "topic '{title}' took {used} minutes, over its {timebox}-minute timebox",
    ),
    "lint.topics_over_meeting": (
        "议题时长合计 {total} 分钟,超过会议时长 {length} 分钟",
        "the topics' timeboxes add up to {total} minutes, more than the meeting's {length}",
    ),
    "lint.meeting_day_off": (
        "会议安排在非工作日: {day}",
        "the meeting is on a day off: {day}",
    ),
    "lint.notice_group": (
        "群名「{group}」不符合命名规则 【部门/项目】+主题+日期(如 【市场部】新品推广方案20231020)",
        "group name '{group}' breaks the rule 【department/project】+topic+date "
        "(e.g. 【市场部】新品推广方案20231020)",
    ),
    "lint.notice_off_hours": (
        "在非工作时间(22:00 以后、周末或节假日)发送,但未标注 urgent: true"
        "(非工作时间发送需注明紧急)",
        "sent outside working time (after 22:00, a weekend or a holiday) without urgent: true",
    ),
    # timing
    "lint.breach": (
        "{rule}: {what} 应于 {due} 完成,实际 {met} 才完成(超时)",
        "{rule}: {what} was due {due}, met {met} (late)",
    ),
    "lint.estimated": (
        "{rule}: 截止时间 {due} 是估算的: {problem}",
        "{rule}: deadline {due} is estimated: {problem}",
    ),
    "lint.deadline_day_off": (
        "{rule}: 截止时间 {due} 是非工作日",
        "{rule}: the deadline {due} falls on a day off",
    ),
    "lint.due_before_sent": (
        "期望完成时间 {due} 早于发送时间 {sent}",
        "due {due} is before the requirement was sent ({sent})",
    ),
    # progress and event times
    "lint.progress_down": (
        "进度从 {before}% 降到了 {after}%",
        "progress goes down from {before}% to {after}%",
    ),
    "lint.progress_full": (
        "进度已是 100%,状态却仍是「{status}」",
        "progress is at 100% but the status is still {status}",
    ),
    "lint.event_future": (
        "{field}: {at} 晚于当前时间 {now}",
        "{field}: {at} is after now ({now})",
    ),
    "lint.event_old": (
        "{field}: {at} 早于 2000 年,请检查年份",
        "{field}: {at} is before 2000; check the year",
    ),
    # what `lint` prints on a terminal
    "lint.errors": ("{n} 个错误", "{n} error{s}"),
    "lint.warnings": ("{n} 个警告", "{n} warning{s}"),
    "lint.infos": ("{n} 条提示", "{n} hint{s}"),
    "lint.files": ("涉及 {n} 个文件(共检查 {checked} 个)", "in {n} file{s} ({checked} checked)"),
    "lint.clean": ("没有发现问题(共检查 {n} 个文件)", "no problems ({n} file{s} checked)"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
}
