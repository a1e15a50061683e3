"""replicate: predictions, answered at once with `Prefer: wait`, else polled at `urls.get`.

A prediction still `starting` / `processing` when the wait ends has `output: null`: it is a
job, not a failure (the reference clients report it as a timeout). Routed, `urls.get` is
requested as its path under `{router}/replicate`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._http.transport import ApiResponse
from .._media import MediaKind
from ._common import image_prompt, params, text_prompt
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
    first,
    provider_text,
)

__all__ = ["ADAPTERS"]

_STATUSES: dict[str, JobStatus] = {
    "starting": "queued",
    "processing": "running",
    "succeeded": "done",
    "failed": "failed",
    "canceled": "cancelled",
    "aborted": "cancelled",
}


def _prediction(inputs: dict[str, Any], ctx: Context) -> Send:
    # The POST is held open while the prediction runs: 50 s, under replicate's cap (60 s) and
    # the default per-attempt timeout (60 s); a longer prediction is then polled at urls.get.
    headers = {"Prefer": "wait=50"}
    if ":" in ctx.provider_id:
        version = ctx.provider_id.split(":", 1)[1]
        return Send("/v1/predictions", json={"version": version, "input": inputs}, headers=headers)
    return Send(
        f"/v1/models/{ctx.provider_id}/predictions", json={"input": inputs}, headers=headers
    )


def _media(kind: MediaKind) -> Callable[[Any], Outcome]:
    def result(output: Any) -> Outcome:
        url = first(output)
        if not isinstance(url, str):
            raise ValueError("expected an output URL")
        return Download(url, kind)

    return result


def _transcript(output: Any) -> Outcome:
    from ..tasks import AutomaticSpeechRecognitionReturnValue  # the task's module: at first call

    if isinstance(output, dict):
        for key in ("transcription", "translation", "text"):
            if isinstance(output.get(key), str):
                return Done(AutomaticSpeechRecognitionReturnValue(text=output[key]))
        raise ValueError("expected output.transcription")
    if isinstance(output, list):
        output = "".join(str(part) for part in output)
    if not isinstance(output, str):
        raise ValueError("expected a transcription")
    return Done(AutomaticSpeechRecognitionReturnValue(text=output))


def _state(body: Any, result: Callable[[Any], Outcome]) -> JobState:
    raw = str(body.get("status", ""))
    status = _STATUSES.get(raw, "running")
    if status == "done":
        return JobState(status, raw, next=result(body.get("output")))
    error = provider_text(body) if status in ("failed", "cancelled") else None
    return JobState(status, raw, error=error)


def _predicted(result: Callable[[Any], Outcome]) -> Callable[[ApiResponse, Context], Outcome]:
    def parse(response: ApiResponse, ctx: Context) -> Outcome:
        body = response.json()
        state = _state(body, result)
        if state.status == "done" and state.next is not None:
            return state.next
        get = (body.get("urls") or {}).get("get")
        if not isinstance(get, str):
            raise ValueError("expected urls.get for an unfinished prediction")
        cancel = (body.get("urls") or {}).get("cancel")
        job = Job(
            str(body.get("id", "")),
            get,
            lambda poll: _state(poll.json(), result),
            state.raw_status,
            state=state.status,
            cancel_url=cancel if isinstance(cancel, str) else None,
        )
        if state.status in ("failed", "cancelled"):
            # Already over: the poller reports it as it would a later failure.
            return Job(job.id, get, lambda poll: state, state.raw_status, state=state.status)
        return job

    return parse


def _t2i(args: Any, ctx: Context) -> Send:
    inputs = text_prompt(args)
    if ctx.adapter_weights:
        inputs["lora_weights"] = f"https://huggingface.co/{ctx.hf_model}"
    return _prediction(inputs, ctx)


def _i2i(args: Any, ctx: Context) -> Send:
    image = data_uri(ctx.media)
    # Models name their input image differently; each reads the field it knows.
    images = {"image": image, "images": [image], "input_image": image, "input_images": [image]}
    return _prediction({**image_prompt(args), **images}, ctx)


def _tts(args: Any, ctx: Context) -> Send:
    return _prediction({"text": args.inputs, **params(args)}, ctx)


ADAPTERS: dict[str, Adapter] = {
    "text_to_image": Adapter(_t2i, _predicted(_media("image"))),
    "image_to_image": Adapter(_i2i, _predicted(_media("image"))),
    "text_to_video": Adapter(
        lambda args, ctx: _prediction(text_prompt(args), ctx), _predicted(_media("video"))
    ),
    "automatic_speech_recognition": Adapter(
        lambda args, ctx: _prediction({"audio": data_uri(ctx.media)}, ctx),
        _predicted(_transcript),
    ),
    "text_to_speech": Adapter(_tts, _predicted(_media("audio"))),
}
