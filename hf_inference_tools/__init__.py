"""Hugging Face inference tasks as LangChain tools, over one shared httpx client.

Layers, each using only the ones below it: `_http` (the network), `tasks` (one definition per
task), `client` (`HfInference`), `tools` (one `BaseTool` per task), `toolkit`.

The root exports the client, its options and errors, the toolkit, every tool class, and every
task's Args / Parameters / ReturnValue types and spec (all of `tasks.__all__` and `tools.__all__`).
Each is imported when first read (PEP 562, see `_lazy`): `import hf_inference_tools` loads
none of them, and `from hf_inference_tools import TextClassificationTool` loads that tool and
its task only.
"""

import typing as _typing

from . import tasks, tools  # both cheap: they too import their names on first use
from ._lazy import lazy_exports as _lazy_exports

if _typing.TYPE_CHECKING:
    from ._config import Options
    from ._version import __version__
    from .client import AsyncInferenceStream, BinaryInput, HfInference, InferenceStream
    from .errors import (
        AuthenticationError,
        HfInferenceError,
        InferenceTimeoutError,
        InputError,
        MediaError,
        ModelLoadingError,
        ModelNotFoundError,
        OutputError,
        PaymentRequiredError,
        RateLimitError,
        ServerError,
    )
    from .tasks import *  # noqa: F403  # every task's types and spec, listed in tasks.__all__
    from .toolkit import HfInferenceToolkit
    from .tools import *  # noqa: F403  # every tool class, listed in tools.__all__

__all__ = [
    "AsyncInferenceStream",
    "AuthenticationError",
    "BinaryInput",
    "HfInference",
    "HfInferenceError",
    "HfInferenceToolkit",
    "InferenceStream",
    "InferenceTimeoutError",
    "InputError",
    "MediaError",
    "ModelLoadingError",
    "ModelNotFoundError",
    "Options",
    "OutputError",
    "PaymentRequiredError",
    "RateLimitError",
    "ServerError",
    "__version__",
]
__all__ += tasks.__all__
__all__ += tools.__all__

# Where each name is defined, for `__getattr__` (tests/test_exports.py checks it against
# `__all__`). Task and tool names are read through their packages, which import on first use.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "._config": ("Options",),
    "._version": ("__version__",),
    ".client": ("AsyncInferenceStream", "BinaryInput", "HfInference", "InferenceStream"),
    ".errors": (
        "AuthenticationError",
        "HfInferenceError",
        "InferenceTimeoutError",
        "InputError",
        "MediaError",
        "ModelLoadingError",
        "ModelNotFoundError",
        "OutputError",
        "PaymentRequiredError",
        "RateLimitError",
        "ServerError",
    ),
    ".tasks": tuple(tasks.__all__),
    ".toolkit": ("HfInferenceToolkit",),
    ".tools": tuple(tools.__all__),
}

if not _typing.TYPE_CHECKING:
    __getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS)
