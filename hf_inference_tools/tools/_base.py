"""The one base class behind every tool: validate, load media, call, render content and artifact."""

# No `from __future__ import annotations` here: LangChain reads `_run`'s type hints on every
# call (looking for a RunnableConfig parameter), and string annotations are compiled each time.

import functools
import sys
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Literal, NamedTuple, Self

import langchain_core
from langchain_core.callbacks import (
    AsyncCallbackManagerForToolRun,
    BaseCallbackManager,
    CallbackManagerForToolRun,
    adispatch_custom_event,
    dispatch_custom_event,
)
from langchain_core.runnables import RunnableConfig
from langchain_core.runnables.config import var_child_runnable_config
from langchain_core.tools import ArgsSchema, BaseTool
from langchain_core.tools.base import _is_injected_arg_type, get_all_basemodel_annotations
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import to_jsonable_python

from .._answered import answered_by
from .._media import (
    Media,
    MediaPolicy,
    aload_media,
    describe_media,
    load_media,
    save_media,
    sniff_mime,
)
from .._progress import PROGRESS_EVENT, Sink, watching
from .._versions import within
from ..client import HfInference
from ..tasks._spec import ContentContext, TaskSpec
from ..tasks._streaming import StreamSpec
from ._content import fit_json
from ._schema import data_description, llm_schema

__all__ = [
    "CONTENT_LIMIT",
    "PROGRESS_EVENT",
    "STREAM_EVENT",
    "TESTED_LANGCHAIN_CORE",
    "HfInferenceStreamingTool",
    "HfInferenceTool",
    "ToolOutput",
]

CONTENT_LIMIT = 4000
"""Characters of content an LLM reads at most; the artifact always has the whole result."""

STREAM_EVENT = "hf_inference_token"
"""The LangChain custom event a streaming tool sends per text delta, with data
`{"tool", "model", "token", "index", "run_id"}` (`on_custom_event` in `astream_events`)."""


class ToolOutput(NamedTuple):
    """What a tool run gives LangChain (`response_format="content_and_artifact"`)."""

    content: str
    """The compact JSON text the LLM reads: at most `CONTENT_LIMIT` characters, always valid
    JSON (long strings and lists are cut inside it, each cut marked `…[cut N ...]`)."""
    artifact: dict[str, Any]
    """Everything, for the application: task, model, the whole result (and media bytes)."""


def _explain_validation_error(error: ValidationError) -> str:
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'arguments'}: {e['msg']}" for e in error.errors()
    )
    return (
        f"The arguments were not valid ({problems}). Read the tool's argument descriptions "
        "and call it again with corrected arguments."
    )


@functools.cache
def _plain_schema(schema: type[BaseModel]) -> bool:
    """Whether none of the schema's fields is one LangChain injects (`InjectedToolArg`,
    `InjectedToolCallId`, ...): true of ours; a subclass may bring its own schema."""
    try:
        annotations = get_all_basemodel_annotations(schema)
    except Exception:  # a schema LangChain cannot read: leave it all to LangChain
        return False
    return not any(_is_injected_arg_type(t) for t in annotations.values()) and not (
        {"args", "kwargs"} & set(schema.model_fields)
    )


_KEPT_KEYS: dict[tuple[type, Any, frozenset[str]], frozenset[str]] = {}
_KEPT_KEYS_MAX = 1024

TESTED_LANGCHAIN_CORE = ((1, 6, 0), (1, 8, 3))
"""The first and last langchain-core releases the tools' overrides of LangChain's private
`BaseTool._parse_input` and `_filter_injected_args` were tested with (`make test-floors`, and
`make test` with the newest). On any other release the tools use LangChain's own methods."""

_VALIDATED = "hf_inference_tools_args"
"""The one keyword `_parse_input` hands `_run` on the fast path: the arguments, validated."""


def _overrides_fit() -> bool:
    return within(langchain_core.__version__, *TESTED_LANGCHAIN_CORE)


@functools.lru_cache(maxsize=256)
def _fast_path(tool: type["HfInferenceTool"], schema: type[BaseModel]) -> bool:
    """Whether `tool` may validate its arguments itself: its schema has no argument LangChain
    injects, and its runs are this module's (which read what `_parse_input` hands them)."""
    return _plain_schema(schema) and tool._run in _OWN_RUNS and tool._arun in _OWN_RUNS


