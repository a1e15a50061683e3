"""Inference Providers: calls routed to fal-ai, replicate, together, groq, ... (SPEC section 7).

- `_table`: the one table of (provider, task) adapters we implement, and direct base URLs;
- `_mapping`: the Hub's model -> providers mapping, cached with a TTL, one lookup in flight;
- `_choose`: a named provider checked, or "auto"'s filtered, ordered choice;
- `_jobs`: polling a provider's job with a backoff that grows with the job's age;
- `_run`: one call: choose, send through the transport, follow the answer, fail over;
- one module per provider (`fal_ai`, `replicate`, `together`, ...) of pure builders and parsers.
"""

from ._choose import RETIRED
from ._jobs import next_wait
from ._mapping import MappingCache, MappingEntry
from ._run import AUTO, ProviderRouter, answered_by
from ._table import ADAPTERS, DIRECT_BASES, HF_INFERENCE, SUPPORTED, implemented
from ._types import Job, JobState

__all__ = [
    "ADAPTERS",
    "AUTO",
    "DIRECT_BASES",
    "HF_INFERENCE",
    "RETIRED",
    "SUPPORTED",
    "Job",
    "JobState",
    "MappingCache",
    "MappingEntry",
    "ProviderRouter",
    "answered_by",
    "implemented",
    "next_wait",
]
