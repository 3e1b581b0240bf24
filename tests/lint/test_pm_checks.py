"""Lint that catches what a project manager would catch (issue 17): days off, timeboxes that
add up to more than the meeting, a requirement due before it was sent, progress going down
or full while the work is open, event times after now or before 2000 (a year before 1900 is
the schema's error).

Calendar facts, from the State Council's 2024 schedule: National Day Oct 1-7 off (Mon 10-07
included), Sat Oct 12 and Sun Sep 29 worked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import MINIMAL_CONFIG, NOW, build_tree

MEETING = """\
kind: meeting
id: HY-2024-001
title: 协调会
objective: 同步
start: START
end: END
location: 301
host: 张伟
recorder: 李娜
attendees: [张伟, 李娜]
agenda_sent_at: 2024-09-20 10:00
minutes_sent_at: 2024-10-14 08:00
status: held
"""
REQUIREMENT = """\
kind: requirement
id: RW-2024-001
title: 活动
requester: {department: 市场部, lead: 张伟}
receiver: {department: 运营部, lead: 李娜}
background: 背景
goal: 目标
description: 描述
priority: high
due: DUE
status: confirmed
sent_at: SENT
confirmed_at: 2024-09-03 16:00
"""
COLLABORATION = """\
kind: collaboration
id: XZ-2024-001
title: 素材
initiator: {department: 市场部, contact: 张伟}
partners: [{department: 技术部, contact: 赵磊}]
planned_start: 2024-09-02 09:00
planned_end: 2024-12-31
status: STATUS
progress:
"""


def findings(invoke, ws: Path, *files: tuple[str, str], now: str = NOW):  # type: ignore[no-untyped-def]
    build_tree(ws, dict(files))
    result = invoke("-C", ws, "lint", "--format", "json", "--now", now)
    assert result.code in (0, 1), result
    return [(f["line"], f["severity"], f["code"], f["message"]) for f in json.loads(result.out)
            if f["code"] not in ("breach", "incomplete")]


def meeting(start: str, end: str, extra: str = "") -> tuple[str, str]:
    text = MEETING.replace("START", start).replace("END", end) + extra
    return "records/meetings/HY-2024-001.yaml", text


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("2024-10-05 10:00", [(5, "info", "meeting-day-off",
                               "会议安排在非工作日: 2024-10-05 周六")]),
        # a Monday, but the last day of the holiday: marked 休
        ("2024-10-07 10:00", [(5, "info", "meeting-day-off",
                               "会议安排在非工作日: 2024-10-07 周一(休)")]),
        ("2024-10-12 10:00", []),  # a Saturday that is worked (调休)
        ("2024-10-14 10:00", []),
    ],
    ids=["saturday", "holiday", "adjusted-saturday", "monday"],
)
def test_a_meeting_on_a_day_off_is_a_hint(invoke, ws: Path, start: str, expected) -> None:  # type: ignore[no-untyped-def]
    end = start.replace("10:00", "11:00")
    assert findings(invoke, ws, meeting(start, end)) == expected


def test_an_explicit_deadline_on_a_day_off_is_a_hint(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    actions = (
        "actions:\n"
        "  - {id: A1, task: 写方案, owner: 王芳, due: 2024-10-06, deliverable: 方案}\n"
        "  - {id: A2, task: 排期, owner: 王芳, due: 2024-10-12, deliverable: 排期表}\n"
        "  - {id: A3, task: 定稿, owner: 王芳, due: 2024-10-05, deliverable: 稿, status: done,"
        " done_at: 2024-10-04 10:00}\n"
    )
    found = findings(invoke, ws, meeting("2024-09-27 10:00", "2024-09-27 11:00", actions))
    # A2 falls on the worked Saturday; A3 is done: neither is worth a hint
    assert found == [(15, "info", "deadline-day-off",
                      "action.due A1: 截止时间 2024-10-06 23:59 周日 是非工作日")]
    requirement = REQUIREMENT.replace("DUE", "2024-10-01").replace("SENT", "2024-09-02 10:00")
    found = findings(invoke, ws, ("records/requirements/RW-2024-001.yaml", requirement))
    assert (10, "info", "deadline-day-off",
            "requirement.due: 截止时间 2024-10-01 23:59 周二(休) 是非工作日") in found


def test_topics_that_add_up_to_more_than_the_meeting(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    topics = ("topics:\n  - {title: 排期, timebox: 20}\n  - {title: 预算, timebox: 20}\n"
              "  - {title: 物料, timebox: 20}\n  - {title: 其他, timebox: 10}\n")
    found = findings(invoke, ws, meeting("2024-10-10 10:00", "2024-10-10 11:00", topics))
    assert found == [(14, "warning", "topics-over-meeting",
                      "议题时长合计 70 分钟,超过会议时长 60 分钟")]
    fits = topics.replace("timebox: 10", "timebox: 0").replace("{title: 其他, timebox: 0}",
                                                                "{title: 其他}")
    assert findings(invoke, ws, meeting("2024-10-10 10:00", "2024-10-10 11:00", fits)) == []


def test_a_requirement_due_before_it_was_sent(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    text = REQUIREMENT.replace("DUE", "2024-08-30").replace("SENT", "2024-09-02 10:00")
    found = findings(invoke, ws, ("records/requirements/RW-2024-001.yaml", text))
    assert found == [(10, "warning", "due-before-sent",
                      "期望完成时间 2024-08-30 23:59 早于发送时间 2024-09-02 10:00")]
    same_day = REQUIREMENT.replace("DUE", "2024-09-02").replace("SENT", "2024-09-02 10:00")
    assert findings(invoke, ws, ("records/requirements/RW-2024-001.yaml", same_day)) == []


def collaboration(status: str, *entries: str) -> tuple[str, str]:
    lines = "".join(f"  - {{{entry}}}\n" for entry in entries)
    return ("records/collaborations/XZ-2024-001.yaml",
            COLLABORATION.replace("STATUS", status) + lines)


def test_progress_that_goes_down(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    found = findings(invoke, ws, collaboration(
        "in_progress", "at: 2024-10-08 17:00, note: a, percent: 40",
        "at: 2024-10-10 17:00, note: b, percent: 30",
        "at: 2024-10-11 17:00, note: c"))
    assert found == [(11, "warning", "progress-down", "进度从 40% 降到了 30%")]
    # entries are read in the order of their time, not of the list
    found = findings(invoke, ws, collaboration(
        "in_progress", "at: 2024-10-10 17:00, note: b, percent: 30",
        "at: 2024-10-08 17:00, note: a, percent: 40"))
    assert found == [(10, "warning", "progress-down", "进度从 40% 降到了 30%")]


def test_full_progress_while_still_in_progress(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    found = findings(invoke, ws, collaboration(
        "in_progress", "at: 2024-10-08 17:00, note: a, percent: 60",
        "at: 2024-10-10 17:00, note: b, percent: 100"))
    assert found == [(11, "warning", "progress-complete", "进度已是 100%,状态却仍是「进行中」")]
    done = collaboration("done", "at: 2024-10-10 17:00, note: b, percent: 100")
    assert findings(invoke, ws, (done[0], done[1] + "actual_end: 2024-10-10 18:00\n")) == []
    action = ("actions:\n  - id: A1\n    task: 写方案\n    owner: 王芳\n    due: 2024-10-18\n"
              "    deliverable: 方案\n    progress:\n"
              "      - {at: 2024-10-11 10:00, note: 写完了, percent: 100}\n")
    found = findings(invoke, ws, meeting("2024-10-10 10:00", "2024-10-10 11:00", action))
    assert found == [(21, "warning", "progress-complete", "进度已是 100%,状态却仍是「未完成」")]


def test_event_times_after_now_or_before_2000(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    text = REQUIREMENT.replace("DUE", "2024-12-31").replace("SENT", "2024-10-20 10:00")
    found = findings(invoke, ws, ("records/requirements/RW-2024-001.yaml", text))
    assert (12, "warning", "event-in-future",
            "sent_at: 2024-10-20 10:00 晚于当前时间 2024-10-14 09:00") in found
    # a later --now: nothing in the future any more
    later = findings(invoke, ws, now="2024-10-21T09:00:00+08:00")
    assert [f for f in later if f[2] == "event-in-future"] == []
    old = REQUIREMENT.replace("DUE", "2024-12-31").replace("SENT", "1999-09-02 10:00")
    found = findings(invoke, ws, ("records/requirements/RW-2024-001.yaml", old))
    assert found == [(12, "warning", "date-before-2000",
                      "sent_at: 1999-09-02 10:00 早于 2000 年,请检查年份")]
    first = REQUIREMENT.replace("DUE", "2024-12-31").replace("SENT", "1900-01-01 00:00")
    found = findings(invoke, ws, ("records/requirements/RW-2024-001.yaml", first))
    assert found == [(12, "warning", "date-before-2000",
                      "sent_at: 1900-01-01 00:00 早于 2000 年,请检查年份")]
    # before 1900 the schema refuses the date: one error, not a warning as well
    older = REQUIREMENT.replace("DUE", "2024-12-31").replace("SENT", "0024-09-02 10:00")
    found = findings(invoke, ws, ("records/requirements/RW-2024-001.yaml", older))
    assert found == [(12, "error", "schema",
                      "sent_at: '0024-09-02 10:00' 超出范围:日期须在 1900 年到 2999 年之间")]


def test_an_item_event_is_named_by_the_item(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    actions = ("actions:\n  - {id: A1, task: t, owner: 王芳, due: 2024-10-18, deliverable: d}\n"
               "  - {id: A7, task: t, owner: 王芳, due: 2024-10-18, deliverable: d,"
               " status: done, done_at: 2024-10-15 10:00}\n")
    found = findings(invoke, ws, meeting("2024-10-10 10:00", "2024-10-10 11:00", actions))
    assert found == [(16, "warning", "event-in-future",
                      "A7.done_at: 2024-10-15 10:00 晚于当前时间 2024-10-14 09:00")]


def test_lint_reads_the_clock_without_now(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    text = REQUIREMENT.replace("DUE", "2199-12-31").replace("SENT", "2199-12-01 10:00")
    build_tree(ws, {"records/requirements/RW-2024-001.yaml": text})
    result = invoke("-C", ws, "lint", "--format", "json")
    assert "event-in-future" in [f["code"] for f in json.loads(result.out)]


def test_the_checks_in_english(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    (ws / "collab.yaml").write_text(MINIMAL_CONFIG.replace("language: zh", "language: en"),
                                    encoding="utf-8")
    topics = ("topics:\n  - {title: 排期, timebox: 20}\n  - {title: 预算, timebox: 20}\n"
              "  - {title: 物料, timebox: 20}\n  - {title: 其他, timebox: 10}\n")
    found = findings(invoke, ws, meeting("2024-10-05 10:00", "2024-10-05 11:00", topics))
    assert found == [
        (5, "info", "meeting-day-off", "the meeting is on a day off: 2024-10-05 Sat"),
        (14, "warning", "topics-over-meeting",
         "the topics' timeboxes add up to 70 minutes, more than the meeting's 60"),
    ]
    (ws / "records/meetings/HY-2024-001.yaml").unlink()
    found = findings(invoke, ws, collaboration(
        "in_progress", "at: 2024-10-08 17:00, note: a, percent: 40",
        "at: 2024-10-10 17:00, note: b, percent: 100", "at: 2024-10-20 17:00, note: c"))
    assert found == [
        (11, "warning", "progress-complete", "progress is at 100% but the status is still "
                                             "in progress"),
        (12, "warning", "event-in-future", "progress.2.at: 2024-10-20 17:00 is after now "
                                           "(2024-10-14 09:00)"),
    ]


def test_dates_no_calendar_reaches_are_schema_errors_not_crashes(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """Years outside 1900-2999 are refused by the schema, in its own words (before: a lint
    warning for 0001 and 9999, and a calendar that could not place them)."""
    far = REQUIREMENT.replace("DUE", "2024-12-31").replace("SENT", "9999-12-31 10:00")
    ancient = (COLLABORATION.replace("STATUS", "in_progress")
               .replace("planned_start: 2024-09-02 09:00", "planned_start: 0001-01-01 09:00")
               .replace("progress:\n", ""))
    found = findings(invoke, ws, ("records/requirements/RW-2024-001.yaml", far),
                     ("records/collaborations/XZ-2024-001.yaml", ancient))
    assert found == [
        (6, "error", "schema",
         "planned_start: '0001-01-01 09:00' 超出范围:日期须在 1900 年到 2999 年之间"),
        (12, "error", "schema",
         "sent_at: '9999-12-31 10:00' 超出范围:日期须在 1900 年到 2999 年之间"),
    ]
    skipped = (
        "collab: 2 个记录文件无法读取,已跳过;请运行 `collab lint`\n"
        "  records/collaborations/XZ-2024-001.yaml:6: planned_start: '0001-01-01 09:00' "
        "超出范围:日期须在 1900 年到 2999 年之间\n"
        "  records/requirements/RW-2024-001.yaml:12: sent_at: '9999-12-31 10:00' "
        "超出范围:日期须在 1900 年到 2999 年之间\n")
    for command in ("overdue", "due"):
        result = invoke("-C", ws, command, "--now", NOW)
        assert (result.code, result.err) == (0, skipped), result
