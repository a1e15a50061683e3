"""What every `HfInference` method shares: configuration, the transport, and one call path."""

from __future__ import annotations

import copy
import os
import sys
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, Self, TypeVar

import httpx
from pydantic import BaseModel, SecretStr, ValidationError

from .._answered import answered
from .._config import DEFAULT_HUB_URL, DEFAULT_ROUTER_URL, Options, resolve_token
from .._http.transport import ApiRequest, ApiResponse, CallContext, Transport
from .._media import Media, read_binary_input
from ..errors import AuthenticationError, HfInferenceError, OutputError
from ..tasks._spec import BuildContext, TaskSpec, json_error

if TYPE_CHECKING:
    from ..providers import ProviderRouter

BinaryInput = bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO
"""What a client method's `data` accepts: bytes, a path to a file, or a binary file object."""

InputT = TypeVar("InputT", bound=BaseModel)
_ROUTER_LOCK = threading.Lock()
ResultT = TypeVar("ResultT")


class ClientCore:
    """Configuration and the single call path behind every task method."""

    def __init__(
        self,
        token: str | SecretStr | None = None,
        *,
        base_url: str | None = None,
        endpoint_url: str | None = None,
        options: Options | None = None,
        timeout: float = 60.0,
        max_retries: int = 3,
        retry_backoff: float = 0.5,
        retry_max_wait: float = 30.0,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        async_http_client: httpx.AsyncClient | None = None,
        text_generation_api: Literal["classic", "completions"] = "classic",
        provider: str | None = None,
        router_url: str = DEFAULT_ROUTER_URL,
        hub_url: str | None = None,
        bill_to: str | None = None,
        job_timeout: float = 300.0,
        max_output_bytes: int = 200 * 2**20,
        max_failovers: int = 2,
    ) -> None:
        self.options = options or Options()
        self.text_generation_api = text_generation_api
        secret = resolve_token(token)
        router_url = router_url.rstrip("/")
        if bill_to:
            headers = {**(headers or {}), "X-HF-Bill-To": bill_to}
        # -- Inference Providers (SPEC 7): the router is built on first use (it loads tables).
        self._provider = provider or "auto"
        # A base_url given while provider is left alone means "that serverless API", as before.
        self._serverless_by_default = base_url is not None and provider is None
        self._provider_settings: dict[str, Any] = {
            "token": secret,
            "provider": self._provider,
            "router_url": router_url,
            "hub_url": hub_url or os.environ.get("HF_ENDPOINT") or DEFAULT_HUB_URL,
            "job_timeout": job_timeout,
            "max_output_bytes": max_output_bytes,
            "max_failovers": max_failovers,
            "serverless_by_default": self._serverless_by_default,
        }
        self._router: ProviderRouter | None = None
        self._transport = Transport(
            token=secret,
            base_url=base_url or f"{router_url}/hf-inference",
            endpoint_url=endpoint_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_backoff=retry_backoff,
            retry_max_wait=retry_max_wait,
            headers=headers,
            http_client=http_client,
            async_http_client=async_http_client,
        )
        # A provider's own key (a token that is not `hf_...`) is never sent to Hugging Face's
        # serverless API, which would refuse it anyway: calls there fail before sending.
        self._provider_key_to_hf = (
            secret is not None
            and not secret.get_secret_value().startswith("hf_")
            and endpoint_url is None
            and _is_hf_host(self._transport.base_url)
        )
        if self._provider not in ("auto", "hf-inference"):
            self.providers  # noqa: B018  # an unknown provider is an error now, not at first call

    # -- configuration, read-only ----------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    @property
    def endpoint_url(self) -> str | None:
        return self._transport.endpoint_url

    @property
    def timeout(self) -> float:
        return self._transport.timeout

    @property
    def max_retries(self) -> int:
        return self._transport.max_retries

    @property
    def provider(self) -> str:
        """The default provider of calls: "auto", "hf-inference" or a provider's name."""
        return self._provider

    @property
    def providers(self) -> ProviderRouter:
        """What routes calls to Inference Providers (mappings cache, job settings, seams)."""
        if self._router is None:
            from ..providers import ProviderRouter  # the adapter tables: loaded when first needed

            with _ROUTER_LOCK:  # one router (one mappings cache) even for concurrent first calls
                if self._router is None:
                    self._router = ProviderRouter(self._transport, **self._provider_settings)
        return self._router

    def _target(self, provider: str | None) -> str | None:
        """The provider a call goes to; None for the serverless API (or endpoint) as before."""
        if self.endpoint_url:
            return None
        if provider is None and (self._serverless_by_default or self._provider == "hf-inference"):
            return None
        if provider == "hf-inference":
            return None
        return self.providers.target(provider)

    @property
    def has_token(self) -> bool:
        """Whether a token was found (its value is never shown)."""
        return self._transport.has_token

    @property
    def transport(self) -> Transport:
        """The one object that talks HTTP (exposed for tests and advanced tuning)."""
        return self._transport

    def __repr__(self) -> str:
        target = self.endpoint_url or self.base_url
        token = "set" if self.has_token else None
        return f"HfInference({target!r}, token={token}, timeout={self.timeout:g})"

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the sync HTTP client this object created (never one passed in)."""
        self._transport.close()

    async def aclose(self) -> None:
        """Close the HTTP clients this object created for the running loop, and the sync one."""
        await self._transport.aclose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- the call path ---------------------------------------------------------------------

    def model_for(self, spec: TaskSpec[Any, Any], model: str | None) -> str | None:
        """The model a call uses: the one given, else none for an endpoint, else the default."""
        if model:
            return model
        return None if self.endpoint_url else spec.default_model

    def prepare(
        self,
        spec: TaskSpec[InputT, Any],
        fields: Mapping[str, Any],
        data: BinaryInput | None = None,
    ) -> tuple[InputT, Media | None]:
        """Validate keyword arguments (and read binary `data`) into the task's Args."""
        media = None
        values = {k: v for k, v in fields.items() if v is not None}
        if spec.media_input is not None:
            if data is None:
                raise TypeError(
                    f"{spec.name}() needs `data`: bytes, a pathlib.Path or a file object."
                )
            # Developer code is trusted: no size cap here (the tools enforce max_media_bytes).
            media = read_binary_input(data, spec.media_input, max_bytes=sys.maxsize)
            values["data"] = media.source
        return spec.input_model.model_validate(values), media

    def call(
        self,
        spec: TaskSpec[InputT, ResultT],
        args: InputT,
        *,
        model: str | None = None,
        options: Options | None = None,
        media: Media | None = None,
        provider: str | None = None,
    ) -> ResultT:
        """Send one validated call and parse its answer (the tools come in here too)."""
        target = self._target(provider)
        if target is not None:
            model_id = self.model_for(spec, model) or spec.default_model
            return self.providers.call(
                spec,
                args,
                model=model_id,
                provider=target,
                media=media,
                options=options or self.options,
                serverless=lambda: self._serverless(spec, args, model_id, options, media),
            )
        return self._serverless(spec, args, model, options, media)

    def _serverless(
        self,
        spec: TaskSpec[InputT, ResultT],
        args: InputT,
        model: str | None,
        options: Options | None,
        media: Media | None,
    ) -> ResultT:
        ctx, build_ctx, request = self._request(spec, args, model, media)
        try:
            response = self._transport.send(ctx, request, options or self.options)
        except HfInferenceError as exc:
            if (explained := _explained(spec, exc, args, build_ctx)) is None:
                raise
            raise explained from exc
        answered(None if self.endpoint_url else "hf-inference")
        return self._parse(spec, ctx, response, args, build_ctx)

    async def acall(
        self,
        spec: TaskSpec[InputT, ResultT],
        args: InputT,
        *,
        model: str | None = None,
        options: Options | None = None,
        media: Media | None = None,
        provider: str | None = None,
    ) -> ResultT:
        """Async twin of `call`."""
        target = self._target(provider)
        if target is not None:
            model_id = self.model_for(spec, model) or spec.default_model
            return await self.providers.acall(
                spec,
                args,
                model=model_id,
                provider=target,
                media=media,
                options=options or self.options,
                serverless=lambda: self._aserverless(spec, args, model_id, options, media),
            )
        return await self._aserverless(spec, args, model, options, media)

    async def _aserverless(
        self,
        spec: TaskSpec[InputT, ResultT],
        args: InputT,
        model: str | None,
        options: Options | None,
        media: Media | None,
    ) -> ResultT:
        ctx, build_ctx, request = self._request(spec, args, model, media)
        try:
            response = await self._transport.asend(ctx, request, options or self.options)
        except HfInferenceError as exc:
            if (explained := _explained(spec, exc, args, build_ctx)) is None:
                raise
            raise explained from exc
        answered(None if self.endpoint_url else "hf-inference")
        return self._parse(spec, ctx, response, args, build_ctx)

    def _request(
        self, spec: TaskSpec[InputT, Any], args: InputT, model: str | None, media: Media | None
    ) -> tuple[CallContext, BuildContext, ApiRequest]:
        model_id = self.model_for(spec, model)
        if self._provider_key_to_hf:
            raise AuthenticationError(
                f"{spec.name} with model {model_id!r}: the serverless API (provider "
                "'hf-inference') needs a Hugging Face token (hf_...); the token given is a "
                "provider's own key, which is not sent to Hugging Face. Set HF_TOKEN, or name "
                "that key's provider with provider=.",
                task=spec.name,
                model=model_id,
            )
        ctx = CallContext(task=spec.name, model=model_id)
        build_ctx = BuildContext(
            model=model_id or "tgi",  # an endpoint serves one model; TGI ignores the name
            media=media,
            completions_api=self.text_generation_api == "completions",
        )
        return ctx, build_ctx, spec.build(args, build_ctx)

    def _parse(
        self,
        spec: TaskSpec[InputT, ResultT],
        ctx: CallContext,
        response: ApiResponse,
        args: InputT,
        build_ctx: BuildContext,
    ) -> ResultT:
        """The Return of a 2xx answer; an answer not of the task's shape is an OutputError."""
        try:
            result = spec.parse(response)
            return spec.finish(result, args, build_ctx) if spec.finish is not None else result
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            who = f"{ctx.task} with model {ctx.model!r}" if ctx.model else f"{ctx.task}"
            server = json_error(response)
            detail = (
                f"the server said: {self._transport.redact(server)}"
                if server
                else _describe_mismatch(exc)
            )
            raise OutputError(
                f"{who} answered {response.status}, but not with a {spec.hf_task} result "
                f"({detail}). The model may not serve this task: check its task on the Hub, "
                "or pick another model.",
                task=ctx.task,
                model=ctx.model,
                status=response.status,
                request_id=response.request_id,
                server_message=server,
            ) from exc


