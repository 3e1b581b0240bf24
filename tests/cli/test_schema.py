"""`collab schema [KIND] [--out FILE]` end to end."""

from __future__ import annotations

import json
from pathlib import Path

from collabkit.models.schema import record_schema


def test_schema_prints_the_schema_of_any_record(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("schema")
    assert result.code == 0, result
    assert json.loads(result.out) == record_schema()


def test_schema_of_one_kind(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("schema", "meeting")
    assert result.code == 0, result
    assert json.loads(result.out) == record_schema("meeting")
    assert json.loads(result.out)["title"] == "Meeting"


def test_schema_refuses_an_unknown_kind(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("schema", "memo")
    assert (result.code, result.out) == (2, ""), result
    assert result.err == (
        "collab: 没有 memo 这种记录类型(可用:requirement, meeting, issue, collaboration, "
        "customer-request, notice)\n"
    )


def test_schema_out_writes_the_file_relative_to_C(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", tmp_path, "schema", "--out", "collab.schema.json")
    assert (result.code, result.out) == (0, "collab.schema.json\n"), result
    written = (tmp_path / "collab.schema.json").read_text(encoding="utf-8")
    assert json.loads(written) == record_schema()
