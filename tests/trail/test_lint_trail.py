"""`collab lint --trail [--require-signed]`: what the records claim, checked against git."""

from __future__ import annotations

from tests.helpers import git
from tests.trail.conftest import COLLAB, MEET, REQ, allow_signers, head, use_key

CONFIRMED = "2024-09-03T16:02+08:00"


def edit(repo, rel, old, new, *, commit=True):  # type: ignore[no-untyped-def]
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    if commit:
        git(repo, "commit", "-q", "-am", f"edit {rel}")


def sign_both(repo, sign_as):  # type: ignore[no-untyped-def]
    assert sign_as("张伟", repo, "RW-2024-001", "--role", "requester").code == 0
    requester = head(repo)
    result = sign_as("李娜", repo, "RW-2024-001", "--role", "receiver", "--now", CONFIRMED)
    assert result.code == 0, result
    return requester, head(repo)


def test_a_hand_edited_status_without_signatures(repo, invoke):  # type: ignore[no-untyped-def]
    edit(repo, REQ, "status: sent\n", "status: confirmed\nconfirmed_at: 2024-09-03 16:00\n")
    result = invoke("-C", repo, "lint", "--trail")
    assert result.code == 1
    assert result.out == (
        f"{REQ}:15:1: error trail-unsigned RW-2024-001 的状态为 confirmed,但承接方 李娜 尚未签字:"
        "运行 `collab sign RW-2024-001 --role receiver`\n"
        f"{REQ}:15:1: error trail-unsigned RW-2024-001 的状态为 confirmed,但需求方 张伟 尚未签字:"
        "运行 `collab sign RW-2024-001 --role requester`\n"
    )
    assert invoke("-C", repo, "lint").code == 0  # without --trail, git is not asked


def test_signed_by_both_is_clean_and_events_may_change(repo, sign_as, invoke):  # type: ignore[no-untyped-def]
    sign_both(repo, sign_as)
    edit(repo, REQ, "status: confirmed", "status: in_progress")
    edit(repo, REQ, "sent_at: 2024-09-02 10:00", "sent_at: 2024-09-02 11:00", commit=False)
    result = invoke("-C", repo, "lint", "--trail")
    assert (result.code, result.out) == (0, ""), result


def test_a_change_after_signing_needs_signing_again(repo, sign_as, invoke):  # type: ignore[no-untyped-def]
    requester, receiver = sign_both(repo, sign_as)
    edit(repo, REQ, "goal: 30天内老用户复购率提升至12%", "goal: 30天内复购率提升至10%")
    edit(repo, REQ, "priority: high", "priority: medium", commit=False)  # uncommitted counts too
    result = invoke("-C", repo, "lint", "--trail")
    assert result.code == 1
    assert result.out == (
        f"{REQ}:15:1: error trail-changed RW-2024-001 在承接方 李娜 签字(提交 {receiver[:12]})"
        "之后改动了 goal, priority:需重新签字 `collab sign RW-2024-001 --role receiver`\n"
        f"{REQ}:15:1: error trail-changed RW-2024-001 在需求方 张伟 签字(提交 {requester[:12]})"
        "之后改动了 goal, priority:需重新签字 `collab sign RW-2024-001 --role requester`\n"
    )
    git(repo, "commit", "-q", "-am", "priority")
    sign_both(repo, sign_as)
    assert invoke("-C", repo, "lint", "--trail").out == ""


def test_a_forced_signature_is_flagged(repo, sign_as, invoke):  # type: ignore[no-untyped-def]
    assert sign_as("张伟", repo, "RW-2024-001", "--role", "requester").code == 0
    result = sign_as("王芳", repo, "RW-2024-001", "--role", "receiver", "--force")
    assert result.code == 0
    forged = head(repo)
    result = invoke("-C", repo, "lint", "--trail")
    # 王芳's signature does not count: the requirement is not confirmed, and lint says why
    assert "status: sent\n" in (repo / REQ).read_text(encoding="utf-8")
    assert result.code == 1
    assert result.out == (
        f"{REQ}:15:1: error trail-author RW-2024-001 的承接方签字提交 {forged[:12]} 由 "
        "王芳 <wangfang@example.com> 作出,不是 李娜 <lina@example.com>;"
        "请 李娜 本人运行 `collab sign RW-2024-001 --role receiver`\n"
    )


def test_actions_and_acceptances_signed_then_changed(repo, sign_as, invoke):  # type: ignore[no-untyped-def]
    assert sign_as("赵磊", repo, "HY-2024-001/A2", "--role", "owner").code == 0
    owner = head(repo)
    result = sign_as("张伟", repo, "XZ-2024-001", "--role", "acceptor", "--now", CONFIRMED)
    assert result.code == 0
    acceptor = head(repo)
    assert invoke("-C", repo, "lint", "--trail").out == ""

    edit(repo, MEET, "due: 2024-09-13", "due: 2024-09-20")
    edit(repo, MEET, "deliverable: 《销售话术》初稿", "deliverable: 《销售话术》")  # A1: unsigned
    edit(repo, COLLAB, "comments: 素材符合规范", "comments: 素材基本符合规范")
    result = invoke("-C", repo, "lint", "--trail")
    assert result.code == 1
    assert result.out == (
        f"{COLLAB}:10:1: error trail-changed XZ-2024-001 在验收人 张伟 签字(提交 "
        f"{acceptor[:12]})之后改动了 comments:需重新签字 "
        "`collab sign XZ-2024-001 --role acceptor`\n"
        f"{MEET}:20:5: error trail-changed HY-2024-001/A2 在负责人 赵磊 签字(提交 {owner[:12]})"
        "之后改动了 due:需重新签字 `collab sign HY-2024-001/A2 --role owner`\n"
    )


