"""Tools over the language tasks. Each is a short declaration over its task's spec."""

from __future__ import annotations

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema

from ..tasks import (
    FILL_MASK,
    QUESTION_ANSWER,
    SUMMARIZATION,
    TABLE_QUESTION_ANSWER,
    TOKEN_CLASSIFICATION,
    TRANSLATION,
    ZERO_SHOT_CLASSIFICATION,
    FillMaskArgs,
    QuestionAnswerArgs,
    SummarizationArgs,
    TableQuestionAnswerArgs,
    TaskSpec,
    TokenClassificationArgs,
    TranslationArgs,
    ZeroShotClassificationToolArgs,
)
from ..tasks._defaults import translation_pair
from ._base import HfInferenceTool


class FillMaskTool(HfInferenceTool):
    """Guess the missing word of a text with a masked language model.

    The mask token is the model's: `[MASK]` for the default BERT model, `<mask>` for RoBERTa.

    Instantiate:
        ```python
        from hf_inference_tools import FillMaskTool

        tool = FillMaskTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "The capital of France is [MASK].", "parameters": {"top_k": 2}})
        # '[{"score":0.42,"sequence":"the capital of france is paris.","token":3000,...},...]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = FILL_MASK
    name: str = FILL_MASK.name
    description: str = FILL_MASK.description
    args_schema: ArgsSchema | None = FillMaskArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("targets",)


class QuestionAnswerTool(HfInferenceTool):
    """Answer a question from a given text with an extractive question-answering model.

    Instantiate:
        ```python
        from hf_inference_tools import QuestionAnswerTool

        tool = QuestionAnswerTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": {"question": "What is the capital of France?",
                                "context": "The capital of France is Paris."}})
        # '{"answer":"Paris","score":0.97,"start":25,"end":30}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = QUESTION_ANSWER
    name: str = QUESTION_ANSWER.name
    description: str = QUESTION_ANSWER.description
    args_schema: ArgsSchema | None = QuestionAnswerArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class SummarizationTool(HfInferenceTool):
    """Summarise a text with a summarization model.

    Instantiate:
        ```python
        from hf_inference_tools import SummarizationTool

        tool = SummarizationTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": article, "parameters": {"max_length": 60}})
        # '{"summary_text":"The tower is 324 metres tall ..."}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = SUMMARIZATION
    name: str = SUMMARIZATION.name
    description: str = SUMMARIZATION.description
    args_schema: ArgsSchema | None = SummarizationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class TableQuestionAnswerTool(HfInferenceTool):
    """Answer a question about a table; the LLM gives the table as rows, column names first.

    Instantiate:
        ```python
        from hf_inference_tools import TableQuestionAnswerTool

        tool = TableQuestionAnswerTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": {
            "query": "How many stars does the transformers repository have?",
            "table": [["Repository", "Stars"], ["Transformers", "36542"], ["Datasets", "4512"]],
        }})
        # '{"answer":"AVERAGE > 36542","coordinates":[[0,1]],"cells":["36542"],...}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TABLE_QUESTION_ANSWER
    name: str = TABLE_QUESTION_ANSWER.name
    description: str = TABLE_QUESTION_ANSWER.description
    args_schema: ArgsSchema | None = TableQuestionAnswerArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class TokenClassificationTool(HfInferenceTool):
    """Find named entities (people, organisations, places, ...) in a text.

    Instantiate:
        ```python
        from hf_inference_tools import TokenClassificationTool

        tool = TokenClassificationTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "My name is Sarah Jessica Parker",
                     "parameters": {"aggregation_strategy": "simple"}})
        # '[{"entity_group":"PER","score":0.999,"word":"Sarah Jessica Parker","start":11,...}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TOKEN_CLASSIFICATION
    name: str = TOKEN_CLASSIFICATION.name
    description: str = TOKEN_CLASSIFICATION.description
    args_schema: ArgsSchema | None = TokenClassificationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class TranslationTool(HfInferenceTool):
    """Translate a text. The model sets the languages; pick it with `model=`.

    Instantiate:
        ```python
        from hf_inference_tools import TranslationTool

        tool = TranslationTool(model="Helsinki-NLP/opus-mt-en-fr")
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "Hello world"})
        # '{"translation_text":"Bonjour le monde"}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TRANSLATION
    name: str = TRANSLATION.name
    description: str = TRANSLATION.description
    args_schema: ArgsSchema | None = TranslationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("src_lang", "tgt_lang")

    def _describe_model(self) -> str | None:
        pair = translation_pair(self.model)
        returns = "Returns JSON {translation_text}."
        if pair is None:
            return (
                "Translate a text with the translation model the developer picked; it fixes the "
                "languages, unless it is multilingual (then set src_lang and tgt_lang). " + returns
            )
        if isinstance(pair, str):  # MULTILINGUAL
            return (
                "Translate a text between the many languages of a multilingual model: set "
                "src_lang and tgt_lang in the model's language codes. " + returns
            )
        source, target = pair
        return (
            f"Translate a text from {source} to {target}: the only pair this model handles "
            "(src_lang and tgt_lang apply to multilingual models only: leave them null). " + returns
        )


class ZeroShotClassificationTool(HfInferenceTool):
    """Classify a text into labels chosen at call time, with no training.

    The tool takes one text per call (the client's `zero_shot_classification` also takes lists).

    Instantiate:
        ```python
        from hf_inference_tools import ZeroShotClassificationTool

        tool = ZeroShotClassificationTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "I want my money back!",
                     "parameters": {"candidate_labels": ["refund", "faq", "legal"]}})
        # '[{"sequence":"I want my money back!","labels":["refund","faq","legal"],...}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = ZERO_SHOT_CLASSIFICATION
    name: str = ZERO_SHOT_CLASSIFICATION.name
    description: str = ZERO_SHOT_CLASSIFICATION.description
    args_schema: ArgsSchema | None = ZeroShotClassificationToolArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("candidate_labels", "multi_label")
