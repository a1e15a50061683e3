"""What `hf-inference-tools mcp` does with its options: build the toolkit, serve it, close it."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import anyio

from .._config import OFFLINE_TOKEN
from ..toolkit import HfInferenceToolkit
from .server import DEFAULT_MAX_INLINE_BYTES, build_server
from .transports import is_loopback, serve_http, serve_stdio

__all__ = ["TOKEN_VARIABLE", "McpCommand", "run_command"]

TOKEN_VARIABLE = "HF_INFERENCE_TOOLS_MCP_TOKEN"  # noqa: S105  # a variable's name, not a secret

# The Inference Providers options (SPEC section 7), passed to the client as given.
_PROVIDER_OPTIONS = ("provider", "router_url", "hub_url", "bill_to")


@dataclass(frozen=True, kw_only=True)
class McpCommand:
    """The options of `hf-inference-tools mcp` (see `hf-inference-tools mcp --help`)."""

    transport: Literal["stdio", "http"] = "stdio"
    host: str = "127.0.0.1"
    port: int = 8000
    auth_token: str | None = field(default=None, repr=False)
    allowed_hosts: tuple[str, ...] = ()
    tasks: tuple[str, ...] | None = None
    models: Mapping[str, str] = field(default_factory=dict)
    provider: str | None = None
    router_url: str | None = None
    hub_url: str | None = None
    bill_to: str | None = None
    media_root: Path | None = None
    output_dir: Path | None = None
    allow_urls: bool = True
    max_inline_bytes: int = DEFAULT_MAX_INLINE_BYTES
    offline: bool = False

    def client_keywords(self) -> dict[str, Any]:
        """The client options given, for `HfInference`: the Inference Providers ones, and offline
        the stand-in's token (ValueError for a provider this package does not implement)."""
        given = {name: getattr(self, name) for name in _PROVIDER_OPTIONS}
        given = {name: value for name, value in given.items() if value is not None}
        if self.offline:  # the stand-in answers any HF-shaped token: the user's is not used
            given["token"] = OFFLINE_TOKEN
        if given.get("provider") not in (None, "auto", "hf-inference"):
            from ..providers import SUPPORTED
            from ..providers._choose import check_provider_name

            check_provider_name(given["provider"], SUPPORTED)
        return given

    def check(self) -> None:
        """Refuse, before anything starts, what would be unsafe or cannot work."""
        if self.max_inline_bytes < 0:
            raise ValueError("--max-inline-bytes must be 0 or more")
        if self.transport == "http" and not self.auth_token and not is_loopback(self.host):
            raise ValueError(
                f"binding {self.host} exposes the server to the network: set an auth token "
                f"(${TOKEN_VARIABLE}, or --auth-token), or bind 127.0.0.1"
            )
        self.client_keywords()


def run_command(command: McpCommand, *, announce: Callable[[str], None] | None = None) -> None:
    """Serve the toolkit `command` describes until the client leaves (stdio) or a signal comes.

    Raises ValueError for options that cannot work (unknown task names, a public bind without
    a token, ...), before serving.
    """
    command.check()
    with contextlib.ExitStack() as stack:
        stack.enter_context(_log_on_stderr())
        if command.offline:
            stack.enter_context(_offline_api(command))
        toolkit = HfInferenceToolkit(
            tasks=list(command.tasks) if command.tasks is not None else None,
            models=dict(command.models),
            media_root=command.media_root,
            output_dir=command.output_dir,
            allow_urls=command.allow_urls,
            **command.client_keywords(),
        )
        stack.callback(toolkit.close)
        server = build_server(
            toolkit.get_tools(),
            max_inline_bytes=command.max_inline_bytes,
            secrets=[command.auth_token] if command.auth_token else (),
        )

        async def serve() -> None:
            try:
                if command.transport == "http":
                    await serve_http(
                        server,
                        host=command.host,
                        port=command.port,
                        auth_token=command.auth_token,
                        extra_hosts=command.allowed_hosts,
                        announce=announce,
                    )
                else:
                    await serve_stdio(server)
            finally:
                await toolkit.aclose()

        anyio.run(serve)


@contextlib.contextmanager
def _log_on_stderr() -> Iterator[None]:
    # The server's own records (a tool that failed unexpectedly) go to stderr under their own
    # prefix; on stdio, stdout is the protocol's alone.
    logger = logging.getLogger("hf_inference_tools.mcp")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mcp: %(message)s"))
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _offline_api(command: McpCommand) -> contextlib.AbstractContextManager[Any]:
    try:
        from ..testing import HfInferenceMock
    except ModuleNotFoundError as exc:
        raise ValueError(
            f"--offline needs {exc.name}: pip install 'hf-inference-tools[testing]'"
        ) from exc

    return HfInferenceMock(models={model: task for task, model in command.models.items()})
