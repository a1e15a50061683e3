"""Where LangChain begins: one `BaseTool` per task, all over a shared `HfInference`."""

from ._base import HfInferenceTool
from .audio import AudioClassificationTool, AutomaticSpeechRecognitionTool
from .text import TextClassificationTool
from .vision import (
    ImageClassificationTool,
    ImageSegmentationTool,
    ObjectDetectionTool,
    TextToImageTool,
)

__all__ = [
    "TOOL_CLASSES",
    "AudioClassificationTool",
    "AutomaticSpeechRecognitionTool",
    "HfInferenceTool",
    "ImageClassificationTool",
    "ImageSegmentationTool",
    "ObjectDetectionTool",
    "TextClassificationTool",
    "TextToImageTool",
]

TOOL_CLASSES: dict[str, type[HfInferenceTool]] = {
    cls.spec.name: cls
    for cls in (
        AudioClassificationTool,
        AutomaticSpeechRecognitionTool,
        ImageClassificationTool,
        ImageSegmentationTool,
        ObjectDetectionTool,
        TextClassificationTool,
        TextToImageTool,
    )
}
"""Every tool class by its tool name (the name the LLM sees)."""
