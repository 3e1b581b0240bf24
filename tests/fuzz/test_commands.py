"""Fuzz every reading command over a workspace holding one damaged or random record: each
run ends in a finding or a clear error (exit 0, 1 or 2), never exit 70."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.budget import settings_for
from tests.fuzz.harness import (
    READ_COMMANDS,
    RECORD_COMMANDS,
    assert_clear,
    collab,
    fuzz_workspace,
    planted,
)
from tests.fuzz.strategies import Mutation, dump, mutated_record, mutations, record_shaped
from tests.helpers import EXAMPLES, NOW


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


CONFIG = (EXAMPLES / "collab.yaml").read_bytes()


@settings_for(ci=6, deep_examples=1000)
@given(mutations=st.lists(mutations, min_size=1, max_size=3))
def test_damaged_config(ws: Path, mutations: list[Mutation]) -> None:
    """collab.yaml is trusted, but a bad one stops every command with one line (exit 2)."""
    raw = CONFIG
    for mutation in mutations:
        raw = mutation.apply(raw)
    with planted(ws, "collab.yaml", raw):
        for args in (("lint",), ("overdue", "--now", NOW), ("new", "issue", "--no-input")):
            outcome = collab(ws, *args)
            assert_clear(outcome)
            if outcome.code == 0 and args[0] == "new":
                (ws / outcome.out.strip()).unlink()


CACHED_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("lint", "--format", "json", "--now", NOW),
    ("lint", "--now", NOW),
    ("overdue", "--now", NOW, "--format", "json"),
    ("due", "--now", NOW, "--within", "30d", "--format", "json"),
    ("due", "--now", NOW, "--within", "30d"),
    ("list", "--format", "json"),
)


@settings_for(ci=4, deep_examples=400)
@given(case=mutated_record())
def test_the_cache_answers_as_a_run_without_it(
    ws: Path, case: tuple[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a record holds, a command answered through the cache (and its fast path)
    says exactly what it says without one."""
    rel, raw = case
    with planted(ws, rel, raw):
        for args in CACHED_COMMANDS:
            with monkeypatch.context() as patch:
                patch.setenv("COLLAB_CACHE", "off")
                expected = collab(ws, *args)
            with monkeypatch.context() as patch:
                patch.delenv("COLLAB_CACHE", raising=False)
                first, second = collab(ws, *args), collab(ws, *args)
            assert first == expected, args
            assert second == expected, args
