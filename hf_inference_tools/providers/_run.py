"""Running one call on Inference Providers: choose, send, follow the answer, fail over.

`ProviderRouter.call` / `acall` (twins) do, for a task the client was asked for:

1. choose: auto chat goes to the router's own `/v1/chat/completions` with the HF model id; any
   other call looks the model's mapping up (cached) and picks the provider(s) (`_choose`);
2. send: the adapter's pure request, through the client's one transport (retries, error
   mapping, the token only to HF hosts: routed calls go to `{router_url}/{provider}`);
3. follow: the adapter's parsed outcome is a result, or a next step: a JSON result to fetch, a
   job to poll (`_jobs`, within `job_timeout`), or media to download through the SSRF-guarded
   media fetcher (no token, `max_output_bytes`, every hop checked, type sniffed);
4. fail over ("auto" only): on 5xx, 429 or a connection failure, the next eligible provider,
   at most `max_failovers` more; never on another 4xx.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar
from urllib.parse import urlencode

import httpx
from pydantic import SecretStr

from .._answered import answered as _answered
from .._answered import answered_by
from .._config import Options
from .._http._deadline import Deadline
from .._http.fetch import Resolver, afetch_url, fetch_url
from .._http.transport import ApiRequest, ApiResponse, CallContext, Transport
from .._media import Media, MediaPolicy, sniff_mime
from .._progress import JobProgress
from ..errors import (
    AuthenticationError,
    HfInferenceError,
    MediaError,
    ModelLoadingError,
    ModelNotFoundError,
    OutputError,
    RateLimitError,
    ServerError,
)
from ..tasks._spec import BuildContext, TaskSpec
from ._choose import check_provider_name, choose, hub_task
from ._jobs import JobClock, apoll, poll
from ._mapping import (
    MappingCache,
    MappingEntry,
    ModelInfo,
    cache_key,
    parse_mapping,
    parse_model_info,
    parse_model_list,
)
from ._table import ADAPTERS, DIRECT_BASES, HF_INFERENCE, SUPPORTED, implemented
from ._types import (
    Adapter,
    Context,
    Done,
    Download,
    FetchJson,
    Job,
    JobState,
    Outcome,
    decode_data_uri,
)

__all__ = ["AUTO", "ProviderRouter", "answered_by"]

AUTO = "auto"
MAX_SEARCH = 1000
"""The most models one Hub search may ask for."""
logger = logging.getLogger("hf_inference_tools")
T = TypeVar("T")

# Failures worth another provider: the provider is down or busy, not the call wrong.
_NO_RETRY = Options(retry_on_error=False)
CANCEL_WAIT = 5.0
"""Seconds a cancel request may take (sync: on the clients built here, whose every socket
operation keeps to the deadline) before the interrupted call gives up on it."""
_FAILOVER = (ServerError, RateLimitError, ModelLoadingError)
_CHAT_TASKS = frozenset({"chat_completion", "conversational"})
_MEDIA_FAMILIES = {"image": ("image/",), "audio": ("audio/", "video/"), "video": ("video/",)}


class ProviderRouter:
    """Routes calls to Inference Providers for an `HfInference` (one per client)."""

    def __init__(
        self,
        transport: Transport,
        token: SecretStr | None,
        *,
        provider: str,
        router_url: str,
        hub_url: str,
        job_timeout: float,
        max_output_bytes: int,
        max_failovers: int,
        serverless_by_default: bool,
    ) -> None:
        check_provider_name(provider, SUPPORTED)
        if job_timeout <= 0:
            raise ValueError("job_timeout must be a positive number of seconds.")
        if max_failovers < 0:
            raise ValueError("max_failovers must be 0 or more.")
        self._transport = transport
        self._token = token
        self.provider = provider
        self.router_url = router_url.rstrip("/")
        self.hub_url = hub_url.rstrip("/")
        self.job_timeout = job_timeout
        self.max_output_bytes = max_output_bytes
        self.max_failovers = max_failovers
        self.serverless_by_default = serverless_by_default
        self.mappings = MappingCache()
        # Seams: tests replace DNS for result URLs, and watch the poll waits.
        self.resolver: Resolver | None = None
        self.sleep: Callable[[float], None] = time.sleep
        self.asleep: Callable[[float], Awaitable[object]] = asyncio.sleep
        self.clock: Callable[[], float] = time.monotonic

    # -- which provider --------------------------------------------------------------------

    def target(self, provider: str | None) -> str | None:
        """The provider a call goes to, or None for the serverless API as configured."""
        if self._transport.endpoint_url:
            return None
        if provider is None and self.serverless_by_default:
            return None
        chosen = provider or self.provider
        check_provider_name(chosen, SUPPORTED)
        return None if chosen == HF_INFERENCE else chosen

    @property
    def _secret(self) -> str | None:
        return self._token.get_secret_value() if self._token is not None else None

    @property
    def routed(self) -> bool:
        """HF tokens go through the router; any other token is a provider's own key."""
        secret = self._secret
        return secret is None or secret.startswith("hf_")

    def _no_token(self, spec: TaskSpec[Any, Any], model: str, provider: str) -> AuthenticationError:
        return AuthenticationError(
            f"{spec.name} with model {model!r}: provider {provider!r} needs a token. Set "
            "HF_TOKEN (or pass token=), or pass provider='hf-inference'.",
            task=spec.name,
            model=model,
        )

    def _check_auth(self, spec: TaskSpec[Any, Any], model: str, provider: str) -> None:
        # "auto" may still pick hf-inference without a token (checked per provider in `call`),
        # and the router's chat endpoint answers an anonymous call with a 401 that says so.
        if self._token is None and provider != AUTO:
            raise self._no_token(spec, model, provider)
        if provider == AUTO and not self.routed:
            raise AuthenticationError(
                f"{spec.name} with model {model!r}: provider='auto' needs a Hugging Face token "
                "(hf_...); the token given is a provider's own key. Name that provider with "
                "provider=, or set HF_TOKEN.",
                task=spec.name,
                model=model,
            )

    def check_router_chat(self, spec: TaskSpec[Any, Any], model: str) -> None:
        """Raise before sending what the router's chat endpoint would refuse (a provider key)."""
        self._check_auth(spec, model, AUTO)

    def _hub_request(self, what: str, model: str, url: str) -> tuple[CallContext, ApiRequest]:
        # The Hub sees the token only when it is an HF token, never a provider's key.
        auth = "bearer" if self._secret and self._secret.startswith("hf_") else "none"
        return CallContext(what, model), ApiRequest(
            url=url,
            method="GET",
            auth=auth,  # type: ignore[arg-type]
        )

    def _lookup_request(
        self, model: str, expand: tuple[str, ...] = ("inferenceProviderMapping",)
    ) -> tuple[CallContext, ApiRequest]:
        query = "&".join(f"expand[]={field}" for field in expand)
        return self._hub_request(
            "provider mapping", model, f"{self.hub_url}/api/models/{model}?{query}"
        )

    def _lookup_failed(self, model: str, exc: HfInferenceError) -> HfInferenceError:
        if exc.status in (401, 403, 404):
            return ModelNotFoundError(
                f"Model {model!r} was not found on the Hub ({exc.status}): check the id; a "
                "private or gated model needs a token that may read it (HF_TOKEN).",
                model=model,
                status=exc.status,
                request_id=exc.request_id,
                server_message=exc.server_message,
            )
        return exc

    def _mapping(self, model: str) -> list[MappingEntry]:
        ctx, request = self._lookup_request(model)

        def load() -> list[MappingEntry]:
            try:
                response = self._transport.send(ctx, request, Options())
            except HfInferenceError as exc:
                raise self._lookup_failed(model, exc) from exc
            return parse_mapping(model, _json(response, model))

        return self.mappings.get(cache_key(self.hub_url, model, self._secret), load)

    async def _amapping(self, model: str) -> list[MappingEntry]:
        ctx, request = self._lookup_request(model)

        async def load() -> list[MappingEntry]:
            try:
                response = await self._transport.asend(ctx, request, Options())
            except HfInferenceError as exc:
                raise self._lookup_failed(model, exc) from exc
            return parse_mapping(model, _json(response, model))

        return await self.mappings.aget(cache_key(self.hub_url, model, self._secret), load)

    # -- the catalogue (SPEC 8): a model's task, and the Hub's model search ------------------

    _INFO_EXPAND = ("pipeline_tag", "inferenceProviderMapping")

    def _info(self, model: str, response: ApiResponse) -> ModelInfo:
        info = parse_model_info(model, _json(response, model))
        # The mapping just read serves the calls that follow (no second lookup).
        self.mappings.put(cache_key(self.hub_url, model, self._secret), list(info.entries))
        return info

    def model_info(self, model: str) -> ModelInfo:
        """The model's Hub task and provider mapping (one lookup); its mapping is cached.

        Raises `ModelNotFoundError` (with the Hub's status) for a missing or private model.
        """
        ctx, request = self._lookup_request(model, self._INFO_EXPAND)
        try:
            response = self._transport.send(ctx, request, Options())
        except HfInferenceError as exc:
            raise self._lookup_failed(model, exc) from exc
        return self._info(model, response)

    async def amodel_info(self, model: str) -> ModelInfo:
        """Async twin of `model_info`."""
        ctx, request = self._lookup_request(model, self._INFO_EXPAND)
        try:
            response = await self._transport.asend(ctx, request, Options())
        except HfInferenceError as exc:
            raise self._lookup_failed(model, exc) from exc
        return self._info(model, response)

    def _search_request(
        self, pipeline_tag: str, provider: str | None, limit: int
    ) -> tuple[CallContext, ApiRequest]:
        if not 1 <= limit <= MAX_SEARCH:
            raise ValueError(f"limit must be between 1 and {MAX_SEARCH}.")
        query = urlencode(
            {
                "pipeline_tag": pipeline_tag,
                "inference_provider": provider or "all",
                "sort": "downloads",
                "direction": "-1",
                "limit": str(limit),
            }
        )
        url = f"{self.hub_url}/api/models?{query}&expand[]=inferenceProviderMapping"
        return self._hub_request("model search", pipeline_tag, url)

    def search(
        self, pipeline_tag: str, provider: str | None = None, limit: int = 20
    ) -> list[ModelInfo]:
        """The Hub's models for `pipeline_tag` served by `provider` (None: by any), most
        downloaded first, at most `limit` (each with its mapping; `pipeline_tag` set)."""
        ctx, request = self._search_request(pipeline_tag, provider, limit)
        response = self._transport.send(ctx, request, Options())
        return _listed(pipeline_tag, response, limit)

    async def asearch(
        self, pipeline_tag: str, provider: str | None = None, limit: int = 20
    ) -> list[ModelInfo]:
        """Async twin of `search`."""
        ctx, request = self._search_request(pipeline_tag, provider, limit)
        response = await self._transport.asend(ctx, request, Options())
        return _listed(pipeline_tag, response, limit)

    def _plan(
        self, spec: TaskSpec[Any, Any], model: str, provider: str, entries: list[MappingEntry]
    ) -> list[MappingEntry]:
        candidates = choose(
            entries,
            model=model,
            task=spec.name,
            wanted_task=hub_task(spec.name, spec.hf_task),
            provider=provider,
            implemented=implemented,
        )
        if provider == AUTO:
            return candidates[: 1 + self.max_failovers]
        if not implemented(provider, spec.name):
            offered = ", ".join(sorted(ADAPTERS.get(provider, {}))) or "none"
            raise ValueError(
                f"{spec.name} is not supported on provider {provider!r} by this package "
                f"(supported there: {offered})."
            )
        return candidates

    # -- the call --------------------------------------------------------------------------

    def call(
        self,
        spec: TaskSpec[Any, T],
        args: Any,
        *,
        model: str,
        provider: str,
        media: Media | None,
        options: Options,
        serverless: Callable[[], T],
    ) -> T:
        """Run the call on `provider` ("auto" or a name); `serverless()` runs it on hf-inference."""
        self._check_auth(spec, model, provider)
        if provider == AUTO and spec.name in _CHAT_TASKS:
            return self._auto_chat(spec, args, model, options)
        entries = self._plan(spec, model, provider, self._mapping(model))
        tried: list[str] = []
        last: HfInferenceError | None = None
        for index, entry in enumerate(entries):
            if entry.provider != HF_INFERENCE and self._token is None:
                if tried:  # failing over: the error so far is the one to report
                    break
                raise self._no_token(spec, model, entry.provider)
            tried.append(entry.provider)
            try:
                if entry.provider == HF_INFERENCE:
                    result = serverless()
                else:
                    result = self._one(spec, args, model, entry, media, options)
                _answered(entry.provider)
                return result
            except _FAILOVER as exc:
                last = _tagged(exc, entry.provider, tried)
                if index + 1 < len(entries):
                    continue
                raise last from exc
            except HfInferenceError as exc:
                raise _tagged(exc, entry.provider, tried) from exc
        if last is None:  # pragma: no cover
            raise AssertionError("no provider was tried")
        raise last

    async def acall(
        self,
        spec: TaskSpec[Any, T],
        args: Any,
        *,
        model: str,
        provider: str,
        media: Media | None,
        options: Options,
        serverless: Callable[[], Awaitable[T]],
    ) -> T:
        """Async twin of `call`."""
        self._check_auth(spec, model, provider)
        if provider == AUTO and spec.name in _CHAT_TASKS:
            return await self._aauto_chat(spec, args, model, options)
        entries = self._plan(spec, model, provider, await self._amapping(model))
        tried: list[str] = []
        last: HfInferenceError | None = None
        for index, entry in enumerate(entries):
            if entry.provider != HF_INFERENCE and self._token is None:
                if tried:
                    break
                raise self._no_token(spec, model, entry.provider)
            tried.append(entry.provider)
            try:
                if entry.provider == HF_INFERENCE:
                    result = await serverless()
                else:
                    result = await self._aone(spec, args, model, entry, media, options)
                _answered(entry.provider)
                return result
            except _FAILOVER as exc:
                last = _tagged(exc, entry.provider, tried)
                if index + 1 < len(entries):
                    continue
                raise last from exc
            except HfInferenceError as exc:
                raise _tagged(exc, entry.provider, tried) from exc
        if last is None:  # pragma: no cover
            raise AssertionError("no provider was tried")
        raise last

    # -- the router's own chat endpoint ----------------------------------------------------

    def _auto_chat_request(
        self, spec: TaskSpec[Any, Any], args: Any, model: str
    ) -> tuple[CallContext, ApiRequest, BuildContext]:
        build_ctx = BuildContext(model=model)
        built = spec.build(args, build_ctx)
        url = f"{self.router_url}/v1/chat/completions"
        return CallContext(spec.name, model, AUTO), ApiRequest(url=url, json=built.json), build_ctx

    def _auto_chat_result(
        self, spec: TaskSpec[Any, T], args: Any, response: ApiResponse, build_ctx: BuildContext
    ) -> T:
        result = _parsed(spec, response, CallContext(spec.name, build_ctx.model, AUTO))
        body = _json_or_none(response)
        named = body.get("provider") if isinstance(body, dict) else None
        _answered(named if isinstance(named, str) and named else AUTO)
        return spec.finish(result, args, build_ctx) if spec.finish is not None else result

    def _auto_chat(self, spec: TaskSpec[Any, T], args: Any, model: str, options: Options) -> T:
        ctx, request, build_ctx = self._auto_chat_request(spec, args, model)
        try:
            response = self._transport.send(ctx, request, options)
        except HfInferenceError as exc:
            raise _tagged(exc, AUTO, []) from exc
        return self._auto_chat_result(spec, args, response, build_ctx)

    async def _aauto_chat(
        self, spec: TaskSpec[Any, T], args: Any, model: str, options: Options
    ) -> T:
        ctx, request, build_ctx = self._auto_chat_request(spec, args, model)
        try:
            response = await self._transport.asend(ctx, request, options)
        except HfInferenceError as exc:
            raise _tagged(exc, AUTO, []) from exc
        return self._auto_chat_result(spec, args, response, build_ctx)

    # -- one provider ----------------------------------------------------------------------

    def _start(
        self,
        spec: TaskSpec[Any, Any],
        args: Any,
        model: str,
        entry: MappingEntry,
        media: Media | None,
    ) -> _Call:
        adapter = ADAPTERS[entry.provider][spec.name]
        routed = self.routed
        ctx = Context(
            provider=entry.provider,
            provider_id=entry.provider_id,
            hf_model=model,
            routed=routed,
            media=media,
            adapter_weights=entry.adapter_weights,
        )
        send = adapter.build(args, ctx)
        if routed:
            base = f"{self.router_url}/{entry.provider}"
        else:
            base = send.direct_base or DIRECT_BASES[entry.provider]
        call_ctx = CallContext(spec.name, model, entry.provider)
        # fal's own keys go as `Key ...`; everything else, and every routed call, as Bearer.
        auth = "key" if entry.provider == "fal-ai" and not routed else "bearer"
        request = ApiRequest(
            url=base + send.path,
            method=send.method,
            json=send.json,
            content=send.content,
            content_type=send.content_type,
            headers=send.headers,
            auth=auth,  # type: ignore[arg-type]
            hf_host=routed,
        )
        started = self.clock()
        clock = JobClock(started, started + self.job_timeout, self.clock)
        return _Call(self, spec, args, adapter, ctx, call_ctx, request, base, clock)

    def _one(
        self,
        spec: TaskSpec[Any, T],
        args: Any,
        model: str,
        entry: MappingEntry,
        media: Media | None,
        options: Options,
    ) -> T:
        call = self._start(spec, args, model, entry, media)
        response = self._transport.send(call.ctx, call.request, options)
        outcome = call.parse(response)
        while True:
            if isinstance(outcome, Done):
                return call.finish(outcome.value)  # type: ignore[no-any-return]
            if isinstance(outcome, Download):
                data = self._download(call, outcome)
                return call.finish(call.media_result(outcome, data))  # type: ignore[no-any-return]
            if isinstance(outcome, FetchJson):
                fetch = outcome
                got = self._transport.send(call.ctx, call.get(fetch.url), options)
                outcome = call.guard(lambda: fetch.then(got), got)  # noqa: B023
                continue
            outcome = self._poll(call, outcome, options)

    async def _aone(
        self,
        spec: TaskSpec[Any, T],
        args: Any,
        model: str,
        entry: MappingEntry,
        media: Media | None,
        options: Options,
    ) -> T:
        call = self._start(spec, args, model, entry, media)
        response = await self._transport.asend(call.ctx, call.request, options)
        outcome = call.parse(response)
        while True:
            if isinstance(outcome, Done):
                return call.finish(outcome.value)  # type: ignore[no-any-return]
            if isinstance(outcome, Download):
                data = await self._adownload(call, outcome)
                return call.finish(call.media_result(outcome, data))  # type: ignore[no-any-return]
            if isinstance(outcome, FetchJson):
                fetch = outcome
                got = await self._transport.asend(call.ctx, call.get(fetch.url), options)
                outcome = call.guard(lambda: fetch.then(got), got)  # noqa: B023
                continue
            outcome = await self._apoll(call, outcome, options)

    # -- jobs: polled, their progress reported to who watches, cancelled when interrupted --

    def _poll(self, call: _Call, job: Job, options: Options) -> Outcome:
        progress = JobProgress.start(call.ctx, job.id, call.clock.started, self.clock)
        last: JobState | None = None  # the latest state seen: a job over needs no cancel

        def seen(_: Job, state: JobState) -> None:
            nonlocal last
            last = state
            if progress is not None:
                progress.report(state.status, state.queue_position)

        try:
            if progress is not None:
                progress.report(job.state, job.queue_position)
            return poll(
                job,
                lambda url: self._transport.send(call.ctx, call.get(url), options),
                ctx=call.ctx,
                clock=call.clock,
                timeout=self.job_timeout,
                sleep=self.sleep,
                on_status=seen,
            )
        except BaseException:
            # Given up on while it still runs (Ctrl-C, job_timeout, polls that kept failing, a
            # status we could not read): ask the provider once to stop the job (no waiting for
            # it to confirm), which would otherwise run on, billed, for nobody.
            if not _ended(last) and self._cancel(call, job) and progress is not None:
                progress.report("cancelled")
            raise

    async def _apoll(self, call: _Call, job: Job, options: Options) -> Outcome:
        progress = JobProgress.start(call.ctx, job.id, call.clock.started, self.clock)
        last: JobState | None = None

        async def get(url: str) -> ApiResponse:
            return await self._transport.asend(call.ctx, call.get(url), options)

        async def seen(_: Job, state: JobState) -> None:
            nonlocal last
            last = state
            if progress is not None:
                await progress.areport(state.status, state.queue_position)

        try:
            if progress is not None:
                await progress.areport(job.state, job.queue_position)
            return await apoll(
                job,
                get,
                ctx=call.ctx,
                clock=call.clock,
                timeout=self.job_timeout,
                sleep=self.asleep,
                on_status=seen,
            )
        except BaseException:
            # As `_poll`; also a cancelled task (Ctrl-C under asyncio.run, a stopped agent).
            if not _ended(last) and await self._acancel(call, job) and progress is not None:
                await progress.areport("cancelled")
            raise

    def _cancel(self, call: _Call, job: Job) -> bool:
        """Ask the provider to cancel `job` (once, no retry); whether the request was taken."""
        if job.cancel_url is None:
            return False
        request = call.get(job.cancel_url, job.cancel_method)
        try:
            # After Ctrl-C the user waits a few seconds at most, not a whole timeout.
            with Deadline(CANCEL_WAIT):
                self._transport.send(call.ctx, request, _NO_RETRY)
        except (HfInferenceError, httpx.HTTPError, OSError) as exc:
            logger.debug("could not cancel job %s on %s: %s", job.id, call.ctx.provider, exc)
            return False
        return True

    async def _acancel(self, call: _Call, job: Job) -> bool:
        """Async twin of `_cancel`."""
        if job.cancel_url is None:
            return False
        request = call.get(job.cancel_url, job.cancel_method)
        try:
            # A cancelled task must end soon: the request gets a few seconds, not a timeout's.
            async with asyncio.timeout(CANCEL_WAIT):
                await self._transport.asend(call.ctx, request, _NO_RETRY)
        except (HfInferenceError, httpx.HTTPError, OSError, TimeoutError) as exc:
            logger.debug("could not cancel job %s on %s: %s", job.id, call.ctx.provider, exc)
            return False
        return True

    # -- result media ----------------------------------------------------------------------

    def _policy(self, call: _Call) -> MediaPolicy:
        remaining = call.clock.deadline - self.clock()
        return MediaPolicy(
            max_media_bytes=self.max_output_bytes,
            fetch_timeout=max(min(remaining, self.job_timeout), 0.001),
        )

    def _download(self, call: _Call, outcome: Download) -> bytes:
        if outcome.url.startswith("data:"):
            return call.guard(lambda: decode_data_uri(outcome.url), None)
        try:
            return fetch_url(
                outcome.url, kind=outcome.kind, policy=self._policy(call), resolver=self.resolver
            )
        except MediaError as exc:
            raise call.media_error(exc) from exc

    async def _adownload(self, call: _Call, outcome: Download) -> bytes:
        if outcome.url.startswith("data:"):
            return call.guard(lambda: decode_data_uri(outcome.url), None)
        try:
            return await afetch_url(
                outcome.url, kind=outcome.kind, policy=self._policy(call), resolver=self.resolver
            )
        except MediaError as exc:
            raise call.media_error(exc) from exc


