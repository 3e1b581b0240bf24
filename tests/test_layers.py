"""The package's shape: data flows one way (files → workspace → models → timing → … → CLI).

An AST scan of every module (imports inside functions and under TYPE_CHECKING included):
no import cycle between modules, no import against the layers, nothing but the CLI imports
typer, click or rich, nothing below the CLI reads the clock or prints.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "collabkit"

BASE = {"errors", "findings", "bulk", "i18n"}
# What each subpackage (or top-level module) may import from collab, besides itself.
ALLOWED: dict[str, set[str]] = {
    "errors": {"i18n"},
    "findings": {"i18n"},
    "bulk": set(),
    "i18n": set(),
    "io": BASE,
    "models": BASE,
    "timing": BASE | {"io", "models"},
    "cache": {"findings", "io"},
    "workspace": BASE | {"io", "models", "timing", "cache"},
    "query": BASE | {"io", "models", "timing", "workspace"},
    "trail": BASE | {"io", "models", "timing", "workspace"},
    "present": BASE | {"io", "models", "timing", "workspace", "query", "trail"},
    "lint": BASE | {"io", "models", "timing", "workspace", "query", "trail", "cache"},
    "render": BASE | {"io", "models", "timing", "workspace", "query", "trail", "present"},
    "edit": BASE | {"io", "models", "timing", "workspace", "query", "lint", "render", "trail"},
    "export": BASE | {"io", "models", "timing", "workspace", "query", "present", "render"},
    "notify": BASE | {"io", "models", "timing", "workspace", "query", "present"},
    "cli": {"*"},
    "__init__": set(),
    "templates": set(),
    "__main__": {"cli"},
}
UI_LIBRARIES = ("typer", "click", "rich")
CLOCK_CALLS = ("datetime.now", "datetime.today", "date.today", "datetime.utcnow", "time.time")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(("collabkit", *parts))
        found[name.removesuffix(".__init__")] = path
    return found


MODULES = modules()


def imports_of(path: Path) -> list[str]:
    """Every collab module `path` imports, resolved to a module (a package's __init__)."""
    out: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                out.append(candidate if candidate in MODULES else node.module)
    return [name for name in out if name == "collabkit" or name.startswith("collabkit.")]


def third_party_of(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


GRAPH = {name: sorted(set(imports_of(path)) - {name}) for name, path in MODULES.items()}


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """One import cycle of `graph`, as the list of modules along it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in graph.get(node, ()):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in graph:
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_every_layer_is_known() -> None:
    assert {layer(name) for name in MODULES} <= set(ALLOWED)


def test_no_import_cycle() -> None:
    assert find_cycle(GRAPH) is None, " → ".join(find_cycle(GRAPH) or [])


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": [], "c": ["a"]}) is None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_layers(module: str) -> None:
    own = layer(module)
    allowed = ALLOWED[own]
    if "*" in allowed:
        return
    wrong = [
        target
        for target in GRAPH[module]
        if layer(target) != own and layer(target) not in allowed and target != "collabkit"
    ]
    assert wrong == [], f"{module} imports against the layers: {wrong}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) != "cli"))
def test_only_the_cli_talks_to_the_terminal(module: str) -> None:
    path = MODULES[module]
    assert not third_party_of(path) & set(UI_LIBRARIES), f"{module} imports a UI library"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            called = ast.unparse(node.func)
            assert called != "print", f"{module} prints (line {node.lineno})"
            assert not called.endswith(CLOCK_CALLS), f"{module} reads the clock: {called}"


def test_nothing_imports_the_cli() -> None:
    users = [m for m, targets in GRAPH.items() if layer(m) not in ("cli", "__main__")
             and any(layer(t) == "cli" for t in targets)]
    assert users == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= 400, f"{module} has {lines} lines: split it by job"
