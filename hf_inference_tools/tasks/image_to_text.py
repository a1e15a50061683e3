"""image-to-text: a caption (or the text) of an image."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, Parameters, ReturnValue, TaskSpec, binary_request, parse_as
from .image_classification import IMAGE_DATA_DESCRIPTION


class ImageToTextParameters(Parameters):
    max_new_tokens: int | None = Field(
        default=None,
        ge=1,
        description="Longest caption, in tokens, e.g. 30. Null: the model's default.",
    )


class ImageToTextArgs(Input):
    data: str = Field(description=IMAGE_DATA_DESCRIPTION)
    parameters: ImageToTextParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class ImageToTextReturnValue(ReturnValue):
    generated_text: str = Field(description="The text generated from the image.")


def _parse(response: ApiResponse) -> ImageToTextReturnValue:
    data = response.json()
    # Servers answer [{generated_text}] or, at times, the bare object.
    if isinstance(data, list) and data:
        data = data[0]
    return parse_as(ImageToTextReturnValue, data)


IMAGE_TO_TEXT = TaskSpec(
    name="image_to_text",
    hf_task="image-to-text",
    default_model="Salesforce/blip-image-captioning-base",
    seed_name="imageToText",
    input_model=ImageToTextArgs,
    description=(
        "Caption an image: describe what it shows in one sentence. Returns JSON {generated_text}."
    ),
    build=lambda args, ctx: binary_request(ctx.media, args.parameters),
    parse=_parse,
    media_input="image",
)


class ImageToTextTool(HfInferenceTool):
    """Caption an image with a Hugging Face image-to-text model.

    `data` is a path inside `media_root`, an https URL or a data: URI (see the media policy).

    Instantiate:
        ```python
        from hf_inference_tools import ImageToTextTool

        tool = ImageToTextTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "photos/beach.jpg"})
        # '{"generated_text":"a woman in a hat and dress posing for a photo"}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = IMAGE_TO_TEXT
    name: str = IMAGE_TO_TEXT.name
    description: str = IMAGE_TO_TEXT.description
    args_schema: ArgsSchema | None = ImageToTextArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
