"""The package's modules import each other without cycles.

Read from the source with `ast`: every `import` and `from ... import` a module runs, at module
level or inside a function (the lazy ones), except under `if TYPE_CHECKING:`. A module that
imports `pkg.sub` runs `pkg/__init__.py` first, which is not counted as an edge: each package
`__init__` here imports its submodules only when a name is first read.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import hf_inference_tools

Graph = dict[str, set[str]]


def _module_name(path: Path, root: Path, package: str) -> str:
    parts = [package, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _run_imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements under `node` that run (everything but `if TYPE_CHECKING:` bodies)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            yield from _run_imports(ast.Module(body=child.orelse, type_ignores=[]))
        elif (
            isinstance(child, ast.If)
            and isinstance(child.test, ast.UnaryOp)
            and isinstance(child.test.op, ast.Not)
            and _is_type_checking(child.test.operand)
        ):
            yield from _run_imports(ast.Module(body=child.body, type_ignores=[]))
        else:
            yield from _run_imports(child)


def import_graph(root: Path, package: str) -> Graph:
    """`{module: {module it imports, ...}}` for the package at `root`, within the package."""
    modules = {_module_name(path, root, package): path for path in sorted(root.rglob("*.py"))}
    graph: Graph = {name: set() for name in modules}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _run_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = here
                for _ in range(node.level - 1 if node.level else 0):
                    base = base.rpartition(".")[0]
                if node.level:
                    source = f"{base}.{node.module}" if node.module else base
                else:
                    source = node.module or ""
                # `from .x import y` runs x, and y too when y is a submodule of x.
                targets = [source, *(f"{source}.{alias.name}" for alias in node.names)]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def cycles(graph: Graph) -> list[list[str]]:
    """Each group of modules that import each other, round (Tarjan's strongly connected
    components of more than one module, or a module that imports itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1 or module in graph[module]:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


PACKAGE_ROOT = Path(hf_inference_tools.__file__).parent


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph(PACKAGE_ROOT, "hf_inference_tools")

    assert cycles(graph) == []


def test_the_graph_sees_lazy_imports_and_skips_type_checking_ones() -> None:
    # What the cycle check rests on, shown on imports the package is known to make.
    graph = import_graph(PACKAGE_ROOT, "hf_inference_tools")

    assert len(graph) > 50
    # Inside functions: the URL fetcher on a media's first URL, the fair pool on the first
    # async client, the deadline backend on the first sync one.
    assert "hf_inference_tools._http.fetch" in graph["hf_inference_tools._media"]
    assert "hf_inference_tools._http._pool" in graph["hf_inference_tools._http.clients"]
    assert (
        "hf_inference_tools._http._deadline_backend" in graph["hf_inference_tools._http._deadline"]
    )
    # `from . import tasks, tools` names submodules; the root's TYPE_CHECKING block is skipped.
    assert graph["hf_inference_tools"] >= {"hf_inference_tools.tasks", "hf_inference_tools.tools"}
    assert "hf_inference_tools.toolkit" not in graph["hf_inference_tools"]


@pytest.mark.parametrize(
    ("a_source", "b_source", "expected"),
    [
        pytest.param(
            "def f():\n    from . import b\n",
            "from .a import f\n",
            [["pkg.a", "pkg.b"]],
            id="lazy-import-closes-a-cycle",
        ),
        pytest.param(
            "import pkg.b\n",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import x\n",
            [],
            id="type-checking-import-does-not",
        ),
        pytest.param(
            "from .b import g\n",
            "import typing\nif typing.TYPE_CHECKING:\n    pass\nelse:\n    import pkg.a\n",
            [["pkg.a", "pkg.b"]],
            id="the-else-branch-runs",
        ),
        pytest.param(
            "from .b import g\n",
            "import typing\nif not typing.TYPE_CHECKING:\n    import pkg.a\nelse:\n    pass\n",
            [["pkg.a", "pkg.b"]],
            id="an-if-not-branch-runs",
        ),
        pytest.param(
            "from .b import g\n",
            "from typing import TYPE_CHECKING\nif not TYPE_CHECKING:\n    pass\nelse:\n"
            "    import pkg.a\n",
            [],
            id="its-else-does-not",
        ),
    ],
)
def test_cycles__found_in_a_package_made_for_it(
    tmp_path: Path, a_source: str, b_source: str, expected: list[list[str]]
) -> None:
    root = tmp_path / "pkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "a.py").write_text(a_source)
    (root / "b.py").write_text(b_source)

    assert cycles(import_graph(root, "pkg")) == expected
