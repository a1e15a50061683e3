"""Where LangChain begins: one `BaseTool` per task, all over a shared `HfInference`."""

from ._base import HfInferenceTool
from .text import TextClassificationTool
from .vision import ImageClassificationTool, TextToImageTool

__all__ = [
    "TOOL_CLASSES",
    "HfInferenceTool",
    "ImageClassificationTool",
    "TextClassificationTool",
    "TextToImageTool",
]

TOOL_CLASSES: dict[str, type[HfInferenceTool]] = {
    cls.spec.name: cls
    for cls in (
        ImageClassificationTool,
        TextClassificationTool,
        TextToImageTool,
    )
}
"""Every tool class by its tool name (the name the LLM sees)."""
