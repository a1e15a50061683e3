"""How a task is defined once: its Args schema, Return type, request builder and response parser.

A `TaskSpec` is plain data plus two pure functions. `build` turns validated arguments into an
`ApiRequest`; `parse` turns an `ApiResponse` into the seed's Return shape. The client method pair
and the tool class are both thin declarations over a spec, so nothing about a task is written twice.
"""

import base64
import functools
import json
from collections.abc import Callable, Mapping
from typing import (
    Annotated,
    Any,
    Generic,
    Literal,
    NamedTuple,
    TypeVar,
    cast,
    get_args,
    get_origin,
)

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from .._http.transport import ApiRequest, ApiResponse
from .._media import Media, MediaKind
from ..errors import HfInferenceError

__all__ = [
    "BuildContext",
    "ClassificationParameters",
    "ContentContext",
    "Input",
    "Parameters",
    "ReturnValue",
    "TaskSpec",
    "UnionShape",
    "binary_request",
    "drop_none",
    "is_json",
    "json_error",
    "json_request",
    "parse_as",
    "single",
]

InputT = TypeVar("InputT", bound=BaseModel)
ResultT = TypeVar("ResultT")
T = TypeVar("T")


class Input(BaseModel):
    """Base of every task's Args (minus `model`): strict, so a misspelt field is an error."""

    # defer_build (here and on the other bases): a model's validator is built when it is first
    # used, not at import, where building those of every task would cost ~60 ms.
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Parameters(BaseModel):
    """Base of every task's `parameters` object."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class ClassificationParameters(Parameters):
    """The parameters every classifier takes (text, image and audio classification)."""

    top_k: int | None = Field(
        default=None,
        ge=1,
        description="How many labels to return, best first, e.g. 3. Null: the model's default.",
    )
    function_to_apply: Literal["sigmoid", "softmax", "none"] | None = Field(
        default=None,
        description=(
            "How scores are normalised: 'softmax', 'sigmoid' or 'none'. Null: the model's default."
        ),
    )


class ReturnValue(BaseModel):
    """Base of the Return types: fields the server adds beyond the seed's are kept, not lost."""

    model_config = ConfigDict(extra="allow", defer_build=True)


class BuildContext(NamedTuple):
    """What a request builder may know besides the arguments."""

    model: str
    media: Media | None = None
    completions_api: bool = False


class ContentContext(NamedTuple):
    """What a content renderer may do besides reading the result: save media, get its path back."""

    save: Callable[[bytes, str, str], str | None]
    """`save(data, mime_type, stem)`: the display path when an output folder is set, else None."""


class TaskSpec(NamedTuple, Generic[InputT, ResultT]):
    """One inference task, defined once (built with keywords; a record, like the contexts above).

    Attributes:
        name: The client method and the LLM-facing tool name (`text_classification`).
        hf_task: The Hugging Face task id (`text-classification`).
        default_model: The model used when neither the call nor the client names one: one that
            the serverless HF Inference API served when last checked (README, "Tasks").
        seed_name: The seed client's method name (`textClassification`), used in artifacts.
        input_model: The Args schema minus `model`; also the tool's input schema.
        description: What the tool does, written for the LLM.
        build: Arguments (and media, model) to the request.
        parse: The 2xx response to the Return value.
        media_input: The kind of media `data` must be, for tasks that take media.
        media_output: The kind of media the task returns as bytes, if any.
        to_content: For results too big for an LLM's context: the plain-JSON result to what the
            LLM reads instead (a preview, a saved path). None: the result itself.
        finish: The parsed result, the call's Args and build context to the Return, for what the
            response alone does not tell (the conversation so far, settings that were not
            sent). None: the parsed result as it is.
        explain: A sentence to add to an error the API raised for this call, when the task
            knows what the caller should change (e.g. a client setting). None: no addition.
        saves_media: Whether `to_content` may save media through `ContentContext.save`
            (masks, separated audio), so a tool with an output folder writes files.
    """

    name: str
    hf_task: str
    default_model: str
    seed_name: str
    input_model: type[InputT]
    description: str
    build: Callable[[InputT, BuildContext], ApiRequest]
    parse: Callable[[ApiResponse], ResultT]
    media_input: MediaKind | None = None
    media_output: MediaKind | None = None
    to_content: Callable[[Any, ContentContext], Any] | None = None
    finish: Callable[[ResultT, InputT, BuildContext], ResultT] | None = None
    explain: Callable[[HfInferenceError, InputT, BuildContext], str | None] | None = None
    saves_media: bool = False

    @property
    def writes_files(self) -> bool:
        """Whether a call may write files, given an output folder (MCP's `readOnlyHint`)."""
        return self.media_output is not None or self.saves_media


