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
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
import pytest
from langchain_core.messages import ToolMessage
from langchain_core.tools import BaseTool

from hf_inference_tools import (
    AuthenticationError,
    HfInference,
    HfInferenceError,
    InferenceTimeoutError,
    InputError,
    ModelLoadingError,
    ModelNotFoundError,
    Options,
    OutputError,
    RateLimitError,
    ServerError,
    TextClassificationTool,
)
from tests.fault_server import (
    PNG_BYTES,
    BadShape,
    Drop,
    FaultServer,
    Loading,
    RateLimited,
    Slow,
    Status,
    Step,
    Trickle,
    Truncated,
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


# -- each fault gives the SPEC's outcome ------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A script for SST2 and what the caller must see: the result or the error, and the number
    of requests the server read."""

    id: str
    script: tuple[Step, ...]
    requests: int
    error: type[HfInferenceError] | None = None
    says: tuple[str, ...] = ()
    max_retries: int = 3
    options: Options | None = None
    extra: dict[str, Any] = field(default_factory=dict)


LOADING = f"(503: Model {SST2} is currently loading)"
CASES = [
    Case("loading-twice-then-ok", (Loading(0.01), Loading(0.01)), requests=3),
    Case(
        "loading-beyond-max-retries",
        (Loading(0.01),) * 3,
        requests=2,
        max_retries=1,
        error=ModelLoadingError,
        says=(f"found the model unavailable {LOADING} after 2 attempts.", "wait_for_model=True"),
        extra={"estimated_time": 0.01},
    ),
    Case(
        "loading-without-retries",
        (Loading(0.01),),
        requests=1,
        options=Options(retry_on_error=False),
        error=ModelLoadingError,
        says=(f"found the model unavailable {LOADING}. Try again later",),
    ),
    Case("rate-limited-then-ok", (RateLimited("0"),), requests=2),
    Case(
        "rate-limited-beyond-max-retries",
        (RateLimited("0"),) * 4,
        requests=4,
        error=RateLimitError,
        says=("was rate limited (429: Rate limit reached) after 4 attempts.",),
    ),
    Case("bad-gateway-then-timeout-then-ok", (Status(502), Status(504)), requests=3),
    Case(
        "bad-gateway-beyond-max-retries",
        (Status(502),) * 4,
        requests=4,
        error=ServerError,
        says=("failed on the server (502: Bad Gateway) after 4 attempts. Try again later.",),
    ),
    Case(
        "internal-error-is-not-retried",
        (Status(500, {"error": "CUDA out of memory"}),),
        requests=1,
        error=ServerError,
        says=("failed on the server (500: CUDA out of memory). Try again later.",),
    ),
    Case(
        "not-found-sent-once",
        (Status(404, {"error": f"Model {SST2} does not exist"}),),
        requests=1,
        error=ModelNotFoundError,
        says=(f"not served there (404: Model {SST2} does not exist)", "pass endpoint_url"),
    ),
    Case(
        "unauthorized",
        (Status(401, {"error": "Invalid credentials in Authorization header"}),),
        requests=1,
        error=AuthenticationError,
        says=("refused (401: Invalid credentials in Authorization header)", "HF_TOKEN is valid"),
    ),
    Case(
        "bad-request-with-a-list-of-errors",
        (Status(400, {"error": ["Error in `inputs`: too long", "Error in `top_k`: too big"]}),),
        requests=1,
        error=InputError,
        says=("(400: Error in `inputs`: too long; Error in `top_k`: too big)", "Fix the arguments"),
    ),
    Case(
        "bad-shape",
        (BadShape(),),
        requests=1,
        error=OutputError,
        says=("answered 200, but not with a text-classification result",),
    ),
    Case("dropped-then-ok", (Drop(),), requests=2),
    Case("reset-then-ok", (Drop(reset=True),), requests=2),
    Case(
        "dropped-beyond-max-retries",
        (Drop(),) * 4,
        requests=4,
        error=ServerError,
        says=("lost the connection before the answer was complete", "after 4 attempts"),
    ),
    # A body cut off mid-way is a broken connection, not a bad answer: retried like a drop.
    Case("truncated-then-ok", (Truncated(),), requests=2),
    Case(
        "truncated-beyond-max-retries",
        (Truncated(),) * 4,
        requests=4,
        error=ServerError,
        says=("lost the connection before the answer was complete", "complete message body"),
    ),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
async def test_fault__client_outcome(
    fault_server: FaultServer, make_client: MakeClient, mode: Mode, case: Case
) -> None:
    fault_server.script(SST2, *case.script)
    hf = make_client(max_retries=case.max_retries)

    if case.error is None:
        labels = await classify(hf, mode, options=case.options)
        assert labels[0].label == "POSITIVE"
    else:
        with pytest.raises(case.error) as info:
            await classify(hf, mode, options=case.options)
        error = info.value
        for text in case.says:
            assert text in str(error)
        assert str(error).startswith(f"text_classification with model '{SST2}' ")
        assert TOKEN not in str(error)
        assert error.model == SST2
        # An answer of the wrong shape came through HTTP fine: its cause is the parse error.
        cause = ValueError if case.error is OutputError else httpx.HTTPError
        assert isinstance(error.__cause__, cause)
        for name, value in case.extra.items():
            assert getattr(error, name) == value

    assert len(fault_server.requests) == case.requests
    assert fault_server.pending(SST2) == len(case.script) - min(case.requests, len(case.script))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
async def test_fault__tool_answers_with_a_message(
    fault_server: FaultServer, make_client: MakeClient, mode: Mode, case: Case
) -> None:
    fault_server.script(SST2, *case.script)
    tool = TextClassificationTool(
        client=make_client(max_retries=case.max_retries, options=case.options)
    )

    message = await invoke(tool, mode, {"inputs": "I like you"})

    assert isinstance(message, ToolMessage)
    assert len(fault_server.requests) == case.requests
    if case.error is None:
        assert message.status == "success"
        assert message.artifact["result"][0]["label"] == "POSITIVE"
    else:
        assert message.status == "error"
        assert isinstance(message.content, str)
        assert message.content.startswith(f"text_classification with model '{SST2}' ")
        for text in case.says:
            assert text in message.content
        assert "Traceback" not in message.content
        assert TOKEN not in message.content


@pytest.mark.parametrize("mode", MODES)
async def test_loading__retries_ask_the_server_to_wait(
    fault_server: FaultServer, hf: HfInference, mode: Mode
) -> None:
    fault_server.script(SST2, Loading(0.01))

    await classify(hf, mode)

    first, retry = fault_server.requests
    assert "x-wait-for-model" not in first.headers
    assert retry.headers["x-wait-for-model"] == "true"
    assert first.headers["authorization"] == retry.headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize("mode", MODES)
async def test_wait_for_model__retries_loading_even_without_retry_on_error(
    fault_server: FaultServer, hf: HfInference, mode: Mode
) -> None:
    fault_server.script(SST2, Loading(0.01), Loading(0.01))
    options = Options(retry_on_error=False, wait_for_model=True)

    labels = await classify(hf, mode, options=options)

    assert labels[0].label == "POSITIVE"
    assert [r.headers["x-wait-for-model"] for r in fault_server.requests] == ["true"] * 3


@pytest.mark.parametrize("mode", MODES)
async def test_drop_on_a_reused_connection__retried_on_a_fresh_one(
    fault_server: FaultServer, hf: HfInference, mode: Mode
) -> None:
    await classify(hf, mode)  # leaves an idle keep-alive connection in the pool
    fault_server.script(SST2, Drop())

    labels = await classify(hf, mode)

    warm, dropped, retried = fault_server.requests
    assert labels[0].label == "POSITIVE"
    assert dropped.connection_id == warm.connection_id  # the pooled connection was reused
    assert retried.connection_id != dropped.connection_id
    assert fault_server.connections_opened == 2


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
