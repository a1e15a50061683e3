"""Where LangChain begins: one `BaseTool` per task, all over a shared `HfInference`."""

from ._base import STREAM_EVENT, HfInferenceTool
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
    "TranslationTool",
    "VisualQuestionAnsweringTool",
    "ZeroShotClassificationTool",
    "ZeroShotImageClassificationTool",
]

TOOL_CLASSES: dict[str, type[HfInferenceTool]] = {
    cls.spec.name: cls
    for cls in (
        AudioClassificationTool,
        AudioToAudioTool,
        AutomaticSpeechRecognitionTool,
        ChatCompletionTool,
        ConversationalTool,
        DocumentQuestionAnsweringTool,
        FeatureExtractionTool,
        FillMaskTool,
        ImageClassificationTool,
        ImageSegmentationTool,
        ImageToImageTool,
        ImageToTextTool,
        ObjectDetectionTool,
        QuestionAnswerTool,
        SentenceSimilarityTool,
        SummarizationTool,
        TableQuestionAnswerTool,
        TabularClassificationTool,
        TabularRegressionTool,
        TextClassificationTool,
        TextGenerationTool,
        TextToImageTool,
        TextToSpeechTool,
        TokenClassificationTool,
        TranslationTool,
        VisualQuestionAnsweringTool,
        ZeroShotClassificationTool,
        ZeroShotImageClassificationTool,
    )
}
"""Every tool class by its tool name (the name the LLM sees)."""
