"""nscale: OpenAI-style image generation, base64 in the answer."""

from __future__ import annotations

from typing import Any

from ._common import b64_image, text_prompt
from ._types import Adapter, Context, Send

__all__ = ["ADAPTERS"]


def _t2i(args: Any, ctx: Context) -> Send:
    body = text_prompt(args)
    # nscale takes the size as "WxH" and refuses settings it does not know.
    width, height = body.pop("width", None), body.pop("height", None)
    for unknown in ("num_inference_steps", "guidance_scale"):
        body.pop(unknown, None)
    if width and height:
        body["size"] = f"{width}x{height}"
    body.update(model=ctx.provider_id, response_format="b64_json")
    return Send("/v1/images/generations", json=body)


ADAPTERS: dict[str, Adapter] = {"text_to_image": Adapter(_t2i, b64_image)}
