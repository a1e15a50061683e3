"""chat_completion: the request as HF Inference takes it, every answer variant normalised."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx
from langchain_core.utils.function_calling import convert_to_openai_tool

from hf_inference_tools import (
    ChatCompletionParameters,
    ChatCompletionReturnValue,
    ChatCompletionTool,
    HfInference,
    InputError,
)
from hf_inference_tools.tasks._openai import chat_request, hf_response_format, merge_chat_chunks
from tests.conftest import BASE, TOKEN
from tests.tool_calls import call_tool

LLAMA = "meta-llama/Llama-3.1-8B-Instruct"
CHAT_URL = f"{BASE}/models/{LLAMA}/v1/chat/completions"
MESSAGES = [
    {"role": "system", "content": "Answer in one short sentence."},
    {"role": "user", "content": "What is the capital of France?"},
]
ANSWER = "The capital of France is Paris."
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The weather in a city.",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
    },
}
BASE_FIELDS = {
    "id": "",
    "created": 1742565123,
    "model": LLAMA,
    "system_fingerprint": "3.2.1-native",
}


def _completion(message: dict[str, Any], finish_reason: str = "stop") -> dict[str, Any]:
    choice = {"index": 0, "message": message, "logprobs": None, "finish_reason": finish_reason}
    usage = {"prompt_tokens": 47, "completion_tokens": 8, "total_tokens": 55}
    return {"object": "chat.completion", **BASE_FIELDS, "choices": [choice], "usage": usage}


def _chunk(delta: dict[str, Any], finish_reason: str | None = None, **extra: Any) -> str:
    choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
    chunk = {"object": "chat.completion.chunk", **BASE_FIELDS, "choices": [choice], **extra}
    return json.dumps(chunk)


def _sse(events: list[str], *, space: bool = True, done: bool = True) -> bytes:
    prefix = "data: " if space else "data:"
    lines = [f"{prefix}{event}\n\n" for event in events]
    return "".join(lines + ([f"{prefix}[DONE]\n\n"] if done else [])).encode()


# Streams as the servers send them (TGI 2 and 3, vLLM, the router).
TGI3_STREAM = _sse(
    [
        _chunk({"role": "assistant", "content": "The capital"}),
        _chunk({"role": "assistant", "content": " of France"}),
        _chunk({"role": "assistant", "content": " is Paris."}),
        _chunk({"role": "assistant", "content": ""}, "stop", usage=None),
    ]
)
TGI2_STREAM = _sse(  # `data:` without a space, "text_completion" objects, no [DONE]
    [
        _chunk({"role": "assistant", "content": "The capital of France"}, object="x"),
        _chunk({"role": "assistant", "content": " is Paris."}, "eos_token"),
    ],
    space=False,
    done=False,
).replace(b'"object": "chat.completion.chunk"', b'"object": "text_completion"')


def _tool_call_delta(name: str | None, arguments: str) -> str:
    # TGI streams a tool call as one object per delta (not a list), its arguments in pieces.
    function = {"name": name, "arguments": arguments}
    call = {"index": 0, "id": "", "type": "function", "function": function}
    return _chunk({"role": "assistant", "tool_calls": call})


TOOL_CALL_STREAM = _sse(
    [
        _tool_call_delta("get_weather", '{"city": '),
        _tool_call_delta(None, '"Paris"}'),
        _chunk({"role": "assistant", "content": None}, "tool_calls"),
    ]
)

STREAMED = {
    "tgi3 chunks ending with [DONE]": (TGI3_STREAM, "stop"),
    "tgi2 chunks without space or [DONE]": (TGI2_STREAM, "eos_token"),
}


TOOL_ARGS = {"messages": MESSAGES, "parameters": {"max_tokens": 64, "temperature": 0.2}}
WIRE_BODY = {"model": LLAMA, "messages": MESSAGES, "max_tokens": 64, "temperature": 0.2}


# -- through the tool: each answer variant, sync and async ------------------------------------


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("stream", "finish_reason"), STREAMED.values(), ids=STREAMED.keys())
def test_tool__streamed_reply(
    router: respx.MockRouter, mode: str, stream: bytes, finish_reason: str
) -> None:
    route = router.post(CHAT_URL).respond(
        200, content=stream, headers={"content-type": "text/event-stream"}
    )
    tool = ChatCompletionTool(client=HfInference(provider="hf-inference", token=TOKEN))
    message = call_tool(tool, TOOL_ARGS, mode)

    request = route.calls.last.request
    assert str(request.url) == CHAT_URL
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["accept"] == "text/event-stream"
    body = json.loads(request.content)
    assert body == {**WIRE_BODY, "stream": True}
    assert next(iter(body)) == "model"
    assert message.status == "success"
    assert json.loads(str(message.content)) == {"content": ANSWER, "finish_reason": finish_reason}
    result = message.artifact["result"]
    assert message.artifact["task"] == "chatCompletion" and message.artifact["model"] == LLAMA
    assert result["object"] == "chat.completion"
    assert result["choices"] == [
        {
            "index": 0,
            "message": {"role": "assistant", "content": ANSWER, "tool_calls": None},
            "logprobs": None,
            "finish_reason": finish_reason,
        }
    ]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_tool__whole_reply_when_streaming_is_off(router: respx.MockRouter, mode: str) -> None:
    answer = _completion({"role": "assistant", "content": ANSWER})
    route = router.post(CHAT_URL).respond(json=answer)
    tool = ChatCompletionTool(
        client=HfInference(provider="hf-inference", token=TOKEN), stream_tokens=False
    )
    message = call_tool(tool, TOOL_ARGS, mode)

    request = route.calls.last.request
    assert request.headers["content-type"] == "application/json"
    assert "accept" not in request.headers or request.headers["accept"] != "text/event-stream"
    assert json.loads(request.content) == WIRE_BODY
    assert json.loads(str(message.content)) == {"content": ANSWER, "finish_reason": "stop"}
    assert message.artifact["result"]["usage"] == answer["usage"]
    assert message.artifact["result"]["choices"][0]["logprobs"] is None  # extra fields kept


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_tool__streamed_tool_call_deltas_are_joined(router: respx.MockRouter, mode: str) -> None:
    router.post(CHAT_URL).respond(
        200, content=TOOL_CALL_STREAM, headers={"content-type": "text/event-stream"}
    )
    tool = ChatCompletionTool(client=HfInference(provider="hf-inference", token=TOKEN))
    message = call_tool(tool, TOOL_ARGS, mode)

    assert json.loads(str(message.content)) == {
        "content": None,
        "tool_calls": [{"name": "get_weather", "arguments": '{"city": "Paris"}'}],
        "finish_reason": "tool_calls",
    }
    (call,) = message.artifact["result"]["choices"][0]["message"]["tool_calls"]
    assert call["function"] == {
        "name": "get_weather",
        "arguments": '{"city": "Paris"}',
        "description": None,
    }


def test_tool__schema_is_role_and_content_messages_only() -> None:
    tool = ChatCompletionTool(client=HfInference(provider="hf-inference"))
    params = convert_to_openai_tool(tool, strict=True)["function"]["parameters"]
    # Sampling and limits are the developer's (`parameters=`), not offered to the LLM.
    assert set(params["properties"]) == {"messages"}
    item = params["properties"]["messages"]["items"]
    assert set(item["properties"]) == {"role", "content"}
    assert item["properties"]["role"]["enum"] == ["system", "user", "assistant", "tool"]
    assert set(ChatCompletionParameters.model_fields) == {
        "max_tokens",
        "temperature",
        "top_p",
        "seed",
        "stop",
        "frequency_penalty",
        "presence_penalty",
    }


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        ({"messages": []}, "messages: List should have at least 1 item"),
        ({"messages": [{"role": "robot", "content": "hi"}]}, "messages.0.role"),
        ({"messages": MESSAGES, "tools": [WEATHER_TOOL]}, "tools: Extra inputs"),
    ],
)
def test_tool__invalid_arguments_get_a_helpful_message(
    router: respx.MockRouter, args: dict[str, Any], problem: str
) -> None:
    route = router.post(CHAT_URL)
    message = call_tool(
        ChatCompletionTool(client=HfInference(provider="hf-inference")), args, "sync"
    )
    assert message.status == "error"
    assert problem in str(message.content)
    assert "call it again with corrected arguments" in str(message.content)
    assert route.call_count == 0


# -- through the client: what only a developer may send ---------------------------------------


def test_client__tools_and_tool_choice_passed_through(
    router: respx.MockRouter, hf: HfInference
) -> None:
    # TGI 2.x answered a tool call with a numeric id and an object for its arguments.
    message = {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": 0,
                "type": "function",
                "function": {
                    "description": None,
                    "name": "get_weather",
                    "arguments": {"city": "Paris"},
                },
            }
        ],
    }
    route = router.post(CHAT_URL).respond(json=_completion(message, "tool_calls"))
    reply = hf.chat_completion(
        messages=MESSAGES,
        tools=[WEATHER_TOOL],
        tool_choice="auto",
        parameters={"max_tokens": 64, "seed": None},
    )

    assert json.loads(route.calls.last.request.content) == {
        "model": LLAMA,
        "messages": MESSAGES,
        "max_tokens": 64,
        "tools": [WEATHER_TOOL],
        "tool_choice": "auto",
    }
    assert isinstance(reply, ChatCompletionReturnValue)
    (call,) = reply.choices[0].message.tool_calls or []
    assert call.id == "0"
    assert call.function.arguments == '{"city": "Paris"}'
    assert json.loads(call.function.arguments) == {"city": "Paris"}
    assert reply.choices[0].finish_reason == "tool_calls"


def test_client__a_tool_call_round_trip_in_the_messages(
    router: respx.MockRouter, hf: HfInference
) -> None:
    route = router.post(CHAT_URL).respond(json=_completion({"role": "assistant", "content": "18"}))
    call = {
        "id": "call_7",
        "type": "function",
        "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
    }
    hf.chat_completion(
        messages=[
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": None, "tool_calls": [call]},
            {"role": "tool", "content": '{"celsius": 18}', "tool_call_id": "call_7"},
        ],
        tools=[WEATHER_TOOL],
    )
    sent = json.loads(route.calls.last.request.content)["messages"]
    # No `content: null`: TGI reads a message with `content` as text and drops its tool calls.
    assert sent[1] == {"role": "assistant", "tool_calls": [call]}
    assert sent[2] == {"role": "tool", "content": '{"celsius": 18}', "tool_call_id": "call_7"}


@pytest.mark.parametrize(
    ("response_format", "sent"),
    [
        (
            {
                "type": "json_schema",
                "json_schema": {
                    "name": "city",
                    "schema": {"type": "object", "properties": {"name": {"type": "string"}}},
                    "strict": True,
                },
            },
            {
                "type": "json_object",
                "value": {"type": "object", "properties": {"name": {"type": "string"}}},
            },
        ),
        (
            {"type": "json_object", "value": {"type": "object"}},
            {"type": "json_object", "value": {"type": "object"}},
        ),
        ({"type": "regex", "value": "[0-9]+"}, {"type": "regex", "value": "[0-9]+"}),
    ],
    ids=["json_schema rewritten", "json_object as given", "regex as given"],
)
async def test_client__response_format_as_hf_inference_takes_it(
    router: respx.MockRouter,
    hf: HfInference,
    response_format: dict[str, Any],
    sent: dict[str, Any],
) -> None:
    route = router.post(CHAT_URL).respond(
        json=_completion({"role": "assistant", "content": '{"name": "Paris"}'})
    )
    reply = await hf.achat_completion(messages=MESSAGES, response_format=response_format)
    assert json.loads(route.calls.last.request.content)["response_format"] == sent
    assert reply.choices[0].message.content == '{"name": "Paris"}'


def test_client__endpoint_url_gets_the_chat_route_and_a_placeholder_model() -> None:
    with respx.mock(assert_all_called=False) as router:
        route = router.post("http://localhost:8080/v1/chat/completions").respond(
            json=_completion({"role": "assistant", "content": ANSWER})
        )
        with HfInference(endpoint_url="http://localhost:8080") as hf:
            reply = hf.chat_completion(messages=MESSAGES)
    assert json.loads(route.calls.last.request.content)["model"] == "tgi"
    assert reply.choices[0].message.content == ANSWER


def test_client__422_text_is_an_input_error(router: respx.MockRouter, hf: HfInference) -> None:
    router.post(CHAT_URL).respond(
        422,
        text="Template error: template not found",
        headers={"content-type": "text/plain"},
    )
    with pytest.raises(InputError, match="Template error: template not found"):
        hf.chat_completion(messages=MESSAGES)


def test_client__stream_result_equals_the_whole_reply(
    router: respx.MockRouter, hf: HfInference
) -> None:
    whole = _completion({"role": "assistant", "content": ANSWER})
    route = router.post(CHAT_URL)
    route.side_effect = [
        httpx.Response(200, json=whole),
        httpx.Response(200, content=TGI3_STREAM, headers={"content-type": "text/event-stream"}),
    ]
    plain = hf.chat_completion(messages=MESSAGES)
    streamed = hf.chat_completion_stream(messages=MESSAGES).result()
    assert streamed.choices == plain.choices
    assert (streamed.model, streamed.created) == (plain.model, plain.created)


# -- the pure helpers ---------------------------------------------------------------------------


def test_chat_request__model_first_none_dropped() -> None:
    request = chat_request("m", MESSAGES, {"temperature": None, "top_p": 0.9, "tools": None})
    assert request.route == "chat"
    assert list(request.json) == ["model", "messages", "top_p"]


def test_hf_response_format__json_schema_without_schema_is_left_alone() -> None:
    odd = {"type": "json_schema", "json_schema": {"name": "x"}}
    assert hf_response_format(odd) == odd


def test_merge_chat_chunks__choices_tool_calls_and_usage() -> None:
    usage = {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}
    chunks: list[dict[str, Any]] = [
        {"id": "a", "choices": [{"index": 1, "delta": {"role": "assistant", "content": "B"}}]},
        {
            "choices": [
                {
                    "index": 0,
                    "delta": {"content": "A"},
                    "logprobs": {"content": [{"token": "A", "logprob": -0.1, "top_logprobs": []}]},
                }
            ]
        },
        {
            "choices": [
                {
                    "index": 1,
                    "delta": {
                        "tool_calls": [
                            {"index": 0, "id": "c1", "function": {"name": "f", "arguments": ""}},
                            {"index": 1, "id": "c2", "function": {"name": "g", "arguments": "{"}},
                        ]
                    },
                }
            ]
        },
        {
            "choices": [
                {
                    "index": 1,
                    "delta": {"tool_calls": [{"index": 1, "function": {"arguments": "}"}}]},
                }
            ]
        },
        {"choices": [{"index": 0, "delta": {}, "finish_reason": "length"}], "usage": usage},
    ]
    merged = merge_chat_chunks(chunks)
    assert merged["id"] == "a" and merged["usage"] == usage
    first, second = merged["choices"]
    assert first == {
        "index": 0,
        "message": {"role": "assistant", "content": "A"},
        "logprobs": {"content": [{"token": "A", "logprob": -0.1, "top_logprobs": []}]},
        "finish_reason": "length",
    }
    assert second["message"]["content"] == "B"
    assert [(c["id"], c["function"]) for c in second["message"]["tool_calls"]] == [
        ("c1", {"name": "f", "arguments": ""}),
        ("c2", {"name": "g", "arguments": "{}"}),
    ]


def test_merge_chat_chunks__empty_stream_is_an_empty_reply() -> None:
    merged = merge_chat_chunks([{"choices": [{"index": 0, "delta": {"role": "assistant"}}]}])
    assert merged["choices"][0]["message"] == {"role": "assistant", "content": ""}
