"""OpenAI-style chat on HF Inference, as plain JSON: the request body, and a stream added up.

Pure functions over dicts, so every task that speaks chat completion on the wire (including
`conversational`, which keeps the seed's Args) builds the same body and reads the same stream.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .._http.transport import ApiRequest
from ._spec import drop_none

__all__ = ["chat_body", "chat_request", "hf_response_format", "merge_chat_chunks"]


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


def chat_body(
    model: str,
    messages: Sequence[Mapping[str, Any]],
    parameters: Mapping[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """`{"model", "messages", ...parameters, ...extra}` with `None` dropped and `model` first,
    as the HF clients send it; `response_format` rewritten for HF Inference."""
    body: dict[str, Any] = {"model": model, "messages": list(messages), **(parameters or {})}
    body.update(extra)
    if isinstance(body.get("response_format"), Mapping):
        body["response_format"] = hf_response_format(body["response_format"])
    return drop_none(body)  # type: ignore[no-any-return]


def chat_request(body: Mapping[str, Any]) -> ApiRequest:
    """The request for a chat body: `POST .../v1/chat/completions`."""
    return ApiRequest(route="chat", json=dict(body))


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
