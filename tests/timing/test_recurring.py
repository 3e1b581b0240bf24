"""Recurring rules: `collaboration.weekly_sync` and a team's own daily rule (SPEC §5).

Calendar facts used below, from the State Council's published schedules:
- National Day 2024: 10-01..10-07 off, Sun 09-29 and Sat 10-12 worked.
- Spring Festival 2025: 01-28..02-04 off, Sun 01-26 and Sat 02-08 worked.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from collabkit.timing.calendar import WorkCalendar
from collabkit.timing.recurring import Every, periods
from tests.helpers import MINIMAL_CONFIG, build_tree

TZ = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


@pytest.mark.parametrize(
    ("unit", "text", "expected"),
    [
        ("week", "fri 17:00", Every("week", time(17), 4)),
        ("week", "Friday 17:00", Every("week", time(17), 4)),
        ("week", "周五 17:00", Every("week", time(17), 4)),
        ("week", "星期一 9:30", Every("week", time(9, 30), 0)),
        ("week", "17:00", Every("week", time(17), 4)),
        ("day", "17:00", Every("day", time(17))),
        ("working_day", "08:45", Every("working_day", time(8, 45))),
    ],
)
def test_every_parses_english_and_chinese(unit: str, text: str, expected: Every) -> None:
    assert Every.parse(unit, text) == expected


@pytest.mark.parametrize(
    ("unit", "text", "message"),
    [
        ("week", "25:00", "not a time"),
        ("week", "fri", "not a time"),
        ("week", "xyz 17:00", "unknown weekday"),
        ("day", "fri 17:00", "only makes sense with every: week"),
        ("month", "17:00", "unknown period"),
    ],
)
def test_every_refuses_nonsense(unit: str, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Every.parse(unit, text)


def weekly_dues(start: str, until: str) -> list[tuple[str, datetime]]:
    calendar = WorkCalendar(tz=TZ)
    every = Every.parse("week", "fri 17:00")
    return [(p.label, p.due) for p in periods(every, calendar, at(start), at(until))]


def test_friday_inside_national_day_falls_back_to_the_last_working_day() -> None:
    # Week 40 of 2024 is Mon 09-30 .. Sun 10-06; Fri 10-04 is a holiday and so are 10-01..03,
    # so the deadline is Mon 09-30 17:00.
    assert weekly_dues("2024-09-23T00:00", "2024-10-14T09:00") == [
        ("2024-W39", at("2024-09-27T17:00")),
        ("2024-W40", at("2024-09-30T17:00")),
        ("2024-W41", at("2024-10-11T17:00")),
        ("2024-W42", at("2024-10-18T17:00")),
    ]


def test_spring_festival_2025_week() -> None:
    # Week 5 of 2025 is Mon 01-27 .. Sun 02-02: Fri 01-31 is off, 01-28..30 too, Mon 01-27
    # is an ordinary working day.
    dues = dict(weekly_dues("2025-01-27T00:00", "2025-02-02T00:00"))
    assert dues == {"2025-W05": at("2025-01-27T17:00")}


def test_a_start_after_the_weeks_deadline_owes_nothing_that_week() -> None:
    # Work that starts on Saturday 2024-09-21 owes its first sync on Friday 09-27.
    assert [label for label, _ in weekly_dues("2024-09-21T10:00", "2024-09-30T00:00")] == [
        "2024-W39",
        "2024-W40",
    ]


def test_working_day_rule_skips_days_off_and_counts_adjusted_workdays() -> None:
    calendar = WorkCalendar(tz=TZ)
    every = Every.parse("working_day", "17:00")
    days = [
        p.label for p in periods(every, calendar, at("2024-09-27T00:00"), at("2024-10-08T23:00"))
    ]
    # Fri 09-27, Sun 09-29 (调休), Mon 09-30, then the holiday, then Tue 10-08.
    assert days == ["2024-09-27", "2024-09-29", "2024-09-30", "2024-10-08"]


COLLABORATION = """\
kind: collaboration
id: XZ-2024-007
title: 会员体系升级
initiator: {{department: 市场部, contact: 张伟}}
partners:
  - department: 技术部
    contact: 赵磊
