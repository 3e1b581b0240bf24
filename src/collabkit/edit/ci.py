"""The CI workflow `collab init --ci github|gitlab` writes, and how it installs collab.

collab is not on PyPI, so `pip install collabkit` would fail in CI. The workflow installs
the pip requirement in `COLLAB_INSTALL`: the one `--install` gives, else the source this
collab was itself installed from when pip recorded one that CI can reach (PEP 610
`direct_url.json`: a git URL, pinned to the commit, or an archive URL), else a repository
variable the team sets (the next steps say where).
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from pathlib import Path

from collabkit.i18n import Texts

CI_SYSTEMS = ("github", "gitlab", "none")
# Where each system reads its workflow, from the top of the repository.
CI_FILES = {"github": Path(".github/workflows/collab.yml"), "gitlab": Path(".gitlab-ci.yml")}
CODE_QUALITY_REPORT = "gl-code-quality-report.json"


@dataclass(frozen=True, slots=True)
class CiCommands:
    """The shell commands of a workflow, built here so that the templates only lay out."""

    install: str | None  # the pip requirement, when known
    install_command: str
    lint_pull_request: str  # GitHub: annotations, --against the pull request's base
    lint_push: str
    lint_script: tuple[str, ...]  # GitLab: a code quality report, --against the target
    overdue: str
    calendar_check: str


def ci_commands(workspace: str, install: str | None, language: str) -> CiCommands:
    """The commands for a workspace at `workspace` (relative to the top of the repository)."""
    collab = "collab" if workspace == "." else f"collab -C {shlex.quote(workspace)}"
    hint = Texts(language)("ci.install_missing")
    target = "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    return CiCommands(
        install=install,
        install_command=f'pip install "${{COLLAB_INSTALL:?{hint}}}"',
        lint_pull_request=f'{collab} lint --format github --against "origin/$GITHUB_BASE_REF"',
        lint_push=f"{collab} lint --format github",
        lint_script=(
            'against=""',
            f'if [ -n "{target}" ]; then',
            f'  git fetch -q origin "+refs/heads/{target}:refs/remotes/origin/{target}"',
            f'  against="--against origin/{target}"',
            "fi",
            "status=0",
            f"{collab} lint --format gitlab $against > {CODE_QUALITY_REPORT} || status=$?",
            f"{collab} lint $against || true",
            'exit "$status"',
        ),
        overdue=f"{collab} overdue",
        calendar_check=f"{collab} calendar --check",
    )


def origin_requirement() -> str | None:
    """The pip requirement of the source this collab was installed from, when CI can reach
    it: a git repository (pinned to the installed commit) or an archive on a web server."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        recorded = distribution("collabkit").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    return requirement_from_direct_url(recorded)


def requirement_from_direct_url(recorded: str | None) -> str | None:
    """A PEP 508 requirement from the text of a PEP 610 `direct_url.json`, or None for a
    local folder or file (not reachable from CI) or anything unreadable."""
    try:
        data = json.loads(recorded or "")
    except ValueError:
        return None
    url = data.get("url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.startswith(("https://", "http://", "ssh://")):
        return None
    vcs = data.get("vcs_info")
    if isinstance(vcs, dict):
        commit = vcs.get("commit_id")
        if vcs.get("vcs") != "git" or not isinstance(commit, str):
            return None
        return f"collabkit @ git+{url}@{commit}"
    return f"collabkit @ {url}" if "archive_info" in data else None
