"""Streaming: the SSE parser, the transport's streams, the client's iterators, token events."""

from __future__ import annotations

import asyncio
import gc
import json
import time
import warnings
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Any

import httpx
import pytest
import respx
from langchain.agents import create_agent
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import AIMessage, ToolMessage
from langchain_core.runnables import RunnableConfig

from hf_inference_tools import (
    STREAM_EVENT,
    ChatCompletionReturnValue,
    ChatCompletionTool,
    ConversationalTool,
    HfInference,
    HfInferenceError,
    InferenceTimeoutError,
    InputError,
    ModelNotFoundError,
    Options,
    OutputError,
    RateLimitError,
    ServerError,
    TextGenerationStreamOutput,
    TextGenerationTool,
)
from hf_inference_tools._http.sse import StreamError, aiter_sse, iter_sse, stream_error
from hf_inference_tools._http.transport import ApiRequest, ApiResponse, CallContext
from hf_inference_tools.tasks._streaming import (
    TextGenerationStreamOutputToken,
    assemble_text_generation,
    text_generation_chunk,
    text_generation_token_text,
)
from hf_inference_tools.testing import HfInferenceMock
from hf_inference_tools.testing._streams import (
    chat_events,
    completions_events,
    text_generation_events,
)
from tests.conftest import BASE, TOKEN
from tests.fault_server import SSE, FaultServer, Slow, Status, Success
from tests.scripted_model import ScriptedToolModel, tool_call

LLAMA = "meta-llama/Llama-3.1-8B-Instruct"
GPT2 = "openai-community/gpt2"
CHAT_URL = f"{BASE}/models/{LLAMA}/v1/chat/completions"
CONTINUATION = " and that is all there is to it."  # the fault server's text generation
USER = [{"role": "user", "content": "The quick brown fox jumps"}]
TOO_LONG = (  # TGI's words (TAPES)
    "`inputs` tokens + `max_new_tokens` must be <= 4096. "
    "Given: 17 `inputs` tokens and 10000 `max_new_tokens`"
)


def _chunk(content: str, finish_reason: str | None = None, **delta: Any) -> dict[str, Any]:
    choice = {
        "index": 0,
        "delta": {"role": "assistant", "content": content, **delta},
        "logprobs": None,
        "finish_reason": finish_reason,
    }
    return {
        "object": "chat.completion.chunk",
        "id": "",
        "created": 1742565123,
        "model": LLAMA,
        "system_fingerprint": "3.2.1-native",
        "choices": [choice],
        "usage": None,
    }


def _sse(*events: Any, space: bool = True, done: bool = True) -> bytes:
    prefix = "data: " if space else "data:"
    body = "".join(f"{prefix}{e if isinstance(e, str) else json.dumps(e)}\n\n" for e in events)
    return (body + (f"{prefix}[DONE]\n\n" if done else "")).encode()


def _read(stream: Iterable[Any], into: list[str]) -> None:
    for chunk in stream:
        into.append(chunk.text)


async def _aread(stream: AsyncIterable[Any], into: list[str]) -> None:
    async for chunk in stream:
        into.append(chunk.text)


def _event_stream(content: bytes, status: int = 200) -> httpx.Response:
    return httpx.Response(
        status, content=content, headers={"content-type": "text/event-stream", "x-request-id": "r1"}
    )


@pytest.fixture
def served(fault_server: FaultServer) -> Iterator[HfInference]:
    """A client of the loopback fault server whose retry waits are not slept."""
    client = HfInference(token=TOKEN, base_url=fault_server.base_url, retry_backoff=0.001)
    client.transport.sleep = lambda seconds: None

    async def asleep(seconds: float) -> None:
        return None

    client.transport.asleep = asleep
    yield client
    client.close()


def _pool(client: httpx.Client | httpx.AsyncClient) -> list[Any]:
    return list(client._transport._pool.connections)  # type: ignore[union-attr]


# -- the SSE parser ---------------------------------------------------------------------------

PARSER_CASES = {
    "data without a space (TGI)": (
        ['data:{"a":1}', "", 'data:{"a":2}', ""],
        ['{"a":1}', '{"a":2}'],
    ),
    "data with a space (chat)": (['data: {"a":1}', ""], ['{"a":1}']),
    "ends at [DONE] with a space": (["data: 1", "", "data: [DONE]", "", "data: 2", ""], ["1"]),
    "ends at [DONE] without a space": (["data:1", "", "data:[DONE]", "", "data:2", ""], ["1"]),
    "ends at the end of the body": (["data:1", "", "data:2"], ["1", "2"]),
    "comments and other fields ignored": (
        [": keep-alive", "event: message", "id: 7", "retry: 10", "data: x", ""],
        ["x"],
    ),
    "multi-line data joined by newlines": (['data: {"a":', "data:  1}", ""], ['{"a":\n 1}']),
    "empty events skipped": (["", "", "data:", "", "data", "", "data: x", ""], ["x"]),
    "one space only is stripped": (["data:   x", ""], ["  x"]),
}


