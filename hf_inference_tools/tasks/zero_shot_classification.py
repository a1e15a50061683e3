"""zero-shot-classification: how well a text fits labels chosen at call time.

The Return is the seed's: one `{sequence, labels, scores}` per text, labels best first. HF
Inference has answered in that (legacy) shape, an object for one text and a list for several;
newer deployments answer `[{label, score}, ...]` per text instead, without the text. To give
that answer its `sequence` back, the spec's `finish` hook pairs each answer with the text sent
(and refuses an answer whose count differs from the texts').

The seed's `inputs` is one text or a list. The client takes both; the tool takes one text per
call (`ZeroShotClassificationToolArgs`), because strict tool schemas allow no such union.
"""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import BaseModel, Field, field_validator

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import (
    BuildContext,
    Input,
    Parameters,
    ReturnValue,
    TaskSpec,
    json_request,
    parse_as,
)


class ZeroShotClassificationParameters(Parameters):
    candidate_labels: list[str] = Field(
        min_length=1,
        description="The labels to score the text against, e.g. ['refund', 'legal', 'faq'].",
    )
    multi_label: bool | None = Field(
        default=None,
        description="True when several labels can fit at once; null when exactly one fits.",
    )
    hypothesis_template: str | None = Field(
        default=None,
        description="The sentence each label is put into, with '{}' where the label goes, e.g. "
        "'This text is about {}.'. Null: 'This example is {}.'.",
    )

    @field_validator("hypothesis_template")
    @classmethod
    def _has_placeholder(cls, template: str | None) -> str | None:
        if template is not None and "{}" not in template:
            raise ValueError("hypothesis_template needs '{}' where the label goes")
        return template


class ZeroShotClassificationArgs(Input):
    """The seed's Args: one text, or a list of texts classified in one request."""

    inputs: str | list[str] = Field(
        description="The text to classify, or a list of texts, e.g. 'Hi, I recently bought a "
        "device from your company but it is not working as advertised'."
    )
    parameters: ZeroShotClassificationParameters = Field(
        description="The labels to choose from, and optional settings."
    )


class ZeroShotClassificationToolArgs(ZeroShotClassificationArgs):
    """The tool's Args: one text per call."""

    inputs: str = Field(
        description="The text to classify, e.g. 'My phone broke, I want a refund.'."
    )


class ZeroShotClassificationReturnValue(ReturnValue):
    sequence: str = Field(description="The text that was classified.")
    labels: list[str] = Field(description="The candidate labels, best first.")
    scores: list[float] = Field(description="Each label's score, from 0 to 1, in the same order.")


class _LabelScore(BaseModel):
    label: str
    score: float


def _parse(response: ApiResponse) -> list[ZeroShotClassificationReturnValue]:
    data = response.json()
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ValueError(f"expected a JSON list or object, got {type(data).__name__}")
    if all(isinstance(item, dict) and "labels" in item for item in data):
        return parse_as(list[ZeroShotClassificationReturnValue], data)
    groups: list[Any] = data if data and isinstance(data[0], list) else [data]
    results = []
    for group in groups:
        pairs: list[_LabelScore] = parse_as(list[_LabelScore], group)
        # The newer [{label, score}] answer drops the text; `_finish` puts it back.
        results.append(
            ZeroShotClassificationReturnValue(
                sequence="", labels=[p.label for p in pairs], scores=[p.score for p in pairs]
            )
        )
    return results


def _finish(
    results: list[ZeroShotClassificationReturnValue],
    args: ZeroShotClassificationArgs,
    ctx: BuildContext,
) -> list[ZeroShotClassificationReturnValue]:
    texts = [args.inputs] if isinstance(args.inputs, str) else list(args.inputs)
    if len(results) != len(texts):
        raise ValueError(f"{len(results)} answers for {len(texts)} texts")
    return [
        r if r.sequence else r.model_copy(update={"sequence": text})
        for r, text in zip(results, texts, strict=True)
    ]


ZERO_SHOT_CLASSIFICATION = TaskSpec(
    name="zero_shot_classification",
    hf_task="zero-shot-classification",
    default_model="facebook/bart-large-mnli",
    seed_name="zeroShotClassification",
    input_model=ZeroShotClassificationArgs,
    description=(
        "Classify a text into labels you choose (candidate_labels), with no training. Returns a "
        "JSON list with one {sequence, labels, scores}: the labels best first, each with its "
        "score."
    ),
    build=lambda args, ctx: json_request(args.inputs, args.parameters),
    parse=_parse,
    finish=_finish,
)


class ZeroShotClassificationTool(HfInferenceTool):
    """Classify a text into labels chosen at call time, with no training.

    The tool takes one text per call (the client's `zero_shot_classification` also takes lists).

    Instantiate:
        ```python
        from hf_inference_tools import ZeroShotClassificationTool

        tool = ZeroShotClassificationTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "I want my money back!",
                     "parameters": {"candidate_labels": ["refund", "faq", "legal"]}})
        # '[{"sequence":"I want my money back!","labels":["refund","faq","legal"],...}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = ZERO_SHOT_CLASSIFICATION
    name: str = ZERO_SHOT_CLASSIFICATION.name
    description: str = ZERO_SHOT_CLASSIFICATION.description
    args_schema: ArgsSchema | None = ZeroShotClassificationToolArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("candidate_labels", "multi_label")