def _explained(
    spec: TaskSpec[InputT, Any], error: HfInferenceError, args: InputT, ctx: BuildContext
) -> HfInferenceError | None:
    """`error` with the task's advice added (same class and attributes), or None if it has none."""
    hint = spec.explain(error, args, ctx) if spec.explain is not None else None
    if not hint:
        return None
    explained = copy.copy(error)
    explained.message = f"{error.message} {hint}"
    explained.args = (explained.message,)
    return explained


def _describe_mismatch(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and exc.error_count():
        # The deepest problem, where it is: "Invalid JSON: expected value at line 1 column 1" or
        # "0.score: Input should be a valid number" says more than "2 validation errors for ...".
        # (Of a union's members, the one that got furthest; their names, `list[...]`, are left
        # out of the path.)
        first = max(exc.errors(include_url=False), key=lambda e: len(e["loc"]))
        where = ".".join(
            str(part) for part in first["loc"] if not (isinstance(part, str) and "[" in part)
        )
        text = f"{where}: {first['msg']}" if where else first["msg"]
        if exc.error_count() > 1:
            text += f" (and {exc.error_count() - 1} more)"
    else:
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "…"


def _is_hf_host(url: str) -> bool:
    """Whether `url` is on Hugging Face's own hosts (not a proxy or stand-in given as base_url)."""
    host = httpx.URL(url).host
    return host == "huggingface.co" or host.endswith(".huggingface.co")
