"""The one Jinja environment: sandboxed, strict, workspace `templates/` before the shipped copy.

Workspace templates come from any committer and run in CI, so they run in jinja2's
sandbox (no attribute access to Python internals). Record text is only ever a value passed
to a template, never a template itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from collabkit.errors import CollabError


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


class TemplateFailed(CollabError):
    """A template that does not parse, names what it is not given, or breaks the sandbox."""


def render(root: Path | None, name: str, /, **values: Any) -> str:
    """Render the template `name` (e.g. `new/meeting.yaml.j2`) of the workspace at `root`.

    A broken template is a TemplateFailed naming the template file and line.
    """
    from jinja2 import TemplateError, TemplateSyntaxError

    env = environment(root)
    try:
        template = env.get_template(name)
        return str(template.render(**values))
    except TemplateSyntaxError as exc:
        raise _failed(root, name, exc.lineno, exc.message or str(exc)) from None
    except TemplateError as exc:
        raise _failed(root, name, _template_line(exc, name), str(exc)) from None


def _failed(root: Path | None, name: str, line: int | None, message: str) -> TemplateFailed:
    own = root is not None and (root / "templates" / name).is_file()
    shown = f"templates/{name}" if own else f"{name} (shipped)"
    return TemplateFailed(f"template error: {message}", path=shown, line=line)


def _template_line(exc: BaseException, name: str) -> int | None:
    """The template line a rendering error happened on (jinja2 maps its frames there)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.replace("\\", "/").endswith(name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
