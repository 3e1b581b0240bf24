"""The rendered 确认签字 row comes from the git trail: who signed, when, which commit."""

from __future__ import annotations

from pathlib import Path

from tests.trail.conftest import REQ, head


def test_render_shows_who_signed_and_which_commit(invoke, repo: Path, sign_as) -> None:  # type: ignore[no-untyped-def]
    before = invoke("-C", repo, "render", "RW-2024-001")
    assert before.code == 0, before
    assert before.out.count("未签字") == 2, before.out
    assert sign_as("张伟", repo, "RW-2024-001", "--role", "requester").code == 0
    first = head(repo)
    once = invoke("-C", repo, "render", "RW-2024-001").out
    assert once.count("未签字") == 1, once
    signed = [line for line in once.splitlines() if first[:7] in line]
    assert signed and "张伟" in signed[0], once
    assert sign_as("李娜", repo, "RW-2024-001", "--role", "receiver").code == 0
    both = invoke("-C", repo, "render", "RW-2024-001").out
    assert "未签字" not in both and head(repo)[:7] in both, both
    assert (repo / REQ).is_file()
