"""What importing the package costs: libraries only some calls need are loaded on first use."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest
from pydantic import BaseModel

from hf_inference_tools import HfInferenceTool
from hf_inference_tools._media import describe_media, sniff_mime
from hf_inference_tools.tasks._spec import Input, Parameters, ReturnValue
from tests.media_samples import png_bytes


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


def test_deferred_models_validate_in_a_fresh_interpreter() -> None:
    code = (
        "from hf_inference_tools import TextClassificationArgs, TextClassificationTool; "
        "args = TextClassificationArgs.model_validate({'inputs': 'hi'}); "
        "print(args.inputs, sorted(TextClassificationTool(model='m').args))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["hi", "['inputs',", "'parameters']"]
