"""One exception root for everything collab reports to a user.

Every error carries the exit code of SPEC §4 and, where there is one, the file and the
line it is about, so that the CLI can print one clear line and never a traceback. Its
message is text, or an `i18n.Msg` that the CLI puts into the workspace's language
(`text(language)`); `str()` gives the Chinese, the default language.
"""

from __future__ import annotations

from pathlib import Path

from collabkit.i18n import Msg

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BUG = 70  # sysexits' EX_SOFTWARE: an unexpected failure, i.e. a bug in collab


class CollabError(Exception):
    """A problem the user can fix; printed as one line, exit code `exit_code`."""

    exit_code = EXIT_USAGE

    def __init__(
        self,
        message: str | Msg,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.msg = message
        self.path = path
        self.line = line
        self.column = column

    @property
    def message(self) -> str:
        return self.message_in("zh")

    def message_in(self, language: str) -> str:
        """The message alone, without its file and line, in `language`."""
        return self.msg if isinstance(self.msg, str) else self.msg.text(language)

    def text(self, language: str) -> str:
        """The one line a user reads: `file:line:col: message`, in `language`."""
        return self._where(self.message_in(language))

    def __str__(self) -> str:
        return self.text("zh")

    def _where(self, message: str) -> str:
        if self.path is None:
            return message
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {message}"


class WorkspaceNotFound(CollabError):
    """No `collab.yaml` in the start directory or above it."""


class ConfigError(CollabError):
    """`collab.yaml` is unreadable or invalid."""


class RecordError(CollabError):
    """A record file cannot be read, parsed or validated; `code` is its lint code."""

    def __init__(self, message: str | Msg, *, code: str = "yaml-syntax", **where: object) -> None:
        super().__init__(message, **where)  # type: ignore[arg-type]
        self.code = code


class UnknownRecord(CollabError):
    """An id (or ID/ACTION) that names no record, or is not an id at all."""


class EditRefused(CollabError):
    """An edit that would make a record invalid, or that cannot be applied."""


class UsageError(CollabError):
    """A bad option value that typer itself cannot check."""
