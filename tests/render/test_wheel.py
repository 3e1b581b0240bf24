"""The templates ship: the wheel built from this tree, installed alone in a fresh virtual
environment (its dependencies from wheels built beside it, `--no-index`), renders the
example workspace exactly as the golden files say."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import NOW, ROOT
from tests.render.golden import GOLDEN

PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_RETRIES": "1", "PIP_DEFAULT_TIMEOUT": "30"}


def _run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.mark.slow
def test_the_installed_wheel_renders_the_examples(examples: Path, tmp_path: Path) -> None:
    tree = tmp_path / "tree"  # a copy: building never touches the project
    shutil.copytree(ROOT / "src", tree / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))  # fmt: skip
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= PIP_ENV
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "-q", "-w", wheels, tree, cwd=tmp_path, env=env)
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-index",
         "--find-links", wheels, "collabkit", cwd=tmp_path, env=env)  # fmt: skip
    where = _run(python, "-c", "import collabkit; print(collabkit.__file__)", cwd=tmp_path, env=env)
    assert Path(where.stdout.strip()).is_relative_to(venv)
    site = tmp_path / "site"
    _run(bin_dir / "collab", "-C", examples, "render", "--out", site, "--now", NOW,
         cwd=tmp_path, env=env)  # fmt: skip
    golden = {p.name: p.read_text(encoding="utf-8") for p in (GOLDEN / "zh").glob("*.md")
              if not p.name.startswith("report-")}  # fmt: skip
    assert {p.name: p.read_text(encoding="utf-8") for p in site.iterdir()} == golden
