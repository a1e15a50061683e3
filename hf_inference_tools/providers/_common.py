"""Request pieces several providers share: OpenAI-style bodies, prompts, sizes, media results."""

from __future__ import annotations

import base64
from typing import Any

from .._http.transport import ApiResponse
from ..tasks import TASKS
from ..tasks._spec import BuildContext, drop_none
from ._types import Adapter, Context, Done, Download, Outcome, Send

__all__ = [
    "b64_image",
    "embeddings",
    "image_prompt",
    "media_bytes",
    "openai_task",
    "params",
    "text_prompt",
]


def params(args: Any) -> dict[str, Any]:
    """The call's `parameters`, as a plain dict without nulls."""
    parameters = getattr(args, "parameters", None)
    return parameters.model_dump(exclude_none=True) if parameters is not None else {}


def text_prompt(args: Any) -> dict[str, Any]:
    """`{"prompt", "negative_prompt"?, ...parameters}` of a text-to-image or -video call."""
    body: dict[str, Any] = {"prompt": args.inputs, **params(args)}
    if getattr(args, "negative_prompt", None):
        body["negative_prompt"] = args.negative_prompt
    return drop_none(body)  # type: ignore[no-any-return]


def image_prompt(args: Any) -> dict[str, Any]:
    """An image-to-image or image-to-video call's settings, `target_size` flattened."""
    body = params(args)
    if size := body.pop("target_size", None):
        body.update(size)
    return body


def openai_task(task: str, path: str, **headers: str) -> Adapter:
    """A task whose wire format is the OpenAI one (chat, completions): the task's own body,
    with the provider's model id, at the provider's route; its own parser. (The task's module
    is imported at the first call, not with the table.)"""

    def build(args: Any, ctx: Context) -> Send:
        context = BuildContext(model=ctx.provider_id, completions_api=True)
        request = TASKS[task].build(args, context)
        return Send(path, json=request.json, headers=headers)

    def parse(response: ApiResponse, ctx: Context) -> Outcome:
        return Done(TASKS[task].parse(response))

    return Adapter(build, parse)


def _embeddings_build(path: str) -> Any:
    def build(args: Any, ctx: Context) -> Send:
        return Send(path, json={"input": args.inputs, "model": ctx.provider_id})

    return build


def _embeddings_parse(response: ApiResponse, ctx: Context) -> Outcome:
    data = response.json()["data"]
    vectors = [item["embedding"] for item in sorted(data, key=lambda d: d.get("index", 0))]
    if not vectors or not all(isinstance(v, list) for v in vectors):
        raise ValueError("expected data[].embedding vectors")
    return Done(vectors)


def _one_vector_per_text(value: Any, args: Any) -> Any:
    # One text gives one vector, as hf-inference gives for one text; a list gives a list.
    return value[0] if isinstance(args.inputs, str) else value


def embeddings(path: str) -> Adapter:
    """OpenAI-style embeddings: `{"input", "model"}` -> `data[].embedding`."""
    return Adapter(_embeddings_build(path), _embeddings_parse, finish=_one_vector_per_text)


def b64_image(response: ApiResponse, ctx: Context) -> Outcome:
    """`{"data": [{"b64_json": ...}]}` (or a `url` there) -> the image."""
    item = response.json()["data"][0]
    if isinstance(item.get("b64_json"), str):
        return Done(base64.b64decode(item["b64_json"]))
    if isinstance(item.get("url"), str):
        return Download(item["url"], "image")
    raise ValueError("expected data[0].b64_json or data[0].url")


def media_bytes(response: ApiResponse, kind: str) -> bytes:
    """Raw media bytes; ValueError for JSON or an empty body."""
    if "json" in response.content_type or not response.content:
        raise ValueError(f"expected {kind} bytes")
    return response.content
