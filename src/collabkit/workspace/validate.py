"""One record file → its model, or findings that say exactly where it is wrong."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from collabkit.errors import RecordError
from collabkit.findings import Finding
from collabkit.i18n import text as say
from collabkit.io.conflicts import refuse_conflicts
from collabkit.io.positions import quick_line
from collabkit.io.scan import locate as scan_locate
from collabkit.io.scan import position_index
from collabkit.io.yamlio import decode, load_data, load_roundtrip, read_bytes_and_status
from collabkit.models import validated_record
from collabkit.models._types import validation_context
from collabkit.models.explain import clean_loc, describe, select
from collabkit.workspace.config import Config
from collabkit.workspace.records import RecordFile

Result = tuple[RecordFile | None, Any, list[Finding]]


CHUNK = 64  # files a stage of `validate_files` takes at a time
Read = tuple[Result, os.stat_result | None, bytes | None]


def validate_file(path: Path, rel: str, config: Config) -> Result:
    """Read, parse and validate one record file. Never raises for bad content."""
    return next(validate_files([(path, rel)], config))[0]


def validate_files(jobs: Sequence[tuple[Path, str]], config: Config) -> Iterator[Read]:
    """`validate_file` of each (path, rel), with the file's status as it was opened and
    the bytes it was read as (None when it could not be). Done a stage at a time over a
    few dozen files (read them all, then parse them all, then validate them all): each
    stage's code then stays in the processor's caches, an eighth faster over 10,000
    records than file by file."""
    language = config.language
    for start in range(0, len(jobs), CHUNK):
        chunk = jobs[start : start + CHUNK]
        read = [_text(path, rel, language) for path, rel in chunk]
        files = [_file(*job, got[2], language) for job, got in zip(chunk, read, strict=True)]
        for (st, raw, _), file in zip(read, files, strict=True):
            yield _validated(file, config), st, raw


def _text(
    path: Path, rel: str, language: str
) -> tuple[os.stat_result | None, bytes | None, str | Result]:
    try:
        raw, st = read_bytes_and_status(path, rel)
    except RecordError as exc:
        return None, None, (None, None, [_finding(exc, rel, language)])
    try:
        text = decode(raw, rel)
        refuse_conflicts(text, rel, language)  # before YAML says "expected ':'"
    except RecordError as exc:
        return st, raw, (None, None, [_finding(exc, rel, language)])
    return st, raw, text


def _file(path: Path, rel: str, text: str | Result, language: str) -> RecordFile | Result:
    if isinstance(text, tuple):
        return text
    try:
        return RecordFile(path, rel, text, load_data(text, rel))
    except RecordError as exc:
        return None, None, [_finding(exc, rel, language)]


def _validated(file: RecordFile | Result, config: Config) -> Result:
    if isinstance(file, tuple):
        return file
    data, rel = file.data, file.rel
    if data is None:
        message = say("record.empty", config.language)
        return file, None, [_at_top(rel, "empty-file", message)]
    if not isinstance(data, dict):
        key = "record.found_list" if isinstance(data, list) else "record.found_value"
        return file, None, [_at_top(rel, "not-a-mapping", say(key, config.language))]
    return file, *validate_data(file, config)


def validate_data(file: RecordFile, config: Config) -> tuple[Any, list[Finding]]:
    """Validate parsed data; schema errors are located with the round-trip parser."""
    record, errors = validated_record(file.data, validation_context(config.tz))
    if errors:
        return None, schema_findings(file, errors, config.language)
    return record, []


def schema_findings(file: RecordFile, errors: list[Any], language: str = "zh") -> list[Finding]:
    """One finding per schema error, at the line and column of the offending key or value."""
    where = Positions(file.text, file.rel)
    findings = []
    for error in select(errors):
        code, message = describe(error, language=language, data=file.data)
        loc = clean_loc(error["loc"], None)
        line, column = where.of_error(loc, error["type"])
        findings.append(Finding(file.rel, line, column, "error", code, message))
    return findings


class Positions:
    """Line and column of key paths in one record's text: by a scan of the text where it
    is sure (`io.scan`), else from ruamel's tree, parsed once, on demand."""

    def __init__(self, text: str, rel: str) -> None:
        self.text, self.rel = text, rel
        self.index = position_index(text)
        self._tree: Any = None
        self._parsed = False

    def at(self, loc: tuple[str | int, ...], *, value: bool) -> tuple[int, int]:
        if self.index is not None:
            found = scan_locate(self.index, loc, at_value=value)
            if found is not None:
                return found
        tree = self.tree()
        if tree is None:  # ruamel cannot read what the fast parser did
            return quick_position(self.text, loc), 1
        from collabkit.io.positions import locate

        return locate(tree, loc, at_value=value)

    def of_error(self, loc: tuple[str | int, ...], kind: str) -> tuple[int, int]:
        """Where a schema error of `kind` at `loc` points."""
        if kind == "missing":
            return self.at(loc[:-1], value=False)
        if kind in ("union_tag_not_found", "union_tag_invalid"):
            has_kind = isinstance(self.index, dict) and ("kind",) in self.index
            if not has_kind:
                tree = self.tree()
                has_kind = tree is not None and "kind" in tree
            return self.at(("kind",), value=True) if has_kind else (1, 1)
        return self.at(loc, value=kind != "extra_forbidden")

    def tree(self) -> Any:
        if not self._parsed:
            self._tree, self._parsed = roundtrip_or_none(self.text, self.rel), True
        return self._tree


def roundtrip_or_none(text: str, rel: str) -> Any:
    """ruamel's tree of a text the fast parser read, or None where ruamel disagrees (it
    refuses a few things YAML 1.2 allows, such as some tabs): positions only, never fatal."""
    try:
        return load_roundtrip(text, rel)
    except RecordError:
        return None


def quick_position(text: str, loc: tuple[str | int, ...]) -> int:
    """The line of `loc` (or of its deepest part that a scan finds), else 1."""
    while loc:
        line = quick_line(text, loc)
        if line is not None:
            return line
        loc = loc[:-1]
    return 1


def _finding(exc: RecordError, rel: str, language: str) -> Finding:
    message = exc.message_in(language)
    return Finding(rel, exc.line or 1, exc.column or 1, "error", exc.code, message)


def _at_top(rel: str, code: str, message: str) -> Finding:
    """An error about the whole file, reported at its first line."""
    return Finding(rel, 1, 1, "error", code, message)
