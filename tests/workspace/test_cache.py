"""The record cache gives exactly the answer of a run without it, whatever happened between
runs: edits, new, deleted and renamed files, a config change, a new collab version, a later
or earlier `--now`, a file touched without change, a corrupt cache, two runs at once."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import collabkit
from collabkit.cache import store
from collabkit.cli.main import run
from tests.helpers import NOW, count_forks, run_collab

LATER = "2024-12-20T09:00:00+08:00"  # past the recurring periods a run at NOW caches
EARLIER = "2024-09-20T09:00:00+08:00"
QUESTIONS = [
    ("overdue", "--format", "json", "--now", NOW),
    ("overdue", "--format", "json", "--now", LATER),
    ("overdue", "--format", "json", "--now", EARLIER, "--owner", "李娜"),
    ("due", "--format", "json", "--now", NOW, "--within", "30d"),
    ("due", "--format", "json", "--now", EARLIER, "--within", "2w", "--department", "技术部"),
    ("overdue", "--now", NOW),
    ("list", "--format", "json"),
    ("show", "RW-2024-001", "--format", "json", "--now", NOW),
    ("lint", "--now", NOW),
    ("lint", "--format", "json", "--now", EARLIER, "--strict"),
]


def ask(
    root: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(["-C", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def without_cache(
    root: Path,
    args: tuple[str, ...],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[int, str, str]:
    with monkeypatch.context() as patch:
        patch.setenv("COLLAB_CACHE", "off")
        return ask(root, args, capsys)


def assert_same_answers(root: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every question, asked twice with the cache (filling it, then from it), gives the answer
    of a run without it."""
    for args in QUESTIONS:
        expected = without_cache(root, args, capsys, monkeypatch)
        assert ask(root, args, capsys) == expected, args
        assert ask(root, args, capsys) == expected, args


def record(root: Path, name: str) -> Path:
    return next((root / "records").rglob(f"{name}.yaml"))


