"""The OpenAI-compatible dialect (chat completions, completions) that TGI and vLLM speak.

Tasks that reach a model through `/v1/chat/completions` or `/v1/completions` build their bodies
and read the answers (whole or streamed) here, so the wire shapes are written once.
"""

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field

from .._http.transport import ApiRequest, ApiResponse
from ._spec import ReturnValue, drop_none, parse_as

__all__ = [
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatMessage",
    "ChatRole",
    "Completion",
    "CompletionChoice",
    "chat_message",
    "chat_request",
    "completions_request",
    "hf_response_format",
    "merge_chat_chunks",
    "parse_chat_completion",
    "parse_completion",
    "unsent_warnings",
]

ChatRole = Literal["system", "user", "assistant", "tool"]


class ChatMessage(ReturnValue):
    """One message of a chat: who speaks, and what they say."""

    role: str
    content: str | None = None


class ChatCompletionChoice(ReturnValue):
    index: int = 0
    message: ChatMessage
    finish_reason: str | None = None


class ChatCompletion(ReturnValue):
    """An OpenAI `chat.completion` answer (`id`, `model`, `usage`, ... are kept as extras)."""

    choices: list[ChatCompletionChoice] = Field(min_length=1)


class CompletionChoice(ReturnValue):
    index: int = 0
    text: str
    finish_reason: str | None = None


class Completion(ReturnValue):
    """An OpenAI `text_completion` answer."""

    choices: list[CompletionChoice] = Field(min_length=1)


def chat_message(role: ChatRole, content: str) -> dict[str, str]:
    return {"role": role, "content": content}


def chat_request(
    model: str, messages: Sequence[Mapping[str, Any]], settings: Mapping[str, Any]
) -> ApiRequest:
    """`{"model", "messages", ...settings}` for `/v1/chat/completions` (None settings dropped;
    a `response_format` rewritten as HF Inference takes it)."""
    body = {"model": model, "messages": list(messages), **settings}
    if isinstance(body.get("response_format"), Mapping):
        body["response_format"] = hf_response_format(body["response_format"])
    return ApiRequest(route="chat", json=drop_none(body))


def hf_response_format(response_format: Mapping[str, Any]) -> dict[str, Any]:
    """`response_format` as HF Inference (TGI's grammar) takes it.

    OpenAI's `{"type": "json_schema", "json_schema": {"name", "schema"}}` becomes
    `{"type": "json_object", "value": schema}`, as huggingface_hub sends it
    (`HFInferenceConversational`); anything else is passed through.
    """
    details = response_format.get("json_schema")
    if (
        response_format.get("type") == "json_schema"
        and isinstance(details, Mapping)
        and "schema" in details
    ):
        return {"type": "json_object", "value": details["schema"]}
    return dict(response_format)


def completions_request(model: str, prompt: str, settings: Mapping[str, Any]) -> ApiRequest:
    """`{"model", "prompt", ...settings}` for `/v1/completions` (None settings dropped)."""
    body = {"model": model, "prompt": prompt, **settings}
    return ApiRequest(route="completions", json=drop_none(body))


def parse_chat_completion(response: ApiResponse | Any) -> ChatCompletion:
    """A chat completion answer; ValueError when it is not one."""
    return parse_as(ChatCompletion, response)


def parse_completion(response: ApiResponse | Any) -> Completion:
    """A completions answer; ValueError when it is not one."""
    return parse_as(Completion, response)


def unsent_warnings(parameters: BaseModel | None, names: Iterable[str], api: str) -> list[str]:
    """A warning for each of `names` set in `parameters`, which the `api` body has no place for."""
    if parameters is None:
        return []
    return [
        f"parameters.{name} was not sent: the {api} API has no such setting."
        for name in names
        if getattr(parameters, name) is not None
    ]


def merge_chat_chunks(chunks: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The `chat.completion` a stream of `chat.completion.chunk`s adds up to.

    Content deltas (and `logprobs.content`) are joined per choice; tool-call fragments are joined
    per `index` (the first fragment names the call, the rest extend its `arguments`); the last
    `finish_reason`, `usage` and ids win. TGI sends a delta's `tool_calls` as one object rather
    than a list, and older TGI sends `arguments` as a JSON object: both are accepted.
    """
    completion: dict[str, Any] = {
        "object": "chat.completion",
        "id": "",
        "created": 0,
        "model": "",
        "choices": [],
        "usage": None,
    }
    choices: dict[int, dict[str, Any]] = {}
    for chunk in chunks:
        for key in ("id", "created", "model", "system_fingerprint", "usage"):
            if chunk.get(key):
                completion[key] = chunk[key]
        for choice in chunk.get("choices") or ():
            index = choice.get("index", 0)
            merged = choices.setdefault(
                index,
                {
                    "index": index,
                    "message": {"role": "assistant"},
                    "logprobs": None,
                    "finish_reason": None,
                },
            )
            message = merged["message"]
            delta = choice.get("delta") or {}
            if delta.get("role"):
                message["role"] = delta["role"]
            if isinstance(delta.get("content"), str):
                message["content"] = message.get("content", "") + delta["content"]
            calls = delta.get("tool_calls") or []
            for call in [calls] if isinstance(calls, Mapping) else calls:
                _merge_tool_call(message.setdefault("tool_calls", []), call)
            logprobs = choice.get("logprobs")
            if isinstance(logprobs, Mapping) and isinstance(logprobs.get("content"), list):
                seen = (merged["logprobs"] or {}).get("content", [])
                merged["logprobs"] = {"content": seen + logprobs["content"]}
            if choice.get("finish_reason"):
                merged["finish_reason"] = choice["finish_reason"]
    for merged in choices.values():
        message = merged["message"]
        if "content" not in message:
            message["content"] = None if message.get("tool_calls") else ""
    completion["choices"] = [choices[i] for i in sorted(choices)]
    return completion


def _merge_tool_call(calls: list[dict[str, Any]], fragment: Mapping[str, Any]) -> None:
    index = fragment.get("index", len(calls))
    while len(calls) <= index:
        calls.append({"id": "", "type": "function", "function": {"name": "", "arguments": ""}})
    call = calls[index]
    if fragment.get("id") not in (None, "") and not call["id"]:
        call["id"] = str(fragment["id"])
    if fragment.get("type"):
        call["type"] = fragment["type"]
    function = fragment.get("function") or {}
    if function.get("name") and not call["function"]["name"]:
        call["function"]["name"] = function["name"]
    arguments = function.get("arguments")
    if arguments is not None:
        if not isinstance(arguments, str):
            arguments = json.dumps(arguments, ensure_ascii=False)
        call["function"]["arguments"] += arguments
