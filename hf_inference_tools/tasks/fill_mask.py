"""fill-mask: the likeliest words for the mask token in a text."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
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
        description="Only score these words, e.g. ['Paris', 'London']. Null: any word.",
    )


class FillMaskArgs(Input):
    inputs: str = Field(
        description="A text with one mask token where a word is missing, e.g. 'The capital of "
        "France is [MASK].' ('<mask>' for RoBERTa models)."
    )
    parameters: FillMaskParameters | None = Field(
        default=None, description="Optional settings, or null."
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
    default_model="google-bert/bert-base-uncased",
    seed_name="fillMask",
    input_model=FillMaskArgs,
    description=(
        "Guess the missing word in a text, marked by the model's mask token. Returns a JSON list "
        "of {score, sequence, token, token_str}, best first."
    ),
    build=lambda args, ctx: json_request(args.inputs, args.parameters),
    parse=_parse,
)


class FillMaskTool(HfInferenceTool):
    """Guess the missing word of a text with a masked language model.

    The mask token is the model's: `[MASK]` for the default BERT model, `<mask>` for RoBERTa.

    Instantiate:
        ```python
        from hf_inference_tools import FillMaskTool

        tool = FillMaskTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "The capital of France is [MASK].", "parameters": {"top_k": 2}})
        # '[{"score":0.42,"sequence":"the capital of france is paris.","token":3000,...},...]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = FILL_MASK
    name: str = FILL_MASK.name
    description: str = FILL_MASK.description
    args_schema: ArgsSchema | None = FillMaskArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("targets",)
