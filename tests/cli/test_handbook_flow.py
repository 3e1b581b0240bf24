"""The handbook's flow from the command line alone, in zh and in en (issue 17 "Done when"):
a 市场部 → 运营部 requirement, a coordination meeting with action items, an urgent incident
and a customer request with proposal versions, start to finish without editing YAML, with
`overdue` following every step.

Deadlines checked by hand on the 2024 calendar (no holiday between 10-14 and 11-01; the
weekends 10-19/20 and 10-26/27 are off): N working days end at 18:00 of the N-th working
day after the start day; h/m durations run around the clock; `meeting.agenda` is 3 days
(72 h) before the start.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class Team:
    """One workspace, driven as a PM would: every command must succeed."""

    def __init__(self, invoke: Any, root: Path) -> None:
        self.invoke, self.root = invoke, root

    def __call__(self, *args: str) -> str:
        result = self.invoke("-C", self.root, *args)
        assert result.code == 0, result
        return str(result.out)

    def new(self, *args: str) -> str:
        return Path(self("new", *args, "--no-input").strip()).stem

    def overdue(self, now: str, records: set[str]) -> list[tuple[str, str | None, str]]:
        items = json.loads(self("overdue", "--format", "json", "--now", now))
        return [(o["record"], o["item"], o["rule"]) for o in items if o["record"] in records]


def run_the_handbook(team: Team) -> dict[str, str]:
    """The whole flow; returns the ids it made. Asserts `overdue` after each step."""
    now = "2024-10-14T09:00+08:00"
    rw = team.new(
        "requirement",
        "--title",
        "Q4 拉新活动",
        "--requester",
        "市场部:张伟",
        "--receiver",
        "运营部:李娜",
        "--due",
        "2024-11-29",
        "--now",
        now,
    )
    for field, value in (
        ("background", "新客增长放缓"),
        ("goal", "30天新增用户1万"),
        ("description", "活动页\n优惠券"),
        ("priority", "high"),
    ):
        team("set", rw, field, value, "--now", now)
    ids = {rw}
    assert team.overdue("2024-10-16T09:00+08:00", ids) == []  # a draft owes nothing
    team("send", rw, "--at", "2024-10-14T10:00+08:00", "--now", now)
    # sent Mon 10:00 + 1 wd → Tue 10-15 18:00
    assert team.overdue("2024-10-16T09:00+08:00", ids) == [(rw, None, "requirement.confirm")]
    team("add", rw, "pending", "预算多少?", "--owner", "张伟", "--at", "2024-10-15T09:00+08:00")
    team("confirm", rw, "--at", "2024-10-16T10:00+08:00", "--now", "2024-10-16T10:00+08:00")
    # P1 raised Tue 09:00 + 24 h → Wed 09:00, open at 12:00
    assert team.overdue("2024-10-16T12:00+08:00", ids) == [(rw, "P1", "requirement.pending")]
    team("answer", f"{rw}/P1", "预算5万", "--at", "2024-10-16T13:00+08:00")
    # confirmed Wed 10-16: plan + 5 wd → Wed 10-23 18:00; build + 10 wd → Wed 10-30 18:00
    assert team.overdue("2024-10-24T09:00+08:00", ids) == [(rw, None, "requirement.plan")]
    team("plan", rw, "--at", "2024-10-24T10:00+08:00")
    team("start", rw, "--at", "2024-10-24T10:00+08:00")
    assert team.overdue("2024-10-31T09:00+08:00", ids) == [(rw, None, "requirement.build")]
    team("deliver", rw, "--at", "2024-10-31T10:00+08:00")
    team("accept", rw, "--at", "2024-10-31T15:00+08:00")
    team("close", rw, "--at", "2024-11-01T09:00+08:00")

    hy = team.new(
        "meeting",
        "--title",
        "拉新活动协调会",
        "--owner",
        "张伟",
        "--start",
        "2024-10-21 14:00",
        "--end",
        "2024-10-21 15:00",
        "--now",
        now,
    )
    ids.add(hy)
    for field, value in (("objective", "明确分工"), ("location", "301"), ("recorder", "李娜")):
        team("set", hy, field, value)
    team("add", hy, "attendees", "张伟", "--department", "市场部")
    team("add", hy, "attendees", "李娜", "--department", "运营部")
    team("add", hy, "topics", "活动方案", "--presenter", "李娜", "--timebox", "20")
    team("set", hy, "links", f"[{rw}]")
    # the agenda is owed 3 days (72 h) before Mon 14:00: Fri 10-18 14:00
    assert team.overdue("2024-10-18T15:00+08:00", {hy}) == [(hy, None, "meeting.agenda")]
    team("send-agenda", hy, "--at", "2024-10-18T11:00+08:00")
    team("hold", hy, "--at", "2024-10-21T15:00+08:00")
    team(
        "add",
        hy,
        "actions",
        "出活动方案",
        "--owner",
        "李娜",
        "--due",
        "2024-10-25",
        "--deliverable",
        "方案",
        "--at",
        "2024-10-21T15:00+08:00",
    )
    team(
        "add",
        hy,
        "actions",
        "配置优惠券",
        "--owner",
        "赵磊",
        "--due",
        "2024-10-31",
        "--deliverable",
        "券配置",
        "--at",
        "2024-10-21T15:00+08:00",
    )
    team("add", hy, "decisions", "先上线移动端")
    # minutes: end Mon 15:00 + 24 h → Tue 15:00
    assert team.overdue("2024-10-22T16:00+08:00", {hy}) == [(hy, None, "meeting.minutes")]
    team("send-minutes", hy, "--at", "2024-10-22T14:00+08:00")
    assert team.overdue("2024-10-28T09:00+08:00", {hy}) == [(hy, "A1", "action.due")]
    team("done", f"{hy}/A1", "--at", "2024-10-28T10:00+08:00")
    team("progress", f"{hy}/A2", "已配置一半", "--percent", "50", "--at", "2024-10-29T10:00+08:00")
    team("done", f"{hy}/A2", "--at", "2024-10-30T10:00+08:00")
    team("close", hy, "--at", "2024-10-31T10:00+08:00")

    wt = team.new(
        "issue",
        "--title",
        "APP支付失败率上升",
        "--owner",
        "赵磊",
        "--department",
        "技术部",
        "--urgency",
        "high",
        "--now",
        "2024-10-24T03:00+08:00",
    )
    ids.add(wt)
    # high urgency, reported 03:00: team 03:30, workaround 04:00, root cause 07:00
    assert team.overdue("2024-10-24T05:00+08:00", {wt}) == [
        (wt, None, "issue.team"),
        (wt, None, "issue.workaround"),
    ]
    team("form-team", wt, "--lead", "赵磊", "--at", "2024-10-24T03:20+08:00")
    team("mitigate", wt, "--at", "2024-10-24T03:50+08:00")
    team("root-cause", wt, "支付网关证书过期", "--at", "2024-10-24T06:00+08:00")
    team("resolve", wt, "更新证书", "--at", "2024-10-24T08:00+08:00")
    # resolved 08:00: users notified by 09:00, retrospective by Fri 08:00
    assert team.overdue("2024-10-24T09:30+08:00", {wt}) == [(wt, None, "issue.notify")]
    team("notify-users", wt, "--at", "2024-10-24T09:40+08:00")
    team("verify", wt, "随机抽样10名用户确认", "--at", "2024-10-24T10:00+08:00")
    team("retrospective", wt, "证书到期监控", "--at", "2024-10-24T16:00+08:00")
    team("close", wt, "--at", "2024-10-25T09:00+08:00")

    kh = team.new("customer-request", "--customer", "A科技公司", "--owner", "王芳", "--now", now)
    ids.add(kh)
    team("set", kh, "contact", "行政部负责人")
    team("set", kh, "description", "智能办公系统")
    team("set", kh, "budget", "080万")  # text, zero kept
    assert team.overdue("2024-10-17T09:00+08:00", {kh}) == []  # still a draft
    team("open", kh, "--at", "2024-10-14T09:30+08:00")
    # received Mon 09:00 + 2 wd → Wed 10-16 18:00
    assert team.overdue("2024-10-17T09:00+08:00", {kh}) == [(kh, None, "customer.review")]
    team("review", kh, "--result", "adjust", "--at", "2024-10-17T10:00+08:00")
    team("add", kh, "proposals", "三个模块一次交付", "--at", "2024-10-17T14:00+08:00")
    # V1.0 sent Thu 14:00 + 2 wd → Mon 10-21 18:00
    assert team.overdue("2024-10-22T09:00+08:00", {kh}) == [
        (kh, "V1.0", "customer.proposal_feedback")
    ]
    team("feedback", f"{kh}/V1.0", "希望分期交付", "--at", "2024-10-21T17:00+08:00")
    team("add", kh, "proposals", "分两期交付", "--at", "2024-10-22T10:00+08:00")
    team(
        "log",
        kh,
        "测试环境无法登录",
        "--type",
        "problem",
        "--channel",
        "电话",
        "--at",
        "2024-10-23T09:00+08:00",
    )
    assert team.overdue("2024-10-23T10:30+08:00", {kh}) == [(kh, "C1", "customer.respond")]
    team("respond", f"{kh}/C1", "--at", "2024-10-23T10:40+08:00")
    team("solve", f"{kh}/C1", "--at", "2024-10-23T17:00+08:00")
    team("feedback", f"{kh}/V1.1", "同意", "--at", "2024-10-24T10:00+08:00")
    team("confirm", kh, "--at", "2024-10-24T11:00+08:00")
    team("start", kh, "--at", "2024-10-25T09:00+08:00")
    team("finish", kh, "--at", "2024-11-01T09:00+08:00")

    assert team.overdue("2024-11-04T09:00+08:00", ids) == []
    return {"requirement": rw, "meeting": hy, "issue": wt, "customer-request": kh}


# What the flow did late, on purpose: lint reports each as a breach (a warning), and
# nothing else (no error, no other warning).
LATE = {
    ("RW-2024-001", "requirement.confirm"),
    ("RW-2024-001", "requirement.pending"),
    ("RW-2024-001", "requirement.plan"),
    ("RW-2024-001", "requirement.build"),
    ("HY-2024-001", "action.due"),
    ("WT-2024-001", "issue.notify"),
    ("KH-2024-001", "customer.review"),
    ("KH-2024-001", "customer.respond"),
}


def late(findings: list[dict[str, Any]]) -> set[tuple[str, str]]:
    assert {(f["severity"], f["code"]) for f in findings} <= {("warning", "breach")}, findings
    return {(Path(f["file"]).stem, f["message"].split(":")[0].split()[0]) for f in findings}


def test_the_handbook_in_chinese(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    team = Team(invoke, ws)
    made = run_the_handbook(team)
    assert made == {
        "requirement": "RW-2024-001",
        "meeting": "HY-2024-001",
        "issue": "WT-2024-001",
        "customer-request": "KH-2024-001",
    }
    lint = invoke("-C", ws, "lint", "--format", "json")
    assert lint.code == 0, lint
    assert late(json.loads(lint.out)) == LATE
    shown = json.loads(team("show", "HY-2024-001", "--format", "json"))
    assert [a["status"] for a in shown["fields"]["actions"]] == ["done", "done"]
    assert shown["fields"]["status"] == "closed"
    assert (
        json.loads(team("show", "KH-2024-001", "--format", "json"))["fields"]["budget"] == "080万"
    )


def test_the_handbook_in_english(invoke, scenario) -> None:  # type: ignore[no-untyped-def]
    ws = scenario("english")
    team = Team(invoke, ws)
    made = run_the_handbook(team)
    assert made == {
        "requirement": "RW-2024-002",
        "meeting": "HY-2024-003",
        "issue": "WT-2024-002",
        "customer-request": "KH-2024-003",
    }
    said = team("set", "RW-2024-002", "goal", "-5% churn", "--now", "2024-11-04T09:00+08:00")
    assert said == "RW-2024-002: goal 30天新增用户1万 → -5% churn\n"
    findings = json.loads(invoke("-C", ws, "lint", "--format", "json").out)
    mine = [f for f in findings if any(i in f["file"] for i in made.values())]
    kinds = {"RW": "requirement", "HY": "meeting", "WT": "issue", "KH": "customer-request"}
    assert late(mine) == {(made[kinds[record[:2]]], rule) for record, rule in LATE}
