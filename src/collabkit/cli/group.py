"""The command group of `collab` itself: its command list in the sections a project manager
looks for, and click's usage errors said in the workspace language."""

from __future__ import annotations

from typing import Any, NoReturn

from typer.core import TyperGroup

# `collab --help` lists the commands in these sections, in this order; a command in none
# of them is listed under "Other" (a test wants every command in a section).
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("section.view", ("list", "show", "overdue", "due", "calendar", "fields", "trail")),
    ("section.edit", ("init", "new", "set", "add", "log", "done", "progress", "renumber")),
    (
        "section.lifecycle",
        (
            # a requirement or a collaboration, from sending to closing
            *("send", "confirm", "decline", "start", "plan", "deliver", "accept", "finish"),
            *("close", "withdraw", "cancel"),
            # a meeting
            *("send-agenda", "hold", "send-minutes"),
            # an issue
            *("open", "form-team", "mitigate", "analyze", "root-cause", "resolve", "verify"),
            *("notify-users", "retrospective"),
            # a customer request
            *("review", "reject", "answer", "feedback", "respond", "solve"),
        ),
    ),
    ("section.output", ("render", "report", "export", "schema")),
    ("section.check", ("lint", "sign")),
)
OTHER = "section.other"
ARGS = "collab.args"  # the context's meta: the arguments the run was given


class CollabGroup(TyperGroup):
    """typer's group, with sections in its command list and usage errors in the language of
    the workspace the command line runs in."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        from collabkit.cli.helpscreen import short_help
        from collabkit.i18n import text

        commands = {}
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                commands[name] = command
        if not commands:
            return
        language = getattr(formatter, "language", "en")
        widest = max(len(name) for name in commands)
        listed = {name for _, names in SECTIONS for name in names}
        others = tuple(name for name in commands if name not in listed)
        for key, names in (*SECTIONS, (OTHER, others)):
            rows = [
                (name.ljust(widest), short_help(commands[name], formatter.width - 6 - widest))
                for name in names
                if name in commands
            ]
            if rows:
                with formatter.section(text(key, language)):
                    formatter.write_dl(rows)

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        given = list(args)  # parsing consumes `args`
        try:
            return super().make_context(info_name, args, parent, **extra)
        except Exception as exc:
            _raise_said(exc, given)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta[ARGS] = list(args)  # before any option's callback (--version) runs
        rest: list[str] = super().parse_args(ctx, args)
        return rest

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            _raise_said(exc, ctx.meta.get(ARGS, []))


def _raise_said(exc: Exception, args: list[str]) -> NoReturn:
    """Raise `exc` said in the workspace language when it is a usage error, else as it is."""
    from collabkit.cli.usage import said

    localized = said(exc, args)
    if localized is None:
        raise exc
    raise localized from exc
