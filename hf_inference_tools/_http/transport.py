"""The one door to the inference API: URLs, headers, retries, timeouts and status-to-error mapping.

Nothing above this module builds a URL, sets a header or reads a status code. A task hands in a
pure `ApiRequest`; `Transport.send` / `Transport.asend` (hand-written twins) hand back an
`ApiResponse` or raise an error from `hf_inference_tools.errors`. `Transport.stream` /
`Transport.astream` do the same for Server-Sent Events answers (parsed in `sse.py`). Each wait
before a retry is an INFO record on the `hf_inference_tools` logger (the CLI shows it as progress).
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import json
import logging
import re
import ssl
import threading
import time
import warnings
import weakref
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
    Mapping,
)
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar

import httpx
from pydantic import SecretStr

from .._config import Options
from .._version import __version__
from ..errors import (
    AuthenticationError,
    HfInferenceError,
    InferenceTimeoutError,
    InputError,
    ModelLoadingError,
    ModelNotFoundError,
    OutputError,
    PaymentRequiredError,
    RateLimitError,
    ServerError,
)
from ._deadline import Deadline, install_deadline
from .sse import StreamError, aiter_sse, iter_sse, stream_error

if TYPE_CHECKING:
    # Imported where a retry begins (see `_retried`): most calls never need it.
    import tenacity

__all__ = ["ApiRequest", "ApiResponse", "CallContext", "Route", "TASK_EXTENSION", "Transport"]

logger = logging.getLogger("hf_inference_tools")

T = TypeVar("T")

Route = Literal["model", "feature-extraction", "sentence-similarity", "chat", "completions"]

USER_AGENT = f"hf-inference-tools/{__version__}"
# The tool name a request is for, as an httpx request extension: never sent on the wire (httpcore
# reads only the extensions it knows), but an in-process stand-in (`testing.HfInferenceMock`)
# reads it to answer any model or endpoint with the task that was called.
TASK_EXTENSION = "hf_inference_tools.task"
# httpx keeps 20 idle connections by default; concurrent agents need more to avoid reconnecting.
DEFAULT_LIMITS = httpx.Limits(max_connections=256, max_keepalive_connections=128)
RETRY_STATUSES = frozenset({429, 502, 503, 504})
_SERVER_TEXT_LIMIT = 500
# Compact, UTF-8 as it is; built once (`json.dumps` with options builds an encoder per call).
_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
# Bodies larger than this are sent in slices of this size (see `_attempt`).
_UPLOAD_SLICE = 2**20


@dataclass(frozen=True, slots=True)
class ApiRequest:
    """What a task asks to send: the route, and a JSON body or raw bytes with their type."""

    route: Route = "model"
    json: Any = None
    content: bytes | None = None
    content_type: str | None = None
    accept: str | None = None


@dataclass(frozen=True, slots=True)
class ApiResponse:
    """A successful (2xx) answer, read whole."""

    status: int
    content: bytes
    content_type: str
    request_id: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    """All the answer's headers (from httpx: names case-insensitive, repeats comma-joined)."""

    def json(self) -> Any:
        return json.loads(self.content)


@dataclass(frozen=True, slots=True)
class CallContext:
    """Who is calling: named in every error message and log line."""

    task: str
    model: str | None


class _Retryable(Exception):
    """An attempt failed in a way worth another try. `give_up(attempts)` is what the caller sees
    when no try is left (its message counts the attempts made); `error` is this attempt's."""

    def __init__(
        self,
        give_up: Callable[[int], HfInferenceError],
        wait_hint: float | None,
        *,
        loading: bool = False,
    ) -> None:
        self.error = give_up(1)
        super().__init__(str(self.error))
        self.give_up = give_up
        self.wait_hint = wait_hint
        self.loading = loading


