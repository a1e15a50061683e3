"""Where LangChain begins: one `BaseTool` per task, all over a shared `HfInference`.

Importing this package loads no tool: each class is imported from its module when first read
(PEP 562, see `.._lazy`), and `TOOL_CLASSES` imports a tool's module when it is looked up.
"""

import typing as _typing

from .._lazy import LazyRegistry as _LazyRegistry
from .._lazy import lazy_exports as _lazy_exports

if _typing.TYPE_CHECKING:
    from collections.abc import Mapping

    from ._base import STREAM_EVENT, HfInferenceStreamingTool, HfInferenceTool, ToolOutput
    from .audio import AudioClassificationTool, AutomaticSpeechRecognitionTool
    from .catalogue import (
        AudioToAudioTool,
        DocumentQuestionAnsweringTool,
        ImageToImageTool,
        ImageToTextTool,
        SentenceSimilarityTool,
        TabularClassificationTool,
        TabularRegressionTool,
        TextToSpeechTool,
        VisualQuestionAnsweringTool,
        ZeroShotImageClassificationTool,
    )
    from .chat import ChatCompletionTool
    from .generation import ConversationalTool, FeatureExtractionTool, TextGenerationTool
    from .nlp import (
        FillMaskTool,
        QuestionAnswerTool,
        SummarizationTool,
        TableQuestionAnswerTool,
        TokenClassificationTool,
        TranslationTool,
        ZeroShotClassificationTool,
    )
    from .text import TextClassificationTool
    from .vision import (
        ImageClassificationTool,
        ImageSegmentationTool,
        ObjectDetectionTool,
        TextToImageTool,
    )

__all__ = [
    "AudioClassificationTool",
    "AudioToAudioTool",
    "AutomaticSpeechRecognitionTool",
    "ChatCompletionTool",
    "ConversationalTool",
    "DocumentQuestionAnsweringTool",
    "FeatureExtractionTool",
    "FillMaskTool",
    "HfInferenceStreamingTool",
    "HfInferenceTool",
    "ImageClassificationTool",
    "ImageSegmentationTool",
    "ImageToImageTool",
    "ImageToTextTool",
    "ObjectDetectionTool",
    "QuestionAnswerTool",
    "STREAM_EVENT",
    "SentenceSimilarityTool",
    "SummarizationTool",
    "TOOL_CLASSES",
    "TableQuestionAnswerTool",
    "TabularClassificationTool",
    "TabularRegressionTool",
    "TextClassificationTool",
    "TextGenerationTool",
    "TextToImageTool",
    "TextToSpeechTool",
    "TokenClassificationTool",
    "ToolOutput",
    "TranslationTool",
    "VisualQuestionAnsweringTool",
    "ZeroShotClassificationTool",
    "ZeroShotImageClassificationTool",
]

# Where each name is defined, for `__getattr__` (tests/test_exports.py checks it against
# `__all__` and the modules).
_EXPORTS: dict[str, tuple[str, ...]] = {
    "._base": ("STREAM_EVENT", "HfInferenceStreamingTool", "HfInferenceTool", "ToolOutput"),
    ".audio": ("AudioClassificationTool", "AutomaticSpeechRecognitionTool"),
    ".catalogue": (
        "AudioToAudioTool",
        "DocumentQuestionAnsweringTool",
        "ImageToImageTool",
        "ImageToTextTool",
        "SentenceSimilarityTool",
        "TabularClassificationTool",
        "TabularRegressionTool",
        "TextToSpeechTool",
        "VisualQuestionAnsweringTool",
        "ZeroShotImageClassificationTool",
    ),
    ".chat": ("ChatCompletionTool",),
    ".generation": ("ConversationalTool", "FeatureExtractionTool", "TextGenerationTool"),
    ".nlp": (
        "FillMaskTool",
        "QuestionAnswerTool",
        "SummarizationTool",
        "TableQuestionAnswerTool",
        "TokenClassificationTool",
        "TranslationTool",
        "ZeroShotClassificationTool",
    ),
    ".text": ("TextClassificationTool",),
    ".vision": (
        "ImageClassificationTool",
        "ImageSegmentationTool",
        "ObjectDetectionTool",
        "TextToImageTool",
    ),
}

TOOL_CLASSES: "Mapping[str, type[HfInferenceTool]]" = _LazyRegistry(
    __name__,
    {
        "audio_classification": "AudioClassificationTool",
        "audio_to_audio": "AudioToAudioTool",
        "automatic_speech_recognition": "AutomaticSpeechRecognitionTool",
        "chat_completion": "ChatCompletionTool",
        "conversational": "ConversationalTool",
        "document_question_answering": "DocumentQuestionAnsweringTool",
        "feature_extraction": "FeatureExtractionTool",
        "fill_mask": "FillMaskTool",
        "image_classification": "ImageClassificationTool",
        "image_segmentation": "ImageSegmentationTool",
        "image_to_image": "ImageToImageTool",
        "image_to_text": "ImageToTextTool",
        "object_detection": "ObjectDetectionTool",
        "question_answer": "QuestionAnswerTool",
        "sentence_similarity": "SentenceSimilarityTool",
        "summarization": "SummarizationTool",
        "table_question_answer": "TableQuestionAnswerTool",
        "tabular_classification": "TabularClassificationTool",
        "tabular_regression": "TabularRegressionTool",
        "text_classification": "TextClassificationTool",
        "text_generation": "TextGenerationTool",
        "text_to_image": "TextToImageTool",
        "text_to_speech": "TextToSpeechTool",
        "token_classification": "TokenClassificationTool",
        "translation": "TranslationTool",
        "visual_question_answering": "VisualQuestionAnsweringTool",
        "zero_shot_classification": "ZeroShotClassificationTool",
        "zero_shot_image_classification": "ZeroShotImageClassificationTool",
    },
    what="TOOL_CLASSES",
)
"""Every tool class by its tool name, the name the LLM sees (read-only; a lookup imports that
tool's module)."""

if not _typing.TYPE_CHECKING:
    __getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS)
