"""What the LLM reads: a result as compact JSON within a size limit, cut inside, never mid-JSON.

A result over the limit is shortened where it is long: a long string keeps its start and ends
with `…[cut N chars]`, a long list keeps its first items and ends with the string
`…[cut N items]`, an object with many keys keeps the first and gains `"…": "[cut N keys]"`, and
containers nested past `_DEPTH` levels become `…[cut: nested deeper]`. The budgets shrink
together, try by try, until the text fits, so every long part gives up its share and what comes
out is always valid JSON of at most `limit` characters. At the smallest budgets a value keeps
one item per container, 32 levels deep, so only a limit far below `CONTENT_LIMIT` can leave
nothing that fits: then the text is a single JSON string saying so. The artifact keeps the
whole result.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

__all__ = ["fit_json"]

_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_DEPTH = 32  # deeper than any task's answer; bounds the recursion below
_MIN_STRING = 16  # a string keeps at least this much of its start, so the cut stays legible
_STEP = 0.7  # each try's budgets, as a share of the one before
_TRIES = 30  # 0.7 ** 30 is ~2e-5 of the limit: the budgets reach their floor well before
_REFINE = 5  # halvings between the last budget that overflowed and the first that fit
_TOO_LARGE = "…[cut: the result is too large to show; the full result is in the artifact]"
_NESTED = "…[cut: nested deeper]"


def fit_json(value: Any, limit: int) -> str:
    """`value` as compact JSON text of at most `limit` characters, cut inside if it must be.

    `value` is plain JSON data (dicts with string keys, lists, strings, numbers, booleans,
    None). Raises ValueError for a limit too small to say that anything was cut.
    """
    if limit < len(_TOO_LARGE) + 2:
        raise ValueError(f"limit must be at least {len(_TOO_LARGE) + 2} characters")
    whole = _fit(value, limit, sys.maxsize, sys.maxsize)
    if whole is not None:
        return whole
    # The largest scale (1: a string may fill the limit, a list half of it in items) at which
    # the cut value fits: stepping down, then halving the gap from the last overflow.
    too_big, scale = None, 1.0
    for _ in range(_TRIES):
        text = _fit_at(value, limit, scale)
        if text is not None:
            break
        too_big, scale = scale, scale * _STEP
    else:
        return _JSON.encode(_TOO_LARGE)
    if too_big is not None:
        low, high = scale, too_big
        for _ in range(_REFINE):
            middle = (low + high) / 2
            if (better := _fit_at(value, limit, middle)) is not None:
                low, text = middle, better
            else:
                high = middle
    return text


def _fit_at(value: Any, limit: int, scale: float) -> str | None:
    strings = max(_MIN_STRING, math.floor(limit * scale))
    return _fit(value, limit, strings, max(1, math.floor(limit * scale / 2)))


def _fit(value: Any, limit: int, strings: int, items: int) -> str | None:
    """`value` cut to these budgets as JSON text, or None when it does not fit in `limit`."""
    try:
        cut = _Cutter(strings=strings, items=items, room=limit).cut(value, 0)
    except _Overflow:
        return None
    text = _JSON.encode(cut)
    return text if len(text) <= limit else None


class _Overflow(Exception):
    """The leaves kept so far are already longer than the limit: this try cannot fit."""


class _Cutter:
    """One try: strings, lists and objects cut to fixed budgets. `room` counts down a lower
    bound of the text's length, so a try that cannot fit stops after about `limit` characters'
    worth of leaves, however large the value is."""

    def __init__(self, *, strings: int, items: int, room: int) -> None:
        self.strings = strings
        self.items = items
        self.room = room

    def _spend(self, characters: int) -> None:
        self.room -= characters
        if self.room < 0:
            raise _Overflow

    def cut(self, value: Any, depth: int) -> Any:
        if isinstance(value, str):
            return self._string(value)
        if isinstance(value, list):
            return self._list(value, depth) if depth < _DEPTH else self._string(_NESTED)
        if isinstance(value, dict):
            return self._object(value, depth) if depth < _DEPTH else self._string(_NESTED)
        self._spend(1)  # a number, a boolean or null: one character at least
        return value

    def _string(self, text: str) -> str:
        if len(text) > self.strings:
            text = f"{text[: self.strings]}…[cut {len(text) - self.strings} chars]"
        self._spend(len(text) + 2)  # and its quotes (escapes only add)
        return text

    def _list(self, values: list[Any], depth: int) -> list[Any]:
        self._spend(2)
        kept = [self.cut(value, depth + 1) for value in values[: self.items]]
        if len(kept) < len(values):
            kept.append(self._string(f"…[cut {len(values) - len(kept)} items]"))
        return kept

    def _object(self, values: dict[str, Any], depth: int) -> dict[str, Any]:
        self._spend(2)
        kept: dict[str, Any] = {}
        for key, value in values.items():
            if len(kept) >= self.items:
                break
            short = self._string(str(key))
            if short in kept:  # two long keys cut to the same start: the later one is dropped
                continue
            kept[short] = self.cut(value, depth + 1)
        if len(kept) < len(values):
            kept["…"] = self._string(f"[cut {len(values) - len(kept)} keys]")
        return kept