class HfInferenceTool(BaseTool):
    """Base of the task tools. A subclass sets `spec`, `name`, `description` and `args_schema`.

    The model is the developer's choice (`model=`), never the LLM's. Media arguments go through
    the media policy (`media_root`, `allow_urls`, `allow_private_urls`, `max_media_bytes`);
    generated media are saved under `output_dir` when it is set.
    """

    # Built on first use, as the task models are (see tasks/_spec.py).
    model_config = ConfigDict(arbitrary_types_allowed=True, defer_build=True)

    spec: ClassVar[TaskSpec[Any, Any]]
    stream_spec: ClassVar[StreamSpec[Any, Any, Any] | None] = None
    """Set by a tool whose task streams text: it then streams, sending each text delta to
    LangChain as a `STREAM_EVENT` custom event, and still returns the whole result."""
    # Every concrete tool sets both from its spec; the empty defaults only keep type checkers
    # from demanding them at each construction.
    name: str = ""
    description: str = ""

    client: HfInference = Field(default_factory=HfInference, exclude=True)
    """The shared client; a toolkit passes one to all its tools."""
    model: str = ""
    """The model id; empty means the task's default model (or the client's endpoint)."""
    provider: str | None = None
    """The Inference Provider ("auto", "hf-inference", "fal-ai", ...); None: the client's."""
    media_root: Path | None = None
    output_dir: Path | None = None
    allow_urls: bool = True
    allow_private_urls: bool = False
    max_media_bytes: int = Field(default=25 * 2**20, gt=0)
    stream_tokens: bool = True
    """For a tool with a `stream_spec`: False makes one plain call, with no token events."""
    parameters: dict[str, Any] = Field(default_factory=dict)
    """Task settings merged into every call's `parameters` (e.g. `{"max_new_tokens": 200}`),
    checked against the task's parameters at construction. The LLM's own values win for the
    fields its schema offers (`llm_parameters`); the others are the developer's to fix here."""

    llm_parameters: ClassVar[tuple[str, ...] | None] = None
    """The `parameters` fields the LLM's schema offers (None: all of them). Settings a developer
    fixes once (generation limits, sampling knobs, model-specific switches) are left out, so
    they cost no prompt on every turn; the tool still accepts them from `parameters`."""

    response_format: Literal["content", "content_and_artifact"] = "content_and_artifact"
    handle_tool_error: Any = True
    handle_validation_error: Any = _explain_validation_error

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if cls.stream_spec is not None and not issubclass(cls, HfInferenceStreamingTool):
            raise TypeError(
                f"{cls.__name__} sets `stream_spec`: derive it from HfInferenceStreamingTool, "
                "whose runs get the run manager that token events are sent through."
            )

    @model_validator(mode="after")
    def _default_model(self) -> Self:
        if not self.name or not self.description:
            raise TypeError(f"{type(self).__name__} must set `name` and `description`.")
        if not self.model:
            self.model = self.client.model_for(self.spec, None) or ""
        self._settle()
        return self

    @classmethod
    def _assemble(cls, client: HfInference, **fields: Any) -> Self:
        """A tool from values already checked (by a toolkit, whose fields have the same types):
        what validation would build, without building this class's pydantic validator, which
        costs ~3 ms per tool class the first time and adds up over a whole toolkit."""
        tool = cls.model_construct(client=client, **fields)
        if not tool.model:
            tool.model = client.model_for(cls.spec, None) or ""
        tool._settle()
        return tool

    def _settle(self) -> None:
        """What construction does once the model is known, validated or assembled alike."""
        self.parameters = check_parameters(self.name, self.args_schema, self.parameters)
        if self.description == type(self).model_fields["description"].default:
            self.description = self._describe_model() or self.description

    def _describe_model(self) -> str | None:
        """The tool's description for its configured model, when that tells the LLM more than
        the task's own (a translation model's languages); None keeps the task's."""
        return None

    # -- what the LLM reads --------------------------------------------------------------------

    @property
    def tool_call_schema(self) -> ArgsSchema:
        """The schema the LLM is shown: compact, strict-portable, true to the media policy, and
        offering only the `llm_parameters` (see `tools/_schema.py`)."""
        schema = self.args_schema
        if not (isinstance(schema, type) and issubclass(schema, BaseModel)) or not _plain_schema(
            schema
        ):
            return super().tool_call_schema
        return llm_schema(schema, parameters=self.llm_parameters, data=self._data_description())

    def _data_description(self) -> str | None:
        kind = self.spec.media_input
        schema = self.args_schema
        if kind is None or not isinstance(schema, type) or not issubclass(schema, BaseModel):
            return None
        field = schema.model_fields.get("data")
        if field is None:
            return None
        # The model's own description names the input before its colon ("The document as an
        # image (a scan or screenshot): ..."); what follows is rewritten from the policy.
        what = (field.description or "").partition(": ")[0] or None
        return data_description(
            kind, what=what, local_files=self.media_root is not None, urls=self.allow_urls
        )

    def _parse_input(
        self, tool_input: str | dict[str, Any], tool_call_id: str | None
    ) -> str | dict[str, Any]:
        # LangChain's own re-reads the schema's annotations on every call (looking for injected
        # arguments), validates, dumps the model to a dict and picks the fields back out of it,
        # and `_call` then had to validate the values once more: ~5% of a loopback tool call.
        # On the LangChain releases this was tested with, a tool on the fast path validates
        # once, here, and hands `_run` the validated arguments. Errors are LangChain's: the same
        # `model_validate` on the same schema, raised from the same step.
        schema = self.args_schema
        if (
            isinstance(tool_input, str)
            or not isinstance(schema, type)
            or not issubclass(schema, BaseModel)
            or not _overrides_fit()
            or not _fast_path(type(self), schema)
        ):
            return super()._parse_input(tool_input, tool_call_id)
        return {_VALIDATED: schema.model_validate(tool_input)}

    def _filter_injected_args(self, tool_input: dict[str, Any]) -> dict[str, Any]:
        # LangChain calls this on every run, re-reading the args schema's annotations to find
        # injected arguments (~12 us for ours). Its answer depends only on the tool's class,
        # its schema and which keys came in, so on the releases this was tested with it is
        # worked out once per such combination.
        if not _overrides_fit():
            return super()._filter_injected_args(tool_input)
        key = (type(self), self.args_schema, frozenset(tool_input))
        try:
            kept = _KEPT_KEYS.get(key)
        except TypeError:  # an unhashable schema (a dict): nothing to cache by
            return super()._filter_injected_args(tool_input)
        if kept is None:
            if len(_KEPT_KEYS) >= _KEPT_KEYS_MAX:  # an LLM inventing keys cannot grow it forever
                _KEPT_KEYS.clear()
            kept = frozenset(super()._filter_injected_args(dict.fromkeys(tool_input)))
            _KEPT_KEYS[key] = kept
        return {k: v for k, v in tool_input.items() if k in kept}

    def _args(self, kwargs: dict[str, Any]) -> Any:
        """The task's validated Args: as `_parse_input` validated them, or validated here when
        LangChain's own `_parse_input` ran (it hands `_run` plain values)."""
        args = kwargs.get(_VALIDATED)
        if self.parameters:  # the developer's settings go under the LLM's: the merge is validated
            given = dict(args) if isinstance(args, BaseModel) else kwargs
            return self.spec.input_model.model_validate(self._with_parameters(given))
        if isinstance(args, self.spec.input_model):
            return args
        if isinstance(args, BaseModel):
            # A tool schema that is no narrowing of the task's Args (the chat tool's messages
            # are plain role and text): its validated fields become the task's input.
            return self.spec.input_model.model_validate(dict(args))
        return self.spec.input_model.model_validate(kwargs)

    @property
    def policy(self) -> MediaPolicy:
        return MediaPolicy(
            media_root=self.media_root,
            output_dir=self.output_dir,
            allow_urls=self.allow_urls,
            allow_private_urls=self.allow_private_urls,
            max_media_bytes=self.max_media_bytes,
        )

    # LangChain reads `_run`'s signature and type hints on every call: the fewer and plainer
    # they are, the less each call costs (a class as the return type costs a third of what
    # `tuple[str, dict[str, Any]]` does). Only streaming tools take a `run_manager`.

    def _run(self, **kwargs: Any) -> ToolOutput:
        return self._call(kwargs, None)

    async def _arun(self, **kwargs: Any) -> ToolOutput:
        return await self._acall(kwargs, None)

    def _with_parameters(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """The call's arguments with the tool's `parameters` under the LLM's (nulls are the
        LLM's way to leave a field unset in strict mode, so they do not override)."""
        if not self.parameters:
            return kwargs
        given = kwargs.get("parameters")
        if isinstance(given, BaseModel):
            given = given.model_dump(exclude_unset=True, exclude_none=True)
        elif isinstance(given, dict):
            given = {k: v for k, v in given.items() if v is not None}
        else:
            given = {}
        return {**kwargs, "parameters": {**self.parameters, **given}}

    def _call(
        self, kwargs: dict[str, Any], run_manager: CallbackManagerForToolRun | None
    ) -> ToolOutput:
        args = self._args(kwargs)
        media = self._load(args)
        if self.stream_spec is not None and self.stream_tokens:
            with answered_by() as report:
                result = self._run_streaming(self.stream_spec, args, media, run_manager)
            return self._render(result, report.provider)
        with answered_by() as report, watching(progress_sink):
            result = self.client.call(
                self.spec, args, model=self.model or None, media=media, provider=self.provider
            )
        return self._render(result, report.provider)

    async def _acall(
        self, kwargs: dict[str, Any], run_manager: AsyncCallbackManagerForToolRun | None
    ) -> ToolOutput:
        args = self._args(kwargs)
        media = await self._aload(args)
        if self.stream_spec is not None and self.stream_tokens:
            with answered_by() as report:
                result = await self._arun_streaming(self.stream_spec, args, media, run_manager)
            return self._render(result, report.provider)
        with answered_by() as report, watching(progress_sink):
            result = await self.client.acall(
                self.spec, args, model=self.model or None, media=media, provider=self.provider
            )
        return self._render(result, report.provider)

    def _load(self, args: Any) -> Media | None:
        if self.spec.media_input is None:
            return None
        return load_media(args.data, self.spec.media_input, self.policy)

    async def _aload(self, args: Any) -> Media | None:
        if self.spec.media_input is None:
            return None
        return await aload_media(args.data, self.spec.media_input, self.policy)

    # -- streaming: text deltas as LangChain custom events ---------------------------------

    def _run_streaming(
        self,
        spec: StreamSpec[Any, Any, Any],
        args: Any,
        media: Media | None,
        run_manager: CallbackManagerForToolRun | None,
    ) -> Any:
        tokens = _TokenEvents(self, spec, run_manager)
        with self.client.stream(
            spec, args, model=self.model or None, media=media, provider=self.provider
        ) as stream:
            for chunk in stream:
                # A server that answered whole sent no tokens: the call is as if not streamed.
                if not stream.answered_whole and (event := tokens.event(chunk)):
                    dispatch_custom_event(STREAM_EVENT, event, config=tokens.config)
            return stream.result()

    async def _arun_streaming(
        self,
        spec: StreamSpec[Any, Any, Any],
        args: Any,
        media: Media | None,
        run_manager: AsyncCallbackManagerForToolRun | None,
    ) -> Any:
        tokens = _TokenEvents(self, spec, run_manager)
        async with self.client.astream(
            spec, args, model=self.model or None, media=media, provider=self.provider
        ) as stream:
            async for chunk in stream:
                if not stream.answered_whole and (event := tokens.event(chunk)):
                    await adispatch_custom_event(STREAM_EVENT, event, config=tokens.config)
            return await stream.result()

    # -- what the LLM reads, and what the application keeps --------------------------------

    def _save(self, data: bytes, mime_type: str, stem: str) -> str | None:
        saved = save_media(data, mime_type, self.policy, stem=stem)
        return saved.display_path if saved else None

    def _render(self, result: Any, provider: str | None = None) -> ToolOutput:
        artifact: dict[str, Any] = {"task": self.spec.seed_name, "model": self.model}
        artifact["provider"] = provider
        if self.spec.media_output is not None:
            data: bytes = result
            mime_type = sniff_mime(data) or "application/octet-stream"
            saved = save_media(data, mime_type, self.policy, stem=self.spec.name)
            summary = {
                "path": saved.display_path if saved else None,
                **describe_media(data, mime_type),
            }
            artifact.update(
                result=summary,
                mime_type=mime_type,
                data=data,
                path=str(saved.path) if saved else None,
            )
            return ToolOutput(_compact(summary), artifact)
        plain = _plain(result)
        artifact["result"] = plain
        content = plain
        if self.spec.to_content is not None:
            content = self.spec.to_content(plain, ContentContext(save=self._save))
        return ToolOutput(_compact(content), artifact)


def parameters_model(args_schema: Any) -> type[BaseModel] | None:
    """The model of an Args schema's `parameters` field, or None when it has none."""
    if not isinstance(args_schema, type) or not issubclass(args_schema, BaseModel):
        return None
    field = args_schema.model_fields.get("parameters")
    if field is None:
        return None
    options = typing.get_args(field.annotation) or (field.annotation,)
    return next(
        (t for t in options if isinstance(t, type) and issubclass(t, BaseModel)),
        None,
    )


def check_parameters(tool: str, args_schema: Any, parameters: Mapping[str, Any]) -> dict[str, Any]:
    """`parameters` as a tool keeps them, once checked against the task's parameters model:
    unknown keys and wrong values raise ValueError, naming the tool and the valid keys.

    A field the model requires (zero-shot's `candidate_labels`) may be left to the LLM, and a
    rule across fields (translation's `src_lang` with `tgt_lang`) is checked again on each call,
    with the LLM's values merged in.
    """
    if not parameters:
        return {}
    model = parameters_model(args_schema)
    if model is None:
        raise ValueError(
            f"{tool} takes no parameters, but parameters={dict(parameters)!r} was given."
        )
    try:
        model.model_validate(parameters)
    except ValidationError as error:
        problems = [e for e in error.errors() if e["type"] != "missing" and e["loc"]]
        if problems:
            listed = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in problems
            )
            raise ValueError(
                f"Invalid parameters for {tool} ({listed}). Valid keys: "
                f"{', '.join(model.model_fields)}."
            ) from None
    return dict(parameters)


