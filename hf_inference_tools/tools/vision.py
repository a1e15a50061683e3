"""Tools over the image tasks. Each is a short declaration over its task's spec."""

from __future__ import annotations

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema

from ..tasks import (
    IMAGE_CLASSIFICATION,
    TEXT_TO_IMAGE,
    ImageClassificationArgs,
    TaskSpec,
    TextToImageArgs,
)
from ._base import HfInferenceTool


class ImageClassificationTool(HfInferenceTool):
    """Say what an image shows, with a Hugging Face image classifier.

    `data` is a path inside `media_root`, an https URL or a data: URI (see the media policy).

    Instantiate:
        ```python
        from hf_inference_tools import ImageClassificationTool

        tool = ImageClassificationTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "photos/cat.png"})
        # '[{"label":"tabby, tabby cat","score":0.94},...]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = IMAGE_CLASSIFICATION
    name: str = IMAGE_CLASSIFICATION.name
    description: str = IMAGE_CLASSIFICATION.description
    args_schema: ArgsSchema | None = ImageClassificationArgs


class TextToImageTool(HfInferenceTool):
    """Generate an image from a prompt; the bytes go to the artifact, never to the LLM.

    With `output_dir` set, the image is saved there under a fresh name and the content names
    its path, so the agent can hand it to an image tool next.

    Instantiate:
        ```python
        from hf_inference_tools import TextToImageTool

        tool = TextToImageTool(output_dir="./media/out", media_root="./media")
        ```

    Invoke:
        ```python
        msg = tool.invoke({"type": "tool_call", "id": "1", "name": "text_to_image",
                           "args": {"inputs": "a red fox"}})
        msg.content   # '{"path":"out/text_to_image-1a2b3c.png","mime_type":"image/png",...}'
        msg.artifact["data"]   # the PNG bytes
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TEXT_TO_IMAGE
    name: str = TEXT_TO_IMAGE.name
    description: str = TEXT_TO_IMAGE.description
    args_schema: ArgsSchema | None = TextToImageArgs
