"""Shared fixtures: temp workspaces, an `invoke` helper, and a guard against stray writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from collabkit.cli import run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "handbook"
NOW = "2024-10-14T09:00:00+08:00"

MINIMAL_CONFIG = """\
language: zh
timezone: Asia/Shanghai
departments: [市场部, 运营部, 技术部, 销售部]
people:
  - {name: 张伟, department: 市场部, email: zhangwei@example.com}
  - {name: 李娜, department: 运营部, email: lina@example.com}
  - {name: 王芳, department: 销售部, email: wangfang@example.com}
  - {name: 赵磊, department: 技术部, email: zhaolei@example.com}
"""


@dataclass
class Result:
    code: int
    out: str
    err: str

    def __str__(self) -> str:
        return f"exit {self.code}\n--- stdout ---\n{self.out}\n--- stderr ---\n{self.err}"


@pytest.fixture
def invoke(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `collab ARGS` in-process; the Result prints everything when an assert fails."""

    def _invoke(*args: str | Path) -> Result:
        capsys.readouterr()
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _invoke


def run_collab(*args: str | Path, cwd: Path | None = None, stdin: str | None = None) -> Result:
    """Run the real `collab` in a subprocess (for what needs a process: exit, signals, ttys)."""
    proc = subprocess.run(
        [sys.executable, "-m", "collabkit", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, input=stdin, timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def build_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (relative path → text or bytes) under `root`."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """An empty workspace with a small people/department registry."""
    return build_tree(tmp_path / "ws", {"collab.yaml": MINIMAL_CONFIG, "records/.keep": ""})


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A copy of the bundled example workspace inside a fresh git repository."""
    target = tmp_path / "handbook"
    shutil.copytree(EXAMPLES, target)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "examples")
    return target


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }.items():
        monkeypatch.setenv(key, value)


@pytest.fixture(autouse=True)
def _no_writes_outside_tmp(tmp_path: Path) -> Iterator[None]:
    """Fail a test that creates or changes files in the project tree."""
    before = _snapshot(ROOT)
    yield
    after = _snapshot(ROOT)
    changed = sorted(set(before.items()) ^ set(after.items()))
    assert not changed, f"test wrote inside the project: {changed[:5]}"


def _snapshot(root: Path) -> dict[str, float]:
    watched = [root / "examples", root / "src", root / "tests"]
    out: dict[str, float] = {}
    for top in watched:
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if d not in ("__pycache__", ".hypothesis")]
            for name in files:
                if name.endswith(".pyc"):
                    continue
                path = os.path.join(folder, name)
                out[path] = os.stat(path).st_mtime
    return out
