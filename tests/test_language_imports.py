"""The language layer stands on its own: no import of a higher layer, no circle among its modules.

Read from the source (lazy imports inside functions included), so that a late import put back to
dodge a circle fails here rather than waiting to bite at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import dcity_docs

PACKAGE = Path(dcity_docs.__file__).resolve().parent
LANGUAGE = PACKAGE / "language"
BASE = {"dcity_docs", "dcity_docs.errors", "dcity_docs.resources"}


def _imports(path: Path) -> set[str]:
    """Every dcity_docs module a file imports, wherever the import statement stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("dcity_docs")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dcity_docs"):
            modules = {f"{node.module}.{a.name}" for a in node.names}
            found |= {m for m in modules if _module_path(m) is not None} or {node.module}
    return found


def _module_path(module: str) -> Path | None:
    path = PACKAGE.parent.joinpath(*module.split("."))
    return path.with_suffix(".py") if path.with_suffix(".py").is_file() else None


def _graph() -> dict[str, set[str]]:
    return {f"dcity_docs.language.{p.stem}": _imports(p) for p in sorted(LANGUAGE.glob("*.py"))}


def test_language_imports_only_itself_and_the_base() -> None:
    for module, imported in _graph().items():
        outside = {m for m in imported if not m.startswith("dcity_docs.language") and m not in BASE}
        assert not outside, f"{module} imports {sorted(outside)} from above the language layer"


def test_no_import_circle_in_the_language_layer() -> None:
    whole = _graph()
    graph = {m: {i for i in imported if i in whole} for m, imported in whole.items()}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, "import circle: " + " -> ".join(path[path.index(module):] + (module,))
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, path + (module,))
        done.add(module)

    for module in graph:
        visit(module, ())


def test_typography_and_langs_are_the_lowest() -> None:
    """Everything else in the layer may take its constants from these two; they take nothing."""
    graph = _graph()
    assert not {m for m in graph["dcity_docs.language.typography"] if m.startswith("dcity_docs.language")}
    assert not {m for m in graph["dcity_docs.language.langs"] if m.startswith("dcity_docs.language")}
    assert "dcity_docs.language.typography" in graph["dcity_docs.language.declension"]
    assert "dcity_docs.language.declension" in graph["dcity_docs.language.places"]
