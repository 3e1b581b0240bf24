"""How `collab lint` prints its findings: lines for pipes and editors, GitHub annotations,
JSON, or coloured lines and a summary on a terminal. Without typer (the fast path prints
cached findings with it); rich only for a terminal."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from collabkit.cli.plain import console, is_terminal, print_json, visible
from collabkit.findings import Finding

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def print_findings(
    findings: list[Finding], fmt: str, root: Path, checked: Callable[[], int], language: str
) -> None:
    """Print `findings` as `fmt` (text, json or github); `checked` counts the files looked
    at, for the summary on a terminal."""
    if fmt == "json":
        print_json([f.as_json() for f in findings])
    elif fmt == "github":
        for f in findings:
            shown = os.path.relpath(root / f.file)
            message = f.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            level = GITHUB_LEVELS[f.severity]
            print(
                visible(
                    f"::{level} file={shown},line={f.line},col={f.column},title={f.code}::{message}"
                )
            )
    elif is_terminal():
        _print_findings_on_terminal(findings, checked(), language)
    else:
        for f in findings:
            print(visible(f"{f.file}:{f.line}:{f.column}: {f.severity} {f.code} {f.message}"))


def _print_findings_on_terminal(findings: list[Finding], checked: int, language: str) -> None:
    """Findings with coloured severities, then a summary line: errors, warnings, files."""
    from rich.text import Text

    from collabkit.i18n import Texts

    t = Texts(language)
    out = console()
    for f in findings:
        line = Text()
        line.append(f"{f.file}:{f.line}:{f.column}: ", style="bold")
        line.append(f.severity, style=SEVERITY_STYLES[f.severity])
        line.append(f" {f.code} ", style="dim")
        line.append(visible(f.message))
        out.print(line)
    if not findings:
        out.print(Text(t("lint.clean", n=checked), style="green"))
        return
    count = {s: sum(f.severity == s for f in findings) for s in SEVERITY_STYLES}
    parts = [t("lint.errors", n=count["error"]), t("lint.warnings", n=count["warning"])]
    if count["info"]:
        parts.append(t("lint.infos", n=count["info"]))
    files = t("lint.files", n=len({f.file for f in findings}), checked=checked)
    summary = Text(", ".join(parts), style=SEVERITY_STYLES["error"] if count["error"] else "")
    summary.append(f"; {files}")
    out.print()
    out.print(summary)
