"""The handbook's sign-off, end to end on the bundled example workspace in a fresh repository:
both leads sign the requirement (确认签字), an action's owner confirms it
(决议事项需经负责人确认签字), the acceptor signs the acceptance (验收人签字),
and `lint --trail` is satisfied."""

from __future__ import annotations

import pytest

from tests.conftest import make_repo
from tests.helpers import EXAMPLES, git
from tests.trail.conftest import FIRST_COMMIT, head

REQ = "records/requirements/RW-2024-001.yaml"


@pytest.fixture
def examples(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The bundled examples, first committed by Test at FIRST_COMMIT."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", FIRST_COMMIT)
    monkeypatch.setenv("GIT_COMMITTER_DATE", FIRST_COMMIT)
    return make_repo(EXAMPLES, tmp_path / "handbook")


def trail_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if " trail-" in line]


def test_the_handbook_sign_off_on_the_examples(examples, sign_as, invoke):  # type: ignore[no-untyped-def]
    # The example requirement is in progress, but nobody has signed it in this repository yet.
    result = invoke("-C", examples, "lint", "--trail")
    assert result.code == 1
    assert trail_lines(result.out) == [
        f"{REQ}:41:1: error trail-unsigned RW-2024-001 的状态为 in_progress,但承接方 李娜 "
        "尚未签字:运行 `collab sign RW-2024-001 --role receiver`",
        f"{REQ}:41:1: error trail-unsigned RW-2024-001 的状态为 in_progress,但需求方 张伟 "
        "尚未签字:运行 `collab sign RW-2024-001 --role requester`",
    ]
    first = head(examples)
    before = (examples / REQ).read_text(encoding="utf-8")

    signed = {}
    for person, ref, role in [
        ("张伟", "RW-2024-001", "requester"),
        ("李娜", "RW-2024-001", "receiver"),
        ("王芳", "HY-2024-002/A1", "owner"),
        ("张伟", "XZ-2024-001", "acceptor"),
    ]:
        result = sign_as(person, examples, ref, "--role", role)
        assert result.code == 0, result
        signed[ref, role] = head(examples)
        assert git(examples, "log", "-1", "--format=%(trailers:only,unfold)") == (
            f"Collab-Record: {ref}\nCollab-Signed: {role}\n\n"
        )

    # confirmed_at and the status were set by hand already: nothing to change, nothing lost
    assert (examples / REQ).read_text(encoding="utf-8") == before
    assert git(examples, "status", "--porcelain") == ""

    result = invoke("-C", examples, "trail", "RW-2024-001")
    requester, receiver = signed["RW-2024-001", "requester"], signed["RW-2024-001", "receiver"]
    assert result.out == (
        "提交          作者  邮箱                  时间              签字角色  git 验证\n"
        f"{receiver[:12]}  李娜  lina@example.com      2024-09-03 16:02  承接方    未加密签名\n"
        f"{requester[:12]}  张伟  zhangwei@example.com  2024-09-03 16:01  需求方    未加密签名\n"
        f"{first[:12]}  Test  test@example.com      2024-09-02 10:00  -         未加密签名\n"
        "共 3 次提交\n"
    )

    result = invoke("-C", examples, "lint", "--trail")
    assert result.code == 0, result
    assert trail_lines(result.out) == []
    assert result.out == invoke("-C", examples, "lint").out  # the rest of lint is unchanged
