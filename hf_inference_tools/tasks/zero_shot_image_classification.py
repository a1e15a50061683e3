"""zero-shot-image-classification: scores for labels the caller names, without training."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
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
    default_model="openai/clip-vit-base-patch32",
    seed_name="zeroShotImageClassification",
    input_model=ZeroShotImageClassificationArgs,
    description=(
        "Pick which of your own labels (at least two) best fits an image. Returns a JSON list of "
        "{label, score}, best first."
    ),
    # The labels are required, so the body is always JSON with the image as base64 `inputs`.
    build=lambda args, ctx: json_request(media_base64(ctx.media), args.parameters),
    parse=_parse,
    media_input="image",
)


class ZeroShotImageClassificationTool(HfInferenceTool):
    """Pick which of your labels fits an image best, without a trained classifier.

    Instantiate:
        ```python
        from hf_inference_tools import ZeroShotImageClassificationTool

        tool = ZeroShotImageClassificationTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "photos/pet.png",
                     "parameters": {"candidate_labels": ["cat", "dog"]}})
        # '[{"label":"cat","score":0.98},{"label":"dog","score":0.02}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = ZERO_SHOT_IMAGE_CLASSIFICATION
    name: str = ZERO_SHOT_IMAGE_CLASSIFICATION.name
    description: str = ZERO_SHOT_IMAGE_CLASSIFICATION.description
    args_schema: ArgsSchema | None = ZeroShotImageClassificationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("candidate_labels",)