def test_only_the_files_asked_for(repo, sign_as, invoke):  # type: ignore[no-untyped-def]
    edit(repo, REQ, "status: sent", "status: delivered")
    assert sign_as("赵磊", repo, "HY-2024-001/A2", "--role", "owner").code == 0
    edit(repo, MEET, "task: 输出宣传排期表", "task: 输出排期表")
    result = invoke("-C", repo, "lint", "--trail", "records/meetings")
    assert result.code == 1
    assert [line.split(" error ")[1].split(" ")[0] for line in result.out.splitlines()] == [
        "trail-changed"
    ]
    assert result.out.startswith(f"{MEET}:20:5: ")


def test_an_unsigned_commit_under_require_signed(repo, sign_as, invoke):  # type: ignore[no-untyped-def]
    requester, receiver = sign_both(repo, sign_as)
    assert invoke("-C", repo, "lint", "--trail").out == ""
    result = invoke("-C", repo, "lint", "--trail", "--require-signed")
    assert result.code == 1
    assert result.out == (
        f"{REQ}:15:1: error trail-unverified RW-2024-001 的承接方 李娜 签字提交 {receiver[:12]} "
        "未通过 git 的签名验证(未加密签名)\n"
        f"{REQ}:15:1: error trail-unverified RW-2024-001 的需求方 张伟 签字提交 {requester[:12]} "
        "未通过 git 的签名验证(未加密签名)\n"
    )
    assert invoke("-C", repo, "lint", "--require-signed").out == result.out  # implies --trail


def test_ssh_signed_commits_are_verified(repo, sign_as, invoke, ssh_key):  # type: ignore[no-untyped-def]
    zhang, li = ssh_key("zhangwei"), ssh_key("lina")
    allow_signers(repo, {"zhangwei@example.com": zhang, "lina@example.com": li})
    use_key(repo, zhang)  # commit.gpgsign: collab signs without being asked
    result = sign_as("张伟", repo, "RW-2024-001", "--role", "requester")
    assert result.out.endswith("\n该提交已加密签名\n"), result
    use_key(repo, li, always=False)
    git(repo, "config", "--unset", "commit.gpgsign")
    result = sign_as("李娜", repo, "RW-2024-001", "--role", "receiver", "--now", CONFIRMED,
                     "--gpg-sign")  # fmt: skip
    assert result.out.endswith("\n该提交已加密签名\n"), result
    result = invoke("-C", repo, "lint", "--trail", "--require-signed")
    assert (result.code, result.out) == (0, ""), result

    trail = invoke("-C", repo, "trail", "RW-2024-001").out.splitlines()
    assert [line.split("  ")[-1] for line in trail[1:3]] == ["签名有效", "签名有效"]


def test_a_signature_made_with_someone_elses_key(repo, sign_as, invoke, ssh_key):  # type: ignore[no-untyped-def]
    zhang, stranger = ssh_key("zhangwei"), ssh_key("stranger")
    allow_signers(repo, {"zhangwei@example.com": zhang})
    use_key(repo, zhang)
    _, receiver = sign_both(repo, sign_as)  # 李娜 signed with 张伟's key
    result = invoke("-C", repo, "lint", "--trail", "--require-signed")
    assert result.out == (
        f"{REQ}:15:1: error trail-unverified RW-2024-001 的承接方签字提交 {receiver[:12]} "
        "使用的是 zhangwei@example.com 的密钥,不是 李娜 <lina@example.com> 的\n"
    )
    use_key(repo, stranger)  # a key git does not know
    assert sign_as("张伟", repo, "RW-2024-001", "--role", "requester").code == 0
    unknown = head(repo)
    result = invoke("-C", repo, "lint", "--trail", "--require-signed")
    assert result.out.splitlines()[1] == (
        f"{REQ}:15:1: error trail-unverified RW-2024-001 的需求方 张伟 签字提交 {unknown[:12]} "
        "未通过 git 的签名验证(密钥未知)"
    )


def test_in_english(repo, invoke):  # type: ignore[no-untyped-def]
    edit(repo, "collab.yaml", "language: zh", "language: en")
    edit(repo, REQ, "status: sent", "status: accepted")
    result = invoke("-C", repo, "lint", "--trail")
    assert result.out == (
        f"{REQ}:15:1: error trail-unsigned RW-2024-001 claims status accepted but 张伟 (requester) "
        "has not signed: run `collab sign RW-2024-001 --role requester`\n"
        f"{REQ}:15:1: error trail-unsigned RW-2024-001 claims status accepted but 李娜 (receiver) "
        "has not signed: run `collab sign RW-2024-001 --role receiver`\n"
    )


def test_a_signer_without_an_email(repo, sign_as, invoke):  # type: ignore[no-untyped-def]
    edit(repo, "collab.yaml", "  - {name: 赵磊, department: 技术部, email: zhaolei@example.com}",
         "  - {name: 赵磊, department: 技术部}")  # fmt: skip
    result = sign_as("赵磊", repo, "HY-2024-001/A2", "--role", "owner")
    assert (result.code, result.err) == (2, (
        "collab: collab.yaml 的 people 中 赵磊 没有 email,无法核对 HY-2024-001/A2 以 owner "
        "角色签字的人;请补上 email(或用 --force 签字,lint --trail 仍会标出)\n"
    ))  # fmt: skip
    assert sign_as("赵磊", repo, "HY-2024-001/A2", "--role", "owner", "--force").code == 0
    result = invoke("-C", repo, "lint", "--trail")
    assert result.out == (
        f"{MEET}:20:5: error trail-no-email HY-2024-001/A2 的负责人 赵磊 在 collab.yaml 的 people "
        "中没有 email,无法核对签字\n"
    )
