"""Tools over the text tasks. Each is a short declaration over its task's spec."""

from __future__ import annotations

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema

from ..tasks import TEXT_CLASSIFICATION, TaskSpec, TextClassificationArgs
from ._base import HfInferenceTool


class TextClassificationTool(HfInferenceTool):
    """Classify a text (sentiment, topic, ...) with a Hugging Face model.

    Setup:
        `pip install hf-inference-tools` and set `HF_TOKEN`.

    Instantiate:
        ```python
        from hf_inference_tools import HfInference, TextClassificationTool

        tool = TextClassificationTool(client=HfInference())
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "I love this!"})
        # '[{"label":"POSITIVE","score":0.9998},{"label":"NEGATIVE","score":0.0001}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TEXT_CLASSIFICATION
    name: str = TEXT_CLASSIFICATION.name
    description: str = TEXT_CLASSIFICATION.description
    args_schema: ArgsSchema | None = TextClassificationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