@pytest.mark.parametrize(("lines", "expected"), PARSER_CASES.values(), ids=PARSER_CASES.keys())
def test_sse_parser__cases(lines: list[str], expected: list[str]) -> None:
    assert list(iter_sse(lines)) == expected


@pytest.mark.parametrize(("lines", "expected"), PARSER_CASES.values(), ids=PARSER_CASES.keys())
async def test_sse_parser__async_twin_agrees(lines: list[str], expected: list[str]) -> None:
    async def feed() -> AsyncIterator[str]:
        for line in lines:
            yield line

    assert [data async for data in aiter_sse(feed())] == expected


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (
            {"error": "Input validation error", "error_type": "validation"},
            StreamError("Input validation error", "validation"),
        ),
        ({"error": ["first", "second"]}, StreamError("first; second", None)),
        (
            {"error": {"message": "bad request", "type": "invalid_request_error"}},
            StreamError("bad request", "invalid_request_error"),
        ),
        ({"error": None, "choices": []}, None),
        ({"index": 1, "token": {"id": 3, "text": " "}}, None),
    ],
)
def test_stream_error__found_in_tgi_and_openai_shapes(
    event: dict[str, Any], expected: StreamError | None
) -> None:
    assert stream_error(event) == expected


# -- TGI token events (pure) ---------------------------------------------------------------------


def _tgi(index: int, text: str, *, special: bool = False, final: str | None = None) -> Any:
    details = {"finish_reason": "eos_token", "generated_tokens": index, "seed": None}
    return TextGenerationStreamOutput.model_validate(
        {
            "index": index,
            "token": {"id": index, "text": text, "logprob": -0.5, "special": special},
            "generated_text": final,
            "details": details if final is not None else None,
        }
    )


def test_tgi_events__special_tokens_add_no_text() -> None:
    assert text_generation_token_text(_tgi(1, " Paris")) == " Paris"
    assert text_generation_token_text(_tgi(2, "</s>", special=True)) == ""


def test_tgi_events__assembled_from_the_last_event() -> None:
    chunks = [_tgi(1, " Paris"), _tgi(2, "</s>", special=True, final=" Paris")]
    assert assemble_text_generation(chunks) == {
        "generated_text": " Paris",
        "details": {"finish_reason": "eos_token", "generated_tokens": 2, "seed": None},
    }


def test_tgi_events__tokens_joined_when_the_last_has_no_text() -> None:
    chunks = [_tgi(1, " It"), _tgi(2, " is"), _tgi(3, "</s>", special=True)]
    assert assemble_text_generation(chunks) == {"generated_text": " It is"}
    assert isinstance(chunks[0].token, TextGenerationStreamOutputToken)


def test_completions_chunks__read_as_token_events() -> None:
    chunk = {"object": "text_completion", "choices": [{"index": 0, "text": " once"}]}
    event = text_generation_chunk(chunk)
    assert (event.token.text, event.token.id, event.generated_text) == (" once", None, None)
    assert text_generation_chunk({"choices": [], "usage": {"total_tokens": 3}}).token.text == ""


# -- through the client: TGI and chat streams --------------------------------------------------


def test_text_generation_stream__tgi_events_without_space_or_done(
    served: HfInference, fault_server: FaultServer
) -> None:
    stream = served.text_generation_stream(inputs="Hello", parameters={"max_new_tokens": 8})
    events = list(stream)

    assert "".join(e.token.text for e in events) == CONTINUATION
    assert events[-1].generated_text == CONTINUATION
    assert events[-1].details is not None and events[-1].details.finish_reason == "length"
    result = stream.result()
    assert result.generated_text == CONTINUATION
    request = fault_server.requests[-1]
    assert request.path == f"/hf-inference/models/{GPT2}"
    assert request.headers["accept"] == "text/event-stream"
    assert request.json() == {
        "inputs": "Hello",
        "parameters": {"max_new_tokens": 8},
        "stream": True,
    }


async def test_text_generation_stream__async(served: HfInference) -> None:
    async with served.atext_generation_stream(inputs="Hello") as stream:
        texts = [event.token.text async for event in stream]
        result = await stream.result()
    assert "".join(texts) == result.generated_text == CONTINUATION
    await served.aclose()


def test_chat_completion_stream__chunks_then_done(
    served: HfInference, fault_server: FaultServer
) -> None:
    with served.chat_completion_stream(messages=USER, parameters={"max_tokens": 20}) as chunks:
        texts = [chunk.text for chunk in chunks]
        reply = chunks.result()

    assert "".join(texts) == "The quick brown fox jumps"
    assert isinstance(reply, ChatCompletionReturnValue)
    assert reply.choices[0].message.content == "The quick brown fox jumps"
    assert reply.choices[0].finish_reason == "stop"
    assert fault_server.requests[-1].json() == {
        "model": LLAMA,
        "messages": USER,
        "max_tokens": 20,
        "stream": True,
    }


