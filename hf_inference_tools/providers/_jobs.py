"""Polling a provider's job until it is done, failed, cancelled, or out of `job_timeout`.

The wait before each poll grows with the job's age: `clamp(FRACTION * age, MIN_WAIT, MAX_WAIT)`.
So a job that ends just after a poll is seen at most `max(MIN_WAIT, FRACTION * run time)` later
(a short job quickly, a long one without hammering the provider), there are never more than
`1 / MIN_WAIT` polls a second, and a 60 s job takes about 28 polls (a fixed interval cannot meet
all three: 0.5 s makes 120 polls, 2 s keeps a 1 s job waiting 2 s). Async code sleeps with
`asyncio.sleep`; every wait is bounded by what is left of the deadline.

Each state seen is passed to `on_status` (when given), so progress can be reported.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from .._http.transport import ApiResponse, CallContext
from ..errors import InferenceTimeoutError, ServerError
from ._types import Job, JobState, Outcome

__all__ = [
    "FRACTION",
    "MAX_WAIT",
    "MIN_WAIT",
    "AsyncStatusCallback",
    "JobClock",
    "StatusCallback",
    "apoll",
    "next_wait",
    "poll",
]

MIN_WAIT = 0.5
FRACTION = 0.15
MAX_WAIT = 8.0


def next_wait(age: float) -> float:
    """Seconds to wait before the next poll of a job submitted `age` seconds ago."""
    return min(max(FRACTION * age, MIN_WAIT), MAX_WAIT)


@dataclass(frozen=True, slots=True)
class JobClock:
    """When the job was submitted and when the call must be over (monotonic seconds)."""

    started: float
    deadline: float
    now: Callable[[], float] = time.monotonic


StatusCallback = Callable[[Job, JobState], None]
AsyncStatusCallback = Callable[[Job, JobState], Awaitable[None]]


def _wait(job: Job, clock: JobClock, status: str, ctx: CallContext, timeout: float) -> float:
    now = clock.now()
    remaining = clock.deadline - now
    if remaining <= 0:
        raise InferenceTimeoutError(
            f"{ctx.task} with model {ctx.model!r} on provider {ctx.provider!r}: job {job.id!r} "
            f"was still {status!r} after job_timeout ({timeout:g} s). Raise job_timeout=, or "
            "try again later.",
            task=ctx.task,
            model=ctx.model,
        )
    return min(next_wait(now - clock.started), remaining)


def _outcome(job: Job, state: JobState, ctx: CallContext) -> Outcome | None:
    if state.status == "done":
        if state.next is None:
            raise ValueError("the job is done but its answer names no result")
        return state.next
    if state.status in ("failed", "cancelled"):
        what = "failed" if state.status == "failed" else "was cancelled"
        said = f": {state.error}" if state.error else f" (status {state.raw_status!r})"
        raise ServerError(
            f"{ctx.task} with model {ctx.model!r} on provider {ctx.provider!r}: job {job.id!r} "
            f"{what}{said}. Check the inputs, or try again or another provider.",
            task=ctx.task,
            model=ctx.model,
            server_message=state.error,
        )
    return None


def poll(
    job: Job,
    get: Callable[[str], ApiResponse],
    *,
    ctx: CallContext,
    clock: JobClock,
    timeout: float,
    sleep: Callable[[float], None] = time.sleep,
    on_status: StatusCallback | None = None,
) -> Outcome:
    """Poll `job` with `get` until it is over; its next step when done, else raise."""
    status = job.status
    while True:
        sleep(_wait(job, clock, status, ctx, timeout))
        state = job.read(get(job.poll_url))
        status = state.raw_status
        if on_status is not None:
            on_status(job, state)
        if (outcome := _outcome(job, state, ctx)) is not None:
            return outcome


async def apoll(
    job: Job,
    get: Callable[[str], Awaitable[ApiResponse]],
    *,
    ctx: CallContext,
    clock: JobClock,
    timeout: float,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    on_status: AsyncStatusCallback | None = None,
) -> Outcome:
    """Async twin of `poll` (the loop is never blocked: waits are `asyncio.sleep`)."""
    status = job.status
    while True:
        await sleep(_wait(job, clock, status, ctx, timeout))
        state = job.read(await get(job.poll_url))
        status = state.raw_status
        if on_status is not None:
            await on_status(job, state)
        if (outcome := _outcome(job, state, ctx)) is not None:
            return outcome
