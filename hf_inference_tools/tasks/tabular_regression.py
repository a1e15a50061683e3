"""tabular-regression: a number predicted for each row of a table (scikit-learn style models)."""

from __future__ import annotations

from pydantic import Field

from .._http.transport import ApiResponse
from ._spec import Input, TaskSpec, json_request, parse_as
from ._tables import TableRows, rows_to_columns


class TabularRegressionInputs(Input):
    data: TableRows = Field(
        description=(
            "The table as rows: the first row names the columns (the model's feature names), "
            "each next row is one record to predict for, every value a string, e.g. "
            "[['Species', 'Length1', 'Height'], ['Bream', '23.2', '11.52'], ['Bream', '24', "
            "'12.48']]."
        )
    )


class TabularRegressionArgs(Input):
    inputs: TabularRegressionInputs = Field(description="The records to predict a value for.")


def _parse(response: ApiResponse) -> list[float]:
    return parse_as(list[float], response)


TABULAR_REGRESSION = TaskSpec(
    name="tabular_regression",
    hf_task="tabular-regression",
    seed_name="tabularRegression",
    input_model=TabularRegressionArgs,
    description=(
        "Predict a number for each row of a table with a Hugging Face tabular regression model "
        "(scikit-learn style). The columns must be the features the model was trained on. "
        "Returns a JSON list with one predicted value per data row, in order."
    ),
    build=lambda args, ctx: json_request({"data": rows_to_columns(args.inputs.data)}),
    parse=_parse,
)
