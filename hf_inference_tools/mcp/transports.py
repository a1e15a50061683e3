"""Serving an MCP server over stdio, or over streamable HTTP with a bearer token and Host checks.

stdio: the protocol alone goes to stdout (the SDK points fd 1 at stderr while serving; nothing
is printed before); the server returns when stdin closes, and on SIGTERM.

HTTP: `POST/GET/DELETE {path}` on uvicorn. Every request must carry `Authorization: Bearer
<token>` when a token is set (compared in constant time), and its `Host` (and `Origin`, when a
browser sends one) must name an allowed host, so a web page cannot reach a local server through
DNS rebinding. Responses are plain JSON rather than SSE events: the Python client caps one SSE
event at 1 MiB, which a `resources/read` of a large output would exceed.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import os
import signal
import sys
import threading
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from typing import Any, cast

import anyio
from mcp.server import Server
from mcp.server.stdio import stdio_server
from mcp.server.transport_security import TransportSecuritySettings
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["BearerAuth", "allowed_hosts", "http_app", "is_loopback", "serve_http", "serve_stdio"]

MCP_PATH = "/mcp"


async def serve_stdio(server: Server[Any]) -> None:
    """Serve one client on stdin/stdout until stdin closes or SIGTERM arrives."""
    async with anyio.create_task_group() as tasks, _stdin_lines() as stdin:
        if sys.platform != "win32":
            tasks.start_soon(_cancel_on_sigterm, tasks.cancel_scope)
        async with stdio_server(stdin=stdin) as (read, write):
            try:
                await server.run(read, write, server.create_initialization_options())
            finally:
                # While fd 1 still points at stderr: a tool's unflushed print() would otherwise
                # reach the wire when the interpreter flushes it at exit.
                sys.stdout.flush()
        tasks.cancel_scope.cancel()


# One JSON-RPC message per line; a data: URI argument can be as large as the media limit allows.
_MAX_LINE = 64 * 2**20


class _PipeLines:
    """stdin's lines, read on the event loop. The SDK's own reader blocks a worker thread in
    `readline`, which no cancellation can interrupt: SIGTERM would wait for the next line."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self._reader = reader

    def __aiter__(self) -> _PipeLines:
        return self

    async def __anext__(self) -> str:
        try:
            line = await self._reader.readline()
        except ValueError:  # longer than _MAX_LINE: what was read is dropped, as unparseable
            return "\n"
        if not line:
            raise StopAsyncIteration
        return line.decode("utf-8", errors="replace")


@contextlib.asynccontextmanager
async def _stdin_lines() -> AsyncIterator[anyio.AsyncFile[str] | None]:
    """stdin as `_PipeLines` when it is a pipe (as MCP hosts start servers), else None (the
    SDK's reader: a regular file redirected to stdin ends by itself)."""
    if sys.platform == "win32":
        yield None
        return
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=_MAX_LINE)
    fd = sys.stdin.fileno()
    # The pipe transport makes the descriptor non-blocking, and a terminal's is shared with
    # the shell that started us: it gets its mode back on the way out.
    was_blocking = os.get_blocking(fd)
    pipe = os.fdopen(os.dup(fd), "rb", buffering=0)
    try:
        transport, _ = await loop.connect_read_pipe(
            lambda: asyncio.StreamReaderProtocol(reader), pipe
        )
    except (ValueError, OSError):  # not a pipe, socket or terminal
        pipe.close()
        yield None
        return
    try:
        # The SDK only iterates over its `stdin` (`async for line in stdin`).
        yield cast("anyio.AsyncFile[str]", _PipeLines(reader))
    finally:
        transport.close()
        os.set_blocking(fd, was_blocking)


async def _cancel_on_sigterm(scope: anyio.CancelScope) -> None:
    with anyio.open_signal_receiver(signal.SIGTERM) as signals:
        async for _ in signals:
            scope.cancel()
            return


