"""Figures 1 and 2: one synchronous call, through the client and through the tool.

Floors: raw `httpx.Client.post` + `.json()` with our keep-alive settings, and a minimal
hand-written `BaseTool` doing that same post and returning the JSON text. The client users would
pick instead, `huggingface_hub.InferenceClient`, runs against the same server.
"""

# No `from __future__ import annotations`: LangChain reads `_run`'s type hints on every call and
# would compile string annotations each time, a cost a well-written minimal tool does not pay.

import os
from collections.abc import Callable
from typing import Any

import httpx
from langchain_core.messages import ToolMessage
from langchain_core.tools import ArgsSchema, BaseTool
from pydantic import BaseModel, ConfigDict, Field

from hf_inference_tools import HfInference, TextClassificationArgs, TextClassificationTool
from hf_inference_tools._http.transport import DEFAULT_LIMITS

from ._common import (
    AUTH,
    MODEL,
    PAYLOAD,
    TEXT,
    TOKEN,
    TOOL_CALL,
    Row,
    interleaved,
    ratio,
    versus,
)
from ._server import ServerProcess

# Many short rounds: a pair of blocks run within milliseconds of each other sees the same load.
ROUNDS = 200
CALLS = 5  # per variant and round
WARMUP = 30


class RawArgs(BaseModel):
    inputs: str = Field(description="The text to classify.")


class MinimalTextClassificationTool(BaseTool):
    """The tool floor: the POST by hand, the answer's JSON text returned as it came."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    name: str = "text_classification"
    description: str = "Classify a text (sentiment)."
    args_schema: ArgsSchema | None = RawArgs
    url: str
    http: httpx.Client | None = None
    async_http: httpx.AsyncClient | None = None

    def _run(self, inputs: str, **_: Any) -> str:
        assert self.http is not None
        response = self.http.post(self.url, json={"inputs": inputs}, headers=AUTH)
        response.raise_for_status()
        return response.text

    async def _arun(self, inputs: str, **_: Any) -> str:
        assert self.async_http is not None
        response = await self.async_http.post(self.url, json={"inputs": inputs}, headers=AUTH)
        response.raise_for_status()
        return response.text


class MinimalToolWithOurSchema(MinimalTextClassificationTool):
    """The minimal tool, given our args schema (which adds the optional `parameters` object):
    the part of the gap that is LangChain handling a richer schema on every call."""

    args_schema: ArgsSchema | None = TextClassificationArgs


def raw_client() -> httpx.Client:
    """The floor's client, configured as ours (timeout, connection limits)."""
    return httpx.Client(timeout=60.0, limits=DEFAULT_LIMITS)


def client_overhead(server: ServerProcess, *, scale: float = 1.0) -> list[Row]:
    """Figure 1: `HfInference.text_classification` vs raw httpx, and vs huggingface_hub."""
    # Read by huggingface_hub at import: telemetry off, and any Hub call it might make would land
    # on the loopback server, where the request log below would show it.
    os.environ.pop("HF_HUB_OFFLINE", None)
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    os.environ["HF_ENDPOINT"] = server.url
    from huggingface_hub import InferenceClient

    url = server.model_url(MODEL)
    with raw_client() as raw, HfInference(token=TOKEN, base_url=server.base_url) as ours:
        hub = InferenceClient(model=url, token=TOKEN)
        variants: dict[str, Callable[[], object]] = {
            "raw httpx": lambda: raw.post(url, json=PAYLOAD, headers=AUTH).json(),
            "hf-inference-tools": lambda: ours.text_classification(inputs=TEXT),
            "huggingface_hub": lambda: hub.text_classification(TEXT),
        }
        for name, call in variants.items():
            labels = [_label(x) for x in _as_list(call())]
            if labels[:1] != ["POSITIVE"]:
                raise RuntimeError(f"{name} did not classify: {labels}")
        before = server.stats()
        _warm(variants)
        rounds = max(3, round(ROUNDS * scale))
        times = interleaved(variants, rounds=rounds, calls=CALLS)
        seen = server.stats().since(before)

    expected = {f"POST /hf-inference/models/{MODEL}": len(variants) * (WARMUP + rounds * CALLS)}
    if seen.paths != expected:
        raise RuntimeError(f"unexpected requests (a Hub call?): {seen.paths} != {expected}")
    t_raw, t_ours, t_hub = (times[name] for name in variants)
    return [
        Row(
            "1. client call / raw httpx",
            versus(t_ours, t_raw),
            "<= 1.05x",
            ratio(t_ours, t_raw) <= 1.05,
        ),
        Row(
            "1. client call / huggingface_hub",
            f"{versus(t_ours, t_hub)}; hub/raw {ratio(t_hub, t_raw):.3f}x",
            "< 1.00x",
            ratio(t_ours, t_hub) < 1.0,
        ),
    ]


def tool_overhead(server: ServerProcess, *, scale: float = 1.0) -> list[Row]:
    """Figure 2: `TextClassificationTool.invoke(tool_call)` vs the minimal hand-written tool."""
    url = server.model_url(MODEL)
    with raw_client() as raw, HfInference(token=TOKEN, base_url=server.base_url) as client:
        ours = TextClassificationTool(client=client, model=MODEL)
        minimal = MinimalTextClassificationTool(url=url, http=raw)
        with_schema = MinimalToolWithOurSchema(url=url, http=raw)
        variants: dict[str, Callable[[], object]] = {
            "minimal tool": lambda: minimal.invoke(TOOL_CALL),
            "TextClassificationTool": lambda: ours.invoke(TOOL_CALL),
            "minimal tool, our schema": lambda: with_schema.invoke(TOOL_CALL),
        }
        for name, call in variants.items():
            message = call()
            if not isinstance(message, ToolMessage) or "POSITIVE" not in str(message.content):
                raise RuntimeError(f"{name} did not answer: {message!r}")
        _warm(variants)
        times = interleaved(variants, rounds=max(3, round(ROUNDS * scale)), calls=CALLS)
    t_ours, t_minimal = times["TextClassificationTool"], times["minimal tool"]
    t_schema = times["minimal tool, our schema"]
    return [
        Row(
            "2. tool invoke / minimal BaseTool",
            f"{versus(t_ours, t_minimal)}; minimal with our schema "
            f"{ratio(t_schema, t_minimal):.3f}x",
            "<= 1.10x",
            ratio(t_ours, t_minimal) <= 1.10,
        )
    ]


def _warm(variants: dict[str, Any]) -> None:
    for call in variants.values():
        for _ in range(WARMUP):
            call()


def _as_list(result: Any) -> list[Any]:
    # Our client answers [{label, score}], raw JSON [[{...}]], the hub a list of dataclasses.
    if isinstance(result, list) and result and isinstance(result[0], list):
        return list(result[0])
    return list(result)


def _label(item: Any) -> str:
    return str(item["label"] if isinstance(item, dict) else item.label)
