"""The streams of the generation tasks defined elsewhere: text_generation and conversational.

Each is its task plus how its events read (see `_streaming.StreamSpec`). A tool streams its task
once it names the stream: `stream_spec: ClassVar[...] = TEXT_GENERATION_STREAM`.
"""

from ._streaming import (
    StreamSpec,
    assemble_text_generation,
    text_generation_chunk,
    text_generation_token_text,
)
from .chat_completion import chat_stream
from .conversational import CONVERSATIONAL
from .text_generation import TEXT_GENERATION

__all__ = ["CONVERSATIONAL_STREAM", "TEXT_GENERATION_STREAM"]

TEXT_GENERATION_STREAM = StreamSpec(
    task=TEXT_GENERATION,
    chunk=text_generation_chunk,
    text=text_generation_token_text,
    assemble=assemble_text_generation,
)
"""Tokens as they are generated: TGI's events (`data:` without a space, no `[DONE]`, the whole
text on the last one), or the completions API's chunks with `text_generation_api="completions"`.
The sum goes through the task's `parse` and `finish` (`return_full_text`, `warnings`)."""

CONVERSATIONAL_STREAM = chat_stream(CONVERSATIONAL)
"""The reply as `chat.completion.chunk`s; the sum becomes the seed's Return, conversation
included."""
