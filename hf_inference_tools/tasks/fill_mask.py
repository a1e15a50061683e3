"""fill-mask: the likeliest words for the mask token in a text."""

from __future__ import annotations

from pydantic import Field

from .._http.transport import ApiResponse
from ._spec import Input, Parameters, ReturnValue, TaskSpec, json_request, parse_as


class FillMaskParameters(Parameters):
    top_k: int | None = Field(
        default=None,
        ge=1,
        description="How many candidate words to return, best first, e.g. 5. Null: the model's "
        "default (5).",
    )
    targets: list[str] | None = Field(
        default=None,
        description="Only score these words for the mask, e.g. ['Paris', 'London']. Null: any "
        "word the model knows.",
    )


class FillMaskArgs(Input):
    inputs: str = Field(
        description="A text with exactly one mask token where a word is missing, e.g. 'The "
        "capital of France is [MASK].'. The token depends on the model: '[MASK]' for BERT "
        "models (the default), '<mask>' for RoBERTa models."
    )
    parameters: FillMaskParameters | None = Field(
        default=None, description="Optional settings; null for the defaults."
    )


class FillMaskReturnValue(ReturnValue):
    score: float = Field(description="How likely this word is, from 0 to 1.")
    sequence: str = Field(description="The text with the mask replaced by this word.")
    token: int = Field(description="The id of the word's token in the model's vocabulary.")
    token_str: str = Field(description="The word that fills the mask.")


def _parse(response: ApiResponse) -> list[FillMaskReturnValue]:
    data = response.json()
    # A text with several masks gets one list per mask; the seed's Return is one flat list, and
    # each item's `sequence` still shows which mask it filled.
    if isinstance(data, list) and data and all(isinstance(group, list) for group in data):
        data = [item for group in data for item in group]
    return parse_as(list[FillMaskReturnValue], data)


FILL_MASK = TaskSpec(
    name="fill_mask",
    hf_task="fill-mask",
    seed_name="fillMask",
    input_model=FillMaskArgs,
    description=(
        "Guess the missing word in a text with a Hugging Face masked language model: put the "
        "model's mask token where the word goes ('[MASK]' for the default BERT model, '<mask>' "
        "for RoBERTa models). Returns a JSON list of {score, sequence, token, token_str}, best "
        "first."
    ),
    build=lambda args, ctx: json_request(args.inputs, args.parameters),
    parse=_parse,
)
