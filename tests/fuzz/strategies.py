"""What the fuzz suite feeds collab: random bytes, random YAML structures, record-shaped
mappings, and mutations of the example workspace's real records."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from collabkit.models import KINDS, MODELS
from tests.helpers import EXAMPLES

RECORD_FILES = sorted(p.relative_to(EXAMPLES).as_posix()
                      for p in (EXAMPLES / "records").rglob("*.yaml"))
ORIGINALS = {rel: (EXAMPLES / rel).read_bytes() for rel in RECORD_FILES}

CONTROLS = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]
ODD_CHARACTERS = [
    "\ufeff",  # a BOM in the middle
    "\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f", "\u061c",  # bidi controls
    "\u2028", "\u2029", "\u0085", "\ufffe", "\uffff", "\u200b", "\U0001f600", "\u00a0",
]
SNIPPETS = [
    "\t", "\r", "\r\n", "\n", " ", ": ", "- ", "? ", "#", "'", '"', "\\", "{", "}", "[", "]",
    ",", "&a ", "*a", "<<: *a\n", "!!python/object/apply:os.system ['true']", "!x ", "%YAML 1.1\n",
    "---\n", "...\n", "|\n", ">-\n", "~", "null", ".inf", "-.nan", "0x1F", "0o17", "1e999",
    "9" * 400, "-" + "9" * 40, "2024-02-30", "2024-13-01 25:61", "9999-12-31", "0001-01-01",
    "尽快", "{{ 7*7 }}", "{% raw %}", "\x1b[2J", "\x1b]8;;http://evil.example\x1b\\",
    "[bold red]x[/]", "=cmd|' /C calc'!A0", "../../etc/passwd", "..\\..\\x",
    "x" * 100_000,
]


def nesting(depth: int, style: str) -> str:
    if style == "flow":
        return "[" * depth + "]" * depth
    if style == "map":
        return "{a: " * depth + "1" + "}" * depth
    return "\n".join(" " * i + "- " for i in range(depth)) + "x"


@dataclass(frozen=True)
class Mutation:
    """One change to a file's bytes, at a point given as a fraction of its length."""

    op: str
    where: float
    payload: bytes = b""
    bit: int = 0

    def apply(self, raw: bytes) -> bytes:
        at = min(int(self.where * len(raw)), max(len(raw) - 1, 0))
        lines = raw.split(b"\n")
        line = min(int(self.where * len(lines)), len(lines) - 1)
        if self.op == "cut":
            return raw[:at]
        if self.op == "flip" and raw:
            return raw[:at] + bytes([raw[at] ^ (1 << self.bit)]) + raw[at + 1 :]
        if self.op == "double":
            return b"\n".join([*lines[: line + 1], lines[line], *lines[line + 1 :]])
        if self.op == "delete":
            return b"\n".join(lines[:line] + lines[line + 1 :])
        if self.op == "insert-line":
            return b"\n".join([*lines[:line], self.payload, *lines[line:]])
        return raw[:at] + self.payload + raw[at:]  # insert


def _payloads() -> st.SearchStrategy[bytes]:
    text = st.one_of(
        st.sampled_from(CONTROLS + ODD_CHARACTERS + SNIPPETS),
        st.builds(nesting, st.integers(1, 300), st.sampled_from(["flow", "map", "block"])),
        st.text(max_size=20),
    )
    return st.one_of(text.map(lambda s: s.encode("utf-8", "surrogatepass")),
                     st.binary(max_size=8))


mutations = st.one_of(
    st.builds(Mutation, st.sampled_from(["cut", "double", "delete"]), st.floats(0, 1)),
    st.builds(Mutation, st.just("flip"), st.floats(0, 1), st.just(b""), st.integers(0, 7)),
    st.builds(Mutation, st.sampled_from(["insert", "insert-line"]), st.floats(0, 1),
              _payloads()),
)


@st.composite
def mutated_record(draw: st.DrawFn) -> tuple[str, bytes]:
    """(path in the workspace, bytes): a real record with one to four mutations."""
    rel = draw(st.sampled_from(RECORD_FILES))
    raw = ORIGINALS[rel]
    for mutation in draw(st.lists(mutations, min_size=1, max_size=4)):
        raw = mutation.apply(raw)
    return rel, raw


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-(10**400), 10**400),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from(CONTROLS + ODD_CHARACTERS + SNIPPETS[:-1]),
    st.dates().map(str), st.datetimes().map(str),
)
keys = st.one_of(st.text(max_size=12), st.integers(-5, 5), st.sampled_from(
    ["kind", "id", "title", "status", "actions", "links", "due", "owner", "progress"]))
structures = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=5),
    max_leaves=30,
)


@st.composite
def record_shaped(draw: st.DrawFn) -> dict[object, object]:
    """A mapping that looks like a record: a kind, an id, and some of its fields with random
    values (lists of mappings with item-like keys where the model has item lists)."""
    kind = draw(st.sampled_from([*KINDS, "meating", ""]))
    model = MODELS.get(kind)
    fields = sorted(model.model_fields) if model is not None else ["title"]
    chosen = draw(st.lists(st.sampled_from(fields), max_size=8, unique=True))
    data: dict[object, object] = {"kind": kind, "id": draw(st.sampled_from(
        ["HY-2024-001", "RW-2024-001", "KH-2024-001", "XZ-2024-001", "bad id", "HY-2024-01"]))}
    items = st.dictionaries(st.sampled_from(["id", "task", "owner", "due", "deliverable",
                                             "status", "version", "at", "summary", "note"]),
                            scalars, max_size=6)
    for name in chosen:
        data[name] = draw(st.one_of(structures, st.lists(items, max_size=4)))
    return data


def dump(data: object) -> bytes:
    """YAML text of `data` (random structures can hold what YAML cannot say: then repr)."""
    import yaml_rs

    try:
        return yaml_rs.dumps(data).encode("utf-8", "surrogatepass")
    except Exception:
        return repr(data).encode("utf-8", "surrogatepass")
