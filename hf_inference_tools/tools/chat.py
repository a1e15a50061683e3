"""Tools over the chat tasks. Each is a short declaration over its task's spec (and its stream)."""

from __future__ import annotations

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema

from ..tasks import (
    CHAT_COMPLETION,
    CHAT_COMPLETION_STREAM,
    ChatCompletionArgs,
    StreamSpec,
    TaskSpec,
)
from ._base import HfInferenceStreamingTool


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
