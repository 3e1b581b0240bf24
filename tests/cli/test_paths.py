"""No id, path argument, link, template name or symlink makes collab read or write outside
the workspace (SPEC §12, issue 21)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from collabkit.render.environment import TemplateFailed, render
from tests.helpers import NOW, build_tree

OUTSIDE_TEXT = "kind: meeting\nid: HY-2024-009\ntitle: 机密内容\nstatus: held\n"
LEADS_OUT = "指向工作区之外:collab 只读写工作区内的文件"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A record-looking file outside the workspace, which nothing may read or change."""
    return build_tree(tmp_path / "elsewhere", {"HY-2024-009.yaml": OUTSIDE_TEXT})


def test_a_record_file_that_links_out_is_a_finding_and_never_read(invoke, handbook, secret):  # type: ignore[no-untyped-def]
    link = handbook / "records/meetings/HY-2024-009.yaml"
    os.symlink(secret / "HY-2024-009.yaml", link)
    rel = "records/meetings/HY-2024-009.yaml"
    message = (f"指向工作区之外文件的链接({secret / 'HY-2024-009.yaml'});"
               "collab 只读取工作区自己的文件")
    lint = invoke("-C", handbook, "lint", "records/meetings")
    assert (lint.code, lint.out) == (1, f"{rel}:1:1: error outside-workspace {message}\n"), lint
    overdue = invoke("-C", handbook, "overdue", "--now", NOW)
    assert overdue.code == 0 and "机密" not in overdue.out
    assert overdue.err == (f"collab: 1 个记录文件无法读取,已跳过;请运行 `collab lint`\n"
                           f"  {rel}:1: {message}\n")
    listed = invoke("-C", handbook, "list", "--format", "json")
    assert "机密" not in listed.out
    [row] = [row for row in json.loads(listed.out) if row["id"] == "HY-2024-009"]
    assert row == {"id": "HY-2024-009", "kind": "meeting", "title": None, "status": None,
                   "owner": None, "department": None, "file": rel,
                   "error": f"1:1: {message}"}  # its row is kept, with the error
    for command in (["show", "HY-2024-009", "--now", NOW], ["set", "HY-2024-009", "title", "x"],
                    ["done", "HY-2024-009/A1", "--now", NOW], ["renumber", "HY-2024-009"]):
        result = invoke("-C", handbook, *command)
        assert (result.code, result.out, result.err) == (2, "", f"collab: {rel} {LEADS_OUT}\n"), (
            command, result)
    assert (secret / "HY-2024-009.yaml").read_text(encoding="utf-8") == OUTSIDE_TEXT


def test_a_symlink_inside_the_workspace_is_read(invoke, handbook):  # type: ignore[no-untyped-def]
    build_tree(handbook, {"archive/HY-2024-009.yaml": OUTSIDE_TEXT.replace("held", "planned")})
    os.symlink("../../archive/HY-2024-009.yaml", handbook / "records/meetings/HY-2024-009.yaml")
    listed = invoke("-C", handbook, "list", "meeting", "--format", "json")
    [row] = [row for row in json.loads(listed.out) if row["id"] == "HY-2024-009"]
    assert row == {"id": "HY-2024-009", "kind": "meeting", "title": "机密内容",
                   "status": "planned", "owner": None, "department": None,
                   "file": "records/meetings/HY-2024-009.yaml", "error": None}, listed


def test_a_symlinked_folder_out_is_neither_read_nor_written(invoke, handbook, secret):  # type: ignore[no-untyped-def]
    meetings = handbook / "records/meetings"
    for path in meetings.iterdir():
        path.unlink()
    meetings.rmdir()
    os.symlink(secret, meetings)
    listed = invoke("-C", handbook, "list", "meeting")
    assert (listed.code, "HY-2024-009" in listed.out) == (0, False), listed
    new = invoke("-C", handbook, "new", "meeting", "--no-input", "--now", NOW)
    assert (new.code, new.err) == (2, f"collab: records/meetings {LEADS_OUT}\n"), new
    assert sorted(p.name for p in secret.iterdir()) == ["HY-2024-009.yaml"]


def test_a_records_folder_that_links_out_is_read_as_nothing(invoke, tmp_path, secret):  # type: ignore[no-untyped-def]
    ws = build_tree(tmp_path / "ws", {"collab.yaml": "language: en\n"})
    os.symlink(secret, ws / "records")
    lint = invoke("-C", ws, "lint")
    assert lint.out.split(" ", 3)[:3] == ["records/HY-2024-009.yaml:1:1:", "error",
                                         "outside-workspace"], lint


