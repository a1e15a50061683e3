"""A hard deadline for sync attempts: every socket operation of an attempt ends by it.

httpx's sync timeouts bound each socket operation, not the request: a server that trickles its
answer, each piece inside the read timeout, keeps a call alive far past `timeout`. The async path
has `asyncio.timeout`; this is its sync twin, a network backend for httpx's connection pool that
shortens every connect, read and write to the time left before the running attempt's deadline.

That backend subclasses httpcore's, so it lives in `_deadline_backend` and is imported when the
first sync client is built: importing httpcore costs ~20 ms, which httpx too defers until then.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

import httpx

__all__ = ["Deadline", "bounded", "install_deadline"]

_DEADLINE: ContextVar[float | None] = ContextVar("hf_inference_tools_deadline", default=None)
# A socket timeout of 0 means non-blocking (an error, not a timeout); this one expires at once.
_EXPIRED = 1e-6


class Deadline:
    """`with Deadline(seconds):` socket operations in the block (on a client given
    `install_deadline`) end `seconds` from now at most, and never after an enclosing block's
    deadline (a request made within a shorter bound keeps it). A class, not a generator-based
    context manager: it is entered on every sync attempt."""

    __slots__ = ("_seconds", "_token")

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds

    def __enter__(self) -> None:
        ends = time.monotonic() + self._seconds
        outer = _DEADLINE.get()
        self._token = _DEADLINE.set(ends if outer is None or ends < outer else outer)

    def __exit__(self, *exc: object) -> None:
        _DEADLINE.reset(self._token)


def install_deadline(client: httpx.Client) -> bool:
    """Make `client`'s default connection pool use the deadline-aware network backend, in place
    (httpx takes no backend argument; its pool does, and has opened no socket yet). False when
    the client has no httpcore pool of its own (a custom transport), which is left alone.

    Patching the built client, rather than passing httpx a transport, keeps what httpx sets up
    only when it builds the transport itself: the proxies of `HTTPS_PROXY` and friends.
    """
    # Both imported here, not with the package: httpx has just loaded httpcore for the pool.
    import httpcore

    from ._deadline_backend import DeadlineBackend

    pool = getattr(getattr(client, "_transport", None), "_pool", None)
    if not isinstance(pool, httpcore.ConnectionPool):
        return False
    if not isinstance(pool._network_backend, DeadlineBackend):
        pool._network_backend = DeadlineBackend(pool._network_backend, bounded)
    return True


def bounded(timeout: float | None) -> float | None:
    """`timeout` cut to what is left before the running attempt's deadline, if there is one."""
    end = _DEADLINE.get()
    if end is None:
        return timeout
    # Run on every socket operation: comparisons, not max()/min() calls.
    left = end - time.monotonic()
    if left < _EXPIRED:
        left = _EXPIRED
    return left if timeout is None or timeout > left else timeout
