"""Lines of a help screen by the columns a terminal gives them: a Chinese character is two
columns wide, and a line breaks between two of them, never before closing punctuation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from collabkit.cli.helpscreen import cells, formatter_for, shorten, wrap_cells


def test_chinese_breaks_between_characters_by_columns() -> None:
    # 12 columns: six Chinese characters a line
    lines = wrap_cells("只看此人负责的记录和它们的行动项", 12)
    assert lines == ["只看此人负责", "的记录和它们", "的行动项"]


def test_closing_punctuation_stays_on_the_line_it_closes() -> None:
    assert wrap_cells("当前时间,系统时钟。", 8) == ["当前时", "间,系统", "时钟。"]
    assert wrap_cells("甲乙丙(丁戊)", 7) == ["甲乙丙", "(丁戊)"]  # not "甲乙丙(": 7 columns
    assert wrap_cells("甲乙丙\uff08丁戊\uff09", 8) == ["甲乙丙", "\uff08丁戊\uff09"]


def test_english_words_stay_whole_and_a_long_one_is_cut() -> None:
    assert wrap_cells("table 或 json(默认 table)", 10) == ["table 或", "json(默认", "table)"]
    assert wrap_cells("git+https://host/collab", 10) == ["git+https:", "//host/col", "lab"]


def test_the_gap_before_typers_brackets_is_kept() -> None:
    assert wrap_cells("系统时钟  [默认: 7d]", 40) == ["系统时钟  [默认: 7d]"]


def test_a_short_help_ends_at_a_pause_when_cut() -> None:
    assert shorten("分配下一个编号。输出它的路径", 40) == "分配下一个编号。"
    assert shorten("已发送: 需求(状态 sent,sent_at)、协作请求(requested_at)", 40) == (
        "已发送: 需求(状态 sent,sent_at)..."
    )
    assert shorten("甲乙丙丁戊己庚辛壬癸", 10) == "甲乙丙..."  # no pause: cut at the width


def test_the_formatter_says_clicks_words_in_its_language() -> None:
    screen = formatter_for("zh")(width=60)
    screen.write_usage("collab due", "[OPTIONS]")
    with screen.section("Options"):
        screen.write_dl([("--within <str>", "往后看多久  [default: 7d; required]"),
                         ("-h, --help", "Show this message and exit.")])
    assert screen.getvalue() == (
        "用法: collab due [选项]\n"
        "\n"
        "选项:\n"
        "  --within <str>  往后看多久  [默认: 7d; 必填]\n"
        "  -h, --help      显示此帮助并退出\n"
    )


PIECES = [*"甲乙丙丁戊己,。、()", "\uff08", "\uff09", "ab", "c", "d-e", " ", "  ", "\n"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=2, max_value=30))
def test_no_line_is_wider_than_asked_and_nothing_is_lost(value: str, width: int) -> None:
    lines = wrap_cells(value, width)
    assert all(1 <= cells(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(value.split())
