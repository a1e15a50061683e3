"""`HfInferenceToolkit`: the task tools an agent may pick from, all sharing one client."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any, Self

from langchain_core.tools import BaseTool, BaseToolkit
from pydantic import ConfigDict, Field, model_validator

from .client import HfInference
from .tools import TOOL_CLASSES

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


def _check_names(names: Any, what: str) -> None:
    unknown = sorted(set(names) - set(TOOL_CLASSES))
    if unknown:
        raise ValueError(
            f"Unknown task name(s) in {what}: {', '.join(unknown)}. "
            f"Valid names: {', '.join(sorted(TOOL_CLASSES))}."
        )


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

    def get_tools(self) -> list[BaseTool]:
        """One tool per selected task, in the order given (or alphabetical), sharing the client."""
        names = self.tasks if self.tasks is not None else DEFAULT_TASKS
        return [
            TOOL_CLASSES[name]._assemble(
                self.client,
                model=self.models.get(name, ""),
                parameters=self.parameters.get(name, {}),
                media_root=self.media_root,
                output_dir=self.output_dir,
                allow_urls=self.allow_urls,
                allow_private_urls=self.allow_private_urls,
                max_media_bytes=self.max_media_bytes,
                provider=self.providers.get(name, self.provider),
            )
            for name in dict.fromkeys(names)
        ]

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
