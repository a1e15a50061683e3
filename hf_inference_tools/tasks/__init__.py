"""Every task, defined once: Args, Return, request builder, response parser (no I/O here).

Importing this package loads no task: each name is imported from its module when first read
(PEP 562, see `.._lazy`), and `TASKS` imports a task's module when it is looked up.

The task modules do not use `from __future__ import annotations`: with it, pydantic compiles and
evaluates every field's annotation string as each model class is created, a quarter of what
loading the ~110 models costs (tests/test_imports.py guards it).
"""

import typing as _typing

from .._lazy import LazyRegistry as _LazyRegistry
from .._lazy import lazy_exports as _lazy_exports

if _typing.TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from ._defaults import DEFAULT_MODELS
    from ._generation_streams import CONVERSATIONAL_STREAM, TEXT_GENERATION_STREAM
    from ._spec import BuildContext, ContentContext, TaskSpec
    from ._streaming import StreamSpec, TextGenerationStreamOutput
    from .audio_classification import (
        AUDIO_CLASSIFICATION,
        AudioClassificationArgs,
        AudioClassificationParameters,
        AudioClassificationReturnValue,
    )
    from .audio_to_audio import AUDIO_TO_AUDIO, AudioToAudioArgs, AudioToAudioReturnValue
    from .automatic_speech_recognition import (
        AUTOMATIC_SPEECH_RECOGNITION,
        AutomaticSpeechRecognitionArgs,
        AutomaticSpeechRecognitionChunk,
        AutomaticSpeechRecognitionGenerationParameters,
        AutomaticSpeechRecognitionParameters,
        AutomaticSpeechRecognitionReturnValue,
    )
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
    from .conversational import (
        CONVERSATIONAL,
        ConversationalArgs,
        ConversationalHistory,
        ConversationalInputs,
        ConversationalParameters,
        ConversationalReturnValue,
    )
    from .document_question_answering import (
        DOCUMENT_QUESTION_ANSWERING,
        DocumentQuestionAnsweringArgs,
        DocumentQuestionAnsweringInputs,
        DocumentQuestionAnsweringParameters,
        DocumentQuestionAnsweringReturnValue,
    )
    from .feature_extraction import (
        FEATURE_EXTRACTION,
        FeatureExtractionArgs,
        FeatureExtractionParameters,
        FeatureExtractionReturn,
        FeatureExtractionToolArgs,
    )
    from .fill_mask import FILL_MASK, FillMaskArgs, FillMaskParameters, FillMaskReturnValue
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
    from .object_detection import (
        OBJECT_DETECTION,
        ObjectDetectionArgs,
        ObjectDetectionBox,
        ObjectDetectionParameters,
        ObjectDetectionReturnValue,
    )
    from .question_answer import (
        QUESTION_ANSWER,
        QuestionAnswerArgs,
        QuestionAnswerInputs,
        QuestionAnswerParameters,
        QuestionAnswerReturnValue,
    )
    from .sentence_similarity import (
        SENTENCE_SIMILARITY,
        SentenceSimilarityArgs,
        SentenceSimilarityInputs,
    )
    from .summarization import (
        SUMMARIZATION,
        SummarizationArgs,
        SummarizationParameters,
        SummarizationReturnValue,
    )
    from .table_question_answer import (
        TABLE_QUESTION_ANSWER,
        TableQuestionAnswerArgs,
        TableQuestionAnswerInputs,
        TableQuestionAnswerParameters,
        TableQuestionAnswerReturnValue,
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
    from .text_generation import (
        TEXT_GENERATION,
        TextGenerationArgs,
        TextGenerationParameters,
        TextGenerationReturnValue,
    )
    from .text_to_image import TEXT_TO_IMAGE, TextToImageArgs, TextToImageParameters
    from .text_to_speech import TEXT_TO_SPEECH, TextToSpeechArgs, TextToSpeechParameters
    from .token_classification import (
        TOKEN_CLASSIFICATION,
        TokenClassificationArgs,
        TokenClassificationParameters,
        TokenClassificationReturnValue,
    )
    from .translation import (
        TRANSLATION,
        TranslationArgs,
        TranslationParameters,
        TranslationReturnValue,
    )
    from .visual_question_answering import (
        VISUAL_QUESTION_ANSWERING,
        VisualQuestionAnsweringArgs,
        VisualQuestionAnsweringInputs,
        VisualQuestionAnsweringParameters,
        VisualQuestionAnsweringReturnValue,
    )
    from .zero_shot_classification import (
        ZERO_SHOT_CLASSIFICATION,
        ZeroShotClassificationArgs,
        ZeroShotClassificationParameters,
        ZeroShotClassificationReturnValue,
        ZeroShotClassificationToolArgs,
    )
    from .zero_shot_image_classification import (
        ZERO_SHOT_IMAGE_CLASSIFICATION,
        ZeroShotImageClassificationArgs,
        ZeroShotImageClassificationParameters,
        ZeroShotImageClassificationReturnValue,
    )

__all__ = [
    "AUDIO_CLASSIFICATION",
    "AUDIO_TO_AUDIO",
    "AUTOMATIC_SPEECH_RECOGNITION",
    "AudioClassificationArgs",
    "AudioClassificationParameters",
    "AudioClassificationReturnValue",
    "AudioToAudioArgs",
    "AudioToAudioReturnValue",
    "AutomaticSpeechRecognitionArgs",
    "AutomaticSpeechRecognitionChunk",
    "AutomaticSpeechRecognitionGenerationParameters",
    "AutomaticSpeechRecognitionParameters",
    "AutomaticSpeechRecognitionReturnValue",
    "BuildContext",
    "CHAT_COMPLETION",
    "CHAT_COMPLETION_STREAM",
    "CONVERSATIONAL",
    "CONVERSATIONAL_STREAM",
    "ChatCompletionArgs",
    "ChatCompletionArgsMessage",
    "ChatCompletionInput",
    "ChatCompletionInputMessage",
    "ChatCompletionParameters",
    "ChatCompletionReturnValue",
    "ChatCompletionStreamOutput",
    "ContentContext",
    "ConversationalArgs",
    "ConversationalHistory",
    "ConversationalInputs",
    "ConversationalParameters",
    "ConversationalReturnValue",
    "DEFAULT_MODELS",
    "DOCUMENT_QUESTION_ANSWERING",
    "DocumentQuestionAnsweringArgs",
    "DocumentQuestionAnsweringInputs",
    "DocumentQuestionAnsweringParameters",
    "DocumentQuestionAnsweringReturnValue",
    "FEATURE_EXTRACTION",
    "FILL_MASK",
    "FeatureExtractionArgs",
    "FeatureExtractionParameters",
    "FeatureExtractionReturn",
    "FeatureExtractionToolArgs",
    "FillMaskArgs",
    "FillMaskParameters",
    "FillMaskReturnValue",
    "IMAGE_CLASSIFICATION",
    "IMAGE_SEGMENTATION",
    "IMAGE_TO_IMAGE",
    "IMAGE_TO_TEXT",
    "ImageClassificationArgs",
    "ImageClassificationParameters",
    "ImageClassificationReturnValue",
    "ImageSegmentationArgs",
    "ImageSegmentationParameters",
    "ImageSegmentationReturnValue",
    "ImageToImageArgs",
    "ImageToImageParameters",
    "ImageToImageTargetSize",
    "ImageToTextArgs",
    "ImageToTextParameters",
    "ImageToTextReturnValue",
    "OBJECT_DETECTION",
    "ObjectDetectionArgs",
    "ObjectDetectionBox",
    "ObjectDetectionParameters",
    "ObjectDetectionReturnValue",
    "QUESTION_ANSWER",
    "QuestionAnswerArgs",
    "QuestionAnswerInputs",
    "QuestionAnswerParameters",
    "QuestionAnswerReturnValue",
    "SENTENCE_SIMILARITY",
    "SUMMARIZATION",
    "SentenceSimilarityArgs",
    "SentenceSimilarityInputs",
    "StreamSpec",
    "SummarizationArgs",
    "SummarizationParameters",
    "SummarizationReturnValue",
    "TABLE_QUESTION_ANSWER",
    "TABULAR_CLASSIFICATION",
    "TABULAR_REGRESSION",
    "TASKS",
    "TEXT_CLASSIFICATION",
    "TEXT_GENERATION",
    "TEXT_GENERATION_STREAM",
    "TEXT_TO_IMAGE",
    "TEXT_TO_SPEECH",
    "TOKEN_CLASSIFICATION",
    "TRANSLATION",
    "TableQuestionAnswerArgs",
    "TableQuestionAnswerInputs",
    "TableQuestionAnswerParameters",
    "TableQuestionAnswerReturnValue",
    "TabularClassificationArgs",
    "TabularClassificationInputs",
    "TabularRegressionArgs",
    "TabularRegressionInputs",
    "TaskSpec",
    "TextClassificationArgs",
    "TextClassificationParameters",
    "TextClassificationReturnValue",
    "TextGenerationArgs",
    "TextGenerationParameters",
    "TextGenerationReturnValue",
    "TextGenerationStreamOutput",
    "TextToImageArgs",
    "TextToImageParameters",
    "TextToSpeechArgs",
    "TextToSpeechParameters",
    "TokenClassificationArgs",
    "TokenClassificationParameters",
    "TokenClassificationReturnValue",
    "TranslationArgs",
    "TranslationParameters",
    "TranslationReturnValue",
    "VISUAL_QUESTION_ANSWERING",
    "VisualQuestionAnsweringArgs",
    "VisualQuestionAnsweringInputs",
    "VisualQuestionAnsweringParameters",
    "VisualQuestionAnsweringReturnValue",
    "ZERO_SHOT_CLASSIFICATION",
    "ZERO_SHOT_IMAGE_CLASSIFICATION",
    "ZeroShotClassificationArgs",
    "ZeroShotClassificationParameters",
    "ZeroShotClassificationReturnValue",
    "ZeroShotClassificationToolArgs",
    "ZeroShotImageClassificationArgs",
    "ZeroShotImageClassificationParameters",
    "ZeroShotImageClassificationReturnValue",
]

# Where each name is defined, for `__getattr__` (tests/test_exports.py checks it against
# `__all__` and the modules).
_EXPORTS: dict[str, tuple[str, ...]] = {
    "._defaults": ("DEFAULT_MODELS",),
    "._generation_streams": ("CONVERSATIONAL_STREAM", "TEXT_GENERATION_STREAM"),
    "._spec": ("BuildContext", "ContentContext", "TaskSpec"),
    "._streaming": ("StreamSpec", "TextGenerationStreamOutput"),
    ".audio_classification": (
        "AUDIO_CLASSIFICATION",
        "AudioClassificationArgs",
        "AudioClassificationParameters",
        "AudioClassificationReturnValue",
    ),
    ".audio_to_audio": ("AUDIO_TO_AUDIO", "AudioToAudioArgs", "AudioToAudioReturnValue"),
    ".automatic_speech_recognition": (
        "AUTOMATIC_SPEECH_RECOGNITION",
        "AutomaticSpeechRecognitionArgs",
        "AutomaticSpeechRecognitionChunk",
        "AutomaticSpeechRecognitionGenerationParameters",
        "AutomaticSpeechRecognitionParameters",
        "AutomaticSpeechRecognitionReturnValue",
    ),
    ".chat_completion": (
        "CHAT_COMPLETION",
        "CHAT_COMPLETION_STREAM",
        "ChatCompletionArgs",
        "ChatCompletionArgsMessage",
        "ChatCompletionInput",
        "ChatCompletionInputMessage",
        "ChatCompletionParameters",
        "ChatCompletionReturnValue",
        "ChatCompletionStreamOutput",
    ),
    ".conversational": (
        "CONVERSATIONAL",
        "ConversationalArgs",
        "ConversationalHistory",
        "ConversationalInputs",
        "ConversationalParameters",
        "ConversationalReturnValue",
    ),
    ".document_question_answering": (
        "DOCUMENT_QUESTION_ANSWERING",
        "DocumentQuestionAnsweringArgs",
        "DocumentQuestionAnsweringInputs",
        "DocumentQuestionAnsweringParameters",
        "DocumentQuestionAnsweringReturnValue",
    ),
    ".feature_extraction": (
        "FEATURE_EXTRACTION",
        "FeatureExtractionArgs",
        "FeatureExtractionParameters",
        "FeatureExtractionReturn",
        "FeatureExtractionToolArgs",
    ),
    ".fill_mask": ("FILL_MASK", "FillMaskArgs", "FillMaskParameters", "FillMaskReturnValue"),
    ".image_classification": (
        "IMAGE_CLASSIFICATION",
        "ImageClassificationArgs",
        "ImageClassificationParameters",
        "ImageClassificationReturnValue",
    ),
    ".image_segmentation": (
        "IMAGE_SEGMENTATION",
        "ImageSegmentationArgs",
        "ImageSegmentationParameters",
        "ImageSegmentationReturnValue",
    ),
    ".image_to_image": (
        "IMAGE_TO_IMAGE",
        "ImageToImageArgs",
        "ImageToImageParameters",
        "ImageToImageTargetSize",
    ),
    ".image_to_text": (
        "IMAGE_TO_TEXT",
        "ImageToTextArgs",
        "ImageToTextParameters",
        "ImageToTextReturnValue",
    ),
    ".object_detection": (
        "OBJECT_DETECTION",
        "ObjectDetectionArgs",
        "ObjectDetectionBox",
        "ObjectDetectionParameters",
        "ObjectDetectionReturnValue",
    ),
    ".question_answer": (
        "QUESTION_ANSWER",
        "QuestionAnswerArgs",
        "QuestionAnswerInputs",
        "QuestionAnswerParameters",
        "QuestionAnswerReturnValue",
    ),
    ".sentence_similarity": (
        "SENTENCE_SIMILARITY",
        "SentenceSimilarityArgs",
        "SentenceSimilarityInputs",
    ),
    ".summarization": (
        "SUMMARIZATION",
        "SummarizationArgs",
        "SummarizationParameters",
        "SummarizationReturnValue",
    ),
    ".table_question_answer": (
        "TABLE_QUESTION_ANSWER",
        "TableQuestionAnswerArgs",
        "TableQuestionAnswerInputs",
        "TableQuestionAnswerParameters",
        "TableQuestionAnswerReturnValue",
    ),
    ".tabular_classification": (
        "TABULAR_CLASSIFICATION",
        "TabularClassificationArgs",
        "TabularClassificationInputs",
    ),
    ".tabular_regression": (
        "TABULAR_REGRESSION",
        "TabularRegressionArgs",
        "TabularRegressionInputs",
    ),
    ".text_classification": (
        "TEXT_CLASSIFICATION",
        "TextClassificationArgs",
        "TextClassificationParameters",
        "TextClassificationReturnValue",
    ),
    ".text_generation": (
        "TEXT_GENERATION",
        "TextGenerationArgs",
        "TextGenerationParameters",
        "TextGenerationReturnValue",
    ),
    ".text_to_image": ("TEXT_TO_IMAGE", "TextToImageArgs", "TextToImageParameters"),
    ".text_to_speech": ("TEXT_TO_SPEECH", "TextToSpeechArgs", "TextToSpeechParameters"),
    ".token_classification": (
        "TOKEN_CLASSIFICATION",
        "TokenClassificationArgs",
        "TokenClassificationParameters",
        "TokenClassificationReturnValue",
    ),
    ".translation": (
        "TRANSLATION",
        "TranslationArgs",
        "TranslationParameters",
        "TranslationReturnValue",
    ),
    ".visual_question_answering": (
        "VISUAL_QUESTION_ANSWERING",
        "VisualQuestionAnsweringArgs",
        "VisualQuestionAnsweringInputs",
        "VisualQuestionAnsweringParameters",
        "VisualQuestionAnsweringReturnValue",
    ),
    ".zero_shot_classification": (
        "ZERO_SHOT_CLASSIFICATION",
        "ZeroShotClassificationArgs",
        "ZeroShotClassificationParameters",
        "ZeroShotClassificationReturnValue",
        "ZeroShotClassificationToolArgs",
    ),
    ".zero_shot_image_classification": (
        "ZERO_SHOT_IMAGE_CLASSIFICATION",
        "ZeroShotImageClassificationArgs",
        "ZeroShotImageClassificationParameters",
        "ZeroShotImageClassificationReturnValue",
    ),
}

TASKS: "Mapping[str, TaskSpec[Any, Any]]" = _LazyRegistry(
    __name__,
    {
        "audio_classification": "AUDIO_CLASSIFICATION",
        "audio_to_audio": "AUDIO_TO_AUDIO",
        "automatic_speech_recognition": "AUTOMATIC_SPEECH_RECOGNITION",
        "chat_completion": "CHAT_COMPLETION",
        "conversational": "CONVERSATIONAL",
        "document_question_answering": "DOCUMENT_QUESTION_ANSWERING",
        "feature_extraction": "FEATURE_EXTRACTION",
        "fill_mask": "FILL_MASK",
        "image_classification": "IMAGE_CLASSIFICATION",
        "image_segmentation": "IMAGE_SEGMENTATION",
        "image_to_image": "IMAGE_TO_IMAGE",
        "image_to_text": "IMAGE_TO_TEXT",
        "object_detection": "OBJECT_DETECTION",
        "question_answer": "QUESTION_ANSWER",
        "sentence_similarity": "SENTENCE_SIMILARITY",
        "summarization": "SUMMARIZATION",
        "table_question_answer": "TABLE_QUESTION_ANSWER",
        "tabular_classification": "TABULAR_CLASSIFICATION",
        "tabular_regression": "TABULAR_REGRESSION",
        "text_classification": "TEXT_CLASSIFICATION",
        "text_generation": "TEXT_GENERATION",
        "text_to_image": "TEXT_TO_IMAGE",
        "text_to_speech": "TEXT_TO_SPEECH",
        "token_classification": "TOKEN_CLASSIFICATION",
        "translation": "TRANSLATION",
        "visual_question_answering": "VISUAL_QUESTION_ANSWERING",
        "zero_shot_classification": "ZERO_SHOT_CLASSIFICATION",
        "zero_shot_image_classification": "ZERO_SHOT_IMAGE_CLASSIFICATION",
    },
    what="TASKS",
)
"""Every task by its method / tool name (read-only; a lookup imports that task's module)."""

if not _typing.TYPE_CHECKING:
    __getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS)
