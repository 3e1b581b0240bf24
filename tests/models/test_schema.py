"""`record_schema()` checked by a third-party validator (jsonschema, Draft 2020-12): every
record collab reads passes, every record collab refuses fails, for the same reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from collabkit.io.yamlio import load_data
from collabkit.models import KINDS, record_adapter
from collabkit.models._types import DEFAULT_TZ, validation_context
from collabkit.models.schema import DIALECT, field_label, record_schema
from tests.helpers import EXAMPLES, SCENARIOS

RECORD_FILES = sorted([*EXAMPLES.glob("records/*/*.yaml"), *SCENARIOS.glob("*/records/*/*.yaml")])
VALIDATOR = jsonschema.Draft202012Validator(record_schema())


def collab_accepts(data: Any) -> bool:
    try:
        record_adapter().validate_python(data, context=validation_context(DEFAULT_TZ))
    except ValidationError:
        return False
    return True


def schema_errors(data: Any) -> list[str]:
    """Each error as a person reads it: inside `anyOf [type, null]`, the one about the type."""
    best = jsonschema.exceptions.best_match
    return sorted(best([error]).message for error in VALIDATOR.iter_errors(data))


def test_the_schemas_are_valid_2020_12_schemas() -> None:
    for kind in (None, *KINDS):
        schema = record_schema(kind)
        assert schema["$schema"] == DIALECT
        jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: str(p.relative_to(p.parents[3])))
def test_every_example_record_passes(path: Path) -> None:
    data = load_data(path.read_text(encoding="utf-8"), path.name)
    assert schema_errors(data) == []
    kind_schema = jsonschema.Draft202012Validator(record_schema(data["kind"]))
    assert list(kind_schema.iter_errors(data)) == []


MEETING = {"kind": "meeting", "id": "HY-2024-001", "title": "协调会"}
REQUIREMENT = {"kind": "requirement", "id": "RW-2024-001", "title": "复购活动"}

EXTRA = "Additional properties are not allowed ({!r} was unexpected)"
BROKEN = [
    ("unknown key", {**REQUIREMENT, "prority": "high"}, [EXTRA.format("prority")]),
    (
        "unknown kind",
        {"kind": "memo", "id": "MM-2024-001"},
        [f"'memo' is not one of {list(KINDS)}"],
    ),
    ("no kind", {"id": "RW-2024-001"}, ["'kind' is a required property"]),
    (
        "bad id",
        {**REQUIREMENT, "id": "RW-24-1"},
        ["'RW-24-1' does not match '^[A-Z][A-Z0-9]*-\\\\d{4}-\\\\d{3,}$'"],
    ),
    (
        "bad level",
        {**REQUIREMENT, "priority": "urgent"},
        ["'urgent' is not one of ['high', 'medium', 'low', '高', '中', '低']"],
    ),
    (
        "vague deadline",
        {**REQUIREMENT, "due": "尽快"},
        ["'尽快' does not match '^\\\\d{4}-?\\\\d{1,2}-?\\\\d{1,2}([ T].+)?$'"],
    ),
    (
        "unknown key in an item",
        {**MEETING, "actions": [{"id": "A1", "task": "x", "ownr": "张伟"}]},
        [EXTRA.format("ownr")],
    ),
    ("no item id", {**MEETING, "actions": [{"task": "初稿"}]}, ["'id' is a required property"]),
    (
        "bad item status",
        {**MEETING, "actions": [{"id": "A1", "status": "finished"}]},
        ["'finished' is not one of ['open', 'done', 'cancelled']"],
    ),
    (
        "list where a mapping belongs",
        {**REQUIREMENT, "requester": ["市场部"]},
        ["['市场部'] is not valid under any of the given schemas"],
    ),
]


@pytest.mark.parametrize(("name", "data", "errors"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_records_fail_as_collab_refuses_them(name: str, data: Any, errors: Any) -> None:
    assert not collab_accepts(data)
    assert schema_errors(data) == errors


ACCEPTED = [
    {**REQUIREMENT, "priority": "高", "due": "2024-09-30", "sent_at": "2024-09-27 15:00"},
    {**REQUIREMENT, "confirmed_at": "2024-10-14T09:00:00+08:00", "background": 2024},
    {"kind": "customer-request", "id": "KH-2024-001", "status": "待确认", "budget": 5000},
    {"kind": "customer-request", "id": "KH-2024-002", "review_result": "可执行"},
    {**MEETING, "attendees": ["张伟", {"name": "李娜", "department": "运营部"}]},
    {**MEETING, "topics": [{"title": "排期", "timebox": 20}], "actions": []},
]


@pytest.mark.parametrize("data", ACCEPTED)
def test_what_collab_reads_the_schema_accepts(data: Any) -> None:
    assert collab_accepts(data)
    assert schema_errors(data) == []


def test_properties_carry_their_label_and_description() -> None:
    requirement = record_schema()["$defs"]["Requirement"]["properties"]
    assert requirement["sent_at"]["title"] == "发送时间"
    assert requirement["background"]["title"] == "需求背景"
    assert requirement["background"]["description"] == "需求背景 why"
    assert requirement["kind"]["title"] == "Kind"  # no Chinese label: pydantic's title stays


def test_field_label() -> None:
    assert field_label("需求背景 why") == "需求背景"
    assert field_label("record kind") is None
    assert field_label(None) is None
