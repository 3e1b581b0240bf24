"""The `collab-lint` pre-commit hook, run by pre-commit itself (`pre-commit try-repo`).

pre-commit installs collab from a repository into an environment of its own (a virtualenv
and `pip install .`: about 13 s here with pip's cache warm), so the test builds that
repository once from this checkout's files; `try-repo` installs into a new store each time,
so the two cases (good records, bad records) run side by side.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import make_repo
from tests.helpers import EXAMPLES, ROOT, git

# What `pip install .` needs of this checkout, and the hook manifest.
PROJECT_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src")


def hook_repository(target: Path) -> Path:
    """This checkout's installable files, committed in a fresh repository (uncommitted
    changes included, so the test checks the code as it is)."""
    target.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "collab")
    return target


def try_repo(records: Path, hooks: Path) -> subprocess.Popen[str]:
    """`pre-commit try-repo HOOKS collab-lint --all-files` in `records`, started."""
    pre_commit = Path(sys.executable).with_name("pre-commit")
    return subprocess.Popen(
        [str(pre_commit), "try-repo", str(hooks), "collab-lint", "--all-files", "--color=never"],
        cwd=records,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PRE_COMMIT_HOME": str(records.parent / f"{records.name}-home")},
    )


def finish(run: subprocess.Popen[str]) -> tuple[int, str]:
    out, _ = run.communicate(timeout=300)
    return run.returncode, out


def test_the_hook_passes_good_records_and_names_the_bad_file(tmp_path: Path) -> None:
    hooks = hook_repository(tmp_path / "collab")
    good = make_repo(EXAMPLES, tmp_path / "good")
    bad = make_repo(EXAMPLES, tmp_path / "bad")
    broken = bad / "records/requirements/RW-2024-001.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("priority:", "prority:"), "utf-8")
    (bad / "notes.yaml").write_text("not: [a record\n", encoding="utf-8")  # not under records/
    git(bad, "add", "-A")

    runs = try_repo(good, hooks), try_repo(bad, hooks)
    (good_code, good_out), (bad_code, bad_out) = (finish(run) for run in runs)

    assert good_code == 0, good_out
    assert re.search(r"^collab lint\.+Passed$", good_out, re.MULTILINE), good_out
    assert bad_code == 1, bad_out
    assert re.search(r"^collab lint\.+Failed$", bad_out, re.MULTILINE), bad_out
    errors = [line for line in bad_out.splitlines() if ": error " in line]
    assert errors == [  # the rest of the record is checked too: it has no priority
        "records/requirements/RW-2024-001.yaml:18:1: error unknown-key "
        "未知的键 'prority'(是不是 'priority'?)",
        "records/requirements/RW-2024-001.yaml:41:1: error incomplete "
        "状态为「进行中」的需求需要填写 priority",
    ], bad_out


def test_lint_finds_the_workspace_from_its_files(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """pre-commit runs the hook at the top of the repository; the workspace may be a folder."""
    top = tmp_path / "repo"
    shutil.copytree(EXAMPLES, top / "coordination")
    monkeypatch.chdir(top)
    good = invoke("lint", "coordination/records/requirements/RW-2024-001.yaml")
    assert (good.code, good.out, good.err) == (0, "", ""), good
    (top / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    outside = invoke("lint", "notes.yaml")  # neither here nor above the file: no workspace
    assert (outside.code, outside.out) == (2, ""), outside
    assert outside.err == (
        f"collab: {top.resolve()} 及其上级文件夹中都没有 collab.yaml(可用 `collab init` 创建)\n"
    )
