"""After an edit only the changed entries are written (the amends of the cache file written
whole); answers stay those of a run without the cache, whatever the amends meet."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from collabkit.cache import store
from tests.workspace.test_cache import (
    QUESTIONS,
    ask,
    assert_same_answers,
    record,
    warm,
    without_cache,
)

__all__ = ["warm"]  # the fixture, shared with the cache's other tests


def _files(root: Path) -> tuple[Path, Path]:
    return root / store.FOLDER / store.NAME, root / store.FOLDER / store.AMENDS


def _edit(path: Path, note: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"# {note}\n", encoding="utf-8")


@pytest.fixture(autouse=True)
def _every_change_is_few(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example workspace has ten records: any change would be most of them."""
    monkeypatch.setattr(store, "AMENDS_SHARE", 1)


def test_an_edit_writes_only_the_amends(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    whole, amends = _files(warm)
    before = whole.read_bytes(), whole.stat().st_mtime_ns
    earlier = store.read(warm, store.stamp(warm) or "")
    assert earlier is not None and earlier.base is not None
    for name in ("HY-2024-001", "RW-2024-001"):  # one edit, then another: amends add up
        _edit(record(warm, name), "备注")
        assert ask(warm, QUESTIONS[0], capsys) == without_cache(
            warm, QUESTIONS[0], capsys, monkeypatch
        )
    assert (whole.read_bytes(), whole.stat().st_mtime_ns) == before  # not written again
    cache = store.read(warm, store.stamp(warm) or "")
    assert cache is not None and cache.base is not None and amends.is_file()
    assert cache.base[1] == earlier.base[1]  # amends of the same file written whole
    changed = {rel for rel, e in cache.entries.items() if earlier.entries[rel] != e}
    assert changed == {"records/meetings/HY-2024-001.yaml", "records/requirements/RW-2024-001.yaml"}
    assert_same_answers(warm, capsys, monkeypatch)


def test_many_changes_write_the_cache_whole_again(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    whole, amends = _files(warm)
    before = whole.read_bytes()
    _edit(record(warm, "HY-2024-001"), "一")
    ask(warm, QUESTIONS[0], capsys)
    assert amends.is_file() and whole.read_bytes() == before
    monkeypatch.setattr(store, "AMENDS_SHARE", 8)  # now more than one entry in eight changes
    for path in sorted((warm / "records").rglob("*.yaml"))[:3]:
        _edit(path, "多处修改")
    assert_same_answers(warm, capsys, monkeypatch)
    assert not amends.exists() and whole.read_bytes() != before


def test_amends_of_another_cache_file_are_not_believed(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Amends made against a cache file that another run has since written whole again
    (two runs at once) say nothing about the new one."""
    _, amends = _files(warm)
    path = record(warm, "HY-2024-001")
    _edit(path, "一")
    ask(warm, QUESTIONS[0], capsys)
    stale = amends.read_bytes()
    cache = store.read(warm, store.stamp(warm) or "")
    assert cache is not None
    del cache.entries["records/meetings/HY-2024-001.yaml"]  # which the amends hold
    assert store.write(warm, cache)  # written whole: the amends are gone
    assert not amends.exists()
    amends.write_bytes(stale)
    again = store.read(warm, store.stamp(warm) or "")
    assert again is not None and again.base is not None
    assert again.entries == again.base[1]  # the stale amends are left out
    assert_same_answers(warm, capsys, monkeypatch)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "foreign", "wrong shape"])
def test_unsound_amends_are_passed_over(warm: Path, damage: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, amends = _files(warm)
    _edit(record(warm, "HY-2024-001"), "一")
    ask(warm, QUESTIONS[0], capsys)
    data = amends.read_bytes()
    stamp = store.stamp(warm) or ""
    spoiled = {
        "garbage": b"\x00garbage",
        "truncated": data[: len(data) // 2],
        "foreign": marshal.dumps((store.FORMAT, "another stamp", (None, {}, {}, []))),
        "wrong shape": marshal.dumps((store.FORMAT, stamp, ("not", "amends"))),
    }[damage]
    amends.write_bytes(spoiled)
    cache = store.read(warm, stamp)
    assert cache is not None and cache.base is not None and cache.entries == cache.base[1]
    assert_same_answers(warm, capsys, monkeypatch)
