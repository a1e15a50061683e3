"""Shared fixtures: no test sees the developer's real token, and every HTTP call is mocked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import respx

from hf_inference_tools import HfInference
from tests.fault_fixtures import (  # noqa: F401  # fixtures registered by name
    fault_server_fixture,
    fault_server_session_fixture,
)

BASE = "https://router.huggingface.co/hf-inference"
TOKEN = "hf_test_secret_token_0123456789"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH"):
        monkeypatch.delenv(var, raising=False)
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
    client = HfInference(token=TOKEN, retry_backoff=0.01)
    client.transport.sleep = waits.append

    async def asleep(seconds: float) -> None:
        waits.append(seconds)

    client.transport.asleep = asleep
    yield client
    client.close()
