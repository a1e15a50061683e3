"""The toolkit: picks tools by name, shares one client, and makes no network call."""

from __future__ import annotations

from pathlib import Path

import pytest
import respx

from hf_inference_tools import HfInference, HfInferenceToolkit
from hf_inference_tools.tools import TOOL_CLASSES, HfInferenceTool


def test_all_tools_share_one_client_and_build_offline() -> None:
    with respx.mock(assert_all_called=False) as mock:
        toolkit = HfInferenceToolkit()
        tools = toolkit.get_tools()
        assert not mock.calls
    assert [t.name for t in tools] == sorted(
        set(TOOL_CLASSES) - {"conversational", "text_generation"}
    )
    clients = {id(t.client) for t in tools if isinstance(t, HfInferenceTool)}
    assert clients == {id(toolkit.client)}


def test_tasks_models_and_media_settings_reach_the_tools(tmp_path: Path) -> None:
    toolkit = HfInferenceToolkit(
        tasks=["text_to_image", "text_classification"],
        models={"text_classification": "my-org/sentiment"},
        media_root=tmp_path,
        output_dir=tmp_path / "out",
        allow_urls=False,
        max_media_bytes=1024,
    )
    image, text = toolkit.get_tools()
    assert (image.name, text.name) == ("text_to_image", "text_classification")
    assert isinstance(text, HfInferenceTool) and isinstance(image, HfInferenceTool)
    assert text.model == "my-org/sentiment"
    assert image.model == TOOL_CLASSES["text_to_image"].spec.default_model
    assert image.policy.media_root == tmp_path
    assert image.policy.output_dir == tmp_path / "out"
    assert image.policy.allow_urls is False
    assert image.policy.max_media_bytes == 1024


def test_client_keywords_build_the_shared_client() -> None:
    toolkit = HfInferenceToolkit(token="hf_x", timeout=12.5, endpoint_url="http://tgi.local")
    assert toolkit.client.timeout == 12.5
    assert toolkit.client.endpoint_url == "http://tgi.local"
    assert "hf_x" not in repr(toolkit) and "hf_x" not in str(toolkit.model_dump())


def test_given_client_is_used() -> None:
    client = HfInference()
    assert HfInferenceToolkit(client=client).client is client
    with pytest.raises(ValueError, match="either client= or HfInference keywords"):
        HfInferenceToolkit(client=client, timeout=3)


def test_unknown_task_names_are_refused() -> None:
    with pytest.raises(ValueError, match="Unknown task name") as info:
        HfInferenceToolkit(tasks=["text_clasification"])
    assert "text_classification" in str(info.value)  # the valid names are listed
    with pytest.raises(ValueError, match=r"in models: text_clasification"):
        HfInferenceToolkit(models={"text_clasification": "m"})


def test_unknown_keyword_is_refused() -> None:
    with pytest.raises(TypeError, match="unexpected keyword"):
        HfInferenceToolkit(tokn="hf_x")


def test_toolkit_closes_its_client() -> None:
    with HfInferenceToolkit() as toolkit:
        client = toolkit.client.transport.client()
    assert client.is_closed
