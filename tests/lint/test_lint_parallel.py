"""A big workspace is linted on two cores: the checks of one record at a time in a forked
child for every other file, those across records (ids, links) over what both halves gave.
The answer must be the one a single process gives, also when the child fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabkit.lint import checks
from collabkit.lint.checks import lint_base
from collabkit.workspace import Workspace, parallel
from tests.helpers import build_tree, count_forks
from tests.test_benchmarks import generate

EXTRA = {
    # the same id twice, in two folders (the two halves each get one: files alternate)
    "records/old/RW-2024-001.yaml": "kind: requirement\nid: RW-2024-001\ntitle: 旧稿\n",
    "records/old/RW-2024-001b.yaml": "kind: requirement\nid: RW-2024-001\ntitle: 另一份\n",
    # links to no record, to no item of a record, and to a record that does not validate
    "records/requirements/RW-2030-001.yaml": (
        "kind: requirement\nid: RW-2030-001\ntitle: 链接\n"
        "links: [RW-2099-999, HY-2024-001/A99, RW-2030-002]\n"
    ),
    "records/requirements/RW-2030-002.yaml": "kind: requirement\nid: RW-2030-002\nstatus: 无\n",
}


@pytest.fixture(scope="module")
def spoiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stress workspace of 120 generated records (a quarter spoiled), and the above."""
    root, _ = generate(tmp_path_factory.mktemp("lint") / "ws", 120, "--stress")
    return build_tree(root, EXTRA)


def test_two_cores_find_what_one_finds(spoiled: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if not parallel._can_fork():
        pytest.skip("no fork on this platform: one process checks everything")
    ws = Workspace.open(spoiled)
    monkeypatch.setattr(parallel, "_can_fork", lambda: False)
    alone = lint_base(ws)
    monkeypatch.undo()
    codes = {f.code for f in alone.findings}
    assert {"duplicate-id", "broken-link", "schema", "invalid-date", "incomplete"} <= codes
    assert len(alone.events) > 100

    forks = count_forks(monkeypatch)
    monkeypatch.setattr(checks, "THRESHOLD", 2)
    split = lint_base(ws)
    assert forks == [1]
    assert split.findings == alone.findings
    assert sorted(split.events, key=repr) == sorted(alone.events, key=repr)

    def broken(result: object) -> bytes:
        raise RuntimeError("the child fails")

    monkeypatch.setattr(parallel, "_send", broken)
    again = lint_base(ws)
    assert forks == [1, 1]
    assert again.findings == alone.findings
    assert sorted(again.events, key=repr) == sorted(alone.events, key=repr)


def test_a_small_workspace_is_checked_in_one_process(spoiled: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Below the threshold nothing is forked (a fork would cost more than it saves)."""
    assert len(list((spoiled / "records").rglob("*.yaml"))) < checks.THRESHOLD
    monkeypatch.setattr(parallel.os, "fork", lambda: pytest.fail("forked"))
    assert lint_base(Workspace.open(spoiled)).findings
