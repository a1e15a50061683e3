"""What the figures share: the request they all send, interleaved timing, and a table row."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MODEL = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"
TEXT = "I love this movie!"
PAYLOAD = {"inputs": TEXT}
TOKEN = "hf_bench_dummy_token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TOOL_CALL = {
    "name": "text_classification",
    "args": {"inputs": TEXT},
    "id": "call_bench",
    "type": "tool_call",
}


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    figure: str
    measured: str
    goal: str
    passed: bool


def interleaved(
    variants: dict[str, Callable[[], object]], *, rounds: int, calls: int
) -> dict[str, list[float]]:
    """Seconds per call of each variant, one value per round.

    Each round runs a block of `calls` calls of every variant, in an order rotated from round to
    round, so a slow moment of the machine lands on all of them alike.
    """
    names = list(variants)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(rounds):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            call = variants[name]
            started = time.perf_counter()
            for _ in range(calls):
                call()
            times[name].append((time.perf_counter() - started) / calls)
    return times


def ratio(a: Sequence[float], b: Sequence[float]) -> float:
    """The median of the per-round ratios a/b (pairs taken in the same round)."""
    return statistics.median(x / y for x, y in zip(a, b, strict=True))


def extra(a: Sequence[float], b: Sequence[float]) -> float:
    """The median of the per-round differences a - b."""
    return statistics.median(x - y for x, y in zip(a, b, strict=True))


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def versus(a: Sequence[float], b: Sequence[float]) -> str:
    """`1.050x (+0.05 ms on 1.00 ms)`: a's time per call against b's."""
    return f"{ratio(a, b):.3f}x ({extra(a, b) * 1000:+.2f} ms on {median(b) * 1000:.2f} ms)"
