"""`collab sign`: a signature is a commit of the record file alone, by the signer."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import git
from tests.trail.conftest import COLLAB, MEET, REQ, REQUIREMENT, commit_files, head


def test_both_leads_sign_and_the_requirement_is_confirmed(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    first = sign_as("张伟", repo, "RW-2024-001", "--role", "requester",
                    "--now", "2024-09-03T15:00+08:00")  # fmt: skip
    assert first.code == 0, first
    assert first.out == f"RW-2024-001: 张伟 以需求方身份签字,提交 {head(repo)[:12]}\n"
    assert (repo / REQ).read_text(encoding="utf-8") == REQUIREMENT  # one side: nothing to set

    second = sign_as("李娜", repo, "RW-2024-001", "--role", "receiver",
                     "--now", "2024-09-03T16:00+08:00", "--message", "同意,按期上线")  # fmt: skip
    assert second.code == 0, second
    assert second.out == (
        "RW-2024-001: status sent → confirmed\n"
        "RW-2024-001: confirmed_at - → 2024-09-03 16:00\n"
        f"RW-2024-001: 李娜 以承接方身份签字,提交 {head(repo)[:12]}\n"
    )
    assert (repo / REQ).read_text(encoding="utf-8") == REQUIREMENT.replace(
        "status: sent\nsent_at: 2024-09-02 10:00\n",
        "status: confirmed\nsent_at: 2024-09-02 10:00\nconfirmed_at: 2024-09-03 16:00\n",
    )
    assert git(repo, "log", "-1", "--format=%an <%ae>%n%B") == (
        "李娜 <lina@example.com>\n"
        "RW-2024-001 确认签字:承接方 李娜\n\n同意,按期上线\n\n"
        "Collab-Record: RW-2024-001\nCollab-Signed: receiver\n\n"
    )
    assert commit_files(repo) == [REQ]
    assert git(repo, "status", "--porcelain") == ""


def test_english_workspace_says_it_in_english(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    config = repo / "collab.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh", "language: en"))
    git(repo, "commit", "-qam", "english")
    result = sign_as("张伟", repo, "RW-2024-001", "--role", "requester")
    assert result.out == f"RW-2024-001: 张伟 signed as requester, commit {head(repo)[:12]}\n"
    assert git(repo, "log", "-1", "--format=%s") == "RW-2024-001: signed by 张伟 as requester\n"


def test_a_forged_author_is_refused(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    before = head(repo)
    result = sign_as("王芳", repo, "RW-2024-001", "--role", "receiver")
    assert result.code == 2
    assert result.err == (
        "collab: git 会把本次提交的作者记为 王芳 <wangfang@example.com>,但 RW-2024-001 应由 "
        "李娜 <lina@example.com> 以 receiver 角色签字:请由本人签字(用其 git user.email),"
        "或用 --force(lint --trail 仍会标出)\n"
    )
    assert head(repo) == before


def test_force_signs_for_someone_else_and_says_so(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    result = sign_as("王芳", repo, "RW-2024-001", "--role", "receiver", "--force")
    assert result.code == 0, result
    assert result.out == f"RW-2024-001: 李娜 以承接方身份签字,提交 {head(repo)[:12]}\n"
    assert result.err == (
        "collab: 警告:提交作者 王芳 <wangfang@example.com> 不是 李娜 <lina@example.com>"
        "(--force);lint --trail 会标出\n"
    )
    assert git(repo, "log", "-1", "--format=%ae") == "wangfang@example.com\n"


def test_other_staged_changes_stay_staged_and_uncommitted(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    meeting = repo / MEET
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("3楼会议室", "5楼会议室"))
    git(repo, "add", MEET)
    collab = repo / COLLAB
    collab.write_text(collab.read_text(encoding="utf-8") + "# 未暂存的改动\n")
    staged_before = git(repo, "diff", "--cached")

    result = sign_as("张伟", repo, "RW-2024-001", "--role", "requester")
    assert result.code == 0, result
    assert commit_files(repo) == []  # the requester's signature changed nothing in the file
    assert git(repo, "show", "--format=", "--stat", "HEAD") == ""
    assert git(repo, "diff", "--cached") == staged_before
    assert git(repo, "status", "--porcelain") == f" M {COLLAB}\nM  {MEET}\n"

    result = sign_as("李娜", repo, "RW-2024-001", "--role", "receiver")
    assert result.code == 0, result
    assert commit_files(repo) == [REQ]
    assert git(repo, "diff", "--cached") == staged_before
    assert git(repo, "status", "--porcelain") == f" M {COLLAB}\nM  {MEET}\n"


def test_an_action_owner_confirms_the_action(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    result = sign_as("赵磊", repo, "HY-2024-001/A2", "--role", "owner")
    assert result.code == 0, result
    assert result.out == f"HY-2024-001/A2: 赵磊 以负责人身份签字,提交 {head(repo)[:12]}\n"
    assert git(repo, "log", "-1", "--format=%B") == (
        "HY-2024-001/A2 确认签字:负责人 赵磊\n\n"
        "Collab-Record: HY-2024-001/A2\nCollab-Signed: owner\n\n"
    )


def test_the_acceptor_signs_and_the_acceptance_gets_its_time(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    result = sign_as("张伟", repo, "XZ-2024-001", "--role", "acceptor",
                     "--now", "2024-09-20T10:00+08:00")  # fmt: skip
    assert result.code == 0, result
    assert result.out == (
        "XZ-2024-001: acceptance.at - → 2024-09-20 10:00\n"
        f"XZ-2024-001: 张伟 以验收人身份签字,提交 {head(repo)[:12]}\n"
    )
    assert "  by: 张伟\n  at: 2024-09-20 10:00\n" in (repo / COLLAB).read_text(encoding="utf-8")
    assert commit_files(repo) == [COLLAB]


def test_roles_and_items_are_checked(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    cases = {
        ("RW-2024-001", "owner"): "RW-2024-001 没有角色 owner;可用的角色:requester, receiver",
        ("HY-2024-001", "owner"): "会议的签字针对行动项:写成 HY-2024-001/A1 --role owner",
        ("HY-2024-001/A9", "owner"): "HY-2024-001 没有行动项 A9",
        ("RW-2024-001/P1", "requester"): "RW-2024-001 的签字针对整条记录,不针对 P1",
        ("RW-2024-009", "requester"): "工作区中没有记录 RW-2024-009",
    }
    for (ref, role), message in cases.items():
        result = sign_as("张伟", repo, ref, "--role", role)
        assert (result.code, result.err) == (2, f"collab: {message}\n"), (ref, role)


def test_uncommitted_edits_of_the_record_are_refused(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    record = repo / REQ
    record.write_text(record.read_text(encoding="utf-8").replace("priority: high", "priority: low"))
    result = sign_as("张伟", repo, "RW-2024-001", "--role", "requester")
    assert result.code == 2
    assert result.err == (
        f"collab: {REQ} 有未提交的改动:先提交或暂存起来(git commit / git stash),"
        "签字只确认已提交的内容\n"
    )
    git(repo, "add", REQ)  # staged but not committed: the same
    assert sign_as("张伟", repo, "RW-2024-001", "--role", "requester").code == 2


def test_an_uncommitted_record_is_refused(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    new = repo / "records/requirements/RW-2024-002.yaml"
    new.write_text(REQUIREMENT.replace("RW-2024-001", "RW-2024-002"), encoding="utf-8")
    result = sign_as("张伟", repo, "RW-2024-002", "--role", "requester")
    assert result.code == 2
    rel = "records/requirements/RW-2024-002.yaml"
    assert result.err == (
        f"collab: {rel} 还没有提交:先提交它(git add {rel} && git commit),再签字\n"
    )


def test_before_the_first_commit_it_says_what_to_do(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    git(repo, "update-ref", "-d", "refs/heads/main")  # as if nothing was ever committed
    result = sign_as("张伟", repo, "RW-2024-001", "--role", "requester")
    assert result.code == 2
    assert result.err == (
        "collab: 仓库还没有任何提交:先提交工作区(git add -A && git commit -m 初始化),再签字\n"
    )


def test_outside_a_repository_and_without_git(tmp_path, repo, invoke, monkeypatch):  # type: ignore[no-untyped-def]
    import shutil

    plain = tmp_path / "plain"
    shutil.copytree(repo, plain, ignore=shutil.ignore_patterns(".git"))
    result = invoke("-C", plain, "sign", "RW-2024-001", "--role", "requester")
    assert result.code == 2
    assert result.err == (
        f"collab: {plain} 不在 git 仓库中;先运行 `git init` 并提交工作区,签字才能记录为提交\n"
    )
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    for args in (["sign", "RW-2024-001", "--role", "requester"], ["trail", "RW-2024-001"],
                 ["lint", "--trail"], ["lint", "--against", "main"]):  # fmt: skip
        result = invoke("-C", repo, *args)
        assert (result.code, result.err) == (
            2, "collab: 找不到 git(未安装,或不在 PATH 中);签字与追溯需要 git\n"
        ), args  # fmt: skip
    assert invoke("-C", repo, "lint").code == 0  # the other commands do not need git


def test_a_failed_signing_commit_leaves_the_file_as_it_was(repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    assert sign_as("张伟", repo, "RW-2024-001", "--role", "requester").code == 0
    git(repo, "config", "gpg.format", "ssh")
    git(repo, "config", "user.signingkey", str(repo.parent / "no-such-key"))
    before = head(repo)
    result = sign_as("李娜", repo, "RW-2024-001", "--role", "receiver", "--gpg-sign")
    assert result.code == 2
    assert re.fullmatch(r"collab: 签字提交失败:.+\n", result.err), result.err
    assert (repo / REQ).read_text(encoding="utf-8") == REQUIREMENT
    assert head(repo) == before
    assert git(repo, "status", "--porcelain") == ""


def test_a_workspace_in_a_folder_of_the_repository(tmp_path, sign_as, invoke):  # type: ignore[no-untyped-def]
    from tests.helpers import MINIMAL_CONFIG, build_tree

    top = build_tree(tmp_path / "company", {
        "README.md": "company repository\n",
        "coordination/collab.yaml": MINIMAL_CONFIG,
        f"coordination/{REQ}": REQUIREMENT,
    })  # fmt: skip
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "first")
    ws = top / "coordination"
    assert sign_as("张伟", ws, "RW-2024-001", "--role", "requester").code == 0
    result = sign_as("李娜", ws, "RW-2024-001", "--role", "receiver", "--now", "2024-09-03T16:00")
    assert result.code == 0, result
    assert commit_files(top) == [f"coordination/{REQ}"]
    assert invoke("-C", ws, "lint", "--trail").out == ""
    path = ws / REQ
    path.write_text(path.read_text(encoding="utf-8").replace("priority: high", "priority: low"))
    lines = invoke("-C", ws, "lint", "--trail").out.splitlines()
    assert [line.split(" ")[2] for line in lines] == ["trail-changed", "trail-changed"]
    assert lines[0].startswith(f"{REQ}:15:1: ")


def test_an_invalid_record_is_not_signed(repo, sign_as):  # type: ignore[no-untyped-def]
    record = repo / REQ
    record.write_text(REQUIREMENT.replace("priority: high", "priority: urgent"), encoding="utf-8")
    git(repo, "commit", "-qam", "urgent")
    result = sign_as("张伟", repo, "RW-2024-001", "--role", "requester")
    assert result.code == 2
    assert result.err == (
        f"collab: {REQ}:13:11: priority: 'urgent' 不是可选值之一: 'high'、'medium' 或 'low'\n"
    )
