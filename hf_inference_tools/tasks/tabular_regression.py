"""tabular-regression: a number predicted for each row of a table (scikit-learn style models)."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import ConfigDict, Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, TaskSpec, json_request, parse_as
from ._tables import TableRows, rows_to_columns


class TabularRegressionInputs(Input):
    # The API's own column map often comes from code (a DataFrame's columns): numbers as
    # numbers. The model reads every cell as text either way.
    model_config = ConfigDict(coerce_numbers_to_str=True)

    data: TableRows = Field(
        description=(
            "Rows of strings: the column names (the model's features), then one row per "
            "record, e.g. [['Species', 'Length1'], ['Bream', '23.2']]."
        )
    )


class TabularRegressionArgs(Input):
    inputs: TabularRegressionInputs = Field(description="The records to predict a value for.")


def _parse(response: ApiResponse) -> list[float]:
    return parse_as(list[float], response)


TABULAR_REGRESSION = TaskSpec(
    name="tabular_regression",
    hf_task="tabular-regression",
    default_model="scikit-learn/Fish-Weight",
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


class TabularRegressionTool(HfInferenceTool):
    """Predict a number for each row of a table (the first row names the columns).

    Instantiate:
        ```python
        from hf_inference_tools import TabularRegressionTool

        tool = TabularRegressionTool(model="scikit-learn/Fish-Weight")
        ```

    Invoke:
        ```python
        header = ["Species", "Length1", "Length2", "Length3", "Height", "Width"]
        fish = ["Bream", "23.2", "25.4", "30", "11.52", "4.02"]
        tool.invoke({"inputs": {"data": [header, fish]}})
        # '[270.5473526976245]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TABULAR_REGRESSION
    name: str = TABULAR_REGRESSION.name
    description: str = TABULAR_REGRESSION.description
    args_schema: ArgsSchema | None = TabularRegressionArgs
