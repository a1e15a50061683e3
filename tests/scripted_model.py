"""A chat model that plays a script of tool calls: the package's own `ScriptedChatModel`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from langchain_core.messages import AIMessage

from hf_inference_tools.testing import ScriptedChatModel


def ScriptedToolModel(messages: Iterable[AIMessage]) -> ScriptedChatModel:
    """Plays `messages` in order (the name it had as a class, before the testing kit had one)."""
    return ScriptedChatModel(turns=list(messages))


def tool_call(name: str, args: dict[str, Any], call_id: str) -> AIMessage:
    return AIMessage(
        "", tool_calls=[{"name": name, "args": args, "id": call_id, "type": "tool_call"}]
    )
