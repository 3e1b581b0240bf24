"""Reading YAML safely: bytes → text → plain data, and text → round-trip tree.

Bulk reads use the Rust parser `yaml_rs` (YAML 1.2, ~20 µs a record): duplicate keys are an
error and alias expansion is bounded there. It drops tags silently, so a file that contains a
tag is refused here, before its data is used. Only when something is wrong, or a file is being
edited, do we pay for ruamel's round-trip parser, which knows every line and column.
"""

from __future__ import annotations

import os
import re
import stat
from functools import cache
from pathlib import Path
from typing import Any

from collabkit.errors import RecordError
from collabkit.i18n import msg
from collabkit.io.limits import (
    MAX_RECORD_BYTES,
    check_shape,
    check_text,
    may_be_deep,
    needs_walk,
    size,
    too_deep,
)

# A '!' that could start a tag: at the start of a value, list item or flow item. Text such as
# "注意!" or "it works!" does not match; anything that does is confirmed by the event parser.
_TAG_CANDIDATE = re.compile(r"(?:^|[\s\[\{,:\-?])!", re.MULTILINE)
_RS_POSITION = re.compile(r"at line (\d+), column (\d+)")
_DUPLICATE = re.compile(r'found duplicate key "(.*?)"(?: with value|$)', re.DOTALL)
MAX_ALIAS_EVENTS = 10_000


def decode(raw: bytes, path: Path | str) -> str:
    """UTF-8 text of a file (a BOM and CRLF line ends are fine), or a clear error."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        key = "read.not_utf8"
        try:
            raw.decode("gbk")
            key = "read.not_utf8_gbk"
        except UnicodeDecodeError:
            pass
        raise RecordError(
            msg(key),
            code="encoding",
            path=path,
            line=line,
            column=1,
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text


def load_data(text: str, path: Path | str) -> Any:
    """Parse one YAML document into plain Python data (dates stay strings).

    Refuses what `limits` refuses: control characters, and files too large or too deep.
    """
    import yaml_rs

    check_text(text, path)
    try:
        data = yaml_rs.loads(
            text,
            parse_datetime=False,
            alias_limits=yaml_rs.AliasLimits(max_total_replayed_events=MAX_ALIAS_EVENTS),
        )
    except yaml_rs.YAMLDecodeError as exc:
        raise _explain_parse_failure(text, path, str(exc)) from None
    except (UnicodeError, ValueError) as exc:
        raise RecordError(
            msg("yaml.unreadable", reason=str(exc)), path=path, line=1, column=1
        ) from None
    if needs_walk(text):
        check_shape(data, text, path)
    if "!" in text and _TAG_CANDIDATE.search(text):
        _refuse_tags(text, path)
    if isinstance(data, list) and _is_multi_document(text):
        raise RecordError(msg("yaml.several_documents"), path=path, line=1, column=1)
    return data


def _is_multi_document(text: str) -> bool:
    return len(re.findall(r"^---", text, re.MULTILINE)) > 1 or "\n---" in text


def _explain_parse_failure(text: str, path: Path | str, rs_message: str) -> RecordError:
    """Turn a fast-parser failure into a positioned one-line error."""
    if "alias" in rs_message and "limit" in rs_message:
        line = next((i for i, s in enumerate(text.splitlines(), 1) if "*" in s), 1)
        return RecordError(
            msg("yaml.alias_bomb"),
            code="yaml-alias",
            path=path,
            line=line,
            column=1,
        )
    m = _RS_POSITION.search(rs_message)
    line, column = (int(m[1]), int(m[2])) if m else (1, 1)
    if "recursion limit" in rs_message:
        return too_deep(path, line, column)
    if may_be_deep(text):  # ruamel recurses: only the fast parser's word on deep text
        return _syntax(rs_message, path, line, column)
    if "duplicate" in rs_message or "Invalid tag" in rs_message:
        if "Invalid tag" in rs_message:
            _refuse_tags(text, path)
        return _ruamel_failure(text, path) or _syntax(rs_message, path, 1, None)
    positioned = _ruamel_failure(text, path)
    if positioned is not None:
        return positioned
    return _syntax(rs_message, path, line, column)


def _syntax(rs_message: str, path: Path | str, line: int, column: int | None) -> RecordError:
    """The fast parser's failure in its own words (its last line says what it met)."""
    lines = rs_message.strip().splitlines()
    problem = msg("yaml.syntax", problem=lines[-1].strip()) if lines else msg("yaml.invalid")
    return RecordError(problem, path=path, line=line, column=column)


