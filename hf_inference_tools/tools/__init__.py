"""Where LangChain begins: one `BaseTool` per task, all over a shared `HfInference`."""

from ._base import HfInferenceTool
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
from .vision import ImageClassificationTool, TextToImageTool

__all__ = [
    "TOOL_CLASSES",
    "ConversationalTool",
    "FeatureExtractionTool",
    "FillMaskTool",
    "HfInferenceTool",
    "ImageClassificationTool",
    "QuestionAnswerTool",
    "SummarizationTool",
    "TableQuestionAnswerTool",
    "TextClassificationTool",
    "TextGenerationTool",
    "TextToImageTool",
    "TokenClassificationTool",
    "TranslationTool",
    "ZeroShotClassificationTool",
]

TOOL_CLASSES: dict[str, type[HfInferenceTool]] = {
    cls.spec.name: cls
    for cls in (
        ConversationalTool,
        FeatureExtractionTool,
        FillMaskTool,
        ImageClassificationTool,
        QuestionAnswerTool,
        SummarizationTool,
        TableQuestionAnswerTool,
        TextClassificationTool,
        TextGenerationTool,
        TextToImageTool,
        TokenClassificationTool,
        TranslationTool,
        ZeroShotClassificationTool,
    )
}
"""Every tool class by its tool name (the name the LLM sees)."""