async def test_chat_completion_stream__async(served: HfInference) -> None:
    async with served.achat_completion_stream(messages=USER) as chunks:
        texts = [chunk.text async for chunk in chunks]
        reply = await chunks.result()
    assert "".join(texts) == reply.choices[0].message.content == "The quick brown fox jumps"
    await served.aclose()


def test_chat_completion_stream__older_tgi_without_space_or_done(
    router: respx.MockRouter, hf: HfInference
) -> None:
    body = _sse(_chunk("Bonjour"), _chunk(" !", "eos_token"), space=False, done=False)
    router.post(CHAT_URL).mock(return_value=_event_stream(body))
    reply = hf.chat_completion_stream(messages=USER).result()
    assert reply.choices[0].message.content == "Bonjour !"
    assert reply.choices[0].finish_reason == "eos_token"


def test_chat_completion_stream__nothing_read_after_done(
    router: respx.MockRouter, hf: HfInference
) -> None:
    body = _sse(_chunk("Hi"), "[DONE]", "not json at all", done=False)
    router.post(CHAT_URL).mock(return_value=_event_stream(body))
    assert [c.text for c in hf.chat_completion_stream(messages=USER)] == ["Hi"]


def test_stream__nothing_sent_before_iteration(router: respx.MockRouter, hf: HfInference) -> None:
    route = router.post(CHAT_URL).mock(return_value=_event_stream(_sse(_chunk("Hi"))))
    stream = hf.chat_completion_stream(messages=USER)
    assert route.call_count == 0
    assert next(stream).text == "Hi"
    assert route.call_count == 1
    stream.close()


def test_stream__arguments_checked_at_the_call(hf: HfInference) -> None:
    with pytest.raises(ValueError, match="messages"):
        hf.chat_completion_stream(messages=[])


# -- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "error_class"),
    [
        ({"error": f"Input validation error: {TOO_LONG}", "error_type": "validation"}, InputError),
        (
            {"error": "Template error: template not found", "error_type": "template_error"},
            InputError,
        ),
        ({"error": "Model is overloaded", "error_type": "overloaded"}, RateLimitError),
        ({"error": "CUDA out of memory", "error_type": "generation"}, ServerError),
        ({"error": ["something", "went wrong"]}, ServerError),
        ({"error": {"message": "bad stop", "type": "invalid_request_error"}}, InputError),
    ],
)
def test_error_event_in_a_200_stream__raises_the_matching_error(
    router: respx.MockRouter,
    hf: HfInference,
    event: dict[str, Any],
    error_class: type[HfInferenceError],
) -> None:
    route = router.post(CHAT_URL).mock(
        return_value=_event_stream(_sse(_chunk("Hel"), _chunk("lo"), event))
    )
    received: list[str] = []
    with pytest.raises(error_class) as info:
        _read(hf.chat_completion_stream(messages=USER), received)

    assert received == ["Hel", "lo"]  # what came before the error was delivered
    error = info.value
    assert type(error) is error_class
    assert "chat_completion" in str(error) and LLAMA in str(error)
    assert "in the middle of its answer" in str(error)
    assert error.status == 200 and error.request_id == "r1"
    assert error.server_message and error.server_message in str(error)
    assert route.call_count == 1  # never retried once the stream started


async def test_error_event_in_a_200_stream__async(
    router: respx.MockRouter, hf: HfInference
) -> None:
    event = {"error": "Input validation error", "error_type": "validation"}
    router.post(CHAT_URL).mock(return_value=_event_stream(_sse(event)))
    received: list[str] = []
    with pytest.raises(InputError, match="validation: Input validation error"):
        await _aread(hf.achat_completion_stream(messages=USER), received)
    assert received == []


def test_tgi_error_event__no_space_no_done(served: HfInference, fault_server: FaultServer) -> None:
    error = {"error": f"Input validation error: {TOO_LONG}", "error_type": "validation"}
    fault_server.script(GPT2, SSE([f"data:{json.dumps(error)}\n\n"]))
    with pytest.raises(InputError, match=r"max_new_tokens` must be <= 4096") as info:
        list(served.text_generation_stream(inputs="Hi", parameters={"max_new_tokens": 10000}))
    assert info.value.model == GPT2 and info.value.task == "text_generation"


@pytest.mark.parametrize(
    ("steps", "error_class"),
    [
        ([Status(404, {"error": f"Model {LLAMA} does not exist"})], ModelNotFoundError),
        ([Status(422, "Failed to deserialize the JSON body", "text/plain")], InputError),
        ([Status(429)] * 4, RateLimitError),
    ],
)
def test_status_before_the_stream__mapped_as_for_send(
    served: HfInference, fault_server: FaultServer, steps: list[Any], error_class: type[Exception]
) -> None:
    fault_server.script(LLAMA, *steps)
    with pytest.raises(error_class) as info:
        list(served.chat_completion_stream(messages=USER))
    assert info.value.__cause__ is not None
    assert len(fault_server.requests) == len(steps)


