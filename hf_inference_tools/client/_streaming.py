"""Streamed answers: `InferenceStream` / `AsyncInferenceStream`, and the one streaming call path.

A `*_stream` method returns at once (its arguments already validated); the request goes out on
the first iteration. The connection is released when the stream ends, when it is closed
(`close()` / `aclose()`, or leaving `with` / `async with`), or when an error ends it. A sync
stream dropped half-read (`break` out of `for chunk in hf.chat_completion_stream(...)`) is
closed by CPython at once; an async one is closed later by the event loop's async-generator
finaliser, so prefer `async with` (or `aclose()`) when stopping early in async code.

A server that ignores `stream` and answers plain JSON has given the whole answer at once: the
stream then has one chunk, the whole answer in the stream's chunk type, and `result()` is the
answer parsed exactly as the call without streaming parses it (`answered_whole` is then True).
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

from pydantic import BaseModel

from .. import tasks as _tasks
from .._answered import answered
from .._config import Options
from .._http.transport import ApiRequest, ApiResponse, CallContext
from .._media import Media
from ..errors import HfInferenceError, OutputError
from ..tasks._spec import BuildContext, TaskSpec
from ..tasks._streaming import StreamSpec, TextGenerationStreamOutput, with_stream
from ._core import ClientCore, _describe_mismatch, _explained

if TYPE_CHECKING:
    from ..tasks import TextGenerationParameters, TextGenerationReturnValue

__all__ = ["AsyncInferenceStream", "InferenceStream", "StreamingCore", "TextGenerationStreams"]

InputT = TypeVar("InputT", bound=BaseModel)
ResultT = TypeVar("ResultT")
ChunkT = TypeVar("ChunkT")


class _Whole(Generic[ResultT]):
    """The answer of a server that did not stream, once it came. Shared by a stream and the
    generator of its chunks, which must not refer to each other: a sync stream dropped
    half-read is closed at once only while no reference cycle holds it."""

    __slots__ = ("answer",)

    def __init__(self) -> None:
        self.answer: tuple[ResultT] | None = None


class _Progress(Generic[ChunkT, ResultT]):
    """How far a stream got: the chunks read, and whether it ended or was closed first."""

    def __init__(
        self, finish: Callable[[list[ChunkT]], ResultT], whole: _Whole[ResultT] | None = None
    ) -> None:
        self._finish = finish
        self._seen: list[ChunkT] = []
        self._done = False
        self._closed = False
        self._whole_answer = whole or _Whole()

    @property
    def answered_whole(self) -> bool:
        """Whether the server answered the whole reply at once, as plain JSON, instead of
        streaming it: the one chunk then holds all of it (no token came before it)."""
        return self._whole_answer.answer is not None

    def _whole(self) -> ResultT:
        if not self._done:
            raise RuntimeError(
                "This stream was closed (or failed) before its end, so it has no complete "
                "result. Read it to the end before asking for result()."
            )
        if (answer := self._whole_answer.answer) is not None:
            return answer[0]
        return self._finish(self._seen)


class InferenceStream(_Progress[ChunkT, ResultT]):
    """A streamed answer: an iterator over its chunks, and a context manager that closes it.

    ```python
    with hf.chat_completion_stream(messages=[{"role": "user", "content": "Hi!"}]) as stream:
        for chunk in stream:
            print(chunk.text, end="", flush=True)
        completion = stream.result()      # the ChatCompletionReturnValue, as without streaming
    ```
    """

    def __init__(
        self,
        chunks: Generator[ChunkT],
        finish: Callable[[list[ChunkT]], ResultT],
        whole: _Whole[ResultT] | None = None,
    ) -> None:
        super().__init__(finish, whole)
        self._chunks = chunks

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> ChunkT:
        if self._done or self._closed:
            raise StopIteration
        try:
            chunk = next(self._chunks)
        except StopIteration:
            self._done = True
            raise
        except BaseException:
            self._closed = True
            raise
        self._seen.append(chunk)
        return chunk

    def close(self) -> None:
        """Stop reading and release the connection (a no-op once the stream has ended)."""
        self._closed = self._closed or not self._done
        self._chunks.close()

    def result(self) -> ResultT:
        """Read what is left, then return the whole answer shaped as the call without streaming
        returns it. Raises RuntimeError if the stream was closed before its end."""
        for _ in self:
            pass
        return self._whole()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncInferenceStream(_Progress[ChunkT, ResultT]):
    """Async twin of `InferenceStream` (`async for`, `async with`, `aclose()`, `await result()`).

    Stopping early: `break` inside `async with` releases the connection when the block exits;
    a bare `async for ... break` leaves that to the event loop's finaliser, a little later.
    """

    def __init__(
        self,
        chunks: AsyncGenerator[ChunkT],
        finish: Callable[[list[ChunkT]], ResultT],
        whole: _Whole[ResultT] | None = None,
    ) -> None:
        super().__init__(finish, whole)
        self._chunks = chunks

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> ChunkT:
        if self._done or self._closed:
            raise StopAsyncIteration
        try:
            chunk = await anext(self._chunks)
        except StopAsyncIteration:
            self._done = True
            raise
        except BaseException:
            self._closed = True
            raise
        self._seen.append(chunk)
        return chunk

    async def aclose(self) -> None:
        """Stop reading and release the connection (a no-op once the stream has ended)."""
        self._closed = self._closed or not self._done
        await self._chunks.aclose()

    async def result(self) -> ResultT:
        """Async twin of `InferenceStream.result`."""
        async for _ in self:
            pass
        return self._whole()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


class StreamingCore(ClientCore):
    """The streaming call path: one request, its events as chunks, and their sum at the end."""

    def _stream_route(
        self, task: TaskSpec[Any, Any], ctx: CallContext, request: ApiRequest, provider: str | None
    ) -> tuple[CallContext, ApiRequest]:
        """Where a stream goes: the serverless API as before, or (Inference Providers, "auto")
        the router's own chat endpoint with the HF model id."""
        target = self._target(provider)
        if target == "auto" and request.route != "chat":
            target = None  # no lookup inside a stream: other tasks stream from the serverless API
        answered(target or (None if self.endpoint_url else "hf-inference"))
        if target is None:
            return ctx, request
        if target != "auto":
            raise ValueError(
                f"{task.name} streams through the serverless API or, for chat, provider='auto' "
                f"(the router's chat endpoint); provider {target!r} is not streamed yet. Call "
                "the method without `_stream`, or pass provider='auto' or 'hf-inference'."
            )
        model = ctx.model or task.default_model
        self.providers.check_router_chat(task, model)
        body = {**request.json, "model": model}
        url = f"{self.providers.router_url}/v1/chat/completions"
        return CallContext(ctx.task, model, "auto"), request._replace(url=url, json=body)

    def stream(
        self,
        spec: StreamSpec[InputT, ResultT, ChunkT],
        args: InputT,
        *,
        model: str | None = None,
        options: Options | None = None,
        media: Media | None = None,
        provider: str | None = None,
    ) -> InferenceStream[ChunkT, ResultT]:
        """Stream one validated call (the tools come in here too); nothing is sent until the
        first chunk is asked for."""
        ctx, build_ctx, request = self._request(spec.task, args, model, media)
        ctx, request = self._stream_route(spec.task, ctx, request, provider)
        request, options = with_stream(request), options or self.options
        whole: _Whole[ResultT] = _Whole()

        def chunks() -> Generator[ChunkT]:
            try:
                with self._transport.stream(ctx, request, options) as events:
                    if isinstance(events, ApiResponse):
                        yield self._answered_whole(whole, spec, ctx, events, args, build_ctx)
                        return
                    for event in events:
                        yield self._chunk(spec, ctx, event)
            except HfInferenceError as exc:
                if (explained := _explained(spec.task, exc, args, build_ctx)) is None:
                    raise
                raise explained from exc

        def finish(seen: list[ChunkT]) -> ResultT:
            return self._assembled(spec, ctx, seen, args, build_ctx)

        return InferenceStream(chunks(), finish, whole)

    def astream(
        self,
        spec: StreamSpec[InputT, ResultT, ChunkT],
        args: InputT,
        *,
        model: str | None = None,
        options: Options | None = None,
        media: Media | None = None,
        provider: str | None = None,
    ) -> AsyncInferenceStream[ChunkT, ResultT]:
        """Async twin of `stream`."""
        ctx, build_ctx, request = self._request(spec.task, args, model, media)
        ctx, request = self._stream_route(spec.task, ctx, request, provider)
        request, options = with_stream(request), options or self.options
        whole: _Whole[ResultT] = _Whole()

        async def chunks() -> AsyncGenerator[ChunkT]:
            try:
                async with self._transport.astream(ctx, request, options) as events:
                    if isinstance(events, ApiResponse):
                        yield self._answered_whole(whole, spec, ctx, events, args, build_ctx)
                        return
                    async for event in events:
                        yield self._chunk(spec, ctx, event)
            except HfInferenceError as exc:
                if (explained := _explained(spec.task, exc, args, build_ctx)) is None:
                    raise
                raise explained from exc

        def finish(seen: list[ChunkT]) -> ResultT:
            return self._assembled(spec, ctx, seen, args, build_ctx)

        return AsyncInferenceStream(chunks(), finish, whole)

    def _answered_whole(
        self,
        whole: _Whole[ResultT],
        spec: StreamSpec[InputT, ResultT, ChunkT],
        ctx: CallContext,
        response: ApiResponse,
        args: InputT,
        build_ctx: BuildContext,
    ) -> ChunkT:
        """The one chunk of a plain JSON answer; the stream's result is that answer parsed as
        the call without streaming parses it."""
        result = self._parse(spec.task, ctx, response, args, build_ctx)
        whole.answer = (result,)
        return spec.whole(result)

    def _chunk(
        self, spec: StreamSpec[Any, Any, ChunkT], ctx: CallContext, event: dict[str, Any]
    ) -> ChunkT:
        try:
            return spec.chunk(event)
        except (ValueError, TypeError, KeyError) as exc:
            who = f"{ctx.task} with model {ctx.model!r}" if ctx.model else ctx.task
            raise OutputError(
                f"{who} streamed an event that is not a {spec.task.hf_task} chunk "
                f"({_describe_mismatch(exc)}). The model may not stream this task: check its "
                "task on the Hub, or call the method without `_stream`.",
                task=ctx.task,
                model=ctx.model,
            ) from exc

    def _assembled(
        self,
        spec: StreamSpec[InputT, ResultT, ChunkT],
        ctx: CallContext,
        seen: list[ChunkT],
        args: InputT,
        build_ctx: BuildContext,
    ) -> ResultT:
        # The sum goes through the task's own parse and finish, so it has the non-streamed
        # shape exactly.
        body = json.dumps(spec.assemble(seen)).encode()
        response = ApiResponse(200, body, "application/json")
        return self._parse(spec.task, ctx, response, args, build_ctx)


