"""`collab export ics`: the feed read back by a second, independent parser (vobject), its
deadlines checked by hand against the State Council's 2024 schedule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import vobject

from tests.helpers import MINIMAL_CONFIG, NOW, build_tree

CST = timedelta(hours=8)


def events(text: str) -> dict[str, Any]:
    """The feed's events by UID, as vobject reads them."""
    feed = vobject.readOne(text)
    assert feed.name == "VCALENDAR" and feed.version.value == "2.0"
    return {event.uid.value: event for event in feed.vevent_list}


def beijing(*moment: int) -> datetime:
    return (datetime(*moment) - CST).replace(tzinfo=UTC)  # type: ignore[misc]


# Every open deadline of the examples at NOW (Mon 2024-10-14 09:00): the seven overdue ones,
# then what is to come (weekly syncs: every period begun within the next 28 days, to W46).
EXPECTED = [
    "RW-2024-001#requirement.build@collab",
    "RW-2024-001#requirement.due@collab",
    "HY-2024-002#meeting.minutes@collab",
    "KH-2024-001/V1.2#customer.proposal_feedback@collab",
    "RW-2024-001/P2#requirement.pending@collab",
    "HY-2024-002/A1#action.due@collab",
    "WT-2024-001#issue.retrospective@collab",
    "TZ-2024-001/T2#notice.todo@collab",
    "XZ-2024-002/2024-W42#collaboration.weekly_sync@collab",
    "HY-2024-002/A2#action.due@collab",
    "XZ-2024-002/2024-W43#collaboration.weekly_sync@collab",
    "XZ-2024-002#collaboration.planned_end@collab",
    "HY-2024-001/A3#action.due@collab",
    "XZ-2024-002/2024-W44#collaboration.weekly_sync@collab",
    "XZ-2024-002/2024-W45#collaboration.weekly_sync@collab",
    "XZ-2024-002/2024-W46#collaboration.weekly_sync@collab",
]


def test_every_open_deadline_is_an_event(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "export", "ics", "--now", NOW)
    assert (result.code, result.err) == (0, ""), result
    found = events(result.out)
    assert list(found) == EXPECTED


def test_an_overdue_event_as_a_person_reads_it(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    found = events(invoke("-C", examples, "export", "ics", "--now", NOW).out)
    build = found["RW-2024-001#requirement.build@collab"]
    # confirmed Tue 2024-09-03 16:00 + 10 working days: 09-04 … 09-13 (8), Sat 09-14 (调休,
    # 9), then 09-15 … 09-17 off (中秋): Wed 09-18 18:00
    assert build.dtstart.value == beijing(2024, 9, 18, 18, 0)
    assert build.summary.value == "【逾期】开发完成 — RW-2024-001"
    assert build.description.value == (
        "记录: RW-2024-001 (需求)\n"
        "事项: 开发完成\n"
        "负责人: 李娜 (运营部)\n"
        "规则: requirement.build\n"
        "截止时间: 2024-09-18 18:00 (Asia/Shanghai)\n"
        "状态: 已逾期\n"
        "文件: records/requirements/RW-2024-001.yaml:43"
    )
    assert build.categories.value == ["requirement", "overdue"]
    assert build.priority.value == "1"
    assert build.dtstamp.value == beijing(2024, 10, 14, 9, 0)
    (alarm,) = build.valarm_list
    assert (alarm.action.value, alarm.trigger.value) == ("DISPLAY", timedelta(hours=-1))


def test_an_upcoming_event(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    found = events(invoke("-C", examples, "export", "ics", "--now", NOW).out)
    sync = found["XZ-2024-002/2024-W42#collaboration.weekly_sync@collab"]
    assert sync.dtstart.value == beijing(2024, 10, 18, 17, 0)  # Friday of week 42, 17:00
    assert sync.summary.value == "同步本周进展 — XZ-2024-002/2024-W42"
    assert sync.categories.value == ["collaboration"]
    assert "状态: 未到期" in sync.description.value.splitlines()


def test_the_uid_stays_so_a_new_import_updates(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    monday = events(invoke("-C", examples, "export", "ics", "--now", NOW).out)
    later = "2024-10-17T09:00:00+08:00"  # T2 (due 10-16) has become overdue since
    thursday = events(invoke("-C", examples, "export", "ics", "--now", later).out)
    uid = "TZ-2024-001/T2#notice.todo@collab"
    assert monday[uid].summary.value == "提交渠道推广排期 — TZ-2024-001/T2"
    assert thursday[uid].summary.value == "【逾期】提交渠道推广排期 — TZ-2024-001/T2"
    assert monday[uid].dtstart.value == thursday[uid].dtstart.value
    assert set(EXPECTED) - {"XZ-2024-002/2024-W42#collaboration.weekly_sync@collab"} <= set(
        thursday
    )


def test_done_items_leave_the_feed(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    assert invoke("-C", examples, "done", "HY-2024-002/A1", "--at", NOW).code == 0
    found = events(invoke("-C", examples, "export", "ics", "--now", NOW).out)
    assert "HY-2024-002/A1#action.due@collab" not in found
    assert len(found) == len(EXPECTED) - 1


def test_owner_filter_and_alarm(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    args = ("export", "ics", "--owner", "孙浩", "--alarm", "1d", "--now", NOW)
    result = invoke("-C", examples, *args)
    assert result.code == 0, result
    found = events(result.out)
    assert [uid.split("#")[0] for uid in found] == [
        f"XZ-2024-002/2024-W{week}" for week in (42, 43, 44, 45, 46)
    ]
    assert {event.valarm.trigger.value for event in found.values()} == {timedelta(days=-1)}


def test_bad_options(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "export", "ics", "--alarm", "1wd", "--now", NOW)
    assert (result.code, result.out) == (2, ""), result
    assert result.err == "collab: --alarm: '1wd' 不是分钟、小时或天数(如 30m、1h、1d)\n"
    unknown = invoke("-C", examples, "export", "ics", "--owner", "孙皓", "--now", NOW)
    assert (unknown.code, unknown.out) == (2, ""), unknown


def test_out_writes_the_same_feed(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    printed = invoke("-C", examples, "export", "ics", "--now", NOW).out
    result = invoke("-C", examples, "export", "ics", "--now", NOW, "--out", "deadlines.ics")
    assert (result.code, result.out) == (0, "deadlines.ics\n"), result
    written = (examples / "deadlines.ics").read_bytes()
    assert written.decode("utf-8") == printed
    assert written.count(b"\r\n") == written.count(b"\n")  # RFC 5545 lines end in CRLF


def test_an_estimated_deadline_says_so(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = build_tree(
        tmp_path / "ws",
        {
            "collab.yaml": MINIMAL_CONFIG,
            "records/requirements/RW-2031-001.yaml": (
                "kind: requirement\nid: RW-2031-001\ntitle: 远期需求\nstatus: sent\n"
                "receiver: {department: 运营部, lead: 李娜}\nsent_at: 2031-03-03 10:00\n"
            ),
        },
    )
    result = invoke("-C", ws, "export", "ics", "--now", "2031-03-01T09:00:00+08:00")
    assert result.code == 0, result
    (event,) = events(result.out).values()
    assert event.uid.value == "RW-2031-001#requirement.confirm@collab"
    assert event.description.value.splitlines()[-1] == (
        "2031 年的官方节假日与调休安排尚未收录,截止时间按估算日历计算;请升级 holidays,"
        "或在 collab.yaml 的 calendar.extra_holidays / extra_workdays 中录入该年安排并把 "
        "2031 加入 calendar.entered_years"
    )
