"""Fixtures of the signature tests: a workspace committed in a fresh git repository, signers
whose identity is set per command through the environment, and a throwaway SSH key."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import MINIMAL_CONFIG, Result, build_tree, git

REQUIREMENT = """\
kind: requirement
id: RW-2024-001
title: Q3 老用户复购活动
requester:
  department: 市场部
  lead: 张伟
receiver:
  department: 运营部
  lead: 李娜
background: Q3用户复购率同比下降5%
goal: 30天内老用户复购率提升至12%
description: 上线老用户专属复购活动页
priority: high
due: 2024-09-30
status: sent
sent_at: 2024-09-02 10:00
"""

MEETING = """\
kind: meeting
id: HY-2024-001
title: 新品上市协调会
objective: 明确分工
start: 2024-09-05 14:00
end: 2024-09-05 15:00
location: 3楼会议室
host: 张伟
recorder: 王芳
attendees: [张伟, 李娜, 赵磊]
agenda_sent_at: 2024-09-01 10:00
minutes_sent_at: 2024-09-05 17:00
status: held
actions:
  - id: A1
    task: 完成销售话术初稿
    owner: 王芳
    due: 2024-09-12
    deliverable: 《销售话术》初稿
  - id: A2
    task: 输出宣传排期表
    owner: 赵磊
    due: 2024-09-13
    deliverable: 《宣传排期表》
"""

COLLABORATION = """\
kind: collaboration
id: XZ-2024-001
title: 新品宣传素材制作
initiator: {department: 市场部, contact: 张伟}
partners:
  - {department: 技术部, contact: 赵磊}
planned_start: 2024-09-02
planned_end: 2024-09-20
actual_end: 2024-09-19
status: done
acceptance:
  result: pass
  comments: 素材符合规范
  by: 张伟
"""

PEOPLE = {
    "张伟": "zhangwei@example.com",
    "李娜": "lina@example.com",
    "王芳": "wangfang@example.com",
    "赵磊": "zhaolei@example.com",
    "Test": "test@example.com",
}
REQ = "records/requirements/RW-2024-001.yaml"
MEET = "records/meetings/HY-2024-001.yaml"
COLLAB = "records/collaborations/XZ-2024-001.yaml"


FIRST_COMMIT = "2024-09-02T10:00:00+08:00"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace (a requirement sent, a meeting with two actions, a collaboration accepted)
    as the first commit of a new repository, made by Test at FIRST_COMMIT."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", FIRST_COMMIT)
    monkeypatch.setenv("GIT_COMMITTER_DATE", FIRST_COMMIT)
    root = build_tree(
        tmp_path / "repo",
        {"collab.yaml": MINIMAL_CONFIG, REQ: REQUIREMENT, MEET: MEETING, COLLAB: COLLABORATION},
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    return root


@dataclass
class Clock:
    """Commit dates one minute apart, so that the trail's order and dates are known."""

    minute: int = 0

    def tick(self) -> str:
        self.minute += 1
        return f"2024-09-03T16:{self.minute:02d}:00+08:00"


@pytest.fixture
def as_person(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], str]:
    """`as_person("李娜")`: the next git commands author (and commit) as 李娜, at the next
    minute of the clock; returns that commit date."""
    clock = Clock()

    def _as(name: str) -> str:
        when = clock.tick()
        for who in ("AUTHOR", "COMMITTER"):
            monkeypatch.setenv(f"GIT_{who}_NAME", name)
            monkeypatch.setenv(f"GIT_{who}_EMAIL", PEOPLE[name])
            monkeypatch.setenv(f"GIT_{who}_DATE", when)
        return when

    return _as


@pytest.fixture
def sign_as(invoke, as_person):  # type: ignore[no-untyped-def]
    """`sign_as("李娜", repo, "RW-2024-001", "--role", "receiver")`: `collab -C repo sign …`
    as that person."""

    def _sign(name: str, root: Path, *args: str | Path) -> Result:
        as_person(name)
        result: Result = invoke("-C", root, "sign", *args)
        return result

    return _sign


def head(root: Path) -> str:
    return git(root, "rev-parse", "HEAD").strip()


def commit_files(root: Path, rev: str = "HEAD") -> list[str]:
    return git(root, "show", "--format=", "--name-only", rev).split()


@dataclass(frozen=True)
class SshKey:
    private: Path
    public: str  # "ssh-ed25519 AAAA…"


@pytest.fixture
def ssh_key(tmp_path: Path) -> Callable[[str], SshKey]:
    """`ssh_key("lina")`: a fresh ed25519 key without passphrase (ssh-keygen -N '')."""

    def _make(name: str) -> SshKey:
        private = tmp_path / "keys" / name
        private.parent.mkdir(exist_ok=True)
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(private)],
            check=True, capture_output=True,
        )  # fmt: skip
        public = " ".join(private.with_suffix(".pub").read_text().split()[:2])
        return SshKey(private, public)

    return _make


def allow_signers(root: Path, signers: dict[str, SshKey]) -> Path:
    """Write an allowed-signers file (principal = email) and point the repository at it."""
    allowed = root.parent / "allowed_signers"
    allowed.write_text("".join(f"{email} {key.public}\n" for email, key in signers.items()))
    git(root, "config", "gpg.ssh.allowedSignersFile", str(allowed))
    return allowed


def use_key(root: Path, key: SshKey, *, always: bool = True) -> None:
    """The repository signs commits with `key` (SSH), every commit when `always`."""
    git(root, "config", "gpg.format", "ssh")
    git(root, "config", "user.signingkey", str(key.private))
    if always:
        git(root, "config", "commit.gpgsign", "true")
