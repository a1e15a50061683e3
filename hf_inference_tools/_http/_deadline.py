"""A hard deadline for sync attempts: every socket operation of an attempt ends by it.

httpx's sync timeouts bound each socket operation, not the request: a server that trickles its
answer, each piece inside the read timeout, keeps a call alive far past `timeout`. The async path
has `asyncio.timeout`; this is its sync twin, a network backend for httpx's connection pool that
shortens every connect, read and write to the time left before the running attempt's deadline.

That backend subclasses httpcore's, so it lives in `_deadline_backend` and is imported when the
first sync client is built: importing httpcore costs ~20 ms, which httpx too defers until then.
"""

from __future__ import annotations

import contextlib
import ssl
import time
from collections.abc import Iterator
from contextvars import ContextVar

import httpx

__all__ = ["bounded", "deadline", "sync_transport"]

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
    # Both imported here, not with the package: httpx has just loaded httpcore for the pool.
    import httpcore

    from ._deadline_backend import DeadlineBackend

    # httpx takes no network backend argument; its pool does, and is built before any socket.
    pool = getattr(transport, "_pool", None)
    if isinstance(pool, httpcore.ConnectionPool):
        pool._network_backend = DeadlineBackend(pool._network_backend)
    return transport


def bounded(timeout: float | None) -> float | None:
    """`timeout` cut to what is left before the running attempt's deadline, if there is one."""
    end = _DEADLINE.get()
    if end is None:
        return timeout
    left = max(end - time.monotonic(), _EXPIRED)
    return left if timeout is None else min(timeout, left)
