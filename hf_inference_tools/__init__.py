"""Hugging Face inference tasks as LangChain tools, over one shared httpx client.

"The seed", here and throughout the code, is the API this package ports: `@huggingface/inference`
v1, its `HfInference` client's task methods (names, Args and Return shapes).

Layers: `_http` (the network), `tasks` (one module per task: its spec, pure over `_http`, and
its tool class), `client` (`HfInference`, over the specs), `tools` (`_base`: the one place
LangChain is touched, under every task's tool class), `toolkit`.

The root exports the client, its options and errors, the toolkit, every tool class, and every
task's Args / Parameters / ReturnValue types and spec (all of `tasks.__all__` and `tools.__all__`).
None of these lists is written by hand: a task is a module of `tasks/`, and every table is
derived from those modules (`tasks/_registry.py`).
Each is imported when first read (PEP 562, see `_lazy`): `import hf_inference_tools` loads
none of them, and `from hf_inference_tools import TextClassificationTool` loads that tool and
its task only.
"""

import typing as _typing

from . import tasks, tools  # both cheap: they too import their names on first use
from ._lazy import lazy_exports as _lazy_exports

if _typing.TYPE_CHECKING:
    from ._config import Options as Options
    from ._version import __version__ as __version__
    from .client import AsyncInferenceStream as AsyncInferenceStream
    from .client import BinaryInput as BinaryInput
    from .client import HfInference as HfInference
    from .client import InferenceStream as InferenceStream
    from .errors import AuthenticationError as AuthenticationError
    from .errors import HfInferenceError as HfInferenceError
    from .errors import InferenceTimeoutError as InferenceTimeoutError
    from .errors import InputError as InputError
    from .errors import MediaError as MediaError
    from .errors import ModelLoadingError as ModelLoadingError
    from .errors import ModelNotFoundError as ModelNotFoundError
    from .errors import OutputError as OutputError
    from .errors import PaymentRequiredError as PaymentRequiredError
    from .errors import RateLimitError as RateLimitError
    from .errors import ServerError as ServerError
    from .tasks import *  # noqa: F403  # every task's types, spec and tool class
    from .toolkit import HfInferenceToolkit as HfInferenceToolkit
    from .tools import *  # noqa: F403  # the tool base classes and every tool class

    __all__: list[str]  # derived on first read, see `_lazy`

# Where each fixed name is defined, for `__getattr__`; task and tool names are found through
# their packages, which derive them from the task registry and import on first use.
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
    ".toolkit": ("HfInferenceToolkit",),
}


def _find(name: str) -> str | None:
    # The registry's own lookups, which read a task's source at most: nothing is imported here.
    return ".tasks" if tasks._exports(name) else ".tools" if tools._exports(name) else None


def _derived() -> list[str]:
    fixed = (
        name for package in (tasks, tools) for names in package._EXPORTS.values() for name in names
    )
    return [*fixed, *tasks._derived(), *tools._derived()]


if not _typing.TYPE_CHECKING:
    __getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS, find=_find, derived=_derived)
