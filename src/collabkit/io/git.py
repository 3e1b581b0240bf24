"""The one place collab runs `git`: argument lists, never a shell, output as text."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from collabkit.errors import CollabError


class GitUnavailable(CollabError):
    """git is not installed, or the folder is not inside a git repository."""


@dataclass(frozen=True, slots=True)
class GitResult:
    code: int
    out: str
    err: str


def git_path() -> str | None:
    return shutil.which("git")


def run_git(
    cwd: Path,
    args: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
    check: bool = True,
) -> GitResult:
    """Run `git ARGS` in `cwd`. With `check`, a failure is a CollabError naming the command."""
    exe = git_path()
    if exe is None:
        raise GitUnavailable("git is not installed (or not on PATH)")
    import os

    done = subprocess.run(
        [exe, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env={**os.environ, **env} if env is not None else None,
        check=False,
    )
    result = GitResult(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )
    if check and result.code != 0:
        first = (result.err.strip() or result.out.strip()).splitlines()
        raise CollabError(f"git {args[0]} failed: {first[0] if first else result.code}")
    return result


def toplevel(folder: Path) -> Path | None:
    """The top of the git work tree holding `folder`, or None (also without git)."""
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def config_value(cwd: Path, key: str) -> str | None:
    """`git config KEY` as git sees it from `cwd`, or None when unset or without git."""
    if git_path() is None:
        return None
    result = run_git(cwd, ["config", "--get", key], check=False)
    value = result.out.strip()
    return value or None if result.code == 0 else None
