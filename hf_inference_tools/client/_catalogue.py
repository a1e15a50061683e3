"""Client methods of the tasks beyond the seed: one sync/async pair per task, each thin."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import tasks as _tasks
from .._config import Options
from ._core import BinaryInput, ClientCore

if TYPE_CHECKING:
    from ..tasks import (
        AudioToAudioReturnValue,
        DocumentQuestionAnsweringInputs,
        DocumentQuestionAnsweringParameters,
        DocumentQuestionAnsweringReturnValue,
        ImageToImageParameters,
        ImageToTextParameters,
        ImageToTextReturnValue,
        SentenceSimilarityInputs,
        TabularClassificationInputs,
        TabularRegressionInputs,
        TextToSpeechParameters,
        VisualQuestionAnsweringInputs,
        VisualQuestionAnsweringParameters,
        VisualQuestionAnsweringReturnValue,
        ZeroShotImageClassificationParameters,
        ZeroShotImageClassificationReturnValue,
    )


class CatalogueTasks(ClientCore):
    def image_to_text(
        self,
        *,
        data: BinaryInput,
        parameters: ImageToTextParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> ImageToTextReturnValue:
        """A caption of an image (bytes, a path or a binary file object)."""
        args, media = self.prepare(_tasks.IMAGE_TO_TEXT, {"parameters": parameters}, data)
        return self.call(
            _tasks.IMAGE_TO_TEXT, args, model=model, options=options, provider=provider, media=media
        )

    async def aimage_to_text(
        self,
        *,
        data: BinaryInput,
        parameters: ImageToTextParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> ImageToTextReturnValue:
        """Async twin of `image_to_text`."""
        args, media = self.prepare(_tasks.IMAGE_TO_TEXT, {"parameters": parameters}, data)
        return await self.acall(
            _tasks.IMAGE_TO_TEXT, args, model=model, options=options, provider=provider, media=media
        )

    def text_to_speech(
        self,
        *,
        inputs: str,
        parameters: TextToSpeechParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> bytes:
        """`inputs` read aloud, as encoded audio bytes (FLAC or WAV, as the model answers)."""
        args, _ = self.prepare(_tasks.TEXT_TO_SPEECH, {"inputs": inputs, "parameters": parameters})
        return self.call(
            _tasks.TEXT_TO_SPEECH, args, model=model, options=options, provider=provider
        )

    async def atext_to_speech(
        self,
        *,
        inputs: str,
        parameters: TextToSpeechParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> bytes:
        """Async twin of `text_to_speech`."""
        args, _ = self.prepare(_tasks.TEXT_TO_SPEECH, {"inputs": inputs, "parameters": parameters})
        return await self.acall(
            _tasks.TEXT_TO_SPEECH, args, model=model, options=options, provider=provider
        )

    def visual_question_answering(
        self,
        *,
        data: BinaryInput,
        inputs: VisualQuestionAnsweringInputs | Mapping[str, Any],
        parameters: VisualQuestionAnsweringParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[VisualQuestionAnsweringReturnValue]:
        """Answers to `inputs={"question": ...}` about an image, best first."""
        fields = {"inputs": inputs, "parameters": parameters}
        args, media = self.prepare(_tasks.VISUAL_QUESTION_ANSWERING, fields, data)
        return self.call(
            _tasks.VISUAL_QUESTION_ANSWERING,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    async def avisual_question_answering(
        self,
        *,
        data: BinaryInput,
        inputs: VisualQuestionAnsweringInputs | Mapping[str, Any],
        parameters: VisualQuestionAnsweringParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[VisualQuestionAnsweringReturnValue]:
        """Async twin of `visual_question_answering`."""
        fields = {"inputs": inputs, "parameters": parameters}
        args, media = self.prepare(_tasks.VISUAL_QUESTION_ANSWERING, fields, data)
        return await self.acall(
            _tasks.VISUAL_QUESTION_ANSWERING,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    def document_question_answering(
        self,
        *,
        data: BinaryInput,
        inputs: DocumentQuestionAnsweringInputs | Mapping[str, Any],
        parameters: DocumentQuestionAnsweringParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[DocumentQuestionAnsweringReturnValue]:
        """Answers to `inputs={"question": ...}` read from an image of a document, best first."""
        fields = {"inputs": inputs, "parameters": parameters}
        args, media = self.prepare(_tasks.DOCUMENT_QUESTION_ANSWERING, fields, data)
        return self.call(
            _tasks.DOCUMENT_QUESTION_ANSWERING,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    async def adocument_question_answering(
        self,
        *,
        data: BinaryInput,
        inputs: DocumentQuestionAnsweringInputs | Mapping[str, Any],
        parameters: DocumentQuestionAnsweringParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[DocumentQuestionAnsweringReturnValue]:
        """Async twin of `document_question_answering`."""
        fields = {"inputs": inputs, "parameters": parameters}
        args, media = self.prepare(_tasks.DOCUMENT_QUESTION_ANSWERING, fields, data)
        return await self.acall(
            _tasks.DOCUMENT_QUESTION_ANSWERING,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    def sentence_similarity(
        self,
        *,
        inputs: SentenceSimilarityInputs | Mapping[str, Any],
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[float]:
        """Similarity of each of `inputs["sentences"]` to `inputs["source_sentence"]`, in order."""
        args, _ = self.prepare(_tasks.SENTENCE_SIMILARITY, {"inputs": inputs})
        return self.call(
            _tasks.SENTENCE_SIMILARITY, args, model=model, options=options, provider=provider
        )

    async def asentence_similarity(
        self,
        *,
        inputs: SentenceSimilarityInputs | Mapping[str, Any],
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[float]:
        """Async twin of `sentence_similarity`."""
        args, _ = self.prepare(_tasks.SENTENCE_SIMILARITY, {"inputs": inputs})
        return await self.acall(
            _tasks.SENTENCE_SIMILARITY, args, model=model, options=options, provider=provider
        )

    def zero_shot_image_classification(
        self,
        *,
        data: BinaryInput,
        parameters: ZeroShotImageClassificationParameters | Mapping[str, Any],
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[ZeroShotImageClassificationReturnValue]:
        """Scores of `parameters["candidate_labels"]` (at least two) for an image, best first."""
        args, media = self.prepare(
            _tasks.ZERO_SHOT_IMAGE_CLASSIFICATION, {"parameters": parameters}, data
        )
        return self.call(
            _tasks.ZERO_SHOT_IMAGE_CLASSIFICATION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    async def azero_shot_image_classification(
        self,
        *,
        data: BinaryInput,
        parameters: ZeroShotImageClassificationParameters | Mapping[str, Any],
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[ZeroShotImageClassificationReturnValue]:
        """Async twin of `zero_shot_image_classification`."""
        args, media = self.prepare(
            _tasks.ZERO_SHOT_IMAGE_CLASSIFICATION, {"parameters": parameters}, data
        )
        return await self.acall(
            _tasks.ZERO_SHOT_IMAGE_CLASSIFICATION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    def image_to_image(
        self,
        *,
        data: BinaryInput,
        parameters: ImageToImageParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> bytes:
        """A new image made from an image (and `parameters["prompt"]`), as encoded bytes."""
        args, media = self.prepare(_tasks.IMAGE_TO_IMAGE, {"parameters": parameters}, data)
        return self.call(
            _tasks.IMAGE_TO_IMAGE,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    async def aimage_to_image(
        self,
        *,
        data: BinaryInput,
        parameters: ImageToImageParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> bytes:
        """Async twin of `image_to_image`."""
        args, media = self.prepare(_tasks.IMAGE_TO_IMAGE, {"parameters": parameters}, data)
        return await self.acall(
            _tasks.IMAGE_TO_IMAGE,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    def audio_to_audio(
        self,
        *,
        data: BinaryInput,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[AudioToAudioReturnValue]:
        """Audio made from audio (separated sources, cleaned speech): one item per output."""
        args, media = self.prepare(_tasks.AUDIO_TO_AUDIO, {}, data)
        return self.call(
            _tasks.AUDIO_TO_AUDIO,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    async def aaudio_to_audio(
        self,
        *,
        data: BinaryInput,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[AudioToAudioReturnValue]:
        """Async twin of `audio_to_audio`."""
        args, media = self.prepare(_tasks.AUDIO_TO_AUDIO, {}, data)
        return await self.acall(
            _tasks.AUDIO_TO_AUDIO,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    def tabular_classification(
        self,
        *,
        inputs: TabularClassificationInputs | Mapping[str, Any],
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[int | float | str]:
        """A class per data row of `inputs={"data": table}`: rows, the first naming the columns,
        or the API's own column map, `{"data": {"alcohol": ["9.4", "12.6"], ...}}`."""
        args, _ = self.prepare(_tasks.TABULAR_CLASSIFICATION, {"inputs": inputs})
        return self.call(
            _tasks.TABULAR_CLASSIFICATION, args, model=model, options=options, provider=provider
        )

    async def atabular_classification(
        self,
        *,
        inputs: TabularClassificationInputs | Mapping[str, Any],
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[int | float | str]:
        """Async twin of `tabular_classification`."""
        args, _ = self.prepare(_tasks.TABULAR_CLASSIFICATION, {"inputs": inputs})
        return await self.acall(
            _tasks.TABULAR_CLASSIFICATION, args, model=model, options=options, provider=provider
        )

    def tabular_regression(
        self,
        *,
        inputs: TabularRegressionInputs | Mapping[str, Any],
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[float]:
        """A value per data row of `inputs={"data": table}`: rows, the first naming the columns,
        or the API's own column map, `{"data": {"Length1": ["23.2", "24"], ...}}`."""
        args, _ = self.prepare(_tasks.TABULAR_REGRESSION, {"inputs": inputs})
        return self.call(
            _tasks.TABULAR_REGRESSION, args, model=model, options=options, provider=provider
        )

    async def atabular_regression(
        self,
        *,
        inputs: TabularRegressionInputs | Mapping[str, Any],
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[float]:
        """Async twin of `tabular_regression`."""
        args, _ = self.prepare(_tasks.TABULAR_REGRESSION, {"inputs": inputs})
        return await self.acall(
            _tasks.TABULAR_REGRESSION, args, model=model, options=options, provider=provider
        )
