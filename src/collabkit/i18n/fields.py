"""Labels of record fields where the field's name does not say it well in English.

Chinese labels come from the models' own descriptions (their first word, the handbook's
column name); English ones from here, else from the field name (`sent_at` → 'Sent at').
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "label.links": ("相关记录", "Related records"),
    "label.id": ("编号", "Id"),
    "label.plan_at": ("方案输出时间", "Plan delivered at"),
    "label.pending": ("待确认事项", "Pending questions"),
    "label.decline_reason": ("拒绝原因", "Reason for declining"),
    "label.materials": ("背景材料", "Background material"),
    "label.timebox": ("时长", "Timebox (minutes)"),
    "label.minutes_used": ("实际用时", "Minutes used"),
    "label.actions": ("行动项", "Action items"),
    "label.percent": ("完成百分比", "Percent done"),
    "label.cc": ("抄送", "Copied to"),
    "label.team": ("临时小组", "Response team"),
    "label.workaround_at": ("临时方案时间", "Workaround at"),
    "label.analysis_meeting_at": ("分析会时间", "Analysis meeting at"),
    "label.root_cause_at": ("定位报告时间", "Root cause reported at"),
    "label.users_notified_at": ("通知用户时间", "Users notified at"),
    "label.accepted_by_partner_at": ("协作方确认时间", "Partner confirmed at"),
    "label.partners": ("需协助部门/对接人", "Partners"),
    "label.mode": ("协同方式与频次", "How and how often"),
    "label.risks": ("风险点及应对措施", "Risks and mitigations"),
    "label.by": ("验收人", "Accepted by"),
    "label.review_result": ("评估结论", "Feasibility"),
    "label.reviewed_at": ("可行性反馈时间", "Feasibility answered at"),
    "label.communications": ("客户沟通档案", "Customer communications"),
    "label.solution_at": ("提出解决方案时间", "Solution proposed at"),
    "label.group": ("群聊名称", "Group"),
    "label.important": ("【重要】", "Important"),
    "label.todos": ("待办", "To-dos"),
    "label.kind": ("类型", "Kind"),
}
