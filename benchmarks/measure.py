"""Timing whole processes: wall time, peak RSS (from `wait4`), exit code and stdout of each (and
stderr when asked)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CACHE_DIRS = (".collab-cache",)  # collab's own cache inside a workspace (see .gitignore)


@dataclass
class Run:
    seconds: float
    rss_mb: float
    code: int
    out: bytes = b""
    err: bytes = b""


SPAWNER = """
import json, os, subprocess, sys, time
for line in sys.stdin:
    job = json.loads(line)
    with open(job["out"], "wb") as out, open(job["err"] or os.devnull, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(job["argv"], cwd=job["cwd"], env=job["env"], stdout=out,
                                stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    print(json.dumps([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]), flush=True)
"""


class Spawner:
    """Starts the measured processes from a small helper process.

    On Linux a child's peak RSS (`ru_maxrss`) starts from its parent's memory at fork/exec, so
    children of this (growing) script would all report at least its size. The helper stays at
    the size of a bare Python, which is the floor of every RSS reported here.
    """

    _proc: subprocess.Popen[str] | None = None

    @classmethod
    def start(cls) -> None:
        cls._proc = subprocess.Popen(
            [sys.executable, "-c", SPAWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip

    @classmethod
    def stop(cls) -> None:
        if cls._proc is not None:
            assert cls._proc.stdin is not None
            cls._proc.stdin.close()
            cls._proc.wait()
            cls._proc = None

    @classmethod
    def run(
        cls, argv: list[str], cwd: Path | None, env: dict[str, str] | None, stderr: bool
    ) -> Run:
        if cls._proc is None:
            cls.start()
        assert cls._proc is not None and cls._proc.stdin and cls._proc.stdout
        names = []
        for _ in range(2 if stderr else 1):
            with tempfile.NamedTemporaryFile(delete=False) as out:
                names.append(out.name)
        try:
            job = {
                "argv": argv, "cwd": str(cwd) if cwd else None, "env": env, "out": names[0],
                "err": names[1] if stderr else None,
            }  # fmt: skip
            cls._proc.stdin.write(json.dumps(job) + "\n")
            cls._proc.stdin.flush()
            seconds, rss_kb, code = json.loads(cls._proc.stdout.readline())
            err = Path(names[1]).read_bytes() if stderr else b""
            return Run(seconds, rss_kb / 1024, code, Path(names[0]).read_bytes(), err)
        finally:
            for name in names:
                os.unlink(name)


def run_process(
    argv: list[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    *,
    stderr: bool = False,
) -> Run:
    """One whole process: wall time, peak RSS (from wait4), exit code, stdout (and stderr when
    `stderr`; otherwise it goes nowhere)."""
    return Spawner.run(argv, cwd, env, stderr)


def repeat(
    k: int, once: Callable[[], Run], before: Callable[[int], None] | None = None
) -> list[Run]:
    runs = []
    for i in range(k):
        if before is not None:
            before(i)
        runs.append(once())
    return runs


def clear_cache(root: Path) -> None:
    for name in CACHE_DIRS:
        shutil.rmtree(root / name, ignore_errors=True)


def cold_and_warm(argv: list[str], root: Path, k: int) -> tuple[list[Run], list[Run]]:
    """K runs without collab's cache, then (after one run to write it) K runs with it."""
    cold = repeat(k, lambda: run_process(argv), lambda _: clear_cache(root))
    run_process(argv)
    return cold, repeat(k, lambda: run_process(argv))


def compile_collab() -> str:
    """Write collabkit's bytecode, as `pip install` does: an editable install under
    PYTHONDONTWRITEBYTECODE would otherwise compile ~130 modules from source in every run
    (40-80 ms that no installed collab pays). Returns the package folder."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("collabkit")
    assert spec is not None and spec.submodule_search_locations, "collabkit is not installed"
    folder = next(iter(spec.submodule_search_locations))
    compileall.compile_dir(folder, quiet=1)
    return folder


def collab_command() -> list[str]:
    script = Path(sys.executable).parent / "collab"
    return [str(script)] if script.exists() else [sys.executable, "-m", "collabkit"]


def collab_with_python(*flags: str) -> list[str]:
    """`collab` started by this Python with interpreter `flags` (`-X importtime`): the same
    entry-point script as `collab_command`, else `-m collabkit`."""
    script = Path(sys.executable).parent / "collab"
    target = [str(script)] if script.exists() else ["-m", "collabkit"]
    return [sys.executable, *flags, *target]
