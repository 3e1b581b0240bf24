"""Every text that speaks to a team, in Chinese and English: one catalogue keyed by message.

Imports nothing of collab. Each domain keeps its messages in a module of this package
(`common`, `timing`, `lint` ...); `text(key, language, **values)` looks one up and fills it in.
An English message may use `{s}`: it becomes "s" unless the value `n` is 1.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache
from importlib import import_module
from typing import Any, Literal, NamedTuple

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")


def domains() -> list[str]:
    """The modules of this package that hold messages (every one but `formats`)."""
    import pkgutil

    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "formats")


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Every message: key → (zh, en)."""
    merged: dict[str, tuple[str, str]] = {}
    for domain in domains():
        messages: dict[str, tuple[str, str]] = import_module(f"collabkit.i18n.{domain}").MESSAGES
        clash = merged.keys() & messages.keys()
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        merged.update(messages)
    return merged


def text(key: str, language: str, /, **values: Any) -> str:
    """The message `key` in `language` (zh unless it is en), with `values` filled in."""
    zh, en = catalogue()[key]
    template = en if language == "en" else zh
    if "n" in values and "s" not in values:
        values["s"] = "" if values["n"] == 1 else "s"
    return template.format(**values) if values else template


class Msg(NamedTuple):
    """A message not yet put into words: its key and values, rendered later in the language
    of whoever reads it (`CollabError` carries one, the CLI renders it). A tuple: the fast
    path imports no dataclasses."""

    key: str
    values: dict[str, Any]

    def text(self, language: str) -> str:
        return text(self.key, language, **self.values)


def suggest(value: str, known: Iterable[str], language: str = "zh", cutoff: float = 0.5) -> str:
    """' (did you mean 'X'?)' in `language` for the closest of `known`, or ''."""
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=cutoff)
    return text("hint.did_you_mean", language, name=close[0]) if close else ""


def msg(key: str, /, **values: Any) -> Msg:
    """`msg("record.unknown", id="RW-2024-009")`."""
    return Msg(key, values)


class Texts:
    """`text` bound to one language: `t = Texts("en"); t("overdue.none")`."""

    __slots__ = ("language",)

    def __init__(self, language: str) -> None:
        self.language: Language = "en" if language == "en" else "zh"

    def __call__(self, key: str, /, **values: Any) -> str:
        return text(key, self.language, **values)

    def status(self, kind: str, name: str) -> str:
        """A status as people say it ('已发送' / 'sent'); an unknown one as written."""
        for key in (f"status.{kind}.{name}", f"status.{name}"):
            if key in catalogue():
                return text(key, self.language)
        return name

    def kind(self, kind: str) -> str:
        """A record kind as people say it ('需求' / 'requirement')."""
        key = f"kind.{kind}"
        return text(key, self.language) if key in catalogue() else kind

    def pick(self, zh: str, en: str) -> str:
        """One of two texts that are data rather than catalogue messages (a template's)."""
        return en if self.language == "en" else zh
