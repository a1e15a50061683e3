"""chat-completion: an LLM's reply to OpenAI-style messages (the successor of `conversational`).

Two input schemas, on purpose. `ChatCompletionInput` is the whole request a developer may send:
messages with tool calls, and `tools`, `tool_choice` and `response_format` passed through (they
are free-form JSON schemas). `ChatCompletionArgs` is the part an LLM may fill in through the
tool: `{role, content}` messages and the sampling `parameters`, strict-portable (free-form maps
cannot be expressed in a strict tool schema, and choosing tools or a response schema for another
model is the developer's job). The tool's arguments validate into `ChatCompletionInput`.
"""

import json
from collections.abc import Callable, Sequence
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from langchain_core.tools import ArgsSchema
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from .._http.transport import ApiRequest, ApiResponse
from ..tools._base import HfInferenceStreamingTool
from ._openai import ChatRole, chat_request, merge_chat_chunks
from ._spec import (
    BuildContext,
    ContentContext,
    Input,
    Parameters,
    ReturnValue,
    TaskSpec,
    parse_as,
)
from ._streaming import StreamSpec

InputT = TypeVar("InputT", bound=BaseModel)
ResultT = TypeVar("ResultT")

__all__ = [
    "CHAT_COMPLETION",
    "CHAT_COMPLETION_STREAM",
    "ChatCompletionArgs",
    "ChatCompletionArgsMessage",
    "ChatCompletionInput",
    "ChatCompletionInputMessage",
    "ChatCompletionInputToolCall",
    "ChatCompletionOutputComplete",
    "ChatCompletionOutputFunctionDefinition",
    "ChatCompletionOutputMessage",
    "ChatCompletionOutputToolCall",
    "ChatCompletionOutputUsage",
    "ChatCompletionParameters",
    "ChatCompletionReturnValue",
    "ChatCompletionStreamOutput",
    "ChatCompletionStreamOutputChoice",
    "ChatCompletionStreamOutputDelta",
    "ChatCompletionStreamOutputDeltaToolCall",
    "chat_stream",
    "reply_chunk",
]


def _json_text(value: Any) -> Any:
    # TGI 2.x answered tool-call arguments as a JSON object; OpenAI (and TGI 3) as JSON text.
    return value if isinstance(value, str) or value is None else json.dumps(value)


def _id_text(value: Any) -> Any:
    # TGI 2.x numbered tool calls (`"id": 0`); OpenAI names them (`"id": "call_..."`).
    return str(value) if isinstance(value, int) else value


JsonText = Annotated[str, BeforeValidator(_json_text)]
IdText = Annotated[str, BeforeValidator(_id_text)]


# -- what an LLM may send through the tool ------------------------------------------------------


class ChatCompletionArgsMessage(Input):
    role: ChatRole = Field(
        description=(
            "Who speaks: 'system', 'user', 'assistant' (the model's earlier replies) or 'tool', "
            "e.g. 'user'."
        )
    )
    content: str = Field(description="The message text, e.g. 'What is the capital of Italy?'.")


class ChatCompletionParameters(Parameters):
    max_tokens: int | None = Field(
        default=None,
        ge=1,
        description="The most tokens the reply may have, e.g. 256. Null: no limit.",
    )
    temperature: float | None = Field(
        default=None,
        ge=0,
        le=2,
        description="Sampling temperature: 0 is near-deterministic, higher varies more, e.g. 0.7.",
    )
    top_p: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description="Sample only among the likeliest tokens within this probability, e.g. 0.9.",
    )
    seed: int | None = Field(
        default=None, ge=0, description="Random seed, for a reproducible reply."
    )
    stop: list[str] | None = Field(
        default=None, description="Texts that end the reply where they appear, e.g. ['\\n\\n']."
    )
    frequency_penalty: float | None = Field(
        default=None,
        ge=-2,
        le=2,
        description="Penalise tokens by how often they already appeared, -2 to 2, e.g. 0.5.",
    )
    presence_penalty: float | None = Field(
        default=None,
        ge=-2,
        le=2,
        description="Penalise tokens that already appeared at all, -2 to 2, e.g. 0.5.",
    )


class ChatCompletionArgs(Input):
    messages: list[ChatCompletionArgsMessage] = Field(
        min_length=1,
        description="The conversation so far, oldest first; the model replies to it.",
    )
    parameters: ChatCompletionParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


# -- what a developer may send through the client --------------------------------------------


class _Message(BaseModel):
    # Extra keys reach the server as given; attributes are read from the tool's own models.
    model_config = ConfigDict(extra="allow", from_attributes=True)


class ChatCompletionInputFunction(_Message):
    name: str
    arguments: str | dict[str, Any] = "{}"


class ChatCompletionInputToolCall(_Message):
    id: str
    type: Literal["function"] = "function"
    function: ChatCompletionInputFunction


