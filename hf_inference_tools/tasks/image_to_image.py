"""image-to-image: a new image made from an input image (and a prompt), returned as bytes."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._payloads import media_answer
from ._spec import Input, Parameters, TaskSpec, binary_request
from .image_classification import IMAGE_DATA_DESCRIPTION


class ImageToImageTargetSize(Parameters):
    width: int = Field(ge=64, le=2048, description="Width in pixels, e.g. 512.")
    height: int = Field(ge=64, le=2048, description="Height in pixels, e.g. 512.")


class ImageToImageParameters(Parameters):
    prompt: str | None = Field(
        default=None, description="How to change the image, e.g. 'make it a watercolor painting'."
    )
    negative_prompt: str | None = Field(
        default=None,
        description="What the result must not show, e.g. 'blurry, text'. Null: nothing.",
    )
    num_inference_steps: int | None = Field(
        default=None,
        ge=1,
        le=150,
        description="Denoising steps: more is slower and finer, e.g. 25.",
    )
    guidance_scale: float | None = Field(
        default=None, ge=0, le=30, description="How closely to follow the prompt, e.g. 7.5."
    )
    target_size: ImageToImageTargetSize | None = Field(
        default=None, description="Size of the result. Null: the model's default."
    )


class ImageToImageArgs(Input):
    data: str = Field(description=IMAGE_DATA_DESCRIPTION)
    parameters: ImageToImageParameters | None = Field(
        default=None, description="The prompt and other settings; null for the model's defaults."
    )


def _parse(response: ApiResponse) -> bytes:
    return media_answer(response, "image")


IMAGE_TO_IMAGE = TaskSpec(
    name="image_to_image",
    hf_task="image-to-image",
    default_model="lllyasviel/sd-controlnet-canny",
    seed_name="imageToImage",
    input_model=ImageToImageArgs,
    description=(
        "Transform an image (restyle, edit from a prompt, upscale). Returns JSON {path, mime_type, "
        "bytes, width, height} of the new image; `path` (when saving is on) can be the `data` of "
        "image tools."
    ),
    build=lambda args, ctx: binary_request(ctx.media, args.parameters)._replace(accept="image/png"),
    parse=_parse,
    media_input="image",
    media_output="image",
)


class ImageToImageTool(HfInferenceTool):
    """Transform an image; the new image goes to the artifact, never to the LLM.

    With `output_dir` set, the image is saved there under a fresh name and the content names
    its path, so the agent can hand it to an image tool next.

    Instantiate:
        ```python
        from hf_inference_tools import ImageToImageTool

        tool = ImageToImageTool(media_root="./media", output_dir="./media/out")
        ```

    Invoke:
        ```python
        msg = tool.invoke({"type": "tool_call", "id": "1", "name": "image_to_image",
                           "args": {"data": "photos/cat.png",
                                    "parameters": {"prompt": "a watercolor painting"}}})
        msg.content   # '{"path":"out/image_to_image-1a2b3c.png","mime_type":"image/png",...}'
        msg.artifact["data"]   # the image bytes
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = IMAGE_TO_IMAGE
    name: str = IMAGE_TO_IMAGE.name
    description: str = IMAGE_TO_IMAGE.description
    args_schema: ArgsSchema | None = ImageToImageArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("prompt",)
