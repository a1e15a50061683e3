"""summarization: a shorter text that keeps the gist of a longer one.

The seed's generation parameters (`max_length`, `min_length`, `temperature`, ...) are sent flat in
`parameters`, as the seed sent them. HF Inference's handler (huggingface-inference-toolkit) calls
the transformers pipeline with `**parameters`, and the pipeline passes the keywords it does not
know on to `generate()`; today's task spec nests them under `generate_parameters` instead, a
keyword the summarization pipeline does not unpack, so that form is not used. `do_sample`
(without which `temperature`, `top_k` and `top_p` do nothing) and `truncation` (for texts longer
than the model reads) come from today's API.
"""

from typing import Any, ClassVar, Literal, Self

from langchain_core.tools import ArgsSchema
from pydantic import Field, model_validator

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, Parameters, ReturnValue, TaskSpec, json_request, parse_as, single


class SummarizationParameters(Parameters):
    max_length: int | None = Field(
        default=None,
        ge=1,
        description="The longest summary, in tokens, e.g. 130. Null: the model's.",
    )
    min_length: int | None = Field(
        default=None,
        ge=0,
        description="The shortest summary, in tokens, e.g. 30. Null: the model's.",
    )
    max_time: float | None = Field(
        default=None, gt=0, description="Seconds the model may spend writing, at most, e.g. 10."
    )
    repetition_penalty: float | None = Field(
        default=None,
        gt=0,
        description="Above 1.0 discourages repeating words, e.g. 1.2. Null: 1.0.",
    )
    do_sample: bool | None = Field(
        default=None,
        description="True to sample words (varied summaries; temperature, top_k and top_p "
        "apply); null or false for the model's deterministic search.",
    )
    temperature: float | None = Field(
        default=None, gt=0, description="With do_sample: higher is more varied, e.g. 0.7."
    )
    top_k: int | None = Field(
        default=None,
        ge=1,
        description="With do_sample: sample among the k likeliest tokens, e.g. 50.",
    )
    top_p: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description="With do_sample: sample among the likeliest tokens whose probabilities add "
        "up to p, e.g. 0.9.",
    )
    truncation: Literal["do_not_truncate", "longest_first", "only_first", "only_second"] | None = (
        Field(
            default=None,
            description="'longest_first' cuts a text too long for the model instead of failing. "
            "Null: not cut.",
        )
    )

    @model_validator(mode="after")
    def _lengths_in_order(self) -> Self:
        if (
            self.min_length is not None
            and self.max_length is not None
            and self.min_length > self.max_length
        ):
            raise ValueError(
                f"min_length ({self.min_length}) must not exceed max_length ({self.max_length})"
            )
        return self


class SummarizationArgs(Input):
    inputs: str = Field(description="The text to summarise, e.g. an article.")
    parameters: SummarizationParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class SummarizationReturnValue(ReturnValue):
    summary_text: str = Field(description="The summary.")


def _parse(response: ApiResponse) -> SummarizationReturnValue:
    # The pipeline answers [{"summary_text": ...}]; an endpoint may send the object bare.
    return parse_as(SummarizationReturnValue, single(response.json()))


SUMMARIZATION = TaskSpec(
    name="summarization",
    hf_task="summarization",
    default_model="sshleifer/distilbart-cnn-12-6",
    seed_name="summarization",
    input_model=SummarizationArgs,
    description="Summarise a long text. Returns JSON {summary_text}.",
    build=lambda args, ctx: json_request(args.inputs, args.parameters),
    parse=_parse,
)


class SummarizationTool(HfInferenceTool):
    """Summarise a text with a summarization model.

    Instantiate:
        ```python
        from hf_inference_tools import SummarizationTool

        tool = SummarizationTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": article, "parameters": {"max_length": 60}})
        # '{"summary_text":"The tower is 324 metres tall ..."}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = SUMMARIZATION
    name: str = SUMMARIZATION.name
    description: str = SUMMARIZATION.description
    args_schema: ArgsSchema | None = SummarizationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
