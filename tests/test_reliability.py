"""The client and the tools against a real HTTP server on loopback (tests/fault_server.py).

respx cannot show what only sockets do: keep-alive, dropped and truncated connections, answers
slower than the timeout, cancellation and hundreds of concurrent calls. Every test runs sync and
async. Real waits are kept short (small backoff and caps); exact waits are read from the
transport's `sleep` / `asleep` seams; wall-clock upper bounds have a generous margin (CI is slow).
"""

from __future__ import annotations

import asyncio
import base64
import gc
import json
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
import pytest
from langchain.agents import create_agent
from langchain.agents.middleware import ToolRetryMiddleware
from langchain_core.messages import AIMessage, ToolMessage
from langchain_core.tools import BaseTool

from hf_inference_tools import (
    AuthenticationError,
    HfInference,
    HfInferenceError,
    HfInferenceToolkit,
    ImageClassificationTool,
    InferenceTimeoutError,
    InputError,
    ModelLoadingError,
    ModelNotFoundError,
    Options,
    OutputError,
    RateLimitError,
    ServerError,
    TextClassificationTool,
    TextToImageTool,
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
    Success,
    Trickle,
    Truncated,
)
from tests.scripted_model import ScriptedToolModel, tool_call
from tests.tool_calls import acall_tool

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

    message = await acall_tool(tool, {"inputs": "I like you"}, mode)

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


# -- waits: as the server asks, capped, and really spent ------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        pytest.param((RateLimited("7"),), [7.0], id="retry-after-seconds"),
        pytest.param((RateLimited("120"),), [30.0], id="retry-after-capped"),
        pytest.param((Loading(12.5),), [12.5], id="estimated-time"),
        pytest.param((Loading(600),), [30.0], id="estimated-time-capped"),
        pytest.param(
            (Status(503, {"error": "busy"}, headers={"Retry-After": "3"}),), [3.0], id="503-header"
        ),
        pytest.param((Loading(2), RateLimited("1")), [2.0, 1.0], id="one-wait-per-retry"),
    ],
)
async def test_waits__honour_the_server_within_retry_max_wait(
    fault_server: FaultServer,
    make_client: MakeClient,
    mode: Mode,
    script: tuple[Step, ...],
    expected: list[float],
) -> None:
    fault_server.script(SST2, *script)
    hf = make_client(retry_max_wait=30.0)
    waits = recorded_waits(hf)

    labels = await classify(hf, mode)

    assert labels[0].label == "POSITIVE"
    assert waits == expected
    assert len(fault_server.requests) == len(script) + 1


@pytest.mark.parametrize("mode", MODES)
async def test_waits__backoff_without_a_server_hint(
    fault_server: FaultServer, make_client: MakeClient, mode: Mode
) -> None:
    fault_server.script(SST2, Status(502), Status(502), Status(502))
    hf = make_client(retry_backoff=0.5, retry_max_wait=1.5)
    waits = recorded_waits(hf)

    await classify(hf, mode)

    # Full jitter under a doubling ceiling: 0.5, 1.0, then the cap.
    assert len(waits) == 3
    assert all(0 <= w <= high for w, high in zip(waits, [0.5, 1.0, 1.5], strict=True))


@pytest.mark.parametrize("mode", MODES)
async def test_waits__are_really_slept(
    fault_server: FaultServer, make_client: MakeClient, mode: Mode
) -> None:
    fault_server.script(SST2, RateLimited("0.3"))
    hf = make_client(retry_max_wait=1.0)

    started = time.monotonic()
    await classify(hf, mode)

    assert time.monotonic() - started >= 0.3
    assert len(fault_server.requests) == 2


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


# -- cancellation ---------------------------------------------------------------------------


async def until_requests(server: FaultServer, count: int) -> None:
    async with asyncio.timeout(10):
        while len(server.requests) < count:
            await asyncio.sleep(0.005)


async def test_cancel__releases_the_connection(fault_server: FaultServer, hf: HfInference) -> None:
    tool = TextClassificationTool(client=hf)
    await acall_tool(tool, {"inputs": "warm up"}, "async")
    fault_server.script(SST2, Slow(5.0))

    task = asyncio.create_task(acall_tool(tool, {"inputs": "slow"}, "async"))
    await until_requests(fault_server, 2)  # the server is sitting on it
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    after = [await acall_tool(tool, {"inputs": f"after {i}"}, "async") for i in range(5)]

    assert [m.status for m in after] == ["success"] * 5
    warm, slow, *rest = fault_server.requests
    assert slow.connection_id == warm.connection_id
    # The cancelled connection was closed, never handed out again; one fresh one serves the rest.
    assert len({r.connection_id for r in rest}) == 1
    assert rest[0].connection_id != slow.connection_id
    assert fault_server.connections_opened == 2


