"""zai-org: image generation as an async task, polled at `/api/paas/v4/async-result/{id}`."""

from __future__ import annotations

from typing import Any

from .._http.transport import ApiResponse
from ._types import Adapter, Context, Download, Job, JobState, Outcome, Send, provider_text
from .chat import HEADERS

__all__ = ["ADAPTERS"]


def _t2i(args: Any, ctx: Context) -> Send:
    body: dict[str, Any] = {"model": ctx.provider_id, "prompt": args.inputs}
    p = args.parameters
    if p is not None and p.width and p.height:
        body["size"] = f"{p.width}x{p.height}"
    return Send("/api/paas/v4/async/images/generations", json=body, headers=HEADERS["zai-org"])


def _state(poll: ApiResponse) -> JobState:
    body = poll.json()
    raw = str(body.get("task_status", ""))
    if raw == "SUCCESS":
        return JobState("done", raw, next=Download(body["image_result"][0]["url"], "image"))
    if raw == "FAIL":
        return JobState("failed", raw, error=provider_text(body))
    return JobState("running", raw)


def _job(response: ApiResponse, ctx: Context) -> Outcome:
    body = response.json()
    job_id = str(body["id"])
    return Job(job_id, f"/api/paas/v4/async-result/{job_id}", _state, str(body.get("task_status")))


ADAPTERS: dict[str, Adapter] = {"text_to_image": Adapter(_t2i, _job)}
