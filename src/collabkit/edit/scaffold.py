"""`collab init`: a new workspace with the handbook's defaults, CI and editor settings.

The workspace folder gets `collab.yaml`, the `records/` folders, a `.gitignore` and the JSON
Schema of the records (`collab.schema.json`); the top of the git repository (or the folder,
outside git) gets the CI workflow and `.vscode/settings.json`, which maps the schema onto
the record files. No file that exists is ever overwritten.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from collabkit.edit.ci import CI_FILES, CI_SYSTEMS, ci_commands, origin_requirement
from collabkit.errors import UsageError
from collabkit.i18n import Texts, msg
from collabkit.io.atomic import create_exclusive
from collabkit.io.git import toplevel
from collabkit.models import FOLDERS
from collabkit.render.environment import render
from collabkit.workspace import CONFIG_NAME

GITIGNORE = "# collab's cache of parsed records\n.collab-cache/\n"
SCHEMA_NAME = "collab.schema.json"
EDITOR_SETTINGS = Path(".vscode/settings.json")


@dataclass(frozen=True, slots=True)
class Initialized:
    """What `init` did: the files it wrote, those it found and left alone, what to do next."""

    written: list[Path]
    kept: list[Path]
    next_steps: list[str]


def init_workspace(
    folder: Path, language: str, *, ci: str = "github", install: str | None = None
) -> Initialized:
    """Write a workspace in `folder`; `ci` is github, gitlab or none; `install` the pip
    requirement CI installs collab with (default: where this collab came from, if known).

    Refuses a folder that already has a collab.yaml, and a path that is a file.
    """
    _check(folder, language, ci)
    folder.mkdir(parents=True, exist_ok=True)
    repo_root = toplevel(folder)
    top = repo_root or folder
    workspace = folder.resolve().relative_to(top.resolve()).as_posix()
    install = install or origin_requirement()
    planned = _workspace_files(folder, language)
    planned[top / EDITOR_SETTINGS] = editor_settings(workspace)
    if ci != "none":
        planned[top / CI_FILES[ci]] = _workflow(ci, workspace, install, language)
    written: list[Path] = []
    kept: list[Path] = []
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        (written if create_exclusive(path, text.encode("utf-8")) else kept).append(path)
    steps = _next_steps(folder, language, ci, install, in_git=repo_root is not None)
    if top / EDITOR_SETTINGS in kept:  # the team's own settings: say what to add instead
        mapping = json.dumps(schema_mapping(workspace))
        steps.append(Texts(language)("init.step.settings_kept", mapping=mapping))
    return Initialized(written, kept, steps)


def _check(folder: Path, language: str, ci: str) -> None:
    if language not in ("zh", "en"):
        raise UsageError(msg("init.bad_language", value=language))
    if ci not in CI_SYSTEMS:
        raise UsageError(msg("init.bad_ci", value=ci, systems=", ".join(CI_SYSTEMS)))
    if folder.exists() and not folder.is_dir():
        raise UsageError(msg("init.not_a_folder", path=str(folder)))
    if (folder / CONFIG_NAME).exists():
        raise UsageError(msg("init.exists", path=str(folder / CONFIG_NAME)))


def _workspace_files(folder: Path, language: str) -> dict[Path, str]:
    files = {
        folder / CONFIG_NAME: render(
            None, "init/collab.yaml.j2", t=Texts(language).pick, language=language
        ),
        folder / ".gitignore": GITIGNORE,
        folder / SCHEMA_NAME: schema_text(),
    }
    return files | {folder / "records" / name / ".gitkeep": "" for name in FOLDERS.values()}


def schema_mapping(workspace: str) -> dict[str, list[str]]:
    """The YAML extension's `yaml.schemas`: the schema, and the record files it is for
    (paths from the top of the repository, where the editor opens it)."""
    prefix = "" if workspace == "." else f"{workspace}/"
    return {prefix + SCHEMA_NAME: [f"{prefix}records/**/*.yaml", f"{prefix}records/**/*.yml"]}


def editor_settings(workspace: str) -> str:
    """`.vscode/settings.json` with `yaml.schemas` for the workspace's records."""
    return json.dumps({"yaml.schemas": schema_mapping(workspace)}, indent=2) + "\n"


def schema_text() -> str:
    """The JSON Schema of any record, as `collab.schema.json` holds it."""
    from collabkit.models.schema import record_schema

    return json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n"


def add_schema_comment(root: Path, path: Path) -> None:
    """Start the record at `path` with the comment that points editors (yaml-language-server)
    at the workspace's `collab.schema.json`, written first if the workspace has none."""
    import os

    from collabkit.io.atomic import write_atomic

    schema = root / SCHEMA_NAME
    create_exclusive(schema, schema_text().encode("utf-8"))  # keeps one that exists
    target = Path(os.path.relpath(schema, path.parent)).as_posix()
    text = path.read_text(encoding="utf-8")
    write_atomic(path, f"# yaml-language-server: $schema={target}\n{text}".encode())


def _workflow(ci: str, workspace: str, install: str | None, language: str) -> str:
    commands = asdict(ci_commands(workspace, install, language))
    return render(None, f"init/{ci}.yml.j2", t=Texts(language).pick, **commands)


def _next_steps(
    folder: Path, language: str, ci: str, install: str | None, *, in_git: bool
) -> list[str]:
    t = Texts(language)
    shown = folder.as_posix()
    collab = "collab" if shown == "." else f"collab -C {shown}"
    steps = [t("init.next")]
    if not in_git:
        steps.append(t("init.step.git", folder=shown))
    steps += [t("init.step.new", collab=collab), t("init.step.lint", collab=collab)]
    if ci != "none":
        if install is None:
            steps.append(t(f"init.step.variable.{ci}", file=CI_FILES[ci].as_posix()))
        if ci == "gitlab":
            steps.append(t("init.step.schedule.gitlab"))
    steps.append(t("init.step.editor", schema=SCHEMA_NAME))
    return steps
