"""`collab.yaml`: the workspace settings of SPEC §2, with the handbook's defaults."""

from __future__ import annotations

import re
from datetime import date, time
from functools import cached_property
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from collabkit.errors import CollabError, ConfigError
from collabkit.i18n import Msg, Texts, msg, suggest
from collabkit.models import DEFAULT_PREFIXES
from collabkit.timing.rules import Rule, rules_for

CONFIG_NAME = "collab.yaml"
HANDBOOK_DEPARTMENTS = [
    "市场部",
    "运营部",
    "技术部",
    "产品部",
    "设计部",
    "客服部",
    "销售部",
    "生产部",
    "研发部",
    "财务部",
]
_WINDOW = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class CalendarConfig(_Strict):
    country: str | None = Field("CN", description="public holidays and 调休 of this country")
    work_hours: list[str] = Field(
        default_factory=lambda: ["09:00-12:00", "13:00-18:00"],
        description="working-time windows of a working day, HH:MM-HH:MM",
    )
    extra_holidays: list[date] = Field(default_factory=list, description="company days off")
    extra_workdays: list[date] = Field(default_factory=list, description="company working days")
    entered_years: list[int] = Field(
        default_factory=list,
        description="years whose official schedule the team entered by hand in extra_holidays "
        "/ extra_workdays (clears the 'estimated calendar' flag for them)",
    )

    @field_validator("work_hours")
    @classmethod
    def _windows_are_ordered(cls, value: list[str]) -> list[str]:
        previous = time.min
        for window in value:
            start, end = parse_window(window)
            if not previous <= start < end:
                raise PydanticCustomError("work_hours_order", "work_hours", {"value": window})
            previous = end
        if not value:
            raise PydanticCustomError("work_hours_empty", "work_hours")
        return value

    @property
    def windows(self) -> list[tuple[time, time]]:
        return [parse_window(w) for w in self.work_hours]


def parse_window(text: str) -> tuple[time, time]:
    """'09:00-12:00' → (09:00, 12:00); a PydanticCustomError `work_window` otherwise."""
    m = _WINDOW.match(text)
    try:
        if m:
            return time(int(m[1]), int(m[2])), time(int(m[3]), int(m[4]))
    except ValueError:
        pass
    raise PydanticCustomError("work_window", "work window", {"value": text})


class Person(_Strict):
    name: str = Field(description="姓名")
    department: str | None = Field(None, description="部门")
    email: str | None = Field(None, description="email, also the git author email of signatures")
    title: str | None = Field(None, description="职务")
    mobile: str | None = Field(None, description="mobile number, for @-mentions in chat groups")


class Config(_Strict):
    """The parsed `collab.yaml`; `root` is the workspace folder."""

    language: Literal["zh", "en"] = Field("zh", description="labels and messages")
    timezone: str = Field("Asia/Shanghai", description="naive datetimes are read in this zone")
    calendar: CalendarConfig = Field(default_factory=CalendarConfig)
    ids: dict[str, str] = Field(default_factory=dict, description="id prefix per kind")
    departments: list[str] | None = Field(None, description="known departments (lint checks)")
    people: list[Person] = Field(default_factory=list, description="known people (lint checks)")
    rules: dict[str, dict[str, Any] | None] = Field(
        default_factory=dict,
        description="overrides and additions to the timing rules, by rule id "
        "(each entry as timing.rules.RuleSetting; checked when collab.yaml is read)",
    )

    root: Path = Field(Path("."), exclude=True)
    source: str = Field("", exclude=True, description="the text of collab.yaml, for positions")
    _rule_list: list[Rule] | None = PrivateAttr(None)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise PydanticCustomError("unknown_timezone", "timezone", {"value": value}) from None
        return value

    @field_validator("ids")
    @classmethod
    def _known_kinds(cls, value: dict[str, str]) -> dict[str, str]:
        for kind, prefix in value.items():
            if kind not in DEFAULT_PREFIXES:
                kinds = ", ".join(DEFAULT_PREFIXES)
                raise PydanticCustomError(
                    "unknown_kind_prefix", "ids", {"value": kind, "kinds": kinds}
                )
            if not re.fullmatch(r"[A-Z][A-Z0-9]*", prefix):
                raise PydanticCustomError("bad_prefix", "ids", {"value": prefix})
        return value

    @property
    def rule_list(self) -> list[Rule]:
        """The timing rules in force: the defaults with `rules:` applied (checked once)."""
        if self._rule_list is None:
            self._rule_list = rules_for(self.rules, self.source, self.language)
        return self._rule_list

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def prefixes(self) -> dict[str, str]:
        return {**DEFAULT_PREFIXES, **self.ids}

    @cached_property
    def kind_of_prefix(self) -> dict[str, str]:
        return {prefix: kind for kind, prefix in self.prefixes.items()}

    @cached_property
    def people_by_key(self) -> dict[str, Person]:
        """People by name and by email."""
        index: dict[str, Person] = {}
        for person in self.people:
            index[person.name] = person
            if person.email:
                index[person.email] = person
        return index

    def department_of(self, who: str | None) -> str | None:
        person = self.people_by_key.get(who) if who else None
        return person.department if person else None

    @property
    def records_dir(self) -> Path:
        return self.root / "records"


