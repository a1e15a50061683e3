"""The only code that fetches a URL an agent named. It never sends the HF token.

An agent's URL may come from a prompt injection, so every hop (the first request and each
redirect, at most 5) is checked the same way before anything is sent:

- only `http` and `https`, and no user name or password in the URL;
- the host is resolved once (`getaddrinfo`; a literal IP is taken as is), and the hop is refused
  if *any* address is loopback, private, link-local, multicast, reserved, unspecified or
  otherwise not global, IPv4-mapped IPv6 (`::ffff:127.0.0.1`) included, unless
  `allow_private_urls=True`;
- the request goes to the checked address, not the name: the URL's host is replaced by the IP,
  `Host` carries the original name, and for https the `sni_hostname` extension makes TLS send and
  verify the original name. No second lookup happens between check and connect, so DNS
  rebinding cannot swap in a private address.

The body is streamed and refused past `max_media_bytes` (first by `Content-Length`, then by
count), within `fetch_timeout` for the whole fetch. It is asked for uncompressed, and refused if
the server compresses it anyway, since one compressed chunk can expand far past the cap. The
client sends no `Authorization` or `Cookie` header, keeps no cookies between hops, ignores proxy
and netrc settings from the environment, and reuses no connection.

Limits: the guard is only as good as the resolver's answer at check time (a name that resolves to
a public address whose host then forwards internally is out of reach); addresses that embed IPv4
in other ways (6to4, Teredo) are judged as IPv6 addresses; and in the sync twin a slow system
resolver is bounded by its own timeout, not `fetch_timeout`.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

import httpx

from ..errors import MediaError
from .clients import tls_context
from .request import USER_AGENT

if TYPE_CHECKING:
    pass

__all__ = ["MAX_REDIRECTS", "FetchPolicy", "Resolver", "afetch_url", "fetch_url", "shown_url"]

Resolver = Callable[[str, int], list[str]]
"""`(host, port) -> addresses`, like `getaddrinfo` reduced to the address strings."""

MAX_REDIRECTS = 5
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_SHOWN_LIMIT = 120
# A connection opened with one hop's SNI must not carry another hop's request to the same IP.
_NO_CONNECTION_REUSE = httpx.Limits(max_keepalive_connections=0)


class FetchPolicy(Protocol):
    """The limits a fetch obeys: `_media.MediaPolicy` has them (named here, not imported, so
    that this module, which `_media` imports, imports nothing of `_media`)."""

    @property
    def allow_private_urls(self) -> bool: ...
    @property
    def max_media_bytes(self) -> int: ...
    @property
    def fetch_timeout(self) -> float: ...


def fetch_url(
    url: str,
    *,
    kind: str,
    policy: FetchPolicy,
    resolver: Resolver | None = None,
) -> bytes:
    """Download `url` under `policy`, checking every hop; any refusal raises `MediaError`.

    `resolver` replaces DNS (tests use it); by default `socket.getaddrinfo` answers.
    """
    deadline = time.monotonic() + policy.fetch_timeout
    hop = _Hop.parse(url)
    with _client() as client:
        for _ in range(MAX_REDIRECTS + 1):
            with _network_errors(hop, policy):
                addresses = hop.literal_ip or _resolve(resolver or _system_resolver, hop)
                request = _request(client, hop, _checked_ip(hop, addresses, policy), kind, deadline)
                response = client.send(request, stream=True)
                try:
                    if (target := _redirect_target(hop, response)) is not None:
                        hop = _Hop.parse(target, redirected_from=hop)
                        continue
                    _check_response(hop, response, policy)
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        _append(body, chunk, hop, policy, deadline)
                    return bytes(body)
                finally:
                    response.close()
    raise _too_many_redirects(url)


async def afetch_url(
    url: str,
    *,
    kind: str,
    policy: FetchPolicy,
    resolver: Resolver | None = None,
) -> bytes:
    """Async twin of `fetch_url`; DNS goes through the event loop's `getaddrinfo`."""
    deadline = time.monotonic() + policy.fetch_timeout
    hop = _Hop.parse(url)
    async with _aclient() as client:
        for _ in range(MAX_REDIRECTS + 1):
            with _network_errors(hop, policy):
                addresses = hop.literal_ip or await _aresolve(resolver, hop, deadline)
                request = _request(client, hop, _checked_ip(hop, addresses, policy), kind, deadline)
                response = await client.send(request, stream=True)
                try:
                    if (target := _redirect_target(hop, response)) is not None:
                        hop = _Hop.parse(target, redirected_from=hop)
                        continue
                    _check_response(hop, response, policy)
                    body = bytearray()
                    async for chunk in response.aiter_bytes():
                        _append(body, chunk, hop, policy, deadline)
                    return bytes(body)
                finally:
                    await response.aclose()
    raise _too_many_redirects(url)


