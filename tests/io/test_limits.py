"""What a record may hold (collabkit.io.limits): size, depth and width are bounded, each
refusal names its limit and comes fast, with bounded memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from collabkit.errors import RecordError
from collabkit.io.limits import MAX_DEPTH, MAX_ITEMS, check_shape
from collabkit.io.yamlio import load_data, load_roundtrip, read_text
from tests.helpers import ROOT, build_tree

HEAD = "kind: meeting\nid: HY-2024-001\n"
TOO_DEEP = ("嵌套超过 64 层;记录只需要几层", "nested deeper than 64 levels; a record needs a few")


def said(err: RecordError) -> tuple[str, str]:
    """The message of `err` in Chinese and in English."""
    return err.message_in("zh"), err.message_in("en")


def refused(text: str, *, roundtrip: bool = False) -> RecordError:
    started = time.perf_counter()
    with pytest.raises(RecordError) as info:
        (load_roundtrip if roundtrip else load_data)(text, "r.yaml")
    assert time.perf_counter() - started < 1.0
    return info.value


def flow(depth: int) -> str:
    return HEAD + "cc: " + "[" * depth + "]" * depth + "\n"


def block(depth: int) -> str:
    return HEAD + "cc:\n" + "".join(" " * i + "-\n" for i in range(1, depth + 1))


def dashes(depth: int) -> str:
    return HEAD + "cc:\n" + "- " * depth + "x\n"


@pytest.mark.parametrize("roundtrip", [False, True], ids=["fast", "roundtrip"])
@pytest.mark.parametrize(
    ("text", "where"),
    [(flow(5_000), (3, 260)), (flow(80), (3, 1)), (block(300), (4, 1)), (dashes(300), (4, 1))],
    ids=["flow-5000", "flow-80", "block-300", "dashes-300"],
)
def test_deep_nesting_is_refused_fast(text: str, where: tuple[int, int], roundtrip: bool) -> None:
    """ruamel's parser recurses: before, 5,000 brackets cost it 2.5 s and a RecursionError."""
    err = refused(text, roundtrip=roundtrip)
    assert (err.code, said(err), (err.line, err.column)) == ("too-deep", TOO_DEEP, where)


FORBIDDEN = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                              *range(0x7F, 0x85), *range(0x86, 0xA0), 0xFFFE, 0xFFFF)]


@pytest.mark.parametrize("char", FORBIDDEN, ids=[f"U+{ord(c):04X}" for c in FORBIDDEN])
def test_every_character_yaml_forbids_is_refused_where_it_is(char: str) -> None:
    err = refused(HEAD + f"title: 协调{char}会\n")
    assert (err.code, err.line, err.column) == ("control-character", 3, 10)
    assert said(err) == (f"YAML 中不允许出现控制字符 U+{ord(char):04X};请删除它",
                         f"control character U+{ord(char):04X} is not allowed in YAML; remove it")


@pytest.mark.parametrize("char", ["\t", "\x85", "\xa0", "\ufeff", "\u202e", "\u2066", "\u2028",
                                  "\u200b", "\U0001f600", "\ufffd"])
def test_characters_yaml_allows_are_read(char: str) -> None:
    assert load_data(HEAD + f"title: 协调{char}会\n", "r.yaml")["title"].startswith("协调")


def test_nesting_up_to_the_limit_is_fine() -> None:
    assert load_data(flow(MAX_DEPTH - 1), "r.yaml")["cc"] is not None
    assert load_roundtrip(block(40), "r.yaml")["cc"] is not None


def test_a_wide_list_is_refused_naming_the_limit() -> None:
    err = refused(HEAD + "cc: [" + ", ".join(["张伟"] * 20_000) + "]\n")
    assert (err.code, err.line) == ("too-many-items", 3)
    assert said(err) == ("列表有 20,000 项;记录中的列表和映射最多 10,000 项",
                         "a list of 20,000 entries; a record's lists and mappings may hold "
                         "at most 10,000")