class HfInferenceStreamingTool(HfInferenceTool):
    """Base of the tools whose task streams text (`stream_spec` set): their runs take LangChain's
    `run_manager`, to send each text delta as a `STREAM_EVENT` custom event."""

    def _run(
        self, run_manager: CallbackManagerForToolRun | None = None, **kwargs: Any
    ) -> ToolOutput:
        return self._call(kwargs, run_manager)

    async def _arun(
        self, run_manager: AsyncCallbackManagerForToolRun | None = None, **kwargs: Any
    ) -> ToolOutput:
        return await self._acall(kwargs, run_manager)


_OWN_RUNS = frozenset(
    {
        HfInferenceTool._run,
        HfInferenceTool._arun,
        HfInferenceStreamingTool._run,
        HfInferenceStreamingTool._arun,
    }
)


class _TokenEvents:
    """The token events of one tool run: sent to its callbacks, numbered from 0."""

    def __init__(
        self,
        tool: HfInferenceTool,
        spec: StreamSpec[Any, Any, Any],
        run_manager: CallbackManagerForToolRun | AsyncCallbackManagerForToolRun | None,
    ) -> None:
        self.text = spec.text
        # Called outside a LangChain run (`tool._run(...)`) there is nobody to tell.
        self.config = RunnableConfig(callbacks=run_manager.get_child()) if run_manager else None
        run_id = str(run_manager.run_id) if run_manager else None
        self.about = {"tool": tool.name, "model": tool.model, "run_id": run_id}
        self.index = 0

    def event(self, chunk: Any) -> dict[str, Any] | None:
        """The event for a chunk that adds text, when there is a run to send it to."""
        token = self.text(chunk)
        if not token or self.config is None:
            return None
        event = {**self.about, "token": token, "index": self.index}
        self.index += 1
        return event


