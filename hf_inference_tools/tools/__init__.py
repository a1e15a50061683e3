"""Where LangChain begins: one `BaseTool` per task, all over a shared `HfInference`."""

from ._base import STREAM_EVENT, HfInferenceTool
from .chat import ChatCompletionTool
from .text import TextClassificationTool
from .vision import ImageClassificationTool, TextToImageTool

__all__ = [
    "STREAM_EVENT",
    "TOOL_CLASSES",
    "ChatCompletionTool",
    "HfInferenceTool",
    "ImageClassificationTool",
    "TextClassificationTool",
    "TextToImageTool",
]

TOOL_CLASSES: dict[str, type[HfInferenceTool]] = {
    cls.spec.name: cls
    for cls in (
        ChatCompletionTool,
        ImageClassificationTool,
        TextClassificationTool,
        TextToImageTool,
    )
}
"""Every tool class by its tool name (the name the LLM sees)."""
