"""`signoffs_for`: the rendered 确认签字 row's data, role → SignOff."""

from __future__ import annotations

import shutil
from datetime import datetime

from collabkit.trail import SignOff
from collabkit.trail.signoffs import signoff_index, signoffs_for
from collabkit.workspace import Workspace
from tests.helpers import git
from tests.trail.conftest import REQ, head

SHANGHAI = datetime.fromisoformat("2024-09-03T16:01:00+08:00").tzinfo


def test_each_side_that_signed(repo, sign_as):  # type: ignore[no-untyped-def]
    ws = Workspace.open(repo)
    assert signoffs_for(ws, "RW-2024-001") == {}
    assert sign_as("张伟", repo, "RW-2024-001", "--role", "requester").code == 0
    commit = head(repo)
    at = datetime(2024, 9, 3, 16, 1, tzinfo=SHANGHAI)
    assert signoffs_for(ws, "RW-2024-001") == {
        "requester": SignOff(
            "RW-2024-001", "requester", "张伟", "张伟", "zhangwei@example.com", at, commit, "none"
        )
    }
    assert signoff_index(ws, ws.load().records, verify=False) == {
        "RW-2024-001": signoffs_for(ws, "RW-2024-001")
    }


def test_an_action_and_a_changed_record(repo, sign_as):  # type: ignore[no-untyped-def]
    ws = Workspace.open(repo)
    assert sign_as("赵磊", repo, "HY-2024-001/A2", "--role", "owner").code == 0
    assert list(signoffs_for(ws, "HY-2024-001/A2")) == ["owner"]
    assert signoffs_for(ws, "HY-2024-001/A1") == {}
    assert sign_as("张伟", repo, "RW-2024-001", "--role", "requester").code == 0
    path = repo / REQ
    path.write_text(path.read_text(encoding="utf-8").replace("priority: high", "priority: low"))
    assert signoffs_for(ws, "RW-2024-001") == {}  # the signature no longer covers the record
    git(repo, "checkout", "--", REQ)
    assert list(signoffs_for(ws, "RW-2024-001")) == ["requester"]


def test_outside_git_nothing_is_signed(tmp_path, repo):  # type: ignore[no-untyped-def]
    plain = tmp_path / "plain"
    shutil.copytree(repo, plain, ignore=shutil.ignore_patterns(".git"))
    ws = Workspace.open(plain)
    assert signoffs_for(ws, "RW-2024-001") == {}
    assert signoff_index(ws, ws.load().records) == {}
