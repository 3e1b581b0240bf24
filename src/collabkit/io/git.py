"""The one place collab runs `git`: argument lists, never a shell, output as text or bytes.

Everything that asks git something goes through `run_git` / `run_git_bytes`; the helpers
below are the few questions several commands share (where the repository is, what HEAD is,
who the author is).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from collabkit.errors import CollabError
from collabkit.i18n import msg


class GitUnavailable(CollabError):
    """git is not installed, or the folder is not inside a git repository."""


@dataclass(frozen=True, slots=True)
class GitResult:
    code: int
    out: str
    err: str


@dataclass(frozen=True, slots=True)
class GitBytes:
    code: int
    out: bytes
    err: str


def git_path() -> str | None:
    return shutil.which("git")


def run_git_bytes(
    cwd: Path,
    args: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
    check: bool = True,
) -> GitBytes:
    """Run `git ARGS` in `cwd`, stdout as bytes. With `check`, a failure is a CollabError."""
    exe = git_path()
    if exe is None:
        raise GitUnavailable(msg("git.missing"))
    done = subprocess.run(
        [exe, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env={**os.environ, **env} if env is not None else None,
        check=False,
    )
    result = GitBytes(done.returncode, done.stdout, done.stderr.decode("utf-8", "replace"))
    if check and result.code != 0:
        lines = (result.err.strip() or result.out.decode("utf-8", "replace").strip()).splitlines()
        detail = lines[0] if lines else str(result.code)
        raise CollabError(msg("git.failed", command=args[0], detail=detail))
    return result


def run_git(
    cwd: Path,
    args: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
    check: bool = True,
) -> GitResult:
    """Run `git ARGS` in `cwd`. With `check`, a failure is a CollabError naming the command."""
    done = run_git_bytes(cwd, args, env=env, stdin=stdin, check=check)
    return GitResult(done.code, done.out.decode("utf-8", "replace"), done.err)


def toplevel(folder: Path) -> Path | None:
    """The top of the git work tree holding `folder`, or None (also without git)."""
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def require_repo(folder: Path) -> Path:
    """The top of the work tree holding `folder`; a clear error (exit 2) without git or a
    repository."""
    if git_path() is None:
        raise GitUnavailable(msg("git.missing"))
    result = run_git(folder, ["rev-parse", "--show-toplevel"], check=False)
    if result.code != 0 or not result.out.strip():
        raise GitUnavailable(msg("git.not_repo", folder=str(folder)))
    return Path(result.out.strip())


def head_commit(top: Path) -> str | None:
    """The commit HEAD points at, or None before the repository's first commit."""
    result = run_git(top, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], check=False)
    return result.out.strip() or None if result.code == 0 else None


def config_value(cwd: Path, key: str) -> str | None:
    """`git config KEY` as git sees it from `cwd`, or None when unset or without git."""
    if git_path() is None:
        return None
    result = run_git(cwd, ["config", "--get", key], check=False)
    value = result.out.strip()
    return value or None if result.code == 0 else None


def config_bool(cwd: Path, key: str) -> bool:
    """`git config --bool KEY` is true (unset, or without git: false)."""
    if git_path() is None:
        return False
    result = run_git(cwd, ["config", "--bool", "--get", key], check=False)
    return result.code == 0 and result.out.strip() == "true"


_IDENT = re.compile(r"^(?P<name>.*?) <(?P<email>[^<>]*)> \d+ [+-]\d{4}$")


@dataclass(frozen=True, slots=True)
class Identity:
    name: str
    email: str


def author_identity(top: Path) -> Identity:
    """Who git would record as the author of a commit made now (`git var GIT_AUTHOR_IDENT`)."""
    result = run_git(top, ["var", "GIT_AUTHOR_IDENT"], check=False)
    match = _IDENT.match(result.out.strip()) if result.code == 0 else None
    if match is None:
        raise CollabError(msg("git.no_identity"))
    return Identity(match["name"], match["email"])


def is_option_like(text: str) -> bool:
    """A value that git would read as an option: never pass one where a name belongs."""
    return text.startswith("-")
