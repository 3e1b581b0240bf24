"""Tests for collabkit.rules: the default rule table of SPEC §5 as data, and a team's
overrides and own rules from `collab.yaml` under `rules:`.

Calendar facts used (State Council notices, checked against the `holidays` data):
2024 National Day Oct 1-7 off with Sun Sep 29 and Sat Oct 12 worked; 2024 Mid-Autumn
Sep 15-17 off with Sat Sep 14 worked. The close of a working day is 18:00.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from collabkit.errors import ConfigError
from collabkit.i18n.formats import iso
from collabkit.io.yamlio import load_data
from collabkit.models import FOLDERS, record_adapter
from collabkit.models._types import validation_context
from collabkit.timing.durations import Duration
from collabkit.timing.obligations import Obligation, Timing
from collabkit.timing.rules import Rule, default_rules, rules_for
from collabkit.workspace import Config
from tests.helpers import MINIMAL_CONFIG, build_tree

SH = ZoneInfo("Asia/Shanghai")
NOW_TEXT = "2024-10-14T09:00:00+08:00"


# -- the default table ------------------------------------------------------------------

# SPEC §5, row by row: (rule id, kind, from, within / before, met by). `deadline` rules
# carry their explicit date field instead of a duration.
SPEC_TABLE = [
    ("requirement.pending", "requirement", "raised_at", "24h", None, ("answered_at",)),
    ("requirement.confirm", "requirement", "sent_at", "1wd", None, ("confirmed_at",)),
    ("requirement.plan", "requirement", "confirmed_at", "5wd", None, ("milestones.plan_at",)),
    ("requirement.build", "requirement", "confirmed_at", "10wd", None, ("delivered_at",)),
    ("meeting.agenda", "meeting", "start", None, "3d", ("agenda_sent_at",)),
    ("meeting.minutes", "meeting", "end", "24h", None, ("minutes_sent_at",)),
    ("issue.team", "issue", "reported_at", "30m", None, ("team_formed_at",)),
    ("issue.workaround", "issue", "reported_at", "1h", None, ("workaround_at",)),
    ("issue.analysis", "issue", "reported_at", "2h", None, ("analysis_meeting_at",)),
    ("issue.root_cause", "issue", "reported_at", "4h", None, ("root_cause_at",)),
    ("issue.notify", "issue", "resolved_at", "1h", None, ("users_notified_at",)),
    ("issue.retrospective", "issue", "resolved_at", "24h", None, ("retrospective_at",)),
    ("collaboration.confirm", "collaboration", "requested_at", "1wd", None,
     ("accepted_by_partner_at",)),
    ("collaboration.retrospective", "collaboration", "acceptance.at", "3wd", None,
     ("retrospective.at",)),
    ("customer.review", "customer-request", "received_at", "2wd", None, ("reviewed_at",)),
    ("customer.proposal_feedback", "customer-request", "sent_at", "2wd", None,
     ("feedback_at",)),
    ("customer.respond", "customer-request", "at", "1h", None, ("responded_at",)),
    ("customer.solution", "customer-request", "at", "24h", None, ("solution_at",)),
]
EXPLICIT = [
    # (rule id, kind, deadline field, met by)
    ("action.due", "meeting", "due", ("done_at",)),
    ("requirement.pending", "requirement", "due", ("answered_at",)),
    ("requirement.due", "requirement", "due", ("delivered_at",)),
    ("collaboration.planned_end", "collaboration", "planned_end", ("actual_end",)),
    ("issue.planned_resolution", "issue", "planned_resolution", ("resolved_at",)),
    ("notice.todo", "notice", "due", ("done_at",)),
]
DEFAULTS = {rule.id: rule for rule in default_rules()}


def _dur(text: str | None) -> Duration | None:
    if text is None:
        return None
    amount = int("".join(ch for ch in text if ch.isdigit()))
    return Duration(amount, text.lstrip("0123456789"))  # type: ignore[arg-type]


def test_every_rule_of_the_spec_is_a_default() -> None:
    spec_ids = {row[0] for row in SPEC_TABLE} | {row[0] for row in EXPLICIT}
    assert spec_ids | {"collaboration.weekly_sync"} == set(DEFAULTS)
    assert all(rule.enabled for rule in DEFAULTS.values())


@pytest.mark.parametrize(("rule_id", "kind", "start", "within", "before", "met_by"), SPEC_TABLE)
def test_default_rule_matches_the_spec_table(
    rule_id: str, kind: str, start: str, within: str | None, before: str | None,
    met_by: tuple[str, ...],
) -> None:
    rule = DEFAULTS[rule_id]
    assert (rule.kind, rule.start, rule.within, rule.before, rule.met_by) == (
        kind, start, _dur(within), _dur(before), met_by)


@pytest.mark.parametrize(("rule_id", "kind", "deadline", "met_by"), EXPLICIT)
def test_explicit_deadline_rules(
    rule_id: str, kind: str, deadline: str, met_by: tuple[str, ...]
) -> None:
    rule = DEFAULTS[rule_id]
    assert (rule.kind, rule.deadline, rule.met_by) == (kind, deadline, met_by)


def test_conditions_of_the_default_table() -> None:
    # SPEC §5 "applies to": urgency for the incident rules, a passed acceptance, each item
    assert DEFAULTS["issue.team"].when == {"urgency": ("high",)}
    assert DEFAULTS["issue.workaround"].when == {"urgency": ("high",)}
    assert DEFAULTS["issue.analysis"].when == {"urgency": ("medium",)}
    assert set(DEFAULTS["issue.root_cause"].when["urgency"]) == {"high", "medium"}
    assert DEFAULTS["issue.notify"].when == DEFAULTS["issue.retrospective"].when == {}
    assert DEFAULTS["collaboration.retrospective"].when == {"acceptance.result": ("pass",)}
    assert DEFAULTS["customer.respond"].when == DEFAULTS["customer.solution"].when == {
        "type": ("problem",)}
    each = {rule.id: rule.each for rule in DEFAULTS.values() if rule.each}
    assert each == {
        "action.due": "actions", "requirement.pending": "pending",
        "customer.proposal_feedback": "proposals", "customer.respond": "communications",
        "customer.solution": "communications", "notice.todo": "todos",
    }
    # met by a status too: done or cancelled action items, a declined requirement
    assert set(DEFAULTS["action.due"].met_when) == {"done", "cancelled"}
    assert "declined" in DEFAULTS["requirement.confirm"].met_when


def test_labels_in_both_languages() -> None:
    from collabkit.i18n import catalogue

    for rule in DEFAULTS.values():
        assert rule.label is None, rule.id  # the defaults' labels live in the catalogue
        zh, en = catalogue()[f"rule.{rule.id}"]
        assert (rule.text("zh"), rule.text("en")) == (zh, en)
        assert zh != en and zh and en


def test_no_settings_gives_the_defaults() -> None:
    assert rules_for({}) == default_rules()


# -- overrides ---------------------------------------------------------------------------


def _rules(settings: dict[str, Any]) -> dict[str, Rule]:
    return {rule.id: rule for rule in rules_for(settings)}


def test_within_overrides_the_duration_and_nothing_else() -> None:
    rule = _rules({"meeting.minutes": {"within": "2h"}})["meeting.minutes"]
    assert rule.within == Duration(2, "h")
    assert rule == replace(DEFAULTS["meeting.minutes"], within=Duration(2, "h"))


def test_before_replaces_within_and_within_replaces_before() -> None:
    rules = _rules({"meeting.agenda": {"before": "1wd"},
                    "requirement.confirm": {"before": "1wd"},
                    "meeting.minutes": {"within": "2小时"}})
    assert (rules["meeting.agenda"].before, rules["meeting.agenda"].within) == (
        Duration(1, "wd"), None)
    assert (rules["requirement.confirm"].before, rules["requirement.confirm"].within) == (
        Duration(1, "wd"), None)
    assert rules["meeting.minutes"].within == Duration(2, "h")
    agenda = _rules({"meeting.agenda": {"within": "1 working day"}})["meeting.agenda"]
    assert (agenda.within, agenda.before) == (Duration(1, "wd"), None)


def test_enabled_false_removes_a_rule() -> None:
    rules = _rules({"issue.team": {"enabled": False}})
    assert "issue.team" not in rules
    assert set(rules) == set(DEFAULTS) - {"issue.team"}
    # an empty setting changes nothing
    assert _rules({"issue.team": {}}) == _rules({}) == _rules({"issue.team": None})


def test_a_teams_own_rule() -> None:
    rule = _rules({"requirement.acceptance": {
        "kind": "requirement", "when": {"priority": ["high", "medium"]}, "from": "delivered_at",
        "within": "3个工作日", "met_by": "accepted_at", "label": "验收交付成果",
        "owner": "requester.lead", "department": "requester.department",
    }})["requirement.acceptance"]
    assert rule == Rule(
        "requirement.acceptance", "requirement", "验收交付成果",
        when={"priority": ("high", "medium")}, start="delivered_at", within=Duration(3, "wd"),
        met_by=("accepted_at",), owner=("requester.lead",), department=("requester.department",),
    )
    listed = _rules({"x.y": {"kind": "meeting", "from": "start", "before": "2h",
                             "met_by": ["agenda_sent_at", "minutes_sent_at"],
                             "when": {"status": "planned"}}})["x.y"]
    assert (listed.met_by, listed.when, listed.before, listed.label) == (
        ("agenda_sent_at", "minutes_sent_at"), {"status": ("planned",)}, Duration(2, "h"), "x.y")


# -- errors name collab.yaml and the line -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules:\n  meeting.minutes:\n    within: 2 fortnights\n",
         "collab.yaml:3: rules.meeting.minutes: within: not a duration: '2 fortnights'; "
         "use e.g. 30m, 2h, 3d, 1wd, 4wh"),
        ("rules:\n  meeting.agenda:\n    enabled: true\n    before: 3 days early\n",
         "collab.yaml:4: rules.meeting.agenda: before: not a duration: '3 days early'; "
         "use e.g. 30m, 2h, 3d, 1wd, 4wh"),
        ("rules:\n  team.rule:\n    kind: requirement\n    from: delivered_at\n"
         "    within: -3wd\n",
         "collab.yaml:5: rules.team.rule: within: not a duration: '-3wd'; "
         "use e.g. 30m, 2h, 3d, 1wd, 4wh"),
        ("rules:\n  meeting.minutes:\n    withn: 2h\n",
         "collab.yaml:3: rules.meeting.minutes: unknown key 'withn' (did you mean 'within'?)"),
        ("rules:\n  issue.team:\n    enabled: maybe\n",
         "collab.yaml:3: rules.issue.team: enabled: expected true or false, got 'maybe'"),
        ("rules:\n  team.rule:\n    kind: requirement\n    within: 3wd\n",
         "collab.yaml:2: rules.team.rule: a new rule needs kind and from (or deadline)"),
        ("rules:\n  team.rule:\n    from: sent_at\n    within: 3wd\n",
         "collab.yaml:2: rules.team.rule: a new rule needs kind and from (or deadline)"),
        ("rules:\n  team.rule:\n    kind: requirment\n    from: sent_at\n    within: 3wd\n",
         "collab.yaml:3: rules.team.rule: unknown kind 'requirment'"),
    ],
    ids=["within", "before", "negative", "typo", "enabled", "no-from", "no-kind", "kind"],
)
def test_config_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        rules_for(load_data(text, "collab.yaml")["rules"], text, "en")
    assert caught.value.text("en") == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules:\n  meeting.minutes:\n    within: 2 fortnights\n",
         "collab.yaml:3: rules.meeting.minutes: within: '2 fortnights' 不是时长;"
         "请写成 30m、2h、3d、1wd、4wh 这样的形式"),
        ("rules:\n  meeting.minutes:\n    withn: 2h\n",
         "collab.yaml:3: rules.meeting.minutes: 未知的键 'withn'(是不是 'within'?)"),
        ("rules:\n  issue.team:\n    enabled: maybe\n",
         "collab.yaml:3: rules.issue.team: enabled: 应为true 或 false,实际是'maybe'"),
        ("rules:\n  team.rule:\n    kind: requirement\n    within: 3wd\n",
         "collab.yaml:2: rules.team.rule: 新规则需要 kind 和 from(或 deadline)"),
        ("rules:\n  team.rule:\n    kind: requirment\n    from: sent_at\n    within: 3wd\n",
         "collab.yaml:3: rules.team.rule: 未知的记录类型 'requirment'"),
        ("rules:\n  meeting.minutes:\n    met_by: minutes_send_at\n",
         "collab.yaml:3: rules.meeting.minutes: met_by: 'minutes_send_at' 不是 meeting 的字段"),
        ("rules:\n  meeting.topic:\n    kind: meeting\n    each: topics\n    deadline: du\n",
         "collab.yaml:5: rules.meeting.topic: deadline: 'du' 不是 meeting 的 topics 条目的字段"),
        ("rules:\n  collaboration.weekly_sync:\n    at: someday\n",
         "collab.yaml:3: rules.collaboration.weekly_sync: at: 'someday' 不是有效的周期"
         "(如 every: week、at: fri 17:00 或 周五 17:00)"),
    ],
    ids=["duration", "typo", "enabled", "no-from", "kind", "met_by", "item", "period"],
)
def test_config_errors_in_chinese(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        rules_for(load_data(text, "collab.yaml")["rules"], text)
    assert str(caught.value) == message


def test_a_bare_number_is_not_a_duration() -> None:
    text = "rules:\n  meeting.minutes:\n    within: 2\n"
    with pytest.raises(ConfigError) as caught:
        rules_for(load_data(text, "collab.yaml")["rules"], text)
    assert (caught.value.path, caught.value.line) == ("collab.yaml", 3)
    assert str(caught.value).startswith("collab.yaml:3: rules.meeting.minutes: within: ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # `from: deliverd_at` names no field of a requirement: the rule could never start,
        # so it must not be accepted silently (SPEC §3: a typo must not silently drop data).
        ("rules:\n  requirement.acceptance:\n    kind: requirement\n"
         "    from: deliverd_at\n    within: 3wd\n    met_by: accepted_at\n",
         "collab.yaml:4: rules.requirement.acceptance: from: 'deliverd_at' is not a field of "
         "requirement"),
        ("rules:\n  requirement.acceptance:\n    kind: requirement\n"
         "    from: delivered_at\n    within: 3wd\n    met_by: [accepted_at, acceptd_at]\n",
         "collab.yaml:6: rules.requirement.acceptance: met_by: 'acceptd_at' is not a field of "
         "requirement"),
        ("rules:\n  meeting.minutes:\n    met_by: minutes_send_at\n",
         "collab.yaml:3: rules.meeting.minutes: met_by: 'minutes_send_at' is not a field of "
         "meeting"),
        ("rules:\n  issue.team:\n    when:\n      urgncy: [high, medium]\n",
         "collab.yaml:3: rules.issue.team: when: 'urgncy' is not a field of issue"),
        ("rules:\n  meeting.topic:\n    kind: meeting\n    each: topic\n    deadline: due\n",
         "collab.yaml:4: rules.meeting.topic: each: 'topic' is not a field of meeting"),
        ("rules:\n  meeting.topic:\n    kind: meeting\n    each: topics\n    deadline: du\n",
         "collab.yaml:5: rules.meeting.topic: deadline: 'du' is not a field of meeting topics "
         "items"),
    ],
    ids=["from", "met_by", "override", "when", "each", "item"],
)
def test_a_typo_in_a_field_is_a_config_error(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        rules_for(load_data(text, "collab.yaml")["rules"], text, "en")
    assert caught.value.text("en") == message


def test_field_paths_that_exist_are_accepted() -> None:
    rules = _rules({
        "customer.respond": {"met_by": ["responded_at", "record.reviewed_at"],
                             "when": {"type": "problem", "record.status": "pending"}},
        "meeting.attendance": {"kind": "meeting", "each": "attendees", "from": "record.start",
                               "within": "1h"},  # items that are not mappings: not checked
        "collaboration.retrospective": {"from": "acceptance.at", "met_by": "retrospective.at"},
    })
    assert rules["customer.respond"].met_by == ("responded_at", "record.reviewed_at")
    assert rules["meeting.attendance"].start == "record.start"


@pytest.mark.parametrize(
    "command",
    [["overdue", "--now", NOW_TEXT], ["overdue", "--format", "json"],
     ["due", "--within", "7d"], ["lint"], ["lint", "--format", "json"]],
    ids=" ".join,
)
def test_cli_reports_a_bad_rule_as_one_line_and_exit_2(invoke, ws: Path, command: list[str]):  # type: ignore[no-untyped-def]
    (ws / "collab.yaml").write_text(
        MINIMAL_CONFIG + "rules:\n  meeting.minutes: {within: 2h}\n  issue.team:\n"
        "    within: half an hour\n", encoding="utf-8")
    result = invoke("-C", ws, *command)
    assert result.code == 2, result
    assert result.out == ""
    assert result.err == (
        "collab: collab.yaml:12: rules.issue.team: within: 'half an hour' 不是时长;"
        "请写成 30m、2h、3d、1wd、4wh 这样的形式\n")
    (ws / "collab.yaml").write_text(
        MINIMAL_CONFIG.replace("language: zh", "language: en")
        + "rules:\n  meeting.minutes: {within: 2h}\n  issue.team:\n"
        "    within: half an hour\n", encoding="utf-8")
    assert invoke("-C", ws, *command).err == (
        "collab: collab.yaml:12: rules.issue.team: within: not a duration: 'half an hour'; "
        "use e.g. 30m, 2h, 3d, 1wd, 4wh\n")


# -- overrides at work, through records --------------------------------------------------


def _timing(settings: dict[str, Any], language: str = "zh") -> Timing:
    people = [{"name": "张伟", "department": "市场部"}, {"name": "李娜", "department": "运营部"}]
    config = Config.model_validate({"rules": settings, "people": people, "language": language})
    return Timing.for_config(config)


def _obligations(t: Timing, data: dict[str, Any]) -> dict[str, Obligation]:
    record = record_adapter().validate_python(data, context=validation_context(t.calendar.tz))
    rel = f"records/{FOLDERS[data['kind']]}/{data['id']}.yaml"
    obs = list(t.obligations_for(record, rel))
    assert len({ob.rule for ob in obs}) == len(obs)
    return {ob.rule: ob for ob in obs}


MEETING = {"kind": "meeting", "id": "HY-2024-002", "status": "held", "host": "张伟",
           "start": "2024-10-08 10:00", "end": "2024-10-08 11:00"}
NOW = datetime(2024, 10, 14, 9, tzinfo=SH)


def test_minutes_within_two_hours() -> None:
    obs = _obligations(_timing({"meeting.minutes": {"within": "2h"}}), MEETING)
    assert iso(obs["meeting.minutes"].due) == "2024-10-08T13:00:00+08:00"
    late = _obligations(_timing({"meeting.minutes": {"within": "2h"}}),
                        {**MEETING, "minutes_sent_at": "2024-10-08 14:00"})
    assert late["meeting.minutes"].state(NOW) == "breach"
    on_time = _obligations(_timing({}), {**MEETING, "minutes_sent_at": "2024-10-08 14:00"})
    assert on_time["meeting.minutes"].state(NOW) == "met"


def test_agenda_one_working_day_before() -> None:
    # Tue 2024-10-08 is the first working day after National Day: one working day before
    # it is Mon 09-30, closing at 18:00.
    obs = _obligations(_timing({"meeting.agenda": {"before": "1wd"}}), MEETING)
    assert iso(obs["meeting.agenda"].due) == "2024-09-30T18:00:00+08:00"
    default = _obligations(_timing({}), MEETING)
    assert iso(default["meeting.agenda"].due) == "2024-10-05T10:00:00+08:00"


def test_a_disabled_rule_owes_nothing() -> None:
    issue = {"kind": "issue", "id": "WT-2024-001", "urgency": "high",
             "reported_at": "2024-10-12 09:20"}
    assert set(_obligations(_timing({}), issue)) == {
        "issue.team", "issue.workaround", "issue.root_cause"}
    assert set(_obligations(_timing({"issue.team": {"enabled": False}}), issue)) == {
        "issue.workaround", "issue.root_cause"}


TEAM_RULE = {"requirement.acceptance": {
    "kind": "requirement", "when": {"priority": "high"}, "from": "delivered_at",
    "within": "3wd", "met_by": "accepted_at", "label": "验收交付成果",
    "owner": "requester.lead",
}}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_teams_own_rule_makes_obligations(language: str) -> None:
    t = _timing(TEAM_RULE, language)
    # delivered Fri 2024-09-27 + 3 wd: Sun 09-29 (调休), Mon 09-30, [Oct 1-7 off], Tue 10-08
    req = {"kind": "requirement", "id": "RW-2024-001", "status": "delivered", "priority": "high",
           "requester": {"department": "市场部", "lead": "张伟"},
           "delivered_at": "2024-09-27 10:00"}
    ob = _obligations(t, req)["requirement.acceptance"]
    assert (iso(ob.due), ob.what, ob.owner, ob.department, ob.item) == (
        "2024-10-08T18:00:00+08:00", "验收交付成果", "张伟", "市场部", None)
    assert ob.state(NOW) == "overdue"
    assert _obligations(t, {**req, "accepted_at": "2024-10-08 17:00"})[
        "requirement.acceptance"].state(NOW) == "met"
    assert _obligations(t, {**req, "accepted_at": "2024-10-09 09:00"})[
        "requirement.acceptance"].state(NOW) == "breach"
    # `when` does not match: no obligation; start unset: no obligation
    assert "requirement.acceptance" not in _obligations(t, {**req, "priority": "low"})
    assert "requirement.acceptance" not in _obligations(
        t, {k: v for k, v in req.items() if k != "delivered_at"})
    # a finished record owes nothing
    assert "requirement.acceptance" not in _obligations(t, {**req, "status": "closed"})


def test_a_teams_own_rule_with_before_and_each() -> None:
    t = _timing({
        "meeting.materials": {"kind": "meeting", "from": "start", "before": "1wd",
                              "met_by": ["agenda_sent_at"], "label": "分发背景材料"},
        "meeting.topic": {"kind": "meeting", "each": "topics", "deadline": "due",
                          "owner": "owner", "label": "落实议题决议"},
    })
    meeting = {**MEETING, "start": "2024-10-14 10:00", "end": "2024-10-14 11:00",
               "topics": [{"title": "话术", "owner": "李娜", "due": "2024-10-18"}]}
    obs = _obligations(t, meeting)
    # Mon 10-14: the working day before is the adjusted Saturday 10-12
    assert iso(obs["meeting.materials"].due) == "2024-10-12T18:00:00+08:00"
    topic = obs["meeting.topic"]
    assert (iso(topic.due), topic.owner, topic.department, topic.what) == (
        "2024-10-18T23:59:59+08:00", "李娜", "运营部", "落实议题决议")


def test_a_teams_rule_in_collab_yaml_reaches_the_cli(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    config = MINIMAL_CONFIG + (
        "rules:\n"
        "  requirement.acceptance:\n"
        "    kind: requirement\n"
        "    when: {priority: high}\n"
        "    from: delivered_at\n"
        "    within: 3wd\n"
        "    met_by: accepted_at\n"
        "    label: 验收交付成果\n"
        "    owner: requester.lead\n"
        "  requirement.build: {enabled: false}\n"
    )
    build_tree(ws, {"collab.yaml": config, "records/requirements/RW-2024-001.yaml": (
        "kind: requirement\nid: RW-2024-001\ntitle: 复购活动\n"
        "requester: {department: 市场部, lead: 张伟}\nreceiver: {department: 运营部, lead: 李娜}\n"
        "priority: high\nstatus: delivered\nconfirmed_at: 2024-09-03 16:00\n"
        "delivered_at: 2024-09-27 10:00\n")})
    result = invoke("-C", ws, "overdue", "--now", NOW_TEXT, "--format", "json")
    assert result.code == 0, result
    assert json.loads(result.out) == [{
        "record": "RW-2024-001", "kind": "requirement", "item": None,
        "rule": "requirement.acceptance", "what": "验收交付成果", "owner": "张伟",
        "department": "市场部", "due": "2024-10-08T18:00:00+08:00",
        "file": "records/requirements/RW-2024-001.yaml", "line": 9,
    }]
