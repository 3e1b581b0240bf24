"""The global options: `--version` with the calendar data's versions, shell completion."""

from __future__ import annotations

from datetime import date, timedelta
from importlib.metadata import version

import holidays

from collabkit import __version__
from tests.helpers import MINIMAL_CONFIG, run_collab


def last_year_with_working_weekend_days() -> int:
    """Found by brute force, day by day: the last CN year whose data has a weekend day that
    is a working day (the years after it are computed by rule, without 调休)."""
    data = holidays.country_holidays("CN", years=range(2000, 2101))
    last = 0
    day = date(2000, 1, 1)
    while day.year <= 2100:
        if day.weekday() >= 5 and data.is_working_day(day):
            last = day.year
        day += timedelta(days=1)
    return last


def test_version_names_collab_holidays_and_the_last_official_year(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--version")
    assert result.code == 0, result
    last = last_year_with_working_weekend_days()
    assert last >= 2026  # holidays 0.109 has the official schedules through 2026
    assert result.out == (
        f"collab {__version__}\n"
        f"holidays {version('holidays')}(日历数据;中国官方节假日与调休安排收录至 {last} 年)\n"
    )



def test_version_is_said_in_the_workspace_language(invoke, ws) -> None:  # type: ignore[no-untyped-def]
    (ws / "collab.yaml").write_text(
        MINIMAL_CONFIG.replace("language: zh", "language: en"), encoding="utf-8"
    )
    result = invoke("-C", ws, "--version")
    last = last_year_with_working_weekend_days()
    assert result.out == (
        f"collab {__version__}\n"
        f"holidays {version('holidays')} (the calendar data; official CN holiday schedules "
        f"through {last})\n"
    )

def test_show_completion_prints_a_script(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--show-completion", "bash")
    assert result.code == 0, result
    assert "_COLLAB_COMPLETE=complete_bash" in result.out
    assert result.out.rstrip().endswith("complete -o default -F _collab_completion collab")


def test_the_completion_script_completes_commands_and_options() -> None:
    """What the bash script asks the real `collab` for, and what it answers."""
    env = {"_COLLAB_COMPLETE": "complete_bash", "COMP_WORDS": "collab ove", "COMP_CWORD": "1"}
    assert run_collab(env=env).out.split() == ["overdue"]
    env |= {"COMP_WORDS": "collab overdue --exit", "COMP_CWORD": "2"}
    assert run_collab(env=env).out.split() == ["--exit-code"]
