"""Atomic writes (collabkit.io.atomic) when the disk is full or the file system refuses."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from collabkit.io.atomic import WriteFailed, create_exclusive, write_atomic

OLD = "kind: meeting\nid: HY-2024-001\ntitle: 原来的\n".encode()
NEW = ("kind: meeting\nid: HY-2024-001\ntitle: " + "新" * 50_000 + "\n").encode()


def full_disk_after(monkeypatch: pytest.MonkeyPatch, allowed: int, call: str = "write") -> None:
    """os.write (or os.fsync) fails with ENOSPC once `allowed` bytes were written."""
    real_write = os.write
    budget = [allowed]

    def write(fd: int, data: bytes | memoryview) -> int:
        if budget[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = real_write(fd, bytes(data[: budget[0]]))
        budget[0] -= n
        return n

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if call == "write":
        monkeypatch.setattr(os, "write", write)
    else:
        monkeypatch.setattr(os, "fsync", fsync)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_a_full_disk_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        call: str) -> None:
    target = tmp_path / "HY-2024-001.yaml"
    target.write_bytes(OLD)
    full_disk_after(monkeypatch, 4096, call)
    with pytest.raises(WriteFailed) as info:
        write_atomic(target, NEW)
    assert info.value.text("en") == (f"{target}: the disk is full; nothing was written "
                                     f"(the file is as it was)")
    assert str(info.value) == f"{target}: 磁盘已满,未写入任何内容(原文件保持不变)"
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == ["HY-2024-001.yaml"]  # no temp file left behind


def test_a_short_write_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:1000])))
    write_atomic(tmp_path / "r.yaml", NEW)
    assert (tmp_path / "r.yaml").read_bytes() == NEW


def test_a_full_disk_creates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full_disk_after(monkeypatch, 100)
    with pytest.raises(WriteFailed):
        create_exclusive(tmp_path / "HY-2024-002.yaml", NEW)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.EROFS, "the file system is read-only"), (errno.EACCES, "no permission to write here"),
     (errno.EIO, "cannot write (Input/output error)")],
    ids=["read-only", "denied", "other"],
)
def test_a_refused_write_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int,
                                  words: str) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise OSError(code, os.strerror(code))

    target = tmp_path / "r.yaml"
    target.write_bytes(OLD)
    monkeypatch.setattr(os, "open", refuse)
    for write in (write_atomic, create_exclusive):
        with pytest.raises(WriteFailed) as info:
            write(target, NEW)
        assert info.value.text("en") == (
            f"{target}: {words}; nothing was written (the file is as it was)")
    assert target.read_bytes() == OLD