class Transport:
    """Sends `ApiRequest`s to HF Inference (or an endpoint) over shared httpx clients.

    One `httpx.Client` serves every sync call; one `httpx.AsyncClient` is kept per event loop
    (an AsyncClient must never be used from another loop) and closed when that loop's
    `asyncio.run` shuts down, or by `aclose()`. Clients passed in are used as they are and never
    closed here.
    """

    def __init__(
        self,
        *,
        token: SecretStr | None,
        base_url: str,
        endpoint_url: str | None,
        timeout: float,
        max_retries: int,
        retry_backoff: float,
        retry_max_wait: float,
        headers: Mapping[str, str] | None,
        http_client: httpx.Client | None,
        async_http_client: httpx.AsyncClient | None,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more.")
        if timeout <= 0:
            raise ValueError("timeout must be a positive number of seconds.")
        self._token = token
        self.base_url = base_url.rstrip("/")
        self.endpoint_url = endpoint_url
        self.timeout = timeout
        self.max_retries = max_retries
        self.retry_backoff = retry_backoff
        self.retry_max_wait = retry_max_wait
        self.extra_headers = dict(headers or {})
        self._client = http_client
        self._owns_client = http_client is None
        self._injected_async = async_http_client
        self._async_clients: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, tuple[httpx.AsyncClient, AsyncGenerator[None]]
        ] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()
        self._warned_gpu = False
        # Seams for tests that watch the waits without spending them.
        self.sleep: Callable[[float], None] = time.sleep
        self.asleep: Callable[[float], Any] = asyncio.sleep

    # -- clients ---------------------------------------------------------------------------

    @property
    def has_token(self) -> bool:
        return self._token is not None

    def client(self) -> httpx.Client:
        """The shared sync client, created on first use."""
        if self._client is None:
            with self._lock:
                if self._client is None:
                    client = httpx.Client(
                        timeout=httpx.Timeout(self.timeout), limits=DEFAULT_LIMITS, verify=_tls()
                    )
                    install_deadline(client)
                    self._client = client
        return self._client

    async def aclient(self) -> httpx.AsyncClient:
        """This event loop's async client, created on first use in that loop."""
        if self._injected_async is not None:
            return self._injected_async
        loop = asyncio.get_running_loop()
        entry = self._async_clients.get(loop)
        if entry is not None and not entry[0].is_closed:
            return entry[0]
        client = httpx.AsyncClient(
            timeout=httpx.Timeout(self.timeout), limits=DEFAULT_LIMITS, verify=_tls()
        )
        from ._pool import install_fair_pool  # loads httpcore: not at import

        install_fair_pool(client)
        closer = _close_at_loop_shutdown(client)
        # Starting the generator registers it with the loop, whose shutdown_asyncgens()
        # (run by asyncio.run and asyncio.Runner) then closes the client inside that loop.
        await anext(closer)
        self._async_clients[loop] = (client, closer)
        return client

    def close(self) -> None:
        """Close the sync client if this transport created it."""
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None

    async def aclose(self) -> None:
        """Close this loop's async client (if created here) and the sync one."""
        with contextlib.suppress(RuntimeError):
            loop = asyncio.get_running_loop()
            entry = self._async_clients.pop(loop, None)
            if entry is not None:
                client, closer = entry
                await client.aclose()
                await closer.aclose()
        self.close()

    # -- requests --------------------------------------------------------------------------

    def url_for(self, model: str | None, route: Route) -> str:
        """The URL a request goes to (the endpoint URL is used as given, as the HF clients do)."""
        if self.endpoint_url:
            return _endpoint_route(self.endpoint_url, route)
        if not model:
            raise ValueError("A model id is needed when no endpoint_url is set.")
        url = f"{self.base_url}/models/{model}"
        return url + _MODEL_SUFFIX[route]

    def headers_for(
        self, request: ApiRequest, options: Options, *, waiting: bool
    ) -> dict[str, str]:
        headers = {**self.extra_headers, "User-Agent": USER_AGENT}
        if self._token is not None:
            headers["Authorization"] = f"Bearer {self._token.get_secret_value()}"
        if request.content is not None:
            headers["Content-Type"] = request.content_type or "application/octet-stream"
        elif request.json is not None:
            headers["Content-Type"] = "application/json"
        if request.accept:
            headers["Accept"] = request.accept
        if not options.use_cache:
            headers["X-Use-Cache"] = "false"
        if options.wait_for_model or waiting:
            headers["X-Wait-For-Model"] = "true"
        return headers

    def _body(self, request: ApiRequest) -> bytes:
        if request.content is not None:
            return request.content
        return _JSON.encode(request.json).encode()

    def _retrying_kwargs(self, ctx: CallContext, options: Options) -> dict[str, Any]:
        import tenacity

        retries = self.max_retries if (options.retry_on_error or options.wait_for_model) else 0
        return {
            "stop": tenacity.stop_after_attempt(retries + 1),
            "retry": tenacity.retry_if_exception_type(_Retryable),
            "wait": self._wait,
            "before_sleep": lambda state: self._log_retry(ctx, state, retries),
            "reraise": True,
        }

    def _log_retry(self, ctx: CallContext, state: tenacity.RetryCallState, retries: int) -> None:
        # The progress hook: a long wait is one INFO line on the package logger, which the CLI
        # shows on stderr and an application may route anywhere.
        exc = state.outcome.exception() if state.outcome else None
        status = exc.error.status if isinstance(exc, _Retryable) else None
        if isinstance(exc, _Retryable) and exc.loading:
            reason = "the model is loading (503)"
        elif status == 429:
            reason = "rate limited (429)"
        elif status is not None:
            reason = f"the server answered {status}"
        else:
            reason = "the connection failed"
        wait = state.next_action.sleep if state.next_action else 0.0
        logger.info(
            "%s: %s; retry %d of %d in %.1f s",
            _who(ctx),
            reason,
            state.attempt_number,
            retries,
            wait,
        )

    def _wait(self, state: tenacity.RetryCallState) -> float:
        import tenacity

        exc = state.outcome.exception() if state.outcome else None
        backoff = tenacity.wait_random_exponential(
            multiplier=self.retry_backoff, max=self.retry_max_wait
        )(state)
        if isinstance(exc, _Retryable) and exc.wait_hint is not None:
            return min(max(exc.wait_hint, 0.0), self.retry_max_wait)
        return backoff

    def _check_options(self, options: Options) -> None:
        if options.use_gpu and not self._warned_gpu:
            self._warned_gpu = True
            warnings.warn(
                "Options.use_gpu no longer has any effect: HF Inference chooses the hardware.",
                UserWarning,
                stacklevel=4,
            )

    def send(self, ctx: CallContext, request: ApiRequest, options: Options) -> ApiResponse:
        """Send with retries; return the 2xx answer or raise the mapped error."""
        return self._retried(ctx, request, options, self._attempt)

    def _retried(
        self,
        ctx: CallContext,
        request: ApiRequest,
        options: Options,
        attempt_once: Callable[[CallContext, str, dict[str, str], bytes], T],
    ) -> T:
        """`attempt_once` under the retry policy: the one loop behind `send` and `stream`."""
        self._check_options(options)
        url, body = self.url_for(ctx.model, request.route), self._body(request)
        try:
            # Most calls succeed at once: tenacity (~50 us a call) is set up only when one fails.
            return attempt_once(ctx, url, self.headers_for(request, options, waiting=False), body)
        except _Retryable as exc:
            first: _Retryable | None = exc
        import tenacity  # on the first failure only: ~7 ms to import, unused by most calls

        waiting, attempts = False, 0
        retrying = tenacity.Retrying(
            sleep=lambda s: self.sleep(s), **self._retrying_kwargs(ctx, options)
        )
        try:
            for attempt in retrying:
                with attempt:
                    attempts += 1
                    if first is not None:  # tenacity counts and waits from the attempt above
                        failed, first = first, None
                        waiting = failed.loading
                        raise failed
                    headers = self.headers_for(request, options, waiting=waiting)
                    try:
                        return attempt_once(ctx, url, headers, body)
                    except _Retryable as exc:
                        waiting = waiting or exc.loading
                        raise
        except _Retryable as exc:
            raise exc.give_up(attempts) from exc.__cause__
        raise AssertionError("unreachable")  # pragma: no cover

    async def asend(self, ctx: CallContext, request: ApiRequest, options: Options) -> ApiResponse:
        """Async twin of `send`."""
        return await self._aretried(ctx, request, options, self._aattempt)

    async def _aretried(
        self,
        ctx: CallContext,
        request: ApiRequest,
        options: Options,
        attempt_once: Callable[[CallContext, str, dict[str, str], bytes], Awaitable[T]],
    ) -> T:
        """Async twin of `_retried`."""
        self._check_options(options)
        url, body = self.url_for(ctx.model, request.route), self._body(request)
        try:
            # Most calls succeed at once: tenacity (~50 us a call) is set up only when one fails.
            return await attempt_once(
                ctx, url, self.headers_for(request, options, waiting=False), body
            )
        except _Retryable as exc:
            first: _Retryable | None = exc
        import tenacity  # on the first failure only, as in `_retried`

        waiting, attempts = False, 0
        retrying = tenacity.AsyncRetrying(
            sleep=lambda s: self.asleep(s), **self._retrying_kwargs(ctx, options)
        )
        try:
            async for attempt in retrying:
                with attempt:
                    attempts += 1
                    if first is not None:  # tenacity counts and waits from the attempt above
                        failed, first = first, None
                        waiting = failed.loading
                        raise failed
                    headers = self.headers_for(request, options, waiting=waiting)
                    try:
                        return await attempt_once(ctx, url, headers, body)
                    except _Retryable as exc:
                        waiting = waiting or exc.loading
                        raise
        except _Retryable as exc:
            raise exc.give_up(attempts) from exc.__cause__
        raise AssertionError("unreachable")  # pragma: no cover

    def _attempt(
        self, ctx: CallContext, url: str, headers: dict[str, str], body: bytes
    ) -> ApiResponse:
        started = time.monotonic()
        content: bytes | Iterator[bytes] = body
        if len(body) > _UPLOAD_SLICE:
            # Sent whole, a body that does not fit the socket buffer is copied again by httpcore
            # after every partial send (`buffer = buffer[n:]`): a large upload peaked at 3 copies.
            headers, content = {**headers, "Content-Length": str(len(body))}, _slices(body)
        client = self.client()
        # `client.stream()` is this, wrapped in a generator-based context manager.
        request = client.build_request(
            "POST",
            url,
            headers=headers,
            content=content,
            timeout=self.timeout,
            extensions={TASK_EXTENSION: ctx.task},
        )
        try:
            # The deadline bounds every socket operation of the clients created here; the
            # check between chunks is what bounds a client passed in (to one more read).
            with Deadline(self.timeout):
                response = client.send(request, stream=True)
                try:
                    chunks = []
                    for chunk in response.iter_bytes():
                        chunks.append(chunk)
                        if time.monotonic() > started + self.timeout:
                            raise httpx.ReadTimeout("answer too slow", request=request)
                    content = b"".join(chunks)
                finally:
                    response.close()
        except httpx.HTTPError as exc:
            raise self._transport_error(ctx, exc) from exc
        return self._finish(ctx, response, content, started)

    async def _aattempt(
        self, ctx: CallContext, url: str, headers: dict[str, str], body: bytes
    ) -> ApiResponse:
        started = time.monotonic()
        client = await self.aclient()
        content: bytes | AsyncIterator[bytes] = body
        if len(body) > _UPLOAD_SLICE:
            # asyncio buffers (copies) whatever a send leaves over; slices keep that small.
            headers, content = {**headers, "Content-Length": str(len(body))}, _aslices(body)
        request = client.build_request(
            "POST",
            url,
            headers=headers,
            content=content,
            timeout=self.timeout,
            extensions={TASK_EXTENSION: ctx.task},
        )
        try:
            async with asyncio.timeout(self.timeout):
                response = await client.send(request, stream=True)
                try:
                    content = await response.aread()
                finally:
                    await response.aclose()
        except TimeoutError as exc:
            raise self._timeout_error(ctx) from exc
        except httpx.HTTPError as exc:
            raise self._transport_error(ctx, exc) from exc
        return self._finish(ctx, response, content, started)

    # -- outcomes --------------------------------------------------------------------------

    def _finish(
        self, ctx: CallContext, response: httpx.Response, content: bytes, started: float
    ) -> ApiResponse:
        content_type, request_id = _type_and_request_id(response)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "POST %s -> %s in %.0f ms (task=%s, request_id=%s, authenticated=%s)",
                response.request.url,
                response.status_code,
                (time.monotonic() - started) * 1000,
                ctx.task,
                request_id,
                self.has_token,
            )
        if response.is_success:
            return ApiResponse(
                status=response.status_code,
                content=content,
                content_type=content_type or "",
                request_id=request_id,
                # Not copied: a copy decodes every header on every call, and no task reads them.
                headers=response.headers,
            )
        cause = httpx.HTTPStatusError(
            f"HTTP {response.status_code}", request=response.request, response=response
        )
        raise self._status_error(ctx, response, content) from cause

    def _timeout_error(self, ctx: CallContext) -> InferenceTimeoutError:
        return InferenceTimeoutError(
            f"{_who(ctx)} got no answer within {self.timeout:g} seconds. "
            "Raise `timeout=` on HfInference, or send a smaller input.",
            task=ctx.task,
            model=ctx.model,
        )

    def _transport_error(self, ctx: CallContext, exc: httpx.HTTPError) -> Exception:
        if isinstance(exc, httpx.TimeoutException):
            return self._timeout_error(ctx)
        cause = f"{type(exc).__name__}: {self.redact(str(exc)) or 'connection closed'}"
        if isinstance(exc, httpx.ConnectError | httpx.ProxyError | httpx.UnsupportedProtocol):
            what = f"could not reach the inference API ({cause})"
            advice = "Check the network and `base_url` / `endpoint_url`, then try again."
        else:
            what = f"lost the connection before the answer was complete ({cause})"
            advice = "Try again later."

        def give_up(attempts: int) -> HfInferenceError:
            return ServerError(
                f"{_who(ctx)} {what}{_after(attempts)}. {advice}", task=ctx.task, model=ctx.model
            )

        # A request the server may have read is sent again: inference has no side effects.
        if isinstance(exc, httpx.TransportError) and not isinstance(exc, httpx.UnsupportedProtocol):
            return _Retryable(give_up, None)
        return give_up(1)

    def _status_error(
        self, ctx: CallContext, response: httpx.Response, content: bytes
    ) -> Exception:
        status = response.status_code
        server, estimated = _server_text(response, content)
        server = self.redact(server) if server else server
        request_id = _type_and_request_id(response)[1]
        common: dict[str, Any] = {
            "task": ctx.task,
            "model": ctx.model,
            "status": status,
            "request_id": request_id,
            "server_message": server,
        }
        quoted = f"{status}: {server}" if server else f"HTTP {status}"
        who = _who(ctx)
        if status in (401, 403):
            hint = (
                "No token was sent: set HF_TOKEN or pass token= to HfInference."
                if not self.has_token
                else "Check that HF_TOKEN is valid and may call Inference Providers"
                + (
                    ", and that you accepted the model's terms on its Hub page."
                    if status == 403
                    else "."
                )
            )
            return AuthenticationError(f"{who} was refused ({quoted}). {hint}", **common)
        if status == 402:
            return PaymentRequiredError(
                f"{who} was refused: inference credits are exhausted ({quoted}). Add credits or "
                "a PRO plan on huggingface.co, or pass endpoint_url for your own endpoint.",
                **common,
            )
        if status == 410:
            return ModelNotFoundError(
                f"{who} reached a retired host ({quoted}). Use the default base_url "
                "(https://router.huggingface.co/hf-inference) or pass endpoint_url.",
                **common,
            )
        if status == 404:
            return ModelNotFoundError(
                f"{who} failed: the model is not served there ({quoted}). Check the model id, "
                "pick a model HF Inference serves, or pass endpoint_url for a dedicated endpoint.",
                **common,
            )
        if status in (400, 413, 422):
            return InputError(
                f"{who} was refused: the server did not accept the inputs ({quoted}). "
                "Fix the arguments and call again.",
                **common,
            )
        wait_hint = _retry_after(response.headers)
        kind: type[HfInferenceError] = ServerError
        what, advice = "failed on the server", "Try again later."
        if status == 429:
            kind, what = RateLimitError, "was rate limited"
            advice = (
                "Wait and try again later." if self.has_token else "Set HF_TOKEN for higher limits."
            )
        elif status == 503:
            kind, what = ModelLoadingError, "found the model unavailable"
            advice = "Try again later, or pass Options(wait_for_model=True)."

        def give_up(attempts: int) -> HfInferenceError:
            error = kind(f"{who} {what} ({quoted}){_after(attempts)}. {advice}", **common)
            if isinstance(error, ModelLoadingError):
                error.estimated_time = estimated
            return error

        if status == 503:
            loading = estimated is not None or "loading" in (server or "").lower()
            wait = wait_hint if wait_hint is not None else estimated
            return _Retryable(give_up, wait, loading=loading)
        if status in RETRY_STATUSES or status == 408:
            return _Retryable(give_up, wait_hint)
        return give_up(1)

    def redact(self, text: str) -> str:
        """`text` with the token replaced, should a server or library ever echo it."""
        if self._token is not None:
            secret = self._token.get_secret_value()
            if secret:
                text = text.replace(secret, "***")
        return text

    def __repr__(self) -> str:
        target = self.endpoint_url or self.base_url
        return f"Transport({target!r}, token={'set' if self.has_token else None})"

    # -- streaming (Server-Sent Events) ----------------------------------------------------
    # A stream is retried like `send` until its answer starts, never after: by then the caller
    # may have shown tokens. Timeouts apply per read (httpx's), not to the whole answer, since
    # a long generation that keeps sending is healthy.

    @contextlib.contextmanager
    def stream(
        self, ctx: CallContext, request: ApiRequest, options: Options
    ) -> Iterator[Iterator[dict[str, Any]]]:
        """Open a Server-Sent Events answer; yield an iterator over its JSON events.

        A non-2xx before the stream starts raises what `send` raises, after the same retries;
        a 2xx that is not `text/event-stream` raises `OutputError`; an event with an `error`
        key raises the matching error. The events end at `[DONE]` or at the end of the body.
        Leaving the `with` block closes the connection, however far the reading got.
        """
        response = self._start_stream(ctx, request, options)
        events = self._events(ctx, response)
        try:
            yield events
        finally:
            events.close()
            response.close()

    @contextlib.asynccontextmanager
    async def astream(
        self, ctx: CallContext, request: ApiRequest, options: Options
    ) -> AsyncIterator[AsyncIterator[dict[str, Any]]]:
        """Async twin of `stream`."""
        response = await self._astart_stream(ctx, request, options)
        events = self._aevents(ctx, response)
        try:
            yield events
        finally:
            await events.aclose()
            await response.aclose()

    def _start_stream(
        self, ctx: CallContext, request: ApiRequest, options: Options
    ) -> httpx.Response:
        # Retried like `send`, but only until the stream starts: never once events flow.
        return self._retried(ctx, request, options, self._open_stream)

    async def _astart_stream(
        self, ctx: CallContext, request: ApiRequest, options: Options
    ) -> httpx.Response:
        return await self._aretried(ctx, request, options, self._aopen_stream)

    def _open_stream(
        self, ctx: CallContext, url: str, headers: dict[str, str], body: bytes
    ) -> httpx.Response:
        started = time.monotonic()
        client = self.client()
        request = client.build_request(
            "POST",
            url,
            headers=headers,
            content=body,
            timeout=self.timeout,
            extensions={TASK_EXTENSION: ctx.task},
        )
        try:
            response = client.send(request, stream=True)
            if _is_event_stream(response):
                self._log_stream_start(ctx, response, started)
                return response
            try:
                content = response.read()
            finally:
                response.close()
        except httpx.HTTPError as exc:
            raise self._transport_error(ctx, exc) from exc
        self._refuse_stream(ctx, response, content, started)

    async def _aopen_stream(
        self, ctx: CallContext, url: str, headers: dict[str, str], body: bytes
    ) -> httpx.Response:
        started = time.monotonic()
        client = await self.aclient()
        request = client.build_request(
            "POST",
            url,
            headers=headers,
            content=body,
            timeout=self.timeout,
            extensions={TASK_EXTENSION: ctx.task},
        )
        try:
            response = await client.send(request, stream=True)
            if _is_event_stream(response):
                self._log_stream_start(ctx, response, started)
                return response
            try:
                content = await response.aread()
            finally:
                await response.aclose()
        except httpx.HTTPError as exc:
            raise self._transport_error(ctx, exc) from exc
        self._refuse_stream(ctx, response, content, started)

    def _events(self, ctx: CallContext, response: httpx.Response) -> Generator[dict[str, Any]]:
        try:
            for data in iter_sse(response.iter_lines()):
                yield self._event(ctx, response, data)
        except httpx.HTTPError as exc:
            raise self._broken_stream(ctx, exc) from exc

    async def _aevents(
        self, ctx: CallContext, response: httpx.Response
    ) -> AsyncGenerator[dict[str, Any]]:
        try:
            async for data in aiter_sse(response.aiter_lines()):
                yield self._event(ctx, response, data)
        except httpx.HTTPError as exc:
            raise self._broken_stream(ctx, exc) from exc

    def _log_stream_start(self, ctx: CallContext, response: httpx.Response, started: float) -> None:
        logger.debug(
            "POST %s -> %s, streaming after %.0f ms (task=%s, request_id=%s, authenticated=%s)",
            response.request.url,
            response.status_code,
            (time.monotonic() - started) * 1000,
            ctx.task,
            response.headers.get("x-request-id"),
            self.has_token,
        )

    def _refuse_stream(
        self, ctx: CallContext, response: httpx.Response, content: bytes, started: float
    ) -> NoReturn:
        # A non-2xx gets exactly what `send` would raise (and retry).
        self._finish(ctx, response, content, started)
        server, _ = _server_text(response, content)
        server = self.redact(server) if server else server
        kind = response.headers.get("content-type") or "no content type"
        raise OutputError(
            f"{_who(ctx)} answered {response.status_code} with {kind} instead of an event "
            f"stream{f' ({server})' if server else ''}. The model or endpoint may not stream: "
            "call the method without `_stream`.",
            task=ctx.task,
            model=ctx.model,
            status=response.status_code,
            request_id=response.headers.get("x-request-id"),
            server_message=server,
        )

    def _event(self, ctx: CallContext, response: httpx.Response, data: str) -> dict[str, Any]:
        try:
            event = json.loads(data)
        except ValueError:
            event = None
        request_id = _type_and_request_id(response)[1]
        if not isinstance(event, dict):
            preview = self.redact(data if len(data) <= 200 else data[:200] + "…")
            raise OutputError(
                f"{_who(ctx)} streamed an event that is not a JSON object ({preview!r}). The "
                "model or endpoint may not speak this task's stream format.",
                task=ctx.task,
                model=ctx.model,
                status=response.status_code,
                request_id=request_id,
            )
        problem = stream_error(event)
        if problem is None:
            return event
        raise self._stream_event_error(ctx, response, problem)

    def _stream_event_error(
        self, ctx: CallContext, response: httpx.Response, problem: StreamError
    ) -> HfInferenceError:
        error_class, hint = _STREAM_ERRORS.get(problem.error_type or "", _STREAM_ERROR_DEFAULT)
        server = self.redact(problem.message)
        if len(server) > _SERVER_TEXT_LIMIT:
            server = server[:_SERVER_TEXT_LIMIT] + "…"
        return error_class(
            f"{_who(ctx)} reported an error in the middle of its answer "
            f"({problem.error_type or 'error'}: {server}). {hint}",
            task=ctx.task,
            model=ctx.model,
            status=response.status_code,
            request_id=response.headers.get("x-request-id"),
            server_message=server,
        )

    def _broken_stream(self, ctx: CallContext, exc: httpx.HTTPError) -> HfInferenceError:
        if isinstance(exc, httpx.TimeoutException):
            return InferenceTimeoutError(
                f"{_who(ctx)} sent nothing for {self.timeout:g} seconds in the middle of its "
                "answer. Raise `timeout=` on HfInference, or ask for a shorter answer.",
                task=ctx.task,
                model=ctx.model,
            )
        return ServerError(
            f"{_who(ctx)} broke off its answer ({type(exc).__name__}: "
            f"{self.redact(str(exc)) or 'connection closed'}). Try again.",
            task=ctx.task,
            model=ctx.model,
        )


