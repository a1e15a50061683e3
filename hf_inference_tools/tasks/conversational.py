"""conversational: the seed's chat task, spoken as chat completion on today's wire.

The API behind the seed's `conversational` (`{"inputs": {text, past_user_inputs,
generated_responses}}` answered with `{generated_text, conversation, warnings}`) is gone; chat
models answer OpenAI-style `messages` at `/models/{id}/v1/chat/completions`. This task keeps the
seed's Args and Return and translates both ways:

- The history becomes `messages`: interleaved index by index, user turn first
  (`past_user_inputs[0]`, `generated_responses[0]`, `past_user_inputs[1]`, ...), as the old
  server's `Conversation` did; turns left over in the longer list follow in order; the new `text`
  comes last. Consecutive messages of one role are joined with a blank line, because chat
  templates require the roles to alternate.
- `max_length` becomes `max_tokens`; `temperature` and `top_p` are sent as they are;
  `min_length`, `max_time`, `repetition_penalty` and `top_k` have no chat equivalent: they are
  not sent and are named in `warnings`.
- The returned `conversation` includes this turn (the new text and the reply), as it used to.

A server that still runs the conversational pipeline (an Inference Endpoint, say) answers the
seed's own Return instead of a chat completion; that answer is taken as it is, its conversation
and warnings included.
"""

from itertools import zip_longest
from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiRequest, ApiResponse
from ..tools._base import HfInferenceStreamingTool
from ._openai import ChatRole, chat_message, chat_request, parse_chat_completion, unsent_warnings
from ._spec import BuildContext, Input, Parameters, ReturnValue, TaskSpec, parse_as
from ._streaming import StreamSpec
from .chat_completion import ChatCompletionStreamOutput, chat_stream, reply_chunk
from .text_generation import reply_content

_IGNORED = "Chat completion has no such setting: leave it null."


class ConversationalInputs(Input):
    text: str = Field(description="The user's new message, e.g. 'Any sci-fi movie to recommend?'.")
    past_user_inputs: list[str] | None = Field(
        default=None,
        description="The user's earlier messages, oldest first, e.g. ['Hi!']. Null: none.",
    )
    generated_responses: list[str] | None = Field(
        default=None,
        description="The model's replies to those, in order, e.g. ['Hello!']. Null: none.",
    )


class ConversationalParameters(Parameters):
    max_length: int | None = Field(
        default=None, ge=1, description="How many tokens the reply may have at most, e.g. 200."
    )
    max_time: float | None = Field(default=None, gt=0, description=f"Seconds at most. {_IGNORED}")
    min_length: int | None = Field(default=None, ge=0, description=f"Tokens at least. {_IGNORED}")
    repetition_penalty: float | None = Field(
        default=None, gt=0, description=f"Penalty on repeated tokens. {_IGNORED}"
    )
    temperature: float | None = Field(
        default=None, ge=0, description="Randomness: lower is more predictable, e.g. 0.7."
    )
    top_k: int | None = Field(default=None, ge=1, description=f"Sample among k tokens. {_IGNORED}")
    top_p: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description="Sample only among the likeliest tokens whose chances add up to p, e.g. 0.9.",
    )


class ConversationalArgs(Input):
    inputs: ConversationalInputs = Field(
        description="The new message and, optionally, the conversation so far."
    )
    parameters: ConversationalParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class ConversationalHistory(ReturnValue):
    generated_responses: list[str] = Field(description="The model's replies, oldest first.")
    past_user_inputs: list[str] = Field(description="The user's messages, oldest first.")


class ConversationalReturnValue(ReturnValue):
    generated_text: str = Field(description="The model's reply.")
    conversation: ConversationalHistory = Field(
        description="The conversation so far, this turn included."
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="Settings that were not sent, and notes on the reply (e.g. cut short).",
    )


_NOT_IN_CHAT = ("min_length", "max_time", "repetition_penalty", "top_k")


