"""`collab schema [KIND] [--out FILE]` end to end."""

from __future__ import annotations

import json
from pathlib import Path

from collabkit.models.schema import record_schema
from tests.helpers import NOW


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


def test_new_schema_comment_points_editors_at_the_schema(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    import jsonschema

    from collabkit.io.yamlio import load_data

    args = ("new", "meeting", "--no-input", "--schema-comment", "--now", NOW, "--title", "周会")
    result = invoke("-C", ws, *args)
    assert result.code == 0, result
    path = ws / result.out.splitlines()[0]
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../collab.schema.json"
    schema = json.loads((path.parent / "../../collab.schema.json").read_text(encoding="utf-8"))
    assert schema == record_schema()  # written, as the workspace had none
    record = load_data(path.read_text(encoding="utf-8"), path.name)
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(record)) == []
    lint = invoke("-C", ws, "lint", "--strict")  # a draft: only what is still to fill in
    assert lint.code == 0, lint
    assert [line for line in lint.out.splitlines() if " info incomplete " not in line] == []


def test_new_schema_comment_keeps_the_workspaces_schema(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    (ws / "collab.schema.json").write_text("{}\n", encoding="utf-8")
    result = invoke("-C", ws, "new", "issue", "--no-input", "--schema-comment", "--now", NOW)
    assert result.code == 0, result
    assert (ws / "collab.schema.json").read_text(encoding="utf-8") == "{}\n"
