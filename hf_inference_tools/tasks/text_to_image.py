"""text-to-image: an image generated from a prompt, returned as bytes."""

import base64
from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, Parameters, TaskSpec, is_json, json_request


class TextToImageParameters(Parameters):
    width: int | None = Field(
        default=None, ge=64, le=2048, description="Image width in pixels, e.g. 512."
    )
    height: int | None = Field(
        default=None, ge=64, le=2048, description="Image height in pixels, e.g. 512."
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
    seed: int | None = Field(
        default=None, ge=0, description="Random seed, for a reproducible image."
    )


class TextToImageArgs(Input):
    inputs: str = Field(
        description="What to draw, in words, e.g. 'a watercolor fox in a snowy forest'."
    )
    negative_prompt: str | None = Field(
        default=None,
        description="What the image must not show, e.g. 'text, watermark'. Null: nothing.",
    )
    parameters: TextToImageParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


def _parse(response: ApiResponse) -> bytes:
    if is_json(response):
        # Some deployments answer {"data": [{"b64_json": ...}]} instead of raw image bytes.
        body = response.json()
        encoded = body["data"][0]["b64_json"] if isinstance(body, dict) else None
        if not isinstance(encoded, str):
            raise ValueError("expected image bytes, got JSON without data[0].b64_json")
        return base64.b64decode(encoded)
    if not response.content:
        raise ValueError("expected image bytes, got an empty body")
    return response.content


TEXT_TO_IMAGE = TaskSpec(
    name="text_to_image",
    hf_task="text-to-image",
    default_model="CompVis/stable-diffusion-v1-4",
    seed_name="textToImage",
    input_model=TextToImageArgs,
    description=(
        "Generate an image from a text prompt. Returns JSON {path, mime_type, bytes, width, "
        "height}; `path` (when saving is on) can be the `data` of image tools."
    ),
    # The seed sent negative_prompt at the top level; today's API reads it from parameters.
    build=lambda args, ctx: json_request(
        args.inputs,
        args.parameters,
        extra_parameters={"negative_prompt": args.negative_prompt},
        accept="image/png",
    ),
    parse=_parse,
    media_output="image",
)


class TextToImageTool(HfInferenceTool):
    """Generate an image from a prompt; the bytes go to the artifact, never to the LLM.

    With `output_dir` set, the image is saved there under a fresh name and the content names
    its path, so the agent can hand it to an image tool next.

    Instantiate:
        ```python
        from hf_inference_tools import TextToImageTool

        tool = TextToImageTool(output_dir="./media/out", media_root="./media")
        ```

    Invoke:
        ```python
        msg = tool.invoke({"type": "tool_call", "id": "1", "name": "text_to_image",
                           "args": {"inputs": "a red fox"}})
        msg.content   # '{"path":"out/text_to_image-1a2b3c.png","mime_type":"image/png",...}'
        msg.artifact["data"]   # the PNG bytes
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TEXT_TO_IMAGE
    name: str = TEXT_TO_IMAGE.name
    description: str = TEXT_TO_IMAGE.description
    args_schema: ArgsSchema | None = TextToImageArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
