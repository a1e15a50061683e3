"""`HfInferenceToolkit`: the task tools an agent may pick from, all sharing one client."""

from __future__ import annotations

import asyncio
import inspect
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from langchain_core.tools import BaseTool, BaseToolkit
from pydantic import ConfigDict, Field, PrivateAttr, model_validator

from .client import HfInference
from .errors import ModelNotFoundError
from .tools import TOOL_CLASSES

if TYPE_CHECKING:
    from .providers._mapping import ModelInfo

__all__ = ["DEFAULT_TASKS", "HfInferenceToolkit"]

LEFT_OUT = {
    "conversational": "chat_completion does the same (the same default model, chat on the wire)",
    "text_generation": (
        "to an LLM it is one more way to generate text; chat_completion answers requests, "
        "text_generation only continues a prompt, which an agent rarely means"
    ),
}
"""Tools the default toolkit (`tasks=None`) leaves out, and why: an LLM could not tell them
from another tool by their descriptions. `tasks=[...]` still offers them by name."""

DEFAULT_TASKS: tuple[str, ...] = tuple(sorted(set(TOOL_CLASSES) - set(LEFT_OUT)))
"""The tools of `HfInferenceToolkit(tasks=None)`: every tool an LLM can tell from the others."""

_CLIENT_KEYWORDS = frozenset(inspect.signature(HfInference.__init__).parameters) - {"self"}
_LOOKUPS_AT_ONCE = 8
"""The most Hub lookups `afrom_models` has in flight at once."""


def _check_names(names: Any, what: str) -> None:
    unknown = sorted(set(names) - set(TOOL_CLASSES))
    if unknown:
        raise ValueError(
            f"Unknown task name(s) in {what}: {', '.join(unknown)}. "
            f"Valid names: {', '.join(sorted(TOOL_CLASSES))}."
        )


def _model_ids(models: Iterable[str]) -> list[str]:
    if isinstance(models, str):
        raise TypeError("from_models() takes a list of model ids, not one string.")
    ids = list(dict.fromkeys(m.strip() for m in models))
    if not ids or not all(ids):
        raise ValueError("from_models() needs at least one model id, and no empty one.")
    return ids


def _lookup_problem(error: ModelNotFoundError) -> str:
    if error.status == 404:
        return "not found on the Hub (404)"
    if error.status in (401, 403):
        return (
            f"the Hub refused to show it ({error.status}): a private or gated model needs a "
            "token that may read it"
        )
    return error.message