def test_the_width_limit_is_exact() -> None:
    check_shape({"cc": ["a"] * MAX_ITEMS}, "", "r.yaml")
    with pytest.raises(RecordError):
        check_shape({"cc": ["a"] * (MAX_ITEMS + 1)}, "", "r.yaml")
    with pytest.raises(RecordError) as info:
        check_shape({f"k{i}": 1 for i in range(MAX_ITEMS + 1)}, "", "r.yaml")
    assert said(info.value) == ("映射有 10,001 项;记录中的列表和映射最多 10,000 项",
                                "a mapping of 10,001 entries; a record's lists and mappings may "
                                "hold at most 10,000")


def test_a_million_items_are_over_the_size_limit(tmp_path: Path) -> None:
    path = build_tree(tmp_path, {"r.yaml": HEAD + "cc: [" + ",".join(["a"] * 1_000_000) + "]\n"})
    started = time.perf_counter()
    with pytest.raises(RecordError) as info:
        read_text(path / "r.yaml", "r.yaml")
    assert time.perf_counter() - started < 1.0
    assert (info.value.code, said(info.value)) == ("too-large", (
        "文件有 2,000,036 字节;记录文件最大 1,048,576 字节(1 MiB)",
        "file is 2,000,036 bytes; a record file may be at most 1,048,576 bytes (1 MiB)"))


def test_text_over_the_size_limit_is_refused_too() -> None:
    """Text that does not come from a file (an edit's result) has the same limit."""
    err = refused(HEAD + "title: " + "长" * 400_000 + "\n")
    assert err.code == "too-large"
    assert err.message_in("en").startswith("file is 1,200,038 bytes; ")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "r.yaml")
    with pytest.raises(RecordError) as info:
        read_text(tmp_path / "r.yaml", "r.yaml")
    assert (info.value.code, said(info.value)) == ("unreadable", (
        "不是普通文件(记录是一个 .yaml 文件)", "not a regular file (a record is a .yaml file)"))


MEASURE = """
import resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "collabkit", "-C", sys.argv[1], "lint"],
                      capture_output=True, text=True, encoding="utf-8")
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(done.returncode, peak)
print(done.stdout, end="")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX")
def test_a_50_mb_record_costs_neither_time_nor_memory(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """lint of a workspace holding a 50 MB record and a million-item list: each one line,
    the others checked, in well under two seconds and without reading them (parsing the
    50 MB file alone took 0.25 s and 276 MB)."""
    ws = build_tree(tmp_path / "ws", {
        "collab.yaml": "language: en\n",
        "records/meetings/HY-2024-001.yaml": HEAD + "title: " + "长" * 17_000_000 + "\n",
        "records/meetings/HY-2024-002.yaml": HEAD.replace("001", "002") + "cc: ["
        + ",".join(["a"] * 1_000_000) + "]\n",
        "records/meetings/HY-2024-003.yaml": HEAD.replace("001", "003") + "status: planned\n",
    })
    started = time.perf_counter()
    result = invoke("-C", ws, "lint")
    assert time.perf_counter() - started < 2.0
    expected = [
        "records/meetings/HY-2024-001.yaml:1:1: error too-large file is 51,000,038 bytes; "
        "a record file may be at most 1,048,576 bytes (1 MiB)",
        "records/meetings/HY-2024-002.yaml:1:1: error too-large file is 2,000,036 bytes; "
        "a record file may be at most 1,048,576 bytes (1 MiB)",
        "records/meetings/HY-2024-003.yaml:3:9: info incomplete planned: still to fill in: "
        "title, objective, start, end, location, host, recorder, attendees",
    ]
    assert (result.code, result.out.splitlines()) == (1, expected), result
    measured = subprocess.run([sys.executable, "-c", MEASURE, str(ws)], capture_output=True,
                              text=True, encoding="utf-8", cwd=ROOT, timeout=60)
    code, peak = map(int, measured.stdout.splitlines()[0].split())
    assert (code, measured.stdout.splitlines()[1:]) == (1, expected), measured
    assert peak < 120, f"peak memory {peak} MB"
