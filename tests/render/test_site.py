"""`collab render --out DIR`: one page per record plus index.md, links both ways, nothing
rewritten when nothing changed, nothing written outside DIR, workspace templates first."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from collabkit.errors import UsageError
from collabkit.render.site import _write_if_changed
from tests.helpers import NOW, build_tree, run_collab
from tests.render.markdown_tree import parse

OLD = 1_000_000_000  # an mtime long ago


def _render(invoke, workspace: Path, out: Path, *args: str):  # type: ignore[no-untyped-def]
    return invoke("-C", workspace, "render", "--out", out, "--now", NOW, *args)


def _mtimes(folder: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime for p in folder.iterdir()}


def test_an_unchanged_workspace_rewrites_nothing(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    out = examples.parent / "site"
    first = _render(invoke, examples, out)
    assert (first.code, first.out) == (0, f"{out}:写入 10 个文件,0 个未变化\n"), first
    for page in out.iterdir():
        os.utime(page, (OLD, OLD))
    again = _render(invoke, examples, out)
    assert again.out == f"{out}:写入 0 个文件,10 个未变化\n"
    assert set(_mtimes(out).values()) == {OLD}
    record = examples / "records/collaborations/XZ-2024-002.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("功能优化支持", "订单查询优化"),
                      encoding="utf-8")
    changed = _render(invoke, examples, out)
    assert changed.out == f"{out}:写入 2 个文件,8 个未变化\n"
    assert sorted(name for name, mtime in _mtimes(out).items() if mtime != OLD) == [
        "XZ-2024-002.md", "index.md"]
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "| 2 | [订单查询优化](XZ-2024-002.md) |" in index


def test_links_go_both_ways_and_every_link_has_its_page(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    out = examples.parent / "site"
    assert _render(invoke, examples, out).code == 0
    requirement = parse((out / "RW-2024-001.md").read_text(encoding="utf-8"))
    meeting = parse((out / "HY-2024-001.md").read_text(encoding="utf-8"))
    assert ["引用", "HY-2024-001", "会议", "新产品上线协调会"] in requirement.tables[-1]
    assert ["被引用", "RW-2024-001", "需求", "Q3 老用户复购活动"] in meeting.tables[-1]
    for page in out.iterdir():
        for target in parse(page.read_text(encoding="utf-8")).links:
            assert (out / target).is_file(), (page.name, target)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "../RW-2024-001", "RW-2024-001/../../x"])
def test_an_id_that_is_a_path_is_refused(invoke, examples: Path, bad: str) -> None:  # type: ignore[no-untyped-def]
    out = examples.parent / "site"
    result = _render(invoke, examples, out, bad)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"collab: '{bad}' 不是记录编号(编号形如 RW-2024-001)\n"
    assert not out.exists()
    assert sorted(p.name for p in examples.parent.iterdir()) == ["handbook"]


def test_a_page_name_is_always_an_id(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        _write_if_changed(tmp_path / "site", "../escape.md", "x")
    assert list(tmp_path.iterdir()) == []


def test_render_some_ids_into_a_folder(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    out = examples.parent / "site"
    result = _render(invoke, examples, out, "WT-2024-001", "RW-2024-001")
    assert result.out == f"{out}:写入 3 个文件,0 个未变化\n"
    assert sorted(p.name for p in out.iterdir()) == ["RW-2024-001.md", "WT-2024-001.md", "index.md"]


def test_usage_errors(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    unknown = invoke("-C", examples, "render", "RW-2024-099", "--now", NOW)
    assert (unknown.code, unknown.out) == (2, "")
    assert unknown.err == "collab: 工作区中没有记录 RW-2024-099\n"
    lang = invoke("-C", examples, "render", "--lang", "fr", "--now", NOW)
    assert (lang.code, lang.err) == (2, "collab: --lang:未知语言 'fr'(可选 zh 或 en)\n")
    file = examples.parent / "a-file"
    file.write_text("", encoding="utf-8")
    result = invoke("-C", examples, "render", "--out", file, "--now", NOW)
    assert (result.code, result.err) == (2, f"collab: --out:{file} 不是文件夹\n")


def test_a_record_that_cannot_be_read_is_named_and_skipped(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(examples, {"records/notices/TZ-2024-002.yaml": "kind: notice\nid: [\n"})
    result = invoke("-C", examples, "render", "--now", NOW)
    assert result.code == 0
    assert result.err.splitlines()[0] == (
        "collab: 1 个记录文件无法读取,已跳过;请运行 `collab lint`")
    assert result.err.splitlines()[1].startswith("  records/notices/TZ-2024-002.yaml:")
    assert "TZ-2024-002" not in result.out
    named = invoke("-C", examples, "render", "TZ-2024-002", "--now", NOW)
    assert named.code == 2
    assert named.err.startswith("collab: records/notices/TZ-2024-002.yaml:")


def test_workspace_templates_come_first(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(examples, {
        "templates/render/notice.md.j2": (
            "# {{ heading }}\n\n{{ t('render.notice.todos') }}: {{ todos.rows | length }}\n"),
        "templates/render/issues.md.j2": "## 问题清单({{ table.rows | length }} 项)\n",
    })  # fmt: skip
    page = invoke("-C", examples, "render", "TZ-2024-001", "--now", NOW)
    assert page.out == "# TZ-2024-001 新品推广方案讨论\n\n待办事项: 2\n"
    index = invoke("-C", examples, "render", "--now", NOW).out
    assert "\n## 问题清单(1 项)\n\n## 内部群聊沟通信息表\n" in index
    assert "## 问题协调解决记录表" not in index


def test_a_broken_workspace_template_names_its_line(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(examples, {"templates/render/issue.md.j2": "# {{ heading }}\n{{ nothing_here }}\n"})
    result = invoke("-C", examples, "render", "WT-2024-001", "--now", NOW)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "collab: templates/render/issue.md.j2:2: template error: 'nothing_here' is undefined\n")


def _many(ws: Path, n: int) -> None:
    build_tree(ws, {
        f"records/notices/TZ-2024-{i:03d}.yaml":
            f"kind: notice\nid: TZ-2024-{i:03d}\ntitle: 通知{i}\nstatus: sent\n"
        for i in range(1, n + 1)
    })  # fmt: skip


def test_a_progress_line_on_a_terminal_only(ws: Path, tmp_path: Path) -> None:
    import pty
    import subprocess
    import sys

    _many(ws, 25)
    out = tmp_path / "site"
    piped = run_collab("-C", ws, "render", "--out", out, "--now", NOW)
    assert (piped.code, piped.err) == (0, ""), piped
    leader, follower = pty.openpty()
    proc = subprocess.run(
        [sys.executable, "-m", "collabkit", "-C", str(ws), "render", "--out", str(out),
         "--now", NOW],
        stderr=follower, stdout=subprocess.PIPE, timeout=120, check=False,
    )  # fmt: skip
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert proc.returncode == 0
    lines = re.split(r"[\r\n]+", shown.decode("utf-8"))
    assert "render [####################] 26/26" in lines
    assert "render [                    ] 1/26" in lines


def test_out_is_relative_to_the_folder_of_minus_c(examples: Path, tmp_path: Path) -> None:
    result = run_collab("-C", examples.name, "render", "--out", "site", "--now", NOW,
                        cwd=examples.parent)  # fmt: skip
    assert (result.code, result.out) == (0, "handbook/site:写入 10 个文件,0 个未变化\n"), result
    assert (examples / "site" / "index.md").is_file()
    here = run_collab("render", "RW-2024-001", "--out", "pages", "--now", NOW, cwd=examples)
    assert here.out == "pages:写入 2 个文件,0 个未变化\n"
    assert sorted(p.name for p in (examples / "pages").iterdir()) == ["RW-2024-001.md", "index.md"]
