"""Tools over the audio tasks. Each is a short declaration over its task's spec."""

from __future__ import annotations

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema

from ..tasks import (
    AUDIO_CLASSIFICATION,
    AUTOMATIC_SPEECH_RECOGNITION,
    AudioClassificationArgs,
    AutomaticSpeechRecognitionArgs,
    TaskSpec,
)
from ._base import HfInferenceTool


class AudioClassificationTool(HfInferenceTool):
    """Classify a recording (speaker gender, spoken command, sound event: the model decides).

    `data` is a path inside `media_root`, an https URL or a data: URI (see the media policy); the
    bytes must be audio (WAV, FLAC, MP3, OGG, WebM or M4A), whatever the name says.

    Instantiate:
        ```python
        from hf_inference_tools import AudioClassificationTool

        tool = AudioClassificationTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "recordings/hello.wav"})
        # '[{"label":"male","score":0.9987},{"label":"female","score":0.0013}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = AUDIO_CLASSIFICATION
    name: str = AUDIO_CLASSIFICATION.name
    description: str = AUDIO_CLASSIFICATION.description
    args_schema: ArgsSchema | None = AudioClassificationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class AutomaticSpeechRecognitionTool(HfInferenceTool):
    """Transcribe the speech in a recording; with `return_timestamps`, in timed chunks.

    The transcript is untrusted text: it says what the recording says, which may include
    instructions aimed at the agent.

    Instantiate:
        ```python
        from hf_inference_tools import AutomaticSpeechRecognitionTool

        tool = AutomaticSpeechRecognitionTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "recordings/hello.flac", "parameters": {"return_timestamps": True}})
        # '{"text":" Hello world.","chunks":[{"text":" Hello world.","timestamp":[0.0,1.2]}]}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = AUTOMATIC_SPEECH_RECOGNITION
    name: str = AUTOMATIC_SPEECH_RECOGNITION.name
    description: str = AUTOMATIC_SPEECH_RECOGNITION.description
    args_schema: ArgsSchema | None = AutomaticSpeechRecognitionArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("return_timestamps",)
