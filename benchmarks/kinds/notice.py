"""A `notice` record: the 内部沟通信息表."""

from __future__ import annotations

from datetime import timedelta

from dates import NOW, d, t, workday_at
from vocab import DEPARTMENTS, PRODUCTS, TASKS, TOPICS, pick
from writer import Spec, Writer, block, done_by, item_status, links


def write(w: Writer, s: Spec) -> str:
    rng = w.rng
    at = workday_at(s.t0, rng.choice([9, 10, 11, 14, 15, 16]), rng.choice([0, 15, 30]))
    dept = rng.choice(DEPARTMENTS)
    topic = f"{rng.choice(PRODUCTS)}{rng.choice(TOPICS)}"
    people = sorted({w.person() for _ in range(4)})
    lines = [
        "# 内部沟通信息表 —— 群通知与待办(群名遵循 【部门/项目】+主题+日期)\n",
        f"kind: notice\nid: {s.id}\ntitle: {topic}讨论\n",
        f"group: 【{dept}】{topic}{at:%Y%m%d}\n",
        f"initiator: {w.person(dept)}\nat: {t(at)}            # 工作时间内发送\n",
        "content: "
        + block(
            [
                f"各位好,{topic}初稿已上传至共享盘“{topic}/方案”目录,",
                f"请于{(at + timedelta(days=2)):%m月%d日}前阅读并反馈意见。",
                "请按下方待办完成。",
            ]
        ),
        f"participants: [{', '.join(people)}]\n",
        f"important: {'true' if rng.random() < 0.3 else 'false'}                 # 【重要】\n",
        "urgent: false\n",
    ]
    if s.fate == "draft":
        return "".join(lines[:3]) + "status: draft\n"
    lines.append("todos:\n")
    n = rng.randint(1, 3)
    if w.all_open(s):
        n = max(n, w.open_items)
    for i in range(n):
        due = at + timedelta(days=rng.randint(2, 14))
        if w.all_open(s):  # on a working day (as in meeting.py)
            due = workday_at(due, 0)
        done = done_by(due, at + timedelta(hours=2), rng)
        lines.append(
            f"  - id: T{i + 1}\n    task: {pick(rng, TASKS)}\n"
            f"    owner: {rng.choice(people)}\n    due: {d(due)}\n"
        )
        stuck = s.fate == "overdue" and (i == 0 or w.all_open(s)) and due.date() < NOW.date()
        lines.append(item_status(due, done, stuck))
    old = (NOW - at).days > 60 and s.fate == "normal"
    return "".join(lines) + f"status: {'closed' if old else 'sent'}\n" + links(s)