def test_retry__before_the_first_byte_only(served: HfInference, fault_server: FaultServer) -> None:
    fault_server.script(LLAMA, Status(503, {"error": "overloaded"}), Status(502))
    reply = served.chat_completion_stream(messages=USER).result()
    assert reply.choices[0].message.content == "The quick brown fox jumps"
    assert len(fault_server.requests) == 3


class _BreaksOff(httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield _sse(_chunk("Hel"), done=False)
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")


def test_broken_stream__server_error_not_retried(router: respx.MockRouter, hf: HfInference) -> None:
    route = router.post(CHAT_URL).mock(
        return_value=httpx.Response(
            200, headers={"content-type": "text/event-stream"}, stream=_BreaksOff()
        )
    )
    received: list[str] = []
    with pytest.raises(ServerError, match="broke off its answer") as info:
        _read(hf.chat_completion_stream(messages=USER), received)
    assert received == ["Hel"]
    assert isinstance(info.value.__cause__, httpx.RemoteProtocolError)
    assert route.call_count == 1


def test_neither_an_event_stream_nor_json__output_error(
    served: HfInference, fault_server: FaultServer
) -> None:
    page = b"<html><body>Welcome to nginx!</body></html>"
    fault_server.script(LLAMA, Success(page, content_type="text/html"))
    with pytest.raises(OutputError, match="text/html instead of an event stream or JSON") as info:
        list(served.chat_completion_stream(messages=USER))
    assert info.value.status == 200


@pytest.mark.parametrize(
    ("event", "match"),
    [
        ("this is not json", "not a JSON object"),
        ('{"index": 1, "unexpected": true}', "not a text-generation chunk"),
    ],
)
def test_malformed_event__output_error(
    served: HfInference, fault_server: FaultServer, event: str, match: str
) -> None:
    fault_server.script(GPT2, SSE([f"data:{event}\n\n"]))
    with pytest.raises(OutputError, match=match):
        list(served.text_generation_stream(inputs="Hi"))


# -- timeouts: per read, not for the whole answer --------------------------------------------


def _slow_events(count: int) -> list[str]:
    return [f"data: {json.dumps(_chunk(f' w{i}'))}\n\n" for i in range(count)] + [
        "data: [DONE]\n\n"
    ]


def test_timeout__a_long_stream_that_keeps_sending_is_fine(fault_server: FaultServer) -> None:
    fault_server.script(LLAMA, SSE(_slow_events(6), delay=0.1, chunked=True))
    started = time.monotonic()
    with HfInference(base_url=fault_server.base_url, timeout=0.4) as hf:
        texts = [chunk.text for chunk in hf.chat_completion_stream(messages=USER)]
    assert time.monotonic() - started > 0.4  # longer than `timeout` in all
    assert "".join(texts) == "".join(f" w{i}" for i in range(6))


def test_timeout__a_stalled_stream_times_out(fault_server: FaultServer) -> None:
    fault_server.script(LLAMA, SSE(_slow_events(3), delay=1.0, chunked=True))
    with (
        HfInference(base_url=fault_server.base_url, timeout=0.2) as hf,
        pytest.raises(InferenceTimeoutError, match=r"sent nothing for 0\.2 seconds"),
    ):
        list(hf.chat_completion_stream(messages=USER))
    assert len(fault_server.requests) == 1


def test_timeout__waiting_for_the_stream_to_start(fault_server: FaultServer) -> None:
    fault_server.script(LLAMA, Slow(1.0))
    with (
        HfInference(base_url=fault_server.base_url, timeout=0.2) as hf,
        pytest.raises(InferenceTimeoutError, match=r"no answer within 0\.2 seconds"),
    ):
        list(hf.chat_completion_stream(messages=USER))


# -- the connection: released when the consumer stops early ------------------------------------


def _chat_stream_request() -> tuple[CallContext, ApiRequest]:
    body = {"model": LLAMA, "messages": USER, "stream": True}
    return CallContext("chat_completion", LLAMA), ApiRequest(route="chat", json=body)


def test_transport_stream__leaving_the_block_closes_the_response(
    served: HfInference, fault_server: FaultServer
) -> None:
    fault_server.script(LLAMA, SSE(_slow_events(40), delay=0.05, chunked=True))
    ctx, request = _chat_stream_request()
    with served.transport.stream(ctx, request, Options()) as events:
        assert not isinstance(events, ApiResponse)
        first = next(events)
        assert len(_pool(served.transport.client())) == 1
    # `events` is still referenced: the block itself released the connection.
    assert _pool(served.transport.client()) == []
    assert first["choices"][0]["delta"]["content"] == " w0"
    assert list(events) == []


async def test_transport_astream__leaving_the_block_closes_the_response(
    served: HfInference, fault_server: FaultServer
) -> None:
    fault_server.script(LLAMA, SSE(_slow_events(40), delay=0.05, chunked=True))
    ctx, request = _chat_stream_request()
    async with served.transport.astream(ctx, request, Options()) as events:
        assert not isinstance(events, ApiResponse)
        first = await anext(events)
    assert _pool(await served.transport.aclient()) == []
    assert first["choices"][0]["delta"]["content"] == " w0"
    assert [e async for e in events] == []
    await served.aclose()


def test_early_stop__bare_for_break_releases_the_connection(
    served: HfInference, fault_server: FaultServer
) -> None:
    fault_server.script(LLAMA, SSE(_slow_events(40), delay=0.05, chunked=True))
    started = time.monotonic()
    for chunk in served.chat_completion_stream(messages=USER):
        assert chunk.text == " w0"
        break
    assert time.monotonic() - started < 1.0  # did not read the other 39 events
    client = served.transport.client()
    assert _pool(client) == []  # closed, not left checked out or put back half-read

    reply = served.chat_completion(messages=USER)  # the client goes on working
    assert reply.choices[0].message.content == "The quick brown fox jumps"
    assert fault_server.connections_opened == 2


def test_early_stop__with_block_and_close(served: HfInference, fault_server: FaultServer) -> None:
    fault_server.script(LLAMA, SSE(_slow_events(40), delay=0.05, chunked=True))
    with served.chat_completion_stream(messages=USER) as chunks:
        assert next(chunks).text == " w0"
        assert [c.is_idle() for c in _pool(served.transport.client())] == [False]
    assert _pool(served.transport.client()) == []
    with pytest.raises(RuntimeError, match=r"closed \(or failed\) before its end"):
        chunks.result()
    assert list(chunks) == []  # a closed stream yields nothing more


def test_early_stop__no_resource_warning(served: HfInference, fault_server: FaultServer) -> None:
    fault_server.script(LLAMA, SSE(_slow_events(40), delay=0.05, chunked=True))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stream = served.chat_completion_stream(messages=USER)
        next(stream)
        del stream
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert _pool(served.transport.client()) == []


def test_read_to_the_end__the_connection_is_reused(
    served: HfInference, fault_server: FaultServer
) -> None:
    list(served.text_generation_stream(inputs="Hi"))  # chunked, ends without [DONE]
    assert [c.is_idle() for c in _pool(served.transport.client())] == [True]
    served.text_generation_stream(inputs="again").result()
    assert fault_server.connections_opened == 1


async def test_early_stop__async_with_releases_the_connection(
    served: HfInference, fault_server: FaultServer
) -> None:
    fault_server.script(LLAMA, SSE(_slow_events(40), delay=0.05, chunked=True))
    async with served.achat_completion_stream(messages=USER) as chunks:
        async for chunk in chunks:
            assert chunk.text == " w0"
            break
    client = await served.transport.aclient()
    assert _pool(client) == []
    reply = await served.achat_completion(messages=USER)
    assert reply.choices[0].message.content == "The quick brown fox jumps"
    await served.aclose()


async def test_early_stop__async_break_released_by_the_loop(
    served: HfInference, fault_server: FaultServer
) -> None:
    fault_server.script(LLAMA, SSE(_slow_events(40), delay=0.05, chunked=True))
    async for chunk in served.achat_completion_stream(messages=USER):
        assert chunk.text == " w0"
        break
    client = await served.transport.aclient()
    gc.collect()
    for _ in range(100):  # the loop's async-generator finaliser closes it soon after
        if not _pool(client):
            break
        await asyncio.sleep(0.01)
    assert _pool(client) == []
    await served.aclose()


# -- tools: tokens as LangChain custom events ---------------------------------------------------

ANSWER = "Paris is the capital of France."


def _completion(content: str) -> dict[str, Any]:
    message = {"role": "assistant", "content": content}
    return {
        "object": "chat.completion",
        "id": "",
        "created": 1742565123,
        "model": LLAMA,
        "system_fingerprint": "3.2.1-native",
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19},
    }


