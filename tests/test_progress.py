"""Progress events of tools whose provider job is queued, then running (SPEC 7).

Over the loopback server of `test_provider_jobs` (the router and the Hub), with fake time: the
events' order and content in LangChain callbacks (sync), `astream_events` (async), a LangGraph
`stream_mode="custom"` run (sync and async), and nothing when nobody listens.
"""

from __future__ import annotations

import asyncio
from typing import Any, TypedDict
from uuid import UUID

import pytest
from langchain_core.callbacks import BaseCallbackHandler

from hf_inference_tools import HfInference, HfInferenceToolkit, TextToImageTool, TextToVideoTool
from hf_inference_tools._progress import Sink, watching
from hf_inference_tools.testing import HfInferenceMock
from hf_inference_tools.tools import PROGRESS_EVENT
from hf_inference_tools.tools._base import progress_sink
from tests.test_provider_jobs import (
    PNG_URI,
    FakeTime,
    Server,
    client,
    fal_job,
    server_fixture,  # noqa: F401  # the `server` fixture
)

ARGS = {"inputs": "a fox"}
ABOUT = {"task": "text_to_image", "model": "m/x", "provider": "fal-ai", "job_id": "job-7"}
EXPECTED = [
    ("queued", None, 0.0),
    ("queued", 2, 0.5),
    ("queued", 1, 1.0),
    ("running", None, 1.5),
    ("done", None, 2.0),
]


def queued_then_running(server: Server) -> HfInference:
    fal_job(
        server,
        [
            (200, {"status": "IN_QUEUE", "queue_position": 2}),
            (200, {"status": "IN_QUEUE", "queue_position": 1}),
            (200, {"status": "IN_PROGRESS"}),
            (200, {"status": "COMPLETED"}),
        ],
        (200, {"images": [{"url": PNG_URI}]}),
    )
    return client(server, FakeTime())


def tool(hf: HfInference) -> TextToImageTool:
    return TextToImageTool(client=hf, model="m/x", provider="fal-ai")


def check(events: list[dict[str, Any]]) -> None:
    assert all(e.items() >= ABOUT.items() for e in events), events
    assert [(e["status"], e["queue_position"], e["elapsed_s"]) for e in events] == EXPECTED
    assert set(events[0]) == {*ABOUT, "status", "queue_position", "elapsed_s"}


class Collector(BaseCallbackHandler):
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    def on_custom_event(self, name: str, data: Any, *, run_id: UUID, **kwargs: Any) -> None:
        if name == PROGRESS_EVENT:
            self.events.append(data)


def test_sync_tool_run__events_to_its_callbacks(server: Server) -> None:
    collector = Collector()
    message = tool(queued_then_running(server)).invoke(
        {"type": "tool_call", "id": "c1", "name": "text_to_image", "args": ARGS},
        {"callbacks": [collector]},
    )
    assert message.artifact["provider"] == "fal-ai"
    check(collector.events)


def test_async_tool_run__events_in_astream_events(server: Server) -> None:
    async def run() -> list[dict[str, Any]]:
        return [
            dict(event["data"])
            async for event in tool(queued_then_running(server)).astream_events(ARGS)
            if event["event"] == "on_custom_event" and event["name"] == PROGRESS_EVENT
        ]

    check(asyncio.run(run()))


class State(TypedDict, total=False):
    done: bool


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_langgraph_run__events_in_stream_mode_custom(server: Server, mode: str) -> None:
    pytest.importorskip("langgraph")
    from langgraph.graph import START, StateGraph

    image_tool = tool(queued_then_running(server))

    def node(state: State) -> State:
        image_tool.invoke(ARGS)
        return {"done": True}

    async def anode(state: State) -> State:
        await image_tool.ainvoke(ARGS)
        return {"done": True}

    graph = StateGraph(State)
    graph.add_node("draw", node if mode == "sync" else anode)
    graph.add_edge(START, "draw")
    app = graph.compile()
    if mode == "sync":
        chunks = list(app.stream({}, stream_mode="custom"))
    else:

        async def run() -> list[Any]:
            return [chunk async for chunk in app.astream({}, stream_mode="custom")]

        chunks = asyncio.run(run())
    check(chunks)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_nobody_listening__no_sink_no_events_same_requests(server: Server, mode: str) -> None:
    # Asked when the job starts, inside the tool's run: what the tool's own watcher answers.
    sinks: list[Sink | None] = []

    def spy() -> None:
        sinks.append(progress_sink())

    def run(config: dict[str, Any] | None) -> int:
        server.seen.clear()
        image_tool = tool(queued_then_running(server))
        with watching(spy):
            if mode == "sync":
                image_tool.invoke(ARGS, config)  # type: ignore[arg-type]
            else:
                asyncio.run(image_tool.ainvoke(ARGS, config))  # type: ignore[arg-type]
        return len(server.seen)

    unwatched = run(None)
    assert sinks == [None]
    collector = Collector()
    assert run({"callbacks": [collector]}) == unwatched  # listening costs no request
    assert isinstance(sinks[1], Sink)
    assert len(collector.events) == len(EXPECTED)


