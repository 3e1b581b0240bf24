"""Tests for collabkit.timing: records → obligations → overdue / due (SPEC §5).

Calendar facts used below, checked by hand against the State Council's notices
(国务院办公厅关于节假日安排的通知) and against the `holidays` package data:

* 2024 Mid-Autumn: Sep 15-17 off (Sun-Tue); Sat Sep 14 is a working day.
* 2024 National Day: Oct 1-7 off; Sun Sep 29 and Sat Oct 12 are working days.
* 2025 Spring Festival: Jan 28 (除夕) - Feb 4 off; Sun Jan 26 and Sat Feb 8 are working days.
* 2025 National Day + Mid-Autumn: Oct 1-8 off; Sun Sep 28 and Sat Oct 11 are working days.
* 2026 Spring Festival: Feb 15-23 off; Sat Feb 14 and Sat Feb 28 are working days.

The close of a working day is 18:00 (work hours 09:00-12:00, 13:00-18:00); "N working
days" never counts the start day; a date alone as a deadline is the end of that day.
Years without a published schedule (no weekend working day in the data) are estimated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collabkit.errors import UsageError
from collabkit.i18n.formats import iso
from collabkit.models import FOLDERS, record_adapter
from collabkit.models._types import validation_context
from collabkit.query import resolve_filter
from collabkit.timing.obligation import due_between, overdue
from collabkit.timing.obligations import Obligation, Timing
from collabkit.workspace import Config, Loaded, RecordFile

SH = ZoneInfo("Asia/Shanghai")
PEOPLE = [
    {"name": "张伟", "department": "市场部", "email": "zhangwei@example.com"},
    {"name": "李娜", "department": "运营部", "email": "lina@example.com"},
    {"name": "王芳", "department": "销售部", "email": "wangfang@example.com"},
    {"name": "赵磊", "department": "技术部", "email": "zhaolei@example.com"},
    {"name": "郑凯", "department": "销售部", "email": "zhengkai@example.com"},
]


def due_within(obs: list[Obligation], now: datetime, within: timedelta) -> list[Obligation]:
    return due_between(obs, now, now + within)


def select(obs: list[Obligation], cfg: Config, **words: str) -> list[Obligation]:
    who = resolve_filter(cfg, words.get("owner"), words.get("department"))
    return [ob for ob in obs if who.keeps(ob.owner, ob.department)]


def config(**settings_: Any) -> Config:
    return Config.model_validate({"people": PEOPLE, **settings_})


DEFAULT = Timing.for_config(config())


def timing(**settings_: Any) -> Timing:
    return DEFAULT if not settings_ else Timing.for_config(config(**settings_))


def load(data: dict[str, Any], cfg: Config | None = None) -> Loaded:
    """A record as the store would give it, without a file on disk."""
    tz = (cfg or config()).tz
    record = record_adapter().validate_python(data, context=validation_context(tz))
    rel = f"records/{FOLDERS[data['kind']]}/{data['id']}.yaml"
    return Loaded(RecordFile(Path(rel), rel, "", data), record)


def obligations(data: dict[str, Any], t: Timing | None = None) -> list[Obligation]:
    t = t or DEFAULT
    loaded = load(data)
    return list(t.obligations_for(loaded.record, loaded.file.rel))


def only(data: dict[str, Any], rule: str, t: Timing | None = None) -> Obligation:
    found = [ob for ob in obligations(data, t) if ob.rule == rule]
    assert len(found) == 1, found
    return found[0]


def rules_of(data: dict[str, Any], t: Timing | None = None) -> set[str]:
    return {ob.rule for ob in obligations(data, t)}


def sh(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=SH)


def at(key: str, moment: str | None) -> dict[str, Any]:
    return {} if moment is None else {key: moment}


# -- SPEC §5 worked examples, through records ------------------------------------------


def test_friday_plus_one_working_day_is_the_adjusted_sunday() -> None:
    # Fri 2024-09-27 15:00 + 1 wd: Sat 09-28 off, Sun 09-29 is a 调休 working day.
    req = {"kind": "requirement", "id": "RW-2024-001", "status": "sent",
           "sent_at": "2024-09-27 15:00"}
    assert iso(only(req, "requirement.confirm").due) == "2024-09-29T18:00:00+08:00"
    collab = {"kind": "collaboration", "id": "XZ-2024-001", "status": "in_progress",
              "requested_at": "2024-09-27 15:00"}
    assert iso(only(collab, "collaboration.confirm").due) == "2024-09-29T18:00:00+08:00"


def test_friday_plus_five_working_days_skips_national_day() -> None:
    # 09-29 (Sun, 调休), 09-30, [10-01..10-07 off], 10-08, 10-09, 10-10 → Thu 10-10 18:00.
    req = {"kind": "requirement", "id": "RW-2024-001", "status": "confirmed",
           "confirmed_at": "2024-09-27 15:00"}
    assert iso(only(req, "requirement.plan").due) == "2024-10-10T18:00:00+08:00"


def test_start_day_never_counts_even_when_it_is_a_working_day() -> None:
    # Sent Mon 2024-09-02 at 09:00, a working day: the deadline is Tue 18:00, not Mon 18:00.
    req = {"kind": "requirement", "id": "RW-2024-001", "status": "sent",
           "sent_at": "2024-09-02 09:00"}
    assert iso(only(req, "requirement.confirm").due) == "2024-09-03T18:00:00+08:00"
    # ... and from a non-working day (Sat 2024-09-28) the next working day is Sun 09-29.
    req["sent_at"] = "2024-09-28 23:00"
    assert iso(only(req, "requirement.confirm").due) == "2024-09-29T18:00:00+08:00"


def test_four_working_hours_from_monday_afternoon_cross_the_holiday() -> None:
    # Mon 2024-09-30 16:00 + 4 wh: 2 h on Monday (to 18:00), Oct 1-7 off, then 09:00-11:00
    # on Tue 10-08.
    t = timing(rules={"issue.workaround": {"within": "4wh"}})
    issue = {"kind": "issue", "id": "WT-2024-001", "urgency": "high",
             "reported_at": "2024-09-30 16:00"}
    assert iso(only(issue, "issue.workaround", t).due) == "2024-10-08T11:00:00+08:00"


def test_urgent_incident_on_a_holiday_night_runs_around_the_clock() -> None:
    # 03:00 on National Day: calendar durations ignore the calendar.
    issue = {"kind": "issue", "id": "WT-2024-001", "urgency": "high",
             "reported_at": "2024-10-01 03:00"}
    dues = {ob.rule: iso(ob.due) for ob in obligations(issue)}
    assert dues == {
        "issue.team": "2024-10-01T03:30:00+08:00",
        "issue.workaround": "2024-10-01T04:00:00+08:00",
        "issue.root_cause": "2024-10-01T07:00:00+08:00",
    }
    assert all(not ob.estimated_years for ob in obligations(issue))


def test_a_date_alone_as_a_deadline_is_the_end_of_that_day() -> None:
    meeting = {"kind": "meeting", "id": "HY-2024-001", "status": "held", "actions": [
        {"id": "A1", "task": "交付", "owner": "王芳", "due": "2024-09-30", "deliverable": "x"}]}
    ob = only(meeting, "action.due")
    assert iso(ob.due) == "2024-09-30T23:59:59+08:00"
    assert ob.state(datetime(2024, 9, 30, 23, 59, 59, tzinfo=SH)) == "open"
    assert ob.state(sh(2024, 10, 1)) == "overdue"  # overdue from 10-01 00:00 local
    assert overdue([ob], sh(2024, 10, 1)) == [ob]
    assert overdue([ob], datetime(2024, 9, 30, 23, 59, 59, tzinfo=SH)) == []


def test_three_days_before_is_72_hours_earlier_even_on_holidays() -> None:
    meeting = {"kind": "meeting", "id": "HY-2024-002", "start": "2024-10-10 14:00",
               "end": "2024-10-10 15:30"}
    assert iso(only(meeting, "meeting.agenda").due) == "2024-10-07T14:00:00+08:00"


def test_one_working_day_before_is_the_close_of_the_working_day_before() -> None:
    # Start Tue 2024-10-08: the working day before is Mon 09-30 (Oct 1-7 are off).
    t = timing(rules={"meeting.agenda": {"before": "1wd"}})
    meeting = {"kind": "meeting", "id": "HY-2024-002", "start": "2024-10-08 10:00",
               "end": "2024-10-08 11:00"}
    assert iso(only(meeting, "meeting.agenda", t).due) == "2024-09-30T18:00:00+08:00"
    # Start Mon 2024-10-14: the working day before is the adjusted Saturday 10-12.
    meeting |= {"start": "2024-10-14 10:00", "end": "2024-10-14 11:00"}
    assert iso(only(meeting, "meeting.agenda", t).due) == "2024-10-12T18:00:00+08:00"


def test_calendar_hours_are_elapsed_time_across_a_dst_change() -> None:
    # Europe/Berlin leaves summer time at 03:00 CEST on 2024-10-27: 01:30+02:00 + 4 h is
    # 04:30+01:00 (four hours of real time), not 05:30.
    t = timing(timezone="Europe/Berlin", calendar={"country": None})
    issue = {"kind": "issue", "id": "WT-2024-001", "urgency": "high",
             "reported_at": "2024-10-27T01:30:00+02:00"}
    ob = only(issue, "issue.root_cause", t)
    assert ob.due - datetime.fromisoformat("2024-10-27T01:30:00+02:00") == timedelta(hours=4)
    assert iso(ob.due) == "2024-10-27T04:30:00+01:00"


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # 2025 Spring Festival: Mon 01-27 + 2 wd → 01-28..02-04 off, Wed 02-05, Thu 02-06.
        ("2025-01-27 10:00", "2025-02-06T18:00:00+08:00"),
        # Fri 2025-01-24 + 2 wd → Sun 01-26 (调休), Mon 01-27.
        ("2025-01-24 10:00", "2025-01-27T18:00:00+08:00"),
        # Fri 2025-02-07 + 2 wd → Sat 02-08 (调休), Mon 02-10.
        ("2025-02-07 10:00", "2025-02-10T18:00:00+08:00"),
        # 2025 National Day: Sat 09-27 + 2 wd → Sun 09-28 (调休), Mon 09-29.
        ("2025-09-27 10:00", "2025-09-29T18:00:00+08:00"),
        # Tue 09-30 + 2 wd → 10-01..10-08 off, Thu 10-09, Fri 10-10.
        ("2025-09-30 10:00", "2025-10-10T18:00:00+08:00"),
        # Thu 10-09 + 2 wd → Fri 10-10, Sat 10-11 (调休).
        ("2025-10-09 10:00", "2025-10-11T18:00:00+08:00"),
        # 2026 Spring Festival: Fri 02-13 + 2 wd → Sat 02-14 (调休), 02-15..23 off, Tue 02-24.
        ("2026-02-13 10:00", "2026-02-24T18:00:00+08:00"),
        # Thu 02-26 + 2 wd → Fri 02-27, Sat 02-28 (调休).
        ("2026-02-26 10:00", "2026-02-28T18:00:00+08:00"),
    ],
)
def test_customer_review_on_the_official_schedule(received: str, due: str) -> None:
    req = {"kind": "customer-request", "id": "KH-2025-001", "owner": "郑凯",
           "received_at": received}
    ob = only(req, "customer.review")
    assert iso(ob.due) == due
    assert not ob.estimated_years


# -- every default rule: open / overdue / met / met late ------------------------------


@dataclass(frozen=True)
class Case:
    rule: str
    build: Callable[[str | None], dict[str, Any]]  # the record, with the meeting event or not
    due: str
    item: str | None = None

    def __str__(self) -> str:
        return self.rule


def _req(**fields: Any) -> dict[str, Any]:
    return {"kind": "requirement", "id": "RW-2024-001", "status": "in_progress",
            "receiver": {"department": "运营部", "lead": "李娜"}, **fields}


def _issue(urgency: str, **fields: Any) -> dict[str, Any]:
    return {"kind": "issue", "id": "WT-2024-001", "urgency": urgency, "owner": "赵磊",
            "department": "技术部", **fields}


def _collab(**fields: Any) -> dict[str, Any]:
    return {"kind": "collaboration", "id": "XZ-2024-001", "status": "in_progress",
            "initiator": {"department": "市场部", "contact": "张伟"},
            "partners": [{"department": "运营部", "contact": "李娜"}], **fields}


def _customer(**fields: Any) -> dict[str, Any]:
    return {"kind": "customer-request", "id": "KH-2024-001", "owner": "郑凯", **fields}


CASES = [
    Case("requirement.pending", lambda m: _req(pending=[
        {"id": "P1", "question": "券面额", "owner": "张伟", "raised_at": "2024-09-30 16:00",
         **at("answered_at", m)}]), "2024-10-01T16:00:00+08:00", "P1"),
    Case("requirement.pending", lambda m: _req(pending=[
        {"id": "P2", "question": "名单", "owner": "张伟", "raised_at": "2024-09-02 10:30",
         "due": "2024-09-05", **at("answered_at", m)}]), "2024-09-05T23:59:59+08:00", "P2"),
    Case("requirement.confirm", lambda m: _req(status="sent", sent_at="2024-09-27 15:00",
                                              **at("confirmed_at", m)),
         "2024-09-29T18:00:00+08:00"),
    Case("requirement.plan", lambda m: _req(confirmed_at="2024-09-27 15:00",
                                           milestones=at("plan_at", m)),
         "2024-10-10T18:00:00+08:00"),
    # confirmed Tue 09-03 + 10 wd: 09-04, 05, 06, 09, 10, 11, 12, 13, Sat 09-14 (调休),
    # [09-15..17 Mid-Autumn], Wed 09-18.
    Case("requirement.build", lambda m: _req(confirmed_at="2024-09-03 16:00",
                                            **at("delivered_at", m)),
         "2024-09-18T18:00:00+08:00"),
    Case("requirement.due", lambda m: _req(due="2024-09-30", **at("delivered_at", m)),
         "2024-09-30T23:59:59+08:00"),
    Case("meeting.agenda", lambda m: {"kind": "meeting", "id": "HY-2024-002", "host": "张伟",
                                      "start": "2024-10-10 14:00", **at("agenda_sent_at", m)},
         "2024-10-07T14:00:00+08:00"),
    Case("meeting.minutes", lambda m: {"kind": "meeting", "id": "HY-2024-002", "status": "held",
                                       "recorder": "张伟", "start": "2024-10-10 14:00",
                                       "end": "2024-10-10 15:30", **at("minutes_sent_at", m)},
         "2024-10-11T15:30:00+08:00"),
    Case("action.due", lambda m: {"kind": "meeting", "id": "HY-2024-003", "status": "held",
                                  "actions": [{"id": "A2", "task": "完成话术初稿", "owner": "王芳",
                                               "due": "2024-10-25", "deliverable": "初稿",
                                               "status": "done" if m else "open",
                                               **at("done_at", m)}]},
         "2024-10-25T23:59:59+08:00", "A2"),
    Case("issue.team", lambda m: _issue("high", reported_at="2024-10-12 09:20",
                                        **at("team_formed_at", m)),
         "2024-10-12T09:50:00+08:00"),
    Case("issue.workaround", lambda m: _issue("high", reported_at="2024-10-12 09:20",
                                              **at("workaround_at", m)),
         "2024-10-12T10:20:00+08:00"),
    Case("issue.analysis", lambda m: _issue("medium", reported_at="2024-10-12 09:20",
                                            **at("analysis_meeting_at", m)),
         "2024-10-12T11:20:00+08:00"),
    Case("issue.root_cause", lambda m: _issue("high", reported_at="2024-10-12 09:20",
                                              **at("root_cause_at", m)),
         "2024-10-12T13:20:00+08:00"),
    Case("issue.root_cause", lambda m: _issue("medium", reported_at="2024-10-12 09:20",
                                              **at("root_cause_at", m)),
         "2024-10-12T13:20:00+08:00"),
    Case("issue.notify", lambda m: _issue("low", resolved_at="2024-10-12 17:30",
                                          **at("users_notified_at", m)),
         "2024-10-12T18:30:00+08:00"),
    Case("issue.retrospective", lambda m: _issue("low", resolved_at="2024-10-12 17:30",
                                                 **at("retrospective_at", m)),
         "2024-10-13T17:30:00+08:00"),
    Case("issue.planned_resolution", lambda m: _issue("low",
                                                      planned_resolution="2024-10-12 18:00",
                                                      **at("resolved_at", m)),
         "2024-10-12T18:00:00+08:00"),
    Case("collaboration.confirm", lambda m: _collab(requested_at="2024-08-28 10:00",
                                                    **at("accepted_by_partner_at", m)),
         "2024-08-29T18:00:00+08:00"),
    # accepted Fri 09-13 + 3 wd: Sat 09-14 (调休), [09-15..17 off], Wed 09-18, Thu 09-19.
    Case("collaboration.retrospective", lambda m: _collab(
        status="done", acceptance={"result": "pass", "at": "2024-09-13 10:00"},
        **({"retrospective": {"at": m}} if m else {})), "2024-09-19T18:00:00+08:00"),
    Case("collaboration.planned_end", lambda m: _collab(planned_end="2024-09-10",
                                                        **at("actual_end", m)),
         "2024-09-10T23:59:59+08:00"),
    Case("customer.review", lambda m: _customer(received_at="2024-09-23 10:00",
                                                **at("reviewed_at", m)),
         "2024-09-25T18:00:00+08:00"),
    # V1.0 sent Fri 09-27 + 2 wd: Sun 09-29 (调休), Mon 09-30.
    Case("customer.proposal_feedback", lambda m: _customer(proposals=[
        {"version": "V1.0", "sent_at": "2024-09-27 10:00", **at("feedback_at", m)}]),
         "2024-09-30T18:00:00+08:00", "V1.0"),
    Case("customer.respond", lambda m: _customer(communications=[
        {"at": "2024-09-30 14:00", "type": "problem", "summary": "测试环境无法登录",
         **at("responded_at", m)}]), "2024-09-30T15:00:00+08:00"),
    Case("customer.solution", lambda m: _customer(communications=[
        {"at": "2024-09-30 14:00", "type": "problem", "summary": "测试环境无法登录",
         **at("solution_at", m)}]), "2024-10-01T14:00:00+08:00"),
    Case("notice.todo", lambda m: {"kind": "notice", "id": "TZ-2024-001", "todos": [
        {"id": "T2", "task": "提交渠道推广排期", "owner": "郑凯", "due": "2024-10-16",
         "status": "done" if m else "open", **at("done_at", m)}]},
         "2024-10-16T23:59:59+08:00", "T2"),
]
MINUTE = timedelta(minutes=1)


def _state_of(case: Case, met: datetime | None, now: datetime) -> tuple[Obligation, str]:
    ob = only(case.build(met.isoformat() if met else None), case.rule)
    return ob, ob.state(now)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_rule_deadline(case: Case) -> None:
    ob = only(case.build(None), case.rule)
    assert iso(ob.due) == case.due
    assert not ob.estimated_years
    if case.item is not None:
        assert ob.item == case.item


@pytest.mark.parametrize("case", CASES, ids=str)
def test_rule_open_then_overdue(case: Case) -> None:
    due = datetime.fromisoformat(case.due)
    ob, state = _state_of(case, None, due - MINUTE)
    assert state == "open"
    assert overdue([ob], due - MINUTE) == []
    assert due_within([ob], due - MINUTE, timedelta(hours=1)) == [ob]
    assert ob.state(due) == "open"  # due exactly now: not yet passed
    ob, state = _state_of(case, None, due + MINUTE)
    assert state == "overdue"
    assert overdue([ob], due + MINUTE) == [ob]
    assert due_within([ob], due + MINUTE, timedelta(days=7)) == []


@pytest.mark.parametrize("case", CASES, ids=str)
def test_rule_met_on_time_and_met_late(case: Case) -> None:
    due = datetime.fromisoformat(case.due)
    later = due + timedelta(days=30)
    ob, state = _state_of(case, due - MINUTE, later)
    assert (state, ob.met, ob.met_at) == ("met", True, due - MINUTE)
    assert overdue([ob], later) == []
    ob, state = _state_of(case, due, later)  # exactly on the deadline is on time
    assert state == "met"
    ob, state = _state_of(case, due + MINUTE, later)
    assert (state, ob.met) == ("breach", True)
    assert overdue([ob], later) == []  # a breach is for lint and report, not overdue
    assert due_within([ob], due - timedelta(hours=1), timedelta(days=7)) == []


def test_a_status_meets_an_obligation_without_a_timestamp() -> None:
    # An action item marked done (or cancelled) without done_at is met, on time.
    for status in ("done", "cancelled"):
        meeting = {"kind": "meeting", "id": "HY-2024-001", "actions": [
            {"id": "A1", "task": "t", "owner": "王芳", "due": "2024-09-12", "deliverable": "d",
             "status": status}]}
        ob = only(meeting, "action.due")
        assert (ob.met, ob.met_at, ob.state(sh(2025, 1, 1))) == (True, None, "met")
    # A delivered requirement has met its due date and its build rule.
    req = _req(status="delivered", due="2024-09-30", confirmed_at="2024-09-03 16:00")
    assert {ob.rule: ob.met for ob in obligations(req)} == {
        "requirement.due": True, "requirement.build": True, "requirement.plan": True,
    }


def test_obligation_fields() -> None:
    meeting = CASES[8].build(None)
    ob = only(meeting, "action.due")
    assert (ob.record, ob.kind, ob.item, ob.rule, ob.what, ob.owner, ob.department) == (
        "HY-2024-003", "meeting", "A2", "action.due", "完成话术初稿", "王芳", "销售部")
    assert ob.ref == "HY-2024-003/A2"
    assert ob.file == "records/meetings/HY-2024-003.yaml"
    assert ob.loc == ("actions", 0, "due")
    req = only(_req(status="sent", sent_at="2024-09-27 15:00"), "requirement.confirm")
    assert (req.item, req.what, req.owner, req.department, req.ref) == (
        None, "反馈确认需求", "李娜", "运营部", "RW-2024-001")
    assert req.loc == ("sent_at",)
    # English labels in an English workspace; multi-line text is folded to one line
    t = timing(language="en")
    assert only(_req(status="sent", sent_at="2024-09-27 15:00"), "requirement.confirm",
                t).what == "confirm the requirement"
    pending = _req(pending=[{"id": "P1", "question": "第一行\n第二行", "owner": "张伟",
                             "raised_at": "2024-09-30 16:00"}])
    assert only(pending, "requirement.pending").what == "第一行 第二行"


# -- when nothing is owed --------------------------------------------------------------

# A record in each of these statuses owes nothing more; each record below would
# otherwise have an overdue obligation at NOW.
NOW = sh(2024, 10, 14, 9)
FINISHED = [
    _req(status=s, sent_at="2024-09-02 10:00", due="2024-09-30", confirmed_at="2024-09-03 16:00",
         pending=[{"id": "P1", "question": "q", "owner": "张伟", "raised_at": "2024-10-11 10:00"}])
    for s in ("closed", "declined", "withdrawn")
] + [
    {"kind": "meeting", "id": "HY-2024-002", "status": s, "start": "2024-10-10 14:00",
     "end": "2024-10-10 15:30", "actions": [
         {"id": "A1", "task": "t", "owner": "王芳", "due": "2024-10-12", "deliverable": "d"}]}
    for s in ("closed", "cancelled")
] + [
    _collab(status="cancelled", requested_at="2024-08-28 10:00", planned_end="2024-09-10"),
    _issue("high", status="closed", reported_at="2024-10-12 09:20",
           resolved_at="2024-10-12 17:30", planned_resolution="2024-10-12 12:00"),
    _customer(status="done", received_at="2024-09-23 10:00",
              proposals=[{"version": "V1.2", "sent_at": "2024-10-09 14:00"}]),
    _customer(status="rejected", received_at="2024-09-23 10:00"),
    {"kind": "notice", "id": "TZ-2024-001", "status": "closed", "todos": [
        {"id": "T1", "task": "t", "owner": "郑凯", "due": "2024-10-10"}]},
]


@pytest.mark.parametrize(
    "record", FINISHED, ids=lambda r: f"{r['kind']}-{r.get('status', 'default')}"
)
def test_a_finished_record_owes_nothing(record: dict[str, Any]) -> None:
    obs = obligations(record)
    assert overdue(obs, NOW) == []
    assert all(ob.met for ob in obs)
    # the same record, still open, does owe something (so the test means something)
    active = {"requirement": "in_progress", "meeting": "held", "collaboration": "in_progress",
              "issue": "open", "customer-request": "pending", "notice": "sent"}[record["kind"]]
    assert overdue(obligations({**record, "status": active}), NOW) != []


def test_a_finished_record_still_tells_a_late_met_obligation() -> None:
    # Closed after the fact: the minutes were sent late, which lint reports as a breach.
    meeting = {"kind": "meeting", "id": "HY-2024-002", "status": "closed",
               "start": "2024-10-10 14:00", "end": "2024-10-10 15:30",
               "minutes_sent_at": "2024-10-12 09:00"}
    assert [(ob.rule, ob.state(NOW)) for ob in obligations(meeting)] == [
        ("meeting.minutes", "breach")]
    meeting["agenda_sent_at"] = "2024-10-09 09:00"
    assert [(ob.rule, ob.state(NOW)) for ob in obligations(meeting)] == [
        ("meeting.agenda", "breach"), ("meeting.minutes", "breach")]


@pytest.mark.parametrize(
    ("record", "absent"),
    [
        (_req(status="draft"), {"requirement.confirm", "requirement.plan", "requirement.build"}),
        (_req(status="sent", sent_at="2024-09-02 10:00"),
         {"requirement.plan", "requirement.build"}),
        ({"kind": "meeting", "id": "HY-2024-001", "status": "held"},
         {"meeting.agenda", "meeting.minutes"}),
        ({"kind": "meeting", "id": "HY-2024-001", "status": "held", "start": "2024-10-10 14:00"},
         {"meeting.minutes"}),
        (_issue("high"), {"issue.team", "issue.workaround", "issue.root_cause"}),
        (_issue("low", reported_at="2024-10-12 09:20"),
         {"issue.notify", "issue.retrospective"}),
        (_collab(), {"collaboration.confirm", "collaboration.retrospective"}),
        (_collab(acceptance={"result": "pass"}), {"collaboration.retrospective"}),
        (_customer(), {"customer.review"}),
        (_customer(proposals=[{"version": "V1.0"}]), {"customer.proposal_feedback"}),
        (_req(pending=[{"id": "P1", "question": "q"}]), {"requirement.pending"}),
    ],
    ids=lambda v: v["kind"] if isinstance(v, dict) else "",
)
def test_a_rule_whose_start_event_is_unset_has_no_deadline(
    record: dict[str, Any], absent: set[str]
) -> None:
    assert rules_of(record) & absent == set()


def test_conditions_select_the_rules() -> None:
    reported = "2024-10-12 09:20"
    assert rules_of(_issue("high", reported_at=reported)) == {
        "issue.team", "issue.workaround", "issue.root_cause"}
    assert rules_of(_issue("medium", reported_at=reported)) == {
        "issue.analysis", "issue.root_cause"}
    assert rules_of(_issue("low", reported_at=reported)) == set()
    # a failed acceptance starts no retrospective
    failed = _collab(acceptance={"result": "fail", "at": "2024-09-13 10:00"})
    assert "collaboration.retrospective" not in rules_of(failed)
    # only problems need a response and a solution
    talk = _customer(communications=[
        {"at": "2024-09-30 14:00", "type": t, "summary": t} for t in
        ("question", "problem", "feedback")])
    obs = [ob for ob in obligations(talk) if ob.rule.startswith("customer.")]
    assert sorted((ob.rule, ob.what) for ob in obs) == [
        ("customer.respond", "problem"), ("customer.solution", "problem")]


def test_minutes_are_owed_whatever_the_status_says_until_cancelled() -> None:
    # A meeting nobody marked `held` still owes its minutes: forgetting to update the status
    # must not make the deadline disappear. A cancelled meeting owes nothing.
    planned = {"kind": "meeting", "id": "HY-2024-002", "status": "planned",
               "start": "2024-10-10 14:00", "end": "2024-10-10 15:30"}
    both = {"meeting.agenda", "meeting.minutes"}
    assert rules_of(planned) == both
    assert rules_of({**planned, "status": "held"}) == both
    assert rules_of({**planned, "status": "cancelled"}) == set()


# -- overdue, due, select ----------------------------------------------------------------


def _mixed() -> list[Obligation]:
    records = [
        _req(status="sent", sent_at="2024-10-10 10:00", due="2024-10-20"),  # confirm 10-11 18:00
        {"kind": "meeting", "id": "HY-2024-002", "status": "held", "actions": [
            {"id": "A2", "task": "b", "owner": "王芳", "due": "2024-10-12", "deliverable": "d"},
            {"id": "A1", "task": "a", "owner": "王芳", "due": "2024-10-12", "deliverable": "d"},
            {"id": "A3", "task": "c", "owner": "zhaolei@example.com", "due": "2024-10-15",
             "deliverable": "d"}]},
        _issue("low", resolved_at="2024-10-13 08:00"),  # notify 09:00, retro 10-14 08:00
        {"kind": "notice", "id": "TZ-2024-001", "todos": [
            {"id": "T1", "task": "t", "owner": "郑凯", "due": "2024-10-14 12:00"}]},
    ]
    return DEFAULT.obligations(load(r) for r in records)


def test_overdue_is_most_overdue_first_with_a_stable_tie_break() -> None:
    late = overdue(_mixed(), NOW)
    assert [(ob.ref, ob.rule) for ob in late] == [
        ("RW-2024-001", "requirement.confirm"),  # 10-11 18:00
        ("HY-2024-002/A1", "action.due"),  # 10-12 23:59:59, tie broken by item
        ("HY-2024-002/A2", "action.due"),
        ("WT-2024-001", "issue.notify"),  # 10-13 09:00
        ("WT-2024-001", "issue.retrospective"),  # 10-14 08:00
    ]


def test_due_is_soonest_first_within_the_horizon() -> None:
    soon = due_within(_mixed(), NOW, timedelta(days=7))
    assert [(ob.ref, iso(ob.due)) for ob in soon] == [
        ("TZ-2024-001/T1", "2024-10-14T12:00:00+08:00"),
        ("HY-2024-002/A3", "2024-10-15T23:59:59+08:00"),
        ("RW-2024-001", "2024-10-20T23:59:59+08:00"),
    ]
    assert [ob.ref for ob in due_within(_mixed(), NOW, timedelta(hours=3))] == ["TZ-2024-001/T1"]
    # the horizon is inclusive
    assert [ob.ref for ob in due_within(_mixed(), NOW, timedelta(hours=3))] == [
        ob.ref for ob in due_within(_mixed(), NOW, sh(2024, 10, 14, 12) - NOW)]


def test_select_by_owner_name_or_email_and_by_department() -> None:
    obs = _mixed()
    cfg = config()
    by_name = {ob.ref for ob in select(obs, cfg, owner="赵磊")}
    by_email = {ob.ref for ob in select(obs, cfg, owner="zhaolei@example.com")}
    # the issue names 赵磊; A3 names him by email: both are his either way
    assert by_name == by_email == {"WT-2024-001", "HY-2024-002/A3"}
    assert {ob.ref for ob in select(obs, cfg, department="销售部")} == {
        "HY-2024-002/A1", "HY-2024-002/A2", "TZ-2024-001/T1"}
    assert {ob.ref for ob in select(obs, cfg, owner="王芳", department="技术部")} == set()
    assert select(obs, cfg) == obs
    assert [ob.ref for ob in select(obs, cfg, owner="郑凯")] == ["TZ-2024-001/T1"]


def test_an_unknown_owner_or_department_is_a_usage_error_naming_the_closest() -> None:
    with pytest.raises(UsageError) as caught:
        resolve_filter(config(departments=["市场部", "技术部"]), "zhaolei")
    assert str(caught.value) == "--owner: 未登记的人员 'zhaolei'"
    with pytest.raises(UsageError) as caught:
        resolve_filter(config(departments=["市场部", "技术部"]), "赵蕾")
    assert str(caught.value) == "--owner: 未登记的人员 '赵蕾'(是不是 '赵磊'?)"
    with pytest.raises(UsageError) as caught:
        resolve_filter(config(departments=["市场部", "技术部"]), None, "技术")
    assert str(caught.value) == "--department: 未登记的部门 '技术'(是不是 '技术部'?)"
    english = config(departments=["市场部", "技术部"], language="en")
    with pytest.raises(UsageError) as caught:
        resolve_filter(english, "赵蕾")
    assert caught.value.text("en") == "--owner: unknown person '赵蕾' (did you mean '赵磊'?)"
    with pytest.raises(UsageError) as caught:
        resolve_filter(english, None, "技术")
    assert caught.value.text("en") == (
        "--department: unknown department '技术' (did you mean '技术部'?)")


def test_a_person_without_email_matches_only_their_own_items() -> None:
    # a registered person with no email must not match the ownerless items (None == None)
    cfg = Config.model_validate({"people": [{"name": "王芳"}, {"name": "赵磊"}]})
    who = resolve_filter(cfg, "王芳")
    assert who.keeps("王芳", None)
    assert not who.keeps(None, None)
    assert not who.keeps("赵磊", None)


# -- estimated years ---------------------------------------------------------------------


def _published(year: int) -> bool:
    """SPEC §5: a CN year is published when some weekend day in it is a working day."""
    cn = holidays.country_holidays("CN", years=year)
    first = date(year, 1, 1)
    days = (first + timedelta(days=i) for i in range(366))
    return any(cn.is_working_day(d) for d in days if d.year == year and d.weekday() >= 5)


def _next_working_day(after: date) -> date:
    day = after + timedelta(days=1)
    while not holidays.country_holidays("CN", years=day.year).is_working_day(day):
        day += timedelta(days=1)
    return day


def test_a_deadline_into_2027_is_estimated_until_2027_is_published() -> None:
    # Thu 2026-12-31 10:00 + 1 wd: 2027-01-01 is New Year's Day, so the deadline is in 2027.
    req = _req(status="sent", sent_at="2026-12-31 10:00")
    ob = only(req, "requirement.confirm")
    assert ob.estimated_years == (frozenset() if _published(2027) else {2027})
    # whatever the schedule, it is the close of the first working day after 12-31
    assert ob.due == datetime.combine(_next_working_day(date(2026, 12, 31)),
                                      datetime.min.time().replace(hour=18), tzinfo=SH)
    if not _published(2027):
        assert iso(ob.due) == "2027-01-04T18:00:00+08:00"  # Fri 01-01 off, then the weekend


def test_a_deadline_inside_2026_is_exact() -> None:
    ob = only(_req(status="sent", sent_at="2026-12-29 10:00"), "requirement.confirm")
    assert (iso(ob.due), ob.estimated_years) == ("2026-12-30T18:00:00+08:00", frozenset())


def test_a_deadline_far_ahead_is_always_estimated() -> None:
    # Mon 2040-12-31 + 2 wd: 2041-01-01 is New Year's Day → Wed 01-02, Thu 01-03.
    ob = only(_customer(received_at="2040-12-31 10:00"), "customer.review")
    assert (iso(ob.due), ob.estimated_years) == ("2041-01-03T18:00:00+08:00", {2041})
    # hours around the clock are never estimated
    issue = _issue("high", reported_at="2040-12-31 23:50")
    assert all(not ob.estimated_years for ob in obligations(issue))
    # entering the year by hand clears the flag
    t = timing(calendar={"entered_years": [2041], "extra_holidays": ["2041-01-02"]})
    ob = only(_customer(received_at="2040-12-31 10:00"), "customer.review", t)
    assert (iso(ob.due), ob.estimated_years) == ("2041-01-04T18:00:00+08:00", frozenset())


# -- properties, through records and rule overrides --------------------------------------

PROPERTY = settings(max_examples=40, deadline=None)
STARTS = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 11, 30),
                      timezones=st.just(SH)).map(lambda d: d.replace(second=0, microsecond=0))
WORKING_UNITS = ("wd", "wh")
CALENDAR = DEFAULT.calendar
_TIMINGS: dict[tuple[str, str], Timing] = {}


def _with(setting: str, amount: str) -> Timing:
    """A Timing whose meeting.agenda runs `within`/`before` `amount` (cached per setting)."""
    key = (setting, amount)
    if key not in _TIMINGS:
        t = Timing.for_config(config(rules={"meeting.agenda": {setting: amount}}))
        t.calendar = CALENDAR  # share the year tables: building them is the slow part
        _TIMINGS[key] = t
    return _TIMINGS[key]


def _agenda_due(start: datetime, setting: str, amount: str) -> Obligation:
    meeting = {"kind": "meeting", "id": "HY-2024-001", "start": start.isoformat()}
    return only(meeting, "meeting.agenda", _with(setting, amount))


@PROPERTY
@given(STARTS, st.sampled_from(["m", "h", "d", "wd", "wh"]), st.integers(0, 15),
       st.integers(0, 15), st.sampled_from(["within", "before"]))
def test_a_longer_duration_never_gives_an_earlier_deadline(
    start: datetime, unit: str, n: int, k: int, setting: str
) -> None:
    shorter = _agenda_due(start, setting, f"{n}{unit}").due
    longer = _agenda_due(start, setting, f"{n + k}{unit}").due
    assert (longer <= shorter) if setting == "before" else (longer >= shorter)


@PROPERTY
@given(STARTS, st.integers(1, 15), st.sampled_from(["within", "before"]))
def test_a_working_day_deadline_is_a_working_day_at_closing_time(
    start: datetime, n: int, setting: str
) -> None:
    due = _agenda_due(start, setting, f"{n}wd").due
    assert CALENDAR.is_working_day(due.date())
    assert (due.hour, due.minute, due.second) == (18, 0, 0)
    assert due.tzinfo is not None and due.utcoffset() == timedelta(hours=8)


@PROPERTY
@given(STARTS, st.sampled_from(["m", "h", "d", "wd"]), st.integers(1, 15))
def test_before_mirrors_within(start: datetime, unit: str, n: int) -> None:
    ahead = _agenda_due(start, "within", f"{n}{unit}").due
    back = _agenda_due(start, "before", f"{n}{unit}").due
    if unit != "wd":
        assert ahead - start == start - back == n * {"m": timedelta(minutes=1),
                                                     "h": timedelta(hours=1),
                                                     "d": timedelta(days=1)}[unit]
        return
    day = start.date()
    # n working days after the start day, and n working days before it (the start day
    # itself never counts either way)
    assert CALENDAR.working_days_between(day, ahead.date()) == n
    assert CALENDAR.working_days_between(back.date() - timedelta(days=1),
                                         day - timedelta(days=1)) == n
    assert back.date() < day < ahead.date()


@PROPERTY
@given(STARTS, st.sampled_from(["m", "h", "d", "wd", "wh"]), st.integers(1, 15))
def test_a_deadline_is_never_before_its_start(start: datetime, unit: str, n: int) -> None:
    assert _agenda_due(start, "within", f"{n}{unit}").due >= start
    assert _agenda_due(start, "before", f"{n}{unit}").due <= start
    assert not _agenda_due(start, "within", f"{n}{unit}").estimated_years
