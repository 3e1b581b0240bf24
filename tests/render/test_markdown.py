"""Record text in rendered Markdown reads literally and never breaks a table, starts a
heading, a list, a quote or HTML, or runs as Jinja — checked with a real Markdown parser."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collabkit.i18n import Texts, catalogue
from collabkit.models import record_adapter
from collabkit.models._types import validation_context
from collabkit.present.markdown import cell, heading
from collabkit.present.pages import Site
from collabkit.present.tables import open_items_by_owner
from collabkit.present.values import Shown
from collabkit.render.pages import page_text
from collabkit.workspace import Config, Workspace
from tests.render.markdown_tree import parse

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2024, 10, 14, 9, 0, tzinfo=TZ)
FRAGMENTS = [
    "|", "\\|", "\\", "\n", "\r\n", "\r", "# ", "## x", "- ", "* ", "+ ", "> ", "1. ", "2) ",
    "<script>alert(1)</script>", "<br>", "<!-- c -->", "[link](http://x.y)", "![i](x.png)",
    "[^1]", "{{ 7*7 }}", "{% if x %}", "`code`", "**bold**", "_em_", "~~s~~", "&amp;",
    "&#124;", "$x$", "---", "===", "    indented", "\t", "中文", "需求", " ", "a_b",
    "https://example.com", "<http://a.b>", "\x00", "\x1b[31m", "\u2028", "\u3000", "\xa0",
    ":", "@", "%", "'", '"', "=", "!", "(", ")", "{", "}",
]
TEXT = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), min_size=1, max_size=12).map(
    "".join
)


def visible_lines(text: str) -> list[str]:
    """Record text as a reader sees it: its lines, each stripped (as a table cell is),
    control characters dropped."""
    visible = "".join(c for c in text if c in "\t\n\r" or unicodedata.category(c) != "Cc")
    return [line.strip() for line in re.split(r"\r\n|\r|\n", visible)]


def expected(text: str) -> str:
    """A cell: the lines (without blank ones at either end), `-` for nothing."""
    return "\n".join(visible_lines(text)).strip("\n") or "-"


def one_line(text: str) -> str:
    """A heading: the non-empty lines joined by spaces."""
    return " ".join(line for line in visible_lines(text) if line)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a | b", "a \\| b"),
        ("# title", "\\# title"),
        ("- item\n> quote\n1. first", "\\- item<br>\\> quote<br>1\\. first"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("[x](http://e.com) `c` *b*", "\\[x\\](http://e.com) \\`c\\` \\*b\\*"),
        ("$m$ &amp; ~~s~~", "\\$m\\$ \\&amp; \\~\\~s\\~\\~"),
        ("{{ 7*7 }}", "{{ 7\\*7 }}"),
        ("customer.proposal_feedback _x_", "customer.proposal_feedback \\_x\\_"),
        ("  line one  \r\n\n  line two\n\n", "line one<br><br>line two"),
        ("a\x1bb\x00", "ab"),
        ("", "-"),
    ],
)
def test_a_cell_escapes_what_markdown_would_read(text: str, shown: str) -> None:
    assert cell(text) == shown


def test_a_heading_is_one_line() -> None:
    assert heading("# 上市\n- 时间 ") == "\\# 上市 \\- 时间"


def test_labels_hold_no_markdown() -> None:
    """Templates put catalogue labels into tables and headings as they are."""
    for key, pair in catalogue().items():
        if key.startswith(("render.", "report.")) and not key.startswith(
            ("render.cmd.", "report.bad_", "report.written")
        ):
            for text in pair:
                words = re.sub(r"\{\w+\}", "", text)  # the placeholders are filled escaped
                assert not re.search(r"[|*_`<>\[\]#\\$&~]", words), (key, text)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("ws")
    return Workspace(root, Config.model_validate({}))


def _site(ws: Workspace, record: Any, language: str) -> Site:
    timing = ws.timing
    shown = Shown(Texts(language), timing, NOW)
    obligations = list(timing.obligations_for(record, "x.yaml", NOW))
    return Site.gather(shown, [record], obligations)


def _record(data: dict[str, Any]) -> Any:
    return record_adapter().validate_python(data, context=validation_context(TZ))


def _check(markdown: str) -> Any:
    tree = parse(markdown)
    assert tree.strays == [], markdown
    assert all(link.endswith(".md") for link in tree.links)
    for table in tree.tables:
        assert len({len(row) for row in table}) == 1, table
    return tree


SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(title=TEXT, background=TEXT, goal=TEXT, description=TEXT, question=TEXT, answer=TEXT)
def test_requirement_text_reads_literally(
    workspace: Workspace, title: str, background: str, goal: str, description: str,
    question: str, answer: str,
) -> None:  # fmt: skip
    record = _record({
        "kind": "requirement", "id": "RW-2024-001", "title": title, "background": background,
        "goal": goal, "description": description, "status": "sent", "sent_at": "2024-10-08 10:00",
        "pending": [{"id": "P1", "question": question, "answer": answer,
                     "raised_at": "2024-10-08 10:00"}],
    })  # fmt: skip
    tree = _check(page_text(None, record, _site(workspace, record, "zh")))
    assert tree.headings[0] == f"RW-2024-001 {one_line(title)}".strip()
    assert tree.form("需求名称") == [expected(title)]
    assert tree.form("需求背景") == [expected(background)]
    assert tree.form("核心目标") == [expected(goal)]
    assert tree.form("具体需求描述") == [expected(description)]
    assert tree.column("待确认事项") == [expected(question)]
    assert tree.column("确认结果") == [expected(answer)]


@SETTINGS
@given(title=TEXT, status_quo=TEXT, decision=TEXT, task=TEXT, owner=TEXT, deliverable=TEXT)
def test_meeting_text_reads_literally(
    workspace: Workspace, title: str, status_quo: str, decision: str, task: str, owner: str,
    deliverable: str,
) -> None:  # fmt: skip
    owner = owner.strip() or "x"
    record = _record({
        "kind": "meeting", "id": "HY-2024-001", "title": "会", "status": "held",
        "topics": [{"title": title, "status_quo": status_quo, "decision": decision}],
        "decisions": [decision],
        "actions": [{"id": "A1", "task": task, "owner": owner, "due": "2024-10-20",
                     "deliverable": deliverable}],
    })  # fmt: skip
    site = _site(workspace, record, "en")
    tree = _check(page_text(None, record, site))
    assert tree.headings[3] == f"Topic 1: {one_line(title)}".strip()
    assert tree.form("Situation") == [expected(status_quo)]
    assert tree.form("Decision") == [expected(decision)]
    assert tree.column("Decision") == [expected(decision)]
    assert tree.column("Task") == [expected(task)]
    assert tree.column("Owner")[0] == expected(owner)
    assert tree.column("Deliverable") == [expected(deliverable)]
    [group] = open_items_by_owner(site)
    assert parse(f"### {group.owner}\n").headings == [one_line(owner)]


@SETTINGS
@given(description=TEXT, impact=TEXT, solution=TEXT, feedback=TEXT, prevention=TEXT)
def test_issue_text_reads_literally(
    workspace: Workspace, description: str, impact: str, solution: str, feedback: str,
    prevention: str,
) -> None:  # fmt: skip
    record = _record({
        "kind": "issue", "id": "WT-2024-001", "description": description, "impact": impact,
        "solution": solution, "user_feedback": feedback, "prevention": prevention,
        "reported_at": "2024-10-12 09:20", "urgency": "high",
    })  # fmt: skip
    tree = _check(page_text(None, record, _site(workspace, record, "zh")))
    assert tree.column("问题描述") == [expected(description)]
    assert tree.column("影响范围") == [expected(impact)]
    assert tree.column("解决方案") == [expected(solution)]
    assert tree.column("用户反馈") == [expected(feedback)]
    assert tree.form("预防措施") == [expected(prevention)]


@SETTINGS
@given(title=TEXT, mode=TEXT, note=TEXT, risk=TEXT, contact=TEXT, content=TEXT, task=TEXT)
def test_collaboration_customer_and_notice_text_reads_literally(
    workspace: Workspace, title: str, mode: str, note: str, risk: str, contact: str,
    content: str, task: str,
) -> None:  # fmt: skip
    collaboration = _record({
        "kind": "collaboration", "id": "XZ-2024-001", "title": title, "mode": mode,
        "status": "in_progress", "planned_start": "2024-10-07",
        "progress": [{"at": "2024-10-08 10:00", "note": note, "percent": 10}],
        "risks": [{"risk": risk, "mitigation": "m"}],
    })  # fmt: skip
    tree = _check(page_text(None, collaboration, _site(workspace, collaboration, "zh")))
    assert tree.form("沟通主题") == [expected(title)]
    assert tree.form("协同方式与频次") == [expected(mode)]
    assert tree.column("进展说明") == [expected(note)]
    customer = _record({
        "kind": "customer-request", "id": "KH-2024-001", "contact": contact, "budget": risk,
        "communications": [{"at": "2024-10-08 10:00", "summary": note, "type": "problem"}],
    })  # fmt: skip
    tree = _check(page_text(None, customer, _site(workspace, customer, "zh")))
    assert tree.form("对接人") == [expected(contact)]
    assert tree.form("预算") == [expected(risk)]
    assert tree.column("沟通内容") == [expected(note)]
    notice = _record({
        "kind": "notice", "id": "TZ-2024-001", "title": "t", "content": content,
        "todos": [{"id": "T1", "task": task, "owner": "x", "due": "2024-10-20"}],
    })  # fmt: skip
    tree = _check(page_text(None, notice, _site(workspace, notice, "en")))
    assert tree.column("Message") == [expected(content)]
    assert tree.column("Task") == [expected(task)]


def test_the_example_pages_are_well_formed(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    out = examples.parent / "site"
    result = invoke("-C", examples, "render", "--out", out, "--now", "2024-10-14T09:00+08:00")
    assert result.code == 0, result
    for page in sorted(out.glob("*.md")):
        tree = _check(page.read_text(encoding="utf-8"))
        assert tree.tables, page.name
