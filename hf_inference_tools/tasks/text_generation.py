"""text-generation: a language model continues a prompt.

Two dialects, chosen by `HfInference(text_generation_api=...)`:

- `"classic"`: `{"inputs", "parameters"}` to `/models/{id}` (TGI and transformers backends),
  answered `[{"generated_text"}]` (transformers) or `{"generated_text"}` (TGI).
- `"completions"`: the OpenAI body `{"model", "prompt", "max_tokens", ...}` to
  `/models/{id}/v1/completions`, the only API of models served by vLLM, answered
  `{"choices": [{"text"}]}`. `max_new_tokens` becomes `max_tokens`; `do_sample=false` becomes
  `temperature=0` (greedy); `return_full_text` is done here, by putting the prompt back in front;
  `max_time` and `num_return_sequences` have no equivalent, are not sent, and are named in the
  result's `warnings`.
"""

import re
from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiRequest, ApiResponse
from ..errors import HfInferenceError
from ..tools._base import HfInferenceStreamingTool
from ._openai import completions_request, parse_completion, unsent_warnings
from ._spec import (
    BuildContext,
    ContentContext,
    Input,
    Parameters,
    ReturnValue,
    TaskSpec,
    json_request,
    parse_as,
)
from ._streaming import (
    StreamSpec,
    assemble_text_generation,
    text_generation_chunk,
    text_generation_token_text,
    text_generation_whole,
)


class TextGenerationParameters(Parameters):
    do_sample: bool | None = Field(
        default=None,
        description=(
            "Whether to sample (true) or always take the likeliest next token (false), e.g. "
            "true. Null: the model's default."
        ),
    )
    max_new_tokens: int | None = Field(
        default=None, ge=1, description="How many tokens to generate at most, e.g. 50."
    )
    max_time: float | None = Field(
        default=None,
        gt=0,
        description="Seconds the generation may take at most, e.g. 10. Not every server obeys it.",
    )
    num_return_sequences: int | None = Field(
        default=None,
        ge=1,
        description="How many texts to generate; only the first is returned, so leave it null.",
    )
    repetition_penalty: float | None = Field(
        default=None, gt=0, description="Penalty on repeating tokens: 1.0 means none, e.g. 1.2."
    )
    return_full_text: bool | None = Field(
        default=None,
        description=(
            "Whether the result starts with the prompt itself (true) or holds only the new text "
            "(false), e.g. false. Null: the model's default."
        ),
    )
    temperature: float | None = Field(
        default=None, ge=0, description="Randomness: lower is more predictable, e.g. 0.7."
    )
    top_k: int | None = Field(
        default=None, ge=1, description="Sample only among the k likeliest tokens, e.g. 50."
    )
    top_p: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description="Sample only among the likeliest tokens whose chances add up to p, e.g. 0.9.",
    )
    seed: int | None = Field(
        default=None, ge=0, description="Random seed, for a reproducible text, e.g. 42."
    )
    stop: list[str] | None = Field(
        default=None, description="Stop when one of these strings is generated, e.g. ['\\n\\n']."
    )


class TextGenerationArgs(Input):
    inputs: str = Field(
        description="The prompt: the text to continue, e.g. 'Once upon a time, in a forest,'."
    )
    parameters: TextGenerationParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class TextGenerationReturnValue(ReturnValue):
    generated_text: str = Field(description="The generated text.")
    warnings: list[str] = Field(
        default_factory=list,
        description="Settings that were not sent, because the API in use has no equivalent.",
    )


# Settings the completions API has no place for; the Return holds a single text, so asking
# for more sequences would only spend compute.
_NOT_IN_COMPLETIONS = ("max_time", "num_return_sequences")


def _completions_settings(p: TextGenerationParameters | None) -> dict[str, Any]:
    if p is None:
        return {}
    return {
        "max_tokens": p.max_new_tokens,
        "temperature": 0.0 if p.do_sample is False else p.temperature,
        "top_p": p.top_p,
        # Not OpenAI's, but vLLM and TGI read them (and huggingface.js sends them too).
        "top_k": p.top_k,
        "repetition_penalty": p.repetition_penalty,
        "seed": p.seed,
        "stop": p.stop,
    }


