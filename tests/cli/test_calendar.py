"""`collab calendar`: month grids checked by hand against the State Council's 2024 schedule
(国办发明电〔2023〕7号: 中秋节 9月15日至17日放假调休,9月14日(周六)上班; 国庆节 10月1日至7日
放假调休,9月29日(周日)、10月12日(周六)上班), the team's own days, estimated years, --check."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.helpers import MINIMAL_CONFIG, build_tree

HOLIDAYS = version("holidays")

OCTOBER_2024 = """\
2024-10
一   二   三   四   五   六   日
      1休  2休  3休  4休  5    6
 7休  8    9   10   11   12班 13
14   15   16   17   18   19   20
21   22   23   24   25   26   27
28   29   30   31

10-01 周二 休 国庆节
10-02 周三 休 国庆节
10-03 周四 休 国庆节
10-04 周五 休 休息日（由 2024-09-29 调休）
10-07 周一 休 休息日（由 2024-10-12 调休）
10-12 周六 班 调休上班

休 法定节假日  班 调休上班(周末上班)  假 公司休息日  工 公司工作日;六、日为周末
"""


@pytest.fixture
def team(tmp_path: Path) -> Path:
    return build_tree(tmp_path / "ws", {"collab.yaml": MINIMAL_CONFIG})


def test_october_2024_as_the_state_council_published_it(invoke, team: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", team, "calendar", "2024-10")
    assert (result.code, result.err) == (0, ""), result
    assert result.out == OCTOBER_2024


def test_the_working_weekend_days_around_national_day(invoke, team: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", team, "calendar", "2024", "--format", "json")
    assert result.code == 0, result
    days = {d["date"]: d for d in json.loads(result.out)}
    assert len(days) == 366
    off = ["2024-09-15", "2024-09-16", "2024-09-17", *(f"2024-10-0{i}" for i in range(1, 8))]
    assert [d for d in off if days[d]["working"]] == []
    for adjusted in ("2024-09-14", "2024-09-29", "2024-10-12"):
        assert days[adjusted] == {
            "date": adjusted,
            "weekday": 6 if adjusted != "2024-09-29" else 7,
            "working": True,
            "weekend": True,
            "holiday": None,
            "adjusted": True,
            "company": None,
            "estimated": False,
        }
    assert days["2024-10-01"]["holiday"] == "国庆节"
    assert days["2024-10-08"]["working"] and not days["2024-10-13"]["working"]


def test_september_shows_the_sunday_that_is_worked(invoke, team: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", team, "calendar", "2024-09")
    assert result.code == 0, result
    grid, notes = result.out.split("\n\n")[:2]
    assert grid.splitlines() == [
        "2024-09",
        "一   二   三   四   五   六   日",
        "                               1",
        " 2    3    4    5    6    7    8",
        " 9   10   11   12   13   14班 15",
        "16休 17休 18   19   20   21   22",
        "23   24   25   26   27   28   29班",
        "30",
    ]
    assert notes.splitlines() == [
        "09-14 周六 班 调休上班",
        "09-16 周一 休 休息日（由 2024-09-14 调休）",
        "09-17 周二 休 中秋节",
        "09-29 周日 班 调休上班",
    ]


def test_the_teams_own_days_win_and_are_marked(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = MINIMAL_CONFIG + (
        "calendar:\n  extra_holidays: [2024-10-08]\n  extra_workdays: [2024-10-05, 2024-10-07]\n"
    )
    ws = build_tree(tmp_path / "ws", {"collab.yaml": config})
    result = invoke("-C", ws, "calendar", "2024-10")
    assert result.code == 0, result
    assert result.out.splitlines()[2:4] == [
        "      1休  2休  3休  4休  5工  6",
        " 7工  8假  9   10   11   12班 13",
    ]
    assert result.out.split("\n\n")[1].splitlines() == [
        "10-01 周二 休 国庆节",
        "10-02 周三 休 国庆节",
        "10-03 周四 休 国庆节",
        "10-04 周五 休 休息日（由 2024-09-29 调休）",
        "10-05 周六 工 公司工作日",
        "10-07 周一 工 公司工作日",
        "10-08 周二 假 公司休息日",
        "10-12 周六 班 调休上班",
    ]


def test_english_workspace(invoke, scenario) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", scenario("english"), "calendar", "2024-10")
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert lines[:4] == [
        "2024-10",
        "Mo   Tu   We   Th   Fr   Sa   Su",
        "      1H   2H   3H   4H   5    6",
        " 7H   8    9   10   11   12W  13",
    ]
    assert "10-01 Tue H National Day" in lines
    assert "10-12 Sat W weekend working day (调休)" in lines


def test_an_estimated_year_says_so(invoke, team: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", team, "calendar", "2031-03")
    assert result.code == 0, result
    assert result.out.splitlines()[-1] == (
        "≈ 2031 年的官方节假日与调休安排尚未收录,以上按规则估算(见 collab calendar --check)"
    )
    days = json.loads(invoke("-C", team, "calendar", "2031-03", "--format", "json").out)
    assert {d["estimated"] for d in days} == {True}


def test_without_a_period_the_month_of_now(invoke, team: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", team, "calendar", "--now", "2024-10-14T09:00:00+08:00")
    assert (result.code, result.out) == (0, OCTOBER_2024), result


def test_outside_a_workspace_the_handbook_calendar(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", tmp_path, "calendar", "2024-10")
    assert (result.code, result.out) == (0, OCTOBER_2024), result


@pytest.mark.parametrize("period", ["2024-13", "24-10", "2024-1-1", "october"])
def test_a_bad_period_is_a_usage_error(invoke, team: Path, period: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", team, "calendar", period)
    assert (result.code, result.out) == (2, ""), result
    assert result.err == f"collab: '{period}' 不是年份或年月:请写 2024 或 2024-10\n"


# --- --check: years far ahead, so that no release of holidays ever changes the answer ----


def entered(tmp_path: Path, *years: int) -> Path:
    listed = ", ".join(map(str, years))
    config = MINIMAL_CONFIG + f"calendar:\n  entered_years: [{listed}]\n"
    return build_tree(tmp_path / "entered", {"collab.yaml": config})


def test_check_fails_in_december_when_next_year_is_estimated(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = entered(tmp_path, 2030)  # 2030 entered by hand, 2031 still estimated
    result = invoke("-C", ws, "calendar", "--check", "--now", "2030-12-01T09:00:00+08:00")
    assert result.code == 1, result
    assert result.out == (
        f"2031 年的官方节假日与调休安排尚未收录(holidays {HOLIDAYS}),明年的截止时间将按估算计算:"
        "请升级 holidays(pip install -U holidays),或在 collab.yaml 的 calendar.extra_holidays / "
        "extra_workdays 中录入该年安排并把 2031 加入 calendar.entered_years\n"
    )


def test_check_passes_before_december(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = entered(tmp_path, 2030)
    result = invoke("-C", ws, "calendar", "--check", "--now", "2030-11-30T23:00:00+08:00")
    assert result.code == 0, result
    assert result.out == (
        "2031 年的官方安排尚未收录;国务院通常在 11 月公布,12 月起本检查失败,届时请升级 "
        f"holidays(holidays {HOLIDAYS})\n"
    )


def test_check_passes_once_next_year_is_entered(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = entered(tmp_path, 2030, 2031)
    result = invoke("-C", ws, "calendar", "--check", "--now", "2030-12-01T09:00:00+08:00")
    assert (result.code, result.out) == (
        0,
        f"2031 年的官方节假日与调休安排已收录(holidays {HOLIDAYS})\n",
    ), result


def test_check_passes_when_next_year_is_official(invoke, team: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", team, "calendar", "--check", "--now", "2024-12-15T09:00:00+08:00")
    assert (result.code, result.out) == (
        0,
        f"2025 年的官方节假日与调休安排已收录(holidays {HOLIDAYS})\n",
    ), result


def test_check_fails_any_month_when_this_year_is_estimated(invoke, team: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", team, "calendar", "--check", "--now", "2030-06-01T09:00:00+08:00")
    assert result.code == 1, result
    assert result.out.startswith(f"今年(2030)的官方节假日与调休安排未收录(holidays {HOLIDAYS})")


def test_check_in_english(invoke, scenario) -> None:  # type: ignore[no-untyped-def]
    ws = scenario("english")
    result = invoke("-C", ws, "calendar", "--check", "--now", "2024-12-15T09:00:00+08:00")
    assert (result.code, result.out) == (
        0,
        f"the official holiday schedule for 2025 is known (holidays {HOLIDAYS})\n",
    ), result