def _ended(last: JobState | None) -> bool:
    """Whether the job was last seen over (done, failed or cancelled): nothing to cancel."""
    return last is not None and last.status in ("done", "failed", "cancelled")


@dataclass
class _Call:
    """One call on one provider: what was sent and how to read what comes back."""

    router: ProviderRouter
    spec: TaskSpec[Any, Any]
    args: Any
    adapter: Adapter
    context: Context
    ctx: CallContext
    request: ApiRequest
    base: str
    clock: JobClock

    def get(self, url: str, method: Literal["GET", "POST", "PUT"] = "GET") -> ApiRequest:
        """A GET (or a bodiless `method`) of a URL the provider named: routed, its path and
        query under the router."""
        if url.startswith(("http://", "https://")):
            if self.context.routed:
                target = self.base + httpx.URL(url).raw_path.decode("ascii")
            else:
                target = url
        else:
            target = self.base + url
        auth, hf_host = self.request.auth, self.request.hf_host
        if method == "GET":
            return ApiRequest(url=target, method="GET", auth=auth, hf_host=hf_host)
        return ApiRequest(url=target, method=method, content=b"", auth=auth, hf_host=hf_host)

    def guard(self, step: Callable[[], T], response: ApiResponse | None) -> T:
        """`step()`, with an answer not of the expected shape reported as an OutputError."""
        try:
            return step()
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise OutputError(
                f"{self.spec.name} with model {self.ctx.model!r} on provider "
                f"{self.ctx.provider!r} answered, but not as expected ({detail[:200]}). The "
                "provider may have changed its format: try another provider.",
                task=self.spec.name,
                model=self.ctx.model,
                status=response.status if response else None,
                request_id=response.request_id if response else None,
            ) from exc

    def parse(self, response: ApiResponse) -> Outcome:
        return self.guard(lambda: self.adapter.parse(response, self.context), response)

    def media_result(self, outcome: Download, data: bytes) -> Any:
        mime = sniff_mime(data) or ""
        if not mime.startswith(_MEDIA_FAMILIES[outcome.kind]):
            raise OutputError(
                f"{self.spec.name} with model {self.ctx.model!r} on provider "
                f"{self.ctx.provider!r} gave a result that is not {outcome.kind} "
                f"({mime or 'unrecognised content'}). Try another provider.",
                task=self.spec.name,
                model=self.ctx.model,
            )
        return outcome.then(data) if outcome.then is not None else data

    def media_error(self, exc: MediaError) -> MediaError:
        error = MediaError(
            f"{self.spec.name} with model {self.ctx.model!r} on provider {self.ctx.provider!r}: "
            f"the result could not be downloaded. {exc.message}",
            task=self.spec.name,
            model=self.ctx.model,
        )
        return error

    def finish(self, value: Any) -> Any:
        if self.adapter.finish is not None:
            value = self.adapter.finish(value, self.args)
        if self.spec.finish is not None:
            build_ctx = BuildContext(
                model=self.context.provider_id, media=self.context.media, completions_api=True
            )
            value = self.spec.finish(value, self.args, build_ctx)
        return value