@pytest.mark.parametrize(
    "ref", ["../../etc/passwd", "/etc/passwd", "..\\..\\x", "RW-2024-001/../../x",
            "RW-2024-001\\..\\..", "C:\\Windows", "records/requirements/RW-2024-001.yaml"],
)
def test_ids_are_never_paths(invoke, handbook, ref):  # type: ignore[no-untyped-def]
    item = ref if "/" in ref else f"{ref}/A1"
    for command in (["show", ref], ["set", ref, "title", "x"], ["done", item],
                    ["progress", ref, "note"]):
        result = invoke("-C", handbook, *command)
        if command[0] in ("show", "set"):
            refused = f"'{ref}' 不是记录编号(编号形如 RW-2024-001)"
        else:  # these take ID/ITEM too
            shown = item if command[0] == "done" else ref
            refused = f"'{shown}' 不是记录编号或 编号/条目(如 HY-2024-003/A2)"
        assert (result.code, result.err) == (2, f"collab: {refused}\n"), (command, result)


def test_renumber_takes_no_file_outside_the_records(invoke, handbook, secret):  # type: ignore[no-untyped-def]
    target = secret / "HY-2024-009.yaml"
    result = invoke("-C", handbook, "renumber", str(target))
    assert (result.code, result.err) == (
        2, f"collab: {target} 不是本工作区的记录文件\n"), result
    assert target.read_text(encoding="utf-8") == OUTSIDE_TEXT


@pytest.mark.parametrize("kind", ["absolute", "dotdot", "symlink"])
def test_lint_reads_no_path_outside_the_workspace(invoke, handbook, secret, kind):  # type: ignore[no-untyped-def]
    if kind == "absolute":
        given = str(secret / "HY-2024-009.yaml")
        shown = given
    elif kind == "dotdot":
        given = os.path.relpath(secret / "HY-2024-009.yaml", handbook)
        shown = str(handbook / given)
    else:
        os.symlink(secret, handbook / "notes")
        given, shown = "notes", str(handbook / "notes")
    result = invoke("-C", handbook, "lint", given)
    assert (result.code, result.out, result.err) == (2, "", f"collab: {shown} {LEADS_OUT}\n"), (
        result)


def test_links_are_ids_not_paths(invoke, ws):  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/meetings/HY-2024-001.yaml":
                    "kind: meeting\nid: HY-2024-001\nlinks: [../../etc/passwd, /etc/hosts]\n"})
    out = invoke("-C", ws, "lint").out.splitlines()
    assert out[1:] == [  # after the draft's info line
        "records/meetings/HY-2024-001.yaml:3:9: error schema links.0: '../../etc/passwd' "
        "不是记录编号或 编号/条目(如 RW-2024-001、HY-2024-003/A2)",
        "records/meetings/HY-2024-001.yaml:3:27: error schema links.1: '/etc/hosts' "
        "不是记录编号或 编号/条目(如 RW-2024-001、HY-2024-003/A2)",
    ], out


@pytest.mark.parametrize("name", ["../../elsewhere/HY-2024-009.yaml", "/etc/passwd",
                                  "new/../../../elsewhere/HY-2024-009.yaml"])
def test_template_names_stay_in_the_template_folders(tmp_path, secret, name):  # type: ignore[no-untyped-def]
    ws = build_tree(tmp_path / "ws", {"collab.yaml": "", "templates/new/x.j2": "x"})
    with pytest.raises(TemplateFailed) as info:
        render(ws, name)
    assert "机密" not in str(info.value)


def test_a_kind_is_never_a_template_path(invoke, handbook):  # type: ignore[no-untyped-def]
    result = invoke("-C", handbook, "new", "../../../elsewhere/x", "--no-input")
    assert (result.code, result.err) == (
        2, "collab: 未知的记录类型 '../../../elsewhere/x'(可选: requirement, meeting, issue, "
        "collaboration, customer-request, notice)\n"), result


def test_a_planted_crash_log_link_is_replaced_not_followed(invoke, handbook, secret, monkeypatch):  # type: ignore[no-untyped-def]
    """A repository could commit `.collab-cache/last-error.log -> ~/.bashrc`: a crash
    writes its own file there instead of overwriting the target."""
    import collabkit.lint

    (handbook / ".collab-cache").mkdir()
    os.symlink(secret / "HY-2024-009.yaml", handbook / ".collab-cache/last-error.log")

    def bug(*args: object, **kwargs: object) -> None:
        raise RuntimeError("planted bug")

    monkeypatch.setattr(collabkit.lint, "lint", bug)
    result = invoke("-C", handbook, "lint")
    assert result.code == 70, result
    log = handbook / ".collab-cache/last-error.log"
    assert not log.is_symlink() and "planted bug" in log.read_text(encoding="utf-8")
    assert (secret / "HY-2024-009.yaml").read_text(encoding="utf-8") == OUTSIDE_TEXT
