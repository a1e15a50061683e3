"""Models that are really served (SPEC 8): which tool a Hub model gets, and whether it is live.

- `hub_tools()`: the Hub task id of a model (its `pipeline_tag`, or its mapping's task) -> the
  tool that calls it; chat models, mapped for `conversational`, get `chat_completion`.
- `tool_for(info)`: the tool for one model's Hub info, or None when no tool serves its task.
- `live_providers(info, tool, provider)`: the providers that serve it today for that tool: a
  `live` mapping entry for the tool's Hub task, a (provider, task) pair this package
  implements, and the provider named, when one is.
- `tool_names(pairs)`: the tool names of a toolkit built from models: the plain task name when
  a task has one model, else the task then the repo name (`text_to_image_flux_1_dev`).

Imported by `HfInferenceToolkit.from_models` and the `models` command only, when first used.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from .providers._choose import hub_task, live_entries
from .providers._mapping import ModelInfo
from .providers._table import HF_INFERENCE, implemented
from .tools import TOOL_CLASSES

__all__ = [
    "CHAT_TAGS",
    "describe",
    "hub_id",
    "hub_tools",
    "live_providers",
    "served_list",
    "tool_for",
    "tool_names",
    "unavailable_reason",
    "wanted_task",
]

CHAT = "chat_completion"
CHAT_TAGS = frozenset({"text-generation", "image-text-to-text", "conversational"})
"""Pipeline tags of models that the Hub maps for `conversational` when they chat."""

# Tools that are not the one for their Hub task: the chat tools (chat_completion's own id is not
# a Hub task; conversational models get chat_completion, which an LLM tells apart better).
_NOT_FOR_MODELS = frozenset({CHAT, "conversational"})
# hf-inference runs a sentence-transformers model's pipeline for both of these, whichever the
# Hub maps it for.
_HF_INFERENCE_ALSO = {
    "feature-extraction": "sentence-similarity",
    "sentence-similarity": "feature-extraction",
}
_MAX_NAME = 64  # the longest function name the OpenAI and Anthropic APIs accept


@functools.cache
def hub_tools() -> dict[str, str]:
    """Hub task id -> tool name, for every task a tool serves (loads every task's spec)."""
    table = {
        cls.spec.hf_task: name
        for name, cls in sorted(TOOL_CLASSES.items())
        if name not in _NOT_FOR_MODELS
    }
    table["conversational"] = CHAT
    return table


def wanted_task(tool: str) -> str:
    """The Hub task a mapping entry must be for to serve `tool`."""
    return hub_task(tool, TOOL_CLASSES[tool].spec.hf_task)


def hub_id(tool: str) -> str:
    """The Hub pipeline tag the Hub's model search lists `tool`'s models under."""
    return "text-generation" if tool in _NOT_FOR_MODELS else TOOL_CLASSES[tool].spec.hf_task


def tool_for(info: ModelInfo) -> str | None:
    """The tool that calls this model, from its pipeline tag (or its mapping's task)."""
    mapped = [e.task for e in info.entries if e.task]
    tag = info.pipeline_tag or (mapped[0] if mapped else None)
    if "conversational" in mapped and (tag is None or tag in CHAT_TAGS):
        return CHAT
    return hub_tools().get(tag) if tag else None


def live_providers(info: ModelInfo, tool: str, provider: str | None = None) -> list[str]:
    """The providers serving the model today for `tool`, in the Hub's order (only `provider`,
    when one is named other than "auto").

    Stricter than a call's choice, which lets hf-inference run a model for another task than
    its mapping's: here an entry counts only for its own task (or for none given), except
    hf-inference's embedding models, which serve both embedding tasks.
    """
    wanted = wanted_task(tool)
    counts = {wanted, ""}
    entries = live_entries(info.entries, task=tool, wanted_task=wanted, implemented=implemented)
    names = [
        e.provider
        for e in entries
        if e.task in counts
        or (e.provider == HF_INFERENCE and _HF_INFERENCE_ALSO.get(wanted) == e.task)
    ]
    if provider and provider != "auto":
        names = [name for name in names if name == provider]
    return names


def unavailable_reason(info: ModelInfo, tool: str | None, provider: str | None) -> str | None:
    """Why the model cannot be used (None: it can)."""
    if tool is None:
        tag = info.pipeline_tag
        return f"its Hub task {tag!r} has no tool here" if tag else "the Hub gives it no task"
    if live_providers(info, tool, provider):
        return None
    seen = ", ".join(f"{e.provider} ({e.task}, {e.status})" for e in info.entries) or "none"
    who = (
        f"provider {provider!r} does not serve it"
        if provider and provider != "auto"
        else "no provider this package supports serves it"
    )
    return f"{who} live for {wanted_task(tool)} (the Hub's mapping lists: {seen})"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "model"


def _bounded(name: str, model: str) -> str:
    if len(name) <= _MAX_NAME:
        return name
    digest = hashlib.sha256(model.encode()).hexdigest()[:6]
    return f"{name[: _MAX_NAME - 7].rstrip('_')}_{digest}"


def tool_names(pairs: Sequence[tuple[str, str]]) -> list[str]:
    """The tool name of each (tool, model) pair: unique, valid, and the same whatever the order.

    A tool given one model keeps its name; several models of one tool are named
    `<tool>_<repo name>`, then `<tool>_<owner>_<repo name>` for repo names that collide, then
    with a digest of the model id for what still collides.
    """
    per_tool = Counter(tool for tool, _ in set(pairs))
    short = {(t, m): f"{t}_{_slug(m.rpartition('/')[2])}" for t, m in pairs}
    shorts = Counter(short[p] for p in set(pairs))
    long = {p: f"{p[0]}_{_slug(p[1])}" if shorts[short[p]] > 1 else short[p] for p in set(pairs)}
    longs = Counter(long.values())
    names = []
    for tool, model in pairs:
        if per_tool[tool] == 1:
            names.append(tool)
            continue
        name = long[(tool, model)]
        if longs[name] > 1:
            name = f"{name}_{hashlib.sha256(model.encode()).hexdigest()[:6]}"
        names.append(_bounded(name, model))
    return names


def describe(description: str, model: str) -> str:
    """A tool's description naming its model (short: every tool's description is read by the
    LLM on every turn)."""
    return f"{description.rstrip()} Model: {model}."


def served_list(infos: Iterable[ModelInfo], tool: str) -> list[tuple[str, list[str]]]:
    """(model, live providers) for each model of a search that some provider serves for `tool`."""
    rows = [(info.model, live_providers(info, tool)) for info in infos]
    return [(model, providers) for model, providers in rows if providers]
