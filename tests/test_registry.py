"""Every table of tasks is derived from the task modules: a new module is a new task everywhere."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import hf_inference_tools
from hf_inference_tools import TASKS, TOOL_CLASSES, tasks, tools
from hf_inference_tools.tasks import _registry
from hf_inference_tools.toolkit import DEFAULT_TASKS

PACKAGE = Path(hf_inference_tools.__file__).parent

# A task as a new contributor writes it: its module and nothing else.
NEW_TASK = '''"""word-count: how many words a text has (a task made up for this test)."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, ReturnValue, TaskSpec, json_request, parse_as


class WordCountArgs(Input):
    inputs: str = Field(description="The text whose words to count.")


class WordCountReturnValue(ReturnValue):
    count: int = Field(description="How many words.")


def _parse(response: ApiResponse) -> WordCountReturnValue:
    return parse_as(WordCountReturnValue, response)  # type: ignore[no-any-return]


WORD_COUNT = TaskSpec(
    name="word_count",
    hf_task="word-count",
    default_model="example/word-counter",
    seed_name="wordCount",
    input_model=WordCountArgs,
    description="Count the words of a text. Returns JSON {count}.",
    build=lambda args, ctx: json_request(args.inputs),
    parse=_parse,
)


class WordCountTool(HfInferenceTool):
    """Count the words of a text."""

    spec: ClassVar[TaskSpec[Any, Any]] = WORD_COUNT
    name: str = WORD_COUNT.name
    description: str = WORD_COUNT.description
    args_schema: ArgsSchema | None = WordCountArgs
'''

PROBE = """
import json, sys
import hf_inference_tools as root
from hf_inference_tools import HfInference, HfInferenceToolkit, cli
before = set(sys.modules)
in_all = [n for n in ("WORD_COUNT", "WordCountArgs", "WordCountTool") if n in root.__all__]
listed = "word_count" in root.TASKS and "word_count" in root.TOOL_CLASSES
tools = HfInferenceToolkit(client=HfInference(token="hf_x")).get_tools()
print(json.dumps({
    "in_all": in_all,
    "listed_without_import": listed and "hf_inference_tools.tasks.word_count" not in before,
    "toolkit": [t.name for t in tools if t.name == "word_count"],
    "tool_class": root.WordCountTool.__name__,
    "default_model": root.DEFAULT_MODELS["word_count"],
    "count": len(tools),
}))
"""


def test_a_new_task_module_appears_everywhere_with_no_other_edit(tmp_path: Path) -> None:
    copy = tmp_path / "hf_inference_tools"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "tasks" / "word_count.py").write_text(NEW_TASK)

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args],
            cwd=tmp_path,  # the copy comes first on sys.path, before the installed package
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    seen = json.loads(run("-c", PROBE))
    assert seen == {
        "in_all": ["WORD_COUNT", "WordCountArgs", "WordCountTool"],
        "listed_without_import": True,
        "toolkit": ["word_count"],
        "tool_class": "WordCountTool",
        "default_model": "example/word-counter",
        "count": len(DEFAULT_TASKS) + 1,
    }
    cli_tasks = run(
        "-c", "import sys; from hf_inference_tools.cli import main; sys.exit(main(['tasks']))"
    )
    assert "word_count" in cli_tasks and "example/word-counter" in cli_tasks


@pytest.mark.parametrize("task", _registry.task_names())
def test_each_task_module_follows_the_convention(task: str) -> None:
    spec, tool = TASKS[task], TOOL_CLASSES[task]
    module = sys.modules[f"hf_inference_tools.tasks.{task}"]
    assert spec.name == task and getattr(module, task.upper()) is spec
    assert tool.__name__ == _registry.tool_class_name(task) and tool.spec is spec
    # What the source scan finds is what the module defines, and all of it is exported.
    for name in _registry.exported_by(task):
        assert getattr(module, name) is getattr(hf_inference_tools, name)
    assert spec.input_model.__name__ in _registry.exported_by(task)


def _typing_imports(package: Path) -> set[str]:
    """The modules a package's `if TYPE_CHECKING:` block imports from."""
    tree = ast.parse(package.read_text())
    (block,) = [
        n
        for n in tree.body
        if isinstance(n, ast.If)
        and isinstance(n.test, ast.Attribute)
        and n.test.attr == "TYPE_CHECKING"
    ]
    return {n.module or "" for n in block.body if isinstance(n, ast.ImportFrom) and n.level}


def test_type_checkers_see_every_task() -> None:
    # mypy cannot see names found at run time, so each package keeps one typing line per task;
    # this is the check that a new task added its line (the error names the lines to add).
    expected = {f"tasks.{task}" for task in _registry.task_names()}
    in_tasks = {f"tasks.{m}" for m in _typing_imports(PACKAGE / "tasks" / "__init__.py")}
    assert expected - in_tasks == set(), "add `from .<task> import *` to tasks/__init__.py"
    assert {m for m in in_tasks if not m.startswith("tasks._")} == expected
    in_tools = {m.removeprefix(".") for m in _typing_imports(PACKAGE / "tools" / "__init__.py")}
    assert expected - in_tools == set(), "add the tool's line to tools/__init__.py"
    assert {m for m in in_tools if not m.startswith("_")} == expected


def test_the_lazy_tables_match_the_imported_modules() -> None:
    packages: list[ModuleType] = [tasks, tools]  # (their `__all__` exists at run time only)
    exported = {name for package in packages for name in package.__all__}
    assert set(hf_inference_tools.__all__) >= exported
    for task in _registry.task_names():
        assert _registry.module_of(_registry.tool_class_name(task)) == task
    assert _registry.module_of("TextClassificationNope") is None
    assert _registry.module_of("Nope") is None
