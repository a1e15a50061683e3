"""The stand-in's Hub and Inference Providers side: mapping lookups, routed providers, jobs.

`HubStandIn` keeps which models exist and which providers serve them (every default model is
served by hf-inference, as the defaults were chosen for it), answers
`GET {hub}/api/models/{model}?expand[]=inferenceProviderMapping` (and `expand[]=pipeline_tag`)
and the model search `GET {hub}/api/models?pipeline_tag=...&inference_provider=...` with the
Hub's shapes (a mapping keyed by provider in model info, a list naming each provider in the
search), answers 404 (or 401) for models registered as missing (or private), and
answers routed provider calls offline with realistic bodies: the router's own chat endpoint,
OpenAI-style chat / completions / embeddings on every chat provider, fal-ai's queue (a job that
moves up the queue, runs, then is done, one step per status poll, `fal_queue` / `fal_running`;
its cancel endpoint answered and recorded), replicate predictions, together images and speech. Media
results come as `data:` URIs, so nothing is downloaded.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn

import httpx

from ._samples import SAMPLES, data_uri, mp4_bytes, png_bytes, wav_bytes

__all__ = ["HubStandIn"]

# The Hub task a tool's model is mapped for (chat models: "conversational").
_HUB_TASK_OVERRIDES = {
    "chat_completion": "conversational",
    "text_generation_completions": "text-generation",
    "question_answer": "question-answering",
    "table_question_answer": "table-question-answering",
}


def hub_task(task: str) -> str:
    """The Hub task id of one of our task names (`text_to_image` -> `text-to-image`)."""
    return _HUB_TASK_OVERRIDES.get(task, task.replace("_", "-"))


# A chat model's pipeline tag is text-generation; its mapping says "conversational".
_PIPELINE_TAGS = {"chat_completion": "text-generation", "conversational": "text-generation"}


@dataclass
class _Mapping:
    task: str
    providers: dict[str, tuple[str, str]] = field(default_factory=dict)
    """provider -> (provider id, status)."""
    pipeline_tag: str | None = None
    """The model's Hub task, when not the one `task` implies."""

    def tag(self) -> str:
        return self.pipeline_tag or _PIPELINE_TAGS.get(self.task, hub_task(self.task))


