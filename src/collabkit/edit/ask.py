"""The questions an interactive `collab new` asks, and the check of each answer.

The essentials of a kind come from the registry (`ESSENTIALS` on the models); each question
says the expected format and, for people and departments, who is registered (a lead is
chosen among the people of the department just answered). A bad answer is said in words
so that the question can be asked again; the first essential (the title) may not be empty.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from collabkit.edit.fields import FieldType, labels, model_at, type_at
from collabkit.i18n import Msg, Texts, msg
from collabkit.models import MODELS
from collabkit.models._types import parse_moment
from collabkit.workspace import Config

LEVELS = {
    "high": "high",
    "medium": "medium",
    "low": "low",
    "高": "high",
    "中": "medium",
    "低": "low",
}
SHOWN_CHOICES = 12


@dataclass(frozen=True, slots=True)
class Question:
    """One essential to ask for: its field path, and whether an empty answer is refused."""

    path: str
    required: bool


def questions(kind: str, given: Mapping[str, object]) -> list[Question]:
    """The essentials of `kind` not given yet (`given`: path → value already in the draft)."""
    essentials = MODELS[kind].ESSENTIALS
    return [
        Question(path, i == 0)
        for i, path in enumerate(essentials)
        if given.get(path) in (None, "", [])
    ]


def prompt_for(kind: str, path: str, config: Config, answers: Mapping[str, str]) -> str:
    """The words of the question for `path`, knowing the answers so far (a lead is asked
    among the people of the department just given)."""
    return _prompt(kind, path, config, answers)


def _prompt(kind: str, path: str, config: Config, known: Mapping[str, object]) -> str:
    t = Texts(config.language)
    label = field_label(kind, path, config.language)
    spec = type_at(kind, tuple(path.split(".")))
    hint = _hint(spec, path, config, known, t)
    return f"{label} [{hint}]" if hint else label


def field_label(kind: str, path: str, language: str) -> str:
    """`需求方 部门` / `requester department`: the labels along a path."""
    parts = path.split(".")
    words = []
    for depth, name in enumerate(parts):
        model = model_at(kind, tuple(parts[:depth]))
        if model is None or name not in model.model_fields:
            words.append(name)
            continue
        zh, en = labels(model, name)
        words.append(Texts(language).pick(zh, en))
    return " ".join(words)


def _hint(
    spec: FieldType | None, path: str, config: Config, known: Mapping[str, object], t: Texts
) -> str:
    if spec is None:
        return ""
    if spec.category == "moment":
        return t("ask.format_moment")
    if spec.category == "deadline":
        return t("ask.format_deadline")
    if spec.category in ("level", "choice"):
        return "/".join(spec.choices)
    if spec.category == "department" and config.departments:
        return _choices(config.departments)
    if spec.category == "person" and config.people:
        department = known.get(path.rsplit(".", 1)[0] + ".department") if "." in path else None
        names = [p.name for p in config.people if department in (None, "", p.department)]
        return _choices(names or [p.name for p in config.people])
    return ""


def _choices(names: list[str]) -> str:
    shown = names[:SHOWN_CHOICES]
    return "/".join(shown) + ("/…" if len(names) > SHOWN_CHOICES else "")


def check_answer(kind: str, path: str, text: str, config: Config) -> tuple[str | None, Msg | None]:
    """(the value to write, or None for an empty answer; the problem with it, or None)."""
    answer = text.strip()
    if not answer:
        return None, None
    spec = type_at(kind, tuple(path.split(".")))
    if spec is None:
        return answer, None
    if spec.category in ("moment", "deadline"):
        try:
            parse_moment(answer, config.tz, end_of_day=spec.category == "deadline")
        except Exception:
            return None, msg("ask.bad_moment", answer=answer)
    elif spec.category == "level":
        if answer not in LEVELS:
            return None, msg("ask.bad_choice", answer=answer, choices="high/medium/low (高/中/低)")
        answer = LEVELS[answer]
    elif spec.category == "choice" and answer not in spec.choices:
        return None, msg("ask.bad_choice", answer=answer, choices="/".join(spec.choices))
    elif spec.category == "department" and config.departments is not None:
        if answer not in config.departments:
            return None, _unknown("ask.unknown_department", answer, config.departments)
    elif spec.category == "person" and config.people and answer not in config.people_by_key:
        return None, _unknown("ask.unknown_person", answer, [p.name for p in config.people])
    return answer, None


def _unknown(key: str, answer: str, known: list[str]) -> Msg:
    close = difflib.get_close_matches(answer, known, n=1, cutoff=0.5)
    return msg(key + ("_close" if close else ""), answer=answer, close=close[0] if close else "")