def _tagged(exc: HfInferenceError, provider: str, tried: list[str]) -> HfInferenceError:
    """`exc` naming its provider, and the providers tried before it when there were several."""
    error = copy.copy(exc)
    error.provider = provider
    if len(tried) > 1:
        error.message = f"{exc.message} Providers tried, in order: {', '.join(tried)}."
        error.args = (error.message,)
    return error


def _listed(pipeline_tag: str, response: ApiResponse, limit: int) -> list[ModelInfo]:
    body = _json_or_none(response)
    if not isinstance(body, list):
        raise OutputError(
            f"The Hub's model search for {pipeline_tag!r} did not answer a list of models. "
            "Check hub_url / HF_ENDPOINT.",
            status=response.status,
        )
    found = parse_model_list(body)[:limit]
    return [
        info if info.pipeline_tag else ModelInfo(info.model, pipeline_tag, info.entries)
        for info in found
    ]


def _json(response: ApiResponse, model: str) -> Any:
    body = _json_or_none(response)
    if body is None:
        raise ModelNotFoundError(
            f"The Hub's answer about model {model!r} was not JSON. Check hub_url / HF_ENDPOINT.",
            model=model,
        )
    return body


def _json_or_none(response: ApiResponse) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _parsed(spec: TaskSpec[Any, T], response: ApiResponse, ctx: CallContext) -> T:
    try:
        return spec.parse(response)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise OutputError(
            f"{spec.name} with model {ctx.model!r} through the router's chat endpoint answered, "
            f"but not with a chat completion ({str(exc)[:200]}).",
            task=spec.name,
            model=ctx.model,
            status=response.status,
            request_id=response.request_id,
        ) from exc
