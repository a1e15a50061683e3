"""The fault server itself, spoken to with raw httpx (sync and async)."""

from __future__ import annotations

import asyncio
import gc
import json
import ssl
import struct
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.fault_server import (
    DEFAULT_TASKS,
    FEATURE_DIM,
    PNG_BYTES,
    PNG_SIZE,
    SSE,
    BadShape,
    Drop,
    FaultServer,
    Loading,
    RateLimited,
    Slow,
    Status,
    Success,
    Trickle,
    Truncated,
)

SST2 = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"
WHISPER = "openai/whisper-large-v3-turbo"
MIB = 1024 * 1024
TLS = ssl.create_default_context()  # unused on http://, but httpx builds one per client (~40 ms)


@pytest.fixture
def client(fault_server: FaultServer) -> Iterator[httpx.Client]:
    with httpx.Client(verify=TLS, base_url=fault_server.url, timeout=5) as client:
        yield client


def post(client: httpx.Client, model: str, route: str = "", **kwargs: Any) -> httpx.Response:
    return client.post(f"/hf-inference/models/{model}{route}", **kwargs)


# -- healthy answers ------------------------------------------------------------------------


def test_text_classification__recorded_body_and_request_id(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    response = post(client, SST2, json={"inputs": "I like you", "parameters": {}})

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == (
        b'[[{"label":"POSITIVE","score":0.9998695850372314},'
        b'{"label":"NEGATIVE","score":0.00013043530634604394}]]'
    )
    assert response.headers["x-request-id"] == fault_server.requests[-1].request_id


@pytest.mark.parametrize(
    ("model", "payload", "expected"),
    [
        ("google/vit-base-patch16-224", b"\x89PNG...", lambda b: b[0]["label"] == "Egyptian cat"),
        ("facebook/detr-resnet-50", b"\xff\xd8jpeg", lambda b: b[0]["box"]["xmax"] == 420),
        (WHISPER, b"RIFFwav", lambda b: b == {"text": "a man said to the universe sir i exist"}),
        (
            "deepset/roberta-base-squad2",
            {"inputs": {"question": "Capital?", "context": "The capital of France is Paris."}},
            lambda b: b["answer"] == "Paris",
        ),
        (
            "facebook/bart-large-cnn",
            {"inputs": "a long text"},
            lambda b: list(b[0]) == ["summary_text"],
        ),
        (
            "dbmdz/bert-large-cased-finetuned-conll03-english",
            {"inputs": "My name is Sarah Jessica Parker but you can call me Jessica"},
            lambda b: b[0]["word"] == "Sarah Jessica Parker",
        ),
        (
            "google-bert/bert-base-uncased",
            {"inputs": "the capital of france is [MASK]."},
            lambda b: b[0]["token_str"] == "paris",
        ),
        ("google-t5/t5-base", {"inputs": "hello"}, lambda b: "translation_text" in b[0]),
        (
            "google/tapas-base-finetuned-wtq",
            {"inputs": {"query": "average?", "table": {"Repository": ["a"], "Stars": ["1"]}}},
            lambda b: b["aggregator"] == "AVERAGE",
        ),
    ],
)
def test_healthy_answers_have_the_task_shape(
    fault_server: FaultServer, client: httpx.Client, model: str, payload: Any, expected: Any
) -> None:
    kwargs = {"content": payload} if isinstance(payload, bytes) else {"json": payload}
    response = post(client, model, **kwargs)

    assert response.status_code == 200
    assert expected(response.json())


@pytest.mark.parametrize(("model", "task"), sorted(DEFAULT_TASKS.items()))
def test_every_default_model_answers(
    fault_server: FaultServer, client: httpx.Client, model: str, task: str
) -> None:
    body = {"inputs": "x", "parameters": {"candidate_labels": ["a", "b"]}}

    response = post(client, model, json=body)

    assert response.status_code == 200, response.text
    assert response.content
    assert fault_server.requests[-1].task == task


@pytest.mark.parametrize(
    ("model", "route", "body"),
    [
        ("openai-community/gpt2", "", {"inputs": "x", "stream": True}),
        ("m/x", "/v1/completions", {"model": "m/x", "prompt": "x", "stream": True}),
        ("m/x", "/v1/completions", {"model": "m/x", "prompt": "x"}),
        ("m/x", "/v1/chat/completions", {"messages": [], "stream": True,
                                          "stream_options": {"include_usage": True}}),
    ],
)  # fmt: skip
def test_text_generation_variants(
    client: httpx.Client, model: str, route: str, body: dict[str, Any]
) -> None:
    response = post(client, model, route, json=body)

    assert response.status_code == 200
    if body.get("stream"):
        assert response.headers["content-type"] == "text/event-stream"
        assert response.text.startswith("data:")
    else:
        assert response.json()["choices"][0]["text"]


def test_zero_shot__legacy_shape_uses_the_candidate_labels(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    body = {"inputs": "I love it", "parameters": {"candidate_labels": ["joy", "anger"]}}
    answer = post(client, "facebook/bart-large-mnli", json=body).json()

    assert answer["sequence"] == "I love it"
    assert answer["labels"] == ["joy", "anger"]
    assert sum(answer["scores"]) == pytest.approx(1.0)


def test_text_to_image__is_a_real_png(fault_server: FaultServer, client: httpx.Client) -> None:
    response = post(client, "black-forest-labs/FLUX.1-dev", json={"inputs": "a cat"})

    assert response.headers["content-type"] == "image/png"
    assert response.content == PNG_BYTES
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", response.content[16:24]) == PNG_SIZE


def test_feature_extraction_and_sentence_similarity_routes(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    model = "sentence-transformers/all-MiniLM-L6-v2"
    one = post(client, model, "/pipeline/feature-extraction", json={"inputs": "hi"}).json()
    many = post(client, model, "/pipeline/feature-extraction", json={"inputs": ["a", "b"]}).json()
    similarity = post(
        client,
        model,
        "/pipeline/sentence-similarity",
        json={"inputs": {"source_sentence": "a", "sentences": ["a", "b"]}},
    ).json()

    assert len(one) == FEATURE_DIM
    assert all(isinstance(x, float) for x in one)
    assert [len(v) for v in many] == [FEATURE_DIM, FEATURE_DIM]
    assert similarity[0] == pytest.approx(1.0)
    assert len(similarity) == 2


def test_chat_completion__echoes_the_last_user_message(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    messages = [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "first"},
        {"role": "assistant", "content": "ok"},
        {"role": "user", "content": "what is up?"},
    ]
    model = "meta-llama/Llama-3.1-8B-Instruct"
    body = {"model": model, "messages": messages}
    answer = post(client, model, "/v1/chat/completions", json=body).json()

    assert answer["object"] == "chat.completion"
    assert answer["choices"][0]["message"] == {"role": "assistant", "content": "what is up?"}
    assert answer["choices"][0]["finish_reason"] == "stop"
    assert answer["usage"]["total_tokens"] > 0


def test_chat_completion__stream_ends_with_done(client: httpx.Client) -> None:
    body = {"model": "m/x", "messages": [{"role": "user", "content": "one two"}], "stream": True}
    path = "/hf-inference/models/m/x/v1/chat/completions"
    with client.stream("POST", path, json=body) as response:
        assert response.headers["content-type"] == "text/event-stream"
        data = [line for line in response.iter_lines() if line.startswith("data:")]

    assert data[-1] == "data: [DONE]"
    chunks = [json.loads(line.removeprefix("data: ")) for line in data[:-1]]
    assert "".join(c["choices"][0]["delta"]["content"] for c in chunks) == "one two"
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"


def test_router_chat_completion__model_comes_from_the_body(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    fault_server.script("org/chat", Status(500))
    body = {"model": "org/chat:hf-inference", "messages": [{"role": "user", "content": "x"}]}

    first = client.post("/v1/chat/completions", json=body)
    second = client.post("/v1/chat/completions", json=body)

    assert first.status_code == 500
    assert second.json()["choices"][0]["message"]["content"] == "x"
    assert fault_server.requests[0].model == "org/chat"


def test_tasks_registry_can_be_extended(fault_server: FaultServer, client: httpx.Client) -> None:
    assert post(client, "me/my-model", json={"inputs": "x"}).status_code == 404

    fault_server.tasks["me/my-model"] = "text-classification"

    assert post(client, "me/my-model", json={"inputs": "x"}).json()[0][0]["label"] == ("POSITIVE")


@pytest.mark.parametrize(
    ("method", "path", "name"),
    [
        ("POST", "/hf-inference/models/nobody/nothing", "nobody/nothing"),
        ("POST", "/hf-inference/models/a/b/c", "a/b/c"),
        ("GET", f"/hf-inference/models/{SST2}", SST2),
        ("POST", "/somewhere/else", "/somewhere/else"),
    ],
)
def test_unknown_routes_and_models__404(
    client: httpx.Client, method: str, path: str, name: str
) -> None:
    response = client.request(method, path, json={"inputs": "x"})

    assert response.status_code == 404
    assert response.json() == {"error": f"Model {name} does not exist"}
    assert "x-request-id" in response.headers


def test_invalid_requests__the_service_error_bodies(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    missing_inputs = post(client, SST2, json={"text": "x"})
    missing_messages = post(client, "a/b", "/v1/chat/completions", json={"model": "a/b"})

    assert missing_inputs.status_code == 400
    assert missing_inputs.json() == {"error": ["Error in `inputs`: field required"]}
    assert missing_messages.status_code == 422
    assert missing_messages.headers["content-type"].startswith("text/plain")
    assert "missing field `messages`" in missing_messages.text


# -- faults ---------------------------------------------------------------------------------


def test_loading__503_with_estimated_time(fault_server: FaultServer, client: httpx.Client) -> None:
    fault_server.script(SST2, Loading(12.5))

    response = post(client, SST2, json={"inputs": "x"})

    assert response.status_code == 503
    assert response.json() == {
        "error": f"Model {SST2} is currently loading",
        "estimated_time": 12.5,
    }


def test_rate_limited__429_with_and_without_retry_after(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    fault_server.script(SST2, RateLimited("7"), RateLimited(None))

    with_header = post(client, SST2, json={"inputs": "x"})
    without = post(client, SST2, json={"inputs": "x"})

    assert with_header.status_code == 429
    assert with_header.headers["retry-after"] == "7"
    assert with_header.json() == {"error": "Rate limit reached"}
    assert without.status_code == 429
    assert "retry-after" not in without.headers


@pytest.mark.parametrize(
    ("status", "content_type", "body"),
    [
        (Status(401, {"error": "Invalid username or password."}), "application/json",
         b'{"error":"Invalid username or password."}'),
        (Status(400, {"error": ["Error in `inputs`: field required", "b"]}), "application/json",
         b'{"error":["Error in `inputs`: field required","b"]}'),
        (Status(402, "Payment Required"), "text/plain; charset=utf-8", b"Payment Required"),
        (Status(404, '{"error":"gone"}'), "application/json", b'{"error":"gone"}'),
        (Status(500), "application/json", b'{"error":"Internal Server Error"}'),
        (Status(410, b"<html>", content_type="text/html", headers={"X-Error-Message": "old"}),
         "text/html", b"<html>"),
    ],
)  # fmt: skip
def test_status__any_code_with_any_body(
    fault_server: FaultServer, client: httpx.Client, status: Status, content_type: str, body: bytes
) -> None:
    fault_server.script(SST2, status)

    response = post(client, SST2, json={"inputs": "x"})

    assert response.status_code == status.code
    assert response.headers["content-type"] == content_type
    assert response.content == body
    for name, value in status.headers.items():
        assert response.headers[name] == value


@pytest.mark.parametrize("fault", [Drop(), Drop(reset=True)])
def test_drop__connection_closes_without_an_answer(
    fault_server: FaultServer, client: httpx.Client, fault: Drop
) -> None:
    fault_server.script(SST2, fault)

    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        post(client, SST2, json={"inputs": "x"})
    assert fault_server.requests[-1].step == fault


def test_slow__client_read_timeout(fault_server: FaultServer, client: httpx.Client) -> None:
    fault_server.script(SST2, Slow(2.0))

    with pytest.raises(httpx.ReadTimeout):
        post(client, SST2, json={"inputs": "x"}, timeout=0.1)


def test_slow__then_answers_late(fault_server: FaultServer, client: httpx.Client) -> None:
    fault_server.script(SST2, Slow(0.05, then=Status(500)), Slow(0.05))

    started = time.monotonic()
    first = post(client, SST2, json={"inputs": "x"})
    second = post(client, SST2, json={"inputs": "x"})

    assert time.monotonic() - started >= 0.1
    assert (first.status_code, second.status_code) == (500, 200)


async def test_slow__does_not_block_other_connections(fault_server: FaultServer) -> None:
    fault_server.script("slow/model", Slow(0.3))
    fault_server.tasks["slow/model"] = "text-classification"
    finished: list[str] = []

    async with httpx.AsyncClient(verify=TLS, base_url=fault_server.base_url, timeout=5) as client:

        async def call(model: str) -> None:
            await client.post(f"/models/{model}", json={"inputs": "x"})
            finished.append(model)

        slow = asyncio.create_task(call("slow/model"))
        while not fault_server.requests:  # the slow request is in the server first
            await asyncio.sleep(0.005)
        await call(SST2)
        assert finished == [SST2]
        await slow

    assert finished == [SST2, "slow/model"]


def test_bad_shape__200_with_the_wrong_json(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    fault_server.script(SST2, BadShape(), BadShape([1, 2]))

    assert post(client, SST2, json={"inputs": "x"}).json() == {"unexpected": True}
    assert post(client, SST2, json={"inputs": "x"}).json() == [1, 2]


def test_truncated__body_cut_off(fault_server: FaultServer, client: httpx.Client) -> None:
    fault_server.script(SST2, Truncated())

    with pytest.raises(httpx.RemoteProtocolError, match=r"incomplete|complete message body"):
        post(client, SST2, json={"inputs": "x"})


def test_trickle__body_arrives_piece_by_piece(fault_server: FaultServer) -> None:
    fault_server.script(SST2, Trickle(0.02, chunk=20), Trickle(0.01, body=b"abc"))

    with httpx.Client(verify=TLS, base_url=fault_server.base_url, timeout=5) as client:
        started = time.monotonic()
        with client.stream("POST", f"/models/{SST2}", json={"inputs": "x"}) as response:
            pieces = list(response.iter_raw())
        elapsed = time.monotonic() - started
        explicit = client.post(f"/models/{SST2}", json={"inputs": "x"})

    body = b"".join(pieces)
    assert response.headers["content-length"] == str(len(body))
    assert json.loads(body)[0][0]["label"] == "POSITIVE"
    assert len(pieces) >= len(body) // 20 // 2  # not sent at once
    assert elapsed >= 0.02 * (len(body) // 20)
    assert (explicit.content, explicit.headers["content-type"]) == (
        b"abc",
        "text/plain; charset=utf-8",
    )
    assert fault_server.connections_opened == 1  # the connection stays open after a trickle


def test_trickle__each_piece_within_the_read_timeout_the_whole_slower(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    fault_server.script(SST2, Trickle(0.05, body=b"x" * 8))

    started = time.monotonic()
    response = post(client, SST2, json={"inputs": "x"}, timeout=0.2)

    assert response.content == b"x" * 8
    assert time.monotonic() - started >= 0.35  # 7 pauses, each below the 0.2 s read timeout


def test_success__explicit_body_or_healthy_body_with_overrides(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    fault_server.script(
        SST2,
        Success({"custom": 1}, headers={"x-extra": "yes"}),
        Success(status=203, headers={"x-sha": "abc"}),
        Success(b"\x00\x01", content_type="application/octet-stream"),
    )

    custom = post(client, SST2, json={"inputs": "x"})
    healthy = post(client, SST2, json={"inputs": "x"})
    raw = post(client, SST2, json={"inputs": "x"})

    assert custom.json() == {"custom": 1}
    assert custom.headers["x-extra"] == "yes"
    assert healthy.status_code == 203
    assert healthy.headers["x-sha"] == "abc"
    assert healthy.json()[0][0]["label"] == "POSITIVE"
    assert raw.content == b"\x00\x01"
    assert raw.headers["content-type"] == "application/octet-stream"


@pytest.mark.parametrize("chunked", [False, True])
def test_sse__events_arrive_in_order(fault_server: FaultServer, chunked: bool) -> None:
    events = [f'data:{{"index":{i}}}\n\n' for i in range(5)]
    fault_server.script("gpt2", SSE(events, delay=0.01, chunked=chunked))
    fault_server.tasks["gpt2"] = "text-generation"

    started = time.monotonic()
    with (
        httpx.Client(verify=TLS, timeout=5) as client,
        client.stream("POST", f"{fault_server.base_url}/models/gpt2", json={"inputs": "x"}) as r,
    ):
        assert r.headers["content-type"] == "text/event-stream"
        lines = [line for line in r.iter_lines() if line]
    elapsed = time.monotonic() - started

    assert lines == [f'data:{{"index":{i}}}' for i in range(5)]
    assert elapsed >= 0.04
    assert fault_server.connections_opened == 1


def test_sse__chunked_keeps_the_connection(fault_server: FaultServer) -> None:
    fault_server.script("gpt2", SSE(["data:1\n\n"], chunked=True))
    fault_server.tasks["gpt2"] = "text-generation"

    with httpx.Client(verify=TLS, base_url=fault_server.base_url, timeout=5) as client:
        assert client.post("/models/gpt2", json={"inputs": "x"}).text == "data:1\n\n"
        assert client.post("/models/gpt2", json={"inputs": "x"}).status_code == 200

    assert fault_server.connections_opened == 1


# -- scripts, recording, connections --------------------------------------------------------


def test_scripts__consumed_in_order_then_healthy(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    fault_server.script(SST2, Loading(1), RateLimited())
    fault_server.script(SST2, Status(500))

    codes = [post(client, SST2, json={"inputs": "x"}).status_code for _ in range(5)]

    assert codes == [503, 429, 500, 200, 200]
    assert fault_server.pending() == 0
    assert [r.step for r in fault_server.requests] == [
        Loading(1),
        RateLimited(),
        Status(500),
        None,
        None,
    ]


def test_scripts__star_applies_to_any_model_after_the_models_own(
    fault_server: FaultServer,
    client: httpx.Client,
) -> None:
    fault_server.script("*", Status(502), Status(504))
    fault_server.script(SST2, Status(401))

    first = post(client, SST2, json={"inputs": "x"}).status_code
    second = post(client, SST2, json={"inputs": "x"}).status_code
    other = post(client, "facebook/bart-large-cnn", json={"inputs": "x"}).status_code
    assert fault_server.pending("*") == 0
    healthy = post(client, SST2, json={"inputs": "x"}).status_code

    assert (first, second, other, healthy) == (401, 502, 504, 200)


def test_requests_are_recorded_with_headers_and_body(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    post(
        client,
        SST2,
        json={"inputs": "x"},
        headers={"Authorization": "Bearer hf_test", "X-Use-Cache": "false"},
        params={"q": "1"},
    )

    [request] = fault_server.requests
    assert request.method == "POST"
    assert request.path == f"/hf-inference/models/{SST2}"
    assert request.query == "q=1"
    assert request.headers["authorization"] == "Bearer hf_test"
    assert request.headers["x-use-cache"] == "false"
    assert request.headers["content-type"] == "application/json"
    assert request.json() == {"inputs": "x"}
    assert request.body_length == len(request.body)
    assert (request.model, request.task, request.step) == (SST2, "text-classification", None)


def test_chunked_request_body_is_read(fault_server: FaultServer, client: httpx.Client) -> None:
    response = post(client, WHISPER, content=iter([b"RIFF", b"....", b"WAVE"]))

    assert response.status_code == 200
    request = fault_server.requests[-1]
    assert request.headers["transfer-encoding"] == "chunked"
    assert request.body == b"RIFF....WAVE"


def test_large_upload__accepted_and_recorded_as_length_only(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    response = post(client, WHISPER, content=b"\x00" * (16 * MIB))

    assert response.json() == {"text": "a man said to the universe sir i exist"}
    request = fault_server.requests[-1]
    assert request.body == b""
    assert request.body_length == 16 * MIB
    assert not request.body_recorded


def test_keep_alive__50_requests_one_connection(fault_server: FaultServer) -> None:
    with httpx.Client(verify=TLS, base_url=fault_server.base_url, timeout=5) as client:
        for _ in range(50):
            assert client.post(f"/models/{SST2}", json={"inputs": "x"}).status_code == 200

    assert fault_server.connections_opened == 1
    assert len({r.connection_id for r in fault_server.requests}) == 1
    assert len({r.request_id for r in fault_server.requests}) == 50


def test_keep_alive__survives_error_statuses(fault_server: FaultServer) -> None:
    fault_server.script(SST2, Loading(1), RateLimited(), Status(500), BadShape())

    with httpx.Client(verify=TLS, base_url=fault_server.base_url, timeout=5) as client:
        codes = [client.post(f"/models/{SST2}", json={"inputs": "x"}).status_code for _ in "abcde"]

    assert codes == [503, 429, 500, 200, 200]
    assert fault_server.connections_opened == 1


async def test_async_client__healthy_and_faults(fault_server: FaultServer) -> None:
    fault_server.script(SST2, Loading(3), Drop())

    async with httpx.AsyncClient(verify=TLS, base_url=fault_server.base_url, timeout=5) as client:
        loading = await client.post(f"/models/{SST2}", json={"inputs": "x"})
        with pytest.raises(httpx.RemoteProtocolError):
            await client.post(f"/models/{SST2}", json={"inputs": "x"})
        answers = await asyncio.gather(
            *(client.post(f"/models/{SST2}", json={"inputs": str(i)}) for i in range(10))
        )

    assert loading.status_code == 503
    assert [a.status_code for a in answers] == [200] * 10


def test_reset__forgets_everything_and_restores_tasks(
    fault_server: FaultServer, client: httpx.Client
) -> None:
    fault_server.script(SST2, Status(500))
    fault_server.tasks["me/x"] = "fill-mask"
    post(client, "nobody/here")

    fault_server.reset()

    assert fault_server.requests == []
    assert fault_server.connections_opened == 0
    assert fault_server.pending() == 0
    assert "me/x" not in fault_server.tasks
    assert post(client, SST2, json={"inputs": "x"}).status_code == 200


def test_stop__closes_open_connections_cleanly() -> None:
    server = FaultServer()
    server.start()
    client = httpx.Client(verify=TLS, base_url=server.base_url, timeout=5)
    server.script(SST2, Slow(10))
    with pytest.raises(httpx.ReadTimeout):  # leaves a handler sleeping in the server
        client.post(f"/models/{SST2}", json={"inputs": "x"}, timeout=0.05)
    idle = httpx.Client(verify=TLS, base_url=server.base_url, timeout=5)
    assert idle.post(f"/models/{SST2}", json={"inputs": "x"}).status_code == 200

    started = time.monotonic()
    server.stop()
    server.stop()  # idempotent

    assert time.monotonic() - started < 5  # did not wait for Slow(10)
    client.close()
    idle.close()
    gc.collect()  # an unclosed socket or loop would raise ResourceWarning (warnings are errors)
    with pytest.raises(RuntimeError, match="not started"):
        _ = server.url
    with server:  # a stopped server starts again, on a new port
        assert httpx.post(
            f"{server.base_url}/models/{SST2}", json={"inputs": "x"}, verify=TLS
        ).is_success
