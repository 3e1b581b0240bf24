"""A `requirement` record: the 需求沟通与确认表."""

from __future__ import annotations

from datetime import timedelta

from dates import NOW, d, plus_wd, t, workday_at
from vocab import DECISIONS, GOALS, PRODUCTS, REASONS, TASKS, TOPICS, pick
from writer import Spec, Writer, links


def write(w: Writer, s: Spec) -> str:
    rng = w.rng
    req_d, rec_d = w.two_departments()
    sent = workday_at(s.t0, rng.choice([9, 10, 11, 14, 15]), rng.choice([0, 30]))
    age = (NOW - sent).days
    due = sent + timedelta(days=rng.randint(20, 60))
    desc = [f"- {pick(rng, TASKS)}" for _ in range(rng.randint(2, 5))]
    head = (
        f"# 需求沟通与确认表 —— {req_d}向{rec_d}提出的需求\n"
        f"kind: requirement\nid: {s.id}\ntitle: {rng.choice(PRODUCTS)}{rng.choice(TOPICS)}\n"
        f"requester:                # 需求方\n  department: {req_d}\n"
        f"  lead: {w.person(req_d)}\n"
        f"receiver:                 # 承接方\n  department: {rec_d}\n"
        f"  lead: {w.person(rec_d)}\n"
        f"background: {pick(rng, REASONS)}\n"
        f"goal: {pick(rng, GOALS)}   # 可衡量的结果\n"
        f"description:\n" + "".join(f"  {x}\n" for x in desc)
    )
    if s.fate == "draft":
        return head.split("background:")[0] + "status: draft   # 草稿:背景与目标待补充\n"
    head += (
        f"priority: {rng.choice(['high', 'medium', 'medium', 'low'])}\n"
        f"due: {d(due)}           # 期望上线时间(当天结束前)\n"
    )
    confirmed = sent + timedelta(hours=rng.randint(2, 20))
    plan_at = plus_wd(confirmed, rng.randint(1, 5))
    delivered = plus_wd(confirmed, rng.randint(5, 10))
    finished = age > 40 and s.fate != "overdue"
    late = s.fate == "late"
    if late:
        confirmed = plus_wd(sent, 4, 11)  # 1 working day was asked; 4+ calendar days is late
        plan_at = plus_wd(confirmed, rng.randint(1, 5))
        delivered = plus_wd(confirmed, rng.randint(5, 10))
    head += (
        "milestones:\n  plan: 确认后5个工作日内输出方案\n"
        + (f"  plan_at: {t(plan_at)}\n" if plan_at < NOW else "")
        + "  build: 10个工作日内开发完成\n"
        f"resources:\n  预算: {rng.randint(2, 80)}万元\n  {req_d}: 提供目标用户画像与验收标准\n"
        f"  {rec_d}: 负责开发、测试与上线\n"
    )
    pending = ["pending:                  # 待确认事项;未写 due 的默认 24 小时内反馈\n"]
    questions = rng.randint(1, 3)
    if w.all_open(s):
        questions = max(questions, w.open_items)
    for i in range(1, questions + 1):
        raised = sent + timedelta(hours=rng.randint(1, 30))
        answered = raised + timedelta(hours=rng.randint(1, 20))
        pending.append(
            f"  - id: P{i}\n    question: {pick(rng, TASKS)}的范围与口径\n"
            f"    owner: {w.person(rng.choice([req_d, rec_d]))}\n"
            f"    raised_at: {t(raised)}\n"
        )
        if not (s.fate == "overdue" and (i == 1 or w.all_open(s)) and answered < NOW):
            if answered < NOW:
                pending.append(
                    f"    answer: 已确认,按{pick(rng, DECISIONS)}执行\n"
                    f"    answered_at: {t(answered)}\n"
                )
            else:
                pending.append("    # 尚未答复\n")
        else:
            pending.append("    # 尚未答复:24小时时限已过\n")
    events = f"sent_at: {t(sent)}\n"
    status = "sent"
    if confirmed < NOW:
        events += f"confirmed_at: {t(confirmed)}   # 双方签字见 collab trail {s.id}\n"
        status = "confirmed" if plan_at >= NOW else "in_progress"
    if s.fate != "overdue" and delivered < NOW and delivered < due:
        events += f"delivered_at: {t(delivered)}\n"
        status = "delivered"
        if finished:
            events += f"accepted_at: {t(delivered + timedelta(days=2))}\n"
            status = rng.choice(["accepted", "closed"])
    return head + "".join(pending) + f"status: {status}\n" + events + links(s)
