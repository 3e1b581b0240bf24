"""How a table fits a terminal (`cli.layout`): the droppable columns go in order, ids are
never narrowed, a date keeps its date and time on one line, the widest columns shrink first."""

from __future__ import annotations

from collabkit.cli.layout import Column, Plan, plan, share

# record, title, rule, what, owner, department, due, late: the overdue table of the examples
OVERDUE = [Column(16, "whole"), Column(18), Column(26), Column(44), Column(6), Column(6),
           Column(25, "date"), Column(16)]
RULE, DEPARTMENT = 2, 5


def test_a_wide_terminal_shows_everything_as_it_is() -> None:
    assert plan(OVERDUE, (RULE, DEPARTMENT), 250, 3) == Plan(
        tuple(range(8)), (16, 18, 26, 44, 6, 6, 25, 16))


def test_the_rule_goes_first_then_the_rest_wraps_fairly() -> None:
    # 120 columns: without the rule 131 + 6 gaps of 3 = 149; the widest shrink to 16 each
    assert plan(OVERDUE, (RULE, DEPARTMENT), 120, 3) == Plan(
        (0, 1, 3, 4, 5, 6, 7), (16, 16, 16, 6, 6, 25, 16))


def test_80_columns_drop_the_department_too_and_wrap_the_weekday() -> None:
    # only the date and time of the due column stay on one line (16); ids stay whole
    assert plan(OVERDUE, (RULE, DEPARTMENT), 80, 3) == Plan(
        (0, 1, 3, 4, 6, 7), (16, 9, 9, 6, 16, 9))


def test_too_narrow_for_the_ids_and_dates_is_no_plan() -> None:
    assert plan(OVERDUE, (RULE, DEPARTMENT), 40, 3) is None


def test_share_keeps_floors() -> None:
    columns = [Column(20, "whole"), Column(30), Column(10)]
    assert share(columns, 40, 4) == [20, 10, 10]
    assert share(columns, 28, 4) == [20, 4, 4]
    assert share(columns, 27, 4) is None
