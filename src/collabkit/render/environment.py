"""The one Jinja environment: sandboxed, strict, workspace `templates/` before the shipped copy.

Workspace templates come from any committer and run in CI, so they run in jinja2's
sandbox (no attribute access to Python internals). Record text is only ever a value passed
to a template, never a template itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

SHIPPED_PACKAGE = "collabkit.templates"


@cache
def environment(workspace: Path | None) -> Any:
    """The environment for a workspace (None: the shipped templates only), built once."""
    from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    loaders: list[Any] = []
    if workspace is not None:
        loaders.append(FileSystemLoader(str(workspace / "templates")))
    loaders.append(PackageLoader("collabkit", "templates"))
    from collabkit.io.scalars import yaml_scalar

    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        trim_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["y"] = yaml_scalar  # a value as a YAML scalar that reads back as written
    return env


def render(root: Path | None, name: str, /, **values: Any) -> str:
    """Render the template `name` (e.g. `new/meeting.yaml.j2`) of the workspace at `root`."""
    template = environment(root).get_template(name)
    return str(template.render(**values))