def _is_event_stream(response: httpx.Response) -> bool:
    content_type = response.headers.get("content-type", "")
    return response.is_success and content_type.split(";")[0].strip() == "text/event-stream"


# TGI's error types, mapped as TGI maps them to statuses when it is not streaming
# (validation and template errors 422, overloaded 429, the rest 5xx); OpenAI's 400 type too.
_FIX_INPUTS = "Fix the arguments (e.g. ask for fewer new tokens) and call again."
_STREAM_ERRORS: dict[str, tuple[type[HfInferenceError], str]] = {
    "validation": (InputError, _FIX_INPUTS),
    "invalid_request_error": (InputError, _FIX_INPUTS),
    "template_error": (
        InputError,
        "The model's chat template refused the messages: check their roles and order.",
    ),
    "overloaded": (RateLimitError, "The model is overloaded: wait and try again."),
}
_STREAM_ERROR_DEFAULT: tuple[type[HfInferenceError], str] = (ServerError, "Try again later.")


_MODEL_SUFFIX: dict[Route, str] = {
    "model": "",
    "feature-extraction": "/pipeline/feature-extraction",
    "sentence-similarity": "/pipeline/sentence-similarity",
    "chat": "/v1/chat/completions",
    "completions": "/v1/completions",
}


def _endpoint_route(endpoint_url: str, route: Route) -> str:
    if route not in ("chat", "completions"):
        return endpoint_url
    leaf = "/chat/completions" if route == "chat" else "/completions"
    url = httpx.URL(endpoint_url)
    path = url.path.rstrip("/")
    if path.endswith(leaf):
        return endpoint_url
    path = path + leaf if path.endswith("/v1") else path + "/v1" + leaf
    return str(url.copy_with(path=path))


