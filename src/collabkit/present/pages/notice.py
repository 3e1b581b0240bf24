"""内部群聊沟通信息表: 群聊名称, 时间, 发起人, 沟通内容, 参与人, 待办事项, 截止时间 — one row per
notice — and per notice the to-dos with their owner, deadline and state."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from collabkit.models import Notice
from collabkit.present.markdown import BREAK, EMPTY, Table, cell, joined, link
from collabkit.present.pages.common import Site
from collabkit.present.pages.meeting import item_state

ROW_COLUMNS = ("group", "at", "initiator", "content", "participants", "todos", "todo_due")


def values(record: Notice, site: Site) -> dict[str, Any]:
    """`row` (the notice as the 内部群聊沟通信息表), `marks` (【重要】【紧急】), `todos`."""
    shown = site.shown
    t = shown.t
    owed = {ob.item: ob for ob in site.owed_by(record.id) if ob.rule == "notice.todo"}
    marks = [t("render.notice.important")] if record.important else []
    marks += [t("render.notice.urgent")] if record.urgent else []
    keys = ("id", "task", "owner", "due", "status")
    todos = Table(
        [t(f"render.col.{key}") for key in keys],
        [
            [
                cell(todo.id),
                cell(todo.task),
                cell(todo.owner),
                shown.moment(todo.due),
                item_state(todo.status, todo.done_at, owed.get(todo.id), shown),
            ]
            for todo in record.todos
        ],
    )
    return {"row": notices_table([record], site), "marks": " ".join(marks), "todos": todos}


def notices_table(records: Iterable[Notice], site: Site) -> Table:
    """内部群聊沟通信息表: one row per notice; its to-dos and their deadlines line up."""
    shown = site.shown
    t = shown.t
    rows = []
    for record in records:
        todos = [
            t(
                "render.notice.todo_line",
                id=cell(todo.id),
                task=cell(todo.task),
                owner=cell(todo.owner),
            )
            for todo in record.todos
        ]
        rows.append(
            [
                link(cell(record.group), site.page_of(record.id)),
                shown.moment(record.at),
                cell(record.initiator),
                cell(record.content),
                shown.names(record.participants),
                joined(todos),
                BREAK.join(shown.moment(todo.due) for todo in record.todos) or EMPTY,
            ]
        )
    return Table([t(f"render.notice.{key}") for key in ROW_COLUMNS], rows)
