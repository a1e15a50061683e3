"""The README's task table names every tool, with its class, HF task and default model."""

from pathlib import Path

import pytest

from hf_inference_tools.tasks import TASKS
from hf_inference_tools.tools import TOOL_CLASSES

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(TOOL_CLASSES))
def test_readme_task_table_row(name: str) -> None:
    spec, cls = TASKS[name], TOOL_CLASSES[name]
    row = f"| `{name}` | `{cls.__name__}` | `{spec.hf_task}` | `{spec.default_model}` |"
    assert row in README
