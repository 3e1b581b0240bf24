"""A `collaboration` record: the 跨部门协作事项跟踪表."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from dates import NOW, d, plus_wd, t, workday_at
from vocab import ANALYSES, GOALS, PRODUCTS, PROGRESS, REASONS, TASKS, TOPICS, pick
from writer import Spec, Writer, links


def progress_lines(rng: random.Random, start: datetime, end: datetime) -> str:
    """Weekly progress notes on working days between start and end."""
    out, moment, percent = [], start, 0
    while True:
        moment = workday_at(moment + timedelta(days=7), 16)
        if moment >= end:
            break
        percent = min(95, percent + rng.randint(5, 20))
        out.append(
            f"  - at: {t(moment)}\n    note: {pick(rng, TASKS)},{rng.choice(PROGRESS)}\n"
            f"    percent: {percent}\n"
        )
    return "".join(out)


def write(w: Writer, s: Spec) -> str:
    rng = w.rng
    ini, par = w.two_departments()
    requested = workday_at(s.t0, rng.choice([9, 10, 14, 15]))
    start = workday_at(requested + timedelta(days=rng.randint(2, 5)), 9)
    end = start + timedelta(days=rng.randint(7, 45))
    lines = [
        f"# 跨部门协作事项跟踪表 —— {ini} × {par}\n",
        f"kind: collaboration\nid: {s.id}\ntitle: {rng.choice(PRODUCTS)}{rng.choice(TOPICS)}支持\n",
        f"initiator:                 # 需求发起部门/对接人\n  department: {ini}\n"
        f"  contact: {w.person(ini)}\n",
        f"partners:                  # 需协助部门/对接人\n  - department: {par}\n"
        f"    contact: {w.person(par)}\n",
        f"background: {pick(rng, REASONS)}\ngoal: {pick(rng, GOALS)}\n",
        "description:\n" + "".join(f"  - {pick(rng, TASKS)}\n" for _ in range(rng.randint(2, 4))),
        f"mode: 每日17:00线上同步,每周{rng.choice('一二三四')}10:00例会\n",
        "risks:\n"
        + "".join(
            f"  - risk: {r}\n    mitigation: {m}\n"
            for r, m in rng.sample(
                [
                    ("同期承接其他项目,人力紧张", "提前锁定2名骨干,其他需求顺延"),
                    ("文案多轮修改导致返工", "文案一次性定稿后再进入设计"),
                    ("节假日占用开发时间", "节前完成接口设计,节后集中开发"),
                    ("改造影响数据一致性", "灰度发布,保留一键回滚开关"),
                ],
                2,
            )
        ),
    ]
    if s.fate == "draft":
        return "".join(lines[:4]) + "status: planned   # 排期待定\n"
    lines.append(f"planned_start: {d(start)}\nplanned_end: {d(end)}\n")
    accepted = requested + timedelta(hours=rng.randint(2, 24))
    if s.fate == "late":
        accepted = plus_wd(requested, 4)
    done = end < NOW and s.fate != "overdue"
    actual = workday_at(end - timedelta(days=rng.randint(0, 3)), 17, before=True)
    if done:
        lines.append(f"actual_end: {d(actual)}   # 延期天数由 collab 计算,不手写\n")
    lines.append(f"requested_at: {t(requested)}\n")
    if accepted < NOW:
        lines.append(f"accepted_by_partner_at: {t(accepted)}   # 1个工作日内确认\n")
    if start < NOW:
        lines.append(f"progress:\n  - at: {t(start)}\n    note: 启动会完成\n    percent: 5\n")
        lines.append(progress_lines(rng, start, min(end, NOW)))
        if done:
            lines.append(f"  - at: {t(actual)}\n    note: 全部成果交付\n    percent: 100\n")
    if not done:
        status = "in_progress" if start < NOW else "planned"
        return "".join(lines) + f"status: {status}\n" + links(s)
    check = workday_at(actual + timedelta(days=1), 10)
    retro = plus_wd(check, rng.randint(1, 3), 15)
    if check >= NOW:
        return "".join(lines) + "status: done   # 待验收\n" + links(s)
    lines.append(
        f"acceptance:\n  result: pass\n  comments: 成果符合验收标准\n"
        f"  by: {w.person(ini)}\n  at: {t(check)}\n"
    )
    if retro < NOW:
        lines.append(
            "retrospective:             # 验收通过后3个工作日内复盘\n"
            f"  highlights:\n    - 每日同步让问题当天暴露、当天解决\n"
            f"  improvements:\n    - {pick(rng, ANALYSES)}\n"
            f"  measures:\n    - 今后在启动会确认{rng.choice(TOPICS)}的边界\n"
            f"  at: {t(retro)}\n"
        )
    return "".join(lines) + "status: done\n" + links(s)