def progress_sink() -> Sink | None:
    """Where a provider job's progress goes, called when the job starts inside a tool run: the
    run's LangChain callbacks (`PROGRESS_EVENT` custom events, seen in `astream_events`), and,
    inside a LangGraph run, the graph's stream writer (`stream_mode="custom"`). None when
    neither listens: the job is then polled with no event built."""
    config = var_child_runnable_config.get()
    if not config:
        return None
    callbacks = config.get("callbacks")
    if isinstance(callbacks, BaseCallbackManager):
        listening = bool(callbacks.handlers)
    else:
        listening = bool(callbacks)
    writer = _graph_writer()
    if not listening and writer is None:
        return None

    def report(event: dict[str, Any]) -> None:
        if listening:
            dispatch_custom_event(PROGRESS_EVENT, event, config=config)
        if writer is not None:
            writer(event)

    async def areport(event: dict[str, Any]) -> None:
        if listening:
            await adispatch_custom_event(PROGRESS_EVENT, event, config=config)
        if writer is not None:
            writer(event)

    return Sink(report, areport)


def _graph_writer() -> Any:
    """The running LangGraph graph's stream writer, or None outside a graph (langgraph is
    optional: it is looked at only when something already imported it)."""
    if "langgraph" not in sys.modules:
        return None
    try:
        from langgraph.config import get_stream_writer

        writer = get_stream_writer()
    except Exception:  # outside a graph run (or a langgraph this code does not know)
        return None
    try:  # outside a graph's own run (a node called by hand) the writer does nothing
        from langgraph.runtime import _no_op_stream_writer
    except ImportError:
        return writer
    return None if writer is _no_op_stream_writer else writer


def _plain(result: Any) -> Any:
    """The result as plain JSON values (pydantic models dumped), safe for any checkpointer."""
    # One call into pydantic-core for the whole result, models and lists alike. Fields are named
    # by their alias where they have one (the API's spelling, e.g. `content-type`).
    return to_jsonable_python(result)


def _compact(content: Any) -> str:
    return fit_json(content, CONTENT_LIMIT)
