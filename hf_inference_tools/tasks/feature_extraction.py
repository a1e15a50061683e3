"""feature-extraction: embeddings (vectors of floats) for a text or a list of texts."""

from typing import Annotated, Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field, StrictFloat

from .._http.transport import ApiRequest, ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import (
    BuildContext,
    ContentContext,
    Input,
    Parameters,
    TaskSpec,
    UnionShape,
    drop_none,
    parse_as,
)

PREVIEW_LENGTH = 8
"""How many leading numbers of the embeddings the LLM sees; the artifact keeps them all."""

# The nesting depends on the model and the input: sentence-transformers pool to one vector per
# text ([f, ...], or [[f, ...], ...] for a list); raw transformers give one vector per token
# ([[[f, ...], ...]], one level more for a list). Floats are strict: "1.0" or true is not a number.
FeatureExtractionReturn = (
    list[StrictFloat]
    | list[list[StrictFloat]]
    | list[list[list[StrictFloat]]]
    | list[list[list[list[StrictFloat]]]]
)
"""Nested lists of floats, as the model gives them (the seed's `(number | number[])[]`)."""


class FeatureExtractionParameters(Parameters):
    normalize: bool | None = Field(
        default=None,
        description=(
            "Whether to scale each vector to length 1, as cosine similarity wants, e.g. true. "
            "Null: the model's default."
        ),
    )
    truncate: bool | None = Field(
        default=None,
        description=(
            "Whether to cut a text longer than the model's limit instead of failing, e.g. true. "
            "Null: the model's default."
        ),
    )
    prompt_name: str | None = Field(
        default=None,
        description=(
            "The name of a prompt the model defines, put before the text, e.g. 'query' for a "
            "search query. Null: none."
        ),
    )


class FeatureExtractionArgs(Input):
    """The client's arguments: one text, or several at once."""

    inputs: str | Annotated[list[str], Field(min_length=1)] = Field(
        description="The text to embed, e.g. 'Today is a sunny day', or a list of texts."
    )
    parameters: FeatureExtractionParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class FeatureExtractionToolArgs(FeatureExtractionArgs):
    """The tool's arguments: one text (a strict tool schema allows no `str | list` union)."""

    inputs: str = Field(description="The text to embed, e.g. 'Today is a sunny day'.")


def _build(args: FeatureExtractionArgs, ctx: BuildContext) -> ApiRequest:
    # Unlike every other task, the options sit at the root of the body (the TEI-style spec).
    params = args.parameters.model_dump(exclude_none=True) if args.parameters else {}
    return ApiRequest(route="feature-extraction", json=drop_none({"inputs": args.inputs, **params}))


_RETURN: UnionShape[FeatureExtractionReturn] = UnionShape(FeatureExtractionReturn)


def _parse(response: ApiResponse) -> FeatureExtractionReturn:
    embeddings: FeatureExtractionReturn = parse_as(_RETURN, response)
    if not embeddings:
        raise ValueError("expected embeddings, got an empty list")
    return embeddings


def _shape(value: Any) -> list[int | None]:
    """The length at each nesting level; None where the lengths differ (ragged token lists)."""
    if not isinstance(value, list):
        return []
    inner = [_shape(v) for v in value]
    first = inner[0] if inner else []
    same = [
        first[i] if all(len(s) == len(first) and s[i] == first[i] for s in inner) else None
        for i in range(len(first))
    ]
    return [len(value), *same]


def _numbers(value: Any) -> list[float]:
    if not isinstance(value, list):
        return [value]
    found: list[float] = []
    for item in value:
        found.extend(_numbers(item))
        if len(found) >= PREVIEW_LENGTH:
            break
    return found[:PREVIEW_LENGTH]


def _to_content(result: Any, ctx: ContentContext) -> dict[str, Any]:
    return {
        "shape": _shape(result),
        "preview": [round(n, 4) for n in _numbers(result)],
        "note": "The first numbers only; the full vectors are in the artifact.",
    }


FEATURE_EXTRACTION = TaskSpec(
    name="feature_extraction",
    hf_task="feature-extraction",
    default_model="sentence-transformers/all-MiniLM-L6-v2",
    seed_name="featureExtraction",
    input_model=FeatureExtractionArgs,
    description=(
        "Embed a text as a vector of numbers, for semantic search or similarity. Returns JSON "
        "{shape, preview}: the vector's shape and first numbers; the application gets the full "
        "vectors."
    ),
    build=_build,
    parse=_parse,
    to_content=_to_content,
)


class FeatureExtractionTool(HfInferenceTool):
    """Embed a text with a Hugging Face embedding model.

    The LLM reads the shape and the first few numbers; the full vectors go to the artifact
    (`msg.artifact["result"]`), for the application to store or compare.

    Instantiate:
        ```python
        from hf_inference_tools import FeatureExtractionTool

        tool = FeatureExtractionTool(model="sentence-transformers/all-MiniLM-L6-v2")
        ```

    Invoke:
        ```python
        msg = tool.invoke({"type": "tool_call", "id": "1", "name": "feature_extraction",
                           "args": {"inputs": "Today is a sunny day"}})
        msg.content             # '{"shape":[384],"preview":[...8 numbers...],"note":"..."}'
        msg.artifact["result"]  # all 384 floats
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = FEATURE_EXTRACTION
    name: str = FEATURE_EXTRACTION.name
    description: str = FEATURE_EXTRACTION.description
    args_schema: ArgsSchema | None = FeatureExtractionToolArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
