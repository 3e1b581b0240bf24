"""Shared fixtures: temp workspaces, an `invoke` helper, and a guard against stray writes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from collabkit.cli import run
from tests.fuzz import budget
from tests.helpers import EXAMPLES, MINIMAL_CONFIG, ROOT, SCENARIOS, Result, build_tree, git


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz",
        choices=("ci", "deep"),
        default=None,
        help="ci: the bounded fuzz run (default); deep: many more examples (or COLLAB_FUZZ=deep)",
    )


def pytest_configure(config: pytest.Config) -> None:
    chosen = config.getoption("--fuzz") or os.environ.get("COLLAB_FUZZ") or "ci"
    budget.MODE[0] = "deep" if chosen == "deep" else "ci"


NO_CACHE = shutil.ignore_patterns(".collab-cache")


@pytest.fixture
def invoke(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run `collab ARGS` in-process; the Result prints stdout, stderr and, for a bug (exit
    70), its traceback when an assertion fails."""
    monkeypatch.setenv("COLLAB_DEBUG", "1")

    def _invoke(*args: str | Path) -> Result:
        capsys.readouterr()
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _invoke


@pytest.fixture(autouse=True)
def _cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """No record cache where a test may run collab on the project's own examples; the
    fixtures that make a workspace in a temp folder turn it back on (`_cache_on`)."""
    monkeypatch.setenv("COLLAB_CACHE", "off")


def _cache_on() -> None:
    os.environ.pop("COLLAB_CACHE", None)  # monkeypatch restores it after the test


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """An empty workspace with a small people/department registry."""
    _cache_on()
    return build_tree(tmp_path / "ws", {"collab.yaml": MINIMAL_CONFIG, "records/.keep": ""})


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A copy of the bundled example workspace inside a fresh git repository."""
    _cache_on()
    return make_repo(EXAMPLES, tmp_path / "handbook")


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    """A copy of the bundled example workspace, not in a git repository (quicker)."""
    _cache_on()
    return Path(shutil.copytree(EXAMPLES, tmp_path / "handbook", ignore=NO_CACHE))


@pytest.fixture
def scenario(tmp_path: Path):  # type: ignore[no-untyped-def]
    """`scenario("english")`: a copy of tests/scenarios/english in a fresh git repository."""

    def _scenario(name: str) -> Path:
        _cache_on()
        return make_repo(SCENARIOS / name, tmp_path / name)

    return _scenario


def make_repo(source: Path, target: Path) -> Path:
    """Copy `source` to `target` and commit it as the first commit of a new repository."""
    shutil.copytree(source, target, ignore=NO_CACHE)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", f"{source.name}: first commit")
    return target


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
