"""text-classification: labels with scores for a text (sentiment, topic, ...)."""

from typing import Any, ClassVar, cast

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import (
    ClassificationParameters,
    Input,
    ReturnValue,
    TaskSpec,
    UnionShape,
    json_request,
    parse_as,
)


class TextClassificationParameters(ClassificationParameters):
    """Optional settings of text classification."""


class TextClassificationArgs(Input):
    inputs: str = Field(description="The text to classify, e.g. 'I love this movie!'.")
    parameters: TextClassificationParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class TextClassificationReturnValue(ReturnValue):
    label: str = Field(description="The label for the class (model specific).")
    score: float = Field(description="How likely the text belongs to this class, from 0 to 1.")


# The API nests one list per input: [[{label, score}, ...]]; some servers answer flat.
_ANSWER: UnionShape[
    list[list[TextClassificationReturnValue]] | list[TextClassificationReturnValue]
] = UnionShape(list[list[TextClassificationReturnValue]] | list[TextClassificationReturnValue])


def _parse(response: ApiResponse) -> list[TextClassificationReturnValue]:
    result = parse_as(_ANSWER, response)
    if result and isinstance(result[0], list):
        return result[0]
    # Not nested: the other half of the union (a type checker cannot tell by the first item).
    return cast(list[TextClassificationReturnValue], result)


TEXT_CLASSIFICATION = TaskSpec(
    name="text_classification",
    hf_task="text-classification",
    default_model="distilbert/distilbert-base-uncased-finetuned-sst-2-english",
    seed_name="textClassification",
    input_model=TextClassificationArgs,
    description=(
        "Classify a text, e.g. its sentiment (POSITIVE/NEGATIVE); the labels depend on the model. "
        "Returns a JSON list of {label, score}, best first."
    ),
    build=lambda args, ctx: json_request(args.inputs, args.parameters),
    parse=_parse,
)


class TextClassificationTool(HfInferenceTool):
    """Classify a text (sentiment, topic, ...) with a Hugging Face model.

    Setup:
        `pip install hf-inference-tools` and set `HF_TOKEN`.

    Instantiate:
        ```python
        from hf_inference_tools import HfInference, TextClassificationTool

        tool = TextClassificationTool(client=HfInference())
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "I love this!"})
        # '[{"label":"POSITIVE","score":0.9998},{"label":"NEGATIVE","score":0.0001}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TEXT_CLASSIFICATION
    name: str = TEXT_CLASSIFICATION.name
    description: str = TEXT_CLASSIFICATION.description
    args_schema: ArgsSchema | None = TextClassificationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
