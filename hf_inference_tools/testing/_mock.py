"""`HfInferenceMock`: an offline stand-in for the HF Inference API, built on respx."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn, Self

import httpx
import respx

from .._config import DEFAULT_BASE_URL, DEFAULT_HUB_URL, DEFAULT_ROUTER_URL
from .._http.transport import TASK_EXTENSION
from ..tasks import DEFAULT_MODELS
from ._providers import HubStandIn
from ._samples import SAMPLES
from ._shapes import shaped_answer
from ._streams import sse_body, wants_stream

__all__ = ["HfInferenceMock", "RecordedCall", "UnansweredCallError"]

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


# Tasks that hf-inference does not serve: their default models come from a provider's queue.
_DEFAULT_PROVIDERS = {
    "text_to_video": {"fal-ai": "fal-ai/wan/v2.2-a14b/text-to-video"},
    "image_to_video": {"fal-ai": "fal-ai/wan/v2.2-a14b/image-to-video"},
}


class UnansweredCallError(AssertionError):
    """A call the stand-in cannot answer: the call raises it, and the test fails.

    An AssertionError, so neither the tools (which turn API errors into messages for the LLM) nor
    the agent swallow it; the `hf_inference_mock` fixture also fails the test at teardown if the
    code under test caught it anyway.
    """


@dataclass(frozen=True)
class RecordedCall:
    """One request the mock saw: which task and model it was for, the request, and the outcome."""

    task: str | None
    """The task the call was answered as (None: the mock could not tell)."""
    model: str
    request: httpx.Request
    status: int | None = None
    """The status the mock answered with; None when it could not answer (see `refused`)."""
    refused: str | None = None
    """Why the mock could not answer the call (the test fails with this message)."""

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

    Every call from this package's clients says which task it is for, so any model is
    answered with that task's answer: `HfInferenceToolkit(models={...})` needs no setup. Calls to
    a dedicated endpoint are answered once its URL is registered (`endpoints=` or
    `add_endpoint`). A call the mock cannot answer raises `UnansweredCallError` (the test fails)
    and is recorded too.

    Args:
        base_url: The API root the client talks to (the default serverless one, unless changed).
        models: Model id -> task name, for requests that do not come from this package's
            clients (raw httpx calls); this package's calls name their task themselves.
        endpoints: Endpoint URL -> task name, for clients built with `endpoint_url=`.
        router_url: The Inference Providers router (`HfInference(router_url=...)`).
        hub_url: The Hub that provider mappings are looked up on (`hub_url=` / `HF_ENDPOINT`).

    The Hub's mapping lookups are answered too: every default model (and each of `models`) is
    served by hf-inference, so `provider="auto"` reaches the same stand-in; `add_model` serves
    a model by other providers, whose routed calls (fal-ai's queue included) are answered.
    """

    def __init__(
        self,
        *,
        base_url: str = DEFAULT_BASE_URL,
        models: Mapping[str, str] | None = None,
        endpoints: Mapping[str, str] | None = None,
        router_url: str = DEFAULT_ROUTER_URL,
        hub_url: str = DEFAULT_HUB_URL,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.router_url = router_url.rstrip("/")
        self.hub_url = hub_url.rstrip("/")
        self.models: dict[str, str] = {
            model: task for task, model in DEFAULT_MODELS.items() if task not in _ROUTED_ELSEWHERE
        }
        self.endpoints: dict[str, str | None] = {}
        # The Hub and Inference Providers: every default model is served by hf-inference (the
        # video ones, which it does not serve, by fal-ai's queue).
        self.hub = HubStandIn(
            record=self._record,
            answer=self._answer,
            refuse=lambda request, why: self._refuse(request, None, "", why),
        )
        for task, model in DEFAULT_MODELS.items():
            self.hub.add_model(model, task, _DEFAULT_PROVIDERS.get(task, ("hf-inference",)))
        for model, task in (models or {}).items():
            self.add_model(model, task)
        for url, endpoint_task in (endpoints or {}).items():
            self.add_endpoint(url, endpoint_task)
        self.calls: list[RecordedCall] = []
        self._overrides: dict[tuple[str, str | None], _Answer] = {}
        self._router = respx.MockRouter(assert_all_called=False, assert_all_mocked=True)
        # One route sees every request: it answers the API's, the Hub's mapping lookups and the
        # routed providers', refuses loudly the other calls this package's clients make, and
        # leaves anything else unmatched (respx then says "not mocked", or another active respx
        # router answers it).
        self._router.route().mock(side_effect=self._dispatch)

    # -- setup -----------------------------------------------------------------------------

    def add_endpoint(self, url: str, task: str | None = None) -> None:
        """Answer calls to a dedicated endpoint (a client's `endpoint_url`), as the task the
        call names (or as `task`, for requests that name none)."""
        self.endpoints[url.rstrip("/")] = _known(task) if task is not None else None

    @property
    def unanswered(self) -> list[RecordedCall]:
        """The calls the mock could not answer (each one already raised UnansweredCallError)."""
        return [c for c in self.calls if c.refused is not None]

    def check(self) -> None:
        """Raise UnansweredCallError if any call went unanswered (even one whose error the code
        under test caught)."""
        if missed := self.unanswered:
            reasons = "; ".join(dict.fromkeys(c.refused or "" for c in missed))
            raise UnansweredCallError(f"{len(missed)} call(s) went unanswered: {reasons}")

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
        _known(task)
        if model is not None and task not in _ROUTED_ELSEWHERE:
            self.models.setdefault(model, task)
        body: Any = content if content is not None else json
        kind = content_type or (
            "application/octet-stream" if content is not None else "application/json"
        )
        self._overrides[(task, model)] = _Answer(status, body, kind, dict(headers or {}))

    def add_model(
        self,
        model: str,
        task: str,
        providers: Iterable[str] | Mapping[str, str] = ("hf-inference",),
        *,
        status: str = "live",
        pipeline_tag: str | None = None,
    ) -> None:
        """Serve `model` for `task` (a tool name) by `providers`, in that order (names, or
        name -> the model's id there), as the Hub's mapping will say; a model hf-inference
        serves is also answered as `task` on requests that do not name their task.

        The Hub's model info and model search list it with `task`'s Hub id as its
        `pipeline_tag` (text-generation for the chat tools), unless `pipeline_tag` says another;
        `providers=()` lists it served by none.
        """
        self.hub.add_model(model, _known(task), providers, status=status, pipeline_tag=pipeline_tag)
        if "hf-inference" in providers:
            self.models[model] = task

    def add_missing(self, model: str, status: int = 404) -> None:
        """Make the Hub answer `status` for `model`'s lookups: 404, a model that does not exist;
        401, a private or gated one the token may not read."""
        if status not in (401, 403, 404):
            raise ValueError("status must be 401, 403 or 404.")
        self.hub.add_missing(model, status)

    def _record(self, task: str, model: str, request: httpx.Request) -> None:
        self.calls.append(RecordedCall(task, model, request, status=200))

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

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        self.stop()
        if exc_type is None:
            self.check()

    # -- answering -------------------------------------------------------------------------

    def _dispatch(self, request: httpx.Request) -> httpx.Response | None:
        url = str(request.url)
        called = request.extensions.get(TASK_EXTENSION)
        if url.startswith(self.base_url + "/models/"):
            return self._answer_model(request, called)
        if request.method == "GET" and url.startswith(self.hub_url + "/api/models/"):
            return self.hub.answer_hub(request)
        if request.method == "GET" and url.startswith(self.hub_url + "/api/models?"):
            return self.hub.answer_search(request)
        if url.startswith(self.router_url + "/"):
            root = len(httpx.URL(self.router_url).path.rstrip("/"))
            return self.hub.answer_router(request, request.url.path[root:])
        for endpoint, task in self.endpoints.items():
            if url == endpoint or url.startswith(endpoint + "/"):
                known = _route_task(request.url.path) or called or task
                if known is None:
                    why = f"the request does not name its task: add_endpoint({endpoint!r}, TASK)"
                    self._refuse(request, None, "endpoint", why)
                return self._answer(known, "endpoint", request)
        if called is None:
            return None  # not this package's call: not the mock's to answer
        return self._refuse(
            request,
            called,
            "",
            f"{url} is neither under the mock's base_url ({self.base_url}) nor a registered "
            f"endpoint; for an endpoint_url client, register it: "
            f"add_endpoint({url!r}) on the mock or the fixture",
        )

    def _answer_model(self, request: httpx.Request, called: str | None) -> httpx.Response:
        path = request.url.path[len(httpx.URL(self.base_url).path) :]
        match = _PATH.search(path)
        if match is None:
            return self._refuse(request, called, "", f"{path} is not an inference route")
        model = match["model"]
        task = _route_task(match["suffix"] or "") or called or self.models.get(model)
        if task is None:
            return self._refuse(
                request,
                None,
                model,
                f"the request does not name its task and {model} is not registered: "
                f"add_model({model!r}, TASK) on the mock or the fixture",
            )
        return self._answer(task, model, request)

    def _answer(self, task: str, model: str, request: httpx.Request) -> httpx.Response:
        names = _names(task)
        keys = [(name, m) for name in names for m in (model, None)]
        answer = next((self._overrides[k] for k in keys if k in self._overrides), None)
        if answer is None:
            sample = next(((name, SAMPLES[name]) for name in names if name in SAMPLES), None)
            if sample is None:
                return self._refuse(request, task, model, f"there is no offline answer for {task}")
            name, example = sample
            body = shaped_answer(name, request, model)
            if body is None:
                body = example.body()
            answer = _Answer(200, body, example.content_type, example.headers)
        self.calls.append(RecordedCall(task, model, request, status=answer.status))
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

    def _refuse(self, request: httpx.Request, task: str | None, model: str, why: str) -> NoReturn:
        who = " ".join(filter(None, [task, f"with model {model}" if model else ""]))
        message = (
            f"HfInferenceMock cannot answer POST {request.url}"
            + (f" ({who})" if who else "")
            + f": {why}."
        )
        self.calls.append(RecordedCall(task, model, request, refused=message))
        raise UnansweredCallError(message)


def _route_task(path: str) -> str | None:
    """The task a route names by itself (chat, completions, the two pipeline routes)."""
    return next((task for suffix, task in _ROUTE_TASKS.items() if path.endswith(suffix)), None)


def _known(task: str) -> str:
    if task not in SAMPLES and task not in DEFAULT_MODELS:
        names = ", ".join(sorted(set(SAMPLES) | set(DEFAULT_MODELS)))
        raise ValueError(f"Unknown task {task!r}: use a tool name ({names}).")
    return task


def _names(task: str | None) -> tuple[str, ...]:
    return (task, *_SPOKEN_BY.get(task, ())) if task is not None else ()
