"""Helpers the tests share: results of a run, temp trees, git, the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "handbook"
SCENARIOS = ROOT / "tests" / "scenarios"
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


def run_collab(
    *args: str | Path,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    """Run the real `collab` in a subprocess (for what needs a process: exit, signals, ttys)."""
    proc = subprocess.run(
        [sys.executable, "-m", "collabkit", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, input=stdin, timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
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


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


@dataclass
class Screen:
    """What a command wrote to a terminal (stdout and stderr together) and its exit code."""

    code: int
    text: str

    def __str__(self) -> str:
        return f"exit {self.code}\n--- terminal ---\n{self.text}"


def run_in_pty(
    *args: str | Path,
    cwd: Path,
    columns: int = 200,
    typed: bytes = b"",
    env: dict[str, str] | None = None,
) -> Screen:
    """Run the real `collab` on a pseudo-terminal `columns` wide (for colours, widths and
    what reaches a terminal); `typed` is sent as keystrokes."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    clean = {k: v for k, v in os.environ.items()
             if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "collabkit", *map(str, args)],
        cwd=cwd, stdin=slave, stdout=slave, stderr=slave, close_fds=True,
        env={**clean, "TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8", **(env or {})},
    )
    os.close(slave)
    if typed:
        os.write(master, typed)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    code = proc.wait(timeout=120)
    return Screen(code, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n"))


def count_forks(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """Let `workspace.parallel` fork as it does, counting each fork (a 1 per fork)."""
    from collabkit.workspace import parallel

    forks: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(parallel.os, "fork", counted_fork)
    return forks
