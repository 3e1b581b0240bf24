"""Nothing lost: `new` and `renumber` killed (SIGKILL) at each of their writes leave every
record whole, and the temp files a killed write leaves are never read as records."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from collabkit.workspace import Workspace
from tests.fuzz.budget import deep
from tests.helpers import EXAMPLES, NOW, build_tree

# Counts every call that writes, renames or removes; SIGKILL at the k-th (0: never).
KILLER = textwrap.dedent(
    """\
    import os, signal, sys
    from collabkit.cli import run

    kill_at, args = int(sys.argv[1]), sys.argv[2:]
    calls = [0]

    def counted(real):
        def wrapped(*a, **k):
            calls[0] += 1
            if calls[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*a, **k)
        return wrapped

    for name in ("write", "fsync", "link", "unlink", "replace", "rename", "close"):
        setattr(os, name, counted(getattr(os, name)))
    code = run(args)
    print(calls[0], file=sys.stderr)
    sys.exit(code)
    """
)
NEW = ["new", "meeting", "--no-input", "--title", "复盘会", "--now", NOW]
RENUMBER = ["renumber", "HY-2024-001"]  # linked from RW-2024-001: its link is rewritten


def killed_at(ws: Path, k: int, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", KILLER, str(k), "-C", str(ws), *args],
                          capture_output=True, text=True, timeout=60, check=False)


def points(ws: Path, args: list[str]) -> list[int]:
    """The write calls to kill at: every one in a deep run, a spread of them in CI."""
    trial = ws.parent / "trial"
    shutil.copytree(ws, trial)
    done = killed_at(trial, 0, args)
    assert done.returncode == 0, done
    total = int(done.stderr.split()[-1])
    every = list(range(1, total + 1))
    return every if deep() else every[1::4]


def whole(ws: Path) -> dict[str, str]:
    """Every record file's text; each one must still parse and validate."""
    loaded = Workspace.open(ws).load()
    assert [f for f in loaded.findings if f.severity == "error"] == []
    return {rec.id: rec.file.text for rec in loaded.records}


@pytest.mark.parametrize("args", [NEW, RENUMBER], ids=["new", "renumber"])
def test_killed_at_each_write_nothing_is_lost(tmp_path: Path, args: list[str]) -> None:
    base = tmp_path / "base"
    shutil.copytree(EXAMPLES, base)
    before = whole(base)
    for k in points(base, args):
        ws = tmp_path / f"k{k}"
        shutil.copytree(base, ws)
        done = killed_at(ws, k, args)
        assert done.returncode == -signal.SIGKILL, (k, done)
        after = whole(ws)  # no empty, half-written or invalid record, whatever the moment
        if args is NEW:
            assert set(after) - set(before) <= {"HY-2024-003"}, k
            assert {i: after[i] for i in before} == before, k
        else:
            body = before["HY-2024-001"].replace("id: HY-2024-001", "")
            survivors = [t for t in after.values() if t.replace("id: HY-2024-003", "") == body
                         or t.replace("id: HY-2024-001", "") == body]
            assert survivors, f"the meeting is gone after a kill at write {k}"
            others = {i: t for i, t in before.items() if i not in ("HY-2024-001", "RW-2024-001")}
            assert {i: after[i] for i in others} == others, k
        leftovers = [p.name for p in (ws / "records").rglob("*") if p.name.endswith(".tmp")]
        assert all(name.startswith(".") for name in leftovers), leftovers


TEMP_NAMES = [".HY-2024-002.yaml.k2j3x9.tmp", ".HY-2024-005.yaml.4242.a1b2c3d4.tmp",
              "HY-2024-006.yaml.tmp", ".HY-2024-007.yaml"]


def test_temp_files_are_never_read_as_records(invoke, handbook):  # type: ignore[no-untyped-def]
    """What a killed write leaves (`.name.XXXX.tmp`), and hidden files in general, are not
    records: not listed, not linted (not even when their folder is named), not counted."""
    half = "kind: meeting\nid: HY-2024-00"  # a half-written record
    build_tree(handbook, {f"records/meetings/{name}": half for name in TEMP_NAMES})
    build_tree(handbook, {"records/meetings/.hidden/HY-2024-008.yaml": half})
    for args in (["lint"], ["lint", "records/meetings"]):
        lint = invoke("-C", handbook, *args)
        assert "HY-2024-00" not in lint.out.replace("HY-2024-002", ""), lint
        assert lint.code == 0, lint
    listed = invoke("-C", handbook, "list", "meeting")
    assert [line.split()[0] for line in listed.out.splitlines()[1:]] == [
        "HY-2024-001", "HY-2024-002", "2"], listed  # the last line: "2 条记录"
    assert listed.out.splitlines()[-1] == "2 条记录", listed
    new = invoke("-C", handbook, "new", "meeting", "--no-input", "--now", NOW)
    assert new.out == "records/meetings/HY-2024-003.yaml\n", new
    assert sorted(n for n in os.listdir(handbook / "records/meetings") if n.endswith(".yaml")
                  and not n.startswith(".")) == [
        "HY-2024-001.yaml", "HY-2024-002.yaml", "HY-2024-003.yaml"]
