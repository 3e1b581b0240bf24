"""Degraded environments: each a clear message and the right exit code, never a traceback
or exit 70 (issue 21): no git, a read-only workspace, a full disk, no timezone database,
an unknown timezone, far years, a non-UTF-8 locale, a reader that stops reading."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, NOW, build_tree

PY = [sys.executable, "-m", "collabkit"]


def run_raw(args: list[str], *, cwd: Path, env: dict[str, str] | None = None,
            drop: tuple[str, ...] = (), **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """The real command; output as bytes, so that its encoding is part of what is tested."""
    environment = {k: v for k, v in os.environ.items() if k not in drop} | (env or {})
    return subprocess.run([*PY, *args], cwd=cwd, env=environment, capture_output=True,
                          timeout=120, check=False, **kwargs)  # type: ignore[call-overload,no-any-return]


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


# --- no git ------------------------------------------------------------------------------------


def test_owner_me_without_git_says_git_is_missing(invoke, handbook, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", str(handbook / "no-such-folder"))
    for command in (["overdue", "--now", NOW], ["due", "--now", NOW], ["list"]):
        result = invoke("-C", handbook, *command, "--owner", "@me")
        assert (result.code, result.out) == (2, ""), result
        assert result.err == "collab: --owner @me 需要 git,但找不到 git(未安装,或不在 PATH 中)\n"
    assert invoke("-C", handbook, "overdue", "--now", NOW).code == 0  # nothing else needs it


# --- arguments that are not text -----------------------------------------------------------


def test_an_argument_that_is_not_utf8_is_a_usage_error(invoke, handbook):  # type: ignore[no-untyped-def]
    """Bytes the locale could not decode reach Python as surrogates (`$'a\\x85b'` in bash)."""
    before = snapshot(handbook)
    result = invoke("-C", handbook, "new", "meeting", "--no-input", "--title", "a\udc85b")
    assert (result.code, result.out, result.err) == (2, "", "collab: 参数不是 UTF-8 文本:a\\x85b\n")
    assert snapshot(handbook) == before


# --- a read-only workspace ------------------------------------------------------------------


MOUNT_READ_ONLY = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'


def read_only_runner() -> tuple[list[str], str] | None:
    """How to run collab on a workspace it cannot write, and the words it then says: by
    permissions for a user; for root, whom permissions do not stop, in a private mount
    namespace where the workspace is mounted read-only (a real read-only file system)."""
    if os.geteuid() != 0:
        return [], "没有写入权限,未写入任何内容(原文件保持不变)"
    unshare = shutil.which("unshare")
    probe = Path(tempfile.mkdtemp(prefix="collab-probe-"))
    try:
        works = unshare is not None and subprocess.run(
            [unshare, "-m", "--", "sh", "-c", MOUNT_READ_ONLY, str(probe), "true"],
            capture_output=True, check=False).returncode == 0
    finally:
        probe.rmdir()
    if not works:
        return None
    command = [str(unshare), "-m", "--", "sh", "-c", MOUNT_READ_ONLY]
    return command, "文件系统为只读,未写入任何内容(原文件保持不变)"


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A copy of the handbook; its files and folders not writable (for a user)."""
    ws = tmp_path / "handbook"
    shutil.copytree(EXAMPLES, ws)
    for path in [ws, *ws.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    yield ws
    for path in [ws, *ws.rglob("*")]:
        path.chmod(0o755)


# Runs several command lines in one process (a process each would cost seconds).
DRIVER = """
import contextlib, io, json, sys
from collabkit.cli import run
results = []
for args in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(args)
    results.append([code, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""
READS = [["lint"], ["overdue", "--now", NOW], ["due", "--now", NOW], ["list"],
         ["show", "HY-2024-002", "--now", NOW]]
WRITES = [(["set", "HY-2024-002", "location", "302"], "records/meetings/HY-2024-002.yaml"),
          (["done", "HY-2024-002/A1", "--now", NOW], "records/meetings/HY-2024-002.yaml"),
          (["progress", "HY-2024-002/A1", "过半", "--now", NOW],
           "records/meetings/HY-2024-002.yaml"),
          (["new", "meeting", "--no-input", "--now", NOW], "records/meetings/HY-2024-003.yaml"),
          (["renumber", "WT-2024-001"], "records/issues/WT-2024-002.yaml")]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and mounts")
def test_a_read_only_workspace_reads_and_refuses_writes_clearly(read_only: Path) -> None:
    runner = read_only_runner()
    if runner is None:
        pytest.skip("root without the right to mount a read-only copy")
    prefix, refused = runner
    wrap = [*prefix, str(read_only)] if prefix else []
    before = snapshot(read_only)
    lines = [["-C", str(read_only), *args] for args in [*READS, *(w for w, _ in WRITES)]]
    done = subprocess.run([*wrap, sys.executable, "-c", DRIVER, json.dumps(lines)],
                          cwd=read_only, capture_output=True, timeout=120, check=False,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert (done.returncode, done.stderr) == (0, b""), done
    results = json.loads(done.stdout)
    for args, (code, out, err) in zip(READS, results, strict=False):
        assert (code, err) == (0, ""), (args, code, out, err)
        assert out
    for (args, rel), (code, out, err) in zip(WRITES, results[len(READS):], strict=True):
        assert (code, out) == (2, ""), (args, code, out, err)
        assert err == f"collab: {read_only / rel}: {refused}\n", args
    assert snapshot(read_only) == before


def test_a_read_only_file_system_says_so(invoke, handbook, monkeypatch):  # type: ignore[no-untyped-def]
    real_open = os.open

    def read_only_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    before = snapshot(handbook)
    monkeypatch.setattr(os, "open", read_only_open)
    assert invoke("-C", handbook, "overdue", "--now", NOW).code == 0
    result = invoke("-C", handbook, "set", "RW-2024-001", "priority", "low")
    assert (result.code, result.out) == (2, ""), result
    assert result.err == (f"collab: {handbook / 'records/requirements/RW-2024-001.yaml'}: "
                          f"文件系统为只读,未写入任何内容(原文件保持不变)\n")
    assert snapshot(handbook) == before


def test_a_folder_that_cannot_be_made_is_one_line(invoke, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    def refuse(path: object, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(os, "mkdir", refuse)
    result = invoke("init", tmp_path / "new")
    assert (result.code, result.out) == (2, ""), result
    assert result.err == f"collab: {tmp_path / 'new'}: 操作失败:Read-only file system\n"


# --- a full disk ------------------------------------------------------------------------------


def test_a_full_disk_is_a_clear_error_and_the_file_stays(invoke, handbook, monkeypatch):  # type: ignore[no-untyped-def]
    before = snapshot(handbook)

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    for args, rel in ((["set", "RW-2024-001", "priority", "low"],
                       "records/requirements/RW-2024-001.yaml"),
                      (["new", "issue", "--no-input", "--now", NOW],
                       "records/issues/WT-2024-002.yaml")):
        result = invoke("-C", handbook, *args)
        assert (result.code, result.out) == (2, ""), result
        assert result.err == f"collab: {handbook / rel}: 磁盘已满,未写入任何内容(原文件保持不变)\n"
    assert snapshot(handbook) == before  # not even a temp file is left


# --- timezones and calendar years -------------------------------------------------------------


def test_no_timezone_database(tmp_path: Path) -> None:
    """No system zoneinfo (PYTHONTZPATH empty) and no tzdata package importable."""
    build_tree(tmp_path / "shadow", {"tzdata/__init__.py": "raise ImportError('hidden')\n"})
    env = {"PYTHONPATH": str(tmp_path / "shadow"), "PYTHONTZPATH": "",
           "PYTHONIOENCODING": "utf-8"}
    done = run_raw(["-C", str(EXAMPLES), "overdue", "--now", NOW], cwd=tmp_path, env=env)
    assert (done.returncode, done.stdout) == (2, b""), done
    assert done.stderr.decode() == "collab: 找不到时区数据库:请安装 tzdata(pip install tzdata)\n"


@pytest.mark.parametrize("command", [["lint"], ["overdue"], ["due"], ["list"], ["new", "issue"]])
def test_an_unknown_timezone_stops_every_command_the_same_way(invoke, ws, command):  # type: ignore[no-untyped-def]
    config = (ws / "collab.yaml").read_text(encoding="utf-8")
    (ws / "collab.yaml").write_text(config.replace("Asia/Shanghai", "Mars/Olympus"),
                                    encoding="utf-8")
    result = invoke("-C", ws, *command)
    assert (result.code, result.out) == (2, ""), result
    assert result.err == ("collab: collab.yaml:2:1: timezone: 未知的时区 'Mars/Olympus'"
                          "(请用 IANA 时区名,如 Asia/Shanghai)\n")


def test_far_years_are_errors_not_crashes(invoke, handbook):  # type: ignore[no-untyped-def]
    """A record in year 9999 made every command overflow (exit 70); now it is one finding
    (the schema's: dates run from 1900 to 2999), the other commands skip that record and say
    so, and a look-ahead past what the calendar reaches is a usage error."""
    path = handbook / "records/requirements/RW-2024-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "sent_at: 2024-09-02 10:00", "sent_at: 9999-12-31 10:00"), encoding="utf-8")
    lint = invoke("-C", handbook, "lint", "records/requirements")
    assert (lint.code, lint.out) == (
        1, "records/requirements/RW-2024-001.yaml:42:10: error schema sent_at: '9999-12-31 "
        "10:00' 超出范围:日期须在 1900 年到 2999 年之间\n"), lint
    overdue = invoke("-C", handbook, "overdue", "--now", NOW)
    assert (overdue.code, overdue.err) == (0, (
        "collab: 1 个记录文件无法读取,已跳过;请运行 `collab lint`\n"
        "  records/requirements/RW-2024-001.yaml:42: sent_at: '9999-12-31 10:00' 超出范围:"
        "日期须在 1900 年到 2999 年之间\n")), overdue
    due = invoke("-C", handbook, "due", "--now", NOW, "--within", "99999999d")
    assert (due.code, due.err) == (
        2, "collab: --within: 99999999d 太远了:最多往后看 10 年(3660d, 2600wd)\n"), due


# --- locales and pipes --------------------------------------------------------------------------


def test_the_c_locale_still_prints_chinese(invoke, handbook: Path) -> None:  # type: ignore[no-untyped-def]
    """`LC_ALL=C` with PYTHONIOENCODING unset: Python's UTF-8 mode keeps the output whole."""
    expected = invoke("-C", handbook, "overdue", "--now", NOW).out
    c = run_raw(["overdue", "--now", NOW], cwd=handbook, env={"LC_ALL": "C", "LANG": "C"},
                drop=("PYTHONIOENCODING", "PYTHONUTF8"))
    assert (c.returncode, c.stderr) == (0, b""), c
    assert c.stdout.decode("utf-8") == expected
    assert "逾期 14 个工作日" in expected  # requirement.build, due Wed 09-18 18:00 (by hand)


def test_an_ascii_terminal_gets_escapes_not_a_crash(invoke, handbook: Path) -> None:  # type: ignore[no-untyped-def]
    """A locale that cannot show Chinese (C without UTF-8 mode): `\\u903e` for what it
    cannot show, and JSON stays valid JSON with the same data."""
    ascii_env = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    expected = json.loads(invoke("-C", handbook, "overdue", "--now", NOW, "--format", "json").out)
    done = run_raw(["overdue", "--now", NOW, "--format", "json"], cwd=handbook, env=ascii_env,
                   drop=("PYTHONIOENCODING",))
    assert (done.returncode, done.stderr) == (0, b""), done
    done.stdout.decode("ascii")
    assert json.loads(done.stdout) == expected
    assert b'"what": "\\u5f00\\u53d1\\u5b8c\\u6210"' in done.stdout  # 开发完成


def busy(root: Path, meetings: int = 300) -> Path:
    """A workspace whose overdue list in JSON is more than a pipe holds (64 KB)."""
    files: dict[str, str | bytes] = {"collab.yaml": "language: zh\n"}
    for n in range(1, meetings + 1):
        files[f"records/meetings/HY-2024-{n:03d}.yaml"] = (
            f"kind: meeting\nid: HY-2024-{n:03d}\ntitle: 第{n}次协调会\nstart: 2024-10-08 10:00\n"
            "end: 2024-10-08 11:00\nstatus: held\n")
    return build_tree(root, files)


@pytest.mark.parametrize("when", ["after-a-line", "at-once"])
def test_a_reader_that_stops_reading(tmp_path: Path, when: str) -> None:
    """`collab overdue | head -1`: no BrokenPipeError, no traceback, exit 141 (128 + SIGPIPE,
    as `yes | head -1` reports), not the 1 that means "something is overdue". The reader
    leaves after one line of more than a pipe holds, or before anything is written."""
    ws = busy(tmp_path / "ws") if when == "after-a-line" else EXAMPLES
    fmt = "json" if when == "after-a-line" else "table"
    proc = subprocess.Popen([*PY, "-C", str(ws), "overdue", "--now", NOW, "--format", fmt],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.stdout is not None and proc.stderr is not None
    if when == "after-a-line":
        assert proc.stdout.readline().strip() == b"["
    proc.stdout.close()
    code = proc.wait(timeout=120)
    err = proc.stderr.read()
    proc.stderr.close()
    assert (code, err) == (141, b"")
