"""Client methods of chat completion: the reply whole, or streamed chunk by chunk."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import tasks as _tasks
from .._config import Options
from ._streaming import AsyncInferenceStream, InferenceStream, StreamingCore

if TYPE_CHECKING:
    from ..tasks import (
        ChatCompletionInput,
        ChatCompletionInputMessage,
        ChatCompletionParameters,
        ChatCompletionReturnValue,
        ChatCompletionStreamOutput,
    )

    # Annotations only (postponed): the chat types are imported when a chat method runs.
    Messages = Sequence[ChatCompletionInputMessage | Mapping[str, Any]]
    ChatStream = InferenceStream[ChatCompletionStreamOutput, ChatCompletionReturnValue]
    AsyncChatStream = AsyncInferenceStream[ChatCompletionStreamOutput, ChatCompletionReturnValue]


class ChatTasks(StreamingCore):
    def _chat_args(
        self,
        messages: Messages,
        parameters: ChatCompletionParameters | Mapping[str, Any] | None,
        tools: Sequence[Mapping[str, Any]] | None,
        tool_choice: str | Mapping[str, Any] | None,
        response_format: Mapping[str, Any] | None,
    ) -> ChatCompletionInput:
        fields = {
            "messages": messages,
            "parameters": parameters,
            "tools": tools,
            "tool_choice": tool_choice,
            "response_format": response_format,
        }
        return self.prepare(_tasks.CHAT_COMPLETION, fields)[0]

    def chat_completion(
        self,
        *,
        messages: Messages,
        parameters: ChatCompletionParameters | Mapping[str, Any] | None = None,
        tools: Sequence[Mapping[str, Any]] | None = None,
        tool_choice: str | Mapping[str, Any] | None = None,
        response_format: Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> ChatCompletionReturnValue:
        """The model's reply to OpenAI-style `messages`, as an OpenAI `chat.completion`.

        `parameters` holds the sampling settings (`max_tokens`, `temperature`, `top_p`, `seed`,
        `stop`, `frequency_penalty`, `presence_penalty`). `tools`, `tool_choice` and
        `response_format` are passed through as OpenAI defines them (a `json_schema`
        response format is rewritten to the `json_object` grammar HF Inference takes); they
        exist here only, not in the tool's schema.

        ```python
        reply = hf.chat_completion(
            messages=[{"role": "user", "content": "What is the capital of France?"}],
            parameters={"max_tokens": 64},
        )
        reply.choices[0].message.content
        ```
        """
        args = self._chat_args(messages, parameters, tools, tool_choice, response_format)
        return self.call(
            _tasks.CHAT_COMPLETION, args, model=model, options=options, provider=provider
        )

    async def achat_completion(
        self,
        *,
        messages: Messages,
        parameters: ChatCompletionParameters | Mapping[str, Any] | None = None,
        tools: Sequence[Mapping[str, Any]] | None = None,
        tool_choice: str | Mapping[str, Any] | None = None,
        response_format: Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> ChatCompletionReturnValue:
        """Async twin of `chat_completion`."""
        args = self._chat_args(messages, parameters, tools, tool_choice, response_format)
        return await self.acall(
            _tasks.CHAT_COMPLETION, args, model=model, options=options, provider=provider
        )

    def chat_completion_stream(
        self,
        *,
        messages: Messages,
        parameters: ChatCompletionParameters | Mapping[str, Any] | None = None,
        tools: Sequence[Mapping[str, Any]] | None = None,
        tool_choice: str | Mapping[str, Any] | None = None,
        response_format: Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> ChatStream:
        """`chat_completion`, streamed: `chat.completion.chunk`s as the model writes.

        ```python
        with hf.chat_completion_stream(messages=[{"role": "user", "content": "Hi!"}]) as chunks:
            for chunk in chunks:
                print(chunk.text, end="", flush=True)
            reply = chunks.result()    # the whole ChatCompletionReturnValue
        ```
        Leaving the `with` block (or `break`ing out of a bare `for`) closes the connection.
        """
        args = self._chat_args(messages, parameters, tools, tool_choice, response_format)
        return self.stream(
            _tasks.CHAT_COMPLETION_STREAM, args, model=model, options=options, provider=provider
        )

    def achat_completion_stream(
        self,
        *,
        messages: Messages,
        parameters: ChatCompletionParameters | Mapping[str, Any] | None = None,
        tools: Sequence[Mapping[str, Any]] | None = None,
        tool_choice: str | Mapping[str, Any] | None = None,
        response_format: Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> AsyncChatStream:
        """Async twin of `chat_completion_stream`: `async with ... as chunks: async for ...`.

        Not a coroutine: call it without `await`. To stop early, leave an `async with` block
        or `await chunks.aclose()`, so the connection is released at once.
        """
        args = self._chat_args(messages, parameters, tools, tool_choice, response_format)
        return self.astream(
            _tasks.CHAT_COMPLETION_STREAM, args, model=model, options=options, provider=provider
        )
