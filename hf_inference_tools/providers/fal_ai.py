"""fal-ai: its queue for images, video and segmentation; sync calls for speech (research 2.2-2.4).

Routed, the queue is reached as `{router}/fal-ai/{model}?_subdomain=queue`; direct, at
`https://queue.fal.run`. Status and result URLs are taken from the answer's `response_url` (its
path may differ from the mapped id), with `/status` for the status.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._http.transport import ApiResponse
from ..tasks._spec import drop_none
from ._common import image_prompt, params, text_prompt
from ._types import (
    Adapter,
    Context,
    Done,
    Download,
    FetchJson,
    Job,
    JobState,
    Outcome,
    Send,
    data_uri,
    provider_text,
)

if TYPE_CHECKING:
    from ..tasks import ImageSegmentationReturnValue

__all__ = ["ADAPTERS"]

QUEUE = "https://queue.fal.run"
_STATUSES = {"IN_QUEUE": "queued", "IN_PROGRESS": "running", "COMPLETED": "done"}


def _queued(body: dict[str, Any], ctx: Context) -> Send:
    path = f"/{ctx.provider_id}" + ("?_subdomain=queue" if ctx.routed else "")
    return Send(path, json=drop_none(body), direct_base=QUEUE)


def _loras(ctx: Context) -> dict[str, Any]:
    if not ctx.adapter_weights:
        return {}
    url = f"https://huggingface.co/{ctx.hf_model}/resolve/main/{ctx.adapter_weights}"
    extra: dict[str, Any] = {"loras": [{"path": url, "scale": 1}]}
    if ctx.provider_id == "fal-ai/lora":
        extra["model_name"] = "stabilityai/stable-diffusion-xl-base-1.0"
    return extra


def _sized(body: dict[str, Any]) -> dict[str, Any]:
    width, height = body.pop("width", None), body.pop("height", None)
    if width and height:
        body["image_size"] = {"width": width, "height": height}
    return body


def _queue(result: Callable[[ApiResponse], Outcome]) -> Callable[[ApiResponse, Context], Outcome]:
    """The parser of a queue submission: a job whose status is polled, then its result read."""

    def parse(response: ApiResponse, ctx: Context) -> Outcome:
        body = response.json()
        response_url = body["response_url"]
        query = "?_subdomain=queue" if ctx.routed else ""

        def read(poll: ApiResponse) -> JobState:
            state = poll.json()
            raw = str(state.get("status", ""))
            if state.get("error"):
                return JobState("failed", raw, error=provider_text(state))
            status = _STATUSES.get(raw, "cancelled" if raw.startswith("CANCEL") else "running")
            next_step = FetchJson(response_url + query, result) if status == "done" else None
            position = state.get("queue_position")
            return JobState(
                status,  # type: ignore[arg-type]
                raw,
                next=next_step,
                queue_position=position if isinstance(position, int) else None,
            )

        raw = str(body.get("status", "IN_QUEUE"))
        position = body.get("queue_position")
        cancel = body.get("cancel_url")
        return Job(
            str(body["request_id"]),
            f"{response_url}/status{query}",
            read,
            raw,
            state="running" if raw == "IN_PROGRESS" else "queued",
            queue_position=position if isinstance(position, int) else None,
            # fal's cancel: PUT {queue}/{model}/requests/{id}/cancel (its answer names it too).
            cancel_url=(cancel if isinstance(cancel, str) else f"{response_url}/cancel") + query,
            cancel_method="PUT",
        )

    return parse


def _image(response: ApiResponse) -> Outcome:
    return Download(response.json()["images"][0]["url"], "image")


def _video(response: ApiResponse) -> Outcome:
    return Download(response.json()["video"]["url"], "video")


def _mask(data: bytes) -> list[ImageSegmentationReturnValue]:
    from ..tasks import ImageSegmentationReturnValue  # the task's module: at the first call

    mask = base64.b64encode(data).decode("ascii")
    return [ImageSegmentationReturnValue(label="mask", mask=mask, score=None)]


def _segments(response: ApiResponse) -> Outcome:
    return Download(response.json()["image"]["url"], "image", then=_mask)


# fal refuses data URIs labelled with some audio types (research 2.3); these labels it accepts.
_AUDIO_LABELS = {"audio/wav": "audio/x-wav", "audio/webm": "video/webm"}


def _asr(response: ApiResponse, ctx: Context) -> Outcome:
    text = response.json()["text"]
    if not isinstance(text, str):
        raise ValueError("expected a text transcription")
    from ..tasks import AutomaticSpeechRecognitionReturnValue  # at the first call

    return Done(AutomaticSpeechRecognitionReturnValue(text=text))


def _speech(response: ApiResponse, ctx: Context) -> Outcome:
    return Download(response.json()["audio"]["url"], "audio")


ADAPTERS: dict[str, Adapter] = {
    "text_to_image": Adapter(
        lambda args, ctx: _queued({**_sized(text_prompt(args)), **_loras(ctx)}, ctx),
        _queue(_image),
    ),
    "image_to_image": Adapter(
        lambda args, ctx: _queued(
            {
                "image_url": data_uri(ctx.media),
                "image_urls": [data_uri(ctx.media)],
                **_sized(image_prompt(args)),
            },
            ctx,
        ),
        _queue(_image),
    ),
    "text_to_video": Adapter(
        lambda args, ctx: _queued({**text_prompt(args), **_loras(ctx)}, ctx), _queue(_video)
    ),
    "image_to_video": Adapter(
        lambda args, ctx: _queued({"image_url": data_uri(ctx.media), **image_prompt(args)}, ctx),
        _queue(_video),
    ),
    "image_segmentation": Adapter(
        lambda args, ctx: _queued({"image_url": data_uri(ctx.media), "sync_mode": True}, ctx),
        _queue(_segments),
    ),
    "automatic_speech_recognition": Adapter(
        lambda args, ctx: Send(
            f"/{ctx.provider_id}",
            json={
                "audio_url": data_uri(
                    ctx.media, _AUDIO_LABELS.get(ctx.media.mime_type) if ctx.media else None
                )
            },
        ),
        _asr,
    ),
    "text_to_speech": Adapter(
        lambda args, ctx: Send(f"/{ctx.provider_id}", json={"text": args.inputs, **params(args)}),
        _speech,
    ),
}
