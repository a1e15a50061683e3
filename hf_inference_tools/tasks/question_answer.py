"""question-answering: the span of a context that answers a question (seed `questionAnswer`).

The server answers with one object, or with a list when `top_k` > 1 found several answers (the
transformers pipeline returns a single answer bare). The Return follows it: the seed's object,
or a list of them, best first.
"""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, Parameters, ReturnValue, TaskSpec, json_request, parse_as, single


class QuestionAnswerInputs(Input):
    question: str = Field(description="The question, e.g. 'What is the capital of France?'.")
    context: str = Field(
        description="The text that holds the answer, e.g. 'Paris is the capital of France.'."
    )


class QuestionAnswerParameters(Parameters):
    top_k: int | None = Field(
        default=None,
        ge=1,
        description="How many answers to return, best first, e.g. 3; more than 1 gives a list. "
        "Null: the best answer only.",
    )
    handle_impossible_answer: bool | None = Field(
        default=None,
        description="True to allow an empty answer when the context does not answer the "
        "question. Null: always pick a span.",
    )
    max_answer_len: int | None = Field(
        default=None,
        ge=1,
        description="The longest answer, in tokens, e.g. 30. Null: the model's default (15).",
    )


class QuestionAnswerArgs(Input):
    inputs: QuestionAnswerInputs = Field(
        description="The question and the text to find its answer in."
    )
    parameters: QuestionAnswerParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class QuestionAnswerReturnValue(ReturnValue):
    answer: str = Field(description="The answer, as it appears in the context.")
    score: float = Field(description="How likely the answer is correct, from 0 to 1.")
    start: int = Field(description="Where the answer starts in the context (a character index).")
    end: int = Field(description="Where the answer ends in the context (a character index).")


def _parse(
    response: ApiResponse,
) -> QuestionAnswerReturnValue | list[QuestionAnswerReturnValue]:
    data = single(response.json())
    if isinstance(data, list):
        return parse_as(list[QuestionAnswerReturnValue], data)
    return QuestionAnswerReturnValue.model_validate(data)


QUESTION_ANSWER = TaskSpec(
    name="question_answer",
    hf_task="question-answering",
    default_model="deepset/roberta-base-squad2",
    seed_name="questionAnswer",
    input_model=QuestionAnswerArgs,
    description=(
        "Find the answer to a question in a given text (the answer is copied from the text). "
        "Returns JSON {answer, score, start, end}."
    ),
    build=lambda args, ctx: json_request(args.inputs.model_dump(), args.parameters),
    parse=_parse,
)


class QuestionAnswerTool(HfInferenceTool):
    """Answer a question from a given text with an extractive question-answering model.

    Instantiate:
        ```python
        from hf_inference_tools import QuestionAnswerTool

        tool = QuestionAnswerTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": {"question": "What is the capital of France?",
                                "context": "The capital of France is Paris."}})
        # '{"answer":"Paris","score":0.97,"start":25,"end":30}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = QUESTION_ANSWER
    name: str = QUESTION_ANSWER.name
    description: str = QUESTION_ANSWER.description
    args_schema: ArgsSchema | None = QuestionAnswerArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
