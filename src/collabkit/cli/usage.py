"""click's usage errors in the workspace language: a bad option, a missing argument, an
unknown command, a value of the wrong type, with click's usage line and its hint.

click (the one typer carries) says them in English only and puts pydantic's words in
("Input should be less than or equal to 100", "Value error, …"); each is said again here
from what the exception carries: its kind, the option, the value, the limits. One that is
not known here keeps click's English message, in the language's frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO, Any

import typer

from collabkit.i18n import Texts, catalogue, suggest


class SaidUsageError(typer.BadParameter):  # typer's one public usage error class
    """A usage error of click's, said in `language`; shown as click shows one (usage line,
    hint, error), exit code 2."""

    def __init__(self, original: Exception, language: str) -> None:
        self.language = language
        message = shown(describe(original, Texts(language)))
        super().__init__(message, getattr(original, "ctx", None))
        self.exit_code = int(getattr(original, "exit_code", 2))

    def format_message(self) -> str:
        return self.message

    def show(self, file: IO[Any] | None = None) -> None:
        from collabkit.cli.helpscreen import formatter_for

        t = Texts(self.language)
        lines = []
        ctx = self.ctx
        if ctx is not None:
            screen = formatter_for(t.language)(
                width=ctx.terminal_width, max_width=ctx.max_content_width
            )
            ctx.command.format_usage(ctx, screen)
            lines.append(screen.getvalue().rstrip("\n"))
            if ctx.command.get_help_option(ctx) is not None:
                option = ctx.help_option_names[0]
                lines.append(t("usage.try", command=ctx.command_path, option=option))
            lines.append("")
        lines.append(t("usage.error", message=self.message))
        typer.echo("\n".join(lines), file=file, err=file is None)


def shown(message: str) -> str:
    """`message` with what cannot be printed (control characters, bidi controls that
    reorder a line) as escapes: a value given on the command line is said back."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)


def said(exc: Exception, args: list[str]) -> SaidUsageError | None:
    """`exc` said in the language of the workspace `args` run in, if it is one of click's
    usage errors (a help screen for a bare group is one too, and is left as it is)."""
    names = {cls.__name__ for cls in type(exc).__mro__}  # click's, whichever click it is
    if not {"ClickException", "UsageError"} <= names or "NoArgsIsHelpError" in names:
        return None
    if isinstance(exc, SaidUsageError):
        return None
    from collabkit.cli.helptexts import workspace_language

    return SaidUsageError(exc, workspace_language(args))


def describe(exc: Any, t: Texts) -> str:
    """What went wrong, in `t`'s language (click's English when the kind is unknown)."""
    describer = DESCRIBERS.get(type(exc).__name__)
    found = describer(exc, t) if describer else None
    return found if found is not None else str(exc.format_message())


def _no_such_option(exc: Any, t: Texts) -> str | None:
    if not str(exc.message).startswith("No such option"):
        return None
    message = t("usage.no_such_option", option=exc.option_name)
    if not exc.possibilities:
        return message
    options = t("usage.list").join(sorted(exc.possibilities))
    return t("usage.possible", message=message, options=options)


def _missing(exc: Any, t: Texts) -> str | None:
    if exc.param is None:
        return None
    kind = exc.param_type or exc.param.param_type_name
    key = f"usage.missing_{kind}"
    return t(key, name=_hint(exc.param)) if key in catalogue() else None


OPTION_USAGE = (
    (re.compile(r"Option '(?P<option>.+)' requires an argument\.$"), "usage.needs_value"),
    (re.compile(r"Option '(?P<option>.+)' requires (?P<n>\d+) arguments\.$"), "usage.needs_values"),
    (re.compile(r"Option '(?P<option>.+)' does not take a value\.$"), "usage.takes_no_value"),
)


def _option_usage(exc: Any, t: Texts) -> str | None:
    for pattern, key in OPTION_USAGE:
        found = pattern.match(str(exc.message))
        if found:
            values = found.groupdict()
            return t(key, **values | {"option": f"'{values['option']}'"})
    return None


def _bad_parameter(exc: Any, t: Texts) -> str | None:
    if exc.param is None:
        return None
    return t("usage.invalid_value", name=_hint(exc.param), reason=_reason(exc, t))


def _reason(exc: Any, t: Texts) -> str:
    """Why a value was refused, from pydantic's error (which typer's coercion raised)."""
    errors: list[dict[str, Any]] = getattr(exc.__cause__, "errors", list)()
    message = str(exc.message).removeprefix("Value error, ")
    if not errors:
        return message
    kind, value = errors[0]["type"], errors[0].get("input")
    low, high = getattr(exc.param, "min", None), getattr(exc.param, "max", None)
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        if low is not None and high is not None:
            return t("usage.between", value=value, min=low, max=high)
        return (
            t("usage.at_most", value=value, max=high)
            if high is not None
            else (t("usage.at_least", value=value, min=low) if low is not None else message)
        )
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return t("usage.not_a_number", value=value)
    choices = _choices(exc.param)
    if kind == "value_error" and choices:
        listed = t("usage.list").join(choices)
        hint = suggest(str(value), choices, t.language)
        return t("usage.not_a_choice", value=value, choices=listed) + hint
    return message


def _choices(param: Any) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    found = getattr(descriptor, "choices", None) or ()
    return [str(getattr(choice, "value", choice)) for choice in found]


def _hint(param: Any) -> str:
    """How click names a parameter in an error: `'--percent'`, `'ID'`."""
    if param.param_type_name == "option":
        return " / ".join(f"'{name}'" for name in param.opts)
    return f"'{param.metavar or param.name}'"


COMMAND_USAGE: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], Texts], str]], ...] = (
    (
        re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)$"),
        lambda found, t: t("usage.extra_arguments", args=found["args"]),
    ),
    (
        re.compile(r"No such command '(?P<name>.*)'\. Did you mean (?P<names>.*)\?$"),
        lambda found, t: t(
            "usage.did_you_mean",
            name=found["name"],
            names=t("usage.list").join(re.findall(r"'[^']*'", found["names"])),
        ),
    ),
    (
        re.compile(r"No such command '(?P<name>.*)'\.$"),
        lambda found, t: t("usage.no_such_command", name=found["name"]),
    ),
    (re.compile(r"Missing command\.$"), lambda found, t: t("usage.missing_command")),
)


def _command_usage(exc: Any, t: Texts) -> str | None:
    for pattern, say in COMMAND_USAGE:
        found = pattern.match(str(exc.message))
        if found:
            return say(found, t)
    return None


DESCRIBERS: dict[str, Callable[[Any, Texts], str | None]] = {
    "NoSuchOption": _no_such_option,
    "MissingParameter": _missing,
    "BadOptionUsage": _option_usage,
    "BadParameter": _bad_parameter,
    "UsageError": _command_usage,
}
