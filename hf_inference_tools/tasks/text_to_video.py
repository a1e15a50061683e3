"""text-to-video: a short video generated from a prompt, returned as bytes (MP4).

Served only by Inference Providers (fal-ai, replicate, together, novita, wavespeed): the
serverless HF Inference API has no video model. The video is saved like images, never inlined.
"""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._payloads import media_answer
from ._spec import Input, Parameters, TaskSpec, json_request


class TextToVideoParameters(Parameters):
    num_frames: int | None = Field(
        default=None, ge=1, le=1000, description="How many frames to generate, e.g. 81."
    )
    num_inference_steps: int | None = Field(
        default=None,
        ge=1,
        le=150,
        description="Denoising steps: more is slower and finer, e.g. 30.",
    )
    guidance_scale: float | None = Field(
        default=None, ge=0, le=30, description="How closely to follow the prompt, e.g. 5."
    )
    seed: int | None = Field(
        default=None, ge=0, description="Random seed, for a reproducible video."
    )


class TextToVideoArgs(Input):
    inputs: str = Field(description="What the video shows, e.g. 'a fox running in snow'.")
    negative_prompt: str | None = Field(
        default=None,
        description="What the video must not show. Null: nothing.",
    )
    parameters: TextToVideoParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


def _parse(response: ApiResponse) -> bytes:
    return media_answer(response, "video")


TEXT_TO_VIDEO = TaskSpec(
    name="text_to_video",
    hf_task="text-to-video",
    # Served only by Inference Providers (fal-ai, replicate, together, ...).
    default_model="Wan-AI/Wan2.2-T2V-A14B",
    seed_name="textToVideo",
    input_model=TextToVideoArgs,
    description=(
        "Generate a short video (MP4) from a text prompt. Slow: a minute or more. Returns JSON "
        "{path, mime_type, bytes}."
    ),
    build=lambda args, ctx: json_request(
        args.inputs, args.parameters, extra_parameters={"negative_prompt": args.negative_prompt}
    ),
    parse=_parse,
    media_output="video",
)


class TextToVideoTool(HfInferenceTool):
    """Generate a short video from a prompt; the MP4 goes to a file and the artifact, never to
    the LLM, which reads its path, type and size.

    Instantiate:
        ```python
        from hf_inference_tools import TextToVideoTool

        tool = TextToVideoTool(output_dir="./media/out", provider="fal-ai")
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TEXT_TO_VIDEO
    name: str = TEXT_TO_VIDEO.name
    description: str = TEXT_TO_VIDEO.description
    args_schema: ArgsSchema | None = TextToVideoArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
