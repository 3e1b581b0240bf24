"""The handbook's timing rules as data (SPEC §5), and a team's overrides and additions.

A rule says: for records of `kind` (and, with `each`, for every item of a list field) that
match `when`, a deadline runs from the event `start` for `within` (or ends `before` it), or
is the explicit date in `deadline`; the first of `met_by` that is set meets it, and so does
a status in `met_when`. A recurring rule (`every` + `at`) owes one deadline per period from
`start`, met by an entry of the `met_by` list dated inside the period (`progress.at`). A
team adds its own rules in `collab.yaml` on the same pattern.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from collabkit import i18n
from collabkit.errors import ConfigError
from collabkit.i18n import Msg, msg
from collabkit.models import KINDS, MODELS
from collabkit.timing.durations import Duration, parse_duration
from collabkit.timing.recurring import Every

Condition = Mapping[str, tuple[Any, ...]]  # field path → accepted values (None = unset)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str
    label: str | None = None  # a team rule's own label; the defaults' are in the catalogue
    each: str | None = None
    when: Condition = field(default_factory=dict)
    start: str | None = None
    within: Duration | None = None
    before: Duration | None = None
    deadline: str | None = None
    met_by: tuple[str, ...] = ()
    met_when: tuple[str, ...] = ()
    owner: tuple[str, ...] = ()
    department: tuple[str, ...] = ()
    what: str | None = None  # an item field that says what is owed better than the label
    every: Every | None = None  # a recurring rule: one deadline per period
    enabled: bool = True

    def text(self, language: str) -> str:
        """What is owed, in words: the rule's own label, or the catalogue's."""
        if self.label is not None:
            return self.label
        key = f"rule.{self.id}"
        return i18n.text(key, language) if key in i18n.catalogue() else self.id


def _d(text: str) -> Duration:
    return parse_duration(text)


# Who owes a rule's deadline, by kind: record fields naming a person and a department.
_RECEIVER: dict[str, Any] = {"owner": ("receiver.lead",), "department": ("receiver.department",)}
_ISSUE: dict[str, Any] = {"owner": ("owner",), "department": ("department",)}
_INITIATOR: dict[str, Any] = {
    "owner": ("initiator.contact",),
    "department": ("initiator.department",),
}
_DONE = ("done", "cancelled")


def default_rules() -> list[Rule]:
    """The table of SPEC §5, explicit deadlines first."""
    high, medium = ("high",), ("medium",)
    # fmt: off
    return [
        Rule("action.due", "meeting", each="actions",
             deadline="due", met_by=("done_at",), met_when=_DONE, owner=("owner",), what="task"),
        Rule("requirement.pending", "requirement",
             each="pending", deadline="due", start="raised_at", within=_d("24h"),
             met_by=("answered_at",), owner=("owner",), what="question"),
        Rule("requirement.due", "requirement",
             deadline="due", met_by=("delivered_at",),
             met_when=("delivered", "accepted", "closed"), **_RECEIVER),
        Rule("collaboration.planned_end", "collaboration",
             deadline="planned_end", met_by=("actual_end",), met_when=("done",), **_INITIATOR),
        Rule("issue.planned_resolution", "issue",
             deadline="planned_resolution", met_by=("resolved_at",),
             met_when=("resolved", "closed"), **_ISSUE),
        Rule("requirement.confirm", "requirement",
             start="sent_at", within=_d("1wd"), met_by=("confirmed_at",),
             met_when=("confirmed", "in_progress", "delivered", "accepted", "declined"),
             **_RECEIVER),
        Rule("requirement.plan", "requirement",
             start="confirmed_at", within=_d("5wd"), met_by=("milestones.plan_at",),
             met_when=("delivered", "accepted"), **_RECEIVER),
        Rule("requirement.build", "requirement",
             start="confirmed_at", within=_d("10wd"), met_by=("delivered_at",),
             met_when=("delivered", "accepted"), **_RECEIVER),
        Rule("meeting.agenda", "meeting", start="start",
             before=_d("3d"), met_by=("agenda_sent_at",), owner=("host",)),
        Rule("meeting.minutes", "meeting", start="end",
             within=_d("24h"), met_by=("minutes_sent_at",), owner=("recorder", "host")),
        Rule("issue.team", "issue",
             when={"urgency": high}, start="reported_at", within=_d("30m"),
             met_by=("team_formed_at",), **_ISSUE),
        Rule("issue.workaround", "issue",
             when={"urgency": high}, start="reported_at", within=_d("1h"),
             met_by=("workaround_at",), **_ISSUE),
        Rule("issue.analysis", "issue",
             when={"urgency": medium}, start="reported_at", within=_d("2h"),
             met_by=("analysis_meeting_at",), **_ISSUE),
        Rule("issue.root_cause", "issue",
             when={"urgency": ("high", "medium")}, start="reported_at", within=_d("4h"),
             met_by=("root_cause_at",), **_ISSUE),
        Rule("issue.notify", "issue",
             start="resolved_at", within=_d("1h"), met_by=("users_notified_at",), **_ISSUE),
        Rule("issue.retrospective", "issue",
             start="resolved_at", within=_d("24h"), met_by=("retrospective_at",), **_ISSUE),
        Rule("collaboration.confirm", "collaboration", start="requested_at", within=_d("1wd"),
             met_by=("accepted_by_partner_at",), owner=("partners.0.contact",),
             department=("partners.0.department",)),
        Rule("collaboration.retrospective", "collaboration", when={"acceptance.result": ("pass",)},
             start="acceptance.at", within=_d("3wd"), met_by=("retrospective.at",), **_INITIATOR),
        Rule("customer.review", "customer-request",
             start="received_at", within=_d("2wd"), met_by=("reviewed_at",),
             met_when=("confirmed", "in_delivery"), owner=("owner",)),
        Rule("customer.proposal_feedback", "customer-request", each="proposals", start="sent_at",
             within=_d("2wd"), met_by=("feedback_at",), owner=("record.owner",)),
        Rule("customer.respond", "customer-request",
             each="communications", when={"type": ("problem",)}, start="at",
             within=_d("1h"), met_by=("responded_at",), owner=("record.owner",), what="summary"),
        Rule("customer.solution", "customer-request",
             each="communications", when={"type": ("problem",)}, start="at",
             within=_d("24h"), met_by=("solution_at",), owner=("record.owner",), what="summary"),
        Rule("notice.todo", "notice", each="todos",
             deadline="due", met_by=("done_at",), met_when=_DONE, owner=("owner",), what="task"),
        Rule("collaboration.weekly_sync", "collaboration", when={"status": ("in_progress",)},
             start="planned_start", every=Every.parse("week", "fri 17:00"),
             met_by=("progress.at",), owner=("partners.0.contact",),
             department=("partners.0.department",)),
    ]
    # fmt: on


class RuleSetting(BaseModel):
    """One entry under `rules:` in collab.yaml: an override, or a whole new rule."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    enabled: bool = True
    kind: str | None = None
    label: str | None = None
    each: str | None = None
    when: dict[str, Any] | None = None
    start: str | None = Field(None, alias="from")
    within: str | None = None
    before: str | None = None
    deadline: str | None = None
    met_by: str | list[str] | None = None
    owner: str | None = None
    department: str | None = None
    every: str | None = None
    at: str | None = None

    @field_validator("within", "before")
    @classmethod
    def _duration(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                parse_duration(value)
            except ValueError:
                raise PydanticCustomError("duration", "duration", {"value": value}) from None
        return value

    def recurrence(self, base: Every | None) -> Every | None:
        """The rule's period with this setting's `every` / `at` applied."""
        if self.every is None and self.at is None:
            return base
        unit = self.every or (base.unit if base else "week")
        if self.at is not None:
            return Every.parse(unit, self.at)
        if base is not None and unit == base.unit:
            return base
        return Every.parse(unit, "fri 17:00" if unit == "week" else "17:00")


def rules_for(
    settings: Mapping[str, Mapping[str, Any] | None],
    config_text: str = "",
    language: str = "zh",
) -> list[Rule]:
    """The default rules with `collab.yaml`'s overrides applied and its own rules added.

    `config_text` is collab.yaml's text, so that an error can name its line; schema errors
    of a setting are said in `language`.
    """
    rules = {rule.id: rule for rule in default_rules()}
    for rule_id, raw in settings.items():
        try:
            setting = RuleSetting.model_validate(raw or {})
        except ValidationError as exc:
            raise _config_error(config_text, rule_id, exc, language) from None
        base = rules.get(rule_id)
        try:
            every = setting.recurrence(base.every if base else None)
        except ValueError:
            key = "at" if setting.at is not None else "every"
            value = setting.at if setting.at is not None else setting.every
            message = msg("rules.bad_period", id=rule_id, key=key, value=value)
            raise _located(config_text, rule_id, (key,), message) from None
        if base is None and (setting.kind is None or not (setting.start or setting.deadline)):
            message = msg("rules.new_rule", id=rule_id)
            raise _located(config_text, rule_id, (), message)
        if setting.kind is not None and setting.kind not in KINDS:
            message = msg("rules.unknown_kind", id=rule_id, kind=setting.kind)
            raise _located(config_text, rule_id, ("kind",), message)
        rule = _apply(base or Rule(rule_id, str(setting.kind), rule_id), setting)
        _check_fields(rule, config_text)
        rules[rule_id] = replace(rule, every=every)
    return [rule for rule in rules.values() if rule.enabled]


def _check_fields(rule: Rule, text: str) -> None:
    """A field a rule names (`from`, `deadline`, `met_by`, `when`) must exist on the kind (or
    its `each` items): a typo would otherwise make a rule that silently never starts."""
    import typing

    model = MODELS[rule.kind]
    item: Any = model
    if rule.each is not None:
        spec = model.model_fields.get(rule.each)
        if spec is None:
            message = msg(
                "rules.not_a_field", id=rule.id, key="each", name=rule.each, kind=rule.kind
            )
            raise _located(text, rule.id, ("each",), message)
        args = typing.get_args(spec.annotation)
        inner = args[0] if args else None
        item = inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None
    named = [("from", rule.start), ("deadline", rule.deadline)]
    named += [("met_by", path) for path in rule.met_by] + [("when", p) for p in rule.when]
    for key, path in named:
        if path is None:
            continue
        target = model if path.startswith("record.") else item
        name = path.removeprefix("record.").split(".")[0]
        if target is not None and name not in target.model_fields:
            values = {"id": rule.id, "key": key, "name": name, "kind": rule.kind}
            if target is model:
                message = msg("rules.not_a_field", **values)
            else:
                message = msg("rules.not_an_item_field", **values, each=rule.each)
            raise _located(text, rule.id, (key,), message)


def _apply(rule: Rule, s: RuleSetting) -> Rule:
    changes: dict[str, Any] = {"enabled": s.enabled}
    if s.within is not None:
        changes |= {"within": parse_duration(s.within), "before": None}
    if s.before is not None:
        changes |= {"before": parse_duration(s.before), "within": None}
    for name in ("kind", "each", "start", "deadline"):
        if getattr(s, name) is not None:
            changes[name] = getattr(s, name)
    if s.label is not None:
        changes["label"] = s.label
    if s.when is not None:
        changes["when"] = {k: tuple(v) if isinstance(v, list) else (v,) for k, v in s.when.items()}
    if s.met_by is not None:
        changes["met_by"] = (s.met_by,) if isinstance(s.met_by, str) else tuple(s.met_by)
    if s.owner is not None:
        changes["owner"] = (s.owner,)
    if s.department is not None:
        changes["department"] = (s.department,)
    return replace(rule, **changes)


def _config_error(text: str, rule_id: str, exc: ValidationError, language: str) -> ConfigError:
    from collabkit.models.explain import describe

    error = exc.errors()[0]
    _, message = describe(error, RuleSetting, language=language)
    loc = tuple("from" if part == "start" else part for part in error["loc"])
    return _located(text, rule_id, loc, f"rules.{rule_id}: {message}")


def _located(text: str, rule_id: str, loc: tuple[Any, ...], message: str | Msg) -> ConfigError:
    """A config error at the line of `rules.<id>...` in collab.yaml (found by a quick scan)."""
    line = _config_line(text, ("rules", rule_id, *loc))
    return ConfigError(message, path="collab.yaml", line=line)


def _config_line(text: str, loc: tuple[Any, ...]) -> int | None:
    from collabkit.io.positions import quick_line

    for end in range(len(loc), 0, -1):
        line = quick_line(text, loc[:end])
        if line is not None:
            return line
    return None
