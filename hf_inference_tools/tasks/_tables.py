"""Tables as an LLM gives them (rows, the first naming the columns) and as the API reads them.

A strict tool schema cannot hold a free-form `{column: [values]}` map, so tools take a list of
rows instead; `rows_to_columns` turns it into the column map the API expects, and refuses a table
it could only turn into something the model would misread. Client code may pass the API's column
map itself: `TableRows` turns it into rows before it is checked (the schema still says rows).
"""

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator

__all__ = ["TableRows", "columns_to_rows", "rows_to_columns"]


def columns_to_rows(columns: Mapping[str, Any]) -> list[list[Any]]:
    """The seed's `{column: [cells]}` table as rows, the first row being the column names."""
    if not all(isinstance(cells, list | tuple) for cells in columns.values()):
        raise ValueError("each column of a {column: cells} table must be a list of cells")
    lengths = {name: len(cells) for name, cells in columns.items()}
    if len(set(lengths.values())) > 1:
        counts = ", ".join(f"{name!r} has {n}" for name, n in lengths.items())
        raise ValueError(f"every column needs the same number of cells ({counts})")
    return [list(columns), *(list(row) for row in zip(*columns.values(), strict=True))]


def rows_to_columns(rows: list[list[str]]) -> dict[str, list[str]]:
    """`[["a", "b"], ["1", "2"], ["3", "4"]]` -> `{"a": ["1", "3"], "b": ["2", "4"]}`.

    Raises:
        ValueError: With no header or no data row, rows of unequal length, or column names that
            are empty or repeated (the map would silently drop a column).
    """
    if len(rows) < 2:
        raise ValueError(
            "a table needs a header row of column names and at least one data row, "
            "e.g. [['Repository', 'Stars'], ['Transformers', '36542']]"
        )
    header, *records = rows
    if not header:
        raise ValueError("the header row (the first row) names no column")
    if any(not name.strip() for name in header):
        raise ValueError(f"every column needs a non-empty name; the header row is {header!r}")
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise ValueError(f"column names must be unique; repeated: {', '.join(repeated)}")
    for number, record in enumerate(records, start=2):
        if len(record) != len(header):
            raise ValueError(
                f"row {number} has {len(record)} values but the header names "
                f"{len(header)} columns; give every row one value per column"
            )
    return {name: [record[i] for record in records] for i, name in enumerate(header)}


def _check_rows(rows: list[list[str]]) -> list[list[str]]:
    rows_to_columns(rows)
    return rows


def _columns_as_rows(table: Any) -> Any:
    return columns_to_rows(table) if isinstance(table, Mapping) else table


TableRows = Annotated[
    list[list[str]], BeforeValidator(_columns_as_rows), AfterValidator(_check_rows)
]
"""A table as rows, header first, or as the API's `{column: [cells]}` map (turned into rows); a
malformed one fails validation with the reason why."""
