"""Every task, defined once: Args, Return, request builder, response parser (no I/O here)."""

from ._defaults import DEFAULT_MODELS
from ._spec import BuildContext, ContentContext, TaskSpec
from ._streaming import StreamSpec, TextGenerationStreamOutput
from .chat_completion import (
    CHAT_COMPLETION,
    CHAT_COMPLETION_STREAM,
    ChatCompletionArgs,
    ChatCompletionArgsMessage,
    ChatCompletionInput,
    ChatCompletionInputMessage,
    ChatCompletionParameters,
    ChatCompletionReturnValue,
    ChatCompletionStreamOutput,
)
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
    "CHAT_COMPLETION",
    "CHAT_COMPLETION_STREAM",
    "DEFAULT_MODELS",
    "IMAGE_CLASSIFICATION",
    "TASKS",
    "TEXT_CLASSIFICATION",
    "TEXT_TO_IMAGE",
    "BuildContext",
    "ChatCompletionArgs",
    "ChatCompletionArgsMessage",
    "ChatCompletionInput",
    "ChatCompletionInputMessage",
    "ChatCompletionParameters",
    "ChatCompletionReturnValue",
    "ChatCompletionStreamOutput",
    "ContentContext",
    "ImageClassificationArgs",
    "ImageClassificationParameters",
    "ImageClassificationReturnValue",
    "StreamSpec",
    "TaskSpec",
    "TextClassificationArgs",
    "TextClassificationParameters",
    "TextClassificationReturnValue",
    "TextGenerationStreamOutput",
    "TextToImageArgs",
    "TextToImageParameters",
]

TASKS: dict[str, TaskSpec] = {  # type: ignore[type-arg]  # specs of every input/result type
    spec.name: spec
    for spec in (
        CHAT_COMPLETION,
        IMAGE_CLASSIFICATION,
        TEXT_CLASSIFICATION,
        TEXT_TO_IMAGE,
    )
}
"""Every task by its method / tool name."""
