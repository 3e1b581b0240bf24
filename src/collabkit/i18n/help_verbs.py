"""Help texts of the lifecycle verbs (`collab send`, `confirm` … `solve`: cli/lifecycle.py),
keys as in `help`; their ID, --at and --now take the shared texts."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.send": (
        "已发送: 需求(状态 sent,sent_at)、协作请求(requested_at)、通知(状态 sent),"
        "或方案版本 ID/V1.2(sent_at)。",
        "Sent: a requirement (status sent, sent_at), a collaboration request (requested_at), "
        "a notice (status sent), or a proposal version ID/V1.2 (sent_at).",
    ),
    "help.confirm": (
        "已确认: 需求(状态 confirmed,confirmed_at)、协作经合作方确认(accepted_by_partner_at)、"
        "客户需求(状态 confirmed)。",
        "Confirmed: a requirement (status confirmed, confirmed_at), a collaboration by its "
        "partner (accepted_by_partner_at), a customer request (status confirmed).",
    ),
    "help.decline": (
        "需求被婉拒(状态 declined),附原因和替代方案。",
        "A requirement is declined (status declined), with the reason and an alternative.",
    ),
    "help.decline.reason": ("原因(必填)", "Why (required)."),
    "help.decline.alternative": ("改为提供的方案", "What is offered instead."),
    "help.reject": (
        "客户需求被拒绝(状态 rejected)。",
        "A customer request is rejected (status rejected).",
    ),
    "help.open": (
        "草稿问题开始处理(状态 open),草稿客户需求转为待处理(pending)。",
        "A draft issue is opened (status open), a draft customer request (pending).",
    ),
    "help.start": (
        "开始工作: 需求或协作进入 in_progress,客户需求进入 in_delivery。",
        "Work starts: a requirement or collaboration in_progress, a customer request in_delivery.",
    ),
    "help.plan": (
        "需求的计划已发出(milestones.plan_at)。",
        "A requirement's plan is out (milestones.plan_at).",
    ),
    "help.deliver": (
        "需求已交付(状态 delivered,delivered_at)。",
        "A requirement is delivered (status delivered, delivered_at).",
    ),
    "help.accept": (
        "已验收: 需求(状态 accepted,accepted_at)、协作的成果(acceptance: pass,at)。",
        "Accepted: a requirement (status accepted, accepted_at), a collaboration's result "
        "(acceptance: pass, at).",
    ),
    "help.accept.by": ("验收人(协作)", "Who accepted (collaboration)."),
    "help.accept.comments": ("验收意见(协作)", "Comments (collaboration)."),
    "help.finish": (
        "已完成: 协作(状态 done,actual_end)、客户需求(done)。",
        "Finished: a collaboration (status done, actual_end), a customer request (done).",
    ),
    "help.close": (
        "已关闭: 需求、会议、问题或通知。",
        "Closed: a requirement, a meeting, an issue or a notice.",
    ),
    "help.withdraw": (
        "需求被撤回(状态 withdrawn)。",
        "A requirement is withdrawn (status withdrawn).",
    ),
    "help.cancel": (
        "已取消: 会议、协作,或某一项 ID/A1(行动项、待办)。",
        "Cancelled: a meeting, a collaboration, or an item ID/A1 (action, to-do).",
    ),
    "help.done": (
        "行动项或通知的待办已完成(ID/A1: 状态 done,done_at)。",
        "An action item or a notice's to-do is done (ID/A1: status done, done_at).",
    ),
    "help.hold": ("会议已召开(状态 held)。", "A meeting was held (status held)."),
    "help.send-agenda": (
        "会议议程已发出(agenda_sent_at)。",
        "A meeting's agenda went out (agenda_sent_at).",
    ),
    "help.send-minutes": (
        "会议纪要已发出(minutes_sent_at;状态 held)。",
        "A meeting's minutes went out (minutes_sent_at; status held).",
    ),
    "help.form-team": (
        "问题的响应小组已成立(team_formed_at)。",
        "An issue's response team is formed (team_formed_at).",
    ),
    "help.form-team.lead": ("小组负责人", "The team lead."),
    "help.mitigate": (
        "问题已有临时解决办法(状态 mitigated,workaround_at)。",
        "An issue has a workaround (status mitigated, workaround_at).",
    ),
    "help.analyze": (
        "问题的分析会已召开(analysis_meeting_at)。",
        "An issue's analysis meeting was held (analysis_meeting_at).",
    ),
    "help.root-cause": (
        "问题的根本原因已报告(root_cause_at)。",
        "An issue's root cause is reported (root_cause_at).",
    ),
    "help.root-cause.text": ("根本原因", "The root cause."),
    "help.resolve": (
        "问题已解决(状态 resolved,resolved_at)。",
        "An issue is resolved (status resolved, resolved_at).",
    ),
    "help.resolve.text": ("解决方案", "The solution."),
    "help.verify": ("问题的修复已验证(verified_at)。", "An issue's fix is verified (verified_at)."),
    "help.verify.text": ("怎样验证的", "How it was verified."),
    "help.notify-users": (
        "已告知受影响的用户(users_notified_at)。",
        "An issue's affected users were told (users_notified_at).",
    ),
    "help.retrospective": (
        "已复盘: 问题(retrospective_at)、协作(retrospective.at)。",
        "A retrospective was held: an issue (retrospective_at), a collaboration "
        "(retrospective.at).",
    ),
    "help.retrospective.text": ("预防措施(问题)", "Prevention measures (issue)."),
    "help.retrospective.highlights": ("做得好的地方(协作)", "What went well (collaboration)."),
    "help.retrospective.improvements": ("要改进的地方(协作)", "What to improve (collaboration)."),
    "help.retrospective.measures": ("采取的措施(协作)", "Measures taken (collaboration)."),
    "help.review": (
        "客户需求的可行性已答复(reviewed_at)。",
        "A customer request's feasibility is answered (reviewed_at).",
    ),
    "help.review.result": (
        "feasible、adjust 或 infeasible(可执行/需调整/不可执行)",
        "feasible, adjust or infeasible (可执行/需调整/不可执行).",
    ),
    "help.answer": (
        "待定问题已答复(ID/P1: answer,answered_at)。",
        "A pending question is answered (ID/P1: answer, answered_at).",
    ),
    "help.answer.text": ("答复", "The answer."),
    "help.feedback": (
        "客户对某个方案版本的反馈(ID/V1.2: feedback,feedback_at)。",
        "The customer's feedback on a proposal version (ID/V1.2: feedback, feedback_at).",
    ),
    "help.feedback.text": ("反馈内容", "The feedback."),
    "help.respond": (
        "已回应一次客户沟通(ID/C1: responded_at)。",
        "A customer communication is responded to (ID/C1: responded_at).",
    ),
    "help.solve": (
        "已为客户的问题提出解决方案(ID/C1: solution_at)。",
        "A solution is proposed for a customer's problem (ID/C1: solution_at).",
    ),
}
