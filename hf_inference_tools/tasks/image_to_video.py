"""image-to-video: a short video animated from an image (and a prompt), returned as bytes (MP4).

Served only by Inference Providers (fal-ai, together, wavespeed). The video is saved like
images, never inlined.
"""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._payloads import media_answer
from ._spec import Input, Parameters, TaskSpec, binary_request
from .image_classification import IMAGE_DATA_DESCRIPTION
from .image_to_image import ImageToImageTargetSize


class ImageToVideoParameters(Parameters):
    prompt: str | None = Field(
        default=None, description="How the image should move, e.g. 'the fox turns its head'."
    )
    negative_prompt: str | None = Field(
        default=None, description="What the video must not show, e.g. 'blurry'. Null: nothing."
    )
    num_frames: int | None = Field(
        default=None, ge=1, le=1000, description="How many frames to generate, e.g. 81."
    )
    num_inference_steps: int | None = Field(
        default=None, ge=1, le=150, description="Denoising steps, e.g. 30."
    )
    guidance_scale: float | None = Field(
        default=None, ge=0, le=30, description="How closely to follow the prompt, e.g. 5."
    )
    seed: int | None = Field(default=None, ge=0, description="Random seed, for reproducibility.")
    target_size: ImageToImageTargetSize | None = Field(
        default=None, description="Size of the video. Null: the model's default."
    )


class ImageToVideoArgs(Input):
    data: str = Field(description=IMAGE_DATA_DESCRIPTION)
    parameters: ImageToVideoParameters | None = Field(
        default=None, description="The prompt and other settings; null for the model's defaults."
    )


def _parse(response: ApiResponse) -> bytes:
    return media_answer(response, "video")


IMAGE_TO_VIDEO = TaskSpec(
    name="image_to_video",
    hf_task="image-to-video",
    # Served only by Inference Providers (fal-ai, replicate, together, ...).
    default_model="Wan-AI/Wan2.2-I2V-A14B",
    seed_name="imageToVideo",
    input_model=ImageToVideoArgs,
    description=(
        "Animate an image into a short video (MP4). Slow: a minute or more. Returns JSON "
        "{path, mime_type, bytes}."
    ),
    build=lambda args, ctx: binary_request(ctx.media, args.parameters),
    parse=_parse,
    media_input="image",
    media_output="video",
)


class ImageToVideoTool(HfInferenceTool):
    """Animate an image into a short video; saved like `TextToVideoTool`'s, never inlined.

    `data` is a path inside `media_root`, an https URL or a data: URI (see the media policy).
    """

    spec: ClassVar[TaskSpec[Any, Any]] = IMAGE_TO_VIDEO
    name: str = IMAGE_TO_VIDEO.name
    description: str = IMAGE_TO_VIDEO.description
    args_schema: ArgsSchema | None = ImageToVideoArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
