"""The benchmark's workspace generator must keep producing the workspaces it promises: valid
ones by default, a share of files with lint errors with `--broken` (no timing here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

GENERATE = ROOT / "benchmarks" / "generate.py"
KINDS = {"requirement", "meeting", "issue", "collaboration", "customer-request", "notice"}


def generate(target: Path, records: int = 50, *options: str) -> tuple[Path, str]:
    """Run generate.py; the workspace and the `--now` it was made for."""
    proc = subprocess.run(
        [sys.executable, str(GENERATE), str(target), "--records", str(records), *options],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return target, proc.stdout.split("--now ")[1].split()[0]


def test_generated_workspace_lints_clean(invoke, tmp_path):  # type: ignore[no-untyped-def]
    ws, now = generate(tmp_path / "bench")
    files = sorted((ws / "records").rglob("*.yaml"))
    assert len(files) == 50
    assert {f.read_text(encoding="utf-8").split("kind: ")[1].split()[0] for f in files} == KINDS

    result = invoke("-C", ws, "lint")
    assert result.code == 0, result

    result = invoke("-C", ws, "overdue", "--format", "json", "--now", now)
    assert result.code == 0, result
    assert isinstance(json.loads(result.out), list)


def test_generator_is_deterministic(tmp_path):  # type: ignore[no-untyped-def]
    (one, _), (two, _) = generate(tmp_path / "one", 30), generate(tmp_path / "two", 30)
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)


def tree(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_broken_share_gives_lint_errors_and_overdue_still_runs(invoke, tmp_path):  # type: ignore[no-untyped-def]
    ws, now = generate(tmp_path / "broken", 40, "--broken", "0.25")
    result = invoke("-C", ws, "lint", "--format", "json")
    assert result.code == 1, result
    findings = json.loads(result.out)
    with_error = {f["file"] for f in findings if f["severity"] == "error"}
    assert 5 <= len(with_error) <= 15, sorted(with_error)

    result = invoke("-C", ws, "overdue", "--format", "json", "--now", now)
    assert result.code == 0, result
    assert isinstance(json.loads(result.out), list)


def test_new_options_default_to_the_realistic_workspace(tmp_path):  # type: ignore[no-untyped-def]
    plain, _ = generate(tmp_path / "plain", 30)
    explicit, _ = generate(tmp_path / "explicit", 30, "--broken", "0", "--open-items", "1")
    assert tree(plain) == tree(explicit)
