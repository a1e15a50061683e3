"""Client methods of the generation tasks (embeddings, text generation, conversation)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import tasks as _tasks
from .._config import Options
from ._core import ClientCore

if TYPE_CHECKING:
    from ..tasks import (
        ConversationalInputs,
        ConversationalParameters,
        ConversationalReturnValue,
        FeatureExtractionParameters,
        FeatureExtractionReturn,
        TextGenerationParameters,
        TextGenerationReturnValue,
    )


class GenerationTasks(ClientCore):
    def feature_extraction(
        self,
        *,
        inputs: str | list[str],
        parameters: FeatureExtractionParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> FeatureExtractionReturn:
        """Embeddings of `inputs` (one text or a list), nested as the model gives them."""
        args, _ = self.prepare(
            _tasks.FEATURE_EXTRACTION, {"inputs": inputs, "parameters": parameters}
        )
        return self.call(
            _tasks.FEATURE_EXTRACTION, args, model=model, options=options, provider=provider
        )

    async def afeature_extraction(
        self,
        *,
        inputs: str | list[str],
        parameters: FeatureExtractionParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> FeatureExtractionReturn:
        """Async twin of `feature_extraction`."""
        args, _ = self.prepare(
            _tasks.FEATURE_EXTRACTION, {"inputs": inputs, "parameters": parameters}
        )
        return await self.acall(
            _tasks.FEATURE_EXTRACTION, args, model=model, options=options, provider=provider
        )

    def text_generation(
        self,
        *,
        inputs: str,
        parameters: TextGenerationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> TextGenerationReturnValue:
        """The model's continuation of the prompt `inputs` (dialect: `text_generation_api`)."""
        args, _ = self.prepare(_tasks.TEXT_GENERATION, {"inputs": inputs, "parameters": parameters})
        return self.call(
            _tasks.TEXT_GENERATION, args, model=model, options=options, provider=provider
        )

    async def atext_generation(
        self,
        *,
        inputs: str,
        parameters: TextGenerationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> TextGenerationReturnValue:
        """Async twin of `text_generation`."""
        args, _ = self.prepare(_tasks.TEXT_GENERATION, {"inputs": inputs, "parameters": parameters})
        return await self.acall(
            _tasks.TEXT_GENERATION, args, model=model, options=options, provider=provider
        )

    def conversational(
        self,
        *,
        inputs: ConversationalInputs | Mapping[str, Any],
        parameters: ConversationalParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> ConversationalReturnValue:
        """The model's reply to `inputs["text"]` after the conversation so far (chat completion)."""
        args, _ = self.prepare(_tasks.CONVERSATIONAL, {"inputs": inputs, "parameters": parameters})
        return self.call(
            _tasks.CONVERSATIONAL, args, model=model, options=options, provider=provider
        )

    async def aconversational(
        self,
        *,
        inputs: ConversationalInputs | Mapping[str, Any],
        parameters: ConversationalParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> ConversationalReturnValue:
        """Async twin of `conversational`."""
        args, _ = self.prepare(_tasks.CONVERSATIONAL, {"inputs": inputs, "parameters": parameters})
        return await self.acall(
            _tasks.CONVERSATIONAL, args, model=model, options=options, provider=provider
        )
