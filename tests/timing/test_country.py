"""The CN calendar loaded from its one module (`timing.country`) says what `holidays`'
`country_holidays("CN")` says, every day of every year, published or estimated."""

from __future__ import annotations

import json
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from collabkit.timing.calendar import WorkCalendar
from collabkit.timing.country import check_country

# In a fresh process: there `holidays.countries` is not imported yet, so the module is
# really loaded alone (in this one, other tests may have imported the whole package).
CHILD = """
import json, sys
from datetime import date, timedelta
import holidays
from collabkit.timing import country

alone = country._china_alone()
assert alone is not None, "the CN module was not loaded alone"
assert "holidays.countries" not in sys.modules, "the whole package was imported"
out = {}
for year in [*range(2018, 2032), 2040, 2099]:
    days = [date(year, 1, 1) + timedelta(n) for n in range(366)]
    days = [d for d in days if d.year == year]
    mine = country.country_year("CN", year, days)
    theirs = holidays.country_holidays("CN", years=year)
    theirs_flags = [theirs.is_working_day(d) for d in days]
    adjusted = any(f for f, d in zip(theirs_flags, days) if d.weekday() in theirs.weekend)
    out[year] = [list(mine[0]) == [int(f) for f in theirs_flags], mine[1] == adjusted,
                 mine[2] == theirs.country]
print(json.dumps(out))
"""


def test_the_cn_module_alone_gives_the_same_days_as_country_holidays() -> None:
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    years = json.loads(done.stdout)
    assert years and all(all(same) for same in years.values()), years


def test_national_day_2024_through_the_module_alone() -> None:
    """By hand, State Council 2024: 10-01..07 off, Sun 09-29 and Sat 10-12 worked."""
    from datetime import date

    calendar = WorkCalendar(tz=ZoneInfo("Asia/Shanghai"))
    assert [calendar.is_working_day(date(2024, 10, d)) for d in (1, 7, 8, 12)] == [
        False, False, True, True]
    assert calendar.is_working_day(date(2024, 9, 29))


@pytest.mark.parametrize("code", ["CN", "cn", "CHN", "DE", "JP"])
def test_known_countries_pass_the_check(code: str) -> None:
    check_country(code)


def test_an_unknown_country_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown calendar country 'XX'"):
        check_country("XX")


def test_an_unexpected_holidays_layout_falls_back_to_country_holidays() -> None:
    """Where the CN module is not where it is expected, the usual way gives the days."""
    child = """
import importlib.util
from datetime import date
importlib.util.spec_from_file_location = lambda *a, **k: None  # no such module file
from collabkit.timing import country
assert country._china_alone() is None
flags, adjusted, code = country.country_year("CN", 2024, [date(2024, 10, 1), date(2024, 10, 12)])
print(list(flags), adjusted, code)
"""
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    # 2024-10-01 National Day (off), Sat 10-12 a 调休 working day (State Council 2024)
    assert done.stdout.split() == ["[0,", "1]", "True", "CN"]  # True: a weekend day worked
