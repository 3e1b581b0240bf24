"""Texts of the weekly collaboration report (周度协作报告). Like `render`, the ones that go
into the report's Markdown hold no Markdown character."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report.bad_week": (
        "--week:'{value}' 不是 ISO 周,请写成 2024-W41",
        "--week: '{value}' is not an ISO week; write it as 2024-W41",
    ),
    "report.title": ("周度协作报告 {week}", "Weekly collaboration report {week}"),
    "report.overview": ("概况", "Overview"),
    "report.item": ("项目", "Item"),
    "report.period": ("周期", "Week"),
    "report.period_text": ("{begin}(周一)至 {end}(周日)", "Monday {begin} to Sunday {end}"),
    "report.department": ("部门", "Department"),
    "report.all_departments": ("全部部门", "all departments"),
    "report.as_of": ("统计截至", "As of"),
    "report.summary": ("小结", "Summary"),
    "report.summary_text": (
        "本周完成 {done} 项(其中超时 {breaches} 项),进行中 {in_progress} 项,"
        "逾期未完成 {overdue} 项,未按时同步 {missed} 期,下周截止 {next_week} 项,风险 {risks} 项",
        "{done} done this week ({breaches} met late), {in_progress} in progress, "
        "{overdue} overdue, {missed} weekly syncs missed, {next_week} due next week, "
        "{risks} open risks",
    ),
    "report.done": ("一、本周完成", "1. Done this week"),
    "report.in_progress": ("二、进行中", "2. In progress"),
    "report.overdue": ("三、逾期未完成", "3. Overdue"),
    "report.breaches": ("四、超时完成", "4. Met late"),
    "report.missed_syncs": ("五、未按时同步", "5. Syncs missed this week"),
    "report.next_week": ("六、下周截止", "6. Due next week"),
    "report.risks": ("七、风险与应对", "7. Risks and mitigation"),
    "report.none.done": ("本周没有完成的事项", "nothing was done this week"),
    "report.none.in_progress": ("没有进行中的事项", "nothing is in progress"),
    "report.none.overdue": ("没有逾期事项", "nothing is overdue"),
    "report.none.breaches": ("本周没有超时完成的事项", "nothing was met late this week"),
    "report.none.missed_syncs": ("本周没有漏报的同步", "no sync was missed this week"),
    "report.none.next_week": ("下周没有截止事项", "nothing falls due next week"),
    "report.none.risks": ("没有未关闭的风险", "no open risks"),
    "report.col.progress": ("进展", "Progress"),
    "report.col.planned_end": ("计划完成", "Planned end"),
    "report.col.late_by": ("超时", "Late by"),
    "report.col.weekday": ("星期", "Day"),
    "report.weekday.0": ("周一", "Mon"),
    "report.weekday.1": ("周二", "Tue"),
    "report.weekday.2": ("周三", "Wed"),
    "report.weekday.3": ("周四", "Thu"),
    "report.weekday.4": ("周五", "Fri"),
    "report.weekday.5": ("周六", "Sat"),
    "report.weekday.6": ("周日", "Sun"),
    "report.day.workday": ("{weekday}(调休上班)", "{weekday} (working day)"),
    "report.day.holiday": ("{weekday}(休息日)", "{weekday} (day off)"),
    "report.written": ("{path}:已写入周报", "{path}: report written"),
}
