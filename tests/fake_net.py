"""The network as the media tests see it: a DNS table instead of real DNS, and slow bodies.

After the fetcher's DNS-rebinding defence a request goes to the checked IP, so respx routes are
written with IPs (`https://93.184.216.34/cat.png`) and the name travels in `Host`.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

PUBLIC_IP = "93.184.216.34"
PUBLIC_IPV6 = "2606:2800:220:1:248:1893:25c8:1946"
DNS = {
    "example.com": [PUBLIC_IP],
    "v6.example.com": [PUBLIC_IPV6],
    "localhost": ["127.0.0.1", "::1"],
    "metadata.internal": ["169.254.169.254"],
    "rebind.example.com": [PUBLIC_IP, "10.0.0.1"],  # one bad answer is enough to refuse
}


def fake_dns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make `getaddrinfo` answer from `DNS` (the sync resolver and `loop.getaddrinfo` both call
    it); returns the list of names asked, in order."""
    asked: list[str] = []

    def getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        asked.append(host)
        if host not in DNS:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (
                socket.AF_INET6 if ":" in ip else socket.AF_INET,
                socket.SOCK_STREAM,
                6,
                "",
                (ip, port),
            )
            for ip in DNS[host]
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


class ChunkStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body served chunk by chunk, counting how many chunks were pulled."""

    def __init__(self, chunk: bytes, count: int) -> None:
        self.chunk, self.count, self.pulled = chunk, count, 0

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.count):
            self.pulled += 1
            yield self.chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk
