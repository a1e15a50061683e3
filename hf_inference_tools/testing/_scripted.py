"""`ScriptedChatModel`: an agent's LLM, offline, that plays a script of turns."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import SkipValidation

__all__ = ["ScriptedChatModel", "Turn", "ask", "ask_many", "tool_result"]

Turn = Callable[[Sequence[BaseMessage]], AIMessage]
"""One model turn: reads the conversation so far, returns the model's next message."""


class ScriptedChatModel(BaseChatModel):
    """A tool-calling chat model that plays a script, for running an agent with no LLM.

    Turn *n* of the script answers the model's *n*-th call. A turn is an `AIMessage` (played as
    is) or a function of the conversation so far, so a later turn can use what a tool answered
    earlier (`tool_result`). The model is stateless: the turn is found by counting the AI
    messages already in the conversation, so one model can serve many runs.

    ```python
    from langchain.agents import create_agent
    from hf_inference_tools.testing import ScriptedChatModel, ask, tool_result

    model = ScriptedChatModel(
        turns=[
            ask("text_to_image", inputs="a red fox"),
            lambda messages: ask("image_classification",
                                 data=tool_result(messages, "text_to_image")["path"]),
            AIMessage("Here is your fox."),
        ]
    )
    agent = create_agent(model, tools=toolkit.get_tools())
    ```

    `bind_tools` converts every tool to a strict OpenAI schema, as a provider would, so a schema
    no provider accepts fails here too.
    """

    # Not validated: pydantic would try each function as an AIMessage's fields.
    turns: SkipValidation[list[AIMessage | Turn]]
    """The script; once it is played out, the model answers "(end of script)"."""

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        played = sum(isinstance(m, AIMessage) for m in messages)
        if played < len(self.turns):
            turn = self.turns[played]
            message = turn if isinstance(turn, AIMessage) else turn(messages)
        else:
            message = AIMessage("(end of script)")
        return ChatResult(generations=[ChatGeneration(message=message)])

    def bind_tools(
        self,
        tools: Sequence[dict[str, Any] | type | Callable[..., Any] | BaseTool],
        *,
        tool_choice: str | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        return self.bind(tools=[convert_to_openai_tool(t, strict=True) for t in tools], **kwargs)


def ask(tool: str, /, **args: Any) -> AIMessage:
    """An AI message that calls `tool`; the keyword arguments are the tool's arguments."""
    return ask_many((tool, args))


def ask_many(*calls: tuple[str, dict[str, Any]]) -> AIMessage:
    """An AI message that calls several tools at once (the agent runs them side by side)."""
    return AIMessage(
        "",
        tool_calls=[
            {"name": name, "args": args, "id": f"call_{uuid.uuid4().hex[:12]}", "type": "tool_call"}
            for name, args in calls
        ],
    )


def tool_result(messages: Sequence[BaseMessage], tool: str, nth: int = -1) -> Any:
    """What a successful call of `tool` answered: its content, as JSON when it is JSON.

    `nth` picks the call among the successful ones (-1: the last, 0: the first). None when there
    is no such call (never made, or it failed): a script can fall back, as an LLM would.
    """
    names = {
        call["id"]: call["name"]
        for m in messages
        if isinstance(m, AIMessage)
        for call in m.tool_calls
    }
    answers = [
        m
        for m in messages
        if isinstance(m, ToolMessage)
        and names.get(m.tool_call_id) == tool
        and m.status == "success"
    ]
    try:
        content = str(answers[nth].content)
    except IndexError:
        return None
    try:
        return json.loads(content)
    except ValueError:
        return content
