"""token-classification: named entities (people, places, ...) and other labelled spans of a text.

With `aggregation_strategy` "none" the server labels single tokens and names the label `entity`
(e.g. "B-PER"); otherwise it groups them and names it `entity_group`. Both become the seed's
`entity_group`; the token's `index`, when sent, is kept.
"""

from typing import Any, ClassVar, Literal

from langchain_core.tools import ArgsSchema
from pydantic import Field, model_validator

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, Parameters, ReturnValue, TaskSpec, json_request, parse_as


class TokenClassificationParameters(Parameters):
    aggregation_strategy: Literal["none", "simple", "first", "average", "max"] | None = Field(
        default=None,
        description="How tokens are grouped into entities: 'simple' joins the tokens of one "
        "entity (e.g. 'Sarah Jessica Parker'), 'none' labels every token on its own, 'first', "
        "'average' and 'max' also join the pieces of a word. Null: the server's default.",
    )
    ignore_labels: list[str] | None = Field(
        default=None,
        description="Labels to leave out of the result, e.g. ['O', 'MISC']. Null: only 'O' "
        "(outside any entity).",
    )


class TokenClassificationArgs(Input):
    inputs: str = Field(description="The text to find entities in, e.g. 'Sarah lives in Paris'.")
    parameters: TokenClassificationParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class TokenClassificationReturnValue(ReturnValue):
    entity_group: str = Field(description="The type of the entity (model specific), e.g. 'PER'.")
    score: float = Field(description="How likely the entity is recognised, from 0 to 1.")
    word: str = Field(description="The text of the entity.")
    start: int | None = Field(
        default=None,
        description="Where the entity starts in the text (a character index), if known.",
    )
    end: int | None = Field(
        default=None, description="Where the entity ends in the text (a character index), if known."
    )

    @model_validator(mode="before")
    @classmethod
    def _entity_is_entity_group(cls, data: Any) -> Any:
        if isinstance(data, dict) and "entity_group" not in data and "entity" in data:
            data = {("entity_group" if k == "entity" else k): v for k, v in data.items()}
        return data


def _parse(response: ApiResponse) -> list[TokenClassificationReturnValue]:
    return parse_as(list[TokenClassificationReturnValue], response)


TOKEN_CLASSIFICATION = TaskSpec(
    name="token_classification",
    hf_task="token-classification",
    default_model="dbmdz/bert-large-cased-finetuned-conll03-english",
    seed_name="tokenClassification",
    input_model=TokenClassificationArgs,
    description=(
        "Find named entities (people, organisations, places, ...) in a text. Returns a JSON list "
        "of {entity_group, score, word, start, end}, in text order."
    ),
    build=lambda args, ctx: json_request(args.inputs, args.parameters),
    parse=_parse,
)


class TokenClassificationTool(HfInferenceTool):
    """Find named entities (people, organisations, places, ...) in a text.

    Instantiate:
        ```python
        from hf_inference_tools import TokenClassificationTool

        tool = TokenClassificationTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "My name is Sarah Jessica Parker",
                     "parameters": {"aggregation_strategy": "simple"}})
        # '[{"entity_group":"PER","score":0.999,"word":"Sarah Jessica Parker","start":11,...}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TOKEN_CLASSIFICATION
    name: str = TOKEN_CLASSIFICATION.name
    description: str = TOKEN_CLASSIFICATION.description
    args_schema: ArgsSchema | None = TokenClassificationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
