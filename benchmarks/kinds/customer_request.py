"""A `customer-request` record: the 客户需求对接跟踪表."""

from __future__ import annotations

from datetime import timedelta

from dates import NOW, plus_wd, t, workday_at
from vocab import CHANNELS, CUSTOMERS, DECISIONS, PRODUCTS, TASKS, pick
from writer import Spec, Writer, block, links


def write(w: Writer, s: Spec) -> str:
    rng = w.rng
    received = workday_at(s.t0, rng.choice([9, 10, 11, 14, 16]), 30)
    customer = rng.choice(CUSTOMERS)
    owner = w.person(rng.choice(["销售部", "客服部", "市场部"]))
    lines = [
        "# 客户需求对接跟踪表\n",
        f"kind: customer-request\nid: {s.id}\ncustomer: {customer}\n"
        f"project: {rng.choice(PRODUCTS)}{rng.choice(['建设', '升级', '运维服务'])}\n",
        f"contact: {customer}{rng.choice(['行政部', '信息部', '采购部'])}负责人"
        f"(电话 010-{rng.randint(1000, 9999)} {rng.randint(1000, 9999)})\n",
        "description: "
        + block(
            [f"为约{rng.randint(1, 20)}00名员工建设{rng.choice(PRODUCTS)},包含:"]
            + [f"- {pick(rng, TASKS)}" for _ in range(rng.randint(2, 4))]
        ),
        f"budget: {rng.randint(5, 200)}万元\nreceived_at: {t(received)}\n",
    ]
    if s.fate == "draft":
        return "".join(lines[:3]) + "status: draft   # 需求描述待整理\n"
    reviewed = received + timedelta(hours=rng.randint(3, 30))
    if s.fate == "late":
        reviewed = plus_wd(received, 5)
    if reviewed >= NOW:
        return "".join(lines) + f"status: pending\nowner: {owner}\n" + links(s)
    lines.append(f"reviewed_at: {t(reviewed)}     # 2个工作日内反馈可行性\n")
    lines.append(f"review_result: {rng.choice(['feasible', 'feasible', 'adjust'])}\n")
    lines.append("proposals:\n")
    sent = reviewed
    n = rng.randint(1, 3)
    waiting = False
    for i in range(n):
        sent = workday_at(sent + timedelta(days=rng.randint(1, 6)), 15)
        if sent >= NOW:
            break
        feedback = sent + timedelta(hours=rng.randint(2, 40))
        lines.append(
            f"  - version: V1.{i}\n    sent_at: {t(sent)}\n    summary: {pick(rng, DECISIONS)}\n"
        )
        last = i == n - 1
        if (last and s.fate == "overdue") or feedback >= NOW:
            lines.append("    # 客户尚未反馈\n")
            waiting = True
            break
        lines.append(
            f"    feedback: {rng.choice(['希望分期交付', '同意方案', '预算需压缩10%'])}\n"
            f"    feedback_at: {t(feedback)}\n"
        )
        sent = feedback
    if lines[-1] == "proposals:\n":
        lines.pop()
    lines.append("communications:\n")
    moments = sorted(
        workday_at(received + timedelta(days=rng.randint(1, 20)), 10)
        for _ in range(rng.randint(1, 3))
    )
    for at in moments:
        if at >= NOW:
            break
        kind = rng.choice(["question", "problem", "feedback"])
        lines.append(
            f"  - at: {t(at)}\n    channel: {rng.choice(CHANNELS)}\n"
            f"    summary: 客户{rng.choice(['反映', '询问', '反馈'])}{pick(rng, TASKS)}的进度\n"
            f"    type: {kind}\n    responded_at: {t(at + timedelta(minutes=20))}\n"
            + (f"    solution_at: {t(at + timedelta(hours=6))}\n" if kind == "problem" else "")
        )
    if lines[-1] == "communications:\n":
        lines.pop()
    old = (NOW - received).days > 60
    status = "pending" if waiting else ("done" if old else "confirmed")
    return "".join(lines) + f"status: {status}\nowner: {owner}\n" + links(s)
