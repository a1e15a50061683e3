"""image-classification: labels with scores for an image."""

from __future__ import annotations

from pydantic import Field

from .._http.transport import ApiResponse
from ._spec import (
    ClassificationParameters,
    Input,
    ReturnValue,
    TaskSpec,
    binary_request,
    parse_as,
)

IMAGE_DATA_DESCRIPTION = (
    "The image: a file path inside the media folder (e.g. 'photos/cat.png'), an https:// URL "
    "(e.g. 'https://example.com/cat.jpg'), or a 'data:image/png;base64,...' URI."
)


class ImageClassificationParameters(ClassificationParameters):
    """Optional settings of image classification."""


class ImageClassificationArgs(Input):
    data: str = Field(description=IMAGE_DATA_DESCRIPTION)
    parameters: ImageClassificationParameters | None = Field(
        default=None, description="Optional settings; null for the defaults."
    )


class ImageClassificationReturnValue(ReturnValue):
    label: str = Field(description="The label for the class (model specific).")
    score: float = Field(description="How likely the image belongs to this class, from 0 to 1.")


def _parse(response: ApiResponse) -> list[ImageClassificationReturnValue]:
    return parse_as(list[ImageClassificationReturnValue], response)


IMAGE_CLASSIFICATION = TaskSpec(
    name="image_classification",
    hf_task="image-classification",
    seed_name="imageClassification",
    input_model=ImageClassificationArgs,
    description=(
        "Say what an image shows, with a Hugging Face image classifier. Give the image as a file "
        "path, an https URL or a data: URI. Returns a JSON list of {label, score}, best first."
    ),
    build=lambda args, ctx: binary_request(ctx.media, args.parameters),
    parse=_parse,
    media_input="image",
)
