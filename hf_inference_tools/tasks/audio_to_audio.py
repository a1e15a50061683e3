"""audio-to-audio: audio made from audio (separated sources, enhanced speech), one per label."""

import base64
from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import ConfigDict, Field, field_serializer, field_validator

from .._http.transport import ApiResponse
from .._media import describe_media, sniff_mime
from ..tools._base import HfInferenceTool
from ._spec import ContentContext, Input, ReturnValue, TaskSpec, binary_request, parse_as

AUDIO_DATA_DESCRIPTION = (
    "The audio: a file path inside the media folder (e.g. 'audio/meeting.wav'), an https:// URL "
    "(e.g. 'https://example.com/clip.flac'), or a 'data:audio/wav;base64,...' URI."
)


class AudioToAudioArgs(Input):
    data: str = Field(description=AUDIO_DATA_DESCRIPTION)


class AudioToAudioReturnValue(ReturnValue):
    """One output audio. `blob` holds the decoded bytes; as JSON it is base64, as the API sends."""

    model_config = ConfigDict(serialize_by_alias=True)

    label: str = Field(description="What this output is, e.g. 'label_0' (model specific).")
    blob: bytes = Field(description="The audio bytes.")
    content_type: str = Field(alias="content-type", description="Their MIME type, e.g. audio/flac.")

    @field_validator("blob", mode="before")
    @classmethod
    def _decode(cls, value: Any) -> Any:
        return base64.b64decode(value, validate=True) if isinstance(value, str) else value

    @field_serializer("blob", when_used="json")
    def _encode(self, blob: bytes) -> str:
        return base64.b64encode(blob).decode("ascii")


def _parse(response: ApiResponse) -> list[AudioToAudioReturnValue]:
    return parse_as(list[AudioToAudioReturnValue], response)


def _to_content(result: list[dict[str, Any]], ctx: ContentContext) -> list[dict[str, Any]]:
    # The LLM reads what each output is and where it was saved, never the base64 audio.
    content = []
    for output in result:
        data = base64.b64decode(output["blob"])
        mime_type = sniff_mime(data) or output["content-type"]
        path = ctx.save(data, mime_type, f"audio_to_audio-{output['label']}")
        summary = {"label": output["label"], **describe_media(data, mime_type)}
        if path is not None:
            summary["path"] = path
        content.append(summary)
    return content


AUDIO_TO_AUDIO = TaskSpec(
    name="audio_to_audio",
    hf_task="audio-to-audio",
    default_model="speechbrain/sepformer-wham",
    seed_name="audioToAudio",
    input_model=AudioToAudioArgs,
    description=(
        "Separate the voices or sources in a recording, or remove its noise. Returns a JSON list, "
        "one item per output audio: {label, mime_type, bytes, duration_s, path}; `path` (when "
        "saving is on) can be the `data` of audio tools."
    ),
    build=lambda args, ctx: binary_request(ctx.media),
    parse=_parse,
    media_input="audio",
    to_content=_to_content,
    saves_media=True,
)


class AudioToAudioTool(HfInferenceTool):
    """Separate or clean up audio; each output is described (and saved), never inlined.

    The content lists `{label, mime_type, bytes, duration_s, path}` per output (`path` when
    `output_dir` is set); the artifact's `result` keeps every output with its base64 `blob`.

    Instantiate:
        ```python
        from hf_inference_tools import AudioToAudioTool

        tool = AudioToAudioTool(media_root="./media", output_dir="./media/out")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "audio/two_speakers.wav"})
        # '[{"label":"label_0","mime_type":"audio/flac","bytes":51234,"duration_s":2.5,
        #    "path":"out/audio_to_audio-label_0-1a2b3c.flac"},...]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = AUDIO_TO_AUDIO
    name: str = AUDIO_TO_AUDIO.name
    description: str = AUDIO_TO_AUDIO.description
    args_schema: ArgsSchema | None = AudioToAudioArgs
