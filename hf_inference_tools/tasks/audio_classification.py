"""audio-classification: labels with scores for a sound (speaker gender, command, event, ...)."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import (
    ClassificationParameters,
    Input,
    ReturnValue,
    TaskSpec,
    binary_request,
    parse_as,
)

AUDIO_DATA_DESCRIPTION = (
    "The audio (WAV, FLAC, MP3, OGG, WebM or M4A): a file path inside the media folder (e.g. "
    "'recordings/meeting.wav'), an https:// URL (e.g. 'https://example.com/speech.flac'), or a "
    "'data:audio/wav;base64,...' URI."
)


class AudioClassificationParameters(ClassificationParameters):
    """Optional settings of audio classification."""


class AudioClassificationArgs(Input):
    data: str = Field(description=AUDIO_DATA_DESCRIPTION)
    parameters: AudioClassificationParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class AudioClassificationReturnValue(ReturnValue):
    label: str = Field(description="The label for the class (model specific).")
    score: float = Field(description="How likely the audio belongs to this class, from 0 to 1.")


def _parse(response: ApiResponse) -> list[AudioClassificationReturnValue]:
    return parse_as(list[AudioClassificationReturnValue], response)


AUDIO_CLASSIFICATION = TaskSpec(
    name="audio_classification",
    hf_task="audio-classification",
    default_model="alefiury/wav2vec2-large-xlsr-53-gender-recognition-librispeech",
    seed_name="audioClassification",
    input_model=AudioClassificationArgs,
    description=(
        "Classify a sound (speaker gender, spoken command, sound event, ...: the labels depend on "
        "the model). Returns a JSON list of {label, score}, best first."
    ),
    build=lambda args, ctx: binary_request(ctx.media, args.parameters),
    parse=_parse,
    media_input="audio",
)


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
