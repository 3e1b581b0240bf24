"""The one-pass scan places keys and items exactly where ruamel's tree does, or says it is
unsure; its lines agree with `quick_line`."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from collabkit.io.positions import locate, quick_line
from collabkit.io.scan import line_at, line_index, position_index
from collabkit.io.scan import locate as scan_locate
from collabkit.io.yamlio import load_roundtrip
from tests.helpers import EXAMPLES, ROOT

YAML_FILES = sorted(
    [
        *EXAMPLES.rglob("*.yaml"),
        *(ROOT / "tests").rglob("*.yaml"),
        *(ROOT / "benchmarks").rglob("*.yaml"),
    ]
)


def paths(node: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every path of a tree, and paths that miss (a key too many, an index past the end)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield (*prefix, key, "missing")
            yield (*prefix, key, 0)
            yield from paths(value, (*prefix, key))
        yield (*prefix, "absent", "deeper")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*prefix, i)
            yield from paths(value, (*prefix, i))
        yield (*prefix, len(node))


def exists(tree: Any, loc: tuple[str | int, ...]) -> bool:
    node = tree
    for segment in loc:
        in_map = isinstance(node, dict) and segment in node
        in_list = isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node)
        if not (in_map or in_list):
            return False
        node = node[segment]
    return True


def check_text(text: str) -> bool:
    """Compare the scan with ruamel on every path of `text`; whether the scan was sure."""
    tree = load_roundtrip(text, "t.yaml")
    index = position_index(text)
    lines = line_index(text)
    for loc in paths(tree):
        quick = quick_line(text, loc) if exists(tree, loc) else None
        if quick is not None:  # (quick_line does not know block scalars: real paths only)
            assert line_at(lines, loc) == quick, loc
        if index is None:
            continue
        for at_value in (False, True):
            found = scan_locate(index, loc, at_value=at_value)
            if found is not None:
                assert found == locate(tree, loc, at_value=at_value), (loc, at_value)
    return index is not None


def test_every_yaml_file_of_the_project() -> None:
    assert len(YAML_FILES) >= 20
    sure = 0
    for path in YAML_FILES:
        text = path.read_text(encoding="utf-8")
        try:
            tree = load_roundtrip(text, path.name)
        except Exception:
            continue  # the deliberately broken ones
        if isinstance(tree, dict):
            sure += check_text(text)
    assert sure >= 15


def test_what_the_scan_is_unsure_of() -> None:
    for text in (
        "a: [1,\n  2]\n",
        "a: this is\n  continued\n",
        'a: "open\n  quote"\n',
        "a: &x 1\nb: *x\n",
        "? complex\n: key\n",
        "a:\n\t- b\n",
        "---\na: 1\n",
        '"esc\\tape": 1\n',
        "1: number key\n",
        "a:\n",  # an empty value at the very end
        "a: 1\na: 2\n",
    ):
        assert position_index(text) is None, text


def test_the_columns_ruamel_gives_for_each_kind_of_value() -> None:
    text = (
        "a: 1\n"
        "b:\n"
        "  c: x\n"
        "  d:\n"
        "    - e: 1\n"
        "      f: 2\n"
        "    - 3\n"
        "    -   g: h\n"
        "  i: |\n"
        "    text: not a key\n"
        "  j:\n"
        "  - k\n"
        "  k: [1, 2]\n"
        "  l:\n"
        "  m: 'q'  # note\n"
    )
    assert check_text(text)
    index = position_index(text)
    assert index is not None
    assert scan_locate(index, ("b", "d"), at_value=True) == (5, 5)
    assert scan_locate(index, ("b", "d", 2, "g"), at_value=True) == (8, 12)
    assert scan_locate(index, ("b", "k", 0)) is None  # inside a flow sequence: ruamel's job
    assert ("b", "i", "text") not in index  # block scalar content is text


KEYS = st.one_of(
    st.sampled_from(
        ["id", "title", "due", "owner", "status", "actions", "note", "at", "负责人", "进展"]
    ),
    st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True),
)
SCALARS = st.one_of(
    st.integers(-5, 10_000),
    st.booleans(),
    st.none(),
    st.sampled_from(
        ["2024-10-08 18:00", "2024-09-30", "市场部", "完成素材 交付", "a: b", "# not", "x" * 30]
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["line one\nline two\n", "多行\n文本\n"]),
)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4),
        st.dictionaries(KEYS, inner, min_size=1, max_size=5),
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(KEYS, TREES, min_size=1, max_size=6),
    st.sampled_from([(2, 2, 0), (2, 4, 2), (4, 4, 2), (2, 3, 1)]),
    st.booleans(),
)
def test_block_style_yaml_as_a_writer_makes_it(
    data: dict[str, Any], indent: tuple[int, int, int], comments: bool
) -> None:
    yaml = YAML()
    yaml.default_flow_style = False
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    out = io.StringIO()
    yaml.dump(data, out)
    text = out.getvalue()
    if comments:  # a comment after every other line, and a comment line on top
        text = "# 说明\n" + "".join(
            line
            + (" # c" if i % 2 and not line.rstrip().endswith(("|", "|-", ">", "-")) else "")
            + "\n"
            for i, line in enumerate(text.splitlines())
        )
    try:
        load_roundtrip(text, "t.yaml")
    except Exception:
        return  # a comment that landed inside a block scalar's indicator line, say
    check_text(text)


def test_a_generated_benchmark_record_is_scanned_surely(tmp_path: Path) -> None:
    import subprocess
    import sys

    generate = ROOT / "benchmarks" / "generate.py"
    command = [sys.executable, str(generate), str(tmp_path / "w"), "--records", "30"]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    files = sorted((tmp_path / "w" / "records").rglob("*.yaml"))
    assert files and all(check_text(f.read_text(encoding="utf-8")) for f in files)
