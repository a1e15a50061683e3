"""novita: video through its async task API, polled at `/v3/async/task-result?task_id=`."""

from __future__ import annotations

from typing import Any

from .._http.transport import ApiResponse
from ._common import text_prompt
from ._types import Adapter, Context, Download, Job, JobState, JobStatus, Outcome, Send

__all__ = ["ADAPTERS"]

_STATUSES: dict[str, JobStatus] = {
    "TASK_STATUS_QUEUED": "queued",
    "TASK_STATUS_PROCESSING": "running",
    "TASK_STATUS_SUCCEED": "done",
    "TASK_STATUS_FAILED": "failed",
}


def _t2v(args: Any, ctx: Context) -> Send:
    body = text_prompt(args)
    if (steps := body.pop("num_inference_steps", None)) is not None:
        body["steps"] = steps
    return Send(f"/v3/async/{ctx.provider_id}", json=body)


def _state(poll: ApiResponse) -> JobState:
    body = poll.json()
    task = body.get("task") or {}
    raw = str(task.get("status", ""))
    status = _STATUSES.get(raw, "running")
    if status == "done":
        return JobState(status, raw, next=Download(body["videos"][0]["video_url"], "video"))
    reason = task.get("reason") if status == "failed" else None
    return JobState(status, raw, error=str(reason) if reason else None)


def _job(response: ApiResponse, ctx: Context) -> Outcome:
    task_id = str(response.json()["task_id"])
    return Job(task_id, f"/v3/async/task-result?task_id={task_id}", _state)


ADAPTERS: dict[str, Adapter] = {"text_to_video": Adapter(_t2v, _job)}
