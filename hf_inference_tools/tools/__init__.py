"""Where LangChain begins: one `BaseTool` per task, all over a shared `HfInference`."""

from ._base import HfInferenceTool
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
from .vision import ImageClassificationTool, TextToImageTool

__all__ = [
    "TOOL_CLASSES",
    "FillMaskTool",
    "HfInferenceTool",
    "ImageClassificationTool",
    "QuestionAnswerTool",
    "SummarizationTool",
    "TableQuestionAnswerTool",
    "TextClassificationTool",
    "TextToImageTool",
    "TokenClassificationTool",
    "TranslationTool",
    "ZeroShotClassificationTool",
]

TOOL_CLASSES: dict[str, type[HfInferenceTool]] = {
    cls.spec.name: cls
    for cls in (
        FillMaskTool,
        ImageClassificationTool,
        QuestionAnswerTool,
        SummarizationTool,
        TableQuestionAnswerTool,
        TextClassificationTool,
        TextToImageTool,
        TokenClassificationTool,
        TranslationTool,
        ZeroShotClassificationTool,
    )
}
"""Every tool class by its tool name (the name the LLM sees)."""
