"""tabular-classification: a class for each row of a table (scikit-learn style models)."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import ConfigDict, Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, TaskSpec, json_request, parse_as
from ._tables import TableRows, rows_to_columns


class TabularClassificationInputs(Input):
    # The API's own column map often comes from code (a DataFrame's columns): numbers as
    # numbers. The model reads every cell as text either way.
    model_config = ConfigDict(coerce_numbers_to_str=True)

    data: TableRows = Field(
        description=(
            "Rows of strings: the column names (the model's features), then one row per "
            "record, e.g. [['alcohol', 'pH'], ['9.4', '3.5']]."
        )
    )


class TabularClassificationArgs(Input):
    inputs: TabularClassificationInputs = Field(description="The records to classify.")


def _parse(response: ApiResponse) -> list[int | float | str]:
    return parse_as(list[int | float | str], response)


TABULAR_CLASSIFICATION = TaskSpec(
    name="tabular_classification",
    hf_task="tabular-classification",
    default_model="julien-c/wine-quality",
    seed_name="tabularClassification",
    input_model=TabularClassificationArgs,
    description=(
        "Classify each row of a table with a tabular model (scikit-learn style) whose features are "
        "the columns. Returns a JSON list with one predicted class per data row, in order."
    ),
    build=lambda args, ctx: json_request({"data": rows_to_columns(args.inputs.data)}),
    parse=_parse,
)


class TabularClassificationTool(HfInferenceTool):
    """Classify the rows of a table (the first row names the columns).

    Instantiate:
        ```python
        from hf_inference_tools import TabularClassificationTool

        tool = TabularClassificationTool(model="julien-c/wine-quality")
        ```

    Invoke:
        ```python
        header = ["fixed_acidity", "volatile_acidity", "citric_acid", "residual_sugar",
                  "chlorides", "free_sulfur_dioxide", "total_sulfur_dioxide", "density",
                  "pH", "sulphates", "alcohol"]
        wine = ["7.4", "0.7", "0", "1.9", "0.076", "11", "34", "0.9978", "3.51", "0.56", "9.4"]
        tool.invoke({"inputs": {"data": [header, wine]}})
        # '[5]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TABULAR_CLASSIFICATION
    name: str = TABULAR_CLASSIFICATION.name
    description: str = TABULAR_CLASSIFICATION.description
    args_schema: ArgsSchema | None = TabularClassificationArgs
