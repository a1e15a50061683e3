"""Building, sharing and closing the httpx clients: one sync client, one async client per loop.

An `httpx.AsyncClient` must never be used from another event loop, so one is kept per loop
and closed when that loop's `asyncio.run` shuts down (or by `aclose()`). Clients passed in are
used as they are and never closed here.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import ssl
import threading
import weakref
from collections.abc import AsyncGenerator

import httpx

from ._deadline import install_deadline

__all__ = ["DEFAULT_LIMITS", "Clients", "tls_context"]

# httpx keeps 20 idle connections by default; concurrent agents need more to avoid reconnecting.
DEFAULT_LIMITS = httpx.Limits(max_connections=256, max_keepalive_connections=128)


# One context per distinct CA source the process has used; in practice one.
_CONTEXTS = 4


def tls_context() -> ssl.SSLContext:
    """The TLS context for a new client: shared by every client that trusts the same CAs.

    Loading the CA bundle costs tens of milliseconds, and the transport builds a client per
    event loop and the media fetcher one per fetch. The key is the CA source (httpx's own rule:
    `SSL_CERT_FILE`, else `SSL_CERT_DIR`, else certifi's bundle), by value: a process that
    changes those variables gets a context for the new bundle, and the cache stays bounded.
    """
    return _context(os.environ.get("SSL_CERT_FILE") or None, os.environ.get("SSL_CERT_DIR") or None)


@functools.lru_cache(maxsize=_CONTEXTS)
def _context(ca_file: str | None, ca_dir: str | None) -> ssl.SSLContext:
    if ca_file:
        return ssl.create_default_context(cafile=ca_file)
    if ca_dir:
        return ssl.create_default_context(capath=ca_dir)
    return httpx.create_ssl_context(trust_env=False)  # certifi's bundle


class Clients:
    """The sync client and the per-loop async clients of one `Transport`."""

    def __init__(
        self,
        *,
        timeout: float,
        http_client: httpx.Client | None,
        async_http_client: httpx.AsyncClient | None,
    ) -> None:
        self.timeout = timeout
        self._client = http_client
        self._owns_client = http_client is None
        self._injected_async = async_http_client
        self._async_clients: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, tuple[httpx.AsyncClient, AsyncGenerator[None]]
        ] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def client(self) -> httpx.Client:
        """The shared sync client, created on first use."""
        if self._client is None:
            with self._lock:
                if self._client is None:
                    client = httpx.Client(
                        timeout=httpx.Timeout(self.timeout),
                        limits=DEFAULT_LIMITS,
                        verify=tls_context(),
                    )
                    install_deadline(client)
                    self._client = client
        return self._client

    async def aclient(self) -> httpx.AsyncClient:
        """This event loop's async client, created on first use in that loop."""
        if self._injected_async is not None:
            return self._injected_async
        loop = asyncio.get_running_loop()
        entry = self._async_clients.get(loop)
        if entry is not None and not entry[0].is_closed:
            return entry[0]
        client = httpx.AsyncClient(
            timeout=httpx.Timeout(self.timeout), limits=DEFAULT_LIMITS, verify=tls_context()
        )
        from ._pool import install_fair_pool  # loads httpcore: not at import

        install_fair_pool(client)
        closer = _close_at_loop_shutdown(client)
        # Starting the generator registers it with the loop, whose shutdown_asyncgens()
        # (run by asyncio.run and asyncio.Runner) then closes the client inside that loop.
        await anext(closer)
        self._async_clients[loop] = (client, closer)
        return client

    def close(self) -> None:
        """Close the sync client if it was created here."""
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None

    async def aclose(self) -> None:
        """Close this loop's async client (if created here) and the sync one."""
        with contextlib.suppress(RuntimeError):
            loop = asyncio.get_running_loop()
            entry = self._async_clients.pop(loop, None)
            if entry is not None:
                client, closer = entry
                await client.aclose()
                await closer.aclose()
        self.close()


async def _close_at_loop_shutdown(client: httpx.AsyncClient) -> AsyncGenerator[None]:
    try:
        yield
    finally:
        await client.aclose()