def drop_none(value: Any) -> Any:
    """`value` with every `None` removed from its dicts, recursively (the wire never wants null)."""
    if type(value) in _SCALARS:  # most inputs: a quick exit before the ABC check below
        return value
    if isinstance(value, Mapping):
        return {k: drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [drop_none(v) for v in value]
    return value


_SCALARS = frozenset({str, int, float, bool, bytes})


def _params(parameters: BaseModel | None, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    dumped = parameters.model_dump(exclude_none=True) if parameters is not None else {}
    return drop_none({**dumped, **(extra or {})})  # type: ignore[no-any-return]


def json_request(
    inputs: Any,
    parameters: BaseModel | None = None,
    *,
    extra_parameters: Mapping[str, Any] | None = None,
    accept: str | None = None,
) -> ApiRequest:
    """`{"inputs": ..., "parameters": {...}}`, with `parameters` left out when empty."""
    body: dict[str, Any] = {"inputs": drop_none(inputs)}
    if params := _params(parameters, extra_parameters):
        body["parameters"] = params
    return ApiRequest(json=body, accept=accept)


def binary_request(media: Media | None, parameters: BaseModel | None = None) -> ApiRequest:
    """Raw bytes with their sniffed type; JSON with base64 `inputs` once any parameter is set."""
    if media is None:
        raise ValueError("This task needs media `data`.")
    if params := _params(parameters):
        encoded = base64.b64encode(media.data).decode("ascii")
        return ApiRequest(json={"inputs": encoded, "parameters": params})
    return ApiRequest(content=media.data, content_type=media.mime_type)


class UnionShape(Generic[T]):
    """A union an answer may take (`list[list[Label]] | list[Label]`), for `parse_as`.

    Its members are tried in order and the first that fits wins, so list the shape servers send
    most first, and no member may accept what a later one is for. (pydantic's default "smart"
    mode tries every member to pick the best fit: ~7 us more per call on a two-member union, on
    every answer.) The validator is built on the first answer, not at import: building one costs
    ~1 ms, a toolkit's start would pay it for every task.
    """

    __slots__ = ("_adapter", "_shape")

    def __init__(self, shape: Any) -> None:
        self._shape = shape
        self._adapter: TypeAdapter[T] | None = None

    def adapter(self) -> TypeAdapter[T]:
        # Two threads may both build it on the first answers; either result is the same.
        if self._adapter is None:
            # Annotated through Any: mypy takes no run-time value as a type argument.
            ordered = cast(Any, Annotated)[self._shape, Field(union_mode="left_to_right")]
            self._adapter = _built(TypeAdapter(ordered), self._shape)
        return self._adapter


def parse_as(shape: type[T] | UnionShape[T], response: ApiResponse | Any) -> T:
    """Validate JSON (or a response's JSON body) as `shape`; ValueError when it differs.

    `shape` is a type (`list[Model]`, a model) or, for a shape that is no class (a union), a
    `UnionShape` of it. Validators of types are built once per type (a bounded cache).
    """
    if isinstance(shape, UnionShape):
        adapter = shape.adapter()
    else:
        try:
            adapter = _adapter(shape)
        except TypeError:  # an unhashable shape (Annotated with a dict, say) cannot be cached
            adapter = _built(TypeAdapter(shape), shape)
    if isinstance(response, ApiResponse):
        # Parsed and validated in one pass by pydantic-core: no Python objects for the raw JSON.
        return adapter.validate_json(response.content)
    return adapter.validate_python(response)


def _adapter(shape: type[T]) -> TypeAdapter[T]:
    key: Any = shape  # hashed by the cache: a type's hash is its identity, an alias's its args
    adapter: TypeAdapter[T] = _cached_adapter(key)
    return adapter


@functools.lru_cache(maxsize=256)
def _cached_adapter(shape: Any) -> TypeAdapter[Any]:
    # Building an adapter costs ~40x validating a typical answer; shapes are few and fixed.
    return _built(TypeAdapter(shape), shape)


def _built(adapter: TypeAdapter[T], shape: Any) -> TypeAdapter[T]:
    """`adapter`, with the deferred models it returns built (each model class its own schema).

    Before pydantic 2.14 an adapter validating a `defer_build` model left that model's own
    serializer a placeholder, and `to_jsonable_python` of its instances (the tools' artifacts)
    raised TypeError. Done once per shape; later pydantic versions find the models built.
    """
    pending = [shape]
    while pending:
        tp = pending.pop()
        if get_origin(tp) is None and isinstance(tp, type) and issubclass(tp, BaseModel):
            if not tp.__pydantic_complete__:
                tp.model_rebuild()
            continue  # a built model serializes the models inside it itself
        pending.extend(arg for arg in get_args(tp) if not isinstance(arg, str | int | float))
    return adapter


def is_json(response: ApiResponse) -> bool:
    """Whether the response body is JSON (by header, or by its first byte when unlabelled)."""
    if "json" in response.content_type:
        return True
    head = response.content.lstrip()[:1]
    return not response.content_type and head in (b"{", b"[")


def json_error(response: ApiResponse) -> str | None:
    """The `error` text of a 2xx JSON body that reports a failure anyway (the seed threw on it)."""
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    if isinstance(body, dict) and body.get("error"):
        error = body["error"]
        return "; ".join(map(str, error)) if isinstance(error, list) else str(error)
    return None


def single(value: Any) -> Any:
    """Unwrap the one-element lists some tasks answer with (`[{...}]` -> `{...}`)."""
    if isinstance(value, list) and len(value) == 1:
        return value[0]
    return value
