"""text-generation, streamed: a stand-in task until the `text_generation` task is merged.

It sends TGI's classic body (`{"inputs", "parameters", "stream": true}` to `/models/{id}`) with
the parameters passed through as given. Once `tasks/text_generation.py` exists, the stream is
`StreamSpec(task=TEXT_GENERATION, ...)` with the same `chunk`, `text` and `assemble`, and this
module goes.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .._http.transport import ApiResponse
from ._spec import Input, ReturnValue, TaskSpec, json_request, parse_as, single
from ._streaming import (
    StreamSpec,
    TextGenerationStreamOutput,
    TextGenerationStreamOutputStreamDetails,
    assemble_text_generation,
    text_generation_token_text,
)

__all__ = ["TEXT_GENERATION_STREAM", "TextGenerationStreamInput", "TextGenerationStreamResult"]


class TextGenerationStreamInput(Input):
    inputs: str = Field(description="The prompt to continue, e.g. 'Once upon a time'.")
    parameters: dict[str, Any] | None = Field(
        None, description="TGI generation parameters, e.g. {'max_new_tokens': 50}."
    )


class TextGenerationStreamResult(ReturnValue):
    generated_text: str = Field(description="The generated text.")
    details: TextGenerationStreamOutputStreamDetails | None = Field(
        None, description="Why and after how many tokens generation stopped."
    )


def _parse(response: ApiResponse) -> TextGenerationStreamResult:
    return parse_as(TextGenerationStreamResult, single(response.json()))  # type: ignore[no-any-return]


_TEXT_GENERATION = TaskSpec(
    name="text_generation",
    hf_task="text-generation",
    seed_name="textGeneration",
    input_model=TextGenerationStreamInput,
    description="Continue a text with a Hugging Face language model.",
    build=lambda args, ctx: json_request(args.inputs, extra_parameters=args.parameters),
    parse=_parse,
)

TEXT_GENERATION_STREAM = StreamSpec(
    task=_TEXT_GENERATION,
    chunk=TextGenerationStreamOutput.model_validate,
    text=text_generation_token_text,
    assemble=assemble_text_generation,
)
"""TGI's token stream: `data:` without a space, no `[DONE]`, the whole text on the last event."""
