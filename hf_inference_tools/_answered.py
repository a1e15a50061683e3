"""Which provider answered a call: recorded for whoever asked (a tool, for its artifact).

A tool opens `answered_by()` around its call; the call path records the provider that gave the
answer. A context variable carries the report, so concurrent calls (threads, tasks) never mix
theirs up; outside such a block nothing is recorded.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

__all__ = ["Answered", "answered", "answered_by"]


class Answered:
    """Filled in by the call: the provider that answered ("hf-inference", "fal-ai", ...).

    A plain class: a dataclass costs ~0.4 ms to declare, paid by every import of the package."""

    __slots__ = ("provider",)

    def __init__(self, provider: str | None = None) -> None:
        self.provider = provider

    def __repr__(self) -> str:
        return f"Answered(provider={self.provider!r})"


_CURRENT: contextvars.ContextVar[Answered | None] = contextvars.ContextVar(
    "hf_inference_answered_by", default=None
)


@contextlib.contextmanager
def answered_by() -> Iterator[Answered]:
    """Within the block, calls record which provider answered in the yielded report."""
    report = Answered()
    token = _CURRENT.set(report)
    try:
        yield report
    finally:
        _CURRENT.reset(token)


def answered(provider: str | None) -> None:
    """Record `provider` as the one that answered, if someone asked."""
    if (report := _CURRENT.get()) is not None:
        report.provider = provider
