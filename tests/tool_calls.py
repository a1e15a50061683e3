"""Calling a tool as an agent does: a tool call in, a `ToolMessage` out, sync or async.

The one helper every test module uses (the `invoke` fixture in conftest.py is built on it).
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from langchain_core.messages import ToolMessage
from langchain_core.tools import BaseTool

Mode = Literal["sync", "async"]


def tool_call(name: str, args: dict[str, Any], call_id: str = "call_1") -> dict[str, Any]:
    """The tool call an LLM's message carries."""
    return {"type": "tool_call", "id": call_id, "name": name, "args": args}


async def acall_tool(
    tool: BaseTool, args: dict[str, Any], mode: str, call_id: str = "call_1"
) -> ToolMessage:
    """`tool` called with `args` through `invoke` (mode "sync") or `ainvoke`, from async code."""
    call = tool_call(tool.name, args, call_id)
    message = tool.invoke(call) if mode == "sync" else await tool.ainvoke(call)
    assert isinstance(message, ToolMessage)
    return message


def call_tool(tool: BaseTool, args: dict[str, Any], mode: str) -> ToolMessage:
    """`acall_tool` from sync code (an event loop of its own for mode "async")."""
    return asyncio.run(acall_tool(tool, args, mode))
