"""What the house brought: items named the same way everywhere, error seams, bad config
refused by every command, and the bugs the review of the flat package found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from collabkit.edit.document import guess_indent
from collabkit.i18n import LANGUAGES, catalogue
from tests.helpers import MINIMAL_CONFIG, NOW, build_tree, run_collab

KH = "records/customer-requests/KH-2024-001.yaml"


def test_a_communication_is_edited_by_the_name_overdue_gives_it(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "set", "KH-2024-001", "communications.C2.solution_at",
                    "2024-10-10 15:00")
    assert result.code == 0, result
    text = (examples / KH).read_text(encoding="utf-8")
    assert text.endswith(
        "    responded_at: 2024-10-10 10:30\n    solution_at: 2024-10-10 15:00\n"
        "status: pending                   # 待确认\nowner: 郑凯\n")
    first = text.index("solution_at: 2024-09-30 17:30")  # C1 untouched
    assert text[first - 4 : first] == "    "


def test_a_proposal_version_with_a_dot_is_one_path_part(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    assert invoke("-C", examples, "set", "KH-2024-001", "proposals.V1.0.feedback_at",
                  "2024-09-30 11:00").code == 0
    assert invoke("-C", examples, "set", "KH-2024-001", "proposals.V1.2.feedback",
                  "同意分期").code == 0
    text = (examples / KH).read_text(encoding="utf-8")
    assert "    feedback_at: 2024-09-30 11:00\n  - version: V1.2\n" in text
    assert "二期会议室与门禁(6周)\n    feedback: 同意分期\n" in text


@pytest.mark.parametrize(
    ("path", "message"),
    [("proposals.V9.feedback", "collab: 记录中没有 'proposals.V9'\n"),
     ("communications.C9.summary", "collab: 记录中没有 'communications.C9'\n")],
)
def test_a_missing_item_is_named(invoke, examples: Path, path: str, message: str) -> None:  # type: ignore[no-untyped-def]
    before = (examples / KH).read_bytes()
    result = invoke("-C", examples, "set", "KH-2024-001", path, "x")
    assert (result.code, result.err) == (2, message)
    assert (examples / KH).read_bytes() == before


def test_links_to_communications_and_versions_resolve(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    notice = examples / "records/notices/TZ-2024-001.yaml"
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("links: [HY-2024-002, HY-2024-002/A2]",
                                   "links: [KH-2024-001/C1, KH-2024-001/V1.2, KH-2024-001/C3]"),
                      encoding="utf-8")
    findings = json.loads(invoke("-C", examples, "lint", "--format", "json").out)
    broken = [f["message"] for f in findings if f["code"] == "broken-link"]
    assert broken == ["KH-2024-001 中没有条目 C3"]


def test_the_indent_of_a_file_is_not_guessed_from_a_block_scalar() -> None:
    # `包含:` inside a `|` block ends with a colon and is followed by a dash line
    text = ("description: |\n  包含:\n  - 会议室\nproposals:\n  - version: V1.0\n"
            "    sent_at: 2024-09-27\n")
    assert guess_indent(text) == (2, 2)


def test_due_says_minutes_below_an_hour(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/issues/WT-2024-001.yaml": (
        "kind: issue\nid: WT-2024-001\ntitle: 支付失败\nreporter: 王芳\n"
        "reported_at: 2024-10-14 08:50\nurgency: high\ndepartment: 技术部\nowner: 赵磊\n"
        "status: open\n")})
    zh = invoke("-C", ws, "due", "--now", NOW, "--within", "2h")
    lines = zh.out.splitlines()
    assert lines[1].endswith("2024-10-14 09:20 周一  20 分钟后"), zh
    assert lines[2].endswith("2024-10-14 09:50 周一  50 分钟后"), zh
    (ws / "collab.yaml").write_text(MINIMAL_CONFIG.replace("language: zh", "language: en"),
                                    encoding="utf-8")
    en = invoke("-C", ws, "due", "--now", NOW, "--within", "2h")
    assert en.out.splitlines()[1].endswith("2024-10-14 09:20 Mon  in 20 min"), en


@pytest.mark.parametrize("title", ["1_000", "1e3", "0x1F", "0o17", ".5", "-.inf", "17:00", "yes"])
def test_a_title_that_looks_like_a_number_stays_text(invoke, ws: Path, title: str) -> None:  # type: ignore[no-untyped-def]
    made = invoke("-C", ws, "new", "notice", "--title", title, "--no-input", "--now", NOW)
    assert made.code == 0, made
    rows = json.loads(invoke("-C", ws, "list", "--format", "json").out)
    assert [r["title"] for r in rows] == [title]


BAD_RULE = MINIMAL_CONFIG + "rules:\n  issue.team:\n    within: half an hour\n"


@pytest.mark.parametrize(
    "command", [["list"], ["show", "WT-2024-001"], ["overdue", "--now", NOW], ["lint"],
                ["due", "--now", NOW], ["new", "notice", "--no-input"],
                ["set", "WT-2024-001", "title", "x"]], ids=" ".join)
def test_every_command_refuses_a_bad_rule(invoke, ws: Path, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {"collab.yaml": BAD_RULE, "records/issues/WT-2024-001.yaml":
                    "kind: issue\nid: WT-2024-001\ntitle: t\nstatus: draft\n"})
    result = invoke("-C", ws, *command)
    assert (result.code, result.out) == (2, ""), result
    assert result.err == ("collab: collab.yaml:11: rules.issue.team: within: 'half an hour' "
                          "不是时长;请写成 30m、2h、3d、1wd、4wh 这样的形式\n")


def test_a_bug_says_where_its_traceback_went(ws: Path, tmp_path: Path) -> None:
    # A record whose kind the models know but the registry of a broken install does not:
    # simulated by a sitecustomize that breaks `overdue` from inside the library.
    hook = tmp_path / "hook"
    build_tree(hook, {"sitecustomize.py": (
        "import collabkit.query as s\n"
        "def boom(*a, **k):\n    raise RuntimeError('simulated failure')\n"
        "s.obligations_at = boom\n")})
    import os

    env_path = os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")])
    result = run_collab("-C", ws, "overdue", env={"PYTHONPATH": env_path})
    log = ws / ".collab-cache" / "last-error.log"
    assert result.code == 70
    assert result.err == (
        "collab: internal error (RuntimeError: simulated failure); this is a bug, please "
        f"report it with the command you ran; the traceback is in {log} "
        "(COLLAB_DEBUG=1 shows it here)\n")
    assert "Traceback (most recent call last)" in log.read_text(encoding="utf-8")
    shown = run_collab("-C", ws, "overdue", env={"PYTHONPATH": env_path, "COLLAB_DEBUG": "1"})
    assert "RuntimeError: simulated failure" in shown.err.splitlines()[-1]


def test_every_message_exists_in_both_languages() -> None:
    import string

    assert LANGUAGES == ("zh", "en")
    for key, (zh, en) in catalogue().items():
        assert zh and en, key
        fields_zh = {f for _, f, _, _ in string.Formatter().parse(zh) if f}
        fields_en = {f for _, f, _, _ in string.Formatter().parse(en) if f} - {"s"}
        assert fields_zh == fields_en, key


def test_shipped_templates_live_in_the_package() -> None:
    from importlib.resources import files

    shipped = files("collabkit") / "templates" / "new" / "requirement.yaml.j2"
    assert shipped.is_file()


def test_workspace_templates_run_in_a_sandbox(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {"templates/new/notice.yaml.j2":
                    "kind: notice\nid: {{ id }}\ntitle: {{ t.__globals__ }}\n"})
    result = invoke("-C", ws, "new", "notice", "--no-input", "--now", NOW)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "collab: templates/new/notice.yaml.j2:3: template error: access to attribute "
        "'__globals__' of 'method' object is unsafe.\n")
    assert list((ws / "records").rglob("TZ-*.yaml")) == []


def test_errors_are_said_in_the_workspace_language(invoke, scenario) -> None:  # type: ignore[no-untyped-def]
    english = scenario("english")
    result = invoke("-C", english, "show", "HY-2024-009")
    assert (result.code, result.err) == (2, "collab: no record HY-2024-009 in this workspace\n")
    zh = invoke("-C", english / "records", "show", "RW-2099-001")
    assert zh.err == "collab: no record RW-2099-001 in this workspace\n"


def test_a_non_id_is_said_in_the_workspace_language(invoke, ws: Path, scenario) -> None:  # type: ignore[no-untyped-def]
    zh = invoke("-C", ws, "show", "../x")
    assert (zh.code, zh.err) == (2, "collab: '../x' 不是记录编号(编号形如 RW-2024-001)\n")
    en = invoke("-C", scenario("english"), "show", "../x")
    assert en.err == "collab: '../x' is not a record id (ids look like RW-2024-001)\n"
    done = invoke("-C", ws, "done", "x/y/z")
    assert done.err == "collab: 'x/y/z' 不是记录编号或 编号/条目(如 HY-2024-003/A2)\n"
