"""The async clients' connection pool: httpcore's, without its thundering herd.

httpcore 1.0's `AsyncConnectionPool` re-plans every waiting request whenever a request arrives
or a response ends, and hands the same idle connection to *every* request waiting at that
moment: all of them wake up, one wins, the others get `ConnectionNotAvailable` and queue again,
re-planning once more each. At 64 concurrent calls a profile showed ~14 pool passes per request,
each polling every idle socket through anyio's attribute machinery (~20 us a poll), and the
pool, not the request, was most of a call's CPU time. (Fixed upstream in the httpx2 fork,
pydantic/httpx2#974 and #1075; httpcore 1.0 is in maintenance.)

`FairAsyncConnectionPool` keeps httpcore's policy (reuse an available connection, else open one
while under `max_connections`, else replace an idle one for another origin) but promises each
connection to one waiting request per pass, and counts idle connections (not all of them)
against `max_keepalive_connections`, as httpcore's own docs describe; it reads "has the server
closed this idle socket?" straight from the socket. Our clients speak HTTP/1.1 only (no
`http2=True`), where a connection serves one request at a time; an `http2` pool is left alone.

Sync clients keep httpcore's pool: threads sharing one (as LangGraph runs sync tools) measured
no gain from this one (the GIL spaces them out), and a sequential caller paid ~1% for it.

The planning step overrides httpcore's private `_assign_requests_to_connections` (new in 1.0.3),
so the fair pool is installed only on the httpcore releases it was tested with
(`TESTED_HTTPCORE`); with any other, async clients keep httpcore's own pool, which is slower
under load but right.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import httpcore
import httpx

from .._versions import within

if TYPE_CHECKING:
    from httpcore._async.interfaces import AsyncConnectionInterface

__all__ = ["TESTED_HTTPCORE", "FairAsyncConnectionPool", "fair_pool_fits", "install_fair_pool"]

TESTED_HTTPCORE = ((1, 0, 3), (1, 0, 9))
"""The first and last httpcore releases the fair pool was tested with (`make test` runs the
newest httpcore 1.0; the tests of its planning step, at 1.0.3, were run by hand)."""


def fair_pool_fits() -> bool:
    """Whether the installed httpcore is a release in `TESTED_HTTPCORE`."""
    return within(httpcore.__version__, *TESTED_HTTPCORE)


class FairAsyncConnectionPool(httpcore.AsyncConnectionPool):
    """httpcore's async pool, each free connection promised to one waiting request at a time."""

    def _assign_requests_to_connections(self) -> list[AsyncConnectionInterface]:
        closing: list[AsyncConnectionInterface] = []
        connections = self._connections
        idle = sum(1 for connection in connections if connection.is_idle())
        for connection in list(connections):
            if connection.is_closed():
                connections.remove(connection)
            elif connection.has_expired():
                idle -= connection.is_idle()
                connections.remove(connection)
                closing.append(connection)
            elif connection.is_idle() and idle > self._max_keepalive_connections:
                idle -= 1
                connections.remove(connection)
                closing.append(connection)

        # A connection handed to a request that has not started on it yet is not free.
        taken = {id(r.connection) for r in self._requests if r.connection is not None}
        for pool_request in self._requests:
            if not pool_request.is_queued():
                continue
            origin = pool_request.request.url.origin
            chosen = next(
                (
                    c
                    for c in connections
                    if id(c) not in taken and c.can_handle_request(origin) and c.is_available()
                ),
                None,
            )
            if chosen is None:
                if len(connections) >= self._max_connections:
                    spare = next(
                        (c for c in connections if id(c) not in taken and c.is_idle()),
                        None,
                    )
                    if spare is None:
                        continue  # stays queued until a connection frees up
                    connections.remove(spare)
                    closing.append(spare)
                chosen = self.create_connection(origin)
                connections.append(chosen)
            pool_request.assign_to_connection(chosen)
            taken.add(id(chosen))
        return closing


class _SocketStream(httpcore.AsyncNetworkStream):
    """A network stream whose `is_readable` polls its socket directly (anyio's attribute
    lookup builds a dict of every attribute on each call)."""

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        # Private too, so imported only where the version check let this pool in.
        from httpcore._utils import is_socket_readable

        self._is_readable = is_socket_readable
        self._stream = stream
        self._socket = stream.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _SocketStream(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable" and self._socket is not None:
            return self._is_readable(self._socket)
        return self._stream.get_extra_info(info)


class _SocketBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        return _SocketStream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._backend.connect_unix_socket(path, timeout, socket_options)
        return _SocketStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def install_fair_pool(client: httpx.AsyncClient) -> bool:
    """Give `client`'s default transport the fair pool; False when it has no plain HTTP/1.1
    httpcore pool (a proxy or custom transport, or `http2=True`), or when the installed httpcore
    is not one the fair pool was tested with: the client is then left alone.

    Done in place, after httpx has built the client, so that everything httpx set up from its
    arguments and the environment (proxy mounts from `HTTPS_PROXY`, TLS, limits) stays.
    """
    if not fair_pool_fits():
        return False
    transport = getattr(client, "_transport", None)
    pool = getattr(transport, "_pool", None)
    if type(pool) is httpcore.AsyncConnectionPool and not pool._http2:
        pool.__class__ = FairAsyncConnectionPool
        # anyio's `is_readable` builds a dict of every socket attribute on each call.
        pool._network_backend = _SocketBackend(pool._network_backend)
        return True
    return False
