"""Figure 3: hundreds of `ainvoke`s at concurrency 64 vs raw `httpx.AsyncClient`, and the TCP
connections each opened (from the server's count).

At this concurrency httpx's own connection pool (httpcore 1.0) costs more CPU than anything
above it, and it has two regimes: when many requests wait at once, each freed connection is
offered to all of them and the pool's bookkeeping goes quadratic (pydantic/httpx2#1075); once
requests arrive staggered it stays fast. A batch opening its 64 connections all at once lands
in the slow regime, and may stay there. So each variant runs in a fresh event loop with fresh
clients, opens its connections with a staggered warm-up, then runs its timed batches; the
variants take turns, round after round.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx
from langchain_core.messages import ToolMessage

from hf_inference_tools import HfInference, TextClassificationTool
from hf_inference_tools._http.transport import DEFAULT_LIMITS

from ._common import AUTH, MODEL, PAYLOAD, TOKEN, TOOL_CALL, Row
from ._server import ServerProcess
from .calls import MinimalTextClassificationTool

CALLS = 512  # per timed batch
CONCURRENCY = 64
BATCHES = 1  # timed batches per variant and round
ROUNDS = 6
WARMUP_STAGGER = 0.005  # seconds between the warm-up's workers

RAW = "raw AsyncClient"
MINIMAL = "minimal tool.ainvoke"
OURS = "TextClassificationTool.ainvoke"

Call = Callable[[], Awaitable[object]]


@dataclass(frozen=True)
class Run:
    """One variant in one fresh event loop."""

    seconds: float
    """For all its timed calls."""
    warmup_connections: int
    timed_connections: int


async def batch(call: Call, calls: int = CALLS) -> float:
    """Seconds for `calls` calls made by CONCURRENCY workers."""
    remaining = calls

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return time.perf_counter() - started


async def warm_up(call: Call) -> None:
    """Open the connections with workers starting a few ms apart (see the module doc)."""

    async def worker(index: int) -> None:
        await asyncio.sleep(index * WARMUP_STAGGER)
        for _ in range(2):
            await call()

    await asyncio.gather(*(worker(i) for i in range(CONCURRENCY)))


async def _run(server: ServerProcess, variant: str) -> Run:
    url = server.model_url(MODEL)
    async with (
        httpx.AsyncClient(timeout=60.0, limits=DEFAULT_LIMITS) as raw,
        HfInference(token=TOKEN, base_url=server.base_url) as client,
    ):
        tool = TextClassificationTool(client=client, model=MODEL)
        minimal = MinimalTextClassificationTool(url=url, async_http=raw)

        async def raw_call() -> object:
            response = await raw.post(url, json=PAYLOAD, headers=AUTH)
            response.raise_for_status()
            return response.json()

        async def tool_call(which: TextClassificationTool | MinimalTextClassificationTool) -> None:
            message = await which.ainvoke(TOOL_CALL)
            if not isinstance(message, ToolMessage) or message.status != "success":
                raise RuntimeError(f"{variant} failed: {message!r}")

        call: Call = {
            RAW: raw_call,
            MINIMAL: lambda: tool_call(minimal),
            OURS: lambda: tool_call(tool),
        }[variant]
        before = server.stats()
        await warm_up(call)
        warmed = server.stats()
        seconds = sum([await batch(call) for _ in range(BATCHES)])
        done = server.stats()
    if done.since(warmed).requests != BATCHES * CALLS or done.errors:
        raise RuntimeError(f"{variant}: {done.since(warmed)}")
    return Run(
        seconds=seconds,
        warmup_connections=warmed.since(before).connections_opened,
        timed_connections=done.since(warmed).connections_opened,
    )


def async_throughput(server: ServerProcess, *, scale: float = 1.0) -> list[Row]:
    """Figure 3: calls/s of the tool's `ainvoke` against raw httpx, and connections opened."""
    variants = [RAW, MINIMAL, OURS]
    runs: dict[str, list[Run]] = {name: [] for name in variants}
    for round_ in range(max(1, round(ROUNDS * scale))):
        shift = round_ % len(variants)
        for name in variants[shift:] + variants[:shift]:
            runs[name].append(asyncio.run(_run(server, name)))

    def rate(name: str) -> float:
        return statistics.median(BATCHES * CALLS / r.seconds for r in runs[name])

    # Rounds are independent (fresh loops and clients) and a batch's regime may flip between
    # them, so the variants' medians are compared rather than paired rounds.
    speed = rate(OURS) / rate(RAW)
    opened = max(r.warmup_connections + r.timed_connections for r in runs[OURS])
    reopened = max(r.timed_connections for r in runs[OURS])
    raw_opened = max(r.warmup_connections + r.timed_connections for r in runs[RAW])
    limit = CONCURRENCY * 5 // 4
    return [
        Row(
            f"3. async ainvoke x{BATCHES * CALLS} @{CONCURRENCY} / raw",
            f"{speed:.3f}x calls/s ({rate(OURS):.0f}/s vs {rate(RAW):.0f}/s; "
            f"minimal tool {rate(MINIMAL):.0f}/s)",
            ">= 0.85x",
            speed >= 0.85,
        ),
        Row(
            "3. TCP connections opened",
            f"{opened}, {reopened} of them in the timed calls (raw: {raw_opened})",
            f"<= {limit} (reused)",
            opened <= limit,
        ),
    ]
