"""`collab.yaml` (SPEC §2): defaults, discovery, and errors that name their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabkit.errors import CollabError, WorkspaceNotFound
from collabkit.models import DEFAULT_PREFIXES
from collabkit.workspace import Workspace, find_root
from collabkit.workspace.config import HANDBOOK_DEPARTMENTS, load_config
from tests.helpers import MINIMAL_CONFIG, build_tree


def config_at(tmp_path: Path, text: str | bytes) -> Path:
    return build_tree(tmp_path / "ws", {"collab.yaml": text, "records/.keep": ""})


def test_empty_config_means_the_handbook_defaults(tmp_path: Path) -> None:
    config = load_config(config_at(tmp_path, "# 全部用默认值\n"))
    assert config.language == "zh"
    assert config.timezone == "Asia/Shanghai"
    assert str(config.tz) == "Asia/Shanghai"
    assert config.calendar.country == "CN"
    assert config.calendar.work_hours == ["09:00-12:00", "13:00-18:00"]
    assert config.calendar.extra_holidays == [] and config.calendar.extra_workdays == []
    assert config.prefixes == DEFAULT_PREFIXES
    assert config.prefixes["customer-request"] == "KH" and config.prefixes["notice"] == "TZ"
    # no registry: nobody's name is checked
    assert config.departments is None and config.people == []


def test_handbook_departments_are_the_documented_ones() -> None:
    assert HANDBOOK_DEPARTMENTS == [
        "市场部", "运营部", "技术部", "产品部", "设计部", "客服部", "销售部", "生产部", "研发部",
        "财务部",
    ]


def test_full_config_is_read(tmp_path: Path) -> None:
    text = """\
language: en
timezone: Europe/Berlin
calendar:
  country: DE
  work_hours: ["08:30-12:00", "13:00-17:30"]
  extra_holidays: [2024-12-31]
  extra_workdays: [2024-12-28]
ids: {requirement: REQ, meeting: MTG}
departments: [Sales, IT]
people:
  - {name: Anna, department: Sales, email: anna@example.com, title: lead, mobile: "13800000000"}
rules:
  meeting.minutes: {within: 2h}
