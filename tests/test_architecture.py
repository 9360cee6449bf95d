"""The house: layers in folders, data flowing one way, no import circles, small modules.

Every import of the package is read from the source (those inside functions too), so a lazy
import that reaches back up, or closes a circle, fails here as a top-level one would.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dcity_docs"

LAYERS: list[tuple[str, ...]] = [
    # lowest first; a module may import from its own layer and the layers below, never above
    ("dcity_docs.errors", "dcity_docs.resources", "dcity_docs.settings", "dcity_docs.files",
     "dcity_docs"),
    ("dcity_docs.language",),
    ("dcity_docs.record",),
    ("dcity_docs.wording",),
    ("dcity_docs.draft",),
    ("dcity_docs.documents",),
    ("dcity_docs.layout",),
    ("dcity_docs.conversion", "dcity_docs.pdf"),
    ("dcity_docs.output", "dcity_docs.signing"),
    ("dcity_docs.redline",),
    ("dcity_docs.reports",),
    ("dcity_docs.batch",),
    ("dcity_docs.translation",),
    ("dcity_docs.cli", "dcity_docs.__main__"),
]
MAX_LINES = 800


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every dcity_docs module ``name`` imports, wherever the import statement stands."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # "from package import module" imports the module
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        found |= {t for t in targets if t in MODULES and t != name}
    return found


GRAPH = {name: _imports(name) for name in MODULES}


def _rank(name: str) -> int:
    for rank, prefixes in enumerate(LAYERS):
        if any(name == p or (p != "dcity_docs" and name.startswith(p + ".")) for p in prefixes):
            return rank
    raise AssertionError(f"{name} belongs to no layer of tests/test_architecture.py: give it one")


def test_every_module_has_a_layer() -> None:
    for name in MODULES:
        _rank(name)


def test_no_module_reaches_up() -> None:
    upward = [f"{a} -> {b}" for a, targets in GRAPH.items() for b in sorted(targets) if _rank(b) > _rank(a)]
    assert upward == []


def test_no_import_circles() -> None:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(GRAPH[node]):
            if state.get(target) == 1:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name)
    assert [" -> ".join(c) for c in cycles] == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_the_size(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[name]} has {lines} lines; split it along its seam"


def test_only_the_cli_imports_click() -> None:
    importers = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "click" or n.startswith("click.") for n in names):
                importers.append(name)
    assert importers and all(n == "dcity_docs.cli" or n.startswith("dcity_docs.cli.") for n in importers)


def test_the_graph_sees_lazy_imports() -> None:
    """The walk must find imports inside functions, or the tests above prove nothing."""
    lazy = [name for name, path in MODULES.items()
            if any(isinstance(n, (ast.Import, ast.ImportFrom)) and n.col_offset > 0
                   for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))]
    assert lazy, "no module imports inside a function: the test of lazy imports is not exercised"
    assert "dcity_docs.output.packs" in GRAPH["dcity_docs.batch.work"]
