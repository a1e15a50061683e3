"""Every task, defined once: Args, Return, request builder, response parser (no I/O here)."""

from ._defaults import DEFAULT_MODELS
from ._spec import BuildContext, ContentContext, TaskSpec
from .conversational import (
    CONVERSATIONAL,
    ConversationalArgs,
    ConversationalHistory,
    ConversationalInputs,
    ConversationalParameters,
    ConversationalReturnValue,
)
from .feature_extraction import (
    FEATURE_EXTRACTION,
    FeatureExtractionArgs,
    FeatureExtractionParameters,
    FeatureExtractionReturn,
    FeatureExtractionToolArgs,
)
from .fill_mask import FILL_MASK, FillMaskArgs, FillMaskParameters, FillMaskReturnValue
from .image_classification import (
    IMAGE_CLASSIFICATION,
    ImageClassificationArgs,
    ImageClassificationParameters,
    ImageClassificationReturnValue,
)
from .question_answer import (
    QUESTION_ANSWER,
    QuestionAnswerArgs,
    QuestionAnswerInputs,
    QuestionAnswerParameters,
    QuestionAnswerReturnValue,
)
from .summarization import (
    SUMMARIZATION,
    SummarizationArgs,
    SummarizationParameters,
    SummarizationReturnValue,
)
from .table_question_answer import (
    TABLE_QUESTION_ANSWER,
    TableQuestionAnswerArgs,
    TableQuestionAnswerInputs,
    TableQuestionAnswerParameters,
    TableQuestionAnswerReturnValue,
)
from .text_classification import (
    TEXT_CLASSIFICATION,
    TextClassificationArgs,
    TextClassificationParameters,
    TextClassificationReturnValue,
)
from .text_generation import (
    TEXT_GENERATION,
    TextGenerationArgs,
    TextGenerationParameters,
    TextGenerationReturnValue,
)
from .text_to_image import TEXT_TO_IMAGE, TextToImageArgs, TextToImageParameters
from .token_classification import (
    TOKEN_CLASSIFICATION,
    TokenClassificationArgs,
    TokenClassificationParameters,
    TokenClassificationReturnValue,
)
from .translation import (
    TRANSLATION,
    TranslationArgs,
    TranslationParameters,
    TranslationReturnValue,
)
from .zero_shot_classification import (
    ZERO_SHOT_CLASSIFICATION,
    ZeroShotClassificationArgs,
    ZeroShotClassificationParameters,
    ZeroShotClassificationReturnValue,
    ZeroShotClassificationToolArgs,
)

__all__ = [
    "CONVERSATIONAL",
    "DEFAULT_MODELS",
    "FEATURE_EXTRACTION",
    "FILL_MASK",
    "IMAGE_CLASSIFICATION",
    "QUESTION_ANSWER",
    "SUMMARIZATION",
    "TABLE_QUESTION_ANSWER",
    "TASKS",
    "TEXT_CLASSIFICATION",
    "TEXT_GENERATION",
    "TEXT_TO_IMAGE",
    "TOKEN_CLASSIFICATION",
    "TRANSLATION",
    "ZERO_SHOT_CLASSIFICATION",
    "BuildContext",
    "ContentContext",
    "ConversationalArgs",
    "ConversationalHistory",
    "ConversationalInputs",
    "ConversationalParameters",
    "ConversationalReturnValue",
    "FeatureExtractionArgs",
    "FeatureExtractionParameters",
    "FeatureExtractionReturn",
    "FeatureExtractionToolArgs",
    "FillMaskArgs",
    "FillMaskParameters",
    "FillMaskReturnValue",
    "ImageClassificationArgs",
    "ImageClassificationParameters",
    "ImageClassificationReturnValue",
    "QuestionAnswerArgs",
    "QuestionAnswerInputs",
    "QuestionAnswerParameters",
    "QuestionAnswerReturnValue",
    "SummarizationArgs",
    "SummarizationParameters",
    "SummarizationReturnValue",
    "TableQuestionAnswerArgs",
    "TableQuestionAnswerInputs",
    "TableQuestionAnswerParameters",
    "TableQuestionAnswerReturnValue",
    "TaskSpec",
    "TextClassificationArgs",
    "TextClassificationParameters",
    "TextClassificationReturnValue",
    "TextGenerationArgs",
    "TextGenerationParameters",
    "TextGenerationReturnValue",
    "TextToImageArgs",
    "TextToImageParameters",
    "TokenClassificationArgs",
    "TokenClassificationParameters",
    "TokenClassificationReturnValue",
    "TranslationArgs",
    "TranslationParameters",
    "TranslationReturnValue",
    "ZeroShotClassificationArgs",
    "ZeroShotClassificationParameters",
    "ZeroShotClassificationReturnValue",
    "ZeroShotClassificationToolArgs",
]

TASKS: dict[str, TaskSpec] = {  # type: ignore[type-arg]  # specs of every input/result type
    spec.name: spec
    for spec in (
        CONVERSATIONAL,
        FEATURE_EXTRACTION,
        FILL_MASK,
        IMAGE_CLASSIFICATION,
        QUESTION_ANSWER,
        SUMMARIZATION,
        TABLE_QUESTION_ANSWER,
        TEXT_CLASSIFICATION,
        TEXT_GENERATION,
        TEXT_TO_IMAGE,
        TOKEN_CLASSIFICATION,
        TRANSLATION,
        ZERO_SHOT_CLASSIFICATION,
    )
}
"""Every task by its method / tool name."""
