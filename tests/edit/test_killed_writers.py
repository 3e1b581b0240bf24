"""Nothing lost for the writers that came later: `sign` (a record file and a git commit) and
`render --out` (a folder of pages), killed (SIGKILL) at a spread of their writes — every one
of them in a deep run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from tests.edit.test_killed import KILLER, points, whole
from tests.helpers import EXAMPLES, NOW, git

SIGN = ["sign", "RW-2024-001", "--role", "requester", "--now", NOW]
RENDER = ["render", "--out", "site", "--now", NOW]
AS_ZHANGWEI = {
    "GIT_AUTHOR_NAME": "张伟", "GIT_AUTHOR_EMAIL": "zhangwei@example.com",
    "GIT_COMMITTER_NAME": "张伟", "GIT_COMMITTER_EMAIL": "zhangwei@example.com",
}


def killed_at(ws: Path, k: int, args: list[str]) -> subprocess.CompletedProcess[str]:
    import sys

    scratch = ws.parent / "tmp"  # a killed process leaves its temporary files here
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, **AS_ZHANGWEI, "TMPDIR": str(scratch)}
    return subprocess.run([sys.executable, "-c", KILLER, str(k), "-C", str(ws), *args],
                          capture_output=True, text=True, timeout=60, check=False, env=env,
                          cwd=ws)


def repository(root: Path) -> Path:
    shutil.copytree(EXAMPLES, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "examples")
    return root


@pytest.fixture(autouse=True)
def _killer_counts_in_this_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """`points` runs the command through test_killed's own runner: give it ours."""
    import tests.edit.test_killed as killed

    monkeypatch.setattr(killed, "killed_at", killed_at)


def test_a_killed_sign_loses_nothing_and_leaves_git_sound(tmp_path: Path) -> None:
    base = repository(tmp_path / "base")
    before = whole(base)
    head = git(base, "rev-parse", "HEAD").strip()
    for k in points(base, SIGN):
        ws = tmp_path / f"k{k}"
        shutil.copytree(base, ws, symlinks=True)
        done = killed_at(ws, k, SIGN)
        assert done.returncode == -signal.SIGKILL, (k, done)
        after = whole(ws)  # every record still reads and validates
        assert set(after) == set(before), k
        others = {i: t for i, t in before.items() if i != "RW-2024-001"}
        assert {i: after[i] for i in others} == others, k
        assert git(ws, "fsck", "--no-progress", "--no-dangling").strip() == "", k  # a dangling
        # commit (killed between commit-tree and update-ref) is harmless: gc drops it
        now = git(ws, "rev-parse", "HEAD").strip()
        if now != head:  # the signing commit landed whole; it touches the record file only
            # (or nothing: a first signature sets no event and changes no byte)
            changed = git(ws, "diff", "--name-only", head, now).split()
            assert set(changed) <= {"records/requirements/RW-2024-001.yaml"}, (k, changed)
            assert "Collab-Signed: requester" in git(ws, "log", "-1", "--format=%B"), k
        staged = git(ws, "diff", "--cached", "--name-only").split()
        assert staged == [], (k, staged)  # the user's index is never left half-written


def test_a_killed_render_leaves_whole_pages_only(tmp_path: Path) -> None:
    base = tmp_path / "base"
    shutil.copytree(EXAMPLES, base)
    reference = tmp_path / "reference"
    shutil.copytree(EXAMPLES, reference)
    assert killed_at(reference, 0, RENDER).returncode == 0
    pages = {p.name: p.read_bytes() for p in (reference / "site").iterdir()}
    assert len(pages) >= 10
    for k in points(base, RENDER):
        ws = tmp_path / f"k{k}"
        shutil.copytree(base, ws)
        done = killed_at(ws, k, RENDER)
        assert done.returncode == -signal.SIGKILL, (k, done)
        site = ws / "site"
        written = {p.name: p.read_bytes() for p in site.iterdir()} if site.is_dir() else {}
        visible = {name: data for name, data in written.items() if not name.startswith(".")}
        assert set(visible) <= set(pages), k
        for name, data in visible.items():
            assert data == pages[name], f"{name} is not whole after a kill at write {k}"