def _chat_call(call_id: str = "call_1") -> AIMessage:
    args = {"messages": [{"role": "user", "content": "What is the capital of France?"}]}
    return tool_call("chat_completion", args, call_id)


async def test_agent__tokens_arrive_as_custom_events_in_order() -> None:
    with HfInferenceMock() as mock:
        mock.respond("chat_completion", json=_completion(ANSWER))
        tool = ChatCompletionTool(client=HfInference(provider="hf-inference"))
        script = [_chat_call(), AIMessage("Paris.")]
        agent = create_agent(ScriptedToolModel(messages=iter(script)), tools=[tool])
        events = [
            event
            async for event in agent.astream_events(
                {"messages": [{"role": "user", "content": "Capital of France?"}]}, version="v2"
            )
        ]

    kinds = [e["event"] for e in events]
    start, end = kinds.index("on_tool_start"), kinds.index("on_tool_end")
    custom = [(i, e) for i, e in enumerate(events) if e["event"] == "on_custom_event"]
    assert custom and all(start < i < end and e["name"] == STREAM_EVENT for i, e in custom)
    tool_run = events[start]["run_id"]
    assert all(e["run_id"] == tool_run for _, e in custom)
    data: list[dict[str, Any]] = [e["data"] for _, e in custom]  # type: ignore[misc]
    assert "".join(d["token"] for d in data) == ANSWER
    assert len(data) == len(ANSWER.split())  # one event per streamed piece
    assert [d["index"] for d in data] == list(range(len(data)))
    assert {(d["tool"], d["model"], d["run_id"]) for d in data} == {
        ("chat_completion", LLAMA, tool_run)
    }

    message = events[end]["data"]["output"]
    assert isinstance(message, ToolMessage)
    assert json.loads(str(message.content)) == {"content": ANSWER, "finish_reason": "stop"}
    assert message.artifact["result"]["choices"][0]["message"]["content"] == ANSWER
    assert message.artifact["result"]["usage"]["total_tokens"] == 19
    assert mock.calls_for("chat_completion")[0].json()["stream"] is True


