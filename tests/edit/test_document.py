"""The round-trip editing layer: `edit.Document`, value typing, dotted paths, atomic writes."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from collabkit.edit.document import Document, guess_indent
from collabkit.edit.tree import find_item, resolve, set_key
from collabkit.edit.values import node
from collabkit.errors import EditRefused
from collabkit.io import atomic
from collabkit.workspace import load_config

MEETING = """\
# 会议纪要 —— 手写
kind: meeting
id: HY-2024-007
status: held   # 不按常规顺序
title: "季度复盘: 'Q3' 会"   # 带引号
host: 张伟
start: 2024-10-08 14:00
end: 2024-10-08 15:00
attendees: [张伟, 李娜]   # 流式列表

actions:
    # 第一项
    - id: A1
      task: 写方案
      owner: 王芳
      due: 2024-10-20
      deliverable: 《方案》
      status: open
    - {id: A2, task: 联调, owner: 赵磊, due: 2024-10-25, deliverable: 报告, status: open}
# 文件末尾的注释
"""


def write(ws: Path, rel: str, content: str | bytes) -> Path:
    path = ws / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def open_doc(ws: Path, content: str | bytes) -> Document:
    path = write(ws, "records/meetings/HY-2024-007.yaml", content)
    return Document.open(path, "records/meetings/HY-2024-007.yaml")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- guess_indent ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n", (2, 2)),
        ("a:\n  b: 1\nc:\n  - x\n", (2, 2)),
        ("a:\n    b: 1\nc:\n- x\n", (4, 0)),
        ("# c:\n#   - x\nlist:\n    # comment\n    - x\nm:\n   k: v\n", (3, 4)),
        ("text: |\n      block\nm:\n  k: v\n", (2, 2)),
    ],
)
def test_guess_indent(text: str, expected: tuple[int, int]) -> None:
    assert guess_indent(text) == expected


# --- node: command-line text as a YAML value ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-01", dt.date(2024, 10, 1)),
        ("3", 3),
        ("[a, b]", ["a", "b"]),
        ("", None),
        ("~", None),
        ("张伟", "张伟"),
        ("x: y", "x: y"),
        ("yes", "yes"),
        ("2024-10-01 14:00", "2024-10-01 14:00"),
        ('"2024"', "2024"),  # YAML quoting makes text of what would be a number
    ],
)
def test_node_types_like_the_file_would(text: str, expected: object) -> None:
    value = node(text)
    assert value == expected
    assert type(value) is type(expected) or isinstance(value, type(expected))


@pytest.mark.parametrize("text", ["#1 优先", "a # b", "&a x", "|", ">", "!!int 3", "修复 #42"])
def test_node_never_drops_part_of_the_text(text: str) -> None:
    """Text that YAML would read as a comment, anchor, tag or block indicator stays text:
    `collab set ID title "#1 优先"` must not clear the title."""
    assert node(text) == text


def test_node_multiline_is_a_literal_block() -> None:
    value = node("第一行\n第二行")
    assert type(value).__name__ == "LiteralScalarString"
    assert str(value) == "第一行\n第二行\n"


# --- resolve / set_key / find_item -------------------------------------------------------


def test_resolve_dotted_paths(ws: Path) -> None:
    doc = open_doc(ws, MEETING)
    container, key = resolve(doc.tree, "actions.A2.due")
    assert key == "due" and container["id"] == "A2"
    container, key = resolve(doc.tree, "actions.0.owner")
    assert key == "owner" and container["id"] == "A1"
    container, key = resolve(doc.tree, "attendees.1")
    assert container[key] == "李娜"
    container, key = resolve(doc.tree, "recorder")
    assert container is doc.tree and key == "recorder"


def test_resolve_creates_a_missing_mapping_on_the_way(ws: Path) -> None:
    doc = open_doc(ws, MEETING)
    container, key = resolve(doc.tree, "acceptance.by")
    assert key == "by" and "acceptance" in doc.tree and container is doc.tree["acceptance"]


@pytest.mark.parametrize(
    ("dotted", "message"),
    [
        ("actions.A9.due", "no 'actions.A9' in this record"),
        ("actions.A9", "no item 'A9' in 'actions'"),
        ("host.name", "'host' is a value, not a mapping"),
    ],
)
def test_resolve_refuses_what_is_not_there(ws: Path, dotted: str, message: str) -> None:
    doc = open_doc(ws, MEETING)
    with pytest.raises(EditRefused) as info:
        resolve(doc.tree, dotted)
    assert info.value.text("en") == message


def test_find_item(ws: Path) -> None:
    doc = open_doc(ws, MEETING)
    name, index, item = find_item(doc.tree, "A2", ("actions", "todos"))
    assert (name, index, item["owner"]) == ("actions", 1, "赵磊")
    with pytest.raises(EditRefused) as info:
        find_item(doc.tree, "A3", ("actions", "todos"))
    assert info.value.text("en") == "no item A3 in actions / todos"
    assert find_item(doc.tree, "1", ("actions",))[2]["id"] == "A2"  # an index works too


def test_set_key_inserts_after_anchor_without_moving_comments(ws: Path) -> None:
    doc = open_doc(ws, MEETING)
    set_key(doc.tree, "recorder", "李娜", after="host")
    text = doc.dump()
    lines = text.splitlines()
    assert lines[lines.index("host: 张伟") + 1] == "recorder: 李娜"
    # a comment line that belongs to what follows a key stays in front of that
    set_key(doc.tree, "minutes_sent_at", node("2024-10-08 18:00"))
    text = doc.dump()
    assert text.endswith("minutes_sent_at: 2024-10-08 18:00\n# 文件末尾的注释\n") or text.endswith(
        "# 文件末尾的注释\nminutes_sent_at: 2024-10-08 18:00\n"
    )


# --- Document: open, dump, save ----------------------------------------------------------


def test_unchanged_document_dumps_byte_identical(ws: Path) -> None:
    doc = open_doc(ws, MEETING)
    assert doc.dump() == MEETING


@pytest.mark.parametrize(("bom", "crlf"), [(True, False), (False, True), (True, True)])
def test_bom_and_crlf_are_put_back(ws: Path, bom: bool, crlf: bool) -> None:
    raw = MEETING.replace("\n", "\r\n") if crlf else MEETING
    data = (b"\xef\xbb\xbf" if bom else b"") + raw.encode("utf-8")
    doc = open_doc(ws, data)
    assert (doc.bom, doc.crlf) == (bom, crlf)
    assert doc.encode(doc.dump()) == data
    doc.tree["host"] = "李娜"
    doc.save(load_config(ws))
    assert doc.path.read_bytes() == data.replace("host: 张伟".encode(), "host: 李娜".encode())


def test_open_refuses_a_file_that_is_not_a_mapping(ws: Path) -> None:
    path = write(ws, "records/meetings/HY-2024-007.yaml", "- a\n- b\n")
    with pytest.raises(EditRefused) as info:
        Document.open(path, "records/meetings/HY-2024-007.yaml")
    assert info.value.text("en") == (
        "records/meetings/HY-2024-007.yaml:1: the file does not hold a record mapping"
    )


def test_save_refuses_an_invalid_record_and_leaves_the_file(ws: Path) -> None:
    doc = open_doc(ws, MEETING)
    before = doc.path.read_bytes()
    doc.tree["start"] = "2024-13-45"
    with pytest.raises(EditRefused, match="2024-13-45"):
        doc.save(load_config(ws))
    assert doc.path.read_bytes() == before
    assert leftovers(doc.path.parent) == []


def test_save_keeps_the_file_mode(ws: Path) -> None:
    doc = open_doc(ws, MEETING)
    os.chmod(doc.path, 0o600)
    doc.tree["host"] = "李娜"
    doc.save(load_config(ws))
    assert doc.path.stat().st_mode & 0o777 == 0o600


# --- atomic writes -----------------------------------------------------------------------


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_write_atomic_failure_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "f.yaml"
    target.write_bytes(b"old\n")

    def boom(*args: object) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(atomic.os, failing, boom)
    with pytest.raises(atomic.WriteFailed, match="disk on fire"):
        atomic.write_atomic(target, b"new\n" * 1000)
    assert target.read_bytes() == b"old\n"
    assert leftovers(tmp_path) == []


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    target.write_bytes(b"x" * 10_000)
    atomic.write_atomic(target, b"short\n")
    assert target.read_bytes() == b"short\n"
    assert leftovers(tmp_path) == []


def test_create_exclusive(tmp_path: Path) -> None:
    target = tmp_path / "RW-2024-001.yaml"
    assert atomic.create_exclusive(target, b"first\n") is True
    assert atomic.create_exclusive(target, b"second\n") is False
    assert target.read_bytes() == b"first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["RW-2024-001.yaml"]


def test_create_exclusive_failure_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(atomic.os, "fsync", boom)
    with pytest.raises(atomic.WriteFailed, match="disk on fire"):
        atomic.create_exclusive(tmp_path / "RW-2024-001.yaml", b"data\n")
    assert list(tmp_path.iterdir()) == []


def test_create_exclusive_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system without hard links (some network shares) still gets exclusive creation."""

    def no_links(*args: object) -> None:
        raise PermissionError("operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    target = tmp_path / "RW-2024-001.yaml"
    assert atomic.create_exclusive(target, b"first\n") is True
    assert atomic.create_exclusive(target, b"second\n") is False
    assert target.read_bytes() == b"first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["RW-2024-001.yaml"]


def test_create_exclusive_respects_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic.create_exclusive(tmp_path / "a.yaml", b"x\n")
    finally:
        os.umask(old)
    assert (tmp_path / "a.yaml").stat().st_mode & 0o777 == 0o640
