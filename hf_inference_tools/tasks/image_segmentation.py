"""image-segmentation: labelled masks over the regions of an image."""

from __future__ import annotations

import base64
from typing import Any, Literal

from pydantic import Field, field_validator

from .._http.transport import ApiResponse
from .._media import describe_media, sniff_mime
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
        default=None, description="Optional settings; null for the defaults."
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
    return parse_as(list[ImageSegmentationReturnValue], response)  # type: ignore[no-any-return]


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
    seed_name="imageSegmentation",
    input_model=ImageSegmentationArgs,
    description=(
        "Split an image into labelled regions with a Hugging Face segmentation model. Give the "
        "image as a file path, an https URL or a data: URI. Returns a JSON list of {label, "
        "score, mask: {width, height, path}}; `path` (when saving is on) names the mask PNG, "
        "white where the segment is."
    ),
    build=lambda args, ctx: binary_request(ctx.media, args.parameters),
    parse=_parse,
    media_input="image",
    to_content=_to_content,
    saves_media=True,
)
