"""Every task, defined once: Args, Return, request builder, response parser (no I/O here)."""

from ._defaults import DEFAULT_MODELS
from ._spec import BuildContext, ContentContext, TaskSpec
from .audio_to_audio import (
    AUDIO_TO_AUDIO,
    AudioToAudioArgs,
    AudioToAudioReturnValue,
)
from .document_question_answering import (
    DOCUMENT_QUESTION_ANSWERING,
    DocumentQuestionAnsweringArgs,
    DocumentQuestionAnsweringInputs,
    DocumentQuestionAnsweringParameters,
    DocumentQuestionAnsweringReturnValue,
)
from .image_classification import (
    IMAGE_CLASSIFICATION,
    ImageClassificationArgs,
    ImageClassificationParameters,
    ImageClassificationReturnValue,
)
from .image_to_image import (
    IMAGE_TO_IMAGE,
    ImageToImageArgs,
    ImageToImageParameters,
    ImageToImageTargetSize,
)
from .image_to_text import (
    IMAGE_TO_TEXT,
    ImageToTextArgs,
    ImageToTextParameters,
    ImageToTextReturnValue,
)
from .sentence_similarity import (
    SENTENCE_SIMILARITY,
    SentenceSimilarityArgs,
    SentenceSimilarityInputs,
)
from .tabular_classification import (
    TABULAR_CLASSIFICATION,
    TabularClassificationArgs,
    TabularClassificationInputs,
)
from .tabular_regression import (
    TABULAR_REGRESSION,
    TabularRegressionArgs,
    TabularRegressionInputs,
)
from .text_classification import (
    TEXT_CLASSIFICATION,
    TextClassificationArgs,
    TextClassificationParameters,
    TextClassificationReturnValue,
)
from .text_to_image import TEXT_TO_IMAGE, TextToImageArgs, TextToImageParameters
from .text_to_speech import (
    TEXT_TO_SPEECH,
    TextToSpeechArgs,
    TextToSpeechParameters,
)
from .visual_question_answering import (
    VISUAL_QUESTION_ANSWERING,
    VisualQuestionAnsweringArgs,
    VisualQuestionAnsweringInputs,
    VisualQuestionAnsweringParameters,
    VisualQuestionAnsweringReturnValue,
)
from .zero_shot_image_classification import (
    ZERO_SHOT_IMAGE_CLASSIFICATION,
    ZeroShotImageClassificationArgs,
    ZeroShotImageClassificationParameters,
    ZeroShotImageClassificationReturnValue,
)

__all__ = [
    "AUDIO_TO_AUDIO",
    "DEFAULT_MODELS",
    "DOCUMENT_QUESTION_ANSWERING",
    "IMAGE_CLASSIFICATION",
    "IMAGE_TO_IMAGE",
    "IMAGE_TO_TEXT",
    "SENTENCE_SIMILARITY",
    "TABULAR_CLASSIFICATION",
    "TABULAR_REGRESSION",
    "TASKS",
    "TEXT_CLASSIFICATION",
    "TEXT_TO_IMAGE",
    "TEXT_TO_SPEECH",
    "VISUAL_QUESTION_ANSWERING",
    "ZERO_SHOT_IMAGE_CLASSIFICATION",
    "AudioToAudioArgs",
    "AudioToAudioReturnValue",
    "BuildContext",
    "ContentContext",
    "DocumentQuestionAnsweringArgs",
    "DocumentQuestionAnsweringInputs",
    "DocumentQuestionAnsweringParameters",
    "DocumentQuestionAnsweringReturnValue",
    "ImageClassificationArgs",
    "ImageClassificationParameters",
    "ImageClassificationReturnValue",
    "ImageToImageArgs",
    "ImageToImageParameters",
    "ImageToImageTargetSize",
    "ImageToTextArgs",
    "ImageToTextParameters",
    "ImageToTextReturnValue",
    "SentenceSimilarityArgs",
    "SentenceSimilarityInputs",
    "TabularClassificationArgs",
    "TabularClassificationInputs",
    "TabularRegressionArgs",
    "TabularRegressionInputs",
    "TaskSpec",
    "TextClassificationArgs",
    "TextClassificationParameters",
    "TextClassificationReturnValue",
    "TextToImageArgs",
    "TextToImageParameters",
    "TextToSpeechArgs",
    "TextToSpeechParameters",
    "VisualQuestionAnsweringArgs",
    "VisualQuestionAnsweringInputs",
    "VisualQuestionAnsweringParameters",
    "VisualQuestionAnsweringReturnValue",
    "ZeroShotImageClassificationArgs",
    "ZeroShotImageClassificationParameters",
    "ZeroShotImageClassificationReturnValue",
]

TASKS: dict[str, TaskSpec] = {  # type: ignore[type-arg]  # specs of every input/result type
    spec.name: spec
    for spec in (
        AUDIO_TO_AUDIO,
        DOCUMENT_QUESTION_ANSWERING,
        IMAGE_CLASSIFICATION,
        IMAGE_TO_IMAGE,
        IMAGE_TO_TEXT,
        SENTENCE_SIMILARITY,
        TABULAR_CLASSIFICATION,
        TABULAR_REGRESSION,
        TEXT_CLASSIFICATION,
        TEXT_TO_IMAGE,
        TEXT_TO_SPEECH,
        VISUAL_QUESTION_ANSWERING,
        ZERO_SHOT_IMAGE_CLASSIFICATION,
    )
}
"""Every task by its method / tool name."""