class ChatCompletionInputMessage(_Message):
    """An OpenAI message: text or content parts, an assistant's `tool_calls`, a tool's
    `tool_call_id`."""

    role: ChatRole
    content: str | list[dict[str, Any]] | None = None
    name: str | None = None
    tool_calls: list[ChatCompletionInputToolCall] | None = None
    tool_call_id: str | None = None


class ChatCompletionInput(Input):
    """The whole chat request (the model aside): what `HfInference.chat_completion` takes."""

    messages: list[ChatCompletionInputMessage] = Field(min_length=1)
    parameters: ChatCompletionParameters | None = None
    tools: list[dict[str, Any]] | None = None
    """OpenAI tool definitions (`{"type": "function", "function": {name, description,
    parameters}}`), passed through."""
    tool_choice: str | dict[str, Any] | None = None
    """`"auto"`, `"none"`, `"required"` or `{"type": "function", "function": {"name": ...}}`."""
    response_format: dict[str, Any] | None = None
    """`{"type": "json_schema", "json_schema": {"name", "schema"}}` (rewritten for HF
    Inference) or TGI's `{"type": "json_object", "value": schema}`."""


# -- what comes back ----------------------------------------------------------------------------


class ChatCompletionOutputFunctionDefinition(ReturnValue):
    name: str
    arguments: JsonText = Field(description="The call's arguments, as JSON text.")
    description: str | None = None


class ChatCompletionOutputToolCall(ReturnValue):
    id: IdText
    type: str = "function"
    function: ChatCompletionOutputFunctionDefinition


class ChatCompletionOutputMessage(ReturnValue):
    role: str = "assistant"
    content: str | None = Field(default=None, description="The reply text (None: only tool calls).")
    tool_calls: list[ChatCompletionOutputToolCall] | None = None


class ChatCompletionOutputComplete(ReturnValue):
    index: int = 0
    message: ChatCompletionOutputMessage
    finish_reason: str | None = Field(
        default=None,
        description="Why the reply ended: 'stop', 'length' (max_tokens), 'tool_calls'...",
    )


class ChatCompletionOutputUsage(ReturnValue):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class _Completion(ReturnValue):
    # What a whole reply and each of its chunks say about themselves.
    id: str = ""
    created: int = 0
    model: str = ""
    system_fingerprint: str | None = None
    usage: ChatCompletionOutputUsage | None = None


class ChatCompletionReturnValue(_Completion):
    """An OpenAI `chat.completion` (fields the server adds, e.g. `logprobs`, are kept)."""

    object: str = "chat.completion"
    choices: list[ChatCompletionOutputComplete]


class ChatCompletionStreamOutputFunction(ReturnValue):
    name: str | None = None
    arguments: JsonText = ""


class ChatCompletionStreamOutputDeltaToolCall(ReturnValue):
    index: int = 0
    id: IdText | None = None
    type: str | None = None
    function: ChatCompletionStreamOutputFunction | None = None


def _as_list(value: Any) -> Any:
    # TGI sends a delta's tool call as one object (@huggingface/tasks stream_output.json).
    return [value] if isinstance(value, dict) else value


class ChatCompletionStreamOutputDelta(ReturnValue):
    role: str | None = None
    content: str | None = None
    tool_calls: Annotated[
        list[ChatCompletionStreamOutputDeltaToolCall] | None, BeforeValidator(_as_list)
    ] = None


class ChatCompletionStreamOutputChoice(ReturnValue):
    index: int = 0
    delta: ChatCompletionStreamOutputDelta = Field(default_factory=ChatCompletionStreamOutputDelta)
    finish_reason: str | None = None


class ChatCompletionStreamOutput(_Completion):
    """One `chat.completion.chunk` of a streamed reply."""

    object: str = "chat.completion.chunk"
    choices: list[ChatCompletionStreamOutputChoice] = Field(default_factory=list)

    @property
    def text(self) -> str:
        """The reply text this chunk adds (its first choice's `delta.content`)."""
        for choice in self.choices:
            if choice.index == 0:
                return choice.delta.content or ""
        return ""


# -- the spec -----------------------------------------------------------------------------------


def _build(args: ChatCompletionInput, ctx: BuildContext) -> ApiRequest:
    settings = args.parameters.model_dump(exclude_none=True) if args.parameters else {}
    passed_through = {
        "tools": args.tools,
        "tool_choice": args.tool_choice,
        "response_format": args.response_format,
    }
    messages = [m.model_dump(exclude_none=True) for m in args.messages]
    return chat_request(ctx.model, messages, {**settings, **passed_through})


def _parse(response: ApiResponse) -> ChatCompletionReturnValue:
    return parse_as(ChatCompletionReturnValue, response)


def _content(result: Any, ctx: ContentContext) -> dict[str, Any]:
    """The reply for the LLM: its text, why it ended, and the tool calls it asked for."""
    choice = (result.get("choices") or [{}])[0]
    message = choice.get("message") or {}
    content: dict[str, Any] = {"content": message.get("content")}
    if calls := message.get("tool_calls"):
        content["tool_calls"] = [
            {"name": c["function"]["name"], "arguments": c["function"]["arguments"]} for c in calls
        ]
    content["finish_reason"] = choice.get("finish_reason")
    return content


