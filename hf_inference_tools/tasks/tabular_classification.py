"""tabular-classification: a class for each row of a table (scikit-learn style models)."""

from pydantic import Field

from .._http.transport import ApiResponse
from ._spec import Input, TaskSpec, json_request, parse_as
from ._tables import TableRows, rows_to_columns


class TabularClassificationInputs(Input):
    data: TableRows = Field(
        description=(
            "Rows of strings: the column names (the model's features), then one row per "
            "record, e.g. [['fixed_acidity', 'alcohol'], ['7.4', '9.4'], ['10.3', '12.6']]."
        )
    )


class TabularClassificationArgs(Input):
    inputs: TabularClassificationInputs = Field(description="The records to classify.")


def _parse(response: ApiResponse) -> list[int | float | str]:
    return parse_as(list[int | float | str], response)  # type: ignore[no-any-return]


TABULAR_CLASSIFICATION = TaskSpec(
    name="tabular_classification",
    hf_task="tabular-classification",
    seed_name="tabularClassification",
    input_model=TabularClassificationArgs,
    description=(
        "Classify each row of a table with a tabular model (scikit-learn style) whose features are "
        "the columns. Returns a JSON list with one predicted class per data row, in order."
    ),
    build=lambda args, ctx: json_request({"data": rows_to_columns(args.inputs.data)}),
    parse=_parse,
)