planned_start: 2024-09-02
planned_end: 2024-12-31
progress:
{progress}
status: {status}
"""


def collaboration_ws(
    root: Path, progress: list[str], status: str = "in_progress", config: str = MINIMAL_CONFIG
) -> Path:
    entries = "\n".join(f"  - {{at: {stamp}, note: 进展}}" for stamp in progress) or "  []"
    text = COLLABORATION.format(progress=entries, status=status)
    return build_tree(
        root,
        {
            "collab.yaml": config,
            "records/collaborations/XZ-2024-007.yaml": text,
        },
    )


NOW = "2024-10-14T09:00:00+08:00"


def overdue_json(invoke, root: Path, now: str = NOW) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    result = invoke("-C", root, "overdue", "--now", now, "--format", "json")
    assert result.code == 0, result
    return json.loads(result.out)


def test_overdue_lists_only_the_latest_missed_week_with_a_count(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Weeks 36..41 of 2024 end on 09-06, 09-13, 09-20, 09-27, 09-30 (holiday week), 10-11.
    # Synced in weeks 36 and 38 only, so 37, 39, 40 and 41 are missed: the list shows 41.
    root = collaboration_ws(tmp_path / "ws", ["2024-09-06 15:00", "2024-09-19 10:00"])
    items = overdue_json(invoke, root)
    assert items == [
        {
            "record": "XZ-2024-007",
            "kind": "collaboration",
            "item": "2024-W41",
            "rule": "collaboration.weekly_sync",
            "what": "同步本周进展",
            "owner": "赵磊",
            "department": "技术部",
            "due": "2024-10-11T17:00:00+08:00",
            "file": "records/collaborations/XZ-2024-007.yaml",
            "line": 8,
            "missed_before": 3,
        }
    ]
    table = invoke("-C", root, "overdue", "--now", NOW)
    assert "XZ-2024-007/2024-W41" in table.out
    assert "此前另有 3 期未完成" in table.out


def test_a_late_sync_is_not_overdue_and_the_current_week_is_due(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    weekly = [
        "2024-09-06 15:00",
        "2024-09-13 15:00",
        "2024-09-20 15:00",
        "2024-09-27 15:00",
        "2024-09-30 16:59",
        "2024-10-12 09:00",
    ]  # week 41 synced on Saturday: late
    root = collaboration_ws(tmp_path / "ws", weekly)
    assert overdue_json(invoke, root) == []
    due = invoke("-C", root, "due", "--now", NOW, "--within", "7d", "--format", "json")
    assert [(i["item"], i["due"]) for i in json.loads(due.out)] == [
        ("2024-W42", "2024-10-18T17:00:00+08:00")
    ]
    show = invoke("-C", root, "show", "XZ-2024-007", "--now", NOW, "--format", "json")
    states = {
        d["item"]: d["state"]
        for d in json.loads(show.out)["deadlines"]
        if d["rule"] == "collaboration.weekly_sync"
    }
    assert states["2024-W40"] == "met"
    assert states["2024-W41"] == "breach"


@pytest.mark.parametrize("status", ["planned", "done", "cancelled"])
def test_only_a_collaboration_in_progress_owes_weekly_syncs(
    invoke, tmp_path: Path, status: str
) -> None:  # type: ignore[no-untyped-def]
    root = collaboration_ws(tmp_path / "ws", [], status=status)
    assert [i for i in overdue_json(invoke, root) if i["rule"] == "collaboration.weekly_sync"] == []


def test_rules_can_disable_move_or_add_a_recurring_rule(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = (
        MINIMAL_CONFIG
        + """\
rules:
  collaboration.weekly_sync: {at: "周一 10:00"}
  daily_update:
    kind: collaboration
    when: {status: in_progress}
    from: planned_start
    every: working_day
    at: "17:00"
    met_by: progress.at
    label: 每日17:00更新进度
    owner: initiator.contact
"""
    )
    root = collaboration_ws(tmp_path / "ws", [], config=config)
    items = overdue_json(invoke, root)
    assert [(i["rule"], i["item"], i["due"], i.get("missed_before")) for i in items] == [
        # Mondays 10:00 of weeks 36..41 are missed (week 42's, 10-14 10:00, is after --now).
        # Mon 10-07 is a holiday (as are 10-01..06), so week 41 falls back to Mon 09-30,
        # the same deadline as week 40; the list shows week 41 with 5 missed before it.
        ("collaboration.weekly_sync", "2024-W41", "2024-09-30T10:00:00+08:00", 5),
        # Working days from Mon 09-02 to Sat 10-12 (调休): September 5+5+1 (Sat 09-14) +3
        # (Mid-Autumn 09-15..17 off) +5 +1 (Sun 09-29) +1 = 21, October 4 (10-08..11) +1
        # (Sat 10-12) = 5; 26 missed, the latest 10-12 17:00 shown with 25 before it.
        ("daily_update", "2024-10-12", "2024-10-12T17:00:00+08:00", 25),
    ]
    disabled = config.replace('{at: "周一 10:00"}', "{enabled: false}")
    root = collaboration_ws(tmp_path / "ws2", [], config=disabled)
    assert {i["rule"] for i in overdue_json(invoke, root)} == {"daily_update"}


def test_a_bad_recurrence_is_a_config_error_with_its_line(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = MINIMAL_CONFIG + "rules:\n  collaboration.weekly_sync:\n    at: 周八 17:00\n"
    root = collaboration_ws(tmp_path / "ws", [], config=config)
    result = invoke("-C", root, "overdue", "--now", NOW)
    assert result.code == 2, result
    line = MINIMAL_CONFIG.count("\n") + 3
    assert f"collab.yaml:{line}:" in result.err
    assert "Traceback" not in result.err


def test_a_weekly_deadline_in_a_year_without_a_schedule_is_estimated(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    root = collaboration_ws(tmp_path / "ws", [])
    path = root / "records/collaborations/XZ-2024-007.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("2024-09-02", "2031-03-03")
        .replace("2024-12-31", "2031-12-31"),
        encoding="utf-8",
    )
    items = overdue_json(invoke, root, now="2031-03-10T09:00:00+08:00")
    assert [(i["item"], i["due"]) for i in items] == [("2031-W10", "2031-03-07T17:00:00+08:00")]
    assert items[0]["estimated"] is True
    assert "2031" in str(items[0]["problem"])


def test_lint_and_show_without_now_owe_no_future_periods(tmp_path: Path) -> None:
    from collabkit.timing.obligations import Timing
    from collabkit.workspace import Workspace

    root = collaboration_ws(tmp_path / "ws", [])
    ws = Workspace.open(root)
    timing = Timing.for_config(ws.config)
    records = ws.load().records
    assert [ob for ob in timing.obligations(records) if ob.recurring] == []
    until = at("2024-09-10T00:00")
    assert [ob.item for ob in timing.obligations(records, until) if ob.recurring] == [
        "2024-W36",  # due Fri 09-06
        "2024-W37",  # the week holding `until`, due Fri 09-13
    ]
    dues = [ob.due.date() for ob in timing.obligations(records, until) if ob.recurring]
    assert dues == [date(2024, 9, 6), date(2024, 9, 13)]