def _ruamel_failure(text: str, path: Path | str) -> RecordError | None:
    from ruamel.yaml.error import MarkedYAMLError

    try:
        roundtrip_yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        problem = (exc.problem or exc.context or "").strip()
        code = "duplicate-key" if "duplicate key" in problem else "yaml-syntax"
        duplicate = _DUPLICATE.match(problem)
        if duplicate:
            message = msg("yaml.duplicate_key", key=duplicate[1])
        else:
            shown = problem.split(" with value")[0]
            message = msg("yaml.problem", problem=shown) if shown else msg("yaml.invalid")
        return RecordError(message, code=code, path=path, line=line, column=column)
    except RecursionError:
        return too_deep(path)
    except Exception as exc:  # ruamel raises a few unmarked errors too
        return RecordError(msg("yaml.syntax", problem=str(exc)), path=path, line=1, column=1)
    return None


def _refuse_tags(text: str, path: Path | str) -> None:
    """Raise on the first explicit tag (`!!python/object`, `!foo` ...): tags never construct."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    try:
        for event in YAML(typ="rt").parse(text):
            tag = getattr(event, "tag", None)
            if tag:
                mark = event.start_mark
                raise RecordError(
                    msg("yaml.tag", tag=tag),
                    code="yaml-tag",
                    path=path,
                    line=mark.line + 1,
                    column=mark.column + 1,
                )
    except MarkedYAMLError:
        return  # a syntax error: reported by the caller with its own position


def load_roundtrip(text: str, path: Path | str) -> Any:
    """Parse with ruamel's round-trip loader: comments, order and positions kept.

    The same limits as `load_data` hold; a text that could be too deep for ruamel's
    recursion is checked by the fast parser first. Any failure is a RecordError.
    """
    check_text(text, path)
    if needs_walk(text):
        load_data(text, path)
    try:
        return roundtrip_yaml().load(text)
    except Exception:
        raise _ruamel_failure(text, path) or RecordError(msg("yaml.invalid"), path=path) from None


def roundtrip_yaml() -> Any:
    """A ruamel YAML instance set up to write records back the way people write them."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Constructor = _lenient_constructor()
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


@cache
def _lenient_constructor() -> Any:
    """ruamel's round-trip constructor, but an impossible date (2024-02-30) stays text.

    ruamel raises a bare ValueError for one; the schema reports it with its position.
    """
    from ruamel.yaml.constructor import RoundTripConstructor

    class LenientConstructor(RoundTripConstructor):
        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            try:
                return super().construct_yaml_timestamp(node, values)
            except ValueError:
                return self.construct_scalar(node)

    LenientConstructor.add_constructor(
        "tag:yaml.org,2002:timestamp", LenientConstructor.construct_yaml_timestamp
    )
    return LenientConstructor


def read_text(path: Path, shown: Path | str | None = None) -> str:
    """The decoded text of a record or config file."""
    shown = shown if shown is not None else path
    return decode(read_bytes(path, shown), shown)


def read_bytes(path: Path | str, shown: Path | str) -> bytes:
    """The bytes of a regular file of at most MAX_RECORD_BYTES, or a RecordError.

    Opened without blocking, so that a FIFO or a device under `records/` is refused
    instead of hanging the command, and read no further than the limit.
    """
    return read_bytes_and_status(path, shown)[0]


def read_bytes_and_status(path: Path | str, shown: Path | str) -> tuple[bytes, os.stat_result]:
    """`read_bytes`, and the file's status as it was opened (before it was read): the
    identity a cache keeps, without a second look at the file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise unreadable(exc, shown) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # a folder, a FIFO, a device: never read
            raise RecordError(
                msg("read.not_regular"),
                code="unreadable",
                path=shown,
                line=1,
                column=1,
            )
        if info.st_size > MAX_RECORD_BYTES:
            raise size(info.st_size, shown)
        raw = _read_to_limit(fd, info.st_size, shown)
    finally:
        os.close(fd)
    return raw, info


def _read_to_limit(fd: int, expected: int, shown: Path | str) -> bytes:
    """The bytes of an open file, to its end or one past MAX_RECORD_BYTES (the caller
    refuses that): asking for the size it has, plus one, first."""
    try:
        raw = os.read(fd, expected + 1)
        while len(raw) <= MAX_RECORD_BYTES:  # a short read, or it grew since: read on
            more = os.read(fd, MAX_RECORD_BYTES + 1 - len(raw))
            if not more:
                break
            raw += more
    except OSError as exc:
        raise unreadable(exc, shown) from None
    return raw


def unreadable(exc: OSError, shown: Path | str) -> RecordError:
    """The error for a file the system would not let collab read."""
    reason = exc.strerror or str(exc)
    return RecordError(msg("read.failed", reason=reason), code="unreadable", path=shown)
