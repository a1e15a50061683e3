"""Which provider serves a call: a named one, checked against the mapping, or "auto"'s choice.

"auto" takes, in the Hub's order, every entry for this task that is `live` and that we implement
(the first is tried, the others are the failover order). The reference clients take the Hub's
first entry blindly, which fails whenever it is for another task, in staging, or a provider they
do not know; filtering first is what makes "auto" work.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable

from ..errors import ModelNotFoundError
from ._mapping import MappingEntry

__all__ = ["RETIRED", "check_provider_name", "choose", "hub_task", "live_entries"]

RETIRED = frozenset(
    {"nebius", "sambanova", "hyperbolic", "black-forest-labs", "clarifai", "nvidia"}
)

# Chat models are mapped for the Hub task "conversational", whichever of our chat tasks is called.
_HUB_TASKS = {"chat_completion": "conversational", "conversational": "conversational"}


def hub_task(task: str, hf_task: str) -> str:
    """The Hub task a mapping entry must be for, for our task `task`."""
    return _HUB_TASKS.get(task, hf_task)


def check_provider_name(provider: str, supported: Iterable[str]) -> None:
    """ValueError, listing the supported names, for a provider we do not implement."""
    names = sorted(set(supported))
    if provider == "auto" or provider in names:
        return
    retired = (
        " It was retired from Inference Providers in July 2026." if provider in RETIRED else ""
    )
    raise ValueError(
        f"Provider {provider!r} is not supported.{retired} Use 'auto' or one of: "
        f"{', '.join(names)}."
    )


def _serves(entry: MappingEntry, wanted_task: str) -> bool:
    # hf-inference runs the model's own pipeline, which answers more than its one mapped task
    # (a sentence-similarity model embeds too): the serverless API is left to judge.
    return entry.task == wanted_task or entry.provider == "hf-inference"


def _seen(entries: list[MappingEntry]) -> str:
    if not entries:
        return "no provider at all"
    return ", ".join(f"{e.provider} ({e.task}, {e.status})" for e in entries)


def live_entries(
    entries: Iterable[MappingEntry],
    *,
    task: str,
    wanted_task: str,
    implemented: Callable[[str, str], bool],
) -> list[MappingEntry]:
    """The entries "auto" may use, in the Hub's order: each provider's first entry that is for
    `wanted_task`, `live`, and a (provider, task) pair we implement."""
    firsts: dict[str, MappingEntry] = {}
    for entry in entries:  # only a provider's first entry counts, as in the reference clients
        firsts.setdefault(entry.provider, entry)
    return [
        e
        for e in firsts.values()
        if _serves(e, wanted_task) and e.status == "live" and implemented(e.provider, task)
    ]


def choose(
    entries: list[MappingEntry],
    *,
    model: str,
    task: str,
    wanted_task: str,
    provider: str,
    implemented: Callable[[str, str], bool],
) -> list[MappingEntry]:
    """The entries to try, in order: one for a named provider; for "auto", every eligible one.

    Raises `ModelNotFoundError` (status None, nothing sent) listing what the mapping offers when
    none fits.
    """
    firsts: dict[str, MappingEntry] = {}
    for entry in entries:  # only a provider's first entry counts, as in the reference clients
        firsts.setdefault(entry.provider, entry)
    if provider != "auto":
        found = firsts.get(provider)
        if found is None or not _serves(found, wanted_task):
            why = (
                f"maps it for {found.task!r}, not {wanted_task!r}"
                if found is not None
                else "does not serve it"
            )
            raise ModelNotFoundError(
                f"{task} with model {model!r}: provider {provider!r} {why}. The Hub's mapping "
                f"lists {_seen(entries)}. Pick one of those, or provider='auto'.",
                task=task,
                model=model,
            )
        if found.status != "live":
            warnings.warn(
                f"Model {model!r} is in {found.status!r} state on provider {provider!r}: calls "
                "may fail (staging mappings serve only the provider's own organisation).",
                UserWarning,
                stacklevel=4,
            )
        return [found]
    eligible = live_entries(entries, task=task, wanted_task=wanted_task, implemented=implemented)
    if not eligible:
        raise ModelNotFoundError(
            f"{task} with model {model!r}: no live Inference Provider that this package "
            f"supports serves it for {wanted_task!r}. The Hub's mapping lists {_seen(entries)}. "
            f"Pick a served model (`hf-inference-tools models {task}` lists them), name a "
            "provider, or pass endpoint_url.",
            task=task,
            model=model,
        )
    return eligible
