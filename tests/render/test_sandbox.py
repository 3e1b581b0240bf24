"""No code from data (SPEC §12): record text is never a template, and workspace templates
run in a sandbox that reaches nothing of Python through the values they are given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import NOW, build_tree

TEMPLATE = "templates/new/meeting.yaml.j2"


@pytest.mark.parametrize(
    ("expression", "refusal"),
    [
        ("t.__self__", "access to attribute '__self__' of 'method' object is unsafe."),
        ("t.__func__.__globals__", "access to attribute '__func__' of 'method' object is unsafe."),
        ("title.__class__.__mro__", "access to attribute '__class__' of 'str' object is unsafe."),
        ("cycler.__init__.__globals__.os",
         "access to attribute '__init__' of 'type' object is unsafe."),
        ("lipsum.__globals__['os'].system('touch {marker}')",
         "access to attribute '__globals__' of 'function' object is unsafe."),
        ("self._TemplateReference__context",
         "access to attribute '_TemplateReference__context' of 'TemplateReference' object is "
         "unsafe."),
        ("t.__call__", "access to attribute '__call__' of 'method' object is unsafe."),
    ],
    ids=["method-self", "globals", "mro", "cycler", "lipsum-os", "context", "call"],
)
def test_a_workspace_template_cannot_reach_python(invoke, handbook, expression, refusal):  # type: ignore[no-untyped-def]
    marker = handbook.parent / "PWNED"
    build_tree(handbook, {TEMPLATE: "kind: meeting\nid: {{ id }}\ntitle: {{ "
                          + expression.replace("{marker}", str(marker)) + " }}\n"})
    result = invoke("-C", handbook, "new", "meeting", "--no-input", "--title", "会",
                    "--now", NOW)
    assert (result.code, result.out) == (2, ""), result
    assert result.err == f"collab: {TEMPLATE}:3: template error: {refusal}\n"
    assert not marker.exists()
    assert not (handbook / "records/meetings/HY-2024-003.yaml").exists()


HOSTILE = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %} {{ lipsum.__globals__ }} {#"


@pytest.mark.parametrize("template", ["shipped", "workspace"])
def test_record_text_is_never_rendered(invoke, handbook, template):  # type: ignore[no-untyped-def]
    """Values given to `new` are data in the skeleton, whichever template writes it."""
    if template == "workspace":
        build_tree(handbook, {TEMPLATE: "kind: meeting\nid: {{ id }}\ntitle: {{ title | y }}\n"
                              "location: {{ title | y }}\n"})
    result = invoke("-C", handbook, "new", "meeting", "--no-input", "--title", HOSTILE,
                    "--now", NOW)
    assert (result.code, result.out) == (0, "records/meetings/HY-2024-003.yaml\n"), result
    show = invoke("-C", handbook, "show", "HY-2024-003", "--now", NOW, "--format", "json")
    assert json.loads(show.out)["title"] == HOSTILE, show
    if template == "workspace":
        assert json.loads(show.out)["fields"]["location"] == HOSTILE


def test_set_writes_template_text_as_text(invoke, handbook):  # type: ignore[no-untyped-def]
    assert invoke("-C", handbook, "set", "HY-2024-002", "location", HOSTILE).code == 0
    show = invoke("-C", handbook, "show", "HY-2024-002", "--now", NOW, "--format", "json")
    assert json.loads(show.out)["fields"]["location"] == HOSTILE


def test_yaml_tags_in_a_record_never_construct(invoke, handbook: Path) -> None:  # type: ignore[no-untyped-def]
    marker = handbook.parent / "PWNED"
    path = handbook / "records/meetings/HY-2024-002.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("recorder: 刘洋", f"recorder: !!python/object/apply:os.system "
                                 f"['touch {marker}']"), encoding="utf-8")
    for command in (["lint"], ["overdue", "--now", NOW], ["set", "HY-2024-002", "host", "张伟"]):
        invoke("-C", handbook, *command)
    lint = invoke("-C", handbook, "lint", "records/meetings/HY-2024-002.yaml")
    assert lint.out == ("records/meetings/HY-2024-002.yaml:12:11: error yaml-tag 记录中不允许使用 "
                        "YAML 标签:tag:yaml.org,2002:python/object/apply:os.system\n"), lint
    assert not marker.exists()
