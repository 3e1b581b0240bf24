"""`collab init`: a new workspace with the handbook's defaults."""

from __future__ import annotations

from pathlib import Path

from collabkit.errors import CollabError
from collabkit.i18n import Texts
from collabkit.io.atomic import create_exclusive
from collabkit.io.git import toplevel
from collabkit.models import FOLDERS
from collabkit.render.environment import render
from collabkit.workspace import CONFIG_NAME

GITIGNORE = "# collab's cache of parsed records\n.collab-cache/\n"


def init_workspace(folder: Path, language: str) -> list[Path]:
    """Write collab.yaml, the records/ folders, a .gitignore and a CI workflow example.

    Refuses to touch a folder that already has a collab.yaml; never overwrites a file.
    """
    if language not in ("zh", "en"):
        raise CollabError(f"--lang: '{language}' is not zh or en")
    if (folder / CONFIG_NAME).exists():
        raise CollabError(f"{folder / CONFIG_NAME} exists already: this is a workspace")
    folder.mkdir(parents=True, exist_ok=True)
    t = Texts(language).pick
    repo_root = toplevel(folder)
    workspace = folder.resolve().relative_to(repo_root).as_posix() if repo_root else "."
    planned = {
        folder / CONFIG_NAME: render(None, "init/collab.yaml.j2", t=t, language=language),
        folder / ".gitignore": GITIGNORE,
        (repo_root or folder) / ".github" / "workflows" / "collab.yml": render(
            None, "init/workflow.yml.j2", t=t, workspace=workspace or "."
        ),
    }
    planned |= {folder / "records" / name / ".gitkeep": "" for name in FOLDERS.values()}
    written = []
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if create_exclusive(path, text.encode("utf-8")):
            written.append(path)
    return written
