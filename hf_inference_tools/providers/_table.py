"""The one table: which (provider, task) pairs we implement, and each provider's own base URL.

`hf-inference` serves every task through the package's own task specs (the serverless API);
every other provider's adapters come from its module. A reader scans `ADAPTERS` to see what is
supported; `SUPPORTED` is derived from it.
"""

from __future__ import annotations

from ._types import Adapter
from .chat import adapters as chat_adapters
from .fal_ai import ADAPTERS as FAL_AI
from .novita import ADAPTERS as NOVITA
from .nscale import ADAPTERS as NSCALE
from .replicate import ADAPTERS as REPLICATE
from .together import ADAPTERS as TOGETHER
from .wavespeed import ADAPTERS as WAVESPEED
from .zai_org import ADAPTERS as ZAI_ORG

__all__ = ["ADAPTERS", "DIRECT_BASES", "HF_INFERENCE", "SUPPORTED", "implemented"]

HF_INFERENCE = "hf-inference"

DIRECT_BASES = {
    "baseten": "https://inference.baseten.co",
    "cerebras": "https://api.cerebras.ai",
    "cohere": "https://api.cohere.com",
    "deepinfra": "https://api.deepinfra.com",
    "fal-ai": "https://fal.run",
    "featherless-ai": "https://api.featherless.ai",
    "fireworks-ai": "https://api.fireworks.ai",
    "groq": "https://api.groq.com",
    "novita": "https://api.novita.ai",
    "nscale": "https://inference.api.nscale.com",
    "ovhcloud": "https://oai.endpoints.kepler.ai.cloud.ovh.net",
    "publicai": "https://api.publicai.co",
    "replicate": "https://api.replicate.com",
    "scaleway": "https://api.scaleway.ai",
    "together": "https://api.together.xyz",
    "wavespeed": "https://api.wavespeed.ai",
    "zai-org": "https://api.z.ai",
}

_OWN = {
    "fal-ai": FAL_AI,
    "novita": NOVITA,
    "nscale": NSCALE,
    "replicate": REPLICATE,
    "together": TOGETHER,
    "wavespeed": WAVESPEED,
    "zai-org": ZAI_ORG,
}

ADAPTERS: dict[str, dict[str, Adapter]] = {
    provider: {**chat_adapters(provider), **_OWN.get(provider, {})}
    for provider in sorted(DIRECT_BASES)
}
"""provider -> {task name -> adapter}; hf-inference is not here: it uses the task specs."""

SUPPORTED = frozenset({HF_INFERENCE, *ADAPTERS})


def implemented(provider: str, task: str) -> bool:
    """Whether we can call `task` on `provider` (hf-inference: every task the package has)."""
    return provider == HF_INFERENCE or task in ADAPTERS.get(provider, {})