def _build(args: TextGenerationArgs, ctx: BuildContext) -> ApiRequest:
    if ctx.completions_api:
        settings = _completions_settings(args.parameters)
        return completions_request(ctx.model, args.inputs, settings)
    return json_request(args.inputs, args.parameters)


def _parse(response: ApiResponse) -> TextGenerationReturnValue:
    data = response.json()
    if isinstance(data, dict) and "choices" in data:
        return TextGenerationReturnValue(generated_text=parse_completion(data).choices[0].text)
    # Transformers backends answer a list (one item per sequence), TGI a single object.
    if isinstance(data, list) and data:
        data = data[0]
    return parse_as(TextGenerationReturnValue, data)


def _finish(
    result: TextGenerationReturnValue, args: TextGenerationArgs, ctx: BuildContext
) -> TextGenerationReturnValue:
    if not ctx.completions_api:
        return result  # the server applied every setting itself
    warnings = unsent_warnings(args.parameters, _NOT_IN_COMPLETIONS, "completions")
    text = result.generated_text
    if args.parameters is not None and args.parameters.return_full_text:
        text = args.inputs + text
    return result.model_copy(update={"generated_text": text, "warnings": warnings})


# No closing bracket needed: long server messages reach us cut short.
_UNUSED_KWARGS = re.compile(r"model_kwargs` are not used by the model: \[([^\]]*)")
_USE_COMPLETIONS = 'pass text_generation_api="completions" to HfInference'


def _explain(error: HfInferenceError, args: TextGenerationArgs, ctx: BuildContext) -> str | None:
    if ctx.completions_api or error.status not in (400, 404, 422):
        return None
    server = error.server_message or ""
    if unused := _UNUSED_KWARGS.search(server):
        names = ", ".join(re.findall(r"'([^']*)'", unused[1]))
        return (
            f"The model did not use these parameters: {names}. Leave them out, or, if the "
            f"model is served by vLLM, {_USE_COMPLETIONS}."
        )
    if server.startswith("Input validation error"):
        return None  # TGI understood the request and said what is wrong with it
    return (
        "If the model is served by vLLM, which only answers the OpenAI completions API, "
        f"{_USE_COMPLETIONS}."
    )


def reply_content(result: Any, ctx: ContentContext) -> dict[str, Any]:
    """What the LLM reads of a generated reply: the text, and warnings when there are some."""
    content: dict[str, Any] = {"generated_text": result["generated_text"]}
    if result.get("warnings"):
        content["warnings"] = result["warnings"]
    return content


TEXT_GENERATION = TaskSpec(
    name="text_generation",
    hf_task="text-generation",
    default_model="openai-community/gpt2",
    seed_name="textGeneration",
    input_model=TextGenerationArgs,
    description=(
        "Continue a prompt with a language model (plain completion, not chat). Returns JSON "
        "{generated_text}."
    ),
    build=_build,
    parse=_parse,
    to_content=reply_content,
    finish=_finish,
    explain=_explain,
)

TEXT_GENERATION_STREAM = StreamSpec(
    task=TEXT_GENERATION,
    chunk=text_generation_chunk,
    text=text_generation_token_text,
    assemble=assemble_text_generation,
    whole=text_generation_whole,
)
"""Tokens as they are generated: TGI's events (`data:` without a space, no `[DONE]`, the whole
text on the last one), or the completions API's chunks with `text_generation_api="completions"`.
The sum goes through the task's `parse` and `finish` (`return_full_text`, `warnings`)."""


class TextGenerationTool(HfInferenceStreamingTool):
    """Continue a text with a Hugging Face language model.

    The client's `text_generation_api` picks the dialect: `"classic"` for TGI and transformers
    backends, `"completions"` for models served by vLLM.

    Instantiate:
        ```python
        from hf_inference_tools import HfInference, TextGenerationTool

        tool = TextGenerationTool(client=HfInference(text_generation_api="completions"),
                                  model="my-org/my-vllm-model")
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "Once upon a time,", "parameters": {"max_new_tokens": 30}})
        # '{"generated_text":" there lived a fox who ..."}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TEXT_GENERATION
    name: str = TEXT_GENERATION.name
    description: str = TEXT_GENERATION.description
    args_schema: ArgsSchema | None = TextGenerationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
    stream_spec: ClassVar[StreamSpec[Any, Any, Any] | None] = TEXT_GENERATION_STREAM
