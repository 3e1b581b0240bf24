"""Git in daily use (issue 17): merge-conflict markers are their own lint error naming both
sides; git's add/add conflict (two clones added the same id as the same file) splits into two
records with one command; `renumber ID` refuses an id held by two files and lists them; the
header comment naming the old id follows the new one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from collabkit.io.conflicts import find_conflicts, sides
from tests.helpers import MINIMAL_CONFIG, NOW, build_tree, git, run_collab

RW2 = "records/requirements/RW-2024-002.yaml"


def _collab(*args: str | Path) -> None:
    from collabkit.cli import run

    assert run([str(a) for a in args]) == 0


@pytest.fixture(scope="module")
def conflicted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Clone A pushed RW-2024-002; clone B made its own RW-2024-002 and pulled: add/add.
    Built once; each test works on a copy of clone B."""
    import subprocess

    tmp_path = tmp_path_factory.mktemp("clones")
    env = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        seed = build_tree(tmp_path / "seed", {"collab.yaml": MINIMAL_CONFIG, "records/.keep": ""})
        _collab("-C", seed, "new", "requirement", "--no-input", "--title", "旧需求", "--now", NOW)
        git(seed, "init", "-q", "-b", "main")
        git(seed, "add", "-A")
        git(seed, "commit", "-qm", "seed")
        git(tmp_path, "clone", "-q", "--bare", str(seed), str(tmp_path / "origin.git"))
        a, b = tmp_path / "a", tmp_path / "b"
        for clone, title, party in ((a, "A的需求", "市场部:张伟"), (b, "B的需求", "运营部:李娜")):
            git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), str(clone))
            role = "--requester" if clone == a else "--receiver"
            _collab(
                "-C",
                clone,
                "new",
                "requirement",
                "--no-input",
                "--title",
                title,
                role,
                party,
                "--now",
                NOW,
            )
            git(clone, "add", "-A")
            git(clone, "commit", "-qm", title)
        git(a, "push", "-q", "origin", "main")
        pulled = subprocess.run(
            ["git", "pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
            cwd=b,
            capture_output=True,
            text=True,
        )
        assert "CONFLICT (add/add)" in pulled.stdout + pulled.stderr, pulled
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return b


@pytest.fixture
def clone_b(conflicted: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(conflicted, tmp_path / "b", symlinks=True))


def test_a_conflicted_record_is_one_lint_error_naming_both_sides(invoke, clone_b: Path) -> None:  # type: ignore[no-untyped-def]
    b = clone_b
    theirs = git(b, "rev-parse", "--short", "MERGE_HEAD").strip()
    lint = invoke("-C", b, "lint", RW2)
    assert (lint.code, lint.out) == (
        1,
        f"{RW2}:5:1: error merge-conflict 未解决的合并冲突(第 5–21 行):HEAD 一方为 "
        f"“title: B的需求  # 需求名称”,{theirs} 一方为 “title: A的需求  # 需求名称”;"
        "保留一方并删除 <<<<<<< ======= >>>>>>> 标记行"
        f"(两条记录都要保留时运行 collab renumber --split {RW2})\n",
    )
    overdue = invoke("-C", b, "overdue", "--now", NOW)
    assert f"{RW2}:5: 未解决的合并冲突" in overdue.err  # skipped, and said so
    edit = invoke("-C", b, "set", "RW-2024-002", "goal", "x")
    assert (edit.code, edit.err.split(":", 3)[:3]) == (2, ["collab", f" {RW2}", "5"])


def test_split_keeps_both_records_the_published_side_keeps_the_id(clone_b: Path) -> None:
    b = clone_b
    theirs = git(b, "rev-parse", "--short", "MERGE_HEAD").strip()
    result = run_collab("-C", b, "renumber", "--split", RW2)  # a real process: git and all
    assert (result.code, result.out, result.err) == (
        0,
        f"RW-2024-002: {RW2}(保留 {theirs} 一方)\n"
        "RW-2024-003: records/requirements/RW-2024-003.yaml(HEAD 一方,新编号)\n",
        f"下一步: git add {RW2} records/requirements/RW-2024-003.yaml,然后提交合并;"
        "指向旧编号的链接未改动,请确认\n",
    )
    kept = (b / RW2).read_text(encoding="utf-8")
    moved = (b / "records/requirements/RW-2024-003.yaml").read_text(encoding="utf-8")
    assert "title: A的需求  # 需求名称\n" in kept and "id: RW-2024-002\n" in kept
    assert moved.startswith("# 需求沟通与确认表 — RW-2024-003\n")  # the header follows
    assert "title: B的需求  # 需求名称\n" in moved and "id: RW-2024-003\n" in moved
    assert "<<<<<<<" not in kept + moved
    git(b, "add", "-A")
    git(b, "commit", "-qm", "merge")
    from collabkit.cli import run

    assert run(["-C", str(b), "lint"]) == 0
    assert {p.name for p in (b / "records/requirements").glob("*.yaml")} == {
        "RW-2024-001.yaml",
        "RW-2024-002.yaml",
        "RW-2024-003.yaml",
    }


def test_split_keeps_ours_when_asked(invoke, clone_b: Path) -> None:  # type: ignore[no-untyped-def]
    b = clone_b
    result = invoke("-C", b, "renumber", "--split", RW2, "--keep", "ours")
    assert result.code == 0, result
    assert "title: B的需求" in (b / RW2).read_text(encoding="utf-8")
    assert "title: A的需求" in (b / "records/requirements/RW-2024-003.yaml").read_text(
        encoding="utf-8"
    )


def test_split_refuses_a_file_without_a_conflict(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {RW2: "kind: requirement\nid: RW-2024-002\nstatus: draft\n"})
    result = invoke("-C", ws, "renumber", "--split", RW2)
    assert (result.code, result.err) == (2, f"collab: {RW2}: 文件中没有完整的合并冲突可拆分\n")


CONFLICTED = """\
kind: notice
id: TZ-2024-001
<<<<<<< HEAD
title: 周会
||||||| base
title: 例会
=======
title: 周例会
>>>>>>> feature
status: draft
"""


def test_diff3_markers_and_both_sides() -> None:
    conflicts, stray = find_conflicts(CONFLICTED)
    assert stray == []
    assert [
        (c.start, c.end, c.ours_label, c.theirs_label, c.ours, c.theirs) for c in conflicts
    ] == [(3, 9, "HEAD", "feature", ("title: 周会",), ("title: 周例会",))]
    assert sides(CONFLICTED) == (
        "kind: notice\nid: TZ-2024-001\ntitle: 周会\nstatus: draft\n",
        "kind: notice\nid: TZ-2024-001\ntitle: 周例会\nstatus: draft\n",
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            CONFLICTED,
            3,
            "unresolved merge conflict (lines 3-9): HEAD has 'title: 周会', feature has "
            "'title: 周例会'; keep one side and delete the <<<<<<< ======= >>>>>>> lines "
            "(to keep both records: collab renumber --split records/notices/TZ-2024-001.yaml)",
        ),
        (
            "kind: notice\nid: TZ-2024-001\n>>>>>>> feature\nstatus: draft\n",
            3,
            "line 3 is a leftover merge-conflict marker; delete it",
        ),
        ("kind: notice\nid: TZ-2024-001\ntitle: |\n  =======\nstatus: draft\n", None, None),
    ],
)
def test_markers_in_english(
    invoke, tmp_path: Path, text: str, line: int | None, message: str | None
) -> None:  # type: ignore[no-untyped-def]
    ws = build_tree(
        tmp_path / "w", {"collab.yaml": "language: en\n", "records/notices/TZ-2024-001.yaml": text}
    )
    result = invoke("-C", ws, "lint", "--format", "json")
    errors = [f for f in __import__("json").loads(result.out) if f["severity"] == "error"]
    if message is None:  # an indented ======= inside a block of text is text
        assert errors == []
        return
    assert errors == [
        {
            "file": "records/notices/TZ-2024-001.yaml",
            "line": line,
            "column": 1,
            "severity": "error",
            "code": "merge-conflict",
            "message": message,
        }
    ]


