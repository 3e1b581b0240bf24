"""Parsing `git log` output: trailers, verdicts, the blobs a commit wrote."""

from __future__ import annotations

from collabkit.trail.log import parse_log, signing_commits
from tests.helpers import git


def test_trailers_verdicts_and_blobs(repo, as_person):  # type: ignore[no-untyped-def]
    as_person("张伟")
    (repo / "note.txt").write_text("x\n")
    git(repo, "add", "note.txt")
    trailers = (
        "Collab-Record: RW-2024-001\nCollab-Signed: requester\n"
        "Collab-Record: HY-2024-001/A1\nCollab-Signed: owner"
    )
    git(repo, "commit", "-q", "-m", f"by hand\n\n{trailers}")
    git(repo, "commit", "-q", "--allow-empty", "-m", "no trailers")
    commits = signing_commits(repo, verify=True)
    assert len(commits) == 1
    (commit,) = commits
    assert commit.signs == (("RW-2024-001", "requester"), ("HY-2024-001/A1", "owner"))
    assert (commit.author, commit.email, commit.verdict) == ("张伟", "zhangwei@example.com", "none")
    blob = git(repo, "rev-parse", "HEAD~1:note.txt").strip()
    assert commit.blobs == (("note.txt", blob),)
    assert commit.at.isoformat() == "2024-09-03T16:01:00+08:00"
    assert commit.roles_for("HY-2024-001/A1") == ["owner"]


def test_lines_of_another_format_are_skipped() -> None:
    assert list(parse_log("\x1enot ours\x1f", verify=False, raw=False)) == []
    assert list(parse_log("", verify=True, raw=True)) == []


def test_before_the_first_commit(tmp_path):  # type: ignore[no-untyped-def]
    git(tmp_path, "init", "-q")
    assert signing_commits(tmp_path, verify=False) == []
