"""Hugging Face inference tasks as LangChain tools, over one shared httpx client.

Layers, each using only the ones below it: `_http` (the network), `tasks` (one definition per
task), `client` (`HfInference`), `tools` (one `BaseTool` per task), `toolkit`.

The root exports the client, its options and errors, the toolkit, every tool class, and every
task's Args / Parameters / ReturnValue types and spec (all of `tasks.__all__` and `tools.__all__`).
"""

from . import tasks, tools
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