def test_renumber_an_id_held_by_two_files_lists_them(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    body = "# 通知 — TZ-2024-001\nkind: notice\nid: TZ-2024-001\ntitle: {t}\nstatus: draft\n"
    build_tree(
        ws,
        {
            "records/notices/TZ-2024-001.yaml": body.format(t="ours"),
            "records/notices/TZ-2024-001-theirs.yaml": body.format(t="theirs"),
        },
    )
    refused = invoke("-C", ws, "renumber", "TZ-2024-001")
    assert (refused.code, refused.err) == (
        2,
        "collab: TZ-2024-001 出现在多个文件中(records/notices/TZ-2024-001-theirs.yaml, "
        "records/notices/TZ-2024-001.yaml);请指定要改编号的文件\n",
    )
    result = invoke("-C", ws, "renumber", "records/notices/TZ-2024-001-theirs.yaml")
    assert (result.code, result.out) == (
        0,
        "TZ-2024-001 → TZ-2024-002: records/notices/TZ-2024-002.yaml\n",
    )
    assert (ws / "records/notices/TZ-2024-002.yaml").read_text(encoding="utf-8") == (
        body.format(t="theirs").replace("TZ-2024-001", "TZ-2024-002")
    )
    assert invoke("-C", ws, "lint").code == 0
