"""The values an adapter deals in: what it is told, what it asks to send, what it answers.

An adapter is two pure functions over these values (no I/O): `build(args, ctx)` gives a
`Send`, and `parse(response, ctx)` gives an `Outcome`: the task's result (`Done`), or a next
step the runner takes for it (download a media URL, fetch a JSON result, poll a job).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .._http.transport import ApiResponse
from .._media import Media, MediaKind

__all__ = [
    "Adapter",
    "Context",
    "Done",
    "Download",
    "FetchJson",
    "Job",
    "JobState",
    "JobStatus",
    "Outcome",
    "Send",
    "data_uri",
    "decode_data_uri",
    "first",
    "provider_text",
]

JobStatus = Literal["queued", "running", "done", "failed", "cancelled"]


@dataclass(frozen=True, slots=True)
class Context:
    """What an adapter knows besides the arguments."""

    provider: str
    provider_id: str
    """The model's id on the provider's side (the mapping's `providerId`)."""
    hf_model: str
    routed: bool
    """True through the HF router (HF token), False straight to the provider (its own key)."""
    media: Media | None = None
    adapter_weights: str | None = None
    """A LoRA mapping's weights file in the HF repo, when the mapping is one."""


@dataclass(frozen=True, slots=True)
class Send:
    """A request to the provider: `path` (and query) under its base URL, with a body."""

    path: str
    json: Any = None
    content: bytes | None = None
    content_type: str | None = None
    method: Literal["GET", "POST"] = "POST"
    headers: Mapping[str, str] = field(default_factory=dict)
    direct_base: str | None = None
    """The base URL of a direct call when it is not the provider's usual one (fal's queue)."""


@dataclass(frozen=True, slots=True)
class Done:
    """The task's result."""

    value: Any


@dataclass(frozen=True, slots=True)
class Download:
    """The result is the media at `url` (a `data:` URI is decoded, never fetched)."""

    url: str
    kind: MediaKind
    then: Callable[[bytes], Any] | None = None
    """The downloaded bytes to the result, when the result is not the bytes themselves."""


@dataclass(frozen=True, slots=True)
class FetchJson:
    """GET `url` (the provider's, or a path under its base) and read the answer with `then`."""

    url: str
    then: Callable[[ApiResponse], Outcome]


@dataclass(frozen=True, slots=True)
class JobState:
    """One observation of a job: its status, and what follows when it is done."""

    status: JobStatus
    raw_status: str
    next: Outcome | None = None
    error: str | None = None
    queue_position: int | None = None


@dataclass(frozen=True, slots=True)
class Job:
    """A job the provider runs: polled at `poll_url` until `read` says it is over."""

    id: str
    poll_url: str
    read: Callable[[ApiResponse], JobState]
    status: str = "queued"
    """The provider's own word for the job's state when submitted."""
    state: JobStatus = "queued"
    """That state in our words (a job may already be running when submitted)."""
    queue_position: int | None = None
    """Where the job stands in the provider's queue when submitted, when the provider says."""
    cancel_url: str | None = None
    """Where to ask the provider to cancel the job (the provider's URL, or a path under its
    base), when it allows it."""
    cancel_method: Literal["PUT", "POST"] = "POST"


Outcome = Done | Download | FetchJson | Job


@dataclass(frozen=True, slots=True)
class Adapter:
    """One (provider, task) pair: a pure request builder and a pure response parser."""

    build: Callable[[Any, Context], Send]
    parse: Callable[[ApiResponse, Context], Outcome]
    finish: Callable[[Any, Any], Any] | None = None
    """The final value and the call's Args to the Return, for what the answer alone does not
    tell (one text embedded gives one vector)."""


def data_uri(media: Media | None, mime_type: str | None = None) -> str:
    """`media` as a `data:` URI, the way most providers take images and audio."""
    if media is None:
        raise ValueError("This task needs media `data`.")
    encoded = base64.b64encode(media.data).decode("ascii")
    return f"data:{mime_type or media.mime_type};base64,{encoded}"


def decode_data_uri(uri: str) -> bytes:
    """The bytes of a base64 `data:` URI; ValueError when it is not one."""
    head, sep, payload = uri.partition(",")
    if not sep or not head.startswith("data:") or not head.endswith(";base64"):
        raise ValueError("expected a base64 data: URI")
    try:
        return base64.b64decode(payload, validate=True)
    except binascii.Error as exc:
        raise ValueError(f"the data: URI is not valid base64 ({exc})") from exc


def first(value: Any) -> Any:
    """The first item of a list, or the value itself (providers answer either)."""
    if isinstance(value, list):
        if not value:
            raise ValueError("expected at least one output, got an empty list")
        return value[0]
    return value


def provider_text(body: Any) -> str | None:
    """A provider's own words about a failure, wherever it put them (in-band job failures)."""
    if isinstance(body, str):
        return body or None
    if not isinstance(body, Mapping):
        return None
    for key in ("error", "detail", "message", "error_message", "reason"):
        value = body.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, Mapping):
            inner = provider_text(value)
            if inner:
                return inner
        if isinstance(value, list) and value:
            return "; ".join(json.dumps(v) if not isinstance(v, str) else v for v in value)
    return None