@dataclass
class HubStandIn:
    """Models, their provider mappings, and the answers of routed providers."""

    record: Callable[[str, str, httpx.Request], None]
    answer: Callable[[str, str, httpx.Request], httpx.Response]
    """The serverless stand-in's answer (overrides, samples, streams) for a task and model."""
    refuse: Callable[[httpx.Request, str], NoReturn]
    """Fails the test loudly (UnansweredCallError) for a call the stand-in cannot answer."""
    models: dict[str, _Mapping] = field(default_factory=dict)
    missing: dict[str, int] = field(default_factory=dict)
    """Models the Hub does not show: model -> 404 (missing) or 401 (private)."""
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    fal_queue: int = 2
    """Where a new fal job stands in the queue: it moves up one place per status poll."""
    fal_running: int = 2
    """Status polls a fal job is IN_PROGRESS for, once out of the queue, before COMPLETED (the
    poller waits 0.5 s and more between polls: a job takes a few seconds of a real client)."""
    _polls: OrderedDict[str, _FalJob] = field(default_factory=OrderedDict)

    def add_model(
        self,
        model: str,
        task: str,
        providers: Iterable[str] | Mapping[str, str] = ("hf-inference",),
        *,
        status: str = "live",
        pipeline_tag: str | None = None,
    ) -> None:
        """Serve `model` for `task` (a tool name) by `providers` (names, or name -> its id)."""
        named = providers if isinstance(providers, Mapping) else {p: model for p in providers}
        entry = self.models.setdefault(model, _Mapping(task))
        entry.task = task
        entry.providers = {p: (pid, status) for p, pid in named.items()}
        entry.pipeline_tag = pipeline_tag
        self.missing.pop(model, None)

    def add_missing(self, model: str, status: int = 404) -> None:
        """Make the Hub answer `status` for `model`: 404 (no such model) or 401 (private)."""
        self.models.pop(model, None)
        self.missing[model] = status

    # -- the Hub -------------------------------------------------------------------------------

    def answer_hub(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        model = path.split("/api/models/", 1)[1].strip("/")
        if (refused := self.missing.get(model)) is not None:
            # The Hub's own words: a private repo looks the same as a missing one.
            return _error(refused, "Repository not found")
        expand = request.url.params.get_list("expand[]")
        entry = self.models.get(model)
        body: dict[str, Any] = {"_id": _object_id(model), "id": model}
        if entry is None:
            # A model nobody registered is served by hf-inference, which runs any model's own
            # pipeline: calls name their task, so any model works with no setup.
            mapping = {"hf-inference": {"status": "live", "providerId": model, "task": ""}}
            return httpx.Response(200, json={**body, "inferenceProviderMapping": mapping})
        if "pipeline_tag" in expand:
            body["pipeline_tag"] = entry.tag()
        mapping = {
            provider: {"status": status, "providerId": pid, "task": hub_task(entry.task)}
            for provider, (pid, status) in entry.providers.items()
        }
        return httpx.Response(200, json={**body, "inferenceProviderMapping": mapping})

    def answer_search(self, request: httpx.Request) -> httpx.Response:
        """`GET {hub}/api/models?pipeline_tag=...&inference_provider=...&limit=N`, in the order
        the models were registered; the mapping as a list naming each provider."""
        params = request.url.params
        tag = params.get("pipeline_tag")
        provider = params.get("inference_provider")
        try:
            limit = int(params.get("limit", "1000"))
        except ValueError:
            return _error(400, "limit must be an integer")
        found: list[dict[str, Any]] = []
        for model, entry in self.models.items():
            if len(found) >= limit:
                break
            if tag and entry.tag() != tag:
                continue
            if provider and provider != "all" and provider not in entry.providers:
                continue
            if not entry.providers:
                continue
            mapping = [
                {"provider": p, "providerId": pid, "status": status, "task": hub_task(entry.task)}
                for p, (pid, status) in entry.providers.items()
            ]
            found.append(
                {
                    "_id": _object_id(model),
                    "id": model,
                    "pipeline_tag": entry.tag(),
                    "inferenceProviderMapping": mapping,
                }
            )
        return httpx.Response(200, json=found)

    # -- routed providers ----------------------------------------------------------------------

    def _served(self, provider: str, provider_id: str) -> tuple[str, str] | None:
        for model, entry in self.models.items():
            served = entry.providers.get(provider)
            if served is not None and served[0] == provider_id:
                return model, entry.task
        return None

    def answer_router(self, request: httpx.Request, router_path: str) -> httpx.Response:
        """A call under the router (`router_path` is the URL's path below the router root)."""
        if router_path == "/v1/chat/completions":
            body = json.loads(request.content)
            return self.answer("chat_completion", str(body.get("model", "")), request)
        provider, _, rest = router_path.lstrip("/").partition("/")
        rest = "/" + rest
        if rest.endswith(("/chat/completions", "/completions", "/embeddings")):
            return self._openai(provider, rest, request)
        handler = _PROVIDERS.get(provider)
        if handler is None:
            self.refuse(request, f"the stand-in does not model provider {provider!r}'s API")
        return handler(self, provider, rest, request)

    def _openai(self, provider: str, rest: str, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        served = self._served(provider, str(body.get("model")))
        model = served[0] if served else str(body.get("model"))
        if rest.endswith("/chat/completions"):
            return self.answer("chat_completion", model, request)
        if rest.endswith("/embeddings"):
            self.record("feature_extraction", model, request)
            texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
            vector = SAMPLES["feature_extraction"].body()
            data = [
                {"object": "embedding", "index": i, "embedding": vector} for i in range(len(texts))
            ]
            return httpx.Response(200, json={"object": "list", "data": data, "model": model})
        return self.answer("text_generation_completions", model, request)

    def _fal(self, provider: str, rest: str, request: httpx.Request) -> httpx.Response:
        if request.method in ("GET", "PUT"):
            return self._fal_queue_get(rest, request)
        provider_id = rest.lstrip("/")
        served = self._served(provider, provider_id)
        if served is None:
            return _error(404, f"Model not supported by provider fal-ai: {provider_id}")
        model, task = served
        self.record(task, model, request)
        if task == "automatic_speech_recognition":
            return httpx.Response(200, json={"text": SAMPLES[task].body()["text"]})
        if task == "text_to_speech":
            return httpx.Response(200, json={"audio": {"url": data_uri(wav_bytes(), "audio/wav")}})
        request_id = f"offline-{next(self._ids)}"
        self._polls[request_id] = _FalJob(model, task, self.fal_queue, self.fal_running)
        while len(self._polls) > _MAX_JOBS:  # a long-running stand-in keeps the newest only
            self._polls.popitem(last=False)
        response_url = f"https://queue.fal.run/{provider_id}/requests/{request_id}"
        return httpx.Response(
            200,
            json={
                "request_id": request_id,
                **self._polls[request_id].state(),
                "response_url": response_url,
                "status_url": response_url + "/status",
                "cancel_url": response_url + "/cancel",
            },
        )

    def _fal_queue_get(self, rest: str, request: httpx.Request) -> httpx.Response:
        path, _, tail = rest.partition("/requests/")
        request_id, _, status = tail.partition("/")
        job = self._polls.get(request_id)
        if job is None:
            return _error(404, f"Request {request_id} not found")
        if request.method == "PUT" and status == "cancel":
            self.record(job.task, job.model, request)
            if job.done:
                return httpx.Response(400, json={"status": "ALREADY_COMPLETED"})
            job.cancelled = True
            return httpx.Response(202, json={"status": "CANCELLATION_REQUESTED"})
        if status == "status":
            job.step()
            return httpx.Response(200, json={**job.state(), "request_id": request_id})
        served = self._served("fal-ai", path.lstrip("/"))
        task = served[1] if served else "text_to_image"
        return httpx.Response(200, json=_fal_result(task))

    def _replicate(self, provider: str, rest: str, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        provider_id = rest.removeprefix("/v1/models/").removesuffix("/predictions")
        served = self._served(provider, provider_id)
        if served is None:
            return _error(404, f"Model {provider_id} not found on replicate")
        model, task = served
        self.record(task, model, request)
        output: Any = {
            "text_to_image": data_uri(png_bytes(64, 48), "image/png"),
            "image_to_image": data_uri(png_bytes(64, 48), "image/png"),
            "text_to_video": data_uri(mp4_bytes(), "video/mp4"),
            "text_to_speech": data_uri(wav_bytes(), "audio/wav"),
            "automatic_speech_recognition": {"transcription": "a man said to the universe"},
        }.get(task)
        return httpx.Response(
            201,
            json={
                "id": "offline-prediction",
                "status": "succeeded",
                "input": body.get("input"),
                "output": output,
                "error": None,
                "urls": {
                    "get": "https://api.replicate.com/v1/predictions/offline-prediction",
                    "cancel": "https://api.replicate.com/v1/predictions/offline-prediction/cancel",
                },
            },
        )

    def _together(self, provider: str, rest: str, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        served = self._served(provider, str(body.get("model")))
        if served is None:
            return _error(404, f"Unable to access model {body.get('model')}")
        model, task = served
        if rest not in ("/v1/images/generations", "/v1/audio/speech"):
            self.refuse(request, f"the stand-in does not model together's {rest}")
        self.record(task, model, request)
        if rest == "/v1/images/generations":
            encoded = base64.b64encode(png_bytes(64, 48)).decode("ascii")
            return httpx.Response(200, json={"data": [{"index": 0, "b64_json": encoded}]})
        return httpx.Response(200, content=wav_bytes(), headers={"content-type": "audio/wav"})


_MAX_JOBS = 256


@dataclass
class _FalJob:
    """One job in the stand-in's fal queue: it moves one step per status poll."""

    model: str
    task: str
    queue_position: int
    running: int
    cancelled: bool = False

    @property
    def done(self) -> bool:
        return self.queue_position < 0 and self.running <= 0

    def step(self) -> None:
        if self.queue_position >= 0:
            self.queue_position -= 1
        elif self.running > 0:
            self.running -= 1

    def state(self) -> dict[str, Any]:
        if self.cancelled:
            return {"status": "CANCELLED"}
        if self.queue_position >= 0:
            return {"status": "IN_QUEUE", "queue_position": self.queue_position}
        return {"status": "IN_PROGRESS" if self.running > 0 else "COMPLETED"}


def _fal_result(task: str) -> dict[str, Any]:
    if task in ("text_to_video", "image_to_video"):
        return {"video": {"url": data_uri(mp4_bytes(), "video/mp4")}}
    if task == "image_segmentation":
        return {"image": {"url": data_uri(png_bytes(), "image/png")}}
    image = {"url": data_uri(png_bytes(64, 48), "image/png"), "width": 64, "height": 48}
    return {"images": [image], "seed": 42, "has_nsfw_concepts": [False]}


def _object_id(model: str) -> str:
    """A stable stand-in for the Hub's 24-hex-digit `_id`."""
    return hashlib.sha256(model.encode()).hexdigest()[:24]


def _error(status: int, message: str) -> httpx.Response:
    return httpx.Response(status, json={"error": message})


_PROVIDERS: dict[str, Callable[[HubStandIn, str, str, httpx.Request], httpx.Response]] = {
    "fal-ai": HubStandIn._fal,
    "replicate": HubStandIn._replicate,
    "together": HubStandIn._together,
}
