"""Fuzz the reading of one record file (bytes → text → data → model or findings): whatever
the bytes, `validate_file` returns findings and never raises."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabkit.workspace import Config
from collabkit.workspace.validate import validate_file
from tests.fuzz.budget import settings_for
from tests.fuzz.strategies import dump, mutated_record, record_shaped, structures

CONFIG = Config()


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-reading") / "HY-2024-001.yaml"


def read(target: Path, raw: bytes) -> None:
    target.write_bytes(raw)
    _, record, findings = validate_file(target, "records/meetings/HY-2024-001.yaml", CONFIG)
    assert record is not None or findings, "a record that did not load must say why"
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.message and "\n" not in finding.code


@settings_for(ci=60)
@given(raw=st.binary(max_size=2000))
def test_random_bytes(target: Path, raw: bytes) -> None:
    read(target, raw)


@settings_for(ci=60)
@given(data=structures)
def test_random_yaml_structures(target: Path, data: object) -> None:
    read(target, dump(data))


@settings_for(ci=40)
@given(data=record_shaped())
def test_record_shaped_mappings(target: Path, data: dict[object, object]) -> None:
    read(target, dump(data))


@settings_for(ci=100)
@given(case=mutated_record())
def test_mutated_real_records(target: Path, case: tuple[str, bytes]) -> None:
    read(target, case[1])