class _Tokens(BaseCallbackHandler):
    def __init__(self) -> None:
        self.tokens: list[str] = []

    def on_custom_event(self, name: str, data: Any, **kwargs: Any) -> None:
        if name == STREAM_EVENT:
            self.tokens.append(data["token"])


def test_agent__sync_run_dispatches_the_same_events() -> None:
    handler = _Tokens()
    with HfInferenceMock():
        tool = ChatCompletionTool(client=HfInference(provider="hf-inference"))
        agent = create_agent(
            ScriptedToolModel(messages=iter([_chat_call(), AIMessage("Paris.")])), tools=[tool]
        )
        state = agent.invoke(
            {"messages": [{"role": "user", "content": "?"}]}, {"callbacks": [handler]}
        )
    (message,) = [m for m in state["messages"] if isinstance(m, ToolMessage)]
    assert "".join(handler.tokens) == json.loads(str(message.content))["content"]
    assert len(handler.tokens) > 1


def test_tool__stream_tokens_off_makes_one_plain_call() -> None:
    handler = _Tokens()
    with HfInferenceMock() as mock:
        tool = ChatCompletionTool(client=HfInference(provider="hf-inference"), stream_tokens=False)
        message = tool.invoke(_chat_call().tool_calls[0], {"callbacks": [handler]})
    assert handler.tokens == []
    assert "stream" not in mock.calls_for("chat_completion")[0].json()
    assert json.loads(message.content)["content"] == "The capital of France is Paris."


def test_tool__outside_a_run_streams_without_events() -> None:
    with HfInferenceMock():
        tool = ChatCompletionTool(client=HfInference(provider="hf-inference"))
        content, artifact = tool._run(messages=[{"role": "user", "content": "Hi"}])
    assert json.loads(content)["content"] == "The capital of France is Paris."
    assert artifact["task"] == "chatCompletion"


# -- the offline mock streams what it would answer whole --------------------------------------


def test_mock__streams_its_answers_in_each_servers_format() -> None:
    with HfInferenceMock() as mock:
        mock.respond("text_generation", json=[{"generated_text": " once upon a time"}])
        hf = HfInference(provider="hf-inference")
        events = list(hf.text_generation_stream(inputs="Tell me"))
        chat = hf.chat_completion_stream(messages=USER).result()
        hf.close()
    assert [e.token.text for e in events] == [" once", " upon", " a", " time"]
    assert events[-1].generated_text == " once upon a time"
    assert chat.choices[0].message.content == "The capital of France is Paris."
    assert chat.usage is not None and chat.usage.total_tokens == 55
    assert [c.json()["stream"] for c in mock.calls] == [True, True]
    tgi = text_generation_events([{"generated_text": " hi"}])
    assert tgi.startswith('data:{"index":1,') and "[DONE]" not in tgi
    assert chat_events(_completion(ANSWER)).endswith("\n\ndata: [DONE]\n\n")


PROMPT = "The answer to the universe is"
COMPLETION_TEXT = " not a number, but a question that has puzzled philosophers."


def test_text_generation_stream__completions_dialect_then_finish() -> None:
    parameters = {"max_new_tokens": 20, "return_full_text": True, "max_time": 3.0}
    with HfInferenceMock() as mock:
        hf = HfInference(provider="hf-inference", text_generation_api="completions")
        stream = hf.text_generation_stream(inputs=PROMPT, parameters=parameters)
        texts = [event.token.text for event in stream]
        result = stream.result()
        hf.close()

    assert "".join(texts) == COMPLETION_TEXT
    # The task's finish still applies: the prompt put back in front, unsent settings named.
    assert result.generated_text == PROMPT + COMPLETION_TEXT
    assert result.warnings == [
        "parameters.max_time was not sent: the completions API has no such setting."
    ]
    (call,) = mock.calls
    assert call.request.url.path.endswith(f"/models/{GPT2}/v1/completions")
    assert call.json() == {"model": GPT2, "prompt": PROMPT, "max_tokens": 20, "stream": True}
    assert completions_events({"choices": [{"text": " a b", "finish_reason": "length"}]}).endswith(
        "\n\ndata: [DONE]\n\n"
    )


