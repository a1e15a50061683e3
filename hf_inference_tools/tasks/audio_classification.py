"""audio-classification: labels with scores for a sound (speaker gender, command, event, ...)."""

from __future__ import annotations

from pydantic import Field

from .._http.transport import ApiResponse
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
        default=None, description="Optional settings; null for the defaults."
    )


class AudioClassificationReturnValue(ReturnValue):
    label: str = Field(description="The label for the class (model specific).")
    score: float = Field(description="How likely the audio belongs to this class, from 0 to 1.")


def _parse(response: ApiResponse) -> list[AudioClassificationReturnValue]:
    return parse_as(list[AudioClassificationReturnValue], response)


AUDIO_CLASSIFICATION = TaskSpec(
    name="audio_classification",
    hf_task="audio-classification",
    seed_name="audioClassification",
    input_model=AudioClassificationArgs,
    description=(
        "Classify a sound with a Hugging Face audio classifier (speaker gender, spoken command, "
        "sound event, ...: the labels depend on the model). Give the audio as a file path, an "
        "https URL or a data: URI. Returns a JSON list of {label, score}, best first."
    ),
    build=lambda args, ctx: binary_request(ctx.media, args.parameters),
    parse=_parse,
    media_input="audio",
)
