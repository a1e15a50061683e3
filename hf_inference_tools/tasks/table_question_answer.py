"""table-question-answering: the answer to a question about a table (seed `tableQuestionAnswer`).

The seed's table is a column map, `{"Repository": ["Transformers", ...], "Stars": [...]}`, which
is also what the server reads. Strict tool schemas allow no free-form maps, so `table` here is a
list of rows, the first row being the column names; a column map given instead (by client code)
is turned into rows before validation, and `build` turns the rows back into the map.
"""

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from langchain_core.tools import ArgsSchema
from pydantic import ConfigDict, Field, field_validator

from .._http.transport import ApiRequest, ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import (
    BuildContext,
    Input,
    Parameters,
    ReturnValue,
    TaskSpec,
    json_request,
    parse_as,
    single,
)
from ._tables import TableRows, columns_to_rows, rows_to_columns


class TableQuestionAnswerInputs(Input):
    # LLMs write numeric cells as numbers; the table is text either way.
    model_config = ConfigDict(coerce_numbers_to_str=True)

    query: str = Field(
        description="The question about the table, e.g. 'How many stars has Transformers?'."
    )
    table: TableRows = Field(
        description="The table as rows of string cells, the first row being the column names, "
        "e.g. [['Repository', 'Stars'], ['Transformers', '36542']]."
    )

    @field_validator("table", mode="before")
    @classmethod
    def _columns_to_rows(cls, table: Any) -> Any:
        return columns_to_rows(table) if isinstance(table, Mapping) else table


class TableQuestionAnswerParameters(Parameters):
    truncation: bool | None = Field(
        default=None,
        description="True to cut a table too large for the model instead of failing. Null: "
        "not cut.",
    )
    padding: Literal["do_not_pad", "longest", "max_length"] | None = Field(
        default=None,
        description="How the model's input is padded, e.g. 'max_length'. Null: the default "
        "(no padding).",
    )
    sequential: bool | None = Field(
        default=None,
        description="True for conversational table models (e.g. SQA models), which must read "
        "queries in order. Null: batched, the default.",
    )


class TableQuestionAnswerArgs(Input):
    inputs: TableQuestionAnswerInputs = Field(description="The question and the table.")
    parameters: TableQuestionAnswerParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class TableQuestionAnswerReturnValue(ReturnValue):
    answer: str = Field(
        description="The answer in words, with the aggregation when there is one, e.g. "
        "'AVERAGE > 36542'."
    )
    coordinates: list[list[int]] = Field(
        default_factory=list,
        description="The [row, column] of each cell the answer uses, counting from 0 and not "
        "counting the column names.",
    )
    cells: list[str] = Field(default_factory=list, description="The contents of those cells.")
    aggregator: str = Field(
        default="NONE",
        description="How the cells were combined: 'SUM', 'AVERAGE', 'COUNT', or 'NONE' when "
        "they are the answer as they are (also for models that never combine cells).",
    )


def _build(args: TableQuestionAnswerArgs, ctx: BuildContext) -> ApiRequest:
    inputs = {"query": args.inputs.query, "table": rows_to_columns(args.inputs.table)}
    return json_request(inputs, args.parameters)


def _parse(response: ApiResponse) -> TableQuestionAnswerReturnValue:
    return parse_as(TableQuestionAnswerReturnValue, single(response.json()))


TABLE_QUESTION_ANSWER = TaskSpec(
    name="table_question_answer",
    hf_task="table-question-answering",
    default_model="google/tapas-base-finetuned-wtq",
    seed_name="tableQuestionAnswer",
    input_model=TableQuestionAnswerArgs,
    description=(
        "Answer a question about a table (a TAPAS model: it can pick cells and sum, average or "
        "count them). Returns JSON {answer, coordinates, cells, aggregator}."
    ),
    build=_build,
    parse=_parse,
)


class TableQuestionAnswerTool(HfInferenceTool):
    """Answer a question about a table; the LLM gives the table as rows, column names first.

    Instantiate:
        ```python
        from hf_inference_tools import TableQuestionAnswerTool

        tool = TableQuestionAnswerTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": {
            "query": "How many stars does the transformers repository have?",
            "table": [["Repository", "Stars"], ["Transformers", "36542"], ["Datasets", "4512"]],
        }})
        # '{"answer":"AVERAGE > 36542","coordinates":[[0,1]],"cells":["36542"],...}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TABLE_QUESTION_ANSWER
    name: str = TABLE_QUESTION_ANSWER.name
    description: str = TABLE_QUESTION_ANSWER.description
    args_schema: ArgsSchema | None = TableQuestionAnswerArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