def _after(attempts: int) -> str:
    return f" after {attempts} attempts" if attempts > 1 else ""


def _who(ctx: CallContext) -> str:
    return f"{ctx.task} with model {ctx.model!r}" if ctx.model else f"{ctx.task} on the endpoint"


def _server_text(response: httpx.Response, content: bytes) -> tuple[str | None, float | None]:
    """The server's own words about the failure, and a 503's `estimated_time` if given."""
    parts: list[str] = []
    estimated: float | None = None
    if header := response.headers.get("x-error-message"):
        parts.append(header)
    text = content.decode("utf-8", errors="replace").strip()
    body: Any = None
    if text:
        try:
            body = json.loads(text)
        except ValueError:
            if "html" not in response.headers.get("content-type", ""):
                parts.append(text)
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, str):
            parts.append(error)
        elif isinstance(error, list):
            parts.extend(str(e) for e in error)
        elif isinstance(error, dict) and isinstance(error.get("message"), str):
            parts.append(error["message"])
        for key in ("detail", "message", "error_description"):
            if isinstance(body.get(key), str):
                parts.append(body[key])
        if isinstance(body.get("estimated_time"), int | float):
            estimated = float(body["estimated_time"])
    elif isinstance(body, str):
        parts.append(body)
    unique = list(dict.fromkeys(p.strip() for p in parts if p and p.strip()))
    joined = "; ".join(unique)
    if len(joined) > _SERVER_TEXT_LIMIT:
        joined = joined[:_SERVER_TEXT_LIMIT] + "…"
    return (joined or None), estimated


