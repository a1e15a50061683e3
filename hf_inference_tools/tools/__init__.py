"""Where LangChain begins: one `BaseTool` per task, all over a shared `HfInference`."""

from ._base import HfInferenceTool
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
from .text import TextClassificationTool
from .vision import ImageClassificationTool, TextToImageTool

__all__ = [
    "TOOL_CLASSES",
    "AudioToAudioTool",
    "DocumentQuestionAnsweringTool",
    "HfInferenceTool",
    "ImageClassificationTool",
    "ImageToImageTool",
    "ImageToTextTool",
    "SentenceSimilarityTool",
    "TabularClassificationTool",
    "TabularRegressionTool",
    "TextClassificationTool",
    "TextToImageTool",
    "TextToSpeechTool",
    "VisualQuestionAnsweringTool",
    "ZeroShotImageClassificationTool",
]

TOOL_CLASSES: dict[str, type[HfInferenceTool]] = {
    cls.spec.name: cls
    for cls in (
        AudioToAudioTool,
        DocumentQuestionAnsweringTool,
        ImageClassificationTool,
        ImageToImageTool,
        ImageToTextTool,
        SentenceSimilarityTool,
        TabularClassificationTool,
        TabularRegressionTool,
        TextClassificationTool,
        TextToImageTool,
        TextToSpeechTool,
        VisualQuestionAnsweringTool,
        ZeroShotImageClassificationTool,
    )
}
"""Every tool class by its tool name (the name the LLM sees)."""