# -- over the offline stand-in: its fal jobs, MCP progress notifications -----------------------


async def no_wait(seconds: float) -> None:
    """The poller's waits, not spent (the stand-in's jobs move one step per poll)."""


def test_stand_in__fal_job_moves_up_the_queue_runs_then_is_done(
    hf_inference_mock: HfInferenceMock,
) -> None:
    hf = HfInference(token="hf_stand_in")
    hf.providers.sleep = lambda seconds: None
    hf.providers.clock = lambda: 0.0  # time stands still: only changes are sent
    collector = Collector()
    TextToVideoTool(client=hf).invoke(ARGS, {"callbacks": [collector]})
    states = [(e["status"], e["queue_position"]) for e in collector.events]
    assert states == [
        ("queued", 2),
        ("queued", 1),
        ("queued", 0),
        ("running", None),
        ("done", None),
    ]


def test_stand_in__ctrl_c_cancel_is_answered_and_recorded_once(
    hf_inference_mock: HfInferenceMock,
) -> None:
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 3:
            raise KeyboardInterrupt

    hf = HfInference(token="hf_stand_in")
    hf.providers.sleep = sleep
    with pytest.raises(KeyboardInterrupt):
        hf.text_to_video(inputs="a fox")
    cancels = [c for c in hf_inference_mock.calls if c.request.method == "PUT"]
    assert len(cancels) == 1
    assert cancels[0].request.url.path.endswith("/requests/offline-1/cancel")
    assert cancels[0].task == "text_to_video"


def test_stand_in__keeps_a_bounded_number_of_jobs(hf_inference_mock: HfInferenceMock) -> None:
    hf_inference_mock.hub.fal_queue, hf_inference_mock.hub.fal_running = -1, 0  # done at once
    hf = HfInference(token="hf_stand_in")
    hf.providers.sleep = lambda seconds: None
    for _ in range(300):
        hf.text_to_video(inputs="a fox")
    assert len(hf_inference_mock.hub._polls) == 256


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_mcp__progress_notifications_for_a_job_on_the_stand_in(
    hf_inference_mock: HfInferenceMock, mode: str
) -> None:
    from mcp import Client

    from hf_inference_tools.mcp import build_server

    kit = HfInferenceToolkit(tasks=["text_to_video"], token="hf_stand_in")
    tools = kit.get_tools()
    tools[0].client.providers.asleep = no_wait  # type: ignore[attr-defined]
    tools[0].client.providers.clock = lambda: 0.0  # type: ignore[attr-defined]
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    try:
        async with Client(build_server(tools), mode=mode) as client:
            result = await client.call_tool("text_to_video", ARGS, progress_callback=on_progress)
            quiet = await client.call_tool("text_to_video", ARGS)  # no progressToken: none sent
    finally:
        await kit.aclose()
    assert not result.is_error and not quiet.is_error
    assert [progress for progress, _, _ in seen] == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert all(total is None for _, total, _ in seen)
    messages = [message.rsplit(", ", 1)[0] for _, _, message in seen if message]
    assert messages == [
        "fal-ai offline-1: queued, queue position 2",
        "fal-ai offline-1: queued, queue position 1",
        "fal-ai offline-1: queued, queue position 0",
        "fal-ai offline-1: running",
        "fal-ai offline-1: done",
    ]
