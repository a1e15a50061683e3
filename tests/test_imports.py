"""What importing the package costs: libraries only some calls need are loaded on first use.

Each check runs in a fresh interpreter and compares `sys.modules` before and after, over the
floor a LangChain tool module imports anyway (the one `python -m bench.imports` times).
"""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

import hf_inference_tools.tasks
from hf_inference_tools import TASKS, HfInferenceTool
from hf_inference_tools._media import describe_media, sniff_mime
from hf_inference_tools.tasks._spec import Input, Parameters, ReturnValue
from hf_inference_tools.toolkit import DEFAULT_TASKS
from tests.media_samples import png_bytes

FLOOR = "from langchain_core.tools import BaseTool, ToolException; import httpx, pydantic"
# Needed only by some calls: the sync connection pool, retries, URL fetching, media sniffing.
ON_DEMAND = {"httpcore", "tenacity", "hf_inference_tools._http.fetch", "puremagic", "imagesize"}


def _loaded_by(code: str) -> set[str]:
    """The modules `code` adds to `sys.modules` over the floor, in a fresh interpreter."""
    script = (
        f"import sys; {FLOOR}; before = set(sys.modules)\n"
        f"{code}\n"
        "print(*sorted(set(sys.modules) - before))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def _submodules(loaded: set[str], package: str) -> set[str]:
    prefix = f"hf_inference_tools.{package}."
    return {m.removeprefix(prefix) for m in loaded if m.startswith(prefix)}


def _task_modules(loaded: set[str]) -> set[str]:
    return {m for m in _submodules(loaded, "tasks") if not m.startswith("_")}


def test_import__loads_no_task_tool_or_client() -> None:
    # dir() lists every exported name before any is loaded (tab completion, help()).
    loaded = _loaded_by(
        "import hf_inference_tools as root\n"
        "for package in (root, root.tasks, root.tools):\n"
        "    assert set(package.__all__) <= set(dir(package)), package"
    )
    assert {m for m in loaded if m.startswith("hf_inference_tools")} == {
        "hf_inference_tools",
        "hf_inference_tools._lazy",
        "hf_inference_tools.tasks",
        "hf_inference_tools.tasks._registry",
        "hf_inference_tools.tools",
    }
    assert not loaded & ON_DEMAND


def test_import__a_tool_loads_its_own_task_only() -> None:
    # A typical agent module's first line.
    loaded = _loaded_by(
        "from hf_inference_tools import HfInference, HfInferenceToolkit, TextClassificationTool"
    )
    assert _task_modules(loaded) == {"text_classification"}  # which declares its tool too
    assert _submodules(loaded, "tools") == {"_base", "_content", "_schema"}
    assert "hf_inference_tools.tasks._generation_streams" not in loaded
    assert not loaded & ON_DEMAND


def test_import__building_a_client_and_calling_it_mocked_loads_no_task_but_its_own() -> None:
    # (A task's module declares its tool, so the tools' base class comes with it.)
    loaded = _loaded_by(
        "import httpx\n"
        "from hf_inference_tools import HfInference\n"
        "answer = httpx.Response(200, json=[[{'token_str': 'x', 'score': 1.0,"
        " 'token': 1, 'sequence': 'x'}]])\n"
        "client = httpx.Client(transport=httpx.MockTransport(lambda request: answer))\n"
        "hf = HfInference(token='hf_x', http_client=client, provider='hf-inference')\n"
        "assert hf.fill_mask(inputs='[MASK]')[0].token_str == 'x'"
    )
    assert _task_modules(loaded) == {"fill_mask"}
    assert _submodules(loaded, "tools") == {"_base", "_content", "_schema"}
    assert not loaded & ON_DEMAND


def test_import__registries_list_names_without_importing() -> None:
    loaded = _loaded_by(
        "from hf_inference_tools import TASKS, TOOL_CLASSES\n"
        f"assert len(TASKS) == len(TOOL_CLASSES) == {len(TASKS)} and 'fill_mask' in TOOL_CLASSES\n"
        "assert sorted(TASKS) == sorted(TOOL_CLASSES)"
    )
    assert not _task_modules(loaded)
    assert not _submodules(loaded, "tools")


def test_import__a_registry_lookup_and_a_toolkit_load_what_they_name() -> None:
    loaded = _loaded_by(
        "from hf_inference_tools import TASKS, HfInference, HfInferenceToolkit\n"
        "assert TASKS['translation'].name == 'translation'\n"
        "toolkit = HfInferenceToolkit(client=HfInference(token='hf_x'), tasks=['fill_mask'],"
        " models={'fill_mask': 'some/model'})\n"
        "assert [t.name for t in toolkit.get_tools()] == ['fill_mask']"
    )
    assert {"translation", "fill_mask"} <= _task_modules(loaded)
    assert "text_classification" not in _task_modules(loaded)
    assert _submodules(loaded, "tools") == {
        "_base",
        "_content",
        "_schema",
    }  # fill_mask's tool is in its task module
    assert not loaded & ON_DEMAND


def test_import__every_tool_loads_everything_once_asked() -> None:
    loaded = _loaded_by(
        "from hf_inference_tools import HfInference, HfInferenceToolkit, TOOL_CLASSES\n"
        "toolkit = HfInferenceToolkit(client=HfInference(token='hf_x'), tasks=list(TOOL_CLASSES))\n"
        f"assert len(toolkit.get_tools()) == {len(TASKS)}"
    )
    assert _task_modules(loaded) == set(TASKS)
    assert _submodules(loaded, "tools") == {"_base", "_content", "_schema"}


def test_import__media_libraries_load_on_first_use() -> None:
    code = (
        "import sys, hf_inference_tools; "
        "print(sorted(m for m in ('puremagic', 'imagesize') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    # ... and work once they are needed.
    image = png_bytes(3, 2)
    assert sniff_mime(image) == "image/png"
    assert describe_media(image, "image/png") == {
        "mime_type": "image/png",
        "bytes": len(image),
        "width": 3,
        "height": 2,
    }


@pytest.mark.parametrize("method", ["_run", "_arun"])
def test_tool_run_annotations_are_objects_not_strings(method: str) -> None:
    # LangChain resolves `_run`'s type hints on every call; strings would be compiled each time.
    signature = inspect.signature(getattr(HfInferenceTool, method))
    annotations = [p.annotation for p in signature.parameters.values() if p.name != "self"]
    assert not any(isinstance(a, str) for a in [*annotations, signature.return_annotation])


@pytest.mark.parametrize("base", [Input, Parameters, ReturnValue, HfInferenceTool])
def test_models_are_built_on_first_use_not_at_import(base: type[BaseModel]) -> None:
    # ~30 tasks' Args, Parameters, Return and tool classes: building all their validators at
    # import cost ~60 ms; each is built when first used instead.
    assert base.model_config.get("defer_build") is True


def test_task_modules_give_pydantic_annotations_not_strings() -> None:
    # Each string annotation is compiled and evaluated when a model class is created: ~25% of
    # loading every task (figure 5).
    folder = Path(hf_inference_tools.tasks.__file__).parent
    postponed = [
        path.name
        for path in sorted(folder.glob("*.py"))
        if "from __future__ import annotations" in path.read_text(encoding="utf-8").splitlines()
    ]
    assert postponed == []


def test_toolkit_builds_its_tools_without_building_their_validators() -> None:
    # A tool class's pydantic validator costs ~3 ms to build; a toolkit's values are checked
    # already, so its tools are assembled without it (figure 5).
    code = (
        "from hf_inference_tools import HfInference, HfInferenceToolkit\n"
        "tools = HfInferenceToolkit(client=HfInference(token='hf_x')).get_tools()\n"
        "print(len(tools), sum(type(t).__pydantic_complete__ for t in tools))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [str(len(DEFAULT_TASKS)), "0"]


def test_deferred_models_validate_in_a_fresh_interpreter() -> None:
    code = (
        "from hf_inference_tools import TextClassificationArgs, TextClassificationTool; "
        "args = TextClassificationArgs.model_validate({'inputs': 'hi'}); "
        "print(args.inputs, sorted(TextClassificationTool(model='m').args))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # `args` is what the LLM is offered: text classification's settings are the developer's.
    assert done.stdout.split() == ["hi", "['inputs']"]
