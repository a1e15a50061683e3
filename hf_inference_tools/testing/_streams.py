"""What the API streams for an answer: SSE bodies made from the answer it would give whole.

The mock answers a request with `"stream": true` by streaming its usual answer for the task,
in the wire format the real servers use (TGI's, vLLM's and the router's): chat completion as
`data: {chunk}` events ending with `data: [DONE]`, TGI text generation as `data:{event}` (no
space) with no `[DONE]`, the completions API (vLLM) as `data: {chunk}` events ending with
`data: [DONE]`. So `mock.respond("chat_completion", json=completion)` also serves the streaming
tool and `chat_completion_stream`.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = [
    "chat_events",
    "completions_events",
    "sse_body",
    "text_generation_events",
    "wants_stream",
]

_PIECES = re.compile(r"\s*\S+|\s+")


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def wants_stream(content: bytes) -> bool:
    """Whether a request body asks for a stream (`"stream": true` at its top level)."""
    try:
        body = json.loads(content)
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("stream") is True


def sse_body(task: str, answer: Any) -> bytes | None:
    """The stream for `task` whose chunks add up to `answer`; None when `task` does not stream
    (or `answer` is raw bytes, already a body)."""
    if isinstance(answer, bytes | str):
        return None
    if task == "chat_completion":
        return chat_events(answer).encode()
    if task == "text_generation":
        return text_generation_events(answer).encode()
    if task == "text_generation_completions":
        return completions_events(answer).encode()
    return None


def chat_events(completion: dict[str, Any]) -> str:
    """A `chat.completion` as TGI 3 streams it: the role, the content word by word, each tool
    call (name, then its arguments in two pieces), the finish reason, the usage, `[DONE]`."""
    base = {
        "object": "chat.completion.chunk",
        "id": completion.get("id", ""),
        "created": completion.get("created", 0),
        "model": completion.get("model", ""),
        "system_fingerprint": completion.get("system_fingerprint", "3.2.1-native"),
    }
    events = []

    def emit(index: int, delta: dict[str, Any], finish_reason: str | None = None) -> None:
        choice = {"index": index, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
        events.append({**base, "choices": [choice], "usage": None})

    for choice in completion.get("choices", []):
        index, message = choice.get("index", 0), choice.get("message", {})
        emit(index, {"role": message.get("role", "assistant"), "content": ""})
        for piece in _PIECES.findall(message.get("content") or ""):
            emit(index, {"role": "assistant", "content": piece})
        for n, call in enumerate(message.get("tool_calls") or []):
            arguments = call["function"]["arguments"]
            if not isinstance(arguments, str):
                arguments = _dumps(arguments)
            half = len(arguments) // 2
            first = {"name": call["function"]["name"], "arguments": arguments[:half]}
            head = {"index": n, "id": str(call.get("id", n)), "type": "function"}
            emit(index, {"role": "assistant", "tool_calls": [{**head, "function": first}]})
            rest = {"index": n, "function": {"arguments": arguments[half:]}}
            emit(index, {"role": "assistant", "tool_calls": [rest]})
        emit(index, {"role": "assistant", "content": ""}, choice.get("finish_reason") or "stop")
    if completion.get("usage"):
        events.append({**base, "choices": [], "usage": completion["usage"]})
    return "".join(f"data: {_dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"


def text_generation_events(answer: Any) -> str:
    """`[{"generated_text": ...}]` as TGI streams it: one `data:{...}` event per token (no
    space), the whole text and the details on the last one, and no `[DONE]`."""
    result = answer[0] if isinstance(answer, list) else answer
    text = result["generated_text"]
    pieces = _PIECES.findall(text) or [""]
    details = result.get("details") or {}
    finish = {
        "finish_reason": details.get("finish_reason", "length"),
        "generated_tokens": details.get("generated_tokens", len(pieces)),
        "seed": details.get("seed"),
    }
    events = []
    for i, piece in enumerate(pieces, start=1):
        last = i == len(pieces)
        event = {
            "index": i,
            "token": {"id": i, "text": piece, "logprob": -0.5, "special": False},
            "generated_text": text if last else None,
            "details": finish if last else None,
        }
        events.append(f"data:{_dumps(event)}\n\n")
    return "".join(events)


def completions_events(completion: dict[str, Any]) -> str:
    """A `text_completion` as vLLM streams it: its text word by word, the finish reason on the
    last piece, then `[DONE]`."""
    base = {key: completion.get(key) for key in ("id", "object", "created", "model")}
    choice = completion["choices"][0]
    pieces = _PIECES.findall(choice["text"]) or [""]
    events = []
    for i, piece in enumerate(pieces, start=1):
        finish_reason = choice.get("finish_reason") if i == len(pieces) else None
        delta = {"index": 0, "text": piece, "logprobs": None, "finish_reason": finish_reason}
        events.append(f"data: {_dumps({**base, 'choices': [delta]})}\n\n")
    return "".join(events) + "data: [DONE]\n\n"
