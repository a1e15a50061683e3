"""The async clients' connection pool (`_http/_pool.py`): httpcore's policy, no thundering herd.

The planning step is checked on its own with stand-in connections (what httpcore's pool asks of
a connection is five questions); the whole pool then serves real requests on loopback servers.
The planning tests need an httpcore the fair pool is made for (`make test` has the newest); the
loopback ones run on any, and at the floor (`make test-floors`) show httpcore's own pool at work.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpcore
import httpx
import pytest
from httpcore._async.interfaces import AsyncConnectionInterface

from hf_inference_tools import HfInference
from hf_inference_tools._http._pool import (
    TESTED_HTTPCORE,
    FairAsyncConnectionPool,
    fair_pool_fits,
    install_fair_pool,
)
from tests.fault_server import FaultServer, Slow

if fair_pool_fits():  # httpcore's pool requests (new in 1.0.3): the planning step plans them
    from httpcore._async.connection_pool import AsyncPoolRequest

fair_httpcore = pytest.mark.skipif(
    not fair_pool_fits(),
    reason=f"httpcore {httpcore.__version__} is not one the fair pool is made for",
)

SST2 = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"
HERE = httpcore.Request("POST", "http://127.0.0.1:8000/x").url.origin
ELSEWHERE = httpcore.Request("POST", "http://127.0.0.1:9000/x").url.origin


@dataclass(eq=False)
class StandIn(AsyncConnectionInterface):
    """A pooled connection as the pool sees it: five answers."""

    origin: httpcore.Origin
    state: str = "idle"  # idle | busy | closed
    expired: bool = False

    def can_handle_request(self, origin: httpcore.Origin) -> bool:
        return origin == self.origin

    def is_available(self) -> bool:
        return self.state == "idle"

    def is_idle(self) -> bool:
        return self.state == "idle"

    def is_closed(self) -> bool:
        return self.state == "closed"

    def has_expired(self) -> bool:
        return self.expired


def pool_with(
    connections: list[StandIn], waiting: int, *, max_connections: int = 10, keepalive: int = 10
) -> tuple[FairAsyncConnectionPool, list[AsyncPoolRequest]]:
    pool = FairAsyncConnectionPool(
        max_connections=max_connections, max_keepalive_connections=keepalive
    )
    pool._connections = list(connections)
    requests = [
        AsyncPoolRequest(httpcore.Request("POST", "http://127.0.0.1:8000/x"))
        for _ in range(waiting)
    ]
    pool._requests = list(requests)
    return pool, requests


@fair_httpcore
async def test_plan__one_free_connection_goes_to_one_waiting_request() -> None:
    # httpcore 1.0 hands it to all three; two of them then wake up for nothing and re-queue.
    free = StandIn(HERE)
    pool, waiting = pool_with([free], 3, max_connections=1)

    closing = pool._assign_requests_to_connections()

    assert [r.connection for r in waiting] == [free, None, None]
    assert closing == []


@fair_httpcore
async def test_plan__a_promised_connection_is_not_promised_again() -> None:
    free = StandIn(HERE)
    pool, (first,) = pool_with([free], 1, max_connections=1)
    pool._assign_requests_to_connections()
    late = AsyncPoolRequest(httpcore.Request("POST", "http://127.0.0.1:8000/x"))
    pool._requests.append(late)

    pool._assign_requests_to_connections()  # the first has not started on its connection yet

    assert first.connection is free
    assert late.connection is None


@fair_httpcore
async def test_plan__opens_connections_up_to_the_limit_then_queues() -> None:
    busy = StandIn(HERE, state="busy")
    pool, waiting = pool_with([busy], 3, max_connections=3)

    pool._assign_requests_to_connections()

    opened = [r.connection for r in waiting[:2]]
    assert all(isinstance(c, httpcore.AsyncHTTPConnection) for c in opened)
    assert opened[0] is not opened[1]
    assert waiting[2].connection is None
    assert len(pool._connections) == 3


@fair_httpcore
async def test_plan__at_the_limit_an_idle_connection_elsewhere_makes_room() -> None:
    other = StandIn(ELSEWHERE)
    pool, (request,) = pool_with([other], 1, max_connections=1)

    closing = pool._assign_requests_to_connections()

    assert closing == [other]
    assert isinstance(request.connection, httpcore.AsyncHTTPConnection)
    assert pool._connections == [request.connection]


@fair_httpcore
async def test_plan__closed_and_expired_connections_leave_the_pool() -> None:
    closed, expired, good = StandIn(HERE, "closed"), StandIn(HERE, expired=True), StandIn(HERE)
    pool, (request,) = pool_with([closed, expired, good], 1)

    closing = pool._assign_requests_to_connections()

    assert closing == [expired]
    assert pool._connections == [good]
    assert request.connection is good


@fair_httpcore
async def test_plan__keeps_as_many_idle_connections_as_allowed_while_others_are_busy() -> None:
    # The limit is on idle connections: two busy ones do not push the two idle ones out.
    idle = [StandIn(HERE), StandIn(HERE)]
    busy = [StandIn(HERE, "busy"), StandIn(HERE, "busy")]
    pool, _ = pool_with(idle + busy, 0, keepalive=2)

    assert pool._assign_requests_to_connections() == []
    assert len(pool._connections) == 4

    idle.append(StandIn(HERE))
    pool._connections.append(idle[-1])
    assert pool._assign_requests_to_connections() == [idle[0]]
    assert len(pool._connections) == 4


@pytest.mark.parametrize(
    ("version", "fits"),
    [
        ("1.0.2", False),  # its pool plans differently: no `_assign_requests_to_connections`
        (".".join(map(str, TESTED_HTTPCORE[0])), True),
        (".".join(map(str, TESTED_HTTPCORE[1])), True),
        ("1.0.10", False),  # a later release may plan differently again
        ("1.1.0", False),
        ("1.0.10rc1", False),
    ],
)
def test_fits__only_the_httpcore_releases_it_was_tested_with(
    monkeypatch: pytest.MonkeyPatch, version: str, fits: bool
) -> None:
    monkeypatch.setattr(httpcore, "__version__", version)
    client = httpx.AsyncClient()

    assert fair_pool_fits() is fits
    assert install_fair_pool(client) is fits
    pool = client._transport._pool  # type: ignore[attr-defined]
    assert type(pool) is (FairAsyncConnectionPool if fits else httpcore.AsyncConnectionPool)


async def test_outside_the_tested_releases__httpcores_own_pool_serves_the_calls(
    monkeypatch: pytest.MonkeyPatch, fault_server: FaultServer
) -> None:
    monkeypatch.setattr(httpcore, "__version__", "1.0.10")
    fault_server.script(SST2, *[Slow(0.02)] * 6)
    async with HfInference(token="hf_x", base_url=fault_server.base_url) as hf:
        results = await asyncio.gather(*(hf.atext_classification(inputs="hi") for _ in range(6)))
        http = await hf.transport.aclient()
        pool = http._transport._pool  # type: ignore[attr-defined]

    assert type(pool) is httpcore.AsyncConnectionPool
    assert all(r[0].label == "POSITIVE" for r in results)
    assert len(fault_server.requests) == 6


@fair_httpcore
def test_install__only_on_a_plain_http11_pool() -> None:
    plain = httpx.AsyncClient()
    custom = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(200)))

    assert install_fair_pool(plain) is True
    assert type(plain._transport._pool) is FairAsyncConnectionPool  # type: ignore[attr-defined]
    assert install_fair_pool(plain) is False  # already done
    assert install_fair_pool(custom) is False


# -- on real sockets ---------------------------------------------------------------------------


async def test_concurrent_calls__wait_for_the_connection_limit_and_all_succeed(
    fault_server: FaultServer,
) -> None:
    fault_server.script(SST2, *[Slow(0.02)] * 20)
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=2)) as http:
        assert install_fair_pool(http) is fair_pool_fits()
        hf = HfInference(token="hf_x", base_url=fault_server.base_url, async_http_client=http)

        results = await asyncio.gather(
            *(hf.atext_classification(inputs=f"text {i}") for i in range(20))
        )

    assert all(r[0].label == "POSITIVE" for r in results)
    assert len(fault_server.requests) == 20
    assert fault_server.connections_opened == 2


async def test_concurrent_calls__reuse_their_connections_batch_after_batch(
    fault_server: FaultServer,
) -> None:
    async with HfInference(token="hf_x", base_url=fault_server.base_url) as hf:
        for _ in range(5):
            batch = [hf.atext_classification(inputs="hi") for _ in range(16)]
            assert len(await asyncio.gather(*batch)) == 16

    assert len(fault_server.requests) == 80
    assert fault_server.connections_opened <= 16


@pytest.fixture
async def closes_when_idle() -> AsyncIterator[tuple[str, list[int]]]:
    """A server that answers one request per connection with keep-alive, then hangs up a
    moment later (as a server's idle timeout does), without saying so in its answer."""
    body = b'[[{"label":"POSITIVE","score":0.99}]]'
    opened: list[int] = []
    handlers: list[asyncio.Task[None]] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        opened.append(1)
        handlers.append(asyncio.current_task())  # type: ignore[arg-type]
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        )
        await reader.readexactly(length)
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
            + f"content-length: {len(body)}\r\nconnection: keep-alive\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        await asyncio.sleep(0.01)
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/hf-inference", opened
    finally:
        await asyncio.gather(*handlers)  # each hangs up on its own, 10 ms after answering
        server.close()
        await server.wait_closed()


async def test_a_connection_the_server_closed_while_idle_is_not_reused(
    closes_when_idle: tuple[str, list[int]],
) -> None:
    base_url, opened = closes_when_idle
    # No retries: a request sent on the dead connection would fail the call.
    async with HfInference(token="hf_x", base_url=base_url, max_retries=0) as hf:
        first = await hf.atext_classification(inputs="hi", model=SST2)
        await asyncio.sleep(0.1)  # the server has hung up by now
        second = await hf.atext_classification(inputs="hi", model=SST2)

    assert first[0].label == second[0].label == "POSITIVE"
    assert len(opened) == 2
