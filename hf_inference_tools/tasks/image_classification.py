"""image-classification: labels with scores for an image."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
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
        default=None, description="Optional settings, or null."
    )


class ImageClassificationReturnValue(ReturnValue):
    label: str = Field(description="The label for the class (model specific).")
    score: float = Field(description="How likely the image belongs to this class, from 0 to 1.")


def _parse(response: ApiResponse) -> list[ImageClassificationReturnValue]:
    return parse_as(list[ImageClassificationReturnValue], response)


IMAGE_CLASSIFICATION = TaskSpec(
    name="image_classification",
    hf_task="image-classification",
    default_model="google/vit-base-patch16-224",
    seed_name="imageClassification",
    input_model=ImageClassificationArgs,
    description=(
        "Say what an image shows, as an image classifier's labels. Returns a JSON list of {label, "
        "score}, best first."
    ),
    build=lambda args, ctx: binary_request(ctx.media, args.parameters),
    parse=_parse,
    media_input="image",
)


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
