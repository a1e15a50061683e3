"""zero-shot-image-classification: scores for labels the caller names, without training."""

from __future__ import annotations

from pydantic import Field

from .._http.transport import ApiResponse
from ._payloads import media_base64
from ._spec import Input, Parameters, ReturnValue, TaskSpec, json_request, parse_as
from .image_classification import IMAGE_DATA_DESCRIPTION


class ZeroShotImageClassificationParameters(Parameters):
    candidate_labels: list[str] = Field(
        min_length=2,
        description="At least two labels to choose from, e.g. ['cat', 'dog', 'llama'].",
    )
    hypothesis_template: str | None = Field(
        default=None,
        description=(
            "The sentence each label is put into, with {} for the label, e.g. "
            "'This is a photo of {}.'. Null: the model's default."
        ),
    )


class ZeroShotImageClassificationArgs(Input):
    data: str = Field(description=IMAGE_DATA_DESCRIPTION)
    parameters: ZeroShotImageClassificationParameters = Field(
        description="The candidate labels (required) and optional settings."
    )


class ZeroShotImageClassificationReturnValue(ReturnValue):
    label: str = Field(description="One of the candidate labels.")
    score: float = Field(description="How well the label fits the image, from 0 to 1.")


def _parse(response: ApiResponse) -> list[ZeroShotImageClassificationReturnValue]:
    return parse_as(list[ZeroShotImageClassificationReturnValue], response)


ZERO_SHOT_IMAGE_CLASSIFICATION = TaskSpec(
    name="zero_shot_image_classification",
    hf_task="zero-shot-image-classification",
    seed_name="zeroShotImageClassification",
    input_model=ZeroShotImageClassificationArgs,
    description=(
        "Decide which of your own labels (at least two) best fits an image, with a Hugging Face "
        "zero-shot image model (CLIP-like). Give the image as a file path, an https URL or a "
        "data: URI. Returns a JSON list of {label, score}, best first."
    ),
    # The labels are required, so the body is always JSON with the image as base64 `inputs`.
    build=lambda args, ctx: json_request(media_base64(ctx.media), args.parameters),
    parse=_parse,
    media_input="image",
)
