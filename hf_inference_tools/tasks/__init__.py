"""Every task, defined once: Args, Return, request builder, response parser, tool (no I/O here).

A task is one module of this package (`text_classification.py`); `_registry` finds them and
says what each exports. Importing this package loads no task: each name is imported from its
module when first read (PEP 562, see `.._lazy`), and `TASKS` imports a task's module when it is
looked up. The task tools are exported by `..tools`, not here.

The task modules do not use `from __future__ import annotations`: with it, pydantic compiles and
evaluates every field's annotation string as each model class is created, a quarter of what
loading the ~110 models costs (tests/test_imports.py guards it).
"""

import typing as _typing

from .._lazy import LazyRegistry as _LazyRegistry
from .._lazy import lazy_exports as _lazy_exports
from . import _registry

if _typing.TYPE_CHECKING:
    # For type checkers only, which cannot see names found at run time: one line per task.
    # tests/test_registry.py checks that these lines name exactly the task modules.
    from collections.abc import Mapping
    from typing import Any

    from ._defaults import DEFAULT_MODELS as DEFAULT_MODELS
    from ._spec import BuildContext as BuildContext
    from ._spec import ContentContext as ContentContext
    from ._spec import TaskSpec as TaskSpec
    from ._streaming import StreamSpec as StreamSpec
    from ._streaming import TextGenerationStreamOutput as TextGenerationStreamOutput
    from .audio_classification import *
    from .audio_to_audio import *
    from .automatic_speech_recognition import *
    from .chat_completion import *
    from .conversational import *
    from .document_question_answering import *
    from .feature_extraction import *
    from .fill_mask import *
    from .image_classification import *
    from .image_segmentation import *
    from .image_to_image import *
    from .image_to_text import *
    from .image_to_video import *
    from .object_detection import *
    from .question_answer import *
    from .sentence_similarity import *
    from .summarization import *
    from .table_question_answer import *
    from .tabular_classification import *
    from .tabular_regression import *
    from .text_classification import *
    from .text_generation import *
    from .text_to_image import *
    from .text_to_speech import *
    from .text_to_video import *
    from .token_classification import *
    from .translation import *
    from .visual_question_answering import *
    from .zero_shot_classification import *
    from .zero_shot_image_classification import *


# The fixed names; every task's own are found through `_registry` (tests/test_exports.py
# checks both against `__all__` and the modules).
_EXPORTS: dict[str, tuple[str, ...]] = {
    "._defaults": ("DEFAULT_MODELS",),
    "._spec": ("BuildContext", "ContentContext", "TaskSpec"),
    "._streaming": ("StreamSpec", "TextGenerationStreamOutput"),
}


def _exports(name: str) -> bool:
    """Whether this package exports `name` (for the root's lookups; imports nothing)."""
    return name == "TASKS" or any(name in names for names in _EXPORTS.values()) or bool(_find(name))


def _find(name: str) -> str | None:
    task = _registry.module_of(name)
    # A task's tool is in its module but is exported by `..tools`, with LangChain's part.
    return f".{task}" if task and name != _registry.tool_class_name(task) else None


def _derived() -> list[str]:
    return [
        "TASKS",
        *(
            name
            for task in _registry.task_names()
            for name in _registry.exported_by(task)
            if name != _registry.tool_class_name(task)
        ),
    ]


TASKS: "Mapping[str, TaskSpec[Any, Any]]" = _LazyRegistry(
    __name__,
    lambda: {task: task.upper() for task in _registry.task_names()},
    what="TASKS",
)
"""Every task by its method / tool name (read-only; a lookup imports that task's module)."""

if not _typing.TYPE_CHECKING:
    __getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS, find=_find, derived=_derived)
