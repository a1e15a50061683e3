"""The deadline-aware network backend for httpx's sync connection pool (see `_deadline`).

Imported by `_deadline.install_deadline` when the first sync client is built, not with the
package: it subclasses httpcore's classes, and httpcore costs ~20 ms to import. It is handed
the function that bounds a timeout (`_deadline.bounded`) rather than importing it, so the two
modules do not import each other.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterable
from typing import Any

import httpcore

__all__ = ["Bound", "DeadlineBackend"]

Bound = Callable[[float | None], float | None]
"""A socket operation's timeout -> that timeout cut to what the running deadline leaves."""


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, bounded: Bound) -> None:
        self._stream = stream
        self._bounded = bounded

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._bounded(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, self._bounded(timeout))
        return _DeadlineStream(tls, self._bounded)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend, bounded: Bound) -> None:
        self._backend = backend
        self._bounded = bounded

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, self._bounded(timeout), local_address, socket_options
        )
        return _DeadlineStream(stream, self._bounded)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(path, self._bounded(timeout), socket_options)
        return _DeadlineStream(stream, self._bounded)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)
