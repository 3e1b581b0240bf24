"""Reading YAML safely (collabkit.yamlio): encodings, syntax errors, bombs, tags, positions."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from collabkit.errors import RecordError
from collabkit.io.yamlio import decode, load_data, load_roundtrip, read_text


def refused(text: str) -> RecordError:
    with pytest.raises(RecordError) as info:
        load_data(text, "r.yaml")
    return info.value


def said(err: RecordError) -> tuple[str, str]:
    """The message of `err` in Chinese and in English."""
    return err.message_in("zh"), err.message_in("en")


# --- bytes → text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "kind: meeting\ntitle: 协调会\n".encode(),
        b"\xef\xbb\xbf" + "kind: meeting\ntitle: 协调会\n".encode(),
        "kind: meeting\r\ntitle: 协调会\r\n".encode(),
        b"\xef\xbb\xbf" + "kind: meeting\r\ntitle: 协调会\r\n".encode(),
    ],
    ids=["utf8", "bom", "crlf", "bom-crlf"],
)
def test_decode_accepts_bom_and_crlf(raw: bytes) -> None:
    assert decode(raw, "r.yaml") == "kind: meeting\ntitle: 协调会\n"


def test_decode_gbk_names_gbk_and_the_line() -> None:
    raw = "kind: meeting\nid: HY-2024-001\ntitle: 协调会\n".encode("gbk")
    with pytest.raises(RecordError) as info:
        decode(raw, "records/meetings/HY-2024-001.yaml")
    err = info.value
    assert (err.code, err.line, err.column) == ("encoding", 3, 1)
    assert str(err) == (
        "records/meetings/HY-2024-001.yaml:3:1: 文件不是 UTF-8 编码"
        "(看起来是 GBK,中文 Windows 编辑器常这样保存);请另存为 UTF-8"
    )
    assert err.text("en") == (
        "records/meetings/HY-2024-001.yaml:3:1: file is not UTF-8 (it looks like GBK, "
        "as Chinese Windows editors save it); save it as UTF-8"
    )


def test_decode_other_garbage_does_not_claim_gbk() -> None:
    with pytest.raises(RecordError) as info:
        decode(b"kind: meeting\ntitle: \xff\xfe\xff\n", "r.yaml")
    assert said(info.value) == ("文件不是 UTF-8 编码;请另存为 UTF-8",
                                "file is not UTF-8; save it as UTF-8")
    assert info.value.line == 2


def test_read_text_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RecordError) as info:
        read_text(tmp_path / "gone.yaml", "records/gone.yaml")
    assert (info.value.code, said(info.value)) == ("unreadable", (
        "无法读取文件:No such file or directory", "cannot read file: No such file or directory"))
    assert str(info.value) == "records/gone.yaml: 无法读取文件:No such file or directory"


# --- text → data ----------------------------------------------------------------------------


def test_dates_stay_text_and_types_are_plain() -> None:
    data = load_data("a: 2024-02-30\nb: 2024-09-30 14:00\nc: 3\nd: [x, y]\ne: 注意!\n", "r.yaml")
    assert data == {"a": "2024-02-30", "b": "2024-09-30 14:00", "c": 3, "d": ["x", "y"],
                    "e": "注意!"}


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("kind: meeting\ntitle: x\n  bad: indent\n", (3, 6),
         "YAML: mapping values are not allowed here"),
        ("kind: meeting\ntitle: [a, b\nstatus: held\n", (3, 7),
         "YAML: expected ',' or ']', but got ':'"),
        ("kind: meeting\ntitle: x\n\tstatus: held\n", (3, 1),
         "YAML: found character '\\t' that cannot start any token"),
        ("kind: meeting\ntitle: \"open\nstatus: held\n", (4, 1),
         "YAML: found unexpected end of stream"),
    ],
    ids=["indent", "unclosed-flow", "tab", "unclosed-quote"],
)
def test_syntax_errors_are_positioned(text: str, where: tuple[int, int], message: str) -> None:
    """The parser's own words say what it met, after a prefix in the reader's language."""
    err = refused(text)
    assert (err.code, (err.line, err.column), err.message_in("en")) == (
        "yaml-syntax", where, message)
    assert err.message_in("zh") == message.replace("YAML: ", "YAML 语法错误:")


def test_duplicate_key_points_at_the_second() -> None:
    err = refused("kind: meeting\ntitle: a\nstatus: held\ntitle: b\n")
    assert (err.code, err.line, err.column) == ("duplicate-key", 4, 1)
    assert said(err) == ('YAML 中有重复的键 "title"', 'YAML: found duplicate key "title"')


def test_duplicate_nested_key() -> None:
    err = refused("kind: requirement\nrequester:\n  lead: 张伟\n  lead: 李娜\n")
    assert (err.code, err.line, err.column) == ("duplicate-key", 4, 3)


def bomb(levels: int, width: int = 10) -> str:
    lines = ['a0: &a0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


MAPPING_BOMB = "a: &a {x: lol, y: lol}\n" + "".join(
    f"{n}: &{n} {{" + ", ".join(f"k{j}: *{p}" for j in range(9)) + "}\n"
    for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize("text", [bomb(9), bomb(30), bomb(3, width=200), MAPPING_BOMB],
                         ids=["billion-laughs", "deep", "wide", "mapping"])
def test_alias_bombs_are_refused_fast(text: str) -> None:
    started = time.perf_counter()
    err = refused(text)
    assert time.perf_counter() - started < 1.0
    assert err.code == "yaml-alias"
    assert said(err) == ("别名展开次数过多(YAML 炸弹?);别名的展开是有上限的",
                         "too many alias expansions (a YAML bomb?); aliases are bounded")
    assert (err.line, err.column) == (2, 1)


def test_a_few_aliases_are_fine() -> None:
    data = load_data("who: &w 张伟\nhost: *w\nlist: &l [a, b]\nagain: *l\n", "r.yaml")
    assert data == {"who": "张伟", "host": "张伟", "list": ["a", "b"], "again": ["a", "b"]}


@pytest.mark.parametrize(
    ("template", "where", "tag"),
    [
        ("kind: x\ntitle: !!python/object/apply:os.system ['touch {m}']\n", (2, 8),
         "tag:yaml.org,2002:python/object/apply:os.system"),
        ("--- !!python/object/apply:os.system ['touch {m}']\n", (1, 5),
         "tag:yaml.org,2002:python/object/apply:os.system"),
        ("kind: x\nl: [1, !!python/object/apply:os.system ['touch {m}']]\n", (2, 8),
         "tag:yaml.org,2002:python/object/apply:os.system"),
        ("kind: x\nl:\n  - !!python/object/apply:os.system ['touch {m}']\n", (3, 5),
         "tag:yaml.org,2002:python/object/apply:os.system"),
        ("kind: x\n!!python/object/apply:os.system ['touch {m}']: 1\n", (2, 1),
         "tag:yaml.org,2002:python/object/apply:os.system"),
        ("kind: x\na:\n  b: !!python/name:os.system\n", (3, 6),
         "tag:yaml.org,2002:python/name:os.system"),
        ("kind: x\nt: !custom x\n", (2, 4), "!custom"),
        ("kind: x\nn: !!str 2024\n", (2, 4), "tag:yaml.org,2002:str"),
    ],
    ids=["value", "document", "flow-item", "block-item", "key", "name", "local", "core"],
)
def test_tags_never_construct(tmp_path: Path, template: str, where: tuple[int, int],
                              tag: str) -> None:
    marker = tmp_path / "PWNED"
    err = refused(template.replace("{m}", str(marker)))
    assert err.code == "yaml-tag"
    assert (err.line, err.column) == where
    assert said(err) == (f"记录中不允许使用 YAML 标签:{tag}",
                         f"YAML tags are not allowed in records: {tag}")
    assert not marker.exists()


def test_exclamation_marks_in_text_are_not_tags() -> None:
    text = 'title: "上线了!"\nnote: it works!\nflow: [a!, "!b"]\nblock: |\n  注意 !重要\n'
    assert load_data(text, "r.yaml") == {
        "title": "上线了!", "note": "it works!", "flow": ["a!", "!b"], "block": "注意 !重要\n",
    }


@pytest.mark.parametrize(
    "text",
    ["kind: a\n---\nkind: b\n", "---\nkind: a\n---\nkind: b\n", "# 注释\n---\n- a\n---\n- b\n",
     "kind: a\n---\n"],
    ids=["separator", "leading-separator", "comment-first", "empty-second"],
)
def test_several_documents_are_refused(text: str) -> None:
    err = refused(text)
    assert said(err) == ("一个记录文件只能有一个 YAML 文档,这里有多个",
                         "a record file holds one YAML document, found several")


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("---\nkind: a\n", {"kind": "a"}),
        ("kind: a\n...\n", {"kind": "a"}),
        ("- a\n- b\n", ["a", "b"]),
        ("note: |\n  a\n  ---\n  b\n", {"note": "a\n---\nb\n"}),
        ("", None),
    ],
    ids=["leading-separator", "end-marker", "a-list", "dashes-in-text", "empty"],
)
def test_one_document_is_one_document(text: str, data: object) -> None:
    assert load_data(text, "r.yaml") == data


# --- the round-trip tree ----------------------------------------------------------------------


def test_roundtrip_keeps_impossible_dates_as_text_with_positions() -> None:
    tree = load_roundtrip("kind: meeting\nstart: 2024-02-30\nend: 2024-09-30\n", "r.yaml")
    assert tree["start"] == "2024-02-30"
    assert str(tree["end"]) == "2024-09-30"
    assert tree.lc.value("start") == (1, 7)


def test_roundtrip_syntax_error_is_a_record_error() -> None:
    with pytest.raises(RecordError) as info:
        load_roundtrip("a: [1\nb: 2\n", "r.yaml")
    assert (info.value.line, info.value.column) == (2, 2)
