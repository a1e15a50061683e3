"""tabular-classification: a class for each row of a table (scikit-learn style models)."""

from __future__ import annotations

from pydantic import Field

from .._http.transport import ApiResponse
from ._spec import Input, TaskSpec, json_request, parse_as
from ._tables import TableRows, rows_to_columns


class TabularClassificationInputs(Input):
    data: TableRows = Field(
        description=(
            "The table as rows: the first row names the columns (the model's feature names), "
            "each next row is one record to classify, every value a string, e.g. "
            "[['fixed_acidity', 'alcohol', 'pH'], ['7.4', '9.4', '3.51'], ['10.3', '12.6', "
            "'3.23']]."
        )
    )


class TabularClassificationArgs(Input):
    inputs: TabularClassificationInputs = Field(description="The records to classify.")


def _parse(response: ApiResponse) -> list[int | float | str]:
    return parse_as(list[int | float | str], response)


TABULAR_CLASSIFICATION = TaskSpec(
    name="tabular_classification",
    hf_task="tabular-classification",
    seed_name="tabularClassification",
    input_model=TabularClassificationArgs,
    description=(
        "Classify each row of a table with a Hugging Face tabular model (scikit-learn style). "
        "The columns must be the features the model was trained on. Returns a JSON list with "
        "one predicted class per data row, in order (numbers for numeric classes, e.g. [5, 5, 7])."
    ),
    build=lambda args, ctx: json_request({"data": rows_to_columns(args.inputs.data)}),
    parse=_parse,
)
