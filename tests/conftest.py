"""Shared fixtures: no test sees the developer's real token, and every HTTP call is mocked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import respx
from langchain_core.messages import ToolMessage

from hf_inference_tools import HfInference
from hf_inference_tools.tools import HfInferenceTool
from tests.fault_fixtures import (  # noqa: F401  # fixtures registered by name
    fault_server_fixture,
    fault_server_session_fixture,
)
from tests.tool_calls import acall_tool

BASE = "https://router.huggingface.co/hf-inference"
TOKEN = "hf_test_secret_token_0123456789"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH"):
        monkeypatch.delenv(var, raising=False)
    # httpx honours proxy variables: a developer's proxy must not carry the loopback tests.
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.lower(), raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf_home"))


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    """A respx router on the serverless API; unmatched requests fail the test."""
    with respx.mock(base_url=BASE, assert_all_called=False, assert_all_mocked=True) as r:
        yield r


@pytest.fixture
def waits() -> list[float]:
    """The retry waits the `hf` client asked for, in seconds, in order."""
    return []


@pytest.fixture
def hf(waits: list[float]) -> Iterator[HfInference]:
    """A client with a known token whose retry waits are recorded instead of slept."""
    client = HfInference(token=TOKEN, retry_backoff=0.01, provider="hf-inference")
    client.transport.sleep = waits.append

    async def asleep(seconds: float) -> None:
        waits.append(seconds)

    client.transport.asleep = asleep
    yield client
    client.close()


Invoke = Callable[[HfInferenceTool, dict[str, Any]], Awaitable[ToolMessage]]
"""What the `invoke` fixture gives: `await invoke(tool, args)` -> the `ToolMessage`."""


@pytest.fixture(params=["sync", "async"])
def invoke(request: pytest.FixtureRequest) -> Invoke:
    """Call a tool as an agent does (a tool call: errors come back as messages), sync and async."""

    async def run(tool: HfInferenceTool, args: dict[str, Any]) -> ToolMessage:
        return await acall_tool(tool, args, request.param)

    return run