def test_text_generation_stream__refusal_gets_the_tasks_hint(
    router: respx.MockRouter, hf: HfInference
) -> None:
    unused = "The following `model_kwargs` are not used by the model: ['seed', 'stop']"
    router.post(f"/models/{GPT2}").respond(400, json={"error": unused})
    with pytest.raises(InputError, match='pass text_generation_api="completions"') as info:
        list(hf.text_generation_stream(inputs=PROMPT, parameters={"seed": 1, "stop": ["."]}))
    assert "did not use these parameters: seed, stop" in str(info.value)


# What the text_generation and conversational tools become with their one-line switch.
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_generation_tools__stream_tokens_by_default(mode: str) -> None:
    handler = _Tokens()
    config: RunnableConfig = {"callbacks": [handler]}
    conversation = {
        "text": "Which one is the funniest?",
        "past_user_inputs": ["Can you recommend a sci-fi movie?"],
        "generated_responses": ["Try Arrival."],
    }
    calls = [
        (TextGenerationTool, {"inputs": PROMPT}),
        (ConversationalTool, {"inputs": conversation, "parameters": {"top_k": 5}}),
    ]
    messages = []
    with HfInferenceMock() as mock:
        mock.respond("conversational", json=_completion("Galaxy Quest: a loving parody."))
        for tool_class, args in calls:
            tool = tool_class(client=HfInference(provider="hf-inference"))
            call = {"type": "tool_call", "id": "c1", "name": tool.name, "args": args}
            run = tool.invoke(call, config) if mode == "sync" else None
            messages.append(run or asyncio.run(tool.ainvoke(call, config)))
    generated, chatted = messages

    text = json.loads(str(generated.content))["generated_text"]
    reply = json.loads(str(chatted.content))["generated_text"]
    assert "".join(handler.tokens) == text + reply
    assert text.startswith(PROMPT) and reply == "Galaxy Quest: a loving parody."
    # The conversational finish ran on the streamed reply: the turn is in the conversation.
    history = chatted.artifact["result"]["conversation"]
    assert history["past_user_inputs"][-1] == "Which one is the funniest?"
    assert history["generated_responses"][-1] == reply
    assert json.loads(str(chatted.content))["warnings"] == [
        "parameters.top_k was not sent: the chat completion API has no such setting."
    ]
    assert [c.json()["stream"] for c in mock.calls] == [True, True]


def test_a_streaming_tool_must_derive_from_the_streaming_base() -> None:
    # Only HfInferenceStreamingTool's runs take the run manager that token events go through;
    # a tool streaming without it would send none, silently.
    from typing import ClassVar

    from hf_inference_tools.tasks import TEXT_GENERATION, TEXT_GENERATION_STREAM, TaskSpec
    from hf_inference_tools.tasks._streaming import StreamSpec
    from hf_inference_tools.tools._base import HfInferenceStreamingTool, HfInferenceTool

    with pytest.raises(TypeError, match="derive it from HfInferenceStreamingTool"):

        class Streaming(HfInferenceTool):
            spec: ClassVar[TaskSpec[Any, Any]] = TEXT_GENERATION
            stream_spec: ClassVar[StreamSpec[Any, Any, Any] | None] = TEXT_GENERATION_STREAM

    class Fine(HfInferenceStreamingTool):  # the same declaration on the right base is accepted
        spec: ClassVar[TaskSpec[Any, Any]] = TEXT_GENERATION
        stream_spec: ClassVar[StreamSpec[Any, Any, Any] | None] = TEXT_GENERATION_STREAM


# -- servers that answer whole: plain JSON to a streaming request ------------------------------
# Transformers pipelines on HF Inference (gpt2, flan-t5), many endpoints and older TGI builds
# ignore `stream` and answer as they always do.

GPT2_TEXT = "The answer to the universe is forty-two, said the computer, after a long silence."
GPT2_ANSWER = [{"generated_text": GPT2_TEXT}]  # a transformers pipeline's answer: a list of one


def _read_stream(make: Any, mode: str) -> tuple[Any, list[Any], Any]:
    """`(stream, chunks, result)` of a `*_stream` method (`make(async_twin: bool)`)."""
    if mode == "sync":
        stream = make(False)
        chunks = list(stream)
        return stream, chunks, stream.result()

    async def read() -> tuple[Any, list[Any], Any]:
        stream = make(True)
        chunks = [chunk async for chunk in stream]
        return stream, chunks, await stream.result()

    return asyncio.run(read())


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_plain_json__text_generation_stream_yields_one_final_chunk(
    router: respx.MockRouter, hf: HfInference, mode: str
) -> None:
    route = router.post(f"/models/{GPT2}").respond(json=GPT2_ANSWER)

    def make(is_async: bool) -> Any:
        method = hf.atext_generation_stream if is_async else hf.text_generation_stream
        return method(inputs=PROMPT, model=GPT2)

    stream, chunks, result = _read_stream(make, mode)
    (chunk,) = chunks
    assert stream.answered_whole
    assert chunk.token.text == chunk.generated_text == GPT2_TEXT
    assert result == hf.text_generation(inputs=PROMPT, model=GPT2)  # as if not streamed
    assert result.generated_text == GPT2_TEXT
    assert [json.loads(c.request.content).get("stream") for c in route.calls] == [True, None]


