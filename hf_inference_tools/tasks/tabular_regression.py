"""tabular-regression: a number predicted for each row of a table (scikit-learn style models)."""

from pydantic import Field

from .._http.transport import ApiResponse
from ._spec import Input, TaskSpec, json_request, parse_as
from ._tables import TableRows, rows_to_columns


class TabularRegressionInputs(Input):
    data: TableRows = Field(
        description=(
            "Rows of strings: the column names (the model's features), then one row per "
            "record, e.g. [['Species', 'Length1'], ['Bream', '23.2'], ['Bream', '24']]."
        )
    )


class TabularRegressionArgs(Input):
    inputs: TabularRegressionInputs = Field(description="The records to predict a value for.")


def _parse(response: ApiResponse) -> list[float]:
    return parse_as(list[float], response)  # type: ignore[no-any-return]


TABULAR_REGRESSION = TaskSpec(
    name="tabular_regression",
    hf_task="tabular-regression",
    seed_name="tabularRegression",
    input_model=TabularRegressionArgs,
    description=(
        "Predict a number for each row of a table with a tabular regression model (scikit-learn "
        "style) whose features are the columns. Returns a JSON list with one value per data row, "
        "in order."
    ),
    build=lambda args, ctx: json_request({"data": rows_to_columns(args.inputs.data)}),
    parse=_parse,
)
