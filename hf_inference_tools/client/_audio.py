"""Client methods of the audio tasks: one sync/async pair per task, each a thin declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import tasks as _tasks
from .._config import Options
from ._core import BinaryInput, ClientCore

if TYPE_CHECKING:
    from ..tasks import (
        AudioClassificationParameters,
        AudioClassificationReturnValue,
        AutomaticSpeechRecognitionParameters,
        AutomaticSpeechRecognitionReturnValue,
    )


class AudioTasks(ClientCore):
    def audio_classification(
        self,
        *,
        data: BinaryInput,
        parameters: AudioClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[AudioClassificationReturnValue]:
        """Labels with scores for a recording (bytes, a path or a binary file object)."""
        args, media = self.prepare(_tasks.AUDIO_CLASSIFICATION, {"parameters": parameters}, data)
        return self.call(
            _tasks.AUDIO_CLASSIFICATION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    async def aaudio_classification(
        self,
        *,
        data: BinaryInput,
        parameters: AudioClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[AudioClassificationReturnValue]:
        """Async twin of `audio_classification`."""
        args, media = self.prepare(_tasks.AUDIO_CLASSIFICATION, {"parameters": parameters}, data)
        return await self.acall(
            _tasks.AUDIO_CLASSIFICATION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    def automatic_speech_recognition(
        self,
        *,
        data: BinaryInput,
        parameters: AutomaticSpeechRecognitionParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> AutomaticSpeechRecognitionReturnValue:
        """The text spoken in a recording; `return_timestamps=True` adds timed chunks."""
        args, media = self.prepare(
            _tasks.AUTOMATIC_SPEECH_RECOGNITION, {"parameters": parameters}, data
        )
        return self.call(
            _tasks.AUTOMATIC_SPEECH_RECOGNITION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    async def aautomatic_speech_recognition(
        self,
        *,
        data: BinaryInput,
        parameters: AutomaticSpeechRecognitionParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> AutomaticSpeechRecognitionReturnValue:
        """Async twin of `automatic_speech_recognition`."""
        args, media = self.prepare(
            _tasks.AUTOMATIC_SPEECH_RECOGNITION, {"parameters": parameters}, data
        )
        return await self.acall(
            _tasks.AUTOMATIC_SPEECH_RECOGNITION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )
