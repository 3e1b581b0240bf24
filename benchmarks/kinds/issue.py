"""A `issue` record: the 问题协调解决记录表."""

from __future__ import annotations

from datetime import timedelta

from dates import NOW, t
from vocab import CAUSES, ISSUES, TASKS, pick
from writer import Spec, Writer, block, links


def write(w: Writer, s: Spec) -> str:
    rng = w.rng
    reported = s.t0.replace(hour=rng.randint(0, 23), minute=rng.choice([5, 20, 35, 50]))
    urgency = rng.choice(["high", "medium", "medium", "low"])
    dept = rng.choice(["技术部", "研发部", "客服部", "运营部", "生产部"])
    owner = w.person(dept)
    title = pick(rng, ISSUES)
    lines = [
        f"# 问题协调解决记录表 —— {'突发问题' if urgency == 'high' else '一般问题'}\n",
        f"kind: issue\nid: {s.id}\ntitle: {title}\n",
        "description: "
        + block(
            [
                f"{reported.month}月{reported.day}日起{title},",
                f"{rng.randint(50, 900)}名用户反馈受影响,"
                f"{rng.choice(['客服电话量翻倍', '应用商店出现差评'])}。",
            ]
        ),
        f"reporter: {w.person('客服部')}\nreported_at: {t(reported)}\n",
    ]
    if s.fate == "draft":
        return "".join(lines) + "status: draft   # 紧急程度与责任人待确认\n"
    lines.append(
        f"urgency: {urgency}\nimpact: {rng.randint(1, 9)}00+用户\n"
        f"department: {dept}\nowner: {owner}\n"
    )
    minute = timedelta(minutes=1)
    if urgency == "high":
        lines.append(
            f"team:                           # 临时小组(30分钟内成立)\n  lead: {owner}\n"
            f"  members: [{', '.join(sorted({w.person(dept) for _ in range(3)}))}]\n"
            f"team_formed_at: {t(reported + rng.randint(10, 28) * minute)}\n"
            f"workaround_at: {t(reported + rng.randint(30, 58) * minute)}\n"
        )
    if urgency == "medium":
        lines.append(f"analysis_meeting_at: {t(reported + rng.randint(40, 115) * minute)}\n")
    if urgency in ("high", "medium"):
        late = 300 if s.fate == "late" else rng.randint(90, 230)
        lines.append(f"root_cause_at: {t(reported + late * minute)}   # 定位报告已输出\n")
    planned = reported + timedelta(hours=rng.choice([8, 24, 48, 72]))
    resolved = reported + timedelta(hours=rng.randint(3, 7))
    lines.append(f"planned_resolution: {t(planned)}\n")
    if s.fate == "overdue" and rng.random() < 0.5:  # open past its planned resolution
        return "".join(lines) + "root_cause: 排查中\nstatus: mitigated\n" + links(s)
    notified = resolved + rng.randint(20, 55) * minute
    lines.append(f"resolved_at: {t(resolved)}\nverified_at: {t(resolved + 15 * minute)}\n")
    if notified < NOW:
        lines.append(f"users_notified_at: {t(notified)}   # 解决后1小时内通知受影响用户\n")
    retro_at = resolved + timedelta(hours=rng.randint(2, 20))
    retro = s.fate != "overdue" and retro_at < NOW
    if retro:
        lines.append(f"retrospective_at: {t(retro_at)}\n")
    else:
        lines.append("# retrospective_at: 复盘会尚未召开(时限为解决后24小时)\n")
    lines.append(
        f"root_cause: {rng.choice(CAUSES)}\n"
        "solution: "
        + block(
            [
                f"1. {pick(rng, TASKS)};",
                "2. 对受影响订单执行补单脚本;",
                "3. 对重复扣款用户原路退款。",
            ]
        )
        + f"verification: 随机抽样{rng.randint(5, 20)}名用户确认\n"
        f"user_feedback: 抽样用户均确认恢复正常\n"
        "prevention: "
        + block(
            [
                "- 相关配置纳入发布前双人复核清单",
                f"- 增加{rng.choice(['支付成功率', '接口耗时', '登录成功率'])}分钟级告警",
            ]
        )
        + f"status: {'closed' if retro and (NOW - resolved).days > 20 else 'resolved'}\n"
    )
    return "".join(lines) + links(s)
