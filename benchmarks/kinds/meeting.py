"""A `meeting` record: the 跨部门协调会议议程与纪要."""

from __future__ import annotations

from datetime import timedelta

from dates import NOW, d, t, workday_at
from vocab import (
    ANALYSES,
    DECISIONS,
    DELIVERABLES,
    DEPARTMENTS,
    LOCATIONS,
    PRODUCTS,
    STATUS_QUO,
    TASKS,
    TOPICS,
    pick,
)
from writer import Spec, Writer, done_by, item_status, links


def write(w: Writer, s: Spec) -> str:
    rng = w.rng
    start = workday_at(s.t0, rng.choice([9, 10, 14, 15, 16]), rng.choice([0, 30]))
    end = start + timedelta(minutes=rng.choice([45, 60, 75, 90]))
    depts = rng.sample(DEPARTMENTS, rng.randint(2, 4))
    host = w.person(depts[0])
    recorder = w.person(depts[0])
    attendees = sorted({(w.person(x), x) for x in depts for _ in range(2)})
    held = end < NOW and s.fate != "draft"
    lines = [
        f"# 跨部门协调会议议程与纪要 —— {rng.choice(TOPICS)}\n",
        f"kind: meeting\nid: {s.id}\n",
        f"title: {rng.choice(PRODUCTS)}{rng.choice(TOPICS)}协调会\n",
        f"objective: {rng.choice(['明确分工', '解决争议', '同步进度', '确认上线方案'])}\n",
        f"start: {t(start)}\nend: {t(end)}        # 控制在90分钟以内\n",
        f"location: |\n  {rng.choice(LOCATIONS)}\n"
        f"  腾讯会议 https://meeting.tencent.com/dm/{rng.randrange(16**8):08x}\n",
        f"host: {host}\nrecorder: {recorder}\nattendees:\n",
        *(f"  - {{name: {n}, department: {x}}}\n" for n, x in attendees),
    ]
    if s.fate == "draft":
        return "".join(lines[:4]) + "status: planned   # 时间地点待定\n"
    agenda = start - timedelta(days=rng.randint(3, 6), hours=rng.randint(0, 5))
    if s.fate == "late" and held:
        agenda = start - timedelta(days=1)
    if agenda < NOW:
        lines.append(f"agenda_sent_at: {t(agenda)}   # 提前3天发送议程\n")
    lines.append(f"materials:\n  - {rng.choice(PRODUCTS)}需求文档_v{rng.randint(1, 4)}.pdf\n")
    lines.append("topics:\n")
    for _ in range(rng.randint(2, 3)):
        box = rng.choice([10, 15, 20])
        lines.append(
            f"  - title: {rng.choice(TOPICS)}\n    presenter: {rng.choice(attendees)[0]}\n"
            f"    timebox: {box}\n"
            + (f"    minutes_used: {box - rng.randint(0, 5)}\n" if held else "")
            + f"    status_quo: {pick(rng, STATUS_QUO)}\n    analysis: {pick(rng, ANALYSES)}\n"
            + (f"    decision: {pick(rng, DECISIONS)}\n" if held else "")
        )
    if not held:
        return "".join(lines) + "status: planned\n" + links(s)
    lines.append("decisions:\n")
    lines.extend(f"  - {pick(rng, DECISIONS)}\n" for _ in range(rng.randint(1, 3)))
    lines.append("actions:                     # 做什么、谁来做、何时做、输出什么\n")
    n_actions = rng.randint(1, 4)
    no_minutes = s.fate == "overdue" and rng.random() < 0.3
    overdue_item = rng.randrange(n_actions) if s.fate == "overdue" else -1
    if w.all_open(s):
        n_actions = max(n_actions, w.open_items)
    for i in range(n_actions):
        due = start + timedelta(days=rng.randint(3, 30))
        if w.all_open(s):  # on a working day: thousands of open items due on a Sunday would
            due = workday_at(due, 0)  # be thousands of lint infos the stress does not intend
        done = done_by(due, end + timedelta(hours=2), rng)
        lines.append(
            f"  - id: A{i + 1}\n    task: {pick(rng, TASKS)}\n"
            f"    owner: {rng.choice(attendees)[0]}\n    due: {d(due)}\n"
            f"    deliverable: {pick(rng, DELIVERABLES)}\n"
        )
        stuck = (i == overdue_item or w.all_open(s)) and due.date() < NOW.date()
        lines.append(item_status(due, done, stuck))
        if stuck:
            lines.append(
                f"    progress:\n      - at: {t(end + timedelta(days=1))}\n"
                f"        note: 已启动,{rng.choice(['等待外部数据', '资源不足', '需求有变'])}\n"
                f"        percent: {rng.randint(10, 60)}\n"
            )
    minutes = end + timedelta(hours=rng.randint(1, 20))
    if s.fate == "late":
        minutes = end + timedelta(hours=30)
    if minutes >= NOW:
        lines.append("# minutes_sent_at: 纪要尚未发出\n")
    elif no_minutes:
        lines.append("# minutes_sent_at: 纪要尚未发出(会后24小时时限已过)\n")
    else:
        lines.append(f"minutes_sent_at: {t(minutes)}   # 会后24小时内发出纪要\n")
    lines.append(f"cc: [{', '.join(w.person() for _ in range(2))}]\n")
    closed = (NOW - end).days > 60 and s.fate == "normal"
    lines.append(f"status: {'closed' if closed else 'held'}\n")
    return "".join(lines) + links(s)
