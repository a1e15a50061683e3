"""Which providers serve a model: the Hub's mapping, looked up once and cached for a while.

`GET {hub_url}/api/models/{model}?expand[]=inferenceProviderMapping` answers, per provider, the
model's id there, the Hub task it is mapped for and its status (`live`, `staging`, `error`).
Answers are cached per (hub, model, token) for `ttl` seconds (the Hub re-tests mappings every
few hours, and a token may see private mappings another cannot), at most `max_size` of them;
concurrent first calls for one key make one lookup (a lock per key in threads, a shared future
per key in each event loop). Failures are not cached.

`HfInferenceToolkit.from_models` and the `models` command also need the model's task: they ask
for `expand[]=pipeline_tag` too (`parse_model_info`), and read the Hub's model search, which
lists the same mapping as a list naming each provider (`parse_model_list`).
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import ModelNotFoundError

__all__ = [
    "MappingCache",
    "MappingEntry",
    "ModelInfo",
    "cache_key",
    "parse_mapping",
    "parse_model_info",
    "parse_model_list",
]


@dataclass(frozen=True, slots=True)
class MappingEntry:
    """One provider's mapping of a model, as the Hub lists it (in the Hub's order)."""

    provider: str
    provider_id: str
    task: str
    status: str
    adapter_weights: str | None = None


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """A model's Hub task (`pipeline_tag`, None when it has none) and its provider mapping."""

    model: str
    pipeline_tag: str | None
    entries: tuple[MappingEntry, ...]


Key = tuple[str, str, str]


def cache_key(hub_url: str, model: str, token: str | None) -> Key:
    """The cache key: the token enters only as a digest, so the cache never holds it."""
    digest = hashlib.sha256(token.encode()).hexdigest()[:16] if token else ""
    return (hub_url, model, digest)


def parse_mapping(model: str, body: Any) -> list[MappingEntry]:
    """The entries of a Hub answer (a dict keyed by provider, or a list naming each provider)."""
    raw = body.get("inferenceProviderMapping") if isinstance(body, Mapping) else None
    if raw is None:
        raise ModelNotFoundError(
            f"The Hub has no Inference Provider information for model {model!r}. Check the "
            "model id, or pass provider='hf-inference' or endpoint_url.",
            model=model,
        )
    return _entries(model, raw)


def parse_model_info(model: str, body: Any) -> ModelInfo:
    """A model info answer (`expand[]=pipeline_tag&expand[]=inferenceProviderMapping`); a model
    the Hub lists no mapping for is served by no provider."""
    if not isinstance(body, Mapping):
        raise ModelNotFoundError(
            f"The Hub's answer for model {model!r} is not a model.", model=model
        )
    tag = body.get("pipeline_tag")
    raw = body.get("inferenceProviderMapping")
    return ModelInfo(
        model=model,
        pipeline_tag=tag if isinstance(tag, str) and tag else None,
        entries=tuple(_entries(model, raw) if raw is not None else ()),
    )


def parse_model_list(body: Any) -> list[ModelInfo]:
    """The Hub's model search answer (a list of models); entries that are not models are skipped."""
    models = body if isinstance(body, list) else []
    return [
        parse_model_info(str(item.get("id") or item.get("modelId")), item)
        for item in models
        if isinstance(item, Mapping) and (item.get("id") or item.get("modelId"))
    ]


def _entries(model: str, raw: Any) -> list[MappingEntry]:
    items: list[tuple[str, Any]]
    if isinstance(raw, Mapping):
        items = list(raw.items())
    elif isinstance(raw, list):
        items = [(str(e.get("provider", "")), e) for e in raw if isinstance(e, Mapping)]
    else:
        items = []
    entries = []
    for provider, entry in items:
        if not isinstance(entry, Mapping) or not provider:
            continue
        entries.append(
            MappingEntry(
                provider=provider,
                provider_id=str(entry.get("providerId") or model),
                task=str(entry.get("task") or ""),
                status=str(entry.get("status") or "live"),
                adapter_weights=entry.get("adapterWeightsPath") or None,
            )
        )
    return entries


class MappingCache:
    """A bounded TTL cache of mappings with one lookup in flight per key (threads and loops)."""

    def __init__(
        self,
        *,
        ttl: float = 600.0,
        max_size: int = 256,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.max_size = max_size
        self._clock = clock
        self._entries: OrderedDict[Key, tuple[float, list[MappingEntry]]] = OrderedDict()
        self._lock = threading.Lock()
        self._key_locks: dict[Key, tuple[threading.Lock, int]] = {}
        self._inflight: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, dict[Key, asyncio.Future[list[MappingEntry]]]
        ] = weakref.WeakKeyDictionary()

    def _cached(self, key: Key) -> list[MappingEntry] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if self._clock() - found[0] > self.ttl:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return found[1]

    def _store(self, key: Key, entries: list[MappingEntry]) -> None:
        with self._lock:
            self._entries[key] = (self._clock(), entries)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_size:
                self._entries.popitem(last=False)

    def put(self, key: Key, entries: list[MappingEntry]) -> None:
        """Cache `entries` for `key`, as a lookup would (a model info read elsewhere)."""
        self._store(key, entries)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Key, load: Callable[[], list[MappingEntry]]) -> list[MappingEntry]:
        """The cached entries for `key`, else `load()`'s (one caller loads, the others wait)."""
        if (found := self._cached(key)) is not None:
            return found
        with self._lock:
            lock, users = self._key_locks.get(key, (threading.Lock(), 0))
            self._key_locks[key] = (lock, users + 1)
        try:
            with lock:
                if (found := self._cached(key)) is not None:
                    return found
                entries = load()
                self._store(key, entries)
                return entries
        finally:
            with self._lock:
                lock, users = self._key_locks[key]
                if users <= 1:
                    del self._key_locks[key]
                else:
                    self._key_locks[key] = (lock, users - 1)

    async def aget(
        self, key: Key, load: Callable[[], Awaitable[list[MappingEntry]]]
    ) -> list[MappingEntry]:
        """Async twin of `get`: concurrent callers in one loop await the same lookup."""
        if (found := self._cached(key)) is not None:
            return found
        loop = asyncio.get_running_loop()
        inflight = self._inflight.setdefault(loop, {})
        if (pending := inflight.get(key)) is not None:
            # Shielded: one waiter being cancelled must not cancel the others' lookup.
            return await asyncio.shield(pending)
        future: asyncio.Future[list[MappingEntry]] = loop.create_future()
        inflight[key] = future
        try:
            entries = await load()
        except BaseException as exc:
            if isinstance(exc, Exception):
                future.set_exception(exc)
                future.exception()  # retrieved here, so an unawaited failure logs nothing
            else:
                future.cancel()
            raise
        finally:
            inflight.pop(key, None)
        self._store(key, entries)
        future.set_result(entries)
        return entries
