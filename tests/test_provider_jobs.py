"""Provider jobs against a real loopback server: done, failed, out of time, cancelled.

The server plays the Hub and the router (`hub_url` and `router_url` point at it). Time is a
fake clock that the poller's sleeps advance, so no test waits for real and none asserts
wall-clock times; the HTTP is real.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from hf_inference_tools import HfInference
from hf_inference_tools._progress import Sink, watching
from hf_inference_tools.errors import InferenceTimeoutError, MediaError, ServerError
from hf_inference_tools.providers import _run, next_wait
from hf_inference_tools.testing import data_uri, png_bytes

TOKEN = "hf_loopback_token_0123456789"
PNG = png_bytes(12, 12)
PNG_URI = data_uri(PNG, "image/png")
WAIT = 10.0  # the most a test waits for a stuck handler before letting it go

Answer = tuple[int, Any]


@dataclass
class Server:
    """Answers by (method, path with query): a list is served in order (the last repeats)."""

    routes: dict[tuple[str, str], list[Answer] | Callable[[], Answer]] = field(default_factory=dict)
    seen: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    url: str = ""

    def answer(self, method: str, path: str) -> Answer:
        route = self.routes.get((method, path))
        if route is None:
            return 404, {"error": f"no route {method} {path}"}
        if callable(route):
            return route()
        return route.pop(0) if len(route) > 1 else route[0]

    def count(self, method: str, path: str) -> int:
        return sum(1 for m, p, _ in self.seen if (m, p) == (method, path))


@pytest.fixture(name="server")
def server_fixture() -> Iterator[Server]:
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        def _reply(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            if length:
                self.rfile.read(length)
            state.seen.append((self.command, self.path, dict(self.headers)))
            status, body = state.answer(self.command, self.path)
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            kind = "image/png" if isinstance(body, bytes) else "application/json"
            self.send_header("content-type", kind)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = _reply

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@dataclass
class FakeTime:
    now: float = 0.0
    waits: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def client(server: Server, time: FakeTime, **kwargs: Any) -> HfInference:
    hf = HfInference(
        token=TOKEN, router_url=server.url, hub_url=server.url, max_retries=0, **kwargs
    )
    hf.providers.clock = lambda: time.now
    hf.providers.sleep = time.sleep
    hf.providers.asleep = time.asleep
    return hf


def hub(server: Server, model: str, *entries: tuple[str, str]) -> None:
    mapping = {
        provider: {"status": "live", "providerId": pid, "task": "text-to-image"}
        for provider, pid in entries
    }
    server.routes[("GET", f"/api/models/{model}?expand[]=inferenceProviderMapping")] = [
        (200, {"id": model, "inferenceProviderMapping": mapping})
    ]


def fal_job(server: Server, statuses: list[Answer], result: Answer) -> None:
    hub(server, "m/x", ("fal-ai", "fal-ai/flux/dev"))
    response_url = "https://queue.fal.run/fal-ai/flux/requests/job-7"
    server.routes[("POST", "/fal-ai/fal-ai/flux/dev?_subdomain=queue")] = [
        (200, {"request_id": "job-7", "status": "IN_QUEUE", "response_url": response_url})
    ]
    server.routes[("GET", "/fal-ai/fal-ai/flux/requests/job-7/status?_subdomain=queue")] = statuses
    server.routes[("GET", "/fal-ai/fal-ai/flux/requests/job-7?_subdomain=queue")] = [result]


REPLICATE_CANCEL = "/replicate/v1/predictions/p-1/cancel"


def replicate_job(server: Server, polls: list[Answer], *, cancellable: bool = False) -> None:
    """A prediction polled at `urls.get`; `cancellable`: its answer names `urls.cancel` too."""
    hub(server, "m/x", ("replicate", "o/flux"))
    urls = {"get": "https://api.replicate.com/v1/predictions/p-1"}
    if cancellable:
        urls["cancel"] = "https://api.replicate.com/v1/predictions/p-1/cancel"
    server.routes[("POST", "/replicate/v1/models/o/flux/predictions")] = [
        (201, {"id": "p-1", "status": "starting", "output": None, "urls": urls})
    ]
    server.routes[("GET", "/replicate/v1/predictions/p-1")] = polls
    if cancellable:
        server.routes[("POST", REPLICATE_CANCEL)] = [(200, {"status": "canceled"})]


def call(hf: HfInference, mode: str, **kwargs: Any) -> bytes:
    kwargs = {"inputs": "a fox", "model": "m/x", **kwargs}
    if mode == "sync":
        return hf.text_to_image(**kwargs)
    return asyncio.run(hf.atext_to_image(**kwargs))


def watch(events: list[dict[str, Any]]) -> contextlib.AbstractContextManager[None]:
    """Collect the progress events of the calls made in the block, sync and async."""

    async def areport(event: dict[str, Any]) -> None:
        events.append(event)

    return watching(lambda: Sink(events.append, areport))


MODES = pytest.mark.parametrize("mode", ["sync", "async"])


@MODES
def test_fal_queue__done(server: Server, mode: str) -> None:
    time = FakeTime()
    fal_job(
        server,
        [
            (200, {"status": "IN_QUEUE", "queue_position": 2}),
            (200, {"status": "IN_PROGRESS"}),
            (200, {"status": "COMPLETED"}),
        ],
        (200, {"images": [{"url": PNG_URI}]}),
    )
    hf = client(server, time)
    events: list[dict[str, Any]] = []
    with watch(events):
        assert call(hf, mode) == PNG
    seen = [(e["status"], e["queue_position"]) for e in events]
    assert seen == [("queued", None), ("queued", 2), ("running", None), ("done", None)]
    assert time.waits == sorted(time.waits) and time.waits[0] == 0.5
    for _method, path, headers in server.seen:
        assert headers.get("Authorization") == f"Bearer {TOKEN}", path


@MODES
def test_replicate__polled_at_urls_get_until_succeeded(server: Server, mode: str) -> None:
    time = FakeTime()
    replicate_job(
        server,
        [
            (200, {"id": "p-1", "status": "processing", "output": None}),
            (200, {"id": "p-1", "status": "succeeded", "output": [PNG_URI]}),
        ],
    )
    assert call(client(server, time), mode) == PNG
    assert server.count("GET", "/replicate/v1/predictions/p-1") == 2
    (post,) = [h for m, p, h in server.seen if m == "POST" and "predictions" in p]
    assert post["Prefer"] == "wait=50"


@MODES
def test_job__failed_quotes_the_provider(server: Server, mode: str) -> None:
    replicate_job(server, [(200, {"id": "p-1", "status": "failed", "error": "CUDA out of memory"})])
    with pytest.raises(ServerError, match="CUDA out of memory") as info:
        call(client(server, FakeTime()), mode)
    assert info.value.provider == "replicate"
    assert "p-1" in str(info.value) and "m/x" in str(info.value)


@MODES
def test_job__cancelled(server: Server, mode: str) -> None:
    replicate_job(server, [(200, {"id": "p-1", "status": "canceled", "error": None})])
    with pytest.raises(ServerError, match="cancelled"):
        call(client(server, FakeTime()), mode)


@MODES
def test_job__never_done_within_job_timeout(server: Server, mode: str) -> None:
    time = FakeTime()
    fal_job(server, [(200, {"status": "IN_PROGRESS"})], (200, {}))
    server.routes[("PUT", FAL_CANCEL)] = [(202, {"status": "CANCELLATION_REQUESTED"})]
    hf = client(server, time, job_timeout=60)
    events: list[dict[str, Any]] = []
    with watch(events), pytest.raises(InferenceTimeoutError) as info:
        call(hf, mode)
    # Given up on: the job is cancelled, not left running (and billed) for nobody.
    assert server.count("PUT", FAL_CANCEL) == 1
    assert events[-1]["status"] == "cancelled"
    message = str(info.value)
    assert "fal-ai" in message and "job-7" in message and "IN_PROGRESS" in message
    assert info.value.provider == "fal-ai"
    polls = server.count("GET", "/fal-ai/fal-ai/flux/requests/job-7/status?_subdomain=queue")
    assert 10 <= polls <= 30  # a backoff: not 120 polls of 0.5 s, not one
    assert time.now <= 60 + 1e-9  # no wait past the deadline
    assert max(time.waits) <= 8


@MODES
def test_job__polls_that_keep_failing__the_job_is_cancelled(server: Server, mode: str) -> None:
    # The status endpoint fails past the retries (none here): the call fails, and the job, for
    # all we know still running, is cancelled rather than left to run, billed, for nobody.
    fal_job(
        server,
        [(200, {"status": "IN_PROGRESS"}), (502, {"error": "upstream connect error"})],
        (200, {}),
    )
    server.routes[("PUT", FAL_CANCEL)] = [(202, {"status": "CANCELLATION_REQUESTED"})]
    events: list[dict[str, Any]] = []
    with watch(events), pytest.raises(ServerError, match="upstream connect error"):
        call(client(server, FakeTime()), mode)
    assert server.count("PUT", FAL_CANCEL) == 1
    assert [e["status"] for e in events] == ["queued", "running", "cancelled"]


@MODES
def test_job__that_failed_is_not_cancelled(server: Server, mode: str) -> None:
    # Over on the provider's side: there is nothing to stop, so no cancel request is sent.
    failed = {"id": "p-1", "status": "failed", "error": "CUDA out of memory"}
    replicate_job(server, [(200, failed)], cancellable=True)
    with pytest.raises(ServerError, match="CUDA out of memory"):
        call(client(server, FakeTime()), mode)
    assert server.count("GET", "/replicate/v1/predictions/p-1") == 1
    assert server.count("POST", REPLICATE_CANCEL) == 0


@MODES
def test_wavespeed_and_zai__polled_jobs(server: Server, mode: str) -> None:
    hub(server, "m/w", ("wavespeed", "wavespeed-ai/flux-dev"))
    get = "https://api.wavespeed.ai/api/v3/predictions/w-1/result"
    server.routes[("POST", "/wavespeed/api/v3/wavespeed-ai/flux-dev")] = [
        (200, {"code": 200, "data": {"id": "w-1", "urls": {"get": get}, "status": "created"}})
    ]
    server.routes[("GET", "/wavespeed/api/v3/predictions/w-1/result")] = [
        (200, {"code": 200, "data": {"id": "w-1", "status": "processing", "outputs": []}}),
        (200, {"code": 200, "data": {"id": "w-1", "status": "completed", "outputs": [PNG_URI]}}),
    ]
    hub(server, "m/z", ("zai-org", "cogview-4"))
    server.routes[("POST", "/zai-org/api/paas/v4/async/images/generations")] = [
        (200, {"id": "z-1", "task_status": "PROCESSING"})
    ]
    server.routes[("GET", "/zai-org/api/paas/v4/async-result/z-1")] = [
        (200, {"task_status": "PROCESSING"}),
        (200, {"task_status": "FAIL", "error": {"message": "prompt rejected"}}),
    ]
    hf = client(server, FakeTime())
    assert call(hf, mode, model="m/w") == PNG
    with pytest.raises(ServerError, match="prompt rejected"):
        call(hf, mode, model="m/z")


@MODES
def test_result_url__private_address_refused_never_fetched(server: Server, mode: str) -> None:
    secret = f"{server.url}/internal/secret.png"
    server.routes[("GET", "/internal/secret.png")] = [(200, PNG)]
    replicate_job(server, [(200, {"id": "p-1", "status": "succeeded", "output": secret})])
    with pytest.raises(MediaError, match=r"private|loopback") as info:
        call(client(server, FakeTime()), mode)
    assert "replicate" in str(info.value)
    assert server.count("GET", "/internal/secret.png") == 0


@MODES
def test_failover__over_the_network(server: Server, mode: str) -> None:
    hub(server, "m/x", ("nscale", "n/x"), ("together", "t/x"))
    server.routes[("POST", "/nscale/v1/images/generations")] = [
        (503, {"error": {"message": "no capacity"}})
    ]
    encoded = base64.b64encode(PNG).decode()
    server.routes[("POST", "/together/v1/images/generations")] = [
        (200, {"data": [{"b64_json": encoded}]})
    ]
    assert call(client(server, FakeTime()), mode) == PNG
    assert server.count("POST", "/nscale/v1/images/generations") == 1


def test_poll_schedule__bounds() -> None:
    """The schedule the poller follows, simulated over job lengths from 0.2 s to 20 min."""
    for run_time in [0.2, 1, 3, 10, 30, 60, 120, 600, 1200]:
        now, polls, last = 0.0, 0, 0.0
        while True:
            wait = next_wait(now)
            assert wait >= 0.5  # at most 2 polls a second
            now += wait
            polls += 1
            if now >= run_time:
                break
            last = now
        assert now - run_time <= max(0.5, 0.15 * run_time) + 1e-9
        assert now - last <= max(0.5, 0.15 * run_time) + 1e-9
        if run_time == 60:
            assert polls <= 30


def _video_hub(server: Server, provider: str, pid: str) -> None:
    mapping = {provider: {"status": "live", "providerId": pid, "task": "text-to-video"}}
    server.routes[("GET", "/api/models/m/v?expand[]=inferenceProviderMapping")] = [
        (200, {"id": "m/v", "inferenceProviderMapping": mapping})
    ]


def video(hf: HfInference, mode: str) -> bytes:
    if mode == "sync":
        return hf.text_to_video(inputs="a fox runs", model="m/v")
    return asyncio.run(hf.atext_to_video(inputs="a fox runs", model="m/v"))


@MODES
def test_together_video__queued_running_done_then_failed(server: Server, mode: str) -> None:
    from hf_inference_tools.testing import mp4_bytes

    mp4_uri = data_uri(mp4_bytes(), "video/mp4")
    _video_hub(server, "together", "Wan-AI/Wan2.2-T2V-A14B")
    server.routes[("POST", "/together/v2/videos")] = [(200, {"id": "v-1", "status": "queued"})]
    server.routes[("GET", "/together/v2/videos/v-1")] = [
        (200, {"id": "v-1", "status": "queued"}),
        (200, {"id": "v-1", "status": "in_progress"}),
        (200, {"id": "v-1", "status": "completed", "outputs": {"video_url": mp4_uri}}),
    ]
    hf = client(server, FakeTime())
    events: list[dict[str, Any]] = []
    with watch(events):
        assert video(hf, mode) == mp4_bytes()
    # The first poll repeats the submitted state within a second: not sent again.
    assert [e["status"] for e in events] == ["queued", "running", "done"]
    server.routes[("GET", "/together/v2/videos/v-1")] = [
        (200, {"id": "v-1", "status": "failed", "error": {"message": "content policy"}})
    ]
    with pytest.raises(ServerError, match="content policy"):
        video(hf, mode)


@MODES
def test_novita_video__async_task_polled(server: Server, mode: str) -> None:
    from hf_inference_tools.testing import mp4_bytes

    mp4_uri = data_uri(mp4_bytes(), "video/mp4")
    _video_hub(server, "novita", "wan-t2v")
    server.routes[("POST", "/novita/v3/async/wan-t2v")] = [(200, {"task_id": "n-1"})]
    server.routes[("GET", "/novita/v3/async/task-result?task_id=n-1")] = [
        (200, {"task": {"task_id": "n-1", "status": "TASK_STATUS_QUEUED"}}),
        (
            200,
            {
                "task": {"task_id": "n-1", "status": "TASK_STATUS_SUCCEED"},
                "videos": [{"video_url": mp4_uri}],
            },
        ),
    ]
    assert video(client(server, FakeTime()), mode) == mp4_bytes()
    assert server.count("GET", "/novita/v3/async/task-result?task_id=n-1") == 2


# -- progress: events per job, and Ctrl-C cancelling it ----------------------------------------


@MODES
def test_progress__content_and_an_unchanged_state_once_a_second(server: Server, mode: str) -> None:
    time = FakeTime()
    queued = (200, {"status": "IN_QUEUE", "queue_position": 2})
    fal_job(
        server,
        [queued] * 5 + [(200, {"status": "IN_PROGRESS"}), (200, {"status": "COMPLETED"})],
        (200, {"images": [{"url": PNG_URI}]}),
    )
    events: list[dict[str, Any]] = []
    with watch(events):
        assert call(client(server, time), mode) == PNG
    about = {"task": "text_to_image", "model": "m/x", "provider": "fal-ai", "job_id": "job-7"}
    assert all(e.items() >= about.items() for e in events)
    # Polls at 0.5, 1.0, ... 3.5 s (fake time): each change is sent, the unchanged queued
    # state only when a second has passed since it was last sent.
    seen = [(e["status"], e["queue_position"], e["elapsed_s"]) for e in events]
    assert seen == [
        ("queued", None, 0.0),
        ("queued", 2, 0.5),
        ("queued", 2, 1.5),
        ("queued", 2, 2.5),
        ("running", None, 3.0),
        ("done", None, 3.5),
    ]
    assert TOKEN not in json.dumps(events)


@MODES
def test_progress__nobody_watching_no_events_no_extra_requests(server: Server, mode: str) -> None:
    def run(events: list[dict[str, Any]] | None) -> int:
        server.seen.clear()
        fal_job(
            server,
            [(200, {"status": "IN_QUEUE", "queue_position": 1}), (200, {"status": "COMPLETED"})],
            (200, {"images": [{"url": PNG_URI}]}),
        )
        with watch(events) if events is not None else contextlib.nullcontext():
            assert call(client(server, FakeTime()), mode) == PNG
        return len(server.seen)

    watched: list[dict[str, Any]] = []
    assert run(None) == run(watched)  # the same requests, watched or not
    assert [e["status"] for e in watched] == ["queued", "queued", "done"]
    # A watcher that does not listen (no LangChain run, say) gets nothing built.
    calls: list[str] = []
    with watching(lambda: calls.append("asked") or None):  # type: ignore[func-returns-value]
        fal_job(server, [(200, {"status": "COMPLETED"})], (200, {"images": [{"url": PNG_URI}]}))
        assert call(client(server, FakeTime()), mode) == PNG
    assert calls == ["asked"]  # asked once, when the job started


FAL_CANCEL = "/fal-ai/fal-ai/flux/requests/job-7/cancel?_subdomain=queue"


class Interrupt:
    """Sleeps on fake time, and is interrupted (Ctrl-C, or the task cancelled) at the n-th."""

    def __init__(self, at: int, error: BaseException) -> None:
        self.time, self.at, self.error = FakeTime(), at, error

    def sleep(self, seconds: float) -> None:
        if len(self.time.waits) + 1 == self.at:
            raise self.error
        self.time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def interrupted_client(server: Server, interrupt: Interrupt) -> HfInference:
    hf = client(server, interrupt.time)
    hf.providers.sleep = interrupt.sleep
    hf.providers.asleep = interrupt.asleep
    return hf


def test_ctrl_c__cancels_a_fal_job_once_then_raises(server: Server) -> None:
    fal_job(server, [(200, {"status": "IN_QUEUE", "queue_position": 3})], (200, {}))
    server.routes[("PUT", FAL_CANCEL)] = [(202, {"status": "CANCELLATION_REQUESTED"})]
    hf = interrupted_client(server, Interrupt(3, KeyboardInterrupt()))
    events: list[dict[str, Any]] = []
    with watch(events), pytest.raises(KeyboardInterrupt):
        call(hf, "sync")
    assert server.count("PUT", FAL_CANCEL) == 1
    assert [e["status"] for e in events] == ["queued", "queued", "cancelled"]
    cancel = next(headers for m, p, headers in server.seen if m == "PUT")
    assert cancel.get("Authorization") == f"Bearer {TOKEN}"  # routed: the router's token


def test_task_cancelled__cancels_a_fal_job_once(server: Server) -> None:
    fal_job(server, [(200, {"status": "IN_PROGRESS"})], (200, {}))
    server.routes[("PUT", FAL_CANCEL)] = [(202, {"status": "CANCELLATION_REQUESTED"})]
    hf = interrupted_client(server, Interrupt(2, asyncio.CancelledError()))
    events: list[dict[str, Any]] = []
    with watch(events), pytest.raises(asyncio.CancelledError):
        call(hf, "async")
    assert server.count("PUT", FAL_CANCEL) == 1
    assert [e["status"] for e in events] == ["queued", "running", "cancelled"]


@pytest.mark.parametrize(
    ("mode", "interrupt", "status", "seen"),
    [
        ("sync", KeyboardInterrupt(), {"status": "IN_QUEUE", "queue_position": 3}, "queued"),
        ("async", asyncio.CancelledError(), {"status": "IN_PROGRESS"}, "running"),
    ],
    ids=["ctrl_c", "task_cancelled"],
)
def test_cancel_the_provider_does_not_answer_is_given_up(
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    interrupt: BaseException,
    status: dict[str, Any],
    seen: str,
) -> None:
    # An interrupted call ends soon: its cancel request keeps to CANCEL_WAIT, not to the
    # client's timeout (60 s), sync (Ctrl-C) and async (a cancelled task) alike.
    monkeypatch.setattr(_run, "CANCEL_WAIT", 0.2)
    released, answered = threading.Event(), threading.Event()

    def never_answered() -> Answer:
        released.wait(WAIT)
        answered.set()
        return 202, {"status": "CANCELLATION_REQUESTED"}

    fal_job(server, [(200, status)], (200, {}))
    server.routes[("PUT", FAL_CANCEL)] = never_answered
    hf = interrupted_client(server, Interrupt(2, interrupt))
    events: list[dict[str, Any]] = []
    try:
        with watch(events), pytest.raises(type(interrupt)):
            call(hf, mode)
        gave_up_first = not answered.is_set()
    finally:
        released.set()
    assert gave_up_first  # the call ended while the provider still held the cancel request
    assert server.count("PUT", FAL_CANCEL) == 1
    assert [e["status"] for e in events] == ["queued", seen]  # never said "cancelled"


@MODES
def test_ctrl_c__cancels_a_replicate_prediction_at_urls_cancel(server: Server, mode: str) -> None:
    replicate_job(server, [(200, {"status": "processing"})], cancellable=True)
    error = KeyboardInterrupt() if mode == "sync" else asyncio.CancelledError()
    hf = interrupted_client(server, Interrupt(2, error))
    with pytest.raises(type(error)):
        call(hf, mode)
    assert server.count("POST", REPLICATE_CANCEL) == 1


def test_ctrl_c__a_job_the_provider_cannot_cancel_is_left_alone(server: Server) -> None:
    _video_hub(server, "together", "Wan-AI/Wan2.2-T2V-A14B")
    server.routes[("POST", "/together/v2/videos")] = [(200, {"id": "v-1", "status": "queued"})]
    server.routes[("GET", "/together/v2/videos/v-1")] = [(200, {"status": "in_progress"})]
    hf = interrupted_client(server, Interrupt(2, KeyboardInterrupt()))
    events: list[dict[str, Any]] = []
    with watch(events), pytest.raises(KeyboardInterrupt):
        hf.text_to_video(inputs="a fox runs", model="m/v")
    assert [m for m, _, _ in server.seen] == ["GET", "POST", "GET"]  # no cancel sent
    assert [e["status"] for e in events] == ["queued", "running"]
