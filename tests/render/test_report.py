"""`collab report weekly`: the example's week 2024-W41 checked by hand, the default week,
the as-of rule (met later is not met yet), breaches, missed syncs and the department filter.

Week 2024-W41 is Mon 10-07 (a National Day holiday) to Sun 10-13; Sat 10-12 is a 调休
working day. The report sees the workspace at Mon 10-14 00:00, the end of the week.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import MINIMAL_CONFIG, NOW, build_tree


def _json(invoke, workspace: Path, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = invoke("-C", workspace, "report", "weekly", "--format", "json", *args)
    assert (result.code, result.err) == (0, ""), result
    data: dict[str, Any] = json.loads(result.out)
    return data


def _refs(items: list[dict[str, Any]], *extra: str) -> list[tuple[Any, ...]]:
    return [(f"{i['record']}/{i['item']}" if i["item"] else i["record"], i["rule"],
             *(i[k] for k in extra)) for i in items]  # fmt: skip


def test_the_examples_week_41_by_hand(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    report = _json(invoke, examples, "--week", "2024-W41", "--now", NOW)
    assert (report["week"], report["from"], report["to"], report["as_of"]) == (
        "2024-W41", "2024-10-07", "2024-10-13", "2024-10-14T00:00:00+08:00")
    # agenda: start Thu 10-10 14:00 - 72 h = Mon 10-07 14:00, sent 10:00; T1 due 10-10, done
    # 11:00; A3 due 10-11, done 11:00; the incident reported Sat 10-12 09:20: team +30 min
    # (09:50, formed 09:40), workaround +1 h (10:20, 10:10), root cause +4 h (13:20, 12:00),
    # planned 18:00 (resolved 17:30), users notified within 1 h of 17:30 (18:30, 18:10).
    assert _refs(report["done"], "due", "met_at") == [
        ("HY-2024-002", "meeting.agenda", "2024-10-07T14:00:00+08:00", "2024-10-07T10:00:00+08:00"),
        ("TZ-2024-001/T1", "notice.todo", "2024-10-10T23:59:59+08:00", "2024-10-10T11:00:00+08:00"),
        ("HY-2024-002/A3", "action.due", "2024-10-11T23:59:59+08:00", "2024-10-11T11:00:00+08:00"),
        ("WT-2024-001", "issue.team", "2024-10-12T09:50:00+08:00", "2024-10-12T09:40:00+08:00"),
        ("WT-2024-001", "issue.workaround", "2024-10-12T10:20:00+08:00",
         "2024-10-12T10:10:00+08:00"),
        ("WT-2024-001", "issue.root_cause", "2024-10-12T13:20:00+08:00",
         "2024-10-12T12:00:00+08:00"),
        ("WT-2024-001", "issue.planned_resolution", "2024-10-12T18:00:00+08:00",
         "2024-10-12T17:30:00+08:00"),
        ("WT-2024-001", "issue.notify", "2024-10-12T18:30:00+08:00", "2024-10-12T18:10:00+08:00"),
    ]  # fmt: skip
    assert report["breaches"] == []
    # As of Mon 10-14 00:00, each in its rule's terms. Working-day rules count the working
    # days wholly passed: build 09-18 18:00 -> 09-19 20 23 24 25 26 27 29(Sun, 调休) 30,
    # 10-08 09 10 11 12(Sat, 调休) = 14; V1.2's feedback 10-11 18:00 -> 10-12(Sat, 调休) = 1.
    # Every other deadline counts clock time: due 09-30 end of day -> 13 days; the minutes
    # 10-11 15:30 -> 2 days 8 h 30 min; P2 10-12 10:00 -> 1 day 14 h; A1 10-12 end of day ->
    # 1 day; the retrospective 10-13 17:30 -> 6 h 30 min.
    assert _refs(report["overdue"], "late") == [
        ("RW-2024-001", "requirement.build", "逾期 14 个工作日"),
        ("RW-2024-001", "requirement.due", "逾期 13 天"),
        ("HY-2024-002", "meeting.minutes", "逾期 2 天"),
        ("KH-2024-001/V1.2", "customer.proposal_feedback", "逾期 1 个工作日"),
        ("RW-2024-001/P2", "requirement.pending", "逾期 1 天"),
        ("HY-2024-002/A1", "action.due", "逾期 1 天"),
        ("WT-2024-001", "issue.retrospective", "逾期 6 小时"),
    ]
    # XZ-2024-002 shared progress on Wed 10-09 and Fri 10-11, before Fri 17:00
    assert report["missed_syncs"] == []
    assert _refs(report["next_week"], "due") == [
        ("TZ-2024-001/T2", "notice.todo", "2024-10-16T23:59:59+08:00"),
        ("XZ-2024-002/2024-W42", "collaboration.weekly_sync", "2024-10-18T17:00:00+08:00"),
        ("HY-2024-002/A2", "action.due", "2024-10-18T23:59:59+08:00"),
    ]
    assert [(i["ref"], i["progress"], i["percent"]) for i in report["in_progress"]] == [
        ("HY-2024-001/A3", "进行中(已完成40%)", 40),
        ("RW-2024-001", "进行中", None),
        ("XZ-2024-002", "进行中(已完成60%)", 60),
    ]
    assert [(r["record"], r["risk"], r["mitigation"]) for r in report["risks"]] == [
        ("XZ-2024-002", "国庆假期占用开发时间", "节前完成接口设计,节后集中开发"),
        ("XZ-2024-002", "缓存改造影响订单数据一致性", "灰度发布,保留一键关闭缓存开关"),
    ]


def test_the_default_week_is_the_week_of_now(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    report = _json(invoke, examples, "--now", NOW)
    assert (report["week"], report["as_of"]) == ("2024-W42", "2024-10-14T09:00:00+08:00")
    assert report["done"] == []
    assert len(report["overdue"]) == 7


def test_the_week_of_the_breach(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    report = _json(invoke, examples, "--week", "2024-W37", "--now", NOW)
    assert _refs(report["breaches"], "due", "met_at") == [
        ("XZ-2024-001", "collaboration.planned_end", "2024-09-10T23:59:59+08:00",
         "2024-09-12T00:00:00+08:00")]  # fmt: skip
    text = invoke("-C", examples, "report", "weekly", "--week", "2024-W37", "--now", NOW).out
    assert ("| [XZ-2024-001](XZ-2024-001.md) | 完成协作事项 | 刘洋 | 2024-09-10 | 2024-09-12 "
            "| 2 天 |") in text


LATE_ACTION = """\
kind: meeting
id: HY-2024-001
title: 周会
start: 2024-09-27 10:00
end: 2024-09-27 11:00
host: 张伟
agenda_sent_at: 2024-09-20 10:00
minutes_sent_at: 2024-09-27 15:00
actions:
  - {id: A1, task: 交方案, owner: 王芳, due: 2024-10-09, deliverable: 方案, status: done,
     done_at: 2024-10-15 10:00}
