"""Every task, defined once: Args, Return, request builder, response parser (no I/O here)."""

from ._defaults import DEFAULT_MODELS
from ._spec import BuildContext, ContentContext, TaskSpec
from .image_classification import (
    IMAGE_CLASSIFICATION,
    ImageClassificationArgs,
    ImageClassificationParameters,
    ImageClassificationReturnValue,
)
from .text_classification import (
    TEXT_CLASSIFICATION,
    TextClassificationArgs,
    TextClassificationParameters,
    TextClassificationReturnValue,
)
from .text_to_image import TEXT_TO_IMAGE, TextToImageArgs, TextToImageParameters

__all__ = [
    "DEFAULT_MODELS",
    "IMAGE_CLASSIFICATION",
    "TASKS",
    "TEXT_CLASSIFICATION",
    "TEXT_TO_IMAGE",
    "BuildContext",
    "ContentContext",
    "ImageClassificationArgs",
    "ImageClassificationParameters",
    "ImageClassificationReturnValue",
    "TaskSpec",
    "TextClassificationArgs",
    "TextClassificationParameters",
    "TextClassificationReturnValue",
    "TextToImageArgs",
    "TextToImageParameters",
]

TASKS: dict[str, TaskSpec] = {  # type: ignore[type-arg]  # specs of every input/result type
    spec.name: spec
    for spec in (
        IMAGE_CLASSIFICATION,
        TEXT_CLASSIFICATION,
        TEXT_TO_IMAGE,
    )
}
"""Every task by its method / tool name."""