def _assemble(chunks: Sequence[ChatCompletionStreamOutput]) -> dict[str, Any]:
    return merge_chat_chunks([c.model_dump(mode="json") for c in chunks])


def _text(chunk: ChatCompletionStreamOutput) -> str:
    return chunk.text


def _whole(result: ChatCompletionReturnValue) -> ChatCompletionStreamOutput:
    """A whole `chat.completion` as the one chunk a stream of it would add up to."""
    choices = []
    for choice in result.choices:
        message = choice.message
        calls = [
            ChatCompletionStreamOutputDeltaToolCall(
                index=index,
                id=call.id,
                type=call.type,
                function=ChatCompletionStreamOutputFunction(
                    name=call.function.name, arguments=call.function.arguments
                ),
            )
            for index, call in enumerate(message.tool_calls or [])
        ]
        delta = ChatCompletionStreamOutputDelta(
            role=message.role, content=message.content, tool_calls=calls or None
        )
        choices.append(
            ChatCompletionStreamOutputChoice(
                index=choice.index, delta=delta, finish_reason=choice.finish_reason
            )
        )
    return ChatCompletionStreamOutput(
        id=result.id,
        created=result.created,
        model=result.model,
        system_fingerprint=result.system_fingerprint,
        usage=result.usage,
        choices=choices,
    )


def reply_chunk(text: str) -> ChatCompletionStreamOutput:
    """A whole reply's text as one `chat.completion.chunk` (for tasks that keep only the text)."""
    delta = ChatCompletionStreamOutputDelta(role="assistant", content=text)
    return ChatCompletionStreamOutput(choices=[ChatCompletionStreamOutputChoice(delta=delta)])


def chat_stream(
    task: TaskSpec[InputT, ResultT],
    *,
    whole: Callable[[ResultT], ChatCompletionStreamOutput],
) -> StreamSpec[InputT, ResultT, ChatCompletionStreamOutput]:
    """The stream of a task that speaks chat completion on the wire: `chat.completion.chunk`s,
    added up to the `chat.completion` its own `parse` reads. `whole` turns the task's Return
    into one chunk, for a server that answers plain JSON instead of streaming."""
    return StreamSpec(
        task=task,
        chunk=ChatCompletionStreamOutput.model_validate,
        text=_text,
        assemble=_assemble,
        whole=whole,
    )


CHAT_COMPLETION = TaskSpec(
    name="chat_completion",
    hf_task="chat-completion",
    default_model="meta-llama/Llama-3.1-8B-Instruct",
    seed_name="chatCompletion",
    input_model=ChatCompletionInput,
    description=(
        "Ask another LLM (a Hugging Face chat model) for its reply to a conversation. Returns JSON "
        "{content, finish_reason}; finish_reason 'length' means the reply was cut short."
    ),
    build=_build,
    parse=_parse,
    to_content=_content,
)

CHAT_COMPLETION_STREAM = chat_stream(CHAT_COMPLETION, whole=_whole)
"""The reply streamed as `chat.completion.chunk`s, ending at `data: [DONE]`."""


class ChatCompletionTool(HfInferenceStreamingTool):
    """Ask a Hugging Face chat model (an LLM) for its reply; the reply streams as token events.

    The LLM gives `{role, content}` messages and sampling `parameters`; `tools`,
    `tool_choice` and `response_format` are free-form JSON schemas, which a strict tool schema
    cannot hold, so they are `HfInference.chat_completion` keywords only.

    Setup:
        `pip install hf-inference-tools` and set `HF_TOKEN`.

    Instantiate:
        ```python
        from hf_inference_tools import ChatCompletionTool, HfInference

        tool = ChatCompletionTool(client=HfInference(), model="meta-llama/Llama-3.1-8B-Instruct")
        ```

    Invoke:
        ```python
        tool.invoke({"messages": [{"role": "user", "content": "Capital of France?"}]})
        # '{"content":"The capital of France is Paris.","finish_reason":"stop"}'
        ```

    Streaming:
        While it runs, the tool sends each piece of the reply as a LangChain custom event
        named `STREAM_EVENT` (`"hf_inference_token"`), data
        `{"tool", "model", "token", "index", "run_id"}`; the ToolMessage still holds the whole
        reply, and its artifact the whole `chat.completion`. `stream_tokens=False` turns it off.

        ```python
        async for event in agent.astream_events({"messages": [...]}, version="v2"):
            if event["event"] == "on_custom_event" and event["name"] == "hf_inference_token":
                print(event["data"]["token"], end="", flush=True)
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = CHAT_COMPLETION
    stream_spec: ClassVar[StreamSpec[Any, Any, Any] | None] = CHAT_COMPLETION_STREAM
    name: str = CHAT_COMPLETION.name
    description: str = CHAT_COMPLETION.description
    args_schema: ArgsSchema | None = ChatCompletionArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