WEATHER_CALL = {
    "id": "call_1",
    "type": "function",
    "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
}


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("calls_a_tool", [False, True], ids=["text", "tool-call"])
def test_plain_json__chat_completion_stream_yields_one_final_chunk(
    router: respx.MockRouter, hf: HfInference, mode: str, calls_a_tool: bool
) -> None:
    answer = _completion(ANSWER)
    if calls_a_tool:
        answer["choices"][0]["message"] = {"role": "assistant", "tool_calls": [WEATHER_CALL]}
        answer["choices"][0]["finish_reason"] = "tool_calls"
    route = router.post(CHAT_URL).respond(json=answer)

    def make(is_async: bool) -> Any:
        method = hf.achat_completion_stream if is_async else hf.chat_completion_stream
        return method(messages=USER)

    stream, chunks, result = _read_stream(make, mode)
    (chunk,) = chunks
    assert stream.answered_whole
    assert result == hf.chat_completion(messages=USER)  # as if not streamed
    assert chunk.usage is not None and chunk.usage.total_tokens == 19
    choice = chunk.choices[0]
    assert choice.finish_reason == answer["choices"][0]["finish_reason"]
    if calls_a_tool:
        assert chunk.text == ""
        (call,) = choice.delta.tool_calls or []
        assert (call.id, call.function and call.function.name) == ("call_1", "get_weather")
        assert call.function is not None and json.loads(call.function.arguments) == {
            "city": "Paris"
        }
    else:
        assert chunk.text == ANSWER == result.choices[0].message.content
    assert json.loads(route.calls[0].request.content)["stream"] is True


def _conversation_args() -> dict[str, Any]:
    return {
        "inputs": {
            "text": "Good good thanks",
            "past_user_inputs": ["Hey my name is Julien! How are you?"],
            "generated_responses": ["I'm good, how are you?"],
        }
    }


# The v1 conversational pipeline's answer (an endpoint still running it answers so).
V1_CONVERSATION = {
    "generated_text": "No problem, I'm glad you're doing well!",
    "conversation": {
        "generated_responses": [
            "I'm good, how are you?",
            "No problem, I'm glad you're doing well!",
        ],
        "past_user_inputs": ["Hey my name is Julien! How are you?", "Good good thanks"],
    },
    "warnings": ["Setting `pad_token_id` to `eos_token_id`:50256 for open-end generation."],
}

PLAIN_TOOL_CASES = {
    "text_generation (gpt2)": (
        TextGenerationTool,
        f"/models/{GPT2}",
        GPT2_ANSWER,
        {"inputs": PROMPT},
        {"generated_text": GPT2_TEXT},
    ),
    "chat_completion": (
        ChatCompletionTool,
        CHAT_URL,
        _completion(ANSWER),
        {"messages": USER},
        {"content": ANSWER, "finish_reason": "stop"},
    ),
    "conversational (chat completion)": (
        ConversationalTool,
        CHAT_URL,
        _completion(ANSWER),
        _conversation_args(),
        {"generated_text": ANSWER},
    ),
    "conversational (v1 answer)": (
        ConversationalTool,
        CHAT_URL,
        V1_CONVERSATION,
        _conversation_args(),
        {
            "generated_text": V1_CONVERSATION["generated_text"],
            "warnings": V1_CONVERSATION["warnings"],
        },
    ),
}


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", PLAIN_TOOL_CASES)
def test_plain_json__streaming_tools_return_it_as_a_plain_call_would(
    router: respx.MockRouter, hf: HfInference, case: str, mode: str
) -> None:
    tool_class, path, answer, args, content = PLAIN_TOOL_CASES[case]
    model = GPT2 if tool_class is TextGenerationTool else LLAMA
    route = router.post(path).respond(json=answer)
    handler = _Tokens()
    config: RunnableConfig = {"callbacks": [handler]}
    messages = []
    for stream_tokens in (True, False):
        tool = tool_class(client=hf, model=model, stream_tokens=stream_tokens)
        call = {"type": "tool_call", "id": "c1", "name": tool.name, "args": args}
        run = tool.invoke(call, config) if mode == "sync" else None
        messages.append(run or asyncio.run(tool.ainvoke(call, config)))
    streamed, plain = messages

    assert streamed.status == "success", streamed.content
    assert json.loads(str(streamed.content)) == content
    assert (streamed.content, streamed.artifact) == (plain.content, plain.artifact)
    assert handler.tokens == []  # nothing was streamed, so no token event
    assert [json.loads(c.request.content).get("stream") for c in route.calls] == [True, None]
