"""Every task, defined once: Args, Return, request builder, response parser (no I/O here)."""

from ._defaults import DEFAULT_MODELS
from ._spec import BuildContext, ContentContext, TaskSpec
from .audio_classification import (
    AUDIO_CLASSIFICATION,
    AudioClassificationArgs,
    AudioClassificationParameters,
    AudioClassificationReturnValue,
)
from .automatic_speech_recognition import (
    AUTOMATIC_SPEECH_RECOGNITION,
    AutomaticSpeechRecognitionArgs,
    AutomaticSpeechRecognitionChunk,
    AutomaticSpeechRecognitionGenerationParameters,
    AutomaticSpeechRecognitionParameters,
    AutomaticSpeechRecognitionReturnValue,
)
from .image_classification import (
    IMAGE_CLASSIFICATION,
    ImageClassificationArgs,
    ImageClassificationParameters,
    ImageClassificationReturnValue,
)
from .image_segmentation import (
    IMAGE_SEGMENTATION,
    ImageSegmentationArgs,
    ImageSegmentationParameters,
    ImageSegmentationReturnValue,
)
from .object_detection import (
    OBJECT_DETECTION,
    ObjectDetectionArgs,
    ObjectDetectionBox,
    ObjectDetectionParameters,
    ObjectDetectionReturnValue,
)
from .text_classification import (
    TEXT_CLASSIFICATION,
    TextClassificationArgs,
    TextClassificationParameters,
    TextClassificationReturnValue,
)
from .text_to_image import TEXT_TO_IMAGE, TextToImageArgs, TextToImageParameters

__all__ = [
    "AUDIO_CLASSIFICATION",
    "AUTOMATIC_SPEECH_RECOGNITION",
    "DEFAULT_MODELS",
    "IMAGE_CLASSIFICATION",
    "IMAGE_SEGMENTATION",
    "OBJECT_DETECTION",
    "TASKS",
    "TEXT_CLASSIFICATION",
    "TEXT_TO_IMAGE",
    "AudioClassificationArgs",
    "AudioClassificationParameters",
    "AudioClassificationReturnValue",
    "AutomaticSpeechRecognitionArgs",
    "AutomaticSpeechRecognitionChunk",
    "AutomaticSpeechRecognitionGenerationParameters",
    "AutomaticSpeechRecognitionParameters",
    "AutomaticSpeechRecognitionReturnValue",
    "BuildContext",
    "ContentContext",
    "ImageClassificationArgs",
    "ImageClassificationParameters",
    "ImageClassificationReturnValue",
    "ImageSegmentationArgs",
    "ImageSegmentationParameters",
    "ImageSegmentationReturnValue",
    "ObjectDetectionArgs",
    "ObjectDetectionBox",
    "ObjectDetectionParameters",
    "ObjectDetectionReturnValue",
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
        AUDIO_CLASSIFICATION,
        AUTOMATIC_SPEECH_RECOGNITION,
        IMAGE_CLASSIFICATION,
        IMAGE_SEGMENTATION,
        OBJECT_DETECTION,
        TEXT_CLASSIFICATION,
        TEXT_TO_IMAGE,
    )
}
"""Every task by its method / tool name."""
