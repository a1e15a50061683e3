"""The OpenAI-compatible dialect (chat completions, completions) that TGI and vLLM speak.

Tasks that reach a model through `/v1/chat/completions` or `/v1/completions` build their bodies
and read the answers here, so the wire shapes are written once.
"""

from __future__ import annotations

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
    """`{"model", "messages", ...settings}` for `/v1/chat/completions` (None settings dropped)."""
    body = {"model": model, "messages": list(messages), **settings}
    return ApiRequest(route="chat", json=drop_none(body))


def completions_request(model: str, prompt: str, settings: Mapping[str, Any]) -> ApiRequest:
    """`{"model", "prompt", ...settings}` for `/v1/completions` (None settings dropped)."""
    body = {"model": model, "prompt": prompt, **settings}
    return ApiRequest(route="completions", json=drop_none(body))


def parse_chat_completion(response: ApiResponse | Any) -> ChatCompletion:
    """A chat completion answer; ValueError when it is not one."""
    return parse_as(ChatCompletion, response)  # type: ignore[no-any-return]


def parse_completion(response: ApiResponse | Any) -> Completion:
    """A completions answer; ValueError when it is not one."""
    return parse_as(Completion, response)  # type: ignore[no-any-return]


def unsent_warnings(parameters: BaseModel | None, names: Iterable[str], api: str) -> list[str]:
    """A warning for each of `names` set in `parameters`, which the `api` body has no place for."""
    if parameters is None:
        return []
    return [
        f"parameters.{name} was not sent: the {api} API has no such setting."
        for name in names
        if getattr(parameters, name) is not None
    ]
