"""Where LangChain begins: one `BaseTool` per task, all over a shared `HfInference`.

Each task's tool class is declared in its task's module (`tasks/text_classification.py`
declares `TextClassificationTool`), next to its spec; `_base` holds what they share. Importing
this package loads no tool: each class is imported from its module when first read (PEP 562,
see `.._lazy`), and `TOOL_CLASSES` imports a tool's module when it is looked up.
"""

import typing as _typing

from .._lazy import LazyRegistry as _LazyRegistry
from .._lazy import lazy_exports as _lazy_exports
from ..tasks import _registry

if _typing.TYPE_CHECKING:
    # For type checkers only, which cannot see names found at run time: one line per task.
    # tests/test_registry.py checks that these lines name exactly the tasks' tools.
    from collections.abc import Mapping

    from ..tasks.audio_classification import AudioClassificationTool as AudioClassificationTool
    from ..tasks.audio_to_audio import AudioToAudioTool as AudioToAudioTool
    from ..tasks.automatic_speech_recognition import (
        AutomaticSpeechRecognitionTool as AutomaticSpeechRecognitionTool,
    )
    from ..tasks.chat_completion import ChatCompletionTool as ChatCompletionTool
    from ..tasks.conversational import ConversationalTool as ConversationalTool
    from ..tasks.document_question_answering import (
        DocumentQuestionAnsweringTool as DocumentQuestionAnsweringTool,
    )
    from ..tasks.feature_extraction import FeatureExtractionTool as FeatureExtractionTool
    from ..tasks.fill_mask import FillMaskTool as FillMaskTool
    from ..tasks.image_classification import ImageClassificationTool as ImageClassificationTool
    from ..tasks.image_segmentation import ImageSegmentationTool as ImageSegmentationTool
    from ..tasks.image_to_image import ImageToImageTool as ImageToImageTool
    from ..tasks.image_to_text import ImageToTextTool as ImageToTextTool
    from ..tasks.image_to_video import ImageToVideoTool as ImageToVideoTool
    from ..tasks.object_detection import ObjectDetectionTool as ObjectDetectionTool
    from ..tasks.question_answer import QuestionAnswerTool as QuestionAnswerTool
    from ..tasks.sentence_similarity import SentenceSimilarityTool as SentenceSimilarityTool
    from ..tasks.summarization import SummarizationTool as SummarizationTool
    from ..tasks.table_question_answer import TableQuestionAnswerTool as TableQuestionAnswerTool
    from ..tasks.tabular_classification import (
        TabularClassificationTool as TabularClassificationTool,
    )
    from ..tasks.tabular_regression import TabularRegressionTool as TabularRegressionTool
    from ..tasks.text_classification import TextClassificationTool as TextClassificationTool
    from ..tasks.text_generation import TextGenerationTool as TextGenerationTool
    from ..tasks.text_to_image import TextToImageTool as TextToImageTool
    from ..tasks.text_to_speech import TextToSpeechTool as TextToSpeechTool
    from ..tasks.text_to_video import TextToVideoTool as TextToVideoTool
    from ..tasks.token_classification import TokenClassificationTool as TokenClassificationTool
    from ..tasks.translation import TranslationTool as TranslationTool
    from ..tasks.visual_question_answering import (
        VisualQuestionAnsweringTool as VisualQuestionAnsweringTool,
    )
    from ..tasks.zero_shot_classification import (
        ZeroShotClassificationTool as ZeroShotClassificationTool,
    )
    from ..tasks.zero_shot_image_classification import (
        ZeroShotImageClassificationTool as ZeroShotImageClassificationTool,
    )
    from ._base import PROGRESS_EVENT as PROGRESS_EVENT
    from ._base import STREAM_EVENT as STREAM_EVENT
    from ._base import HfInferenceStreamingTool as HfInferenceStreamingTool
    from ._base import HfInferenceTool as HfInferenceTool
    from ._base import ToolOutput as ToolOutput


# The fixed names; the tool classes are found through the task registry.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "._base": (
        "PROGRESS_EVENT",
        "STREAM_EVENT",
        "HfInferenceStreamingTool",
        "HfInferenceTool",
        "ToolOutput",
    ),
}


def _tools() -> dict[str, str]:
    return {_registry.tool_class_name(task): task for task in _registry.task_names()}


def _exports(name: str) -> bool:
    """Whether this package exports `name` (for the root's lookups; imports nothing)."""
    return (
        name == "TOOL_CLASSES"
        or any(name in names for names in _EXPORTS.values())
        or bool(_find(name))
    )


def _find(name: str) -> str | None:
    task = _tools().get(name)
    return f"..tasks.{task}" if task else None


def _derived() -> list[str]:
    return ["TOOL_CLASSES", *_tools()]


TOOL_CLASSES: "Mapping[str, type[HfInferenceTool]]" = _LazyRegistry(
    __name__,
    lambda: {task: _registry.tool_class_name(task) for task in _registry.task_names()},
    what="TOOL_CLASSES",
)
"""Every tool class by its tool name, the name the LLM sees (read-only; a lookup imports that
tool's task module)."""

if not _typing.TYPE_CHECKING:
    __getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS, find=_find, derived=_derived)
