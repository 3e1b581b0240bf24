"""Committing one record file, and nothing else the user staged.

The commit is built on a temporary index (`GIT_INDEX_FILE`): HEAD's tree, plus the record
file as it is on disk. `commit-tree` makes the commit, `update-ref` moves the branch only if
HEAD is still where it was, and the user's own index is told about the one file that is now
committed; their other staged changes stay staged, exactly as they were.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from collabkit.errors import CollabError, UsageError
from collabkit.i18n import msg
from collabkit.io.git import config_bool, head_commit, run_git


@dataclass(frozen=True, slots=True)
class FileState:
    """A file's state in the work tree and the index, against HEAD."""

    tracked: bool
    clean: bool


def require_head(top: Path) -> str:
    """HEAD's commit; before the first commit, say what to do."""
    head = head_commit(top)
    if head is None:
        raise UsageError(msg("sign.no_commit"))
    return head


def file_state(top: Path, path: str) -> FileState:
    """Whether `path` (from the top) is committed, and without staged or unstaged edits."""
    status = run_git(top, ["status", "--porcelain=v1", "-z", "--", path]).out
    if status.startswith("??"):
        return FileState(tracked=False, clean=False)
    if not status:
        tracked = run_git(top, ["ls-files", "--error-unmatch", "--", path], check=False).code == 0
        return FileState(tracked=tracked, clean=tracked)
    return FileState(tracked=True, clean=False)


def wants_signature(top: Path, asked: bool) -> bool:
    """Sign the commit: asked for (`--gpg-sign`), or git is set up to (`commit.gpgsign`)."""
    return asked or config_bool(top, "commit.gpgsign")


def commit_file(top: Path, path: str, message: str, *, head: str, sign: bool) -> str:
    """Commit the work-tree version of `path` (from the top) on top of `head`; the new
    commit's hash. Nothing else of the index or the work tree is committed or changed."""
    with tempfile.TemporaryDirectory(prefix="collab-sign-") as folder:
        env = {"GIT_INDEX_FILE": str(Path(folder) / "index")}
        run_git(top, ["read-tree", head], env=env)
        run_git(top, ["update-index", "--add", "--", path], env=env)
        tree = run_git(top, ["write-tree"], env=env).out.strip()
    args = ["commit-tree", *(["-S"] if sign else []), tree, "-p", head, "-F", "-"]
    made = run_git(top, args, stdin=message.encode("utf-8"), check=False)
    if made.code != 0:
        lines = made.err.strip().splitlines()
        detail = lines[0] if lines else str(made.code)
        raise CollabError(msg("sign.commit_failed", detail=detail))
    commit = made.out.strip()
    subject = message.splitlines()[0]
    run_git(top, ["update-ref", "-m", f"collab sign: {subject}", "HEAD", commit, head])
    run_git(top, ["update-index", "--", path])  # the user's index: this file is committed now
    return commit
