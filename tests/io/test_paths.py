"""Paths that stay inside a folder (collabkit.io.paths)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from collabkit.io.paths import OutsideWorkspace, inside, safe_join, unsafe_part


@pytest.mark.parametrize(
    "part",
    ["..", "../x", "a/../../x", "/etc/passwd", "..\\x", "a\\..\\..\\x", "C:\\x", "C:x",
     "\\\\server\\share", "\\x", "a\0b", ""],
    ids=["up", "up-x", "down-up-up", "absolute", "win-up", "win-down-up", "drive", "drive-rel",
         "unc", "win-root", "nul", "empty"],
)
def test_names_that_could_lead_out_are_refused(tmp_path: Path, part: str) -> None:
    assert unsafe_part(part)
    with pytest.raises(OutsideWorkspace) as info:
        safe_join(tmp_path, part)
    assert info.value.text("en") == (f"{part} leads outside the workspace: collab reads and "
                                     f"writes only the workspace's own files")


@pytest.mark.parametrize("part", ["a", "a/b.yaml", "HY-2024-001.yaml", "a..b", "...", ".hidden"])
def test_ordinary_names_join(tmp_path: Path, part: str) -> None:
    assert not unsafe_part(part)
    assert safe_join(tmp_path, part) == tmp_path / part


def test_a_symlink_out_is_outside(tmp_path: Path) -> None:
    (tmp_path / "ws").mkdir()
    (tmp_path / "secret.yaml").write_text("x")
    os.symlink(tmp_path / "secret.yaml", tmp_path / "ws" / "link.yaml")
    os.symlink(tmp_path, tmp_path / "ws" / "up")
    os.symlink("loop", tmp_path / "ws" / "loop")
    assert not inside(tmp_path / "ws", tmp_path / "ws" / "link.yaml")
    assert not inside(tmp_path / "ws", tmp_path / "ws" / "loop")
    with pytest.raises(OutsideWorkspace):
        safe_join(tmp_path / "ws", "up", "secret.yaml")
    (tmp_path / "ws" / "real.yaml").write_text("x")
    os.symlink("real.yaml", tmp_path / "ws" / "inner.yaml")
    assert inside(tmp_path / "ws", tmp_path / "ws" / "inner.yaml")
    assert inside(tmp_path / "ws", tmp_path / "ws")
