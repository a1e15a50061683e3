"""A hard deadline for sync attempts: every socket operation of an attempt ends by it.

httpx's sync timeouts bound each socket operation, not the request: a server that trickles its
answer, each piece inside the read timeout, keeps a call alive far past `timeout`. The async path
has `asyncio.timeout`; this is its sync twin, a network backend for httpx's connection pool that
shortens every connect, read and write to the time left before the running attempt's deadline.
"""

from __future__ import annotations

import contextlib
import ssl
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

__all__ = ["deadline", "sync_transport"]

_DEADLINE: ContextVar[float | None] = ContextVar("hf_inference_tools_deadline", default=None)
# A socket timeout of 0 means non-blocking (an error, not a timeout); this one expires at once.
_EXPIRED = 1e-6


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Socket operations in this block (on a `sync_transport`) end `seconds` from now at most."""
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def sync_transport(limits: httpx.Limits, verify: ssl.SSLContext) -> httpx.HTTPTransport:
    """httpx's own transport, its connection pool using the deadline-aware backend."""
    transport = httpx.HTTPTransport(limits=limits, verify=verify)
    # httpx takes no network backend argument; its pool does, and is built before any socket.
    pool = getattr(transport, "_pool", None)
    if isinstance(pool, httpcore.ConnectionPool):
        pool._network_backend = _DeadlineBackend(pool._network_backend)
    return transport


def _bounded(timeout: float | None) -> float | None:
    end = _DEADLINE.get()
    if end is None:
        return timeout
    left = max(end - time.monotonic(), _EXPIRED)
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, _bounded(timeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, _bounded(timeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(path, _bounded(timeout), socket_options)
        return _DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)