async def test_cancel__while_waiting_to_retry(
    fault_server: FaultServer, make_client: MakeClient
) -> None:
    fault_server.script(SST2, RateLimited("30"))
    hf = make_client(retry_max_wait=30.0)

    task = asyncio.create_task(classify(hf, "async"))
    await until_requests(fault_server, 1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    labels = await classify(hf, "async")

    assert labels[0].label == "POSITIVE"
    assert len(fault_server.requests) == 2


async def test_cancel__queued_requests_do_not_poison_the_pool(
    fault_server: FaultServer, make_client: MakeClient
) -> None:
    fault_server.tasks["slow/model"] = "text-classification"
    fault_server.script("slow/model", *[Slow(5.0)] * 8)
    limits = httpx.Limits(max_connections=2, max_keepalive_connections=2)
    async with httpx.AsyncClient(limits=limits) as pool:
        hf = make_client(async_http_client=pool)
        slow = TextClassificationTool(client=hf, model="slow/model")
        # Two calls hold both connections; six wait in httpx's queue for one.
        tasks = [
            asyncio.create_task(acall_tool(slow, {"inputs": str(i)}, "async")) for i in range(8)
        ]
        await until_requests(fault_server, 2)
        await asyncio.sleep(0.05)
        for task in tasks:
            task.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)

        tool = TextClassificationTool(client=hf)
        after = await asyncio.wait_for(
            asyncio.gather(*(acall_tool(tool, {"inputs": str(i)}, "async") for i in range(10))), 30
        )

    assert all(isinstance(r, asyncio.CancelledError) for r in results)
    assert [m.status for m in after] == ["success"] * 10
    assert len([r for r in fault_server.requests if r.model == "slow/model"]) == 2
    assert fault_server.connections_opened <= 4  # two cancelled, at most two for the rest


# -- keep-alive -----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_keep_alive__200_calls_share_one_connection(
    fault_server: FaultServer, hf: HfInference, mode: Mode
) -> None:
    # Error answers are read whole too, so they do not cost the connection.
    cycle: list[Step] = [Status(500), Success(), Success(), Status(404)]
    fault_server.script(SST2, *cycle * 10)

    outcomes = []
    for _ in range(200):
        try:
            await classify(hf, mode)
            outcomes.append("ok")
        except HfInferenceError as exc:
            outcomes.append(str(exc.status))

    assert outcomes.count("500") == outcomes.count("404") == 10
    assert len(fault_server.requests) == 200
    assert fault_server.connections_opened <= 2


# -- load -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    """One kind of call in the load test: its script, and what its ToolMessage must say."""

    script: tuple[Step, ...]
    status: Literal["success", "error"]
    says: str
    requests: int


LOADS = {
    "healthy": Load((), "success", "", 1),
    "loading-then-ok": Load((Loading(0.01), Loading(0.01)), "success", "", 3),
    "slow-then-ok": Load((Slow(0.2),), "success", "", 1),
    "dropped-then-ok": Load((Drop(),), "success", "", 2),
    "rate-limited-then-ok": Load((RateLimited("0"),), "success", "", 2),
    "not-found": Load((Status(404),), "error", "not served there (404: Not Found)", 1),
    "server-error": Load((Status(500),), "error", "failed on the server (500:", 1),
    "bad-shape": Load((BadShape(),), "error", "answered 200, but not with", 1),
}
TOOLS: dict[str, tuple[type[BaseTool], str, dict[str, Any]]] = {
    "text_classification": (TextClassificationTool, "text-classification", {"inputs": "hi"}),
    "image_classification": (ImageClassificationTool, "image-classification", {"data": PNG_URI}),
    "text_to_image": (TextToImageTool, "text-to-image", {"inputs": "a red fox"}),
}


def successful_content(tool_name: str) -> Callable[[str], bool]:
    return {
        "text_classification": lambda c: json.loads(c)[0]["label"] == "POSITIVE",
        "image_classification": lambda c: json.loads(c)[0]["label"] == "Egyptian cat",
        "text_to_image": lambda c: json.loads(c)["mime_type"] == "image/png",
    }[tool_name]


async def test_load__300_concurrent_calls_each_with_its_outcome(
    fault_server: FaultServer,
    make_client: MakeClient,
) -> None:
    plan = [(list(LOADS)[i % len(LOADS)], list(TOOLS)[i % len(TOOLS)]) for i in range(300)]
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        # Queued calls wait for a pooled connection within their timeout: keep it generous.
        hf = make_client(timeout=30.0)
        calls = []
        for i, (kind, tool_name) in enumerate(plan):
            tool_class, task, args = TOOLS[tool_name]
            model = f"load/{kind}-{i}"
            fault_server.tasks[model] = task
            fault_server.script(model, *LOADS[kind].script)
            tool = tool_class(client=hf, model=model)
            calls.append(acall_tool(tool, args, "async", call_id=str(i)))

        messages = await asyncio.wait_for(asyncio.gather(*calls), 60)
        await hf.aclose()
        gc.collect()  # an unclosed client or socket would warn here

    for (kind, tool_name), message in zip(plan, messages, strict=True):
        expected = LOADS[kind]
        assert message.status == expected.status, (kind, tool_name, message.content)
        if expected.status == "success":
            assert successful_content(tool_name)(str(message.content))
        else:
            assert expected.says in message.content
    assert len(fault_server.requests) == sum(LOADS[kind].requests for kind, _ in plan)
    assert fault_server.pending() == 0


