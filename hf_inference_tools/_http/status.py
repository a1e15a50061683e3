"""What went wrong, in the package's error tree, with the server's own words (token redacted).

Each function turns one kind of failure (a status and body, a connection error, a timeout, an
error event in a stream) into an error of `hf_inference_tools.errors`, or into `Retryable` when
another try may succeed. `redact` removes the token from any text a server or library echoes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

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
from .request import CallContext, who
from .retry import RETRY_STATUSES, Retryable, after, retry_after
from .sse import StreamError

__all__ = [
    "bad_event",
    "broken_stream",
    "not_a_stream",
    "server_text",
    "status_error",
    "stream_event_error",
    "timeout_error",
    "transport_error",
    "type_and_request_id",
]

Redact = Callable[[str], str]

_SERVER_TEXT_LIMIT = 500


def timeout_error(ctx: CallContext, timeout: float) -> InferenceTimeoutError:
    return InferenceTimeoutError(
        f"{who(ctx)} got no answer within {timeout:g} seconds. "
        "Raise `timeout=` on HfInference, or send a smaller input.",
        task=ctx.task,
        model=ctx.model,
    )


def transport_error(
    ctx: CallContext, exc: httpx.HTTPError, *, timeout: float, redact: Redact
) -> Exception:
    if isinstance(exc, httpx.TimeoutException):
        return timeout_error(ctx, timeout)
    cause = f"{type(exc).__name__}: {redact(str(exc)) or 'connection closed'}"
    if isinstance(exc, httpx.ConnectError | httpx.ProxyError | httpx.UnsupportedProtocol):
        what = f"could not reach the inference API ({cause})"
        advice = "Check the network and `base_url` / `endpoint_url`, then try again."
    else:
        what = f"lost the connection before the answer was complete ({cause})"
        advice = "Try again later."

    def give_up(attempts: int) -> HfInferenceError:
        return ServerError(
            f"{who(ctx)} {what}{after(attempts)}. {advice}", task=ctx.task, model=ctx.model
        )

    # A request the server may have read is sent again: inference has no side effects.
    if isinstance(exc, httpx.TransportError) and not isinstance(exc, httpx.UnsupportedProtocol):
        return Retryable(give_up, None)
    return give_up(1)


def status_error(
    ctx: CallContext,
    response: httpx.Response,
    content: bytes,
    *,
    has_token: bool,
    redact: Redact,
) -> Exception:
    status = response.status_code
    server, estimated = server_text(response, content)
    server = redact(server) if server else server
    request_id = type_and_request_id(response)[1]
    common: dict[str, Any] = {
        "task": ctx.task,
        "model": ctx.model,
        "status": status,
        "request_id": request_id,
        "server_message": server,
    }
    quoted = f"{status}: {server}" if server else f"HTTP {status}"
    caller = who(ctx)
    if status in (401, 403):
        hint = (
            "No token was sent: set HF_TOKEN or pass token= to HfInference."
            if not has_token
            else "Check that HF_TOKEN is valid and may call Inference Providers"
            + (
                ", and that you accepted the model's terms on its Hub page."
                if status == 403
                else "."
            )
        )
        return AuthenticationError(f"{caller} was refused ({quoted}). {hint}", **common)
    if status == 402:
        return PaymentRequiredError(
            f"{caller} was refused: inference credits are exhausted ({quoted}). Add credits or "
            "a PRO plan on huggingface.co, or pass endpoint_url for your own endpoint.",
            **common,
        )
    if status == 410:
        return ModelNotFoundError(
            f"{caller} reached a retired host ({quoted}). Use the default base_url "
            "(https://router.huggingface.co/hf-inference) or pass endpoint_url.",
            **common,
        )
    if status == 404:
        return ModelNotFoundError(
            f"{caller} failed: the model is not served there ({quoted}). Check the model id, "
            "pick a model HF Inference serves, or pass endpoint_url for a dedicated endpoint.",
            **common,
        )
    if status in (400, 413, 422):
        return InputError(
            f"{caller} was refused: the server did not accept the inputs ({quoted}). "
            "Fix the arguments and call again.",
            **common,
        )
    wait_hint = retry_after(response.headers)
    kind: type[HfInferenceError] = ServerError
    what, advice = "failed on the server", "Try again later."
    if status == 429:
        kind, what = RateLimitError, "was rate limited"
        advice = "Wait and try again later." if has_token else "Set HF_TOKEN for higher limits."
    elif status == 503:
        kind, what = ModelLoadingError, "found the model unavailable"
        advice = "Try again later, or pass Options(wait_for_model=True)."

    def give_up(attempts: int) -> HfInferenceError:
        error = kind(f"{caller} {what} ({quoted}){after(attempts)}. {advice}", **common)
        if isinstance(error, ModelLoadingError):
            error.estimated_time = estimated
        return error

    if status == 503:
        loading = estimated is not None or "loading" in (server or "").lower()
        wait = wait_hint if wait_hint is not None else estimated
        return Retryable(give_up, wait, loading=loading)
    if status in RETRY_STATUSES or status == 408:
        return Retryable(give_up, wait_hint)
    return give_up(1)


def server_text(response: httpx.Response, content: bytes) -> tuple[str | None, float | None]:
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


def type_and_request_id(response: httpx.Response) -> tuple[str | None, str | None]:
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


# -- streams (Server-Sent Events) ---------------------------------------------------------------


def not_a_stream(
    ctx: CallContext, response: httpx.Response, content: bytes, *, redact: Redact
) -> OutputError:
    """A 2xx answer to a streaming call that is neither an event stream nor JSON."""
    server, _ = server_text(response, content)
    server = redact(server) if server else server
    kind = response.headers.get("content-type") or "no content type"
    return OutputError(
        f"{who(ctx)} answered {response.status_code} with {kind} instead of an event "
        f"stream or JSON{f' ({server})' if server else ''}. The model or endpoint may not stream: "
        "call the method without `_stream`.",
        task=ctx.task,
        model=ctx.model,
        status=response.status_code,
        request_id=response.headers.get("x-request-id"),
        server_message=server,
    )


def bad_event(
    ctx: CallContext, response: httpx.Response, data: str, *, redact: Redact
) -> OutputError:
    """An event that is not a JSON object."""
    preview = redact(data if len(data) <= 200 else data[:200] + "…")
    return OutputError(
        f"{who(ctx)} streamed an event that is not a JSON object ({preview!r}). The "
        "model or endpoint may not speak this task's stream format.",
        task=ctx.task,
        model=ctx.model,
        status=response.status_code,
        request_id=type_and_request_id(response)[1],
    )


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


def stream_event_error(
    ctx: CallContext, response: httpx.Response, problem: StreamError, *, redact: Redact
) -> HfInferenceError:
    """An error event in the middle of a stream."""
    error_class, hint = _STREAM_ERRORS.get(problem.error_type or "", _STREAM_ERROR_DEFAULT)
    server = redact(problem.message)
    if len(server) > _SERVER_TEXT_LIMIT:
        server = server[:_SERVER_TEXT_LIMIT] + "…"
    return error_class(
        f"{who(ctx)} reported an error in the middle of its answer "
        f"({problem.error_type or 'error'}: {server}). {hint}",
        task=ctx.task,
        model=ctx.model,
        status=response.status_code,
        request_id=response.headers.get("x-request-id"),
        server_message=server,
    )


def broken_stream(
    ctx: CallContext, exc: httpx.HTTPError, *, timeout: float, redact: Redact
) -> HfInferenceError:
    """A stream cut off by the network (or silent too long) after it started."""
    if isinstance(exc, httpx.TimeoutException):
        return InferenceTimeoutError(
            f"{who(ctx)} sent nothing for {timeout:g} seconds in the middle of its "
            "answer. Raise `timeout=` on HfInference, or ask for a shorter answer.",
            task=ctx.task,
            model=ctx.model,
        )
    return ServerError(
        f"{who(ctx)} broke off its answer ({type(exc).__name__}: "
        f"{redact(str(exc)) or 'connection closed'}). Try again.",
        task=ctx.task,
        model=ctx.model,
    )
