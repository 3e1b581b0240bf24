"""Lint findings as a GitLab Code Quality report (`collab lint --format gitlab`).

GitLab reads a JSON array of issues from a job's `artifacts:reports:codequality` and shows
them on the merge request; the fingerprint lets it tell new findings from old ones, so it
names the file, the check and the message, not the line (a line moves when text is added
above it).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from collabkit.findings import Finding

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def code_quality(findings: Iterable[Finding], root: Path, cwd: Path) -> list[dict[str, Any]]:
    """The report of `findings` of the workspace at `root`, paths relative to `cwd` (the
    project folder GitLab runs the job in)."""
    issues = []
    for f in findings:
        path = Path(os.path.relpath(root / f.file, cwd)).as_posix()
        identity = "\0".join((path, f.code, f.message)).encode("utf-8")
        issues.append(
            {
                "description": f.message,
                "check_name": f.code,
                "fingerprint": hashlib.sha256(identity).hexdigest(),
                "severity": SEVERITIES[f.severity],
                "location": {"path": path, "lines": {"begin": f.line}},
            }
        )
    return issues
