"""What is retried, and how long to wait before the next try (tenacity, imported on first need).

A failed attempt that is worth another try raises `Retryable`: 429, 502, 503, 504, 408 and
connection failures (`status.py` decides which). The wait is what the server asked for
(`Retry-After`, `RateLimit`, a 503's `estimated_time`), capped at `retry_max_wait`; else an
exponential backoff with jitter. Each wait is an INFO record on the `hf_inference_tools` logger
(the CLI shows it as progress).
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx

from .._config import Options
from ..errors import HfInferenceError
from .request import CallContext, who

if TYPE_CHECKING:
    # Imported where a retry begins (see `Transport._retried`): most calls never need it.
    import tenacity

__all__ = ["RETRY_STATUSES", "Retryable", "after", "retry_after", "retrying_kwargs"]

logger = logging.getLogger("hf_inference_tools")

RETRY_STATUSES = frozenset({429, 502, 503, 504})


class Retryable(Exception):
    """An attempt failed in a way worth another try. `give_up(attempts)` is what the caller sees
    when no try is left (its message counts the attempts made); `error` is this attempt's."""

    def __init__(
        self,
        give_up: Callable[[int], HfInferenceError],
        wait_hint: float | None,
        *,
        loading: bool = False,
    ) -> None:
        self.error = give_up(1)
        super().__init__(str(self.error))
        self.give_up = give_up
        self.wait_hint = wait_hint
        self.loading = loading


def after(attempts: int) -> str:
    """The end of a give-up message: how many attempts were made, when more than one."""
    return f" after {attempts} attempts" if attempts > 1 else ""


def retrying_kwargs(
    ctx: CallContext, options: Options, *, max_retries: int, backoff: float, max_wait: float
) -> dict[str, Any]:
    """tenacity's arguments for one call (its `sleep` is the caller's, a seam for tests)."""
    import tenacity

    retries = max_retries if (options.retry_on_error or options.wait_for_model) else 0

    def wait(state: tenacity.RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        jittered = tenacity.wait_random_exponential(multiplier=backoff, max=max_wait)(state)
        if isinstance(exc, Retryable) and exc.wait_hint is not None:
            return min(max(exc.wait_hint, 0.0), max_wait)
        return jittered

    return {
        "stop": tenacity.stop_after_attempt(retries + 1),
        "retry": tenacity.retry_if_exception_type(Retryable),
        "wait": wait,
        "before_sleep": lambda state: _log_retry(ctx, state, retries),
        "reraise": True,
    }


def _log_retry(ctx: CallContext, state: tenacity.RetryCallState, retries: int) -> None:
    # The progress hook: a long wait is one INFO line on the package logger, which the CLI
    # shows on stderr and an application may route anywhere.
    exc = state.outcome.exception() if state.outcome else None
    status = exc.error.status if isinstance(exc, Retryable) else None
    if isinstance(exc, Retryable) and exc.loading:
        reason = "the model is loading (503)"
    elif status == 429:
        reason = "rate limited (429)"
    elif status is not None:
        reason = f"the server answered {status}"
    else:
        reason = "the connection failed"
    wait = state.next_action.sleep if state.next_action else 0.0
    logger.info(
        "%s: %s; retry %d of %d in %.1f s",
        who(ctx),
        reason,
        state.attempt_number,
        retries,
        wait,
    )


_RATELIMIT_RESET = re.compile(r"(?:^|[;,\s])t=(\d+(?:\.\d+)?)")
_RATELIMIT_REMAINING = re.compile(r"(?:^|[;,\s])r=(\d+)")


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asks us to wait: `Retry-After` (seconds or a date), else `RateLimit`."""
    if value := headers.get("retry-after"):
        value = value.strip()
        try:
            return max(float(value), 0.0)
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                when = None
            if when is not None:
                if when.tzinfo is None:
                    when = when.replace(tzinfo=UTC)
                return max((when - datetime.now(UTC)).total_seconds(), 0.0)
    if value := headers.get("ratelimit"):
        reset = _RATELIMIT_RESET.search(value)
        remaining = _RATELIMIT_REMAINING.search(value)
        if reset and (remaining is None or int(remaining.group(1)) == 0):
            return float(reset.group(1))
    if value := headers.get("ratelimit-reset"):
        with contextlib.suppress(ValueError):
            return max(float(value), 0.0)
    return None