# -- event loops ----------------------------------------------------------------------------


def test_toolkit__two_successive_asyncio_runs(fault_server: FaultServer) -> None:
    toolkit = HfInferenceToolkit(
        token=TOKEN, base_url=fault_server.base_url, tasks=["text_classification"]
    )
    (tool,) = toolkit.get_tools()

    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        first = asyncio.run(acall_tool(tool, {"inputs": "first loop"}, "async"))
        second = asyncio.run(acall_tool(tool, {"inputs": "second loop"}, "async"))
        between = asyncio.run(asyncio.to_thread(tool.invoke, {"inputs": "sync, in a thread"}))
        toolkit.close()
        gc.collect()  # a client left open by the first loop would warn here

    assert first.status == second.status == "success"
    assert json.loads(between)[0]["label"] == "POSITIVE"
    # One async client per loop (each closed with its loop) and the sync one.
    assert fault_server.connections_opened == 3


# -- an agent never sees an exception -------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_agent__faults_become_error_messages_and_the_run_goes_on(
    fault_server: FaultServer, make_client: MakeClient, mode: Mode
) -> None:
    fault_server.script(SST2, Status(500, {"error": "CUDA out of memory"}))
    fault_server.script("google/vit-base-patch16-224", Slow(3.0))
    fault_server.script("black-forest-labs/FLUX.1-dev", Drop(), Loading(0.01))
    toolkit = HfInferenceToolkit(
        client=make_client(timeout=0.5),
        tasks=["text_classification", "image_classification", "text_to_image"],
    )
    script = [
        tool_call("text_classification", {"inputs": "hello"}, "c1"),
        tool_call("image_classification", {"data": PNG_URI}, "c2"),
        tool_call("text_to_image", {"inputs": "a red fox"}, "c3"),
        AIMessage("Two tools failed, but here is your fox."),
    ]
    agent = create_agent(ScriptedToolModel(messages=iter(script)), tools=toolkit.get_tools())
    question: Any = {"messages": [{"role": "user", "content": "Go."}]}

    if mode == "sync":
        state = agent.invoke(question)
    else:
        state = await agent.ainvoke(question)

    classified, seen, drawn = [m for m in state["messages"] if isinstance(m, ToolMessage)]
    assert state["messages"][-1].content == "Two tools failed, but here is your fox."
    assert classified.status == "error"
    assert "failed on the server (500: CUDA out of memory)" in classified.content
    assert seen.status == "error"
    assert "got no answer within 0.5 seconds" in seen.content
    assert drawn.status == "success"
    assert drawn.artifact["mime_type"] == "image/png"


@pytest.mark.parametrize("mode", MODES)
async def test_agent__tool_retry_middleware_layers_over_the_client(
    fault_server: FaultServer, make_client: MakeClient, mode: Mode
) -> None:
    # The README's recipe: tools raise, the middleware retries once and words the last failure.
    fault_server.script(SST2, Slow(3.0))  # a timeout, which the client itself does not retry
    fault_server.script("google/vit-base-patch16-224", Status(404), Status(404))
    toolkit = HfInferenceToolkit(
        client=make_client(timeout=0.5),
        tasks=["text_classification", "image_classification"],
    )
    tools = toolkit.get_tools()
    for tool in tools:
        tool.handle_tool_error = False
    retry = ToolRetryMiddleware(max_retries=1, retry_on=(HfInferenceError,), initial_delay=0.01)
    script = [
        tool_call("text_classification", {"inputs": "hello"}, "c1"),
        tool_call("image_classification", {"data": PNG_URI}, "c2"),
        AIMessage("done"),
    ]
    agent = create_agent(ScriptedToolModel(messages=iter(script)), tools=tools, middleware=[retry])
    question: Any = {"messages": [{"role": "user", "content": "Go."}]}

    if mode == "sync":
        state = agent.invoke(question)
    else:
        state = await agent.ainvoke(question)

    classified, seen = [m for m in state["messages"] if isinstance(m, ToolMessage)]
    assert classified.status == "success"
    assert seen.status == "error"
    assert "not served there (404: Not Found)" in seen.content
    assert [r.model for r in fault_server.requests].count(SST2) == 2
    assert [r.model for r in fault_server.requests].count("google/vit-base-patch16-224") == 2
