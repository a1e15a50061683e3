"""together: OpenAI-style images and speech, and video jobs polled at `/v2/videos/{id}`."""

from __future__ import annotations

from typing import Any

from .._http.transport import ApiResponse
from ..tasks._spec import drop_none
from ._common import b64_image, image_prompt, media_bytes, params, text_prompt
from ._types import (
    Adapter,
    Context,
    Done,
    Download,
    Job,
    JobState,
    JobStatus,
    Outcome,
    Send,
    data_uri,
    provider_text,
)

__all__ = ["ADAPTERS"]

_STATUSES: dict[str, JobStatus] = {
    "queued": "queued",
    "in_progress": "running",
    "completed": "done",
    "failed": "failed",
    "cancelled": "cancelled",
}


def _steps(body: dict[str, Any]) -> dict[str, Any]:
    if (steps := body.pop("num_inference_steps", None)) is not None:
        body["steps"] = steps
    return body


def _t2i(args: Any, ctx: Context) -> Send:
    body = {**_steps(text_prompt(args)), "model": ctx.provider_id, "response_format": "base64"}
    return Send("/v1/images/generations", json=body)


def _i2i(args: Any, ctx: Context) -> Send:
    body: dict[str, Any] = {"prompt": "", **_steps(image_prompt(args))}
    body.update(model=ctx.provider_id, response_format="base64")
    pid = ctx.provider_id.lower()
    if "kontext" in pid and "flux.1" in pid:
        body["image_url"] = data_uri(ctx.media)
    else:
        body["reference_images"] = [data_uri(ctx.media)]
    return Send("/v1/images/generations", json=body)


def _tts(args: Any, ctx: Context) -> Send:
    body: dict[str, Any] = {"input": args.inputs, "model": ctx.provider_id, **params(args)}
    if "kokoro" in ctx.provider_id.lower():
        body.setdefault("voice", "af_alloy")  # together requires a voice; Kokoro's default
    return Send("/v1/audio/speech", json=body)


def _speech(response: ApiResponse, ctx: Context) -> Outcome:
    return Done(media_bytes(response, "audio"))


def _video_state(poll: ApiResponse) -> JobState:
    body = poll.json()
    raw = str(body.get("status", ""))
    status = _STATUSES.get(raw, "running")
    if status == "done":
        return JobState(status, raw, next=Download(body["outputs"]["video_url"], "video"))
    error = provider_text(body) if status in ("failed", "cancelled") else None
    return JobState(status, raw, error=error)


def _video_job(response: ApiResponse, ctx: Context) -> Outcome:
    body = response.json()
    job_id = str(body["id"])
    raw = str(body.get("status", "queued"))
    state: JobStatus = "running" if _STATUSES.get(raw) == "running" else "queued"
    return Job(job_id, f"/v2/videos/{job_id}", _video_state, raw, state=state)


def _t2v(args: Any, ctx: Context) -> Send:
    return Send("/v2/videos", json={**_steps(text_prompt(args)), "model": ctx.provider_id})


def _i2v(args: Any, ctx: Context) -> Send:
    frames = [{"input_image": data_uri(ctx.media), "frame": "first"}]
    body = {**_steps(image_prompt(args)), "model": ctx.provider_id, "frame_images": frames}
    return Send("/v2/videos", json=drop_none(body))


ADAPTERS: dict[str, Adapter] = {
    "text_to_image": Adapter(_t2i, b64_image),
    "image_to_image": Adapter(_i2i, b64_image),
    "text_to_speech": Adapter(_tts, _speech),
    "text_to_video": Adapter(_t2v, _video_job),
    "image_to_video": Adapter(_i2v, _video_job),
}
