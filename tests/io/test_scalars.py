"""Values collab writes into YAML read back as written (collabkit.io.scalars)."""

from __future__ import annotations

import pytest

from collabkit.io.scalars import yaml_scalar
from collabkit.io.yamlio import load_data, load_roundtrip


@pytest.mark.parametrize(
    ("value", "written"),
    [("协调会", "协调会"), ("a\x1bb", '"a\\u001bb"'), ("\x9b[2J", '"\\u009b[2J"'),
     ("a\x85b", '"a\\u0085b"'), ("a\u2028b", '"a\\u2028b"'), ("x\ufeffy", '"x\\ufeffy"'),
     ("a\tb", '"a\\tb"'), ("A\r0", '"A\\r0"'), ("a\x00", '"a\\u0000"'),
     ("{{ 7*7 }}", '"{{ 7*7 }}"')],
    ids=["plain", "esc", "csi", "nel", "line-separator", "bom", "tab", "cr", "nul", "braces"],
)
def test_text_is_written_so_that_both_readers_read_it_back(value: str, written: str) -> None:
    """Control characters, line separators, a BOM and tabs are escapes inside quotes: a raw
    one would make the file unreadable (or, for ruamel, a different value)."""
    assert yaml_scalar(value) == written
    assert load_data(f"v: {written}\n", "r.yaml") == {"v": value}
    assert load_roundtrip(f"v: {written}\n", "r.yaml")["v"] == value