def is_loopback(host: str) -> bool:
    """Whether binding `host` keeps the server reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, extra: Sequence[str] = ()) -> TransportSecuritySettings:
    """The Host and Origin values accepted: the bound host, localhost, loopback, and `extra`.

    An entry without a port allows any port; one with a port (`example.com:8443`) only that one.
    """
    hosts: list[str] = []
    origins: list[str] = []
    for name in dict.fromkeys([_bracketed(host), "localhost", "127.0.0.1", "[::1]", *extra]):
        with_port = name.rpartition("]")[2].count(":") == 1
        variants = [name] if with_port else [name, f"{name}:*"]
        hosts += variants
        origins += [f"{scheme}://{v}" for scheme in ("http", "https") for v in variants]
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True, allowed_hosts=hosts, allowed_origins=origins
    )


def _bracketed(host: str) -> str:
    return f"[{host}]" if host.count(":") > 1 and not host.startswith("[") else host


class BearerAuth:
    """ASGI middleware: HTTP requests without `Authorization: Bearer <token>` get a 401."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        if not token:
            raise ValueError("The auth token must not be empty.")
        self.app = app
        self._expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self._authorized(scope):
            await send(
                {
                    "type": "http.response.start",
                    "status": 401,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"www-authenticate", b'Bearer realm="hf-inference-tools"'),
                    ],
                }
            )
            body = b'{"error":"unauthorized","error_description":"a valid bearer token is needed"}'
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)

    def _authorized(self, scope: Scope) -> bool:
        given = [value for key, value in scope["headers"] if key == b"authorization"]
        # Constant time, so the token cannot be guessed byte by byte from response times.
        return len(given) == 1 and hmac.compare_digest(given[0], self._expected)


def http_app(
    server: Server[Any],
    *,
    host: str,
    auth_token: str | None,
    extra_hosts: Sequence[str] = (),
) -> ASGIApp:
    """The ASGI app serving `server` at `/mcp`, behind the token and Host/Origin checks."""
    app: ASGIApp = server.streamable_http_app(
        streamable_http_path=MCP_PATH,
        json_response=True,
        transport_security=allowed_hosts(host, extra_hosts),
        host=host,
    )
    return BearerAuth(app, auth_token) if auth_token else app


async def serve_http(
    server: Server[Any],
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    auth_token: str | None = None,
    extra_hosts: Sequence[str] = (),
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve `server` over streamable HTTP until SIGINT or SIGTERM.

    A bind other than loopback needs `auth_token`. `announce` is told the URL once listening
    (with the real port when `port` is 0).
    """
    if auth_token is None and not is_loopback(host):
        raise ValueError(
            f"binding {host} exposes the server to the network: set an auth token "
            "($HF_INFERENCE_TOOLS_MCP_TOKEN or --auth-token), or bind 127.0.0.1"
        )
    import uvicorn  # on first use: stdio serving never needs it

    app = http_app(server, host=host, auth_token=auth_token, extra_hosts=extra_hosts)
    # ws="none": MCP needs no websockets, and uvicorn's "auto" imports whatever websockets is
    # installed (older uvicorns import its deprecated legacy module, which warns).
    config = uvicorn.Config(
        app, host=host, port=port, log_config=None, access_log=False, lifespan="on", ws="none"
    )
    web = uvicorn.Server(config)
    with _quiet_signal_reraise():
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(web.serve)
            while not web.started:
                if web.should_exit:  # a failed startup (e.g. the port is taken)
                    break
                await anyio.sleep(0.05)
            if web.started and announce is not None:
                bound_port = web.servers[0].sockets[0].getsockname()[1]
                announce(f"http://{_bracketed(host)}:{bound_port}{MCP_PATH}")
    if not web.started:
        raise OSError(f"could not serve on {host}:{port} (see the message above)")


@contextlib.contextmanager
def _quiet_signal_reraise() -> Iterator[None]:
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then raises the signal again for the
    # handler it found. A no-op one there makes the graceful stop a clean exit (status 0).
    if sys.platform == "win32" or threading.current_thread() is not threading.main_thread():
        yield
        return
    signals = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
