"""The one door to the inference API: the module that sends.

Nothing above `_http` builds a URL, sets a header or reads a status code. A task hands in a pure
`ApiRequest`; `Transport.send` / `Transport.asend` (hand-written twins) hand back an
`ApiResponse` or raise an error from `hf_inference_tools.errors`. `Transport.stream` /
`Transport.astream` do the same for Server-Sent Events answers (parsed in `sse.py`).

The other ideas live beside it, each in its module: `request` (the values, URL, headers and
body), `retry` (what is retried and how long to wait), `status` (failures to our errors),
`clients` (the httpx clients' life), `upload` (large bodies in slices).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import time
import warnings
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
    Mapping,
)
from typing import Any, TypeVar

import httpx
from pydantic import SecretStr

from .._config import Options
from ..errors import HfInferenceError
from ._deadline import Deadline
from .clients import DEFAULT_LIMITS, Clients
from .request import (
    TASK_EXTENSION,
    ApiRequest,
    ApiResponse,
    CallContext,
    Route,
    encode_body,
    headers_for,
    parsed_url,
    url_for,
)
from .retry import Retryable, retrying_kwargs
from .sse import aiter_sse, iter_sse, stream_error
from .status import (
    bad_event,
    broken_stream,
    not_a_stream,
    status_error,
    stream_event_error,
    timeout_error,
    transport_error,
    type_and_request_id,
)
from .upload import UPLOAD_SLICE, aslices, slices

# The values are defined in `request`; they are named here too, where tasks and the client
# have always imported them from.
__all__ = [
    "DEFAULT_LIMITS",
    "ApiRequest",
    "ApiResponse",
    "CallContext",
    "Route",
    "TASK_EXTENSION",
    "Transport",
]

logger = logging.getLogger("hf_inference_tools")

T = TypeVar("T")


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
        self._clients = Clients(
            timeout=timeout, http_client=http_client, async_http_client=async_http_client
        )
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
        return self._clients.client()

    async def aclient(self) -> httpx.AsyncClient:
        """This event loop's async client, created on first use in that loop."""
        return await self._clients.aclient()

    def close(self) -> None:
        """Close the sync client if this transport created it."""
        self._clients.close()

    async def aclose(self) -> None:
        """Close this loop's async client (if created here) and the sync one."""
        await self._clients.aclose()

    # -- requests --------------------------------------------------------------------------

    def url_for(self, model: str | None, route: Route) -> str:
        """The URL a request goes to (the endpoint URL is used as given, as the HF clients do)."""
        return url_for(self.base_url, self.endpoint_url, model, route)

    def headers_for(
        self, request: ApiRequest, options: Options, *, waiting: bool
    ) -> dict[str, str]:
        return headers_for(
            request, options, token=self._token, extra=self.extra_headers, waiting=waiting
        )

    def _retrying_kwargs(self, ctx: CallContext, options: Options) -> dict[str, Any]:
        return retrying_kwargs(
            ctx,
            options,
            max_retries=self.max_retries,
            backoff=self.retry_backoff,
            max_wait=self.retry_max_wait,
        )

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
        attempt = self._attempt if request.method == "POST" else self._get_attempt
        if request.method == "PUT":  # fal's cancel
            attempt = functools.partial(self._attempt, method="PUT")
        return self._retried(ctx, request, options, attempt)

    def _retried(
        self,
        ctx: CallContext,
        request: ApiRequest,
        options: Options,
        attempt_once: Callable[[CallContext, httpx.URL, dict[str, str], bytes], T],
    ) -> T:
        """`attempt_once` under the retry policy: the one loop behind `send` and `stream`."""
        self._check_options(options)
        # The module functions, not this class's wrappers: a call saved per request.
        url = parsed_url(
            request.url or url_for(self.base_url, self.endpoint_url, ctx.model, request.route)
        )
        body = encode_body(request)
        try:
            # Most calls succeed at once: tenacity (~50 us a call) is set up only when one fails.
            return attempt_once(
                ctx,
                url,
                headers_for(
                    request, options, token=self._token, extra=self.extra_headers, waiting=False
                ),
                body,
            )
        except Retryable as exc:
            first: Retryable | None = exc
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
                    headers = headers_for(
                        request,
                        options,
                        token=self._token,
                        extra=self.extra_headers,
                        waiting=waiting,
                    )
                    try:
                        return attempt_once(ctx, url, headers, body)
                    except Retryable as exc:
                        waiting = waiting or exc.loading
                        raise
        except Retryable as exc:
            raise exc.give_up(attempts) from exc.__cause__
        raise AssertionError("unreachable")  # pragma: no cover

    async def asend(self, ctx: CallContext, request: ApiRequest, options: Options) -> ApiResponse:
        """Async twin of `send`."""
        attempt = self._aattempt if request.method == "POST" else self._aget_attempt
        if request.method == "PUT":
            attempt = functools.partial(self._aattempt, method="PUT")
        return await self._aretried(ctx, request, options, attempt)

    async def _aretried(
        self,
        ctx: CallContext,
        request: ApiRequest,
        options: Options,
        attempt_once: Callable[[CallContext, httpx.URL, dict[str, str], bytes], Awaitable[T]],
    ) -> T:
        """Async twin of `_retried`."""
        self._check_options(options)
        # The module functions, not this class's wrappers: a call saved per request.
        url = parsed_url(
            request.url or url_for(self.base_url, self.endpoint_url, ctx.model, request.route)
        )
        body = encode_body(request)
        try:
            # Most calls succeed at once: tenacity (~50 us a call) is set up only when one fails.
            return await attempt_once(
                ctx,
                url,
                headers_for(
                    request, options, token=self._token, extra=self.extra_headers, waiting=False
                ),
                body,
            )
        except Retryable as exc:
            first: Retryable | None = exc
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
                    headers = headers_for(
                        request,
                        options,
                        token=self._token,
                        extra=self.extra_headers,
                        waiting=waiting,
                    )
                    try:
                        return await attempt_once(ctx, url, headers, body)
                    except Retryable as exc:
                        waiting = waiting or exc.loading
                        raise
        except Retryable as exc:
            raise exc.give_up(attempts) from exc.__cause__
        raise AssertionError("unreachable")  # pragma: no cover

    def _get_attempt(
        self, ctx: CallContext, url: httpx.URL, headers: dict[str, str], body: bytes
    ) -> ApiResponse:
        return self._attempt(ctx, url, headers, body, method="GET")

    async def _aget_attempt(
        self, ctx: CallContext, url: httpx.URL, headers: dict[str, str], body: bytes
    ) -> ApiResponse:
        return await self._aattempt(ctx, url, headers, body, method="GET")

    def _attempt(
        self,
        ctx: CallContext,
        url: httpx.URL,
        headers: dict[str, str],
        body: bytes,
        method: str = "POST",
    ) -> ApiResponse:
        started = time.monotonic()
        content: bytes | Iterator[bytes] = body
        if len(body) > UPLOAD_SLICE:  # see `upload`
            headers, content = {**headers, "Content-Length": str(len(body))}, slices(body)
        client = self._clients.client()
        # `client.stream()` is this, wrapped in a generator-based context manager.
        request = client.build_request(
            method,
            url,
            headers=headers,
            content=content or None,
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
        self,
        ctx: CallContext,
        url: httpx.URL,
        headers: dict[str, str],
        body: bytes,
        method: str = "POST",
    ) -> ApiResponse:
        started = time.monotonic()
        client = await self._clients.aclient()
        content: bytes | AsyncIterator[bytes] = body
        if len(body) > UPLOAD_SLICE:  # see `upload`
            headers, content = {**headers, "Content-Length": str(len(body))}, aslices(body)
        request = client.build_request(
            method,
            url,
            headers=headers,
            content=content or None,
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
            raise timeout_error(ctx, self.timeout) from exc
        except httpx.HTTPError as exc:
            raise self._transport_error(ctx, exc) from exc
        return self._finish(ctx, response, content, started)

    # -- outcomes --------------------------------------------------------------------------

    def _finish(
        self, ctx: CallContext, response: httpx.Response, content: bytes, started: float
    ) -> ApiResponse:
        content_type, request_id = type_and_request_id(response)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s in %.0f ms (task=%s, request_id=%s, authenticated=%s)",
                response.request.method,
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

    def _transport_error(self, ctx: CallContext, exc: httpx.HTTPError) -> Exception:
        return transport_error(ctx, exc, timeout=self.timeout, redact=self.redact)

    def _status_error(
        self, ctx: CallContext, response: httpx.Response, content: bytes
    ) -> Exception:
        return status_error(ctx, response, content, has_token=self.has_token, redact=self.redact)

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
    ) -> Iterator[Iterator[dict[str, Any]] | ApiResponse]:
        """Open a Server-Sent Events answer; yield an iterator over its JSON events.

        A server that ignores `stream` (transformers pipelines on HF Inference, many endpoints,
        older TGI) answers 2xx JSON instead: that is the whole answer, and it is yielded as the
        `ApiResponse` that `send` would have returned. A non-2xx before the stream starts raises
        what `send` raises, after the same retries; a 2xx that is neither an event stream nor
        JSON raises `OutputError`; an event with an `error` key raises the matching error. The
        events end at `[DONE]` or at the end of the body. Leaving the `with` block closes the
        connection, however far the reading got.
        """
        response = self._start_stream(ctx, request, options)
        if isinstance(response, ApiResponse):
            yield response
            return
        events = self._events(ctx, response)
        try:
            yield events
        finally:
            events.close()
            response.close()

    @contextlib.asynccontextmanager
    async def astream(
        self, ctx: CallContext, request: ApiRequest, options: Options
    ) -> AsyncIterator[AsyncIterator[dict[str, Any]] | ApiResponse]:
        """Async twin of `stream`."""
        response = await self._astart_stream(ctx, request, options)
        if isinstance(response, ApiResponse):
            yield response
            return
        events = self._aevents(ctx, response)
        try:
            yield events
        finally:
            await events.aclose()
            await response.aclose()

    def _start_stream(
        self, ctx: CallContext, request: ApiRequest, options: Options
    ) -> httpx.Response | ApiResponse:
        # Retried like `send`, but only until the stream starts: never once events flow.
        return self._retried(ctx, request, options, self._open_stream)

    async def _astart_stream(
        self, ctx: CallContext, request: ApiRequest, options: Options
    ) -> httpx.Response | ApiResponse:
        return await self._aretried(ctx, request, options, self._aopen_stream)

    def _open_stream(
        self, ctx: CallContext, url: httpx.URL, headers: dict[str, str], body: bytes
    ) -> httpx.Response | ApiResponse:
        started = time.monotonic()
        client = self._clients.client()
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
        return self._whole_or_refused(ctx, response, content, started)

    async def _aopen_stream(
        self, ctx: CallContext, url: httpx.URL, headers: dict[str, str], body: bytes
    ) -> httpx.Response | ApiResponse:
        started = time.monotonic()
        client = await self._clients.aclient()
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
        return self._whole_or_refused(ctx, response, content, started)

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

    def _whole_or_refused(
        self, ctx: CallContext, response: httpx.Response, content: bytes, started: float
    ) -> ApiResponse:
        # A non-2xx gets exactly what `send` would raise (and retry); a 2xx JSON body is the
        # whole answer of a server that does not stream.
        answer = self._finish(ctx, response, content, started)
        if _is_json(answer.content_type):
            return answer
        raise not_a_stream(ctx, response, content, redact=self.redact)

    def _event(self, ctx: CallContext, response: httpx.Response, data: str) -> dict[str, Any]:
        try:
            event = json.loads(data)
        except ValueError:
            event = None
        if not isinstance(event, dict):
            raise bad_event(ctx, response, data, redact=self.redact)
        problem = stream_error(event)
        if problem is None:
            return event
        raise stream_event_error(ctx, response, problem, redact=self.redact)

    def _broken_stream(self, ctx: CallContext, exc: httpx.HTTPError) -> HfInferenceError:
        return broken_stream(ctx, exc, timeout=self.timeout, redact=self.redact)


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def _is_event_stream(response: httpx.Response) -> bool:
    content_type = response.headers.get("content-type", "")
    return response.is_success and content_type.split(";")[0].strip() == "text/event-stream"