class HfInferenceToolkit(BaseToolkit):
    """Hugging Face inference tasks as LangChain tools, over one shared `HfInference`.

    Setup:
        `pip install hf-inference-tools` and set `HF_TOKEN`. Building the toolkit makes no
        network call.

    Instantiate:
        ```python
        from hf_inference_tools import HfInferenceToolkit

        toolkit = HfInferenceToolkit(
            tasks=["image_classification", "text_to_image", "translation"],
            models={"translation": "Helsinki-NLP/opus-mt-en-fr"},
            media_root="./media", output_dir="./media/generated",
            timeout=30,                     # any HfInference keyword builds the shared client
        )
        ```

    Tools:
        ```python
        tools = toolkit.get_tools()         # list[BaseTool], one client between them
        ```

    Use within an agent:
        ```python
        from langchain.agents import create_agent

        agent = create_agent(model, tools=toolkit.get_tools())
        agent.invoke({"messages": [{"role": "user", "content": "What is in photos/cat.png?"}]})
        ```

    Args:
        client: The `HfInference` to share; None builds one from the remaining keywords that
            `HfInference` takes (`token`, `base_url`, `endpoint_url`, `timeout`, ...).
        tasks: Tool names to include; None means `DEFAULT_TASKS`, every tool an LLM can tell
            from the others (`conversational` and `text_generation` are left out: see
            `LEFT_OUT`).
        models: Tool name -> model id, for the tools that should not use the default model.
        parameters: Tool name -> task settings merged into each of its calls, e.g.
            `{"text_generation": {"max_new_tokens": 200}}`; checked at construction.
        media_root: The only folder local media paths may point into (None: no local files).
        output_dir: Where generated images and masks are saved (None: not saved).
        allow_urls: Whether tools may fetch http(s) media URLs.
        allow_private_urls: Whether those URLs may resolve to private or loopback addresses.
        max_media_bytes: The largest media input accepted, in bytes.
        provider: The Inference Provider of every tool ("auto", "hf-inference", "fal-ai", ...);
            None: the client's default ("auto" unless the client says otherwise).
        providers: Tool name -> provider, for the tools that should use another one.

    The Inference Providers settings of the client (`job_timeout`, `max_output_bytes`,
    `max_failovers`, `bill_to`, `router_url`, `hub_url`) are keywords like any other. The LLM
    never chooses the provider.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    client: HfInference = Field(exclude=True)
    tasks: list[str] | None = None
    models: dict[str, str] = Field(default_factory=dict)
    parameters: dict[str, dict[str, Any]] = Field(default_factory=dict)
    media_root: Path | None = None
    output_dir: Path | None = None
    allow_urls: bool = True
    allow_private_urls: bool = False
    max_media_bytes: int = Field(default=25 * 2**20, gt=0)
    provider: str | None = None
    providers: dict[str, str] = Field(default_factory=dict)
    _chosen: list[tuple[str, str, str]] | None = PrivateAttr(default=None)
    """(tool name, task, model) of each tool, for a toolkit built by `from_models`."""

    def __init__(
        self,
        *,
        client: HfInference | None = None,
        tasks: list[str] | None = None,
        models: dict[str, str] | None = None,
        parameters: dict[str, dict[str, Any]] | None = None,
        media_root: str | Path | None = None,
        output_dir: str | Path | None = None,
        allow_urls: bool = True,
        allow_private_urls: bool = False,
        max_media_bytes: int = 25 * 2**20,
        provider: str | None = None,
        providers: dict[str, str] | None = None,
        **client_kwargs: Any,
    ) -> None:
        if unknown := set(client_kwargs) - _CLIENT_KEYWORDS:
            raise TypeError(
                f"HfInferenceToolkit() got unexpected keyword(s): {', '.join(sorted(unknown))}."
            )
        if client is not None and client_kwargs:
            raise ValueError(
                f"Pass either client= or HfInference keywords ({', '.join(client_kwargs)}), "
                "not both."
            )
        fields: dict[str, Any] = {
            "client": client if client is not None else HfInference(**client_kwargs),
            "tasks": tasks,
            "models": models or {},
            "parameters": parameters or {},
            "media_root": media_root,
            "output_dir": output_dir,
            "allow_urls": allow_urls,
            "allow_private_urls": allow_private_urls,
            "max_media_bytes": max_media_bytes,
            "provider": provider,
            "providers": providers or {},
        }
        super().__init__(**fields)

    @model_validator(mode="after")
    def _check_tasks(self) -> Self:
        if self.tasks is not None:
            _check_names(self.tasks, "tasks")
        _check_names(self.models, "models")
        _check_names(self.parameters, "parameters")
        if self.parameters:  # importing the tools' base costs nothing to a toolkit without them
            from .tools._base import check_parameters
        for name, settings in self.parameters.items():
            tool = TOOL_CLASSES[name]
            check_parameters(name, tool.model_fields["args_schema"].default, settings)
        _check_names(self.providers, "providers")
        named = {p for p in (self.provider, *self.providers.values()) if p}
        if named - {"auto", "hf-inference"}:
            from .providers import SUPPORTED
            from .providers._choose import check_provider_name

            for name in sorted(named):
                check_provider_name(name, SUPPORTED)
        return self

    # -- from models (SPEC 8) ----------------------------------------------------------------

    @classmethod
    def from_models(
        cls,
        models: Iterable[str],
        *,
        provider: str | None = None,
        skip_unavailable: bool = False,
        **toolkit_keywords: Any,
    ) -> Self:
        """A toolkit with one tool per model, each tool chosen by the model's task on the Hub.

        ```python
        toolkit = HfInferenceToolkit.from_models(
            ["black-forest-labs/FLUX.1-dev", "openai/whisper-large-v3"],
            provider="auto", media_root="./media", output_dir="./media/out",
        )
        ```

        One Hub lookup per model (its `pipeline_tag` and provider mapping; the mapping is then
        cached for the calls). The model is fixed on its tool; a task given one model keeps its
        tool name, several models of one task are named from their repo
        (`text_to_image_flux_1_dev`), and each description names its model.

        A model is available when some provider this package supports serves it `live` for its
        task (the `provider` given, when named). Otherwise (a task no tool serves, a model
        missing or private, no live provider) this raises one `ModelNotFoundError` listing
        every such model and why; with `skip_unavailable=True`, each is a `UserWarning` and gets
        no tool. `parameters=` and `providers=` are keyed by task name and apply to every tool
        of that task; the other keywords are the toolkit's (and the client's).
        """
        toolkit = cls._for_models(provider, toolkit_keywords)
        router = toolkit.client.providers
        found: list[ModelInfo | ModelNotFoundError] = []
        ids = _model_ids(models)
        for model in ids:
            try:
                found.append(router.model_info(model))
            except ModelNotFoundError as exc:
                found.append(exc)
        toolkit._choose_models(ids, found, skip_unavailable)
        return toolkit

    @classmethod
    async def afrom_models(
        cls,
        models: Iterable[str],
        *,
        provider: str | None = None,
        skip_unavailable: bool = False,
        **toolkit_keywords: Any,
    ) -> Self:
        """Async twin of `from_models`: the Hub lookups run concurrently (at most 8 at once)."""
        toolkit = cls._for_models(provider, toolkit_keywords)
        router = toolkit.client.providers
        ids = _model_ids(models)
        gate = asyncio.Semaphore(_LOOKUPS_AT_ONCE)

        async def look_up(model: str) -> ModelInfo | ModelNotFoundError:
            async with gate:
                try:
                    return await router.amodel_info(model)
                except ModelNotFoundError as exc:
                    return exc

        found = await asyncio.gather(*(look_up(model) for model in ids))
        toolkit._choose_models(ids, list(found), skip_unavailable)
        return toolkit

    @classmethod
    def _for_models(cls, provider: str | None, keywords: dict[str, Any]) -> Self:
        if taken := {"tasks", "models"} & set(keywords):
            raise TypeError(
                f"from_models() takes no {' or '.join(sorted(taken))}=: the models given "
                "choose the tools."
            )
        return cls(provider=provider, **keywords)

    def _choose_models(
        self,
        ids: list[str],
        found: list[ModelInfo | ModelNotFoundError],
        skip_unavailable: bool,
    ) -> None:
        from ._served import tool_for, tool_names, unavailable_reason

        default = self.provider or self.client.provider
        kept: list[tuple[str, str]] = []
        problems: list[tuple[str, str]] = []
        for model, info in zip(ids, found, strict=True):
            if isinstance(info, ModelNotFoundError):
                problems.append((model, _lookup_problem(info)))
                continue
            tool = tool_for(info)
            provider = self.providers.get(tool, default) if tool else default
            why = unavailable_reason(info, tool, provider)
            if why is not None:
                problems.append((model, why))
            elif tool is not None:
                kept.append((tool, model))
        if problems and not skip_unavailable:
            listed = "; ".join(f"{model}: {why}" for model, why in problems)
            raise ModelNotFoundError(
                f"{len(problems)} of {len(ids)} model(s) cannot be used: {listed}. Pick served "
                "models (`hf-inference-tools models TASK` lists them), or pass "
                "skip_unavailable=True to leave these out.",
                model=problems[0][0] if len(problems) == 1 else None,
            )
        for model, why in problems:
            warnings.warn(f"Model {model!r} left out: {why}.", UserWarning, stacklevel=3)
        names = tool_names(kept)
        self._chosen = [
            (name, tool, model) for name, (tool, model) in zip(names, kept, strict=True)
        ]

    @property
    def tool_models(self) -> dict[str, str]:
        """Tool name -> model, for a toolkit built by `from_models` (else each task's model)."""
        if self._chosen is not None:
            return {name: model for name, _, model in self._chosen}
        return {tool.name: getattr(tool, "model", "") for tool in self.get_tools()}

    # -- tools -------------------------------------------------------------------------------

    def get_tools(self) -> list[BaseTool]:
        """One tool per selected task, in the order given (or alphabetical), sharing the client;
        for a toolkit built by `from_models`, one per available model, in the order given."""
        if self._chosen is not None:
            return [self._tool(task, model, name) for name, task, model in self._chosen]
        names = self.tasks if self.tasks is not None else DEFAULT_TASKS
        return [self._tool(name, self.models.get(name, "")) for name in dict.fromkeys(names)]

    def _tool(self, task: str, model: str, name: str | None = None) -> BaseTool:
        tool = TOOL_CLASSES[task]._assemble(
            self.client,
            model=model,
            parameters=self.parameters.get(task, {}),
            media_root=self.media_root,
            output_dir=self.output_dir,
            allow_urls=self.allow_urls,
            allow_private_urls=self.allow_private_urls,
            max_media_bytes=self.max_media_bytes,
            provider=self.providers.get(task, self.provider),
        )
        if name is not None:
            from ._served import describe

            tool.name = name
            tool.description = describe(tool.description, model)
        return tool

    def close(self) -> None:
        """Close the shared client's HTTP connections (those it created)."""
        self.client.close()

    async def aclose(self) -> None:
        """Async twin of `close`."""
        await self.client.aclose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