status: held
"""
SYNCS = """\
kind: collaboration
id: XZ-2024-001
title: 订单优化
initiator: {department: 市场部, contact: 张伟}
partners: [{department: 技术部, contact: 赵磊}]
planned_start: 2024-09-30
planned_end: 2024-11-30
progress:
  - {at: 2024-10-09 16:00, note: 开发中, percent: 20}
status: in_progress
"""


def test_met_after_the_week_is_overdue_in_it_and_late_in_the_next(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/meetings/HY-2024-001.yaml": LATE_ACTION})
    week41 = _json(invoke, ws, "--week", "2024-W41", "--now", NOW)
    assert _refs(week41["overdue"], "late") == [
        ("HY-2024-001/A1", "action.due", "逾期 4 天")]  # 10-09 end of day -> 10-14 00:00
    week42 = _json(invoke, ws, "--week", "2024-W42", "--now", "2024-10-21T09:00+08:00")
    assert _refs(week42["done"]) == _refs(week42["breaches"]) == [("HY-2024-001/A1", "action.due")]
    assert week42["overdue"] == []


def test_missed_syncs_of_the_week(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/collaborations/XZ-2024-001.yaml": SYNCS})
    # Week 40: Fri 10-04 is a holiday, so the deadline is 17:00 on Mon 09-30, the last
    # working day before it; no progress was dated in that week.
    week40 = _json(invoke, ws, "--week", "2024-W40", "--now", NOW)
    assert _refs(week40["missed_syncs"], "due") == [
        ("XZ-2024-001/2024-W40", "collaboration.weekly_sync", "2024-09-30T17:00:00+08:00")]
    assert _json(invoke, ws, "--week", "2024-W41", "--now", NOW)["missed_syncs"] == []


def test_a_department_sees_what_involves_it(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    report = _json(invoke, examples, "--week", "2024-W41", "--now", NOW, "--department", "销售部")
    assert report["department"] == "销售部"
    assert _refs(report["overdue"]) == [
        ("KH-2024-001/V1.2", "customer.proposal_feedback"), ("HY-2024-002/A1", "action.due")]
    assert _refs(report["next_week"]) == [("TZ-2024-001/T2", "notice.todo")]
    tech = _json(invoke, examples, "--week", "2024-W41", "--now", NOW, "--department", "技术部")
    assert [i["ref"] for i in tech["in_progress"]] == ["XZ-2024-002"]  # the partner's side
    assert len(tech["risks"]) == 2


def test_report_usage_errors_and_out(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    bad = invoke("-C", examples, "report", "weekly", "--week", "41")
    assert (bad.code, bad.err) == (2, "collab: --week:'41' 不是 ISO 周,请写成 2024-W41\n")
    nobody = invoke("-C", examples, "report", "weekly", "--department", "销售")
    assert nobody.err == (
        "collab: --department: 未登记的部门 '销售'(是不是 '销售部'?)\n")
    out = examples.parent / "weekly.md"
    written = invoke("-C", examples, "report", "weekly", "--week", "2024-W41", "--out", out)
    assert (written.code, written.out) == (0, f"{out}:已写入周报\n")
    shown = invoke("-C", examples, "report", "weekly", "--week", "2024-W41", "--now", NOW)
    assert out.read_text(encoding="utf-8") == shown.out


def test_a_minimal_workspace_reports_nothing(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = build_tree(tmp_path / "w", {"collab.yaml": MINIMAL_CONFIG.replace("zh", "en", 1)})
    text = invoke("-C", ws, "report", "weekly", "--week", "2024-W41").out
    assert "## 3. Overdue\n\nnothing is overdue\n" in text
    assert text.startswith("# Weekly collaboration report 2024-W41\n")


def test_a_record_that_cannot_be_read_is_named(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(examples, {"records/notices/TZ-2024-002.yaml": "kind: notice\nid: [\n"})
    result = invoke("-C", examples, "report", "weekly", "--week", "2024-W41", "--now", NOW)
    assert result.code == 0
    assert result.err.splitlines()[0] == (
        "collab: 1 个记录文件无法读取,已跳过;请运行 `collab lint`")
    assert result.out.startswith("# 周度协作报告 2024-W41\n")
