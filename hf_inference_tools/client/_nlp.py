"""Client methods of the language tasks: one sync/async pair per task, each a thin declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import tasks as _tasks
from .._config import Options
from ._core import ClientCore

if TYPE_CHECKING:
    from ..tasks import (
        FillMaskParameters,
        FillMaskReturnValue,
        QuestionAnswerInputs,
        QuestionAnswerParameters,
        QuestionAnswerReturnValue,
        SummarizationParameters,
        SummarizationReturnValue,
        TableQuestionAnswerInputs,
        TableQuestionAnswerParameters,
        TableQuestionAnswerReturnValue,
        TokenClassificationParameters,
        TokenClassificationReturnValue,
        TranslationParameters,
        TranslationReturnValue,
        ZeroShotClassificationParameters,
        ZeroShotClassificationReturnValue,
    )


class NlpTasks(ClientCore):
    def fill_mask(
        self,
        *,
        inputs: str,
        parameters: FillMaskParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[FillMaskReturnValue]:
        """The likeliest words for the mask token in `inputs` (`[MASK]` for BERT), best first."""
        args, _ = self.prepare(_tasks.FILL_MASK, {"inputs": inputs, "parameters": parameters})
        return self.call(_tasks.FILL_MASK, args, model=model, options=options, provider=provider)

    async def afill_mask(
        self,
        *,
        inputs: str,
        parameters: FillMaskParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[FillMaskReturnValue]:
        """Async twin of `fill_mask`."""
        args, _ = self.prepare(_tasks.FILL_MASK, {"inputs": inputs, "parameters": parameters})
        return await self.acall(
            _tasks.FILL_MASK, args, model=model, options=options, provider=provider
        )

    def question_answer(
        self,
        *,
        inputs: QuestionAnswerInputs | Mapping[str, str],
        parameters: QuestionAnswerParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> QuestionAnswerReturnValue | list[QuestionAnswerReturnValue]:
        """The span of `inputs["context"]` that answers `inputs["question"]`.

        A list of answers, best first, when `parameters.top_k` > 1 found more than one.
        """
        args, _ = self.prepare(_tasks.QUESTION_ANSWER, {"inputs": inputs, "parameters": parameters})
        return self.call(
            _tasks.QUESTION_ANSWER, args, model=model, options=options, provider=provider
        )

    async def aquestion_answer(
        self,
        *,
        inputs: QuestionAnswerInputs | Mapping[str, str],
        parameters: QuestionAnswerParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> QuestionAnswerReturnValue | list[QuestionAnswerReturnValue]:
        """Async twin of `question_answer`."""
        args, _ = self.prepare(_tasks.QUESTION_ANSWER, {"inputs": inputs, "parameters": parameters})
        return await self.acall(
            _tasks.QUESTION_ANSWER, args, model=model, options=options, provider=provider
        )

    def summarization(
        self,
        *,
        inputs: str,
        parameters: SummarizationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> SummarizationReturnValue:
        """A summary of `inputs`."""
        args, _ = self.prepare(_tasks.SUMMARIZATION, {"inputs": inputs, "parameters": parameters})
        return self.call(
            _tasks.SUMMARIZATION, args, model=model, options=options, provider=provider
        )

    async def asummarization(
        self,
        *,
        inputs: str,
        parameters: SummarizationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> SummarizationReturnValue:
        """Async twin of `summarization`."""
        args, _ = self.prepare(_tasks.SUMMARIZATION, {"inputs": inputs, "parameters": parameters})
        return await self.acall(
            _tasks.SUMMARIZATION, args, model=model, options=options, provider=provider
        )

    def table_question_answer(
        self,
        *,
        inputs: TableQuestionAnswerInputs | Mapping[str, Any],
        parameters: TableQuestionAnswerParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> TableQuestionAnswerReturnValue:
        """The answer to `inputs["query"]` about `inputs["table"]`.

        The table is either the seed's column map (`{"Stars": ["36542", "4512"], ...}`) or a list
        of rows whose first row names the columns.
        """
        fields = {"inputs": inputs, "parameters": parameters}
        args, _ = self.prepare(_tasks.TABLE_QUESTION_ANSWER, fields)
        return self.call(
            _tasks.TABLE_QUESTION_ANSWER, args, model=model, options=options, provider=provider
        )

    async def atable_question_answer(
        self,
        *,
        inputs: TableQuestionAnswerInputs | Mapping[str, Any],
        parameters: TableQuestionAnswerParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> TableQuestionAnswerReturnValue:
        """Async twin of `table_question_answer`."""
        fields = {"inputs": inputs, "parameters": parameters}
        args, _ = self.prepare(_tasks.TABLE_QUESTION_ANSWER, fields)
        return await self.acall(
            _tasks.TABLE_QUESTION_ANSWER, args, model=model, options=options, provider=provider
        )

    def token_classification(
        self,
        *,
        inputs: str,
        parameters: TokenClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[TokenClassificationReturnValue]:
        """The entities (people, places, ...) found in `inputs`, in text order."""
        fields = {"inputs": inputs, "parameters": parameters}
        args, _ = self.prepare(_tasks.TOKEN_CLASSIFICATION, fields)
        return self.call(
            _tasks.TOKEN_CLASSIFICATION, args, model=model, options=options, provider=provider
        )

    async def atoken_classification(
        self,
        *,
        inputs: str,
        parameters: TokenClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[TokenClassificationReturnValue]:
        """Async twin of `token_classification`."""
        fields = {"inputs": inputs, "parameters": parameters}
        args, _ = self.prepare(_tasks.TOKEN_CLASSIFICATION, fields)
        return await self.acall(
            _tasks.TOKEN_CLASSIFICATION, args, model=model, options=options, provider=provider
        )

    def translation(
        self,
        *,
        inputs: str,
        parameters: TranslationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> TranslationReturnValue:
        """`inputs` translated (multilingual models need `src_lang` and `tgt_lang`)."""
        args, _ = self.prepare(_tasks.TRANSLATION, {"inputs": inputs, "parameters": parameters})
        return self.call(_tasks.TRANSLATION, args, model=model, options=options, provider=provider)

    async def atranslation(
        self,
        *,
        inputs: str,
        parameters: TranslationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> TranslationReturnValue:
        """Async twin of `translation`."""
        args, _ = self.prepare(_tasks.TRANSLATION, {"inputs": inputs, "parameters": parameters})
        return await self.acall(
            _tasks.TRANSLATION, args, model=model, options=options, provider=provider
        )

    def zero_shot_classification(
        self,
        *,
        inputs: str | list[str],
        parameters: ZeroShotClassificationParameters | Mapping[str, Any],
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[ZeroShotClassificationReturnValue]:
        """How well each text fits `parameters.candidate_labels`: one result per text, in order.

        `inputs` is one text or a list of texts (sent in one request).
        """
        fields = {"inputs": inputs, "parameters": parameters}
        args, _ = self.prepare(_tasks.ZERO_SHOT_CLASSIFICATION, fields)
        return self.call(
            _tasks.ZERO_SHOT_CLASSIFICATION, args, model=model, options=options, provider=provider
        )

    async def azero_shot_classification(
        self,
        *,
        inputs: str | list[str],
        parameters: ZeroShotClassificationParameters | Mapping[str, Any],
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[ZeroShotClassificationReturnValue]:
        """Async twin of `zero_shot_classification`."""
        fields = {"inputs": inputs, "parameters": parameters}
        args, _ = self.prepare(_tasks.ZERO_SHOT_CLASSIFICATION, fields)
        return await self.acall(
            _tasks.ZERO_SHOT_CLASSIFICATION, args, model=model, options=options, provider=provider
        )
