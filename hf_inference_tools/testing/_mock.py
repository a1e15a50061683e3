"""`HfInferenceMock`: an offline stand-in for the HF Inference API, built on respx."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self

import httpx
import respx

from .._config import DEFAULT_BASE_URL
from ..tasks import DEFAULT_MODELS
from ._samples import SAMPLES
from ._streams import sse_body, wants_stream

__all__ = ["HfInferenceMock", "RecordedCall"]

# Tasks told apart by their route, not by their model (they share models with other tasks).
_ROUTE_TASKS = {
    "/pipeline/feature-extraction": "feature_extraction",
    "/pipeline/sentence-similarity": "sentence_similarity",
    "/v1/chat/completions": "chat_completion",
    "/v1/completions": "text_generation_completions",
}
# Tools that speak another task's route: their calls look the same on the wire (same URL, same
# body shape), so a call on that route counts for these names too, in `calls_for`, in `respond`
# and in the default answer (the route's own sample first, else theirs).
_SPOKEN_BY = {
    "chat_completion": ("conversational",),
    "text_generation_completions": ("text_generation",),
}
_ROUTED_ELSEWHERE = {
    "feature_extraction",
    "sentence_similarity",
    "chat_completion",
    "conversational",
}
_PATH = re.compile(r"/models/(?P<model>[^/]+/[^/]+|[^/]+)(?P<suffix>/pipeline/[a-z-]+|/v1/\S+)?$")


@dataclass(frozen=True)
class RecordedCall:
    """One request the mock answered: which task and model it was for, and the request itself."""

    task: str
    model: str
    request: httpx.Request

    def json(self) -> Any:
        """The request body as JSON (binary bodies raise ValueError)."""
        return json.loads(self.request.content)


@dataclass
class _Answer:
    status: int
    body: Any
    content_type: str
    headers: Mapping[str, str]


class HfInferenceMock:
    """Answers every HF Inference call offline, with realistic bodies, and records the calls.

    Use it as a context manager (or through the `hf_inference_mock` pytest fixture):

    ```python
    from hf_inference_tools import HfInferenceToolkit
    from hf_inference_tools.testing import HfInferenceMock

    with HfInferenceMock() as hf:
        hf.respond("text_classification", json=[[{"label": "NEGATIVE", "score": 0.91}]])
        tools = HfInferenceToolkit().get_tools()
        ...                                  # run your agent
        assert hf.calls_for("text_classification")[0].json()["inputs"] == "..."
    ```

    Args:
        base_url: The API root the client talks to (the default serverless one, unless changed).
        models: Extra model id -> task name pairs, for models other than the defaults.
        endpoints: Endpoint URL -> task name, for clients built with `endpoint_url=`.
    """

    def __init__(
        self,
        *,
        base_url: str = DEFAULT_BASE_URL,
        models: Mapping[str, str] | None = None,
        endpoints: Mapping[str, str] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.models: dict[str, str] = {
            model: task for task, model in DEFAULT_MODELS.items() if task not in _ROUTED_ELSEWHERE
        }
        self.models.update(models or {})
        self.endpoints = dict(endpoints or {})
        self.calls: list[RecordedCall] = []
        self._overrides: dict[tuple[str, str | None], _Answer] = {}
        self._router = respx.MockRouter(assert_all_called=False, assert_all_mocked=True)
        self._router.route(method="POST", url__startswith=self.base_url + "/models/").mock(
            side_effect=self._answer_model
        )
        for url, task in self.endpoints.items():
            self._router.route(method="POST", url__startswith=url.rstrip("/")).mock(
                side_effect=lambda request, task=task: self._answer(task, "endpoint", request)
            )

    # -- setup -----------------------------------------------------------------------------

    def respond(
        self,
        task: str,
        *,
        json: Any = None,
        content: bytes | None = None,
        status: int = 200,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        model: str | None = None,
    ) -> None:
        """From now on, answer `task` (for `model`, or any model) with this body and status."""
        body: Any = content if content is not None else json
        kind = content_type or (
            "application/octet-stream" if content is not None else "application/json"
        )
        self._overrides[(task, model)] = _Answer(status, body, kind, dict(headers or {}))

    def fail(
        self, task: str, status: int, error: str | list[str], *, model: str | None = None
    ) -> None:
        """From now on, answer `task` with an error status and `{"error": ...}`, as the API does."""
        self.respond(task, json={"error": error}, status=status, model=model)

    def calls_for(self, task: str) -> list[RecordedCall]:
        """The recorded calls for one task, oldest first.

        Calls are recorded under the task their route names: a `conversational` call, sent as
        chat completion, is recorded as `chat_completion` and found by either name.
        """
        return [c for c in self.calls if task in _names(c.task)]

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        self._router.start()

    def stop(self) -> None:
        self._router.stop(quiet=True)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- answering -------------------------------------------------------------------------

    def _answer_model(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path[len(httpx.URL(self.base_url).path) :]
        match = _PATH.search(path)
        if match is None:
            return _json_response(404, {"error": "Not Found"})
        model, suffix = match["model"], match["suffix"] or ""
        task = _ROUTE_TASKS.get(suffix) if suffix else self.models.get(model)
        if task is None:
            return _json_response(404, {"error": f"Model {model} does not exist"})
        return self._answer(task, model, request)

    def _answer(self, task: str, model: str, request: httpx.Request) -> httpx.Response:
        self.calls.append(RecordedCall(task, model, request))
        names = _names(task)
        keys = [(name, m) for name in names for m in (model, None)]
        answer = next((self._overrides[k] for k in keys if k in self._overrides), None)
        if answer is None:
            sample = next((SAMPLES[name] for name in names if name in SAMPLES), None)
            if sample is None:
                return _json_response(404, {"error": f"No offline answer for task {task}"})
            answer = _Answer(200, sample.body(), sample.content_type, sample.headers)
        headers = {"x-request-id": f"mock-{len(self.calls)}", **answer.headers}
        if answer.status < 300 and wants_stream(request.content):
            events = sse_body(task, answer.body)
            if events is not None:
                headers["content-type"] = "text/event-stream"
                return httpx.Response(answer.status, content=events, headers=headers)
        if isinstance(answer.body, bytes):
            headers["content-type"] = answer.content_type
            return httpx.Response(answer.status, content=answer.body, headers=headers)
        if isinstance(answer.body, str) and "json" not in answer.content_type:
            headers["content-type"] = answer.content_type
            return httpx.Response(answer.status, text=answer.body, headers=headers)
        return httpx.Response(answer.status, json=answer.body, headers=headers)


def _names(task: str) -> tuple[str, ...]:
    return (task, *_SPOKEN_BY.get(task, ()))


def _json_response(status: int, body: Any) -> httpx.Response:
    return httpx.Response(status, json=body, headers={"x-request-id": "mock-404"})