_RATELIMIT_RESET = re.compile(r"(?:^|[;,\s])t=(\d+(?:\.\d+)?)")
_RATELIMIT_REMAINING = re.compile(r"(?:^|[;,\s])r=(\d+)")


def _retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asks us to wait: `Retry-After` (seconds or a date), else `RateLimit`."""
    if value := headers.get("retry-after"):
        value = value.strip()
        try:
            return max(float(value), 0.0)
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                when = None
            if when is not None:
                if when.tzinfo is None:
                    when = when.replace(tzinfo=UTC)
                return max((when - datetime.now(UTC)).total_seconds(), 0.0)
    if value := headers.get("ratelimit"):
        reset = _RATELIMIT_RESET.search(value)
        remaining = _RATELIMIT_REMAINING.search(value)
        if reset and (remaining is None or int(remaining.group(1)) == 0):
            return float(reset.group(1))
    if value := headers.get("ratelimit-reset"):
        with contextlib.suppress(ValueError):
            return max(float(value), 0.0)
    return None


def _slices(body: bytes) -> Iterator[bytes]:
    view = memoryview(body)
    for start in range(0, len(view), _UPLOAD_SLICE):
        yield view[start : start + _UPLOAD_SLICE].tobytes()


async def _aslices(body: bytes) -> AsyncIterator[bytes]:
    for piece in _slices(body):
        yield piece


@cache
def _type_and_request_id(response: httpx.Response) -> tuple[str | None, str | None]:
    """The answer's Content-Type and X-Request-Id. httpx's `headers.get` decodes and lower-cases
    every header on each lookup; one pass over the raw pairs finds both."""
    content_type = request_id = None
    for name, value in response.headers.raw:
        lowered = name.lower()
        if lowered == b"content-type" and content_type is None:
            content_type = value.decode("latin-1")
        elif lowered == b"x-request-id" and request_id is None:
            request_id = value.decode("latin-1")
    return content_type, request_id


def _tls() -> ssl.SSLContext:
    # Loading the CA bundle costs tens of milliseconds, and a client is made per event loop.
    return httpx.create_ssl_context()


async def _close_at_loop_shutdown(client: httpx.AsyncClient) -> AsyncGenerator[None]:
    try:
        yield
    finally:
        await client.aclose()
