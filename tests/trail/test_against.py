"""`collab lint --against REF`: the same id taken on two branches, caught before the merge."""

from __future__ import annotations

from tests.helpers import git
from tests.trail.conftest import REQUIREMENT

NEW = "records/requirements/RW-2024-002.yaml"


def add_requirement(repo, title, *, commit=True):  # type: ignore[no-untyped-def]
    text = REQUIREMENT.replace("RW-2024-001", "RW-2024-002").replace("Q3 老用户复购活动", title)
    (repo / NEW).write_text(text, encoding="utf-8")
    if commit:
        git(repo, "add", NEW)
        git(repo, "commit", "-q", "-m", f"new requirement: {title}")


def two_branches(repo):  # type: ignore[no-untyped-def]
    """main and feature both add RW-2024-002, for different requirements; on feature now."""
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "feature")
    add_requirement(repo, "会员积分改版")
    git(repo, "checkout", "-q", "main")
    add_requirement(repo, "双十一预热活动")
    git(repo, "checkout", "-q", "feature")
    return base


def clash_line(base: str, ref: str = "main") -> str:
    return (
        f"{NEW}:2:5: error id-clash RW-2024-002 自分叉点 {base[:12]} 以来在 {ref} 上也被新增,"
        f"但那是另一条记录({NEW}):合并前运行 `collab renumber RW-2024-002` "
        "为本分支的这条记录换一个编号\n"
    )


def test_the_same_id_added_on_two_branches(repo, invoke):  # type: ignore[no-untyped-def]
    base = two_branches(repo)
    result = invoke("-C", repo, "lint", "--against", "main")
    assert result.code == 1
    assert result.out == clash_line(base)
    assert invoke("-C", repo, "lint").code == 0  # each branch on its own is fine


def test_renumbering_clears_it(repo, invoke):  # type: ignore[no-untyped-def]
    two_branches(repo)
    assert invoke("-C", repo, "renumber", "RW-2024-002").code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "renumber")
    result = invoke("-C", repo, "lint", "--against", "main")
    assert (result.code, result.out) == (0, ""), result


def test_an_uncommitted_new_record_counts(repo, invoke):  # type: ignore[no-untyped-def]
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "other")
    add_requirement(repo, "双十一预热活动")
    git(repo, "checkout", "-q", "main")
    add_requirement(repo, "会员积分改版", commit=False)  # written by `collab new`, not committed
    result = invoke("-C", repo, "lint", "--against", "other")
    assert (result.code, result.out) == (1, clash_line(base, "other"))


def test_the_same_record_on_both_sides_is_no_clash(repo, invoke):  # type: ignore[no-untyped-def]
    git(repo, "checkout", "-q", "-b", "feature")
    add_requirement(repo, "会员积分改版")
    picked = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "main")
    git(repo, "cherry-pick", picked)
    git(repo, "checkout", "-q", "feature")
    result = invoke("-C", repo, "lint", "--against", "main")
    assert (result.code, result.out) == (0, ""), result


def test_a_ref_that_is_not_there(repo, invoke):  # type: ignore[no-untyped-def]
    for ref in ("origin/main", "-x"):
        result = invoke("-C", repo, "lint", f"--against={ref}")
        assert (result.code, result.err) == (
            2, f"collab: --against:{ref} 不是本仓库中的分支、标签或提交\n"
        )  # fmt: skip
