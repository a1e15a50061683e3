"""Where LangChain begins: one `BaseTool` per task, all over a shared `HfInference`."""

from ._base import HfInferenceTool
from .generation import ConversationalTool, FeatureExtractionTool, TextGenerationTool
from .text import TextClassificationTool
from .vision import ImageClassificationTool, TextToImageTool

__all__ = [
    "TOOL_CLASSES",
    "ConversationalTool",
    "FeatureExtractionTool",
    "HfInferenceTool",
    "ImageClassificationTool",
    "TextClassificationTool",
    "TextGenerationTool",
    "TextToImageTool",
]

TOOL_CLASSES: dict[str, type[HfInferenceTool]] = {
    cls.spec.name: cls
    for cls in (
        ConversationalTool,
        FeatureExtractionTool,
        ImageClassificationTool,
        TextClassificationTool,
        TextGenerationTool,
        TextToImageTool,
    )
}
"""Every tool class by its tool name (the name the LLM sees)."""
