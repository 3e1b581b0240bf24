"""Reading many record files at once (`validate_files`), and what makes it cheap: moments
read once per text and zone, and paths made relative without a system call."""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabkit.models import _types
from collabkit.models._types import validation_context
from collabkit.models.meeting import Meeting
from collabkit.workspace import Config, Workspace
from collabkit.workspace import validate as reading
from collabkit.workspace.validate import validate_file, validate_files

CONFIG = Config()
MEETING = "kind: meeting\nid: HY-2024-{n:03d}\ntitle: 周会\nstart: 2024-10-08 14:00\n"
# one of each way a file can fail to read, parse or validate, and some that read well
KINDS_OF_FILE: list[bytes] = [
    MEETING.encode(),
    b"\xff\xfe not UTF-8 at all",
    b"kind: meeting\n<<<<<<< HEAD\nid: HY-2024-001\n=======\n>>>>>>> b\n",
    b"kind: meeting\nid: [unclosed\n",
    b"",
    b"- a list\n- not a record\n",
    b"kind: meeting\nid: HY-2024-001\nstart: 2024-13-45\nstatus: finished\n",
    b"kind: meeting\nid: HY-2024-001\nid: HY-2024-002\n",
]


def _files(tmp_path: Path, count: int) -> list[tuple[Path, str]]:
    jobs = []
    for n in range(count):
        path = tmp_path / f"r{n:03d}.yaml"
        content = KINDS_OF_FILE[n % len(KINDS_OF_FILE)].replace(b"{n:03d}", b"%03d" % n)
        path.write_bytes(content)
        jobs.append((path, path.name))
    return jobs


def test_many_files_read_at_once_give_what_each_read_alone_gives(tmp_path: Path) -> None:
    """Across more files than a stage takes at once (and a folder in the way), every file
    gets the answer `validate_file` gives it alone, its own status and its own bytes."""
    jobs = _files(tmp_path, 2 * reading.CHUNK + 5)
    (tmp_path / "a-folder.yaml").mkdir()
    jobs.insert(3, (tmp_path / "a-folder.yaml", "a-folder.yaml"))
    jobs.append((tmp_path / "gone.yaml", "gone.yaml"))
    together = list(validate_files(jobs, CONFIG))
    assert len(together) == len(jobs)
    for (path, rel), (result, status, raw) in zip(jobs, together, strict=True):
        alone = validate_file(path, rel, CONFIG)
        assert result[1:] == alone[1:], rel
        assert (result[0] is None) == (alone[0] is None), rel
        if path.is_file():
            assert raw == path.read_bytes()
            assert status is not None and status.st_ino == os.stat(path).st_ino
        else:
            assert raw is None and status is None
    codes = {f.code for result, _, _ in together for f in result[2]}
    every_way = {"encoding", "merge-conflict", "yaml-syntax", "empty-file", "not-a-mapping"}
    assert every_way | {"unreadable", "schema", "duplicate-key"} <= codes


def test_a_moment_read_before_is_the_same_moment_and_keeps_its_zone() -> None:
    """The same text read in another zone is another moment: what was read is kept by
    text and zone."""
    data = {"kind": "meeting", "id": "HY-2024-001", "start": "2024-10-08 14:00"}
    shanghai = Meeting.model_validate(data, context=validation_context(ZoneInfo("Asia/Shanghai")))
    berlin = Meeting.model_validate(data, context=validation_context(ZoneInfo("Europe/Berlin")))
    again = Meeting.model_validate(data, context=validation_context(ZoneInfo("Asia/Shanghai")))
    assert shanghai.start is not None and berlin.start is not None
    assert shanghai.start.utcoffset() != berlin.start.utcoffset()
    assert again.start == shanghai.start and again.start.tzinfo == shanghai.start.tzinfo
    assert (berlin.start - shanghai.start).total_seconds() == 6 * 3600  # CEST is UTC+2


def test_the_moments_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_types, "_SEEN", {})
    monkeypatch.setattr(_types, "_MOST_SEEN", 10)
    tz = ZoneInfo("Asia/Shanghai")
    for day in range(1, 29):
        data = {"kind": "meeting", "id": "HY-2024-001", "start": f"2024-02-{day:02d} 09:00"}
        rec = Meeting.model_validate(data, context=validation_context(tz))
        assert rec.start is not None and rec.start.day == day
        assert len(_types._SEEN) <= 10


@given(
    st.lists(
        st.sampled_from(["records", "meetings", "..", ".", "a b", "HY-2024-001.yaml"]), max_size=5
    )
)
def test_a_path_inside_is_made_relative_as_the_file_system_would(parts: list[str]) -> None:
    root = Path("/srv/team/ws")
    ws = Workspace(root, CONFIG)
    path = root.joinpath(*parts)
    expected = os.path.relpath(os.path.normpath(path), root).replace(os.sep, "/")
    if expected.startswith(".."):
        return  # outside: resolved on disk, as before
    if ".." in path.parts:
        return  # `..` inside the path: resolved on disk (a symlink may lead anywhere)
    assert ws.rel(path) == expected
