"""image-segmentation: labelled masks over the regions of an image."""

import base64
from typing import Any, ClassVar, Literal

from langchain_core.tools import ArgsSchema
from pydantic import Field, field_validator

from .._http.transport import ApiResponse
from .._media import describe_media, sniff_mime
from ..tools._base import HfInferenceTool
from ._spec import (
    ContentContext,
    Input,
    Parameters,
    ReturnValue,
    TaskSpec,
    binary_request,
    parse_as,
)
from .image_classification import IMAGE_DATA_DESCRIPTION


class ImageSegmentationParameters(Parameters):
    threshold: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Keep only segments scored at least this much, from 0 to 1, e.g. 0.9.",
    )
    mask_threshold: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Probability above which a pixel belongs to a mask, from 0 to 1, e.g. 0.5.",
    )
    overlap_mask_area_threshold: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Overlap above which small segments are merged away, from 0 to 1, e.g. 0.5.",
    )
    subtask: Literal["panoptic", "instance", "semantic"] | None = Field(
        default=None,
        description=(
            "The kind of segmentation, if the model does several: 'panoptic', 'instance' or "
            "'semantic'. Null: the model's default."
        ),
    )


class ImageSegmentationArgs(Input):
    data: str = Field(description=IMAGE_DATA_DESCRIPTION)
    parameters: ImageSegmentationParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class ImageSegmentationReturnValue(ReturnValue):
    label: str = Field(description="The label for the class (model specific) of the segment.")
    mask: str = Field(
        description="The segment's mask: a single-channel black-and-white PNG, base64-encoded."
    )
    score: float | None = Field(
        default=None,
        description="How likely the segment belongs to this class, from 0 to 1 (None for "
        "semantic segmentation, which scores no segment).",
    )

    @field_validator("mask")
    @classmethod
    def _base64(cls, value: str) -> str:
        base64.b64decode(value, validate=True)  # binascii.Error is a ValueError: a bad answer
        return value


def _parse(response: ApiResponse) -> list[ImageSegmentationReturnValue]:
    return parse_as(list[ImageSegmentationReturnValue], response)


def _to_content(result: list[dict[str, Any]], ctx: ContentContext) -> list[dict[str, Any]]:
    """Each segment's label and score, and its mask's size and saved path instead of base64."""
    segments = []
    for segment in result:
        data = base64.b64decode(segment["mask"])
        mime_type = sniff_mime(data) or "application/octet-stream"
        info = describe_media(data, mime_type)
        mask: dict[str, Any] = {k: info[k] for k in ("width", "height") if k in info}
        if (path := ctx.save(data, mime_type, f"mask-{segment['label']}")) is not None:
            mask["path"] = path
        segments.append({"label": segment["label"], "score": segment.get("score"), "mask": mask})
    return segments


IMAGE_SEGMENTATION = TaskSpec(
    name="image_segmentation",
    hf_task="image-segmentation",
    default_model="facebook/detr-resnet-50-panoptic",
    seed_name="imageSegmentation",
    input_model=ImageSegmentationArgs,
    description=(
        "Split an image into labelled regions. Returns a JSON list of {label, score, mask: {width, "
        "height, path}}; `path` (when saving is on) names the mask PNG, white where the segment "
        "is."
    ),
    build=lambda args, ctx: binary_request(ctx.media, args.parameters),
    parse=_parse,
    media_input="image",
    to_content=_to_content,
    saves_media=True,
)


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
