"""wavespeed: every task is a job (`data.urls.get`), its media at `data.outputs[0]`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._http.transport import ApiResponse
from .._media import MediaKind
from ._common import image_prompt, text_prompt
from ._types import Adapter, Context, Download, Job, JobState, JobStatus, Outcome, Send, data_uri

__all__ = ["ADAPTERS"]

_STATUSES: dict[str, JobStatus] = {
    "created": "queued",
    "processing": "running",
    "completed": "done",
    "failed": "failed",
}


def _state(kind: MediaKind) -> Callable[[ApiResponse], JobState]:
    def read(poll: ApiResponse) -> JobState:
        data = poll.json()["data"]
        raw = str(data.get("status", ""))
        status = _STATUSES.get(raw, "running")
        if status == "done":
            return JobState(status, raw, next=Download(data["outputs"][0], kind))
        error = data.get("error") if status == "failed" else None
        return JobState(status, raw, error=str(error) if error else None)

    return read


def _job(kind: MediaKind) -> Callable[[ApiResponse, Context], Outcome]:
    def parse(response: ApiResponse, ctx: Context) -> Outcome:
        data = response.json()["data"]
        raw = str(data.get("status", ""))
        state: JobStatus = "running" if _STATUSES.get(raw) == "running" else "queued"
        return Job(str(data["id"]), data["urls"]["get"], _state(kind), raw, state=state)

    return parse


def _with_image(args: Any, ctx: Context) -> Send:
    return Send(
        f"/api/v3/{ctx.provider_id}", json={"image": data_uri(ctx.media), **image_prompt(args)}
    )


def _prompted(args: Any, ctx: Context) -> Send:
    return Send(f"/api/v3/{ctx.provider_id}", json=text_prompt(args))


ADAPTERS: dict[str, Adapter] = {
    "text_to_image": Adapter(_prompted, _job("image")),
    "image_to_image": Adapter(_with_image, _job("image")),
    "text_to_video": Adapter(_prompted, _job("video")),
    "image_to_video": Adapter(_with_image, _job("video")),
}