def shown_url(url: str | httpx.URL) -> str:
    """`url` without credentials, query or fragment (signed URLs carry secrets there), shortened."""
    parts = urlsplit(str(url))
    shown = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}{parts.path}"
    return shown if len(shown) <= _SHOWN_LIMIT else shown[: _SHOWN_LIMIT - 3] + "..."


@dataclass(frozen=True, slots=True)
class _Hop:
    url: httpx.URL
    host: str  # ASCII (IDNA) form, without IPv6 brackets: what DNS and SNI see
    port: int
    literal_ip: list[str]  # [host] when the host is an IP literal, so no DNS is asked

    @classmethod
    def parse(cls, url: str | httpx.URL, *, redirected_from: _Hop | None = None) -> _Hop:
        what = f"a redirect to {shown_url(url)}" if redirected_from else shown_url(url)
        try:
            parsed = httpx.URL(url)
            host = parsed.raw_host.decode("ascii")
        except (httpx.InvalidURL, UnicodeError) as exc:
            raise MediaError(f"Refused to fetch {what}: it is not a valid URL.") from exc
        if parsed.scheme not in ("http", "https"):
            raise MediaError(f"Refused to fetch {what}: only http and https URLs are fetched.")
        if parsed.userinfo:
            raise MediaError(
                f"Refused to fetch {what}: URLs with a user name or password are not fetched."
            )
        if not host:
            raise MediaError(f"Refused to fetch {what}: the URL has no host.")
        try:
            ipaddress.ip_address(host)
            literal = [host]
        except ValueError:
            literal = []
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        return cls(parsed, host, port, literal)


def _system_resolver(host: str, port: int) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def _resolve(resolver: Resolver, hop: _Hop) -> list[str]:
    try:
        addresses = resolver(hop.host, hop.port)
    except OSError as exc:
        raise _unresolved(hop) from exc
    if not addresses:
        raise _unresolved(hop)
    return addresses


async def _aresolve(resolver: Resolver | None, hop: _Hop, deadline: float) -> list[str]:
    if resolver is not None:
        return _resolve(resolver, hop)
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(deadline - time.monotonic()):
            infos = await loop.getaddrinfo(hop.host, hop.port, type=socket.SOCK_STREAM)
    except TimeoutError:
        raise  # an OSError too, but it means fetch_timeout, not an unknown host
    except OSError as exc:
        raise _unresolved(hop) from exc
    if not infos:
        raise _unresolved(hop)
    return [str(info[4][0]) for info in infos]


def _unresolved(hop: _Hop) -> MediaError:
    return MediaError(f"Could not fetch {shown_url(hop.url)}: its host {hop.host} did not resolve.")


def _checked_ip(hop: _Hop, addresses: list[str], policy: FetchPolicy) -> str:
    """The address to connect to, after every address of the host passed the check."""
    for address in addresses:
        ip = ipaddress.ip_address(address.partition("%")[0])  # drop an IPv6 zone such as %eth0
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        category = _non_public_category(ip)
        if category and not policy.allow_private_urls:
            raise MediaError(
                f"Refused to fetch {shown_url(hop.url)}: its host {hop.host} resolves to {ip}, "
                f"{category} address. Set allow_private_urls=True to allow non-public addresses."
            )
    return addresses[0]


