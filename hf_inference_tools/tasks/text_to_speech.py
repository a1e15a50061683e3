"""text-to-speech: spoken audio of a text, returned as bytes (FLAC or WAV)."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._payloads import media_answer
from ._spec import Input, Parameters, TaskSpec, json_request


class TextToSpeechParameters(Parameters):
    # huggingface_hub sends these flat in `parameters` (the task spec nests them under
    # `generation_parameters`); only generative TTS models (Bark, ...) read them.
    do_sample: bool | None = Field(
        default=None, description="Sample for a livelier voice (true) or decode greedily (false)."
    )
    temperature: float | None = Field(
        default=None,
        gt=0,
        le=2,
        description="Randomness when sampling, e.g. 0.7. Null: the default.",
    )
    max_new_tokens: int | None = Field(
        default=None,
        ge=1,
        description="Longest output, in audio tokens, e.g. 512. Null: the default.",
    )


class TextToSpeechArgs(Input):
    inputs: str = Field(description="The text to speak, e.g. 'Hello! Your order has shipped.'.")
    parameters: TextToSpeechParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


def _parse(response: ApiResponse) -> bytes:
    return media_answer(response, "audio")


TEXT_TO_SPEECH = TaskSpec(
    name="text_to_speech",
    hf_task="text-to-speech",
    default_model="espnet/kan-bayashi_ljspeech_vits",
    seed_name="textToSpeech",
    input_model=TextToSpeechArgs,
    description=(
        "Read a text aloud. Returns JSON {path, mime_type, bytes, duration_s}; `path` (when saving "
        "is on) can be the `data` of audio tools."
    ),
    build=lambda args, ctx: json_request(args.inputs, args.parameters),
    parse=_parse,
    media_output="audio",
)


class TextToSpeechTool(HfInferenceTool):
    """Read a text aloud; the audio goes to the artifact, never to the LLM.

    With `output_dir` set, the audio is saved there under a fresh name and the content names its
    path (and duration, for WAV and FLAC), so the agent can hand it to an audio tool next.

    Instantiate:
        ```python
        from hf_inference_tools import TextToSpeechTool

        tool = TextToSpeechTool(output_dir="./media/out", media_root="./media")
        ```

    Invoke:
        ```python
        msg = tool.invoke({"type": "tool_call", "id": "1", "name": "text_to_speech",
                           "args": {"inputs": "Your order has shipped."}})
        msg.content   # '{"path":"out/text_to_speech-1a2b3c.flac","mime_type":"audio/flac",...}'
        msg.artifact["data"]   # the audio bytes
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TEXT_TO_SPEECH
    name: str = TEXT_TO_SPEECH.name
    description: str = TEXT_TO_SPEECH.description
    args_schema: ArgsSchema | None = TextToSpeechArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
