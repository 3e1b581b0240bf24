"""`collab init`: a new workspace with the handbook's defaults."""

from __future__ import annotations

from pathlib import Path

from collabkit.atomic import create_exclusive
from collabkit.config import CONFIG_NAME
from collabkit.errors import CollabError
from collabkit.models import FOLDERS

GITIGNORE = "# collab's cache of parsed records\n.collab-cache/\n"


def init_workspace(folder: Path, language: str) -> list[Path]:
    """Write collab.yaml, the records/ folders, a .gitignore and a CI workflow example.

    Refuses to touch a folder that already has a collab.yaml; never overwrites a file.
    """
    from importlib.resources import files

    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    if language not in ("zh", "en"):
        raise CollabError(f"--lang: '{language}' is not zh or en")
    if (folder / CONFIG_NAME).exists():
        raise CollabError(f"{folder / CONFIG_NAME} exists already: this is a workspace")
    folder.mkdir(parents=True, exist_ok=True)
    env = Environment(
        loader=FileSystemLoader(str(files("collabkit.templates"))),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )

    def t(zh: str, en: str) -> str:
        return zh if language == "zh" else en

    repo_root = _git_top(folder)
    workspace = folder.resolve().relative_to(repo_root).as_posix() if repo_root else "."
    planned = {
        folder / CONFIG_NAME: env.get_template("init/collab.yaml.j2").render(
            t=t, language=language
        ),
        folder / ".gitignore": GITIGNORE,
        (repo_root or folder) / ".github" / "workflows" / "collab.yml": env.get_template(
            "init/workflow.yml.j2"
        ).render(t=t, workspace=workspace or "."),
    }
    planned |= {folder / "records" / name / ".gitkeep": "" for name in FOLDERS.values()}
    written = []
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if create_exclusive(path, text.encode("utf-8")):
            written.append(path)
    return written


def _git_top(folder: Path) -> Path | None:
    """The top of the git repository holding `folder`, if any."""
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / ".git").exists():
            return candidate
    return None
