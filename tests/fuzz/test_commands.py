"""Fuzz every reading command over a workspace holding one damaged or random record: each
run ends in a finding or a clear error (exit 0, 1 or 2), never exit 70."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from tests.fuzz.budget import settings_for
from tests.fuzz.harness import (
    READ_COMMANDS,
    RECORD_COMMANDS,
    assert_clear,
    collab,
    fuzz_workspace,
    planted,
)
from tests.fuzz.strategies import dump, mutated_record, record_shaped


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fuzz_workspace(tmp_path_factory.mktemp("fuzz-commands"))


def every_command(ws: Path, rel: str, raw: bytes) -> None:
    record_id = Path(rel).stem
    with planted(ws, rel, raw):
        for args in READ_COMMANDS:
            assert_clear(collab(ws, *args))
        for template in RECORD_COMMANDS:
            assert_clear(collab(ws, *(a.format(id=record_id) for a in template)))


@settings_for(ci=6, deep_examples=1500)
@given(case=mutated_record())
def test_damaged_real_records(ws: Path, case: tuple[str, bytes]) -> None:
    every_command(ws, *case)


@settings_for(ci=4, deep_examples=800)
@given(data=record_shaped())
def test_random_records(ws: Path, data: dict[object, object]) -> None:
    every_command(ws, "records/meetings/HY-2024-009.yaml", dump(data))
