"""Progress of provider jobs: who watches the current call, and what they are told (SPEC 7).

A watcher is a function called when a job starts in the call it watches; it answers a `Sink`
(where the job's events go) or None (nobody listens: the job is polled as if unwatched, with no
event built and no extra request). Watchers are per call: `watching()` sets them in a context
variable around the call, so concurrent calls (threads, asyncio tasks) never see each other's,
and nothing is kept once the call returns.

Each event is `{"task", "model", "provider", "job_id", "status", "queue_position",
"elapsed_s"}`, `status` one of queued, running, done, failed, cancelled: sent at each change of
status or queue position, and an unchanged state at most once a second.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from typing import Any, NamedTuple

from ._http.transport import CallContext

__all__ = [
    "PROGRESS_EVENT",
    "REPEAT_AFTER",
    "JobProgress",
    "Sink",
    "Watcher",
    "describe_progress",
    "watchers",
    "watching",
]

PROGRESS_EVENT = "hf_inference_progress"
"""The LangChain custom event a tool sends while a provider job runs."""

REPEAT_AFTER = 1.0
"""Seconds before an unchanged state is reported again (with its new `elapsed_s`)."""

Event = dict[str, Any]


class Sink(NamedTuple):
    """Where one job's events go: `report` from sync calls, `areport` (else `report`) from
    async ones."""

    report: Callable[[Event], None]
    areport: Callable[[Event], Awaitable[None]] | None = None


Watcher = Callable[[], Sink | None]

_WATCHERS: ContextVar[tuple[Watcher, ...]] = ContextVar("hf_inference_watchers", default=())


def watchers() -> tuple[Watcher, ...]:
    """The watchers of the current call, outermost first."""
    return _WATCHERS.get()


@contextlib.contextmanager
def watching(watcher: Watcher) -> Iterator[None]:
    """Watch the jobs of the calls made inside the block (with any outer watchers)."""
    token = _WATCHERS.set((*_WATCHERS.get(), watcher))
    try:
        yield
    finally:
        _WATCHERS.reset(token)


class JobProgress:
    """The events of one job, to the sinks that listen (built only when some do)."""

    def __init__(
        self,
        sinks: list[Sink],
        ctx: CallContext,
        job_id: str,
        started: float,
        now: Callable[[], float],
    ) -> None:
        self.sinks = sinks
        self.about = {"task": ctx.task, "model": ctx.model, "provider": ctx.provider}
        self.job_id = job_id
        self.started = started
        self.now = now
        self._last: tuple[str, int | None] | None = None
        self._sent_at = 0.0

    @classmethod
    def start(
        cls, ctx: CallContext, job_id: str, started: float, now: Callable[[], float]
    ) -> JobProgress | None:
        """The progress of a job, or None when no watcher of this call listens."""
        found = watchers()
        if not found:
            return None
        sinks = [sink for watcher in found if (sink := watcher()) is not None]
        return cls(sinks, ctx, job_id, started, now) if sinks else None

    def event(self, status: str, queue_position: int | None) -> Event | None:
        """The event for this state, or None when it repeats the last one within a second."""
        now = self.now()
        key = (status, queue_position)
        if key == self._last and now - self._sent_at < REPEAT_AFTER:
            return None
        self._last, self._sent_at = key, now
        return {
            **self.about,
            "job_id": self.job_id,
            "status": status,
            "queue_position": queue_position,
            "elapsed_s": round(max(now - self.started, 0.0), 1),
        }

    def report(self, status: str, queue_position: int | None = None) -> None:
        if (event := self.event(status, queue_position)) is not None:
            for sink in self.sinks:
                sink.report(dict(event))

    async def areport(self, status: str, queue_position: int | None = None) -> None:
        if (event := self.event(status, queue_position)) is not None:
            for sink in self.sinks:
                if sink.areport is not None:
                    await sink.areport(dict(event))
                else:
                    sink.report(dict(event))


def describe_progress(event: Event) -> str:
    """An event as a person reads it: `fal-ai 7f3a: queued, queue position 2, 4 s`."""
    parts = [str(event.get("status", "running"))]
    if event.get("queue_position") is not None:
        parts.append(f"queue position {event['queue_position']}")
    if event.get("elapsed_s") is not None:
        parts.append(f"{float(event['elapsed_s']):.0f} s")
    who = " ".join(str(event[k]) for k in ("provider", "job_id") if event.get(k))
    return f"{who}: {', '.join(parts)}" if who else ", ".join(parts)
