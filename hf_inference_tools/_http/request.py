"""What a task asks to send and what it gets back, and how a request becomes URL, headers, body.

All pure: values and functions of them, with no client and no I/O. `transport.py` sends what
these build.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

import httpx
from pydantic import SecretStr

from .._config import Options
from .._version import __version__

__all__ = [
    "TASK_EXTENSION",
    "USER_AGENT",
    "ApiRequest",
    "ApiResponse",
    "CallContext",
    "Route",
    "encode_body",
    "headers_for",
    "parsed_url",
    "url_for",
    "who",
]

Route = Literal["model", "feature-extraction", "sentence-similarity", "chat", "completions"]

USER_AGENT = f"hf-inference-tools/{__version__}"
# The tool name a request is for, as an httpx request extension: never sent on the wire (httpcore
# reads only the extensions it knows), but an in-process stand-in (`testing.HfInferenceMock`)
# reads it to answer any model or endpoint with the task that was called.
TASK_EXTENSION = "hf_inference_tools.task"
"""How this package names itself to every server it calls (the API and media hosts alike)."""

# Compact, UTF-8 as it is; built once (`json.dumps` with options builds an encoder per call).
_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


class ApiRequest(NamedTuple):
    """What a task asks to send: the route, and a JSON body or raw bytes with their type."""

    route: Route = "model"
    json: Any = None
    content: bytes | None = None
    content_type: str | None = None
    accept: str | None = None
    # Inference Providers (see `hf_inference_tools.providers`): an absolute URL replaces `route`,
    # a GET carries no body, `headers` are added, and `auth` picks the scheme the token goes in
    # ("key" is fal's direct `Authorization: Key ...`; "none" sends no token, as to the Hub
    # when the token is a provider's own key).
    url: str | None = None
    method: Literal["GET", "POST", "PUT"] = "POST"
    headers: Mapping[str, str] | None = None
    auth: Literal["bearer", "key", "none"] = "bearer"
    # False for a provider's own host (a direct key): Hugging Face's own headers
    # (`X-HF-Bill-To` and any other `X-HF-*` of the client's) are not sent there.
    hf_host: bool = True


class ApiResponse(NamedTuple):
    """A successful (2xx) answer, read whole."""

    status: int
    content: bytes
    content_type: str
    request_id: str | None = None
    headers: Mapping[str, str] = MappingProxyType({})
    """All the answer's headers (from httpx: names case-insensitive, repeats comma-joined)."""

    def json(self) -> Any:
        return json.loads(self.content)


class CallContext(NamedTuple):
    """Who is calling: named in every error message and log line."""

    task: str
    model: str | None
    provider: str | None = None
    """The Inference Provider a call goes to, when not the serverless API (named in messages)."""


def who(ctx: CallContext) -> str:
    """The caller as error messages and log lines name it."""
    if ctx.provider:
        return f"{ctx.task} with model {ctx.model!r} on provider {ctx.provider!r}"
    return f"{ctx.task} with model {ctx.model!r}" if ctx.model else f"{ctx.task} on the endpoint"


_MODEL_SUFFIX: dict[Route, str] = {
    "model": "",
    "feature-extraction": "/pipeline/feature-extraction",
    "sentence-similarity": "/pipeline/sentence-similarity",
    "chat": "/v1/chat/completions",
    "completions": "/v1/completions",
}


def url_for(base_url: str, endpoint_url: str | None, model: str | None, route: Route) -> str:
    """The URL a request goes to (the endpoint URL is used as given, as the HF clients do)."""
    if endpoint_url:
        return _endpoint_route(endpoint_url, route)
    if not model:
        raise ValueError("A model id is needed when no endpoint_url is set.")
    url = f"{base_url}/models/{model}"
    return url + _MODEL_SUFFIX[route]


# The distinct URLs a process sends to: one per model and route it calls (and per provider
# URL), so a few in practice; the bound keeps a process that calls many from growing.
_URLS = 256


@functools.lru_cache(maxsize=_URLS)
def parsed_url(url: str) -> httpx.URL:
    """`url` as an `httpx.URL`, parsed once per distinct string (a bounded cache, by value).

    httpx parses a string URL on every request it builds: checking and normalising each part
    costs ~20 us here, about as much as the rest of building the request. Handed a parsed URL,
    httpx reuses it as it is.
    """
    return httpx.URL(url)


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


def headers_for(
    request: ApiRequest,
    options: Options,
    *,
    token: SecretStr | None,
    extra: Mapping[str, str],
    waiting: bool,
) -> dict[str, str]:
    """The headers of one attempt (`waiting`: a 503 said the model is loading, so wait for it)."""
    if request.hf_host:
        headers = {**extra, "User-Agent": USER_AGENT}
    else:
        headers = {k: v for k, v in extra.items() if not k.lower().startswith("x-hf-")}
        headers["User-Agent"] = USER_AGENT
    if token is not None and request.auth != "none":
        scheme = "Key" if request.auth == "key" else "Bearer"
        headers["Authorization"] = f"{scheme} {token.get_secret_value()}"
    if request.headers:
        headers.update(request.headers)
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


def encode_body(request: ApiRequest) -> bytes:
    """The bytes on the wire: raw content as given, else the JSON, compact (none for a GET)."""
    if request.method == "GET":
        return b""
    if request.content is not None:
        return request.content
    return _JSON.encode(request.json).encode()