def conversation_messages(inputs: ConversationalInputs) -> list[dict[str, str]]:
    """The chat `messages` for a seed-style conversation (the rule is in the module docstring)."""
    turns: list[tuple[ChatRole, str]] = []
    for user, reply in zip_longest(inputs.past_user_inputs or [], inputs.generated_responses or []):
        if user is not None:
            turns.append(("user", user))
        if reply is not None:
            turns.append(("assistant", reply))
    turns.append(("user", inputs.text))
    messages: list[dict[str, str]] = []
    for role, content in turns:
        if messages and messages[-1]["role"] == role:
            messages[-1]["content"] += "\n\n" + content
        else:
            messages.append(chat_message(role, content))
    return messages


def _build(args: ConversationalArgs, ctx: BuildContext) -> ApiRequest:
    p = args.parameters
    settings = (
        {"max_tokens": p.max_length, "temperature": p.temperature, "top_p": p.top_p} if p else {}
    )
    return chat_request(ctx.model, conversation_messages(args.inputs), settings)


def _parse(response: ApiResponse) -> ConversationalReturnValue:
    data = response.json()
    if isinstance(data, dict) and "conversation" in data and "choices" not in data:
        return parse_as(ConversationalReturnValue, data)
    choice = parse_chat_completion(data).choices[0]
    if choice.message.content is None:
        raise ValueError("the reply has no text content")
    notes = []
    if choice.finish_reason == "length":
        notes.append("The reply was cut at the length limit; raise parameters.max_length.")
    # The conversation is filled in by _finish, from the arguments.
    empty = ConversationalHistory(generated_responses=[], past_user_inputs=[])
    return ConversationalReturnValue(
        generated_text=choice.message.content, conversation=empty, warnings=notes
    )


def _finish(
    result: ConversationalReturnValue, args: ConversationalArgs, ctx: BuildContext
) -> ConversationalReturnValue:
    inputs = args.inputs
    conversation = result.conversation
    if not (conversation.past_user_inputs or conversation.generated_responses):
        # A chat completion tells only the reply; the history is the arguments' and this turn.
        conversation = ConversationalHistory(
            generated_responses=[*(inputs.generated_responses or []), result.generated_text],
            past_user_inputs=[*(inputs.past_user_inputs or []), inputs.text],
        )
    unsent = unsent_warnings(args.parameters, _NOT_IN_CHAT, "chat completion")
    return result.model_copy(
        update={"conversation": conversation, "warnings": [*unsent, *result.warnings]}
    )


CONVERSATIONAL = TaskSpec(
    name="conversational",
    hf_task="conversational",
    default_model="meta-llama/Llama-3.1-8B-Instruct",
    seed_name="conversational",
    input_model=ConversationalArgs,
    description=(
        "Chat with a Hugging Face chat model: give the user's new message and, optionally, the "
        "conversation so far. Returns JSON {generated_text}, the model's reply."
    ),
    build=_build,
    parse=_parse,
    to_content=reply_content,
    finish=_finish,
)


def _conversational_whole(result: ConversationalReturnValue) -> ChatCompletionStreamOutput:
    return reply_chunk(result.generated_text)


CONVERSATIONAL_STREAM = chat_stream(CONVERSATIONAL, whole=_conversational_whole)
"""The reply as `chat.completion.chunk`s; the sum becomes the seed's Return, conversation
included."""


class ConversationalTool(HfInferenceStreamingTool):
    """Chat with a Hugging Face chat model, the seed's way (chat completion on the wire).

    The LLM reads the reply (and warnings, if any); the artifact holds the whole conversation.

    Instantiate:
        ```python
        from hf_inference_tools import ConversationalTool

        tool = ConversationalTool(model="meta-llama/Llama-3.1-8B-Instruct")
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": {"text": "And a comedy?",
                                "past_user_inputs": ["Recommend a sci-fi movie."],
                                "generated_responses": ["Try Arrival."]}})
        # '{"generated_text":"Try Galaxy Quest: it is a sci-fi comedy."}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = CONVERSATIONAL
    name: str = CONVERSATIONAL.name
    description: str = CONVERSATIONAL.description
    args_schema: ArgsSchema | None = ConversationalArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
    stream_spec: ClassVar[StreamSpec[Any, Any, Any] | None] = CONVERSATIONAL_STREAM
