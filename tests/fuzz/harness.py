"""Running collab in-process on a fuzzed workspace and judging the outcome.

Every outcome must be a finding or a clear error: exit 0, 1 or 2, never 70 (a bug) and
never a traceback; an edit either succeeds and leaves a record that still reads and
validates, or fails and leaves the file byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from collabkit.cli import run
from collabkit.io.yamlio import load_roundtrip
from collabkit.workspace import Workspace
from collabkit.workspace.validate import validate_file
from tests.helpers import EXAMPLES, NOW

# The commands that read the workspace. Add each new reading command here as it lands
# (`export csv`, `calendar` ...): the fuzz tests run them all.
READ_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("lint", "--format", "json"),
    ("overdue", "--now", NOW, "--format", "json"),
    ("due", "--now", NOW, "--within", "30d"),
    ("list",),
    ("render", "--now", NOW),
    ("report", "weekly", "--now", NOW),
)
# Commands that read one record by id (the fuzzed one is passed as ID).
RECORD_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("show", "{id}", "--now", NOW),
    ("render", "{id}", "--now", NOW),
)
CLEAR_EXITS = (0, 1, 2)


@dataclass(frozen=True)
class Outcome:
    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def __str__(self) -> str:
        return f"collab {' '.join(self.args)} → exit {self.code}\n{self.err[-3000:]}"


def collab(ws: Path, *args: str) -> Outcome:
    """One command line, in-process (a bug's traceback goes into `err`)."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.environ.get("COLLAB_DEBUG")
    os.environ["COLLAB_DEBUG"] = "1"
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(["-C", str(ws), *args])
    finally:
        if previous is None:
            del os.environ["COLLAB_DEBUG"]
        else:
            os.environ["COLLAB_DEBUG"] = previous
    return Outcome(args, code, out.getvalue(), err.getvalue())


def assert_clear(outcome: Outcome) -> None:
    """Exit 0/1/2; an error is lines starting `collab: `, never a traceback."""
    assert outcome.code in CLEAR_EXITS, str(outcome)
    assert "Traceback" not in outcome.err, str(outcome)
    if outcome.code == 2:
        assert outcome.err.startswith(("collab: ", "Usage:", "用法:")), str(
            outcome)


def fuzz_workspace(root: Path) -> Path:
    """A copy of the example workspace to damage (one per test module)."""
    ws = root / "handbook"
    shutil.copytree(EXAMPLES, ws)
    return ws


@contextlib.contextmanager
def planted(ws: Path, rel: str, raw: bytes) -> Iterator[Path]:
    """`rel` holds `raw` for the block; afterwards the workspace is as it was."""
    path = ws / rel
    original = path.read_bytes() if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    try:
        yield path
    finally:
        if original is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(original)
        shutil.rmtree(ws / ".collab-cache", ignore_errors=True)


def snapshot(ws: Path) -> dict[str, bytes]:
    return {p.relative_to(ws).as_posix(): p.read_bytes()
            for p in (ws / "records").rglob("*") if p.is_file()}


def assert_not_corrupted(ws: Path, path: Path, before: dict[str, bytes],
                         outcome: Outcome) -> None:
    """After an edit: only `path` may have changed, and only into a record that reads."""
    after = snapshot(ws)
    rel = path.relative_to(ws).as_posix()
    assert {k: v for k, v in after.items() if k != rel} == {
        k: v for k, v in before.items() if k != rel}, str(outcome)
    if outcome.code != 0:
        assert after.get(rel) == before.get(rel), f"a refused edit changed the file\n{outcome}"
        return
    if after.get(rel) == before.get(rel):
        return  # e.g. `done` on an item already done
    workspace = Workspace.open(ws)
    file, record, findings = validate_file(path, rel, workspace.config)
    errors = [f for f in findings if f.severity == "error"]
    assert record is not None and not errors, (
        f"the edit wrote an invalid record\n{outcome}\n{errors}")
    assert file is not None
    load_roundtrip(file.text, rel)  # and the next edit can open it