class TextGenerationStreams(StreamingCore):
    """`text_generation_stream`: the continuation of a prompt, token by token."""

    def text_generation_stream(
        self,
        *,
        inputs: str,
        parameters: TextGenerationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
    ) -> InferenceStream[TextGenerationStreamOutput, TextGenerationReturnValue]:
        """`text_generation`, streamed: one token event at a time, in TGI's shape whichever
        `text_generation_api` the client speaks.

        ```python
        for event in hf.text_generation_stream(inputs="Once upon a time"):
            print(event.token.text, end="")
        ```
        TGI's last event carries `generated_text` and `details`; `result()` gives the
        `TextGenerationReturnValue`, as `text_generation` returns it.
        """
        args = self.prepare(_tasks.TEXT_GENERATION_STREAM.task, _text_fields(inputs, parameters))[0]
        return self.stream(_tasks.TEXT_GENERATION_STREAM, args, model=model, options=options)

    def atext_generation_stream(
        self,
        *,
        inputs: str,
        parameters: TextGenerationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
    ) -> AsyncInferenceStream[TextGenerationStreamOutput, TextGenerationReturnValue]:
        """Async twin of `text_generation_stream` (`async for event in ...`; not a coroutine)."""
        args = self.prepare(_tasks.TEXT_GENERATION_STREAM.task, _text_fields(inputs, parameters))[0]
        return self.astream(_tasks.TEXT_GENERATION_STREAM, args, model=model, options=options)


def _text_fields(inputs: str, parameters: Any) -> dict[str, Any]:
    return {"inputs": inputs, "parameters": parameters}