"""
    config = load_config(config_at(tmp_path, text))
    assert (config.language, config.timezone) == ("en", "Europe/Berlin")
    assert config.calendar.windows[0][0].isoformat() == "08:30:00"
    assert str(config.calendar.extra_holidays[0]) == "2024-12-31"
    assert config.prefixes["requirement"] == "REQ" and config.prefixes["issue"] == "WT"
    assert config.kind_of_prefix["MTG"] == "meeting"
    assert config.people_by_key["anna@example.com"].name == "Anna"
    assert config.department_of("Anna") == "Sales" and config.department_of("Bob") is None
    assert config.rules == {"meeting.minutes": {"within": "2h"}}


def test_bom_and_crlf_config(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + MINIMAL_CONFIG.replace("\n", "\r\n").encode()
    config = load_config(config_at(tmp_path, raw))
    assert [p.name for p in config.people] == ["张伟", "李娜", "王芳", "赵磊"]


# (collab.yaml, the error in Chinese, the same file with `language: en` and its error)
CONFIG_ERRORS = [
    ("language: zh\ntimezone: Asia/Shangai\n",
     "collab.yaml:2:1: timezone: 未知的时区 'Asia/Shangai'(请用 IANA 时区名,如 Asia/Shanghai)",
     "collab.yaml:2:1: timezone: unknown timezone 'Asia/Shangai' "
     "(use an IANA name such as Asia/Shanghai)"),
    ("language: zh\ncalender:\n  country: CN\n",
     "collab.yaml:2:1: 未知的键 'calender'(是不是 'calendar'?)",
     "collab.yaml:2:1: unknown key 'calender' (did you mean 'calendar'?)"),
    ("people:\n  - name: 张伟\n    departmnt: 市场部\n",
     "collab.yaml:3:5: 未知的键 'departmnt'(是不是 'department'?)",
     "collab.yaml:3:5: unknown key 'departmnt' (did you mean 'department'?)"),
    ("people:\n  - {department: 市场部}\n",
     "collab.yaml:2:5: 缺少必填的键 'people.0.name'",
     "collab.yaml:2:5: missing required key 'people.0.name'"),
    ("people:\n  - 张伟\n",
     "collab.yaml:2:5: people.0: 应为映射(键: 值),实际是'张伟'",
     "collab.yaml:2:5: people.0: expected a mapping, got '张伟'"),
    ("departments: 市场部\n",
     "collab.yaml:1:1: departments: 应为列表,实际是'市场部'",
     "collab.yaml:1:1: departments: expected a list, got '市场部'"),
    ("language: fr\n",  # no language to say it in: the default's
     "collab.yaml:1:1: language: 'fr' 不是可选值之一: 'zh' 或 'en'", None),
    ("calendar:\n  work_hours: [\"09:00-12:00\", \"11:00-18:00\"]\n",
     "collab.yaml:2:3: calendar.work_hours: 工作时段须按时间先后排列且互不重叠: 11:00-18:00",
     "collab.yaml:2:3: calendar.work_hours: "
     "work_hours must be ordered, non-overlapping windows: 11:00-18:00"),
    ("calendar:\n  work_hours: [\"9-12\"]\n",
     "collab.yaml:2:3: calendar.work_hours: '9-12' 不是工作时段,请写成 09:00-12:00 这样的形式",
     "collab.yaml:2:3: calendar.work_hours: not a working-time window: '9-12'; "
     "use e.g. 09:00-12:00"),
    ("calendar:\n  work_hours: []\n",
     "collab.yaml:2:3: calendar.work_hours: 至少需要一个工作时段",
     "collab.yaml:2:3: calendar.work_hours: work_hours needs at least one window"),
    ("calendar:\n  extra_holidays: [2024-02-30]\n",
     "collab.yaml:2:20: calendar.extra_holidays.0: 应为日期,实际是'2024-02-30'",
     "collab.yaml:2:20: calendar.extra_holidays.0: expected a date, got '2024-02-30'"),
    ("ids:\n  requirement: RW\n  memo: MM\n",
     "collab.yaml:1:1: ids: 未知的记录类型 'memo'(可选: requirement, meeting, issue, "
     "collaboration, customer-request, notice)",
     "collab.yaml:1:1: ids: unknown kind 'memo'; kinds are requirement, meeting, issue, "
     "collaboration, customer-request, notice"),
    ("ids:\n  requirement: rw\n",
     "collab.yaml:1:1: ids: 编号前缀 'rw' 只能由大写字母和数字组成",
     "collab.yaml:1:1: ids: prefix 'rw' must be capital letters/digits"),
    ("departments: [市场部]\npeople:\n  - {name: 张伟, department: 市场}\n",
     "collab.yaml:3:16: people: 张伟 的部门 '市场' 不在 departments 中(是不是 '市场部'?)",
     "collab.yaml:3:16: people: 张伟's department '市场' is not in departments "
     "(did you mean '市场部'?)"),
    ("people:\n  - {name: 张伟, email: a@example.com}\n  - {name: 张伟, email: b@example.com}\n",
     "collab.yaml:3:6: people 中有两个人都叫 张伟:请用不同的名字区分(如加上部门)",
     "collab.yaml:3:6: two people in people are called 张伟: tell them apart "
     "(e.g. add the department)"),
    # The file cannot be read as settings at all: said in the default language
    ("language: [zh\n",
     "collab.yaml:2:1: YAML 语法错误:expected ',' or ']', but got '<stream end>'", None),
    ("language: zh\nlanguage: en\n", "collab.yaml:2:1: YAML 中有重复的键 \"language\"", None),
    ("- language: zh\n", "collab.yaml:1: collab.yaml 应是一组设置(键: 值)", None),
    ("timezone: !!python/object/apply:os.system ['true']\n",
     "collab.yaml:1:11: 记录中不允许使用 YAML 标签:"
     "tag:yaml.org,2002:python/object/apply:os.system", None),
    ("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
     + "".join(f"{n}: &{n} [" + ", ".join([f"*{p}"] * 10) + "]\n"
               for p, n in zip("abcde", "bcdef", strict=True)),
     "collab.yaml:2:1: 别名展开次数过多(YAML 炸弹?);别名的展开是有上限的", None),
    ("language: zh\ndepartments: [市场部]\n".encode("gbk"),
     "collab.yaml:2:1: 文件不是 UTF-8 编码(看起来是 GBK,中文 Windows 编辑器常这样保存);"
     "请另存为 UTF-8", None),
]
CONFIG_IDS = [
    "timezone", "typo-key", "typo-person-key", "person-without-name", "person-as-text",
    "departments-not-list", "language", "work-hours-overlap", "work-hours-form",
    "work-hours-empty", "impossible-holiday", "ids-kind", "ids-prefix", "unlisted-department",
    "same-name", "syntax", "duplicate-key", "list", "tag", "bomb", "gbk",
]
def in_english(text: str | bytes) -> str | bytes:
    """The same collab.yaml, asking for English (on the same lines)."""
    if isinstance(text, bytes):
        return text
    if "language: zh" in text:
        return text.replace("language: zh", "language: en")
    return f"{text}language: en\n"


CASES = [
    case
    for text, zh, en in CONFIG_ERRORS
    for case in [(text, zh)] + ([(in_english(text), en)] if en is not None else [])
]
CASE_IDS = [
    f"{name}-{language}"
    for name, (_, _, en) in zip(CONFIG_IDS, CONFIG_ERRORS, strict=True)
    for language in (["zh", "en"] if en is not None else ["zh"])
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=CASE_IDS)
def test_config_error_names_its_line(tmp_path: Path, text: str | bytes, expected: str) -> None:
    with pytest.raises(CollabError) as info:
        load_config(config_at(tmp_path, text))
    assert str(info.value) == expected
    assert info.value.exit_code == 2


@pytest.mark.parametrize(("text", "expected"), CASES, ids=CASE_IDS)
def test_config_error_through_the_cli(invoke, tmp_path, text, expected):  # type: ignore[no-untyped-def]
    ws = config_at(tmp_path, text)
    for args in (("lint",), ("list",), ("overdue", "--now", "2024-10-14T09:00+08:00")):
        result = invoke("-C", ws, *args)
        assert result.code == 2, result
        assert result.out == ""
        assert result.err == f"collab: {expected}\n"


def test_rule_override_errors_name_collab_yaml(invoke, tmp_path):  # type: ignore[no-untyped-def]
    ws = config_at(tmp_path, "rules:\n  meeting.minutes: {witin: 2h}\n")
    result = invoke("-C", ws, "lint")
    assert result.code == 2, result
    assert result.err.startswith("collab: collab.yaml:2")
    assert result.err == (
        "collab: collab.yaml:2: rules.meeting.minutes: 未知的键 'witin'(是不是 'within'?)\n")
    assert len(result.err.splitlines()) == 1


def test_unknown_calendar_country_is_a_config_error(invoke, tmp_path):  # type: ignore[no-untyped-def]
    ws = config_at(tmp_path, "calendar:\n  country: XX\n")
    build_tree(ws, {"records/requirements/RW-2024-001.yaml": (
        "kind: requirement\nid: RW-2024-001\ntitle: t\nstatus: draft\n"
        "sent_at: 2024-09-27 15:00\nconfirmed_at: 2024-10-09 10:00\n"  # a working-day rule
    )})
    for args in (("lint",), ("overdue", "--now", "2024-10-14T09:00+08:00")):
        result = invoke("-C", ws, *args)
        # a user's typo in collab.yaml, not a bug in collab: exit 2, naming the file and line
        assert result.code == 2, result
        assert "internal error" not in result.err
        assert result.err.startswith("collab: collab.yaml:2"), result
        assert "'XX'" in result.err


def test_records_are_checked_against_the_configured_prefixes(invoke, tmp_path):  # type: ignore[no-untyped-def]
    ws = config_at(tmp_path, "ids: {requirement: REQ}\n")
    build_tree(ws, {"records/requirements/RW-2024-001.yaml":
                    "kind: requirement\nid: RW-2024-001\ntitle: t\nstatus: draft\n"})
    result = invoke("-C", ws, "lint")
    assert result.code == 1, result
    assert ("records/requirements/RW-2024-001.yaml:2:5: error id-prefix "
            "需求的编号以 REQ- 开头,而不是 RW-") in result.out.splitlines()


def test_people_by_email_are_known(invoke, ws):  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/requirements/RW-2024-001.yaml": (
        "kind: requirement\nid: RW-2024-001\ntitle: t\nstatus: draft\n"
        "requester: {department: 市场部, lead: zhangwei@example.com}\n"
    )})
    result = invoke("-C", ws, "lint")
    assert result.code == 0, result


def test_no_registry_means_no_name_checks(invoke, tmp_path):  # type: ignore[no-untyped-def]
    ws = config_at(tmp_path, "language: zh\n")
    build_tree(ws, {"records/requirements/RW-2024-001.yaml": (
        "kind: requirement\nid: RW-2024-001\ntitle: t\nstatus: draft\n"
        "requester: {department: 随便部, lead: 某人}\n"
    )})
    assert invoke("-C", ws, "lint").code == 0


# --- discovery -----------------------------------------------------------------------------


def test_find_root_walks_upwards(tmp_path: Path) -> None:
    ws = config_at(tmp_path, MINIMAL_CONFIG)
    deep = ws / "records" / "meetings" / "2024"
    deep.mkdir(parents=True)
    assert find_root(deep) == ws.resolve()
    assert find_root(ws) == ws.resolve()
    assert Workspace.open(deep).root == ws.resolve()


def test_nearest_config_wins(tmp_path: Path) -> None:
    outer = config_at(tmp_path, "language: zh\n")
    inner = build_tree(outer / "sub", {"collab.yaml": "language: en\n"})
    assert Workspace.open(inner / ".").config.language == "en"
    assert Workspace.open(outer / "records").config.language == "zh"


def test_a_folder_named_collab_yaml_is_not_a_workspace(tmp_path: Path) -> None:
    (tmp_path / "x" / "collab.yaml").mkdir(parents=True)
    with pytest.raises(WorkspaceNotFound):
        find_root(tmp_path / "x")


def test_no_workspace(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceNotFound) as info:
        find_root(tmp_path)
    assert info.value.exit_code == 2
    assert str(info.value) == (
        f"{tmp_path.resolve()} 及其上级文件夹中都没有 collab.yaml(可用 `collab init` 创建)"
    )
    assert info.value.text("en") == (
        f"no collab.yaml in {tmp_path.resolve()} or any folder above it "
        "(create one with `collab init`)"
    )


def test_start_that_is_a_file(tmp_path: Path) -> None:
    ws = config_at(tmp_path, MINIMAL_CONFIG)
    with pytest.raises(WorkspaceNotFound) as info:
        find_root(ws / "collab.yaml")
    shown = (ws / "collab.yaml").resolve()
    assert (str(info.value), info.value.text("en")) == (
        f"不是文件夹:{shown}", f"not a folder: {shown}")
