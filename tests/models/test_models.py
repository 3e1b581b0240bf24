"""Record models (SPEC §3): moments, deadlines, levels, vague words, kinds and statuses."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from collabkit.models import (
    FOLDERS,
    KINDS,
    MODELS,
    CustomerRequest,
    Issue,
    Meeting,
    Requirement,
    record_adapter,
    validated_record,
)
from collabkit.models._types import validation_context
from collabkit.models.explain import describe
from tests.fuzz.strategies import record_shaped
from tests.helpers import EXAMPLES, build_tree

SH = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")


def read(data: dict[str, Any], tz: ZoneInfo = SH) -> Any:
    return record_adapter().validate_python(data, context=validation_context(tz))


def requirement(**fields: Any) -> Requirement:
    record = read({"kind": "requirement", "id": "RW-2024-001", **fields})
    assert isinstance(record, Requirement)
    return record


def errors(data: dict[str, Any], language: str = "en") -> list[tuple[str, str]]:
    """(code, message) of each schema error of `data`, said in `language`."""
    with pytest.raises(ValidationError) as info:
        read(data)
    return [describe(e, language=language, data=data) for e in info.value.errors()]


# --- dates and times -------------------------------------------------------------------------


def test_date_only_deadline_is_the_end_of_that_day() -> None:
    due = requirement(due="2024-09-30").due
    assert due is not None
    assert due.tzinfo is not None
    assert due.date() == date(2024, 9, 30)
    assert due < datetime(2024, 10, 1, tzinfo=SH) <= due + timedelta(microseconds=1)
    assert due > datetime(2024, 9, 30, 23, 59, 59, tzinfo=SH)


def test_date_only_event_is_the_start_of_that_day() -> None:
    assert requirement(sent_at="2024-09-27").sent_at == datetime(2024, 9, 27, tzinfo=SH)


def test_deadline_from_a_parsed_date_object_is_also_the_end_of_day() -> None:
    # ruamel and other loaders hand over date objects, not strings
    due = requirement(due=date(2024, 9, 30)).due
    assert due == datetime.combine(date(2024, 9, 30), datetime.max.time(), tzinfo=SH)
    assert requirement(sent_at=date(2024, 9, 27)).sent_at == datetime(2024, 9, 27, tzinfo=SH)


@pytest.mark.parametrize("field", ["due", "pending"])
def test_every_deadline_field_is_end_of_day(field: str) -> None:
    if field == "due":
        value = requirement(due="2024-09-30").due
    else:
        value = requirement(pending=[{"id": "P1", "due": "2024-09-30"}]).pending[0].due
    assert value is not None and (value.hour, value.minute, value.second) == (23, 59, 59)
    meeting = read({"kind": "meeting", "id": "HY-2024-001",
                    "actions": [{"id": "A1", "due": "2024-09-30"}]})
    assert meeting.actions[0].due == value


def test_naive_times_are_in_the_workspace_timezone() -> None:
    sh = requirement(sent_at="2024-09-27 15:00").sent_at
    assert sh == datetime(2024, 9, 27, 15, 0, tzinfo=SH)
    assert sh.utcoffset() == timedelta(hours=8)
    berlin = read({"kind": "requirement", "id": "RW-2024-001", "sent_at": "2024-09-27 15:00",
                   "due": "2024-09-30"}, tz=BERLIN)
    assert berlin.sent_at == datetime(2024, 9, 27, 15, 0, tzinfo=BERLIN)
    assert berlin.due.date() == date(2024, 9, 30) and berlin.due.tzinfo == BERLIN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-08-15T14:00:00+08:00", datetime(2024, 8, 15, 6, 0, tzinfo=UTC)),
        ("2024-08-15 14:00", datetime(2024, 8, 15, 14, 0, tzinfo=SH)),
        ("2024-08-15T14:00", datetime(2024, 8, 15, 14, 0, tzinfo=SH)),
        ("2024-08-15T06:00:00Z", datetime(2024, 8, 15, 14, 0, tzinfo=SH)),
        ("2024-8-5", datetime(2024, 8, 5, tzinfo=SH)),
        ("  2024-08-15 14:00  ", datetime(2024, 8, 15, 14, 0, tzinfo=SH)),
    ],
)
def test_iso_8601_forms(text: str, expected: datetime) -> None:
    assert requirement(sent_at=text).sent_at == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-02-30", "due: '2024-02-30' is not a real date"),
        ("2023-02-29", "due: '2023-02-29' is not a real date"),
        ("2024-13-01", "due: '2024-13-01' is not a real date"),
        ("2024-09-30 25:00",
         "due: '2024-09-30 25:00' is not a valid date/time: use ISO 8601 such as 2024-09-30 14:00"),
        ("下周一", "due: '下周一' is not a valid date/time: use ISO 8601 such as 2024-09-30 14:00"),
    ],
)
def test_impossible_dates(text: str, message: str) -> None:
    assert errors({"kind": "requirement", "id": "RW-2024-001", "due": text}) == [
        ("invalid-date", message)]


def test_impossible_dates_in_chinese() -> None:
    assert errors({"kind": "requirement", "id": "RW-2024-001", "due": "2024-02-30"}, "zh") == [
        ("invalid-date", "due: '2024-02-30' 不是真实存在的日期")]
    assert errors({"kind": "requirement", "id": "RW-2024-001", "due": "下周一"}, "zh") == [
        ("invalid-date", "due: '下周一' 不是有效的日期时间:请用 ISO 8601 格式,如 2024-09-30 14:00")]


@pytest.mark.parametrize(
    ("data", "en", "zh"),
    [
        ({"kind": "meeting", "id": "HY-2024-001", "topics": [{"title": "t", "timebox": 0}]},
         "topics.0.timebox: '0' must be at least 1", "topics.0.timebox: '0' 不能小于 1"),
        ({"kind": "meeting", "id": "HY-2024-001", "host": "  "},
         "host: must not be empty", "host: 不能为空"),
        ({"kind": "meeting", "id": "HY-2024-001", "topics": [{"title": "t", "timebox": 1.5}]},
         "topics.0.timebox: expected a whole number, got '1.5'",
         "topics.0.timebox: 应为整数,实际是'1.5'"),
        ({"kind": "notice", "id": "TZ-2024-001", "urgent": "maybe"},
         "urgent: expected true or false, got 'maybe'",
         "urgent: 应为true 或 false,实际是'maybe'"),
        ({"kind": "requirement", "id": "RW-2024-001", "links": ["RW 1"]},
         "links.0: 'RW 1' is not a record id or ID/ITEM (e.g. RW-2024-001, HY-2024-003/A2)",
         "links.0: 'RW 1' 不是记录编号或 编号/条目(如 RW-2024-001、HY-2024-003/A2)"),
    ],
    ids=["ge", "empty", "int", "bool", "ref"],
)
def test_no_library_wording_leaks(data: dict[str, Any], en: str, zh: str) -> None:
    [(_, message)] = errors(data)
    assert message == en
    [(_, message)] = errors(data, "zh")
    assert message == zh


def test_leap_day_is_real() -> None:
    assert requirement(due="2024-02-29").due.date() == date(2024, 2, 29)  # type: ignore[union-attr]


def test_a_number_is_not_a_date() -> None:
    assert errors({"kind": "requirement", "id": "RW-2024-001", "due": 20240930}) == [
        ("schema", "due: expected a date or datetime such as 2024-09-30 or 2024-09-30 14:00, "
                   "got '20240930'")]
    assert errors({"kind": "requirement", "id": "RW-2024-001", "due": 20240930}, "zh") == [
        ("schema", "due: 应为日期或日期时间(如 2024-09-30 或 2024-09-30 14:00),实际是'20240930'")]


@pytest.mark.parametrize(
    "word",
    ["尽快", "ASAP", "asap", "待定", "TBD", "尽快完成", "马上", "as soon as possible", "近期"],
)
def test_vague_deadlines_are_refused(word: str) -> None:
    assert errors({"kind": "requirement", "id": "RW-2024-001", "due": word}) == [
        ("vague-deadline", f"due: '{word}' is not a deadline: give a date such as 2024-09-30 "
                           "(what, who and when)")]
    assert errors({"kind": "requirement", "id": "RW-2024-001", "due": word}, "zh") == [
        ("vague-deadline", f"due: '{word}' 不是截止时间:请写明日期,如 2024-09-30"
                           "(做什么、谁来做、何时做)")]


def test_vague_words_in_an_action_item() -> None:
    # the item is named as people name it (A2), not by its position in the list
    data = {"kind": "meeting", "id": "HY-2024-001",
            "actions": [{"id": "A1"}, {"id": "A2", "due": "尽快"}]}
    assert errors(data) == [("vague-deadline", "A2.due: '尽快' is not a deadline: give a date "
                                               "such as 2024-09-30 (what, who and when)")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "customer-request", "id": "KH-2024-001",
          "proposals": [{"version": "V1.0"}, {"version": "V1.2", "sent_at": "x"}]},
         "V1.2.sent_at: 'x' is not a valid date/time: use ISO 8601 such as 2024-09-30 14:00"),
        ({"kind": "customer-request", "id": "KH-2024-001",
          "communications": [{"at": "2024-10-10"}, {"at": "2024-10-10", "type": "x"}]},
         "C2.type: 'x' is not one of 'question', 'problem' or 'feedback'"),
        ({"kind": "notice", "id": "TZ-2024-001", "todos": [{"id": "T7", "status": "x"}]},
         "T7.status: 'x' is not one of 'open', 'done' or 'cancelled'"),
        # a list the registry does not name: by index, as `collab set` takes it
        ({"kind": "collaboration", "id": "XZ-2024-001",
          "partners": [{"department": "a"}, {"contact": ["b"]}]},
         "partners.1.contact: expected text, got a list"),
    ],
    ids=["version", "position", "todo", "unnamed"],
)
def test_item_paths_are_said_by_item_name(data: dict[str, Any], message: str) -> None:
    assert [m for _, m in errors(data)] == [message]


# --- levels, statuses, aliases --------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [("高", "high"), ("中", "medium"), ("低", "low"), (" 高 ", "high"), ("high", "high"),
     ("medium", "medium"), ("low", "low")],
)
def test_levels_accept_chinese(given: str, stored: str) -> None:
    issue = read({"kind": "issue", "id": "WT-2024-001", "urgency": given})
    assert isinstance(issue, Issue) and issue.urgency == stored
    assert requirement(priority=given).priority == stored


@pytest.mark.parametrize("given", ["紧急", "urgent", "HIGH", "1"])
def test_other_levels_are_refused(given: str) -> None:
    assert errors({"kind": "issue", "id": "WT-2024-001", "urgency": given}) == [
        ("schema", f"urgency: '{given}' is not one of 'high', 'medium' or 'low'")]
    assert errors({"kind": "issue", "id": "WT-2024-001", "urgency": given}, "zh") == [
        ("schema", f"urgency: '{given}' 不是可选值之一: 'high'、'medium' 或 'low'")]


@pytest.mark.parametrize(
    ("given", "stored"),
    [("待确认", "pending"), ("已确认", "confirmed"), ("交付中", "in_delivery"),
     ("已完成", "done"), ("已拒绝", "rejected"), ("confirmed", "confirmed")],
)
def test_customer_request_status_in_chinese(given: str, stored: str) -> None:
    record = read({"kind": "customer-request", "id": "KH-2024-001", "status": given,
                   "review_result": "需调整"})
    assert isinstance(record, CustomerRequest)
    assert (record.status, record.review_result) == (stored, "adjust")


@pytest.mark.parametrize(
    ("kind", "record_id", "default", "draft", "finished"),
    [
        ("requirement", "RW-2024-001", "draft", True, False),
        ("meeting", "HY-2024-001", "planned", True, False),
        ("issue", "WT-2024-001", "open", False, False),
        ("collaboration", "XZ-2024-001", "planned", True, False),
        ("customer-request", "KH-2024-001", "pending", False, False),
        ("notice", "TZ-2024-001", "sent", False, False),
    ],
)
def test_default_status_and_draftness(kind: str, record_id: str, default: str, draft: bool,
                                      finished: bool) -> None:
    record = read({"kind": kind, "id": record_id})
    assert type(record) is MODELS[kind]
    assert (record.status, record.is_draft, record.is_finished) == (default, draft, finished)
    assert record.record_id == record_id


def test_finished_statuses() -> None:
    for status in ("closed", "declined", "withdrawn"):
        assert requirement(status=status).is_finished
    for status in ("sent", "confirmed", "in_progress", "delivered", "accepted"):
        record = requirement(status=status)
        assert not record.is_finished and not record.is_draft


def test_kinds_and_folders() -> None:
    assert KINDS == ("requirement", "meeting", "issue", "collaboration", "customer-request",
                     "notice")
    assert FOLDERS["customer-request"] == "customer-requests"
    assert set(FOLDERS) == set(KINDS)


# --- shapes ---------------------------------------------------------------------------------


def test_unknown_key_with_suggestion() -> None:
    assert errors({"kind": "meeting", "id": "HY-2024-001", "attendes": []}) == [
        ("unknown-key", "unknown key 'attendes' (did you mean 'attendees'?)")]
    assert errors({"kind": "meeting", "id": "HY-2024-001", "attendes": []}, "zh") == [
        ("unknown-key", "未知的键 'attendes'(是不是 'attendees'?)")]


def test_unknown_nested_key_with_suggestion() -> None:
    data = {"kind": "meeting", "id": "HY-2024-001", "actions": [{"id": "A1", "ower": "张伟"}]}
    assert errors(data) == [("unknown-key", "unknown key 'ower' (did you mean 'owner'?)")]


KIND_LIST = "requirement, meeting, issue, collaboration, customer-request, notice"


def test_missing_and_unknown_kind() -> None:
    assert errors({"id": "RW-2024-001"}) == [
        ("unknown-kind", f"record has no 'kind' (one of: {KIND_LIST})")]
    assert errors({"kind": "memo", "id": "RW-2024-001"}) == [
        ("unknown-kind", f"unknown kind 'memo' (one of: {KIND_LIST})")]
    assert errors({"kind": "memo", "id": "RW-2024-001"}, "zh") == [
        ("unknown-kind", f"未知的记录类型 'memo'(可选: {KIND_LIST})")]


@pytest.mark.parametrize("bad_id", ["RW-24-001", "RW-2024-01", "rw-2024-001", "RW_2024_001",
                                    "../../etc/passwd"])
def test_id_form(bad_id: str) -> None:
    assert errors({"kind": "requirement", "id": bad_id}) == [
        ("schema", f"id: '{bad_id}' is not a record id (ids look like RW-2024-001)")]
    assert errors({"kind": "requirement", "id": bad_id}, "zh") == [
        ("schema", f"id: '{bad_id}' 不是记录编号(编号形如 RW-2024-001)")]


def test_long_sequence_numbers_are_fine() -> None:
    assert requirement().id == "RW-2024-001"
    assert read({"kind": "requirement", "id": "RW-2024-1000"}).id == "RW-2024-1000"


def test_a_list_where_a_mapping_belongs() -> None:
    data = {"kind": "requirement", "id": "RW-2024-001", "requester": ["市场部", "张伟"]}
    assert errors(data) == [("schema", "requester: expected a mapping, got a list")]
    assert errors(data, "zh") == [("schema", "requester: 应为映射(键: 值),实际是列表")]


def test_numbers_are_read_as_text() -> None:
    record = requirement(title=2024, goal=12.5)
    assert (record.title, record.goal) == ("2024", "12.5")


def test_attendees_are_names_or_mappings() -> None:
    meeting = read({"kind": "meeting", "id": "HY-2024-001",
                    "attendees": ["张伟", {"name": "李娜", "department": "运营部"}]})
    assert isinstance(meeting, Meeting)
    assert meeting.attendees[0] == "张伟"
    assert meeting.attendees[1].name == "李娜"  # type: ignore[union-attr]


def test_progress_percent_bounds() -> None:
    entry = {"at": "2024-10-11 17:00", "note": "n"}
    ok = read({"kind": "collaboration", "id": "XZ-2024-001",
               "progress": [{**entry, "percent": 100}]})
    assert ok.progress[0].percent == 100
    data = {"kind": "collaboration", "id": "XZ-2024-001", "progress": [{**entry, "percent": 120}]}
    # pydantic's own wording ("Input should be less than or equal to 100") never shows
    assert errors(data) == [("schema", "progress.0.percent: '120' must be at most 100")]
    assert errors(data, "zh") == [("schema", "progress.0.percent: '120' 不能大于 100")]
    data["progress"] = [{**entry, "percent": -1}]
    assert errors(data) == [("schema", "progress.0.percent: '-1' must be at least 0")]


def test_multi_line_free_text_is_kept() -> None:
    text = "第一行 | 带竖线\n第二行 **Markdown** <b>html</b>\n"
    assert requirement(background=text).background == text


# --- end of day, end to end --------------------------------------------------------------------


def test_date_only_due_is_overdue_from_the_next_midnight(invoke, ws):  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/meetings/HY-2024-001.yaml": (
        "kind: meeting\nid: HY-2024-001\ntitle: 协调会\nstatus: planned\nactions:\n"
        "  - {id: A1, task: 写方案, owner: 张伟, due: 2024-09-30, deliverable: 方案}\n"
    )})

    def overdue(now: str) -> list[str]:
        result = invoke("-C", ws, "overdue", "--now", now, "--format", "json")
        assert result.code == 0, result
        return [item["due"] for item in json.loads(result.out)]

    assert overdue("2024-09-30T23:59:59+08:00") == []
    assert overdue("2024-09-30T15:59:59Z") == []
    assert overdue("2024-10-01T00:00:00+08:00") == ["2024-09-30T23:59:59+08:00"]


# --- validating by the kind's own model -----------------------------------------------------


def _union_says(data: object) -> tuple[object, list[dict[str, object]]]:
    try:
        return record_adapter().validate_python(data, context=CONTEXT), []
    except ValidationError as exc:
        return None, exc.errors()


CONTEXT = validation_context(ZoneInfo("Asia/Shanghai"))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(data=record_shaped())
def test_the_kinds_own_model_says_what_the_union_says(data: dict[object, object]) -> None:
    """`validated_record` skips building the union's validator for a known kind: the record
    and every error (type, path, message, context) must be the union's."""
    record, errors = validated_record(data, CONTEXT)
    expected_record, expected_errors = _union_says(data)
    assert errors == expected_errors
    assert record == expected_record


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("records/**/*.yaml")), ids=lambda p: p.name)
def test_every_example_validates_alike_by_its_model(path: Path) -> None:
    import yaml_rs

    data = yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)
    record, errors = validated_record(data, CONTEXT)
    assert (record, errors) == _union_says(data) and errors == []


class _Info:
    context = CONTEXT


MOMENTS = st.one_of(
    st.datetimes(min_value=datetime(1800, 1, 1), max_value=datetime(3200, 1, 1)).map(
        lambda d: d.isoformat(sep=" ")),
    st.from_regex(r"\s?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?\s?",
                  fullmatch=True),
    st.text(max_size=25),
)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(text=MOMENTS)
def test_the_usual_moment_reads_as_every_moment_does(text: str) -> None:
    """`_usual`, the one-call path of moment validation, agrees with `parse_moment`."""
    from collabkit.models._types import _deadline, _event, parse_moment

    for validator, end_of_day in ((_event, False), (_deadline, True)):
        try:
            expected: object = parse_moment(text, ZoneInfo("Asia/Shanghai"), end_of_day=end_of_day)
        except Exception as exc:  # the error itself is compared
            expected = (type(exc), str(exc))
        try:
            got: object = validator(text, _Info())  # type: ignore[arg-type]
        except Exception as exc:  # the error itself is compared
            got = (type(exc), str(exc))
        assert got == expected
