"""`collab trail ID`: every commit that touched a record, who signed as what, git's verdict."""

from __future__ import annotations

import json

from tests.helpers import git
from tests.trail.conftest import REQ, head


def sign_both(repo, sign_as) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    assert sign_as("张伟", repo, "RW-2024-001", "--role", "requester").code == 0
    requester = head(repo)
    now = "2024-09-03T16:02+08:00"
    assert sign_as("李娜", repo, "RW-2024-001", "--role", "receiver", "--now", now).code == 0
    return requester, head(repo)


def test_the_trail_of_a_signed_requirement(repo, sign_as, invoke):  # type: ignore[no-untyped-def]
    first = head(repo)
    requester, receiver = sign_both(repo, sign_as)
    result = invoke("-C", repo, "trail", "RW-2024-001")
    assert result.code == 0, result
    assert result.out == (
        "提交          作者  邮箱                  时间              签字角色  git 验证\n"
        f"{receiver[:12]}  李娜  lina@example.com      2024-09-03 16:02  承接方    未加密签名\n"
        f"{requester[:12]}  张伟  zhangwei@example.com  2024-09-03 16:01  需求方    未加密签名\n"
        f"{first[:12]}  Test  test@example.com      2024-09-02 10:00  -         未加密签名\n"
        "共 3 次提交\n"
    )


def test_the_trail_as_json(repo, sign_as, invoke):  # type: ignore[no-untyped-def]
    first = head(repo)
    requester, receiver = sign_both(repo, sign_as)
    result = invoke("-C", repo, "trail", "RW-2024-001", "--format", "json")
    assert result.code == 0, result

    def item(commit, name, email, date, subject, signed):  # type: ignore[no-untyped-def]
        return {
            "commit": commit, "author": name, "email": email, "date": date,
            "subject": subject, "signed": signed,
            "verdict": "none", "key": None, "signer": None,
        }  # fmt: skip

    assert json.loads(result.out) == [
        item(receiver, "李娜", "lina@example.com", "2024-09-03T16:02:00+08:00",
             "RW-2024-001 确认签字:承接方 李娜", [{"record": "RW-2024-001", "role": "receiver"}]),
        item(requester, "张伟", "zhangwei@example.com", "2024-09-03T16:01:00+08:00",
             "RW-2024-001 确认签字:需求方 张伟",
             [{"record": "RW-2024-001", "role": "requester"}]),
        item(first, "Test", "test@example.com", "2024-09-02T10:00:00+08:00", "first", []),
    ]  # fmt: skip


def test_the_trail_follows_a_rename(repo, sign_as, invoke, as_person):  # type: ignore[no-untyped-def]
    first = head(repo)
    requester, receiver = sign_both(repo, sign_as)
    (repo / "records/requirements/2024").mkdir()
    moved = "records/requirements/2024/RW-2024-001.yaml"
    as_person("Test")
    git(repo, "mv", REQ, moved)
    git(repo, "commit", "-q", "-m", "requirements by year")
    result = invoke("-C", repo, "trail", "RW-2024-001", "--format", "json")
    assert [(i["commit"], i["subject"]) for i in json.loads(result.out)] == [
        (head(repo), "requirements by year"),
        (receiver, "RW-2024-001 确认签字:承接方 李娜"),
        (requester, "RW-2024-001 确认签字:需求方 张伟"),
        (first, "first"),
    ]
    # the signatures still hold: the requester's changed nothing and is found by name
    result = invoke("-C", repo, "lint", "--trail", moved)
    assert (result.code, result.out) == (0, ""), result


def test_an_action_owner_in_the_meeting_trail(repo, sign_as, invoke):  # type: ignore[no-untyped-def]
    first = head(repo)
    assert sign_as("赵磊", repo, "HY-2024-001/A2", "--role", "owner").code == 0
    signed = head(repo)
    result = invoke("-C", repo, "trail", "HY-2024-001")
    assert result.out == (
        "提交          作者  邮箱                 时间              签字角色   git 验证\n"
        f"{signed[:12]}  赵磊  zhaolei@example.com  2024-09-03 16:01  A2 负责人  未加密签名\n"
        f"{first[:12]}  Test  test@example.com     2024-09-02 10:00  -          未加密签名\n"
        "共 2 次提交\n"
    )
    result = invoke("-C", repo, "trail", "HY-2024-001/A2", "--format", "json")
    assert [(i["commit"], i["signed"]) for i in json.loads(result.out)] == [
        (signed, [{"record": "HY-2024-001/A2", "role": "owner"}]),
        (first, []),
    ]


def test_an_unknown_record(repo, invoke):  # type: ignore[no-untyped-def]
    result = invoke("-C", repo, "trail", "RW-2024-009")
    assert (result.code, result.err) == (2, "collab: 工作区中没有记录 RW-2024-009\n")