def load_config(root: Path) -> Config:
    """Read and validate `collab.yaml` in `root`, its rules and calendar country included,
    so that every command refuses a bad config the same way; errors name the file and line
    and are said in the language the file asks for.
    """
    from collabkit.io.yamlio import load_data, read_text

    path = root / CONFIG_NAME
    text = read_text(path, CONFIG_NAME)
    data = load_data(text, CONFIG_NAME)
    if data is None:
        data = {}
    language = data.get("language") if isinstance(data, dict) else None
    try:
        return _checked(root, text, data)
    except CollabError as exc:
        raise _in_language(exc, "en" if language == "en" else "zh") from None


def _checked(root: Path, text: str, data: Any) -> Config:
    from collabkit.timing.calendar import check_country

    if not isinstance(data, dict):
        raise ConfigError(msg("config.not_a_mapping"), path=CONFIG_NAME, line=1)
    language = "en" if data.get("language") == "en" else "zh"
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise _positioned(exc, text, data, language) from None
    config.root = root
    config.source = text
    if config.calendar.country is not None:
        try:
            check_country(config.calendar.country)
        except ValueError:
            message = msg("config.unknown_country", country=config.calendar.country)
            raise config_error_at(text, ("calendar", "country"), message) from None
    check_registry(config, text)
    config.rule_list  # noqa: B018 - checks the rules now, with their line on error
    return config


def check_registry(config: Config, text: str) -> None:
    """Every person's department is listed (when departments are), no name is used twice."""
    t = Texts(config.language)
    seen: set[str] = set()
    for i, person in enumerate(config.people):
        if person.name in seen:
            raise config_error_at(
                text, ("people", i, "name"), msg("config.person_twice", name=person.name)
            )
        seen.add(person.name)
        known = config.departments
        if person.department is not None and known is not None and person.department not in known:
            hint = suggest(person.department, known, t.language)
            message = msg(
                "config.unknown_department",
                name=person.name,
                department=person.department,
                hint=hint,
            )
            raise config_error_at(text, ("people", i, "department"), message)


def _in_language(exc: CollabError, language: str) -> CollabError:
    """The error with its message put into words now, in the config's own language (the
    command has no workspace language yet when the config it would come from is wrong)."""
    if isinstance(exc.msg, Msg):
        exc.msg = exc.msg.text(language)
        exc.args = (exc.msg,)
    return exc


def _positioned(exc: ValidationError, text: str, data: Any, language: str) -> ConfigError:
    from collabkit.models.explain import describe

    error = exc.errors()[0]
    _, message = describe(error, Config, language=language, data=data)
    return config_error_at(text, error["loc"], message)


def config_error_at(text: str, loc: tuple[str | int, ...], message: str | Msg) -> ConfigError:
    """A ConfigError pointing at `loc` (a key path) in collab.yaml's `text`."""
    from collabkit.io.positions import locate
    from collabkit.io.yamlio import load_roundtrip

    line, column = locate(load_roundtrip(text, CONFIG_NAME), loc)
    return ConfigError(message, path=CONFIG_NAME, line=line, column=column)
