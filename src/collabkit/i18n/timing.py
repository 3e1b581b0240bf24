"""Texts of deadlines: what each rule owes, time left or late, states, the estimated calendar."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "rule.action.due": ("完成行动项", "complete the action item"),
    "rule.requirement.pending": ("答复待确认事项", "answer the pending question"),
    "rule.requirement.due": ("需求交付", "deliver the requirement"),
    "rule.collaboration.planned_end": ("完成协作事项", "finish the collaboration"),
    "rule.issue.planned_resolution": ("解决问题", "resolve the issue"),
    "rule.requirement.confirm": ("反馈确认需求", "confirm the requirement"),
    "rule.requirement.plan": ("输出活动方案", "deliver the plan"),
    "rule.requirement.build": ("开发完成", "finish the build"),
    "rule.meeting.agenda": ("发送会议议程", "send the agenda"),
    "rule.meeting.minutes": ("发送会议纪要", "send the minutes"),
    "rule.issue.team": ("成立临时小组", "form the response team"),
    "rule.issue.workaround": ("制定临时解决方案", "put a workaround in place"),
    "rule.issue.analysis": ("召开分析会", "hold the analysis meeting"),
    "rule.issue.root_cause": ("输出问题定位报告", "report the root cause"),
    "rule.issue.notify": ("联系受影响用户", "notify the affected users"),
    "rule.issue.retrospective": ("召开复盘会", "hold the retrospective"),
    "rule.collaboration.confirm": ("协作方反馈确认", "partner confirms the request"),
    "rule.collaboration.retrospective": ("组织复盘会", "hold the retrospective"),
    "rule.customer.review": ("反馈可行性评估", "answer on feasibility"),
    "rule.customer.proposal_feedback": (
        "获取客户方案反馈",
        "get the customer's feedback on the proposal",
    ),
    "rule.customer.respond": ("响应客户问题", "respond to the customer"),
    "rule.customer.solution": ("提出解决方案", "propose a solution"),
    "rule.notice.todo": ("完成待办", "complete the to-do"),
    "rule.collaboration.weekly_sync": ("同步本周进展", "share this week's progress"),
    # how late, how long left
    "late.working_days": ("逾期 {n} 个工作日", "{n} working day{s} late"),
    "late.days": ("逾期 {n} 天", "{n} day{s} late"),
    "late.hours": ("逾期 {n} 小时", "{n} hour{s} late"),
    "late.minutes": ("逾期 {n} 分钟", "{n} minute{s} late"),
    "late.working_hours": ("逾期 {n} 个工作小时", "{n} working hour{s} late"),
    "late.just": ("刚逾期", "just late"),
    "late.under_working_hour": ("逾期不到 1 个工作小时", "under 1 working hour late"),
    "late.earlier_missed": ("（此前另有 {n} 期未完成）", " ({n} earlier missed)"),
    "left.working_days": ("剩 {n} 个工作日", "{n} working day{s} left"),
    "left.days": ("{n} 天后", "in {n} day{s}"),
    "left.hours": ("{n} 小时后", "in {n} h"),
    "left.minutes": ("{n} 分钟后", "in {n} min"),
    "left.working_hours": ("剩 {n} 个工作小时", "{n} working hour{s} left"),
    "left.now": ("即将到期", "due now"),
    "left.under_working_hour": ("剩不到 1 个工作小时", "under 1 working hour left"),
    # states of a deadline
    "state.open": ("未到期", "open"),
    "state.overdue": ("已逾期", "overdue"),
    "state.met": ("已完成", "met"),
    "state.breach": ("超时完成", "met late"),
    # a year without an official schedule
    "estimated.problem": (
        "{years} 年的官方节假日与调休安排尚未收录,截止时间按估算日历计算;"
        "请升级 holidays,或在 collab.yaml 的 calendar.extra_holidays / extra_workdays "
        "中录入该年安排并把 {years} 加入 calendar.entered_years",
        "no official holiday schedule for {years} yet, so this deadline is estimated; "
        "upgrade holidays, or enter {years}'s days in calendar.extra_holidays / "
        "extra_workdays and add {years} to calendar.entered_years in collab.yaml",
    ),
    "estimated.note": (
        "{mark} 按估算日历计算(该年官方调休安排未收录),见 --format json 的 problem",
        "{mark} estimated: that year's official schedule is not known yet "
        "(see `problem` in --format json)",
    ),
    # collab.yaml `rules:`
    "rules.bad_period": (
        "rules.{id}: {key}: '{value}' 不是有效的周期(如 every: week、at: fri 17:00 或 周五 17:00)",
        "rules.{id}: {key}: '{value}' is not a period such as every: week with at: fri 17:00",
    ),
    "rules.new_rule": (
        "rules.{id}: 新规则需要 kind 和 from(或 deadline)",
        "rules.{id}: a new rule needs kind and from (or deadline)",
    ),
    "rules.unknown_kind": (
        "rules.{id}: 未知的记录类型 '{kind}'",
        "rules.{id}: unknown kind '{kind}'",
    ),
    "rules.not_a_field": (
        "rules.{id}: {key}: '{name}' 不是 {kind} 的字段",
        "rules.{id}: {key}: '{name}' is not a field of {kind}",
    ),
    "rules.not_an_item_field": (
        "rules.{id}: {key}: '{name}' 不是 {kind} 的 {each} 条目的字段",
        "rules.{id}: {key}: '{name}' is not a field of {kind} {each} items",
    ),
}
