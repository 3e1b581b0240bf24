"""Rows of the record pages that the example workspace does not show: a signed side of
确认签字, a declined requirement, an issue without a team."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from collabkit.i18n import Texts
from collabkit.models import record_adapter
from collabkit.models._types import validation_context
from collabkit.present.pages import Site, page_for
from collabkit.present.values import Shown
from collabkit.trail import SignOff
from collabkit.workspace import Config, Workspace

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2024, 10, 14, 9, 0, tzinfo=TZ)
REQUIREMENT = {
    "kind": "requirement", "id": "RW-2024-001", "title": "复购",
    "requester": {"department": "市场部", "lead": "张伟"},
    "receiver": {"department": "运营部", "lead": "李娜"}, "status": "confirmed",
}  # fmt: skip
SIGNED = SignOff(
    record="RW-2024-001", role="receiver", person="李娜", author="李娜", email="li_na@example.com",
    at=datetime(2024, 9, 3, 15, 58, tzinfo=TZ), commit="0123456789abcdef0123456789abcdef01234567",
    verdict="good",
)  # fmt: skip


def _values(data: dict[str, Any], language: str = "zh", signed: dict[str, SignOff] | None = None,
            tmp: Any = None) -> dict[str, Any]:  # fmt: skip
    record = record_adapter().validate_python(data, context=validation_context(TZ))
    timing = Workspace(tmp, Config.model_validate({})).timing
    site = Site.gather(Shown(Texts(language), timing, NOW), [record], [],
                       signoffs=lambda record_id: signed or {})  # fmt: skip
    return page_for(record, site)


def _row(values: dict[str, Any], label: str, table: str = "form") -> str:
    [value] = [row[1] for row in values[table].rows if row[0] == label]
    return str(value)


def test_a_side_that_signed_shows_who_when_which_commit_and_the_verdict(tmp_path: Any) -> None:
    zh = _values(REQUIREMENT, "zh", {"receiver": SIGNED}, tmp_path)
    assert _row(zh, "确认签字") == (
        "需求方 张伟:未签字<br>"
        "承接方 李娜:已签字(李娜 li_na@example.com,2024-09-03 15:58,提交 0123456789ab,签名已验证)")
    en = _values(REQUIREMENT, "en", {"receiver": SIGNED, "requester": SIGNED}, tmp_path)
    assert _row(en, "Sign-off") == (
        "requester 张伟: signed (李娜 li_na@example.com, 2024-09-03 15:58, commit 0123456789ab, "
        "signature verified)<br>"
        "receiver 李娜: signed (李娜 li_na@example.com, 2024-09-03 15:58, commit 0123456789ab, "
        "signature verified)")  # fmt: skip


def test_a_declined_requirement_says_why_and_what_instead(tmp_path: Any) -> None:
    declined = REQUIREMENT | {"status": "declined", "decline_reason": "Q3 排期已满",
                              "alternative": "Q4 初启动"}  # fmt: skip
    values = _values(declined, "zh", None, tmp_path)
    assert [row[0] for row in values["form"].rows][-6:] == [
        "状态", "关键时间", "拒绝原因", "替代方案", "待确认事项", "确认签字"]
    assert (_row(values, "拒绝原因"), _row(values, "替代方案"), _row(values, "状态")) == (
        "Q3 排期已满", "Q4 初启动", "已拒绝")


def test_an_issue_without_a_team_or_fields_shows_dashes(tmp_path: Any) -> None:
    values = _values({"kind": "issue", "id": "WT-2024-002", "title": "慢", "status": "open"},
                     "zh", None, tmp_path)  # fmt: skip
    assert values["row"].rows == [["[WT-2024-002](WT-2024-002.md)", "慢", *["-"] * 10]]
    assert _row(values, "临时小组", "details") == "-"


def test_the_acceptor_signs_the_accepted_result(tmp_path: Any) -> None:
    acceptance = {"result": "pass", "by": "张伟", "at": "2024-09-13 10:00"}
    accepted = {"kind": "collaboration", "id": "XZ-2024-001", "title": "素材", "status": "done",
                "acceptance": acceptance}  # fmt: skip
    signed = SignOff(record="XZ-2024-001", role="acceptor", person="张伟", author="张伟",
                     email="zhangwei@example.com", at=datetime(2024, 9, 13, 10, 5, tzinfo=TZ),
                     commit="f" * 40, verdict="none")  # fmt: skip
    assert _row(_values(accepted, "zh", {"acceptor": signed}, tmp_path), "验收签字") == (
        "验收人 张伟:已签字(张伟 zhangwei@example.com,2024-09-13 10:05,提交 ffffffffffff,"
        "提交未加密签名)")
    assert _row(_values(accepted, "en", None, tmp_path), "Acceptance sign-off") == (
        "acceptor 张伟: not signed")
    planned = accepted | {"status": "planned", "acceptance": None}
    assert _row(_values(planned, "zh", None, tmp_path), "验收签字") == "-"
