"""Every task, defined once: Args, Return, request builder, response parser (no I/O here)."""

from ._defaults import DEFAULT_MODELS
from ._spec import BuildContext, ContentContext, TaskSpec
from .conversational import (
    CONVERSATIONAL,
    ConversationalArgs,
    ConversationalHistory,
    ConversationalInputs,
    ConversationalParameters,
    ConversationalReturnValue,
)
from .feature_extraction import (
    FEATURE_EXTRACTION,
    FeatureExtractionArgs,
    FeatureExtractionParameters,
    FeatureExtractionReturn,
    FeatureExtractionToolArgs,
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
from .text_generation import (
    TEXT_GENERATION,
    TextGenerationArgs,
    TextGenerationParameters,
    TextGenerationReturnValue,
)
from .text_to_image import TEXT_TO_IMAGE, TextToImageArgs, TextToImageParameters

__all__ = [
    "CONVERSATIONAL",
    "DEFAULT_MODELS",
    "FEATURE_EXTRACTION",
    "IMAGE_CLASSIFICATION",
    "TASKS",
    "TEXT_CLASSIFICATION",
    "TEXT_GENERATION",
    "TEXT_TO_IMAGE",
    "BuildContext",
    "ContentContext",
    "ConversationalArgs",
    "ConversationalHistory",
    "ConversationalInputs",
    "ConversationalParameters",
    "ConversationalReturnValue",
    "FeatureExtractionArgs",
    "FeatureExtractionParameters",
    "FeatureExtractionReturn",
    "FeatureExtractionToolArgs",
    "ImageClassificationArgs",
    "ImageClassificationParameters",
    "ImageClassificationReturnValue",
    "TaskSpec",
    "TextClassificationArgs",
    "TextClassificationParameters",
    "TextClassificationReturnValue",
    "TextGenerationArgs",
    "TextGenerationParameters",
    "TextGenerationReturnValue",
    "TextToImageArgs",
    "TextToImageParameters",
]

TASKS: dict[str, TaskSpec] = {  # type: ignore[type-arg]  # specs of every input/result type
    spec.name: spec
    for spec in (
        CONVERSATIONAL,
        FEATURE_EXTRACTION,
        IMAGE_CLASSIFICATION,
        TEXT_CLASSIFICATION,
        TEXT_GENERATION,
        TEXT_TO_IMAGE,
    )
}
"""Every task by its method / tool name."""
