"""Talking to a person at a terminal for `collab new`: the essentials, and the editor.

The questions and the check of each answer are the library's (`edit.ask`); this module asks
them, says what was wrong with an answer and asks again. The editor is resolved before
anything is written, so that a missing one leaves no skeleton behind.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import typer

from collabkit.errors import EXIT_FINDINGS, UsageError
from collabkit.i18n import Texts, msg
from collabkit.workspace import Workspace


def ask_essentials(
    ws: Workspace, kind: str, now: datetime, values: dict[str, Any]
) -> dict[str, str]:
    """Ask for each essential of `kind` the options did not give; field path → answer."""
    from collabkit.edit.ask import check_answer, prompt_for, questions
    from collabkit.edit.new import draft_values

    config = ws.config
    t = Texts(config.language)
    given = draft_values(ws, kind, now, values)
    answers: dict[str, str] = {}
    for question in questions(kind, given):
        while True:
            text = ask(prompt_for(kind, question.path, config, answers))
            value, problem = check_answer(kind, question.path, text, config)
            if problem is None and value is None and question.required:
                problem = msg("ask.required")
            if problem is None:
                break
            print("  " + problem.text(config.language), file=sys.stderr)
        if value is not None:
            answers[question.path] = value
    if answers:
        print(t("ask.thanks"), file=sys.stderr)
    return answers


def ask(question: str) -> str:
    """One answer typed at the terminal. The question goes to stderr, so that
    `path=$(collab new …)` keeps the path alone on stdout (click's prompt would still put a
    space there); an end of input aborts."""
    print(f"{question}: ", end="", file=sys.stderr, flush=True)
    line = sys.stdin.readline()
    if not line:
        raise typer.Abort()
    return line.rstrip("\r\n")


def editor_command() -> list[str]:
    """`$VISUAL` or `$EDITOR` as a command line whose program exists."""
    import os
    import shlex
    import shutil

    configured = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not configured or not configured.strip():
        raise UsageError(msg("new.no_editor"))
    try:
        command = shlex.split(configured)
    except ValueError:
        command = []
    if not command or shutil.which(command[0]) is None:
        raise UsageError(msg("new.editor_missing", editor=configured))
    return command


def edit_and_lint(ws: Workspace, path: Path, editor: list[str]) -> None:
    """Open the new record in the editor, then lint it; one that cannot start leaves no
    skeleton behind."""
    import subprocess

    from collabkit.lint import lint

    try:
        subprocess.run([*editor, str(path)], check=False)
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise UsageError(msg("new.editor_failed", editor=editor[0], problem=exc.strerror)) from None
    findings = [f for f in lint(ws, [path]) if f.severity != "info"]
    for f in findings:
        print(f"{f.file}:{f.line}:{f.column}: {f.severity} {f.code} {f.message}", file=sys.stderr)
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(EXIT_FINDINGS)