@pytest.fixture
def warm(handbook: Path, capsys, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """The example workspace with a cache filled by every question."""
    assert_same_answers(handbook, capsys, monkeypatch)
    assert (handbook / store.FOLDER / store.NAME).is_file()
    return handbook


def test_a_cold_and_a_warm_run_answer_as_without_the_cache(warm: Path) -> None:
    assert (warm / store.FOLDER / "lint.cache").is_file()


def test_an_edited_record(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = record(warm, "RW-2024-001")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("2024-09-30", "2024-10-30"), encoding="utf-8")
    assert_same_answers(warm, capsys, monkeypatch)


def test_an_edit_that_keeps_size_and_mtime_right_after_the_run(
    warm: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A file changed within the same mtime tick as the cached read is checked by content."""
    path = record(warm, "HY-2024-002")
    text = path.read_text(encoding="utf-8")
    changed = text.replace("2024-10-11", "2024-10-12")
    assert changed != text and len(changed.encode()) == len(text.encode())
    tick = time.time_ns()  # one mtime for both versions, as a coarse file system gives
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(tick, tick))
    for args in (QUESTIONS[0], QUESTIONS[-1]):  # cached while the mtime is that recent
        ask(warm, args, capsys)
    before = path.stat()
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(tick, tick))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert_same_answers(warm, capsys, monkeypatch)


def test_new_deleted_and_renamed_files(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    source = record(warm, "WT-2024-001").read_text(encoding="utf-8")
    (warm / "records" / "issues" / "WT-2024-009.yaml").write_text(
        source.replace("WT-2024-001", "WT-2024-009"), encoding="utf-8"
    )
    assert_same_answers(warm, capsys, monkeypatch)
    record(warm, "KH-2024-002").unlink()
    assert_same_answers(warm, capsys, monkeypatch)
    moved = warm / "records" / "issues" / "extra"
    moved.mkdir()
    record(warm, "WT-2024-009").rename(moved / "WT-2024-009.yaml")
    assert_same_answers(warm, capsys, monkeypatch)
    (moved / "WT-2024-009.yaml").write_text("kind: issue\nid: [\n", encoding="utf-8")  # broken
    assert_same_answers(warm, capsys, monkeypatch)


def test_a_config_change(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    config = warm / "collab.yaml"
    text = config.read_text(encoding="utf-8")
    # a company day off moves working-day deadlines; English changes every text
    config.write_text(
        text.replace("language: zh", "language: en")
        + "\ncalendar:\n  extra_holidays: [2024-10-09]\n"
        if "calendar:" not in text
        else text.replace("language: zh", "language: en"),
        encoding="utf-8",
    )
    assert_same_answers(warm, capsys, monkeypatch)


def test_a_touched_file_and_a_touched_config(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for path in (record(warm, "RW-2024-001"), warm / "collab.yaml"):
        os.utime(path)
        assert_same_answers(warm, capsys, monkeypatch)


def test_another_version_of_collab_does_not_read_the_cache(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A cache stamped by this version is believed (tampering shows), by another is not."""
    path = warm / store.FOLDER / store.NAME
    stamp = store.stamp(warm)
    assert stamp is not None
    cache = store.read(warm, stamp)
    assert cache is not None
    for rel, entry in cache.entries.items():  # every open obligation now reads 'tampered'
        listed = tuple(
            (*x[:8], x[8].replace('"what": "', '"what": "tampered '))
            for x in marshal.loads(entry.listed)
        )
        cache.entries[rel] = entry._replace(listed=marshal.dumps(listed))
    store.write(warm, cache)
    _, out, _ = ask(warm, QUESTIONS[0], capsys)
    assert {item["what"].split()[0] for item in json.loads(out)} == {"tampered"}  # it is read
    monkeypatch.setattr(collabkit, "__version__", collabkit.__version__ + ".post1")
    assert store.stamp(warm) != stamp
    assert_same_answers(warm, capsys, monkeypatch)
    assert path.is_file()


def test_a_new_time_zone_database_is_a_new_stamp(
    warm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgraded tzdata (the system's or the package) can move a deadline: the cache
    written before it is not believed after it."""
    import zoneinfo

    zones = tmp_path / "zoneinfo"
    zones.mkdir()
    (zones / "tzdata.zi").write_text("# version 2024a\n", encoding="utf-8")
    monkeypatch.setattr(zoneinfo, "TZPATH", (str(zones),))
    before = store.stamp(warm)
    assert store.stamp(warm) == before  # the same database, the same stamp
    (zones / "tzdata.zi").write_text("# version 2025b, more rules\n", encoding="utf-8")
    assert store.stamp(warm) != before


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b"\x00" * 100, "truncated", "foreign"],
    ids=["empty", "garbage", "zeros", "truncated", "foreign"],
)
def test_a_corrupt_cache_is_rebuilt(warm: Path, damage: object, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name in (store.NAME, "lint.cache"):
        path = warm / store.FOLDER / name
        data = path.read_bytes()
        if damage == "truncated":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "foreign":
            path.write_bytes(marshal.dumps((store.FORMAT + 1, "someone else", {})))
        else:
            assert isinstance(damage, bytes)
            path.write_bytes(damage)
    assert_same_answers(warm, capsys, monkeypatch)
    assert store.read(warm, store.stamp(warm) or "") is not None  # rebuilt


def test_a_workspace_that_takes_no_cache_still_answers(handbook: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (handbook / store.FOLDER).write_text("not a folder\n", encoding="utf-8")
    assert_same_answers(handbook, capsys, monkeypatch)
    assert (handbook / store.FOLDER).read_text(encoding="utf-8") == "not a folder\n"


def test_a_cache_folder_that_is_a_symlink_is_not_written_through(
    handbook: Path, tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (handbook / store.FOLDER).symlink_to(elsewhere, target_is_directory=True)
    assert_same_answers(handbook, capsys, monkeypatch)
    assert list(elsewhere.iterdir()) == []


def test_two_runs_at_once_leave_a_sound_cache(handbook: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    args = ["-m", "collabkit", "-C", str(handbook), *QUESTIONS[1]]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("COLLAB_CACHE", None)
    procs = [
        subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, env=env) for _ in range(4)
    ]
    outs = [proc.communicate(timeout=120)[0].decode() for proc in procs]
    expected = without_cache(handbook, QUESTIONS[1], capsys, monkeypatch)[1]
    assert outs == [expected] * 4
    assert not [p for p in (handbook / store.FOLDER).iterdir() if p.name.startswith(".")]
    assert_same_answers(handbook, capsys, monkeypatch)


def test_a_recurring_rule_asked_far_later_and_earlier(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for now in (
        "2025-06-30T18:00:00+08:00",
        "2024-08-01T09:00:00+08:00",
        "2031-01-06T09:00:00+08:00",
    ):
        for args in (
            ("overdue", "--format", "json", "--now", now),
            ("due", "--format", "json", "--now", now),
        ):
            expected = without_cache(warm, args, capsys, monkeypatch)
            assert ask(warm, args, capsys) == expected, args


def test_the_fast_path_answers_a_warm_run_without_heavy_imports(warm: Path) -> None:
    """When nothing changed, `overdue`/`due --format json` and `lint` import no pydantic,
    YAML parser, holidays, rich or typer, nor even dataclasses (with `inspect`, 10 ms) (a
    real process; the answer is the full one)."""
    heavy = ("pydantic", "yaml_rs", "ruamel", "holidays", "rich", "typer", "jinja2",
             "dataclasses", "inspect")  # fmt: skip
    probe = (
        "import sys, io\n"
        "from collabkit.cli.quick import answer\n"
        "out = io.StringIO(); sys.stdout = out\n"
        "code = answer(sys.argv[1:])\n"
        "sys.stdout = sys.__stdout__\n"
        f"print(code, sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "COLLAB_CACHE"}
    for args in (QUESTIONS[0], QUESTIONS[3], ("lint", "--now", NOW, "--format", "json")):
        done = subprocess.run(
            [sys.executable, "-c", probe, "-C", str(warm), *args],
            capture_output=True, text=True, timeout=60, env=env,
        )  # fmt: skip
        assert done.stdout.split(" ", 1) == ["0", "[]\n"], (args, done.stdout, done.stderr)


def test_the_fast_path_steps_aside_for_what_it_does_not_read(warm: Path) -> None:
    from collabkit.cli.quick import answer

    for args in (
        ("overdue", "--now", NOW),  # a table
        ("overdue", "--format", "json", "--now", "next monday"),
        ("overdue", "--format", "json", "--owner", "nobody"),
        ("overdue", "--format", "json", "--owner", "@me"),
        ("overdue", "--format", "json", "--department", "技术"),
        ("due", "--format", "json", "--within", "3wd"),
        ("due", "--format", "json", "--within", "9999d"),
        ("lint", "records/requirements"),
        ("lint", "--format", "gitlab"),
        ("lint", "--trail"),
        ("overdue", "--format", "json", "--format", "json"),
        ("overdue", "--help"),
    ):
        assert answer(["-C", str(warm), *args]) is None, args


def test_a_real_process_gives_the_same_bytes_warm_and_cold(handbook: Path) -> None:
    env = {"COLLAB_CACHE": ""}
    cold = run_collab("-C", handbook, *QUESTIONS[1], env={"COLLAB_CACHE": "off"})
    first = run_collab("-C", handbook, *QUESTIONS[1], env=env)
    second = run_collab("-C", handbook, *QUESTIONS[1], env=env)
    assert cold.code == first.code == second.code == 0
    assert cold.out == first.out == second.out
    assert json.loads(cold.out)


def test_a_changed_file_is_read_again_on_the_fast_path(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """One edit: only that file is read (the others keep their entries)."""
    stamp = store.stamp(warm) or ""
    before = store.read(warm, stamp)
    assert before is not None
    time.sleep(0.01)
    path = record(warm, "HY-2024-001")
    path.write_text(path.read_text(encoding="utf-8") + "# 备注\n", encoding="utf-8")
    assert_same_answers(warm, capsys, monkeypatch)
    after = store.read(warm, stamp)
    assert after is not None
    changed = {rel for rel, e in after.entries.items() if before.entries[rel].key != e.key}
    assert changed == {"records/meetings/HY-2024-001.yaml"}


def test_a_cold_read_on_two_cores_answers_as_one(handbook: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Above the threshold half the files are read in a forked child; the answer is the same
    (and the same when the child fails: its half is read again here)."""
    from collabkit.workspace import parallel

    if not parallel._can_fork():
        pytest.skip("no fork on this platform: one process reads everything")
    forks = count_forks(monkeypatch)
    monkeypatch.setattr(parallel, "THRESHOLD", 2)
    assert_same_answers(handbook, capsys, monkeypatch)
    assert forks  # the cold reads were split
    forks.clear()

    def broken(result: object) -> bytes:
        raise RuntimeError("the child fails")

    monkeypatch.setattr(parallel, "_send", broken)
    for name in (store.NAME, "lint.cache"):
        (handbook / store.FOLDER / name).unlink()
    assert_same_answers(handbook, capsys, monkeypatch)
    assert forks


def test_a_kept_lint_answer_serves_a_later_now_not_an_earlier_one(
    handbook: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Lint keeps only the events after the `--now` it was asked for: a later `--now` is
    answered from it (by the fast path and the full command), an earlier one is not, and
    still finds the events between the two."""
    from collabkit.cli.quick import answer

    moments = ("2024-06-01T09:00:00+08:00", "2024-09-20T09:00:00+08:00")
    late, early = (
        ("lint", "--format", "json", "--now", moments[1]),
        ("lint", "--format", "json", "--now", moments[0]),
    )
    expected = {args: without_cache(handbook, args, capsys, monkeypatch) for args in (late, early)}
    future = {
        args: [f for f in json.loads(expected[args][1]) if f["code"] == "event-in-future"]
        for args in expected
    }
    assert len(future[early]) > len(future[late]) > 0  # events between the two
    assert ask(handbook, late, capsys) == expected[late]
    kept = (handbook / store.FOLDER / "lint.cache").stat().st_mtime_ns
    capsys.readouterr()
    assert answer(["-C", str(handbook), *late]) is not None
    assert answer(["-C", str(handbook), *early]) is None  # the fast path steps aside
    assert ask(handbook, early, capsys) == expected[early]  # and the full command reads again
    assert (handbook / store.FOLDER / "lint.cache").stat().st_mtime_ns != kept
    assert ask(handbook, late, capsys) == expected[late]


def test_lint_checks_again_only_the_files_that_changed(warm: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Lint keeps what each file gave: after an edit and a new file only those two are
    read and checked again; the checks across records (here a duplicate id, reported in an
    unchanged file too) still see every file, and the answer is the one without a cache."""
    from collabkit.lint import checks

    seen: list[str] = []
    real = checks._check_files

    def spy(ws, paths, outside, after):  # type: ignore[no-untyped-def]
        seen.extend(ws.rel(path) for path in paths)
        return real(ws, paths, outside, after)

    monkeypatch.setattr(checks, "_check_files", spy)
    args = ("lint", "--format", "json", "--now", NOW)
    assert ask(warm, args, capsys)[0] == 0
    assert seen == []  # nothing changed since the fixture's runs
    edited = record(warm, "HY-2024-001")
    edited.write_text(edited.read_text(encoding="utf-8").replace("status: ", "status: x", 1))
    twin = record(warm, "RW-2024-001").read_text(encoding="utf-8")
    (warm / "records/requirements/RW-2024-009.yaml").write_text(twin, encoding="utf-8")
    expected = without_cache(warm, args, capsys, monkeypatch)
    codes = {f["code"] for f in json.loads(expected[1])}
    assert {"duplicate-id", "id-mismatch", "schema"} <= codes
    seen.clear()
    assert ask(warm, args, capsys) == expected
    assert sorted(seen) == [
        "records/meetings/HY-2024-001.yaml",
        "records/requirements/RW-2024-009.yaml",
    ]
    seen.clear()
    assert ask(warm, args, capsys) == expected  # and then from what was kept
    assert seen == []
