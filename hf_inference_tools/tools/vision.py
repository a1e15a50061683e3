"""Tools over the image tasks. Each is a short declaration over its task's spec."""

from __future__ import annotations

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema

from ..tasks import (
    IMAGE_CLASSIFICATION,
    IMAGE_SEGMENTATION,
    OBJECT_DETECTION,
    TEXT_TO_IMAGE,
    ImageClassificationArgs,
    ImageSegmentationArgs,
    ObjectDetectionArgs,
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
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


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
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class ImageSegmentationTool(HfInferenceTool):
    """Split an image into labelled segments; masks go to files and the artifact, not the LLM.

    The content gives each segment's label, score and mask size; with `output_dir` set, each mask
    is saved there as a PNG under a fresh name and the content names its path. The artifact keeps
    the full result, base64 masks included.

    Instantiate:
        ```python
        from hf_inference_tools import ImageSegmentationTool

        tool = ImageSegmentationTool(media_root="./media", output_dir="./media/masks")
        ```

    Invoke:
        ```python
        msg = tool.invoke({"type": "tool_call", "id": "1", "name": "image_segmentation",
                           "args": {"data": "photos/cat.png"}})
        msg.content   # '[{"label":"cat","score":0.99,"mask":{"width":640,"height":480,
                      #    "path":"masks/mask-cat-1a2b3c4d5e6f.png"}},...]'
        msg.artifact["result"][0]["mask"]   # the base64 PNG
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = IMAGE_SEGMENTATION
    name: str = IMAGE_SEGMENTATION.name
    description: str = IMAGE_SEGMENTATION.description
    args_schema: ArgsSchema | None = ImageSegmentationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class ObjectDetectionTool(HfInferenceTool):
    """Find the objects in an image, each with a label, a score and a pixel bounding box.

    Instantiate:
        ```python
        from hf_inference_tools import ObjectDetectionTool

        tool = ObjectDetectionTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "photos/street.jpg", "parameters": {"threshold": 0.9}})
        # '[{"box":{"xmin":59,"ymin":39,"xmax":420,"ymax":510},"label":"person","score":0.95}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = OBJECT_DETECTION
    name: str = OBJECT_DETECTION.name
    description: str = OBJECT_DETECTION.description
    args_schema: ArgsSchema | None = ObjectDetectionArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
