"""How a task streams: a `StreamSpec` over its `TaskSpec`, and TGI's token events (no I/O here).

A stream asks for the same request as the task plus `"stream": true` (`with_stream`). Each SSE
event becomes a chunk (`chunk`); `text` is what a chunk adds to the reply (what a tool sends on
as a token event); `assemble` adds the chunks up to the body the call without streaming would
have got, so that a streamed result goes through the task's own `parse` and has the same shape.
A server that ignores `stream` answers plain JSON: that is parsed as the task parses it, and
`whole` turns the result into the one chunk the stream then yields.

TGI's text-generation events (as `testing/_streams.py` replays them) look like
`data:{"index":1,"token":{"id":3,"text":" ","logprob":-2.0,"special":false},
"generated_text":null,"details":null}`; the last one carries `generated_text` and `details`.
The completions API's chunks (`{"choices": [{"text": ...}]}`, vLLM) are read as the same events.
"""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from pydantic import BaseModel, Field

from .._http.transport import ApiRequest
from ._spec import ReturnValue, TaskSpec

if TYPE_CHECKING:
    from .text_generation import TextGenerationReturnValue

__all__ = [
    "StreamSpec",
    "TextGenerationStreamOutput",
    "TextGenerationStreamOutputStreamDetails",
    "TextGenerationStreamOutputToken",
    "assemble_text_generation",
    "text_generation_chunk",
    "text_generation_token_text",
    "text_generation_whole",
    "with_stream",
]

InputT = TypeVar("InputT", bound=BaseModel)
ResultT = TypeVar("ResultT")
ChunkT = TypeVar("ChunkT")


class StreamSpec(NamedTuple, Generic[InputT, ResultT, ChunkT]):
    """A task's stream, defined once over the task.

    Attributes:
        task: The task; its name, default model, Args and request builder are the stream's too.
        chunk: One SSE event (parsed JSON) to one chunk; raises ValueError when it is not one.
        text: The text a chunk adds to the reply ("" for none), e.g. a token.
        assemble: The chunks of a whole stream to the JSON body the call without streaming
            answers with; the task's `parse` turns it into the Return value.
        whole: A Return value to the one chunk that carries all of it: what the stream yields
            when the server answered plain JSON instead of streaming.
    """

    task: TaskSpec[InputT, ResultT]
    chunk: Callable[[dict[str, Any]], ChunkT]
    text: Callable[[ChunkT], str]
    assemble: Callable[[Sequence[ChunkT]], Any]
    whole: Callable[[ResultT], ChunkT]


def with_stream(request: ApiRequest) -> ApiRequest:
    """`request` asking for Server-Sent Events: `"stream": true` at the top level of its body."""
    if not isinstance(request.json, dict):
        raise ValueError("Only a JSON object request can ask for a stream.")
    return request._replace(json={**request.json, "stream": True}, accept="text/event-stream")


# -- TGI text generation ----------------------------------------------------------------------


class TextGenerationStreamOutputToken(ReturnValue):
    id: int | None = Field(default=None, description="The token id (None: not sent).")
    text: str = Field(description="The token's text.")
    logprob: float | None = Field(default=None, description="The token's log-probability.")
    special: bool = Field(default=False, description="Whether it is a special token (e.g. `</s>`).")


class TextGenerationStreamOutputStreamDetails(ReturnValue):
    finish_reason: str = Field(description="Why generation stopped: 'length', 'eos_token', ...")
    generated_tokens: int = Field(description="How many tokens were generated.")
    seed: int | None = Field(default=None, description="The sampling seed, when sampling.")


class TextGenerationStreamOutput(ReturnValue):
    """One event of a TGI text-generation stream: a token, and the whole text at the end."""

    index: int = Field(default=0, description="The token's position in the generation, from 1.")
    token: TextGenerationStreamOutputToken
    generated_text: str | None = Field(
        default=None, description="The whole text, on the last event."
    )
    details: TextGenerationStreamOutputStreamDetails | None = Field(
        default=None, description="Why and after how many tokens it stopped, on the last event."
    )


def text_generation_chunk(event: dict[str, Any]) -> TextGenerationStreamOutput:
    """One event of either text-generation dialect, as TGI's token event.

    A completions chunk's text becomes the token's text; its id and position are not sent, and
    neither is the whole text at the end (the tokens are joined instead).
    """
    choices = event.get("choices")
    if "token" not in event and isinstance(choices, list):
        text = (choices[0].get("text") if choices else None) or ""
        event = {"token": {"text": text}}
    return TextGenerationStreamOutput.model_validate(event)


def text_generation_token_text(chunk: TextGenerationStreamOutput) -> str:
    """The text a token adds to the reply; special tokens add none (TGI leaves them out too)."""
    return "" if chunk.token.special else chunk.token.text


def assemble_text_generation(chunks: Sequence[TextGenerationStreamOutput]) -> dict[str, Any]:
    """`{"generated_text", "details"?}`, as the call without streaming answers.

    The last event's `generated_text` is the server's own text; when a server leaves it out,
    the tokens are joined instead.
    """
    last = chunks[-1] if chunks else None
    if last is not None and last.generated_text is not None:
        text = last.generated_text
    else:
        text = "".join(text_generation_token_text(c) for c in chunks)
    body: dict[str, Any] = {"generated_text": text}
    if last is not None and last.details is not None:
        body["details"] = last.details.model_dump(mode="json")
    return body


def text_generation_whole(result: "TextGenerationReturnValue") -> TextGenerationStreamOutput:
    """A whole answer as TGI's last event: one token holding all the text, and the text."""
    text = result.generated_text
    return TextGenerationStreamOutput(
        index=1, token=TextGenerationStreamOutputToken(text=text), generated_text=text
    )
