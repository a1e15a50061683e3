"""The client and the tools against a real HTTP server on loopback (tests/fault_server.py).

respx cannot show what only sockets do: keep-alive, dropped and truncated connections, answers
slower than the timeout, cancellation and hundreds of concurrent calls. Every test runs sync and
async. Real waits are kept short (small backoff and caps); exact waits are read from the
transport's `sleep` / `asleep` seams; wall-clock upper bounds have a generous margin (CI is slow).
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterator
from typing import Any, Literal

import httpx
import pytest
from langchain_core.tools import BaseTool

from hf_inference_tools import (
    HfInference,
    InferenceTimeoutError,
)
from tests.fault_server import (
    PNG_BYTES,
    FaultServer,
    Slow,
    Step,
    Trickle,
)

SST2 = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"
TOKEN = "hf_reliability_secret_0123456789"
PNG_URI = "data:image/png;base64," + base64.b64encode(PNG_BYTES).decode()
MARGIN = 1.5
"""Seconds a timeout may overshoot before a test calls it broken (CI machines are slow)."""

Mode = Literal["sync", "async"]
MODES: list[Mode] = ["sync", "async"]


MakeClient = Callable[..., HfInference]


@pytest.fixture
def make_client(fault_server: FaultServer) -> Iterator[MakeClient]:
    """Builds clients of the fault server whose retry waits are real but tiny."""
    made: list[HfInference] = []

    def make(**kwargs: Any) -> HfInference:
        settings = {"retry_backoff": 0.01, "retry_max_wait": 0.05, "timeout": 5.0, **kwargs}
        made.append(HfInference(token=TOKEN, base_url=fault_server.base_url, **settings))
        return made[-1]

    yield make
    for client in made:
        client.close()  # their async clients close with the test's event loop


@pytest.fixture
def hf(make_client: MakeClient) -> HfInference:
    return make_client()


async def classify(hf: HfInference, mode: Mode, **kwargs: Any) -> Any:
    if mode == "sync":  # blocking the test's loop is fine: the server has its own thread
        return hf.text_classification(inputs="I like you", **kwargs)
    return await hf.atext_classification(inputs="I like you", **kwargs)


async def invoke(tool: BaseTool, mode: Mode, args: dict[str, Any], call_id: str = "c1") -> Any:
    call = {"type": "tool_call", "id": call_id, "name": tool.name, "args": args}
    return tool.invoke(call) if mode == "sync" else await tool.ainvoke(call)


def recorded_waits(hf: HfInference) -> list[float]:
    """Replace the transport's sleeps by a recorder: the waits asked for, none spent."""
    waits: list[float] = []

    async def asleep(seconds: float) -> None:
        waits.append(seconds)

    hf.transport.sleep = waits.append
    hf.transport.asleep = asleep
    return waits


# -- timeouts -------------------------------------------------------------------------------


async def timed_out(hf: HfInference, mode: Mode) -> tuple[InferenceTimeoutError, float]:
    started = time.monotonic()
    with pytest.raises(InferenceTimeoutError) as info:
        await classify(hf, mode)
    return info.value, time.monotonic() - started


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("step", "timeout"),
    [
        pytest.param(Slow(2.0), 0.3, id="slow-answer"),
        # ~100 bytes, one every 50 ms: ~5 s in all.
        pytest.param(Trickle(0.05), 0.3, id="body-trickling-slower-than-the-timeout"),
        # Each piece comes 1.9 s after the last, within the 2 s read timeout: only a deadline on
        # the whole attempt stops at 2 s rather than at the third piece (3.8 s).
        pytest.param(Trickle(1.9, chunk=40), 2.0, id="pieces-each-within-the-read-timeout"),
    ],
)
async def test_timeout__fires_within_the_bound(
    fault_server: FaultServer, make_client: MakeClient, mode: Mode, step: Step, timeout: float
) -> None:
    fault_server.script(SST2, step)
    hf = make_client(timeout=timeout)

    error, elapsed = await timed_out(hf, mode)

    assert 0.9 * timeout <= elapsed < timeout + MARGIN
    assert isinstance(error, TimeoutError)
    assert f"got no answer within {timeout:g} seconds" in str(error)
    assert len(fault_server.requests) == 1  # a timed-out attempt is not retried


@pytest.mark.parametrize("mode", MODES)
async def test_timeout__with_a_client_passed_in(
    fault_server: FaultServer, make_client: MakeClient, mode: Mode
) -> None:
    fault_server.script(SST2, Trickle(0.05))
    with httpx.Client() as sync_client:
        async with httpx.AsyncClient() as async_client:
            hf = make_client(timeout=0.3, http_client=sync_client, async_http_client=async_client)
            _, elapsed = await timed_out(hf, mode)

    assert elapsed < 0.3 + MARGIN


@pytest.mark.parametrize("mode", MODES)
async def test_timeout__the_next_call_works(
    fault_server: FaultServer, make_client: MakeClient, mode: Mode
) -> None:
    fault_server.script(SST2, Slow(2.0))
    hf = make_client(timeout=0.3)

    await timed_out(hf, mode)
    labels = await classify(hf, mode)

    assert labels[0].label == "POSITIVE"
    assert fault_server.connections_opened == 2  # the timed-out connection was not reused


@pytest.mark.parametrize("mode", MODES)
async def test_timeout__gives_the_connection_back_to_the_pool(
    fault_server: FaultServer, make_client: MakeClient, mode: Mode
) -> None:
    # With room for one connection only, a timed-out call that kept its connection would make
    # every later call wait for the pool until it times out too.
    fault_server.script(SST2, Slow(2.0))
    one = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    with httpx.Client(limits=one) as sync_client:
        async with httpx.AsyncClient(limits=one) as async_client:
            hf = make_client(timeout=0.3, http_client=sync_client, async_http_client=async_client)
            await timed_out(hf, mode)
            later = [await classify(hf, mode) for _ in range(3)]

    assert [labels[0].label for labels in later] == ["POSITIVE"] * 3
