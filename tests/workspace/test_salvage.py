"""A record that does not validate, without the values that fail (collabkit.workspace.salvage)."""

from __future__ import annotations

from pathlib import Path

from collabkit.io.yamlio import load_data
from collabkit.workspace import Config, RecordFile
from collabkit.workspace.records import Salvaged
from collabkit.workspace.salvage import salvage

CONFIG = Config()


def salvaged(text: str) -> Salvaged | None:
    return salvage(RecordFile(Path("r.yaml"), "r.yaml", text, load_data(text, "r.yaml")), CONFIG)


MEETING = "kind: meeting\nid: HY-2024-001\ntitle: 会\n"


def test_a_failing_field_is_left_out_and_marked() -> None:
    rec = salvaged(MEETING + "start: 明天\nactions:\n  - {id: A1, due: 尽快, task: t}\n")
    assert rec is not None
    assert rec.record.start is None and rec.record.actions[0].due is None
    assert rec.record.actions[0].task == "t"
    assert rec.removed == {("start",), ("actions", 0, "due")}
    assert rec.invalid_at(("actions", 0, "due")) and not rec.invalid_at(("actions", 0, "task"))


def test_of_a_value_and_its_part_only_the_part_goes() -> None:
    """An attendee with an unknown key fails as a mapping and as a name: `dept` goes, the
    attendee stays."""
    rec = salvaged(MEETING + "attendees:\n  - {name: 张伟, dept: 市场部}\n  - 李娜\n")
    assert rec is not None
    assert [a if isinstance(a, str) else a.name for a in rec.record.attendees] == ["张伟", "李娜"]
    assert rec.removed == {("attendees", 0, "dept")}


def test_an_item_without_its_id_goes_and_later_items_keep_their_positions() -> None:
    rec = salvaged(
        MEETING + "actions:\n  - {task: a}\n  - {id: A2, task: b}\n  - {id: A3, due: 尽快}\n"
    )
    assert rec is not None
    assert [a.id for a in rec.record.actions] == ["A2", "A3"]
    assert rec.source_loc(("actions", 1, "due")) == ("actions", 2, "due")
    assert rec.invalid_at(("actions", 1, "due"))  # A3's due, third in the file
    assert not rec.invalid_at(("actions", 0, "due"))  # A2's


def test_nothing_is_salvaged_when_what_fails_makes_it_a_record() -> None:
    assert salvaged("kind: meating\nid: HY-2024-001\n") is None
    assert salvaged("kind: meeting\nid: 第一次\n") is None
    assert salvaged("kind: meeting\ntitle: 会\n") is None


def test_items_named_by_position_are_never_left_out() -> None:
    """Customer communications are C1, C2 … by position: leaving one out would rename the
    others, so such a record is not salvaged (its schema errors are still reported)."""
    text = ("kind: customer-request\nid: KH-2024-001\ncustomer: 某公司\n"
            "communications:\n  - [not, a, mapping]\n  - {at: 2024-10-10, summary: 沟通}\n")
    assert salvaged(text) is None
    assert salvaged(text.replace("[not, a, mapping]", "{at: 2024-10-09, sumary: x}")) is not None


def test_keys_that_are_not_text_are_left_out() -> None:
    rec = salvaged(MEETING + "1: one\n? [a, b]\n: two\n")
    assert rec is not None and rec.record.title == "会"