def _non_public_category(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    # Checked one by one for the message; `is_global` then catches the rest (100.64/10 and such).
    for category, hit in (
        ("an unspecified", ip.is_unspecified),
        ("a loopback", ip.is_loopback),
        ("a link-local", ip.is_link_local),
        ("a multicast", ip.is_multicast),
        ("a private", ip.is_private),
        ("a reserved", ip.is_reserved),
        ("a non-public", not ip.is_global),
    ):
        if hit:
            return category
    return None


def _client() -> httpx.Client:
    return httpx.Client(
        follow_redirects=False,  # each hop is checked here before it is sent
        trust_env=False,  # no proxies or netrc from the environment
        verify=tls_context(),
        limits=_NO_CONNECTION_REUSE,
        cookies=_no_cookies(),
        headers={"User-Agent": USER_AGENT},
    )


def _aclient() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        follow_redirects=False,
        trust_env=False,
        verify=tls_context(),
        limits=_NO_CONNECTION_REUSE,
        cookies=_no_cookies(),
        headers={"User-Agent": USER_AGENT},
    )


def _no_cookies() -> CookieJar:
    # A jar that accepts no cookie, so one hop's Set-Cookie never reaches the next.
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


def _request(
    client: httpx.Client | httpx.AsyncClient,
    hop: _Hop,
    ip: str,
    kind: str,
    deadline: float,
) -> httpx.Request:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise httpx.TimeoutException("fetch_timeout elapsed")
    extensions = {"sni_hostname": hop.host} if hop.url.scheme == "https" else {}
    return client.build_request(
        "GET",
        hop.url.copy_with(host=ip),
        headers={
            "Host": hop.url.netloc.decode("ascii"),
            "Accept": f"{kind}/*",
            # Compressed bodies could expand far past the cap within a single chunk.
            "Accept-Encoding": "identity",
        },
        timeout=remaining,
        extensions=extensions,
    )


def _redirect_target(hop: _Hop, response: httpx.Response) -> httpx.URL | None:
    location = response.headers.get("location")
    if response.status_code not in _REDIRECT_STATUSES or not location:
        return None
    try:
        return hop.url.join(location)  # relative to the URL as named, not the IP it went to
    except httpx.InvalidURL as exc:
        raise MediaError(
            f"Refused to fetch {shown_url(hop.url)}: it redirects to an invalid URL."
        ) from exc


def _check_response(hop: _Hop, response: httpx.Response, policy: FetchPolicy) -> None:
    if not response.is_success:
        status = f"{response.status_code} {response.reason_phrase}".strip()
        raise MediaError(f"Could not fetch {shown_url(hop.url)}: the server answered {status}.")
    # httpx decodes each chunk whole before the cap sees it: 64 KiB of gzip can be 64 MiB.
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding not in ("", "identity"):
        raise MediaError(
            f"Refused to download {shown_url(hop.url)}: the server sent it compressed "
            f"({encoding}) although an uncompressed body was asked for, and a compressed body "
            "can expand far past max_media_bytes. Pass the media another way."
        )
    try:
        length = int(response.headers.get("content-length", ""))
    except ValueError:
        return
    if length > policy.max_media_bytes:
        raise _too_large(hop, policy, length)


def _append(body: bytearray, chunk: bytes, hop: _Hop, policy: FetchPolicy, deadline: float) -> None:
    if len(body) + len(chunk) > policy.max_media_bytes:
        raise _too_large(hop, policy, None)
    if time.monotonic() > deadline:
        raise httpx.TimeoutException("fetch_timeout elapsed")
    body += chunk


def _too_large(hop: _Hop, policy: FetchPolicy, length: int | None) -> MediaError:
    size = f"{length} bytes, " if length is not None else ""
    return MediaError(
        f"Refused to download {shown_url(hop.url)}: it is {size}over max_media_bytes "
        f"({policy.max_media_bytes} bytes). Raise max_media_bytes to accept larger media."
    )


def _too_many_redirects(url: str) -> MediaError:
    return MediaError(
        f"Refused to fetch {shown_url(url)}: it redirects more than {MAX_REDIRECTS} times."
    )


@contextlib.contextmanager
def _network_errors(hop: _Hop, policy: FetchPolicy) -> Iterator[None]:
    try:
        yield
    except (httpx.TimeoutException, TimeoutError) as exc:
        raise MediaError(
            f"Fetching {shown_url(hop.url)} took longer than {policy.fetch_timeout:g} seconds. "
            "Pass the media another way (a smaller file, or a path inside the media folder)."
        ) from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise MediaError(
            f"Could not fetch {shown_url(hop.url)}: {type(exc).__name__} ({exc})."
        ) from exc
