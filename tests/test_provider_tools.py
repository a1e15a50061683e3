"""Tools, the toolkit and the offline stand-in with Inference Providers."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import ToolMessage

from hf_inference_tools import HfInference, HfInferenceToolkit
from hf_inference_tools.testing import HfInferenceMock, UnansweredCallError
from hf_inference_tools.tools import TOOL_CLASSES

FLUX = "black-forest-labs/FLUX.1-dev"
TOKEN = "hf_offline_token_for_tests"


def _invoke(tool: Any, args: dict[str, Any], mode: str) -> ToolMessage:
    call = {"type": "tool_call", "id": "call_1", "name": tool.name, "args": args}
    message = tool.invoke(call) if mode == "sync" else asyncio.run(tool.ainvoke(call))
    assert isinstance(message, ToolMessage)
    return message


@pytest.fixture
def fast_client() -> HfInference:
    client = HfInference(token=TOKEN)
    client.providers.sleep = lambda seconds: None

    async def asleep(seconds: float) -> None:
        return None

    client.providers.asleep = asleep
    return client


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_toolkit__providers_override_routes_one_tool(
    tmp_path: Path, fast_client: HfInference, mode: str
) -> None:
    with HfInferenceMock() as mock:
        mock.add_model(FLUX, "text_to_image", {"fal-ai": "fal-ai/flux/dev"})
        toolkit = HfInferenceToolkit(
            client=fast_client,
            tasks=["text_to_image", "text_classification"],
            models={"text_to_image": FLUX},
            providers={"text_to_image": "fal-ai"},
            output_dir=tmp_path,
        )
        image_tool, text_tool = toolkit.get_tools()
        message = _invoke(image_tool, {"inputs": "a fox"}, mode)
        assert message.status == "success", message.content
        content = json.loads(str(message.content))
        assert content["mime_type"] == "image/png" and content["width"] == 64
        assert message.artifact["provider"] == "fal-ai"
        assert (tmp_path / Path(content["path"]).name).exists()
        # The queue was used: submitted, polled until done, the result read.
        (submitted,) = mock.calls_for("text_to_image")
        assert submitted.request.url.path == "/fal-ai/fal-ai/flux/dev"
        assert submitted.json()["prompt"] == "a fox"
        # The other tool keeps the default: "auto", which the stand-in maps to hf-inference.
        message = _invoke(text_tool, {"inputs": "I love it"}, mode)
        assert message.status == "success", message.content
        assert message.artifact["provider"] == "hf-inference"


def test_tool__provider_field_and_model_not_served(fast_client: HfInference) -> None:
    with HfInferenceMock() as mock:
        mock.add_model(FLUX, "text_to_image", {"replicate": "black-forest-labs/flux-dev"})
        tool = TOOL_CLASSES["text_to_image"](client=fast_client, model=FLUX, provider="together")
        message = _invoke(tool, {"inputs": "a fox"}, "sync")
        assert message.status == "error"
        assert "together" in str(message.content) and "replicate" in str(message.content)
        assert not mock.calls_for("text_to_image")
        tool = TOOL_CLASSES["text_to_image"](client=fast_client, model=FLUX, provider="replicate")
        message = _invoke(tool, {"inputs": "a fox"}, "sync")
        assert message.status == "success", message.content
        assert message.artifact["provider"] == "replicate"


def test_chat_tool__auto_goes_to_the_router(fast_client: HfInference) -> None:
    with HfInferenceMock() as mock:
        tool = TOOL_CLASSES["chat_completion"](client=fast_client, stream_tokens=False)
        message = _invoke(tool, {"messages": [{"role": "user", "content": "Hi"}]}, "sync")
        assert message.status == "success", message.content
        (call,) = mock.calls_for("chat_completion")
        assert str(call.request.url) == "https://router.huggingface.co/v1/chat/completions"
        assert call.json()["model"] == tool.model
        assert message.artifact["provider"] == "auto"


def test_toolkit__unknown_provider_names_are_refused() -> None:
    with pytest.raises(ValueError, match="not supported"):
        HfInferenceToolkit(provider="nebius")
    with pytest.raises(ValueError, match="no_such_tool"):
        HfInferenceToolkit(providers={"no_such_tool": "fal-ai"})


def test_toolkit__provider_settings_reach_the_client() -> None:
    toolkit = HfInferenceToolkit(job_timeout=12.5, max_failovers=0, bill_to="acme")
    assert toolkit.client.providers.job_timeout == 12.5
    assert toolkit.client.providers.max_failovers == 0
    assert toolkit.client.transport.extra_headers["X-HF-Bill-To"] == "acme"


def test_mock__an_unregistered_model_is_served_by_hf_inference(fast_client: HfInference) -> None:
    # Any model works with no setup: the Hub stand-in maps it to hf-inference, and the call,
    # which names its task, is answered as that task.
    with HfInferenceMock() as mock:
        png = fast_client.text_to_image(inputs="a fox", model="nobody/nothing")
    assert png.startswith(b"\x89PNG")
    (call,) = mock.calls_for("text_to_image")
    assert call.model == "nobody/nothing"
    assert call.request.url.path.endswith("/models/nobody/nothing")


def test_mock__replicate_and_together_answer_offline(fast_client: HfInference) -> None:
    with HfInferenceMock() as mock:
        mock.add_model(FLUX, "text_to_image", {"together": "t/flux", "replicate": "r/flux"})
        png = fast_client.text_to_image(inputs="a fox", model=FLUX)
        assert png.startswith(b"\x89PNG")
        assert mock.calls_for("text_to_image")[0].request.url.path.startswith("/together/")
        png = fast_client.text_to_image(inputs="a fox", model=FLUX, provider="replicate")
        assert png.startswith(b"\x89PNG")


def test_mock__a_provider_it_does_not_model_fails_the_test_loudly(
    fast_client: HfInference,
) -> None:
    tool = TOOL_CLASSES["text_to_image"](client=fast_client, model=FLUX)
    call = {"type": "tool_call", "id": "c1", "name": tool.name, "args": {"inputs": "a fox"}}
    mock = HfInferenceMock()
    mock.add_model(FLUX, "text_to_image", {"nscale": "n/flux"})
    mock.start()
    try:
        # Not an error message the LLM reads and the test never sees: the call itself fails.
        with pytest.raises(UnansweredCallError, match="nscale"):
            tool.invoke(call)
    finally:
        mock.stop()
    (refused,) = mock.unanswered
    assert refused.request.url.path == "/nscale/v1/images/generations"


def test_demo__the_image_step_goes_through_a_provider_queue(tmp_path: Path) -> None:
    import io

    from hf_inference_tools.demo import run_demo

    out = io.StringIO()
    run = run_demo(tmp_path, out=out)
    (image_call,) = [c for c in run.api_calls if c.task == "text_to_image"]
    assert image_call.request.url.path == "/fal-ai/fal-ai/flux/dev"
    assert image_call.request.url.params["_subdomain"] == "queue"
    assert "text_to_image via fal-ai" in out.getvalue()
    assert run.files and run.files[0].read_bytes().startswith(b"\x89PNG")
