"""`HfInferenceToolkit.from_models` / `afrom_models` (SPEC 8): tools chosen by the models' tasks.

The Hub is respx with bodies shaped like the Hub's (model info with `pipeline_tag` and the
mapping keyed by provider; or a list naming each provider), or the testing kit's stand-in.
"""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from langchain_core.tools import BaseTool

from hf_inference_tools import HfInference, HfInferenceToolkit
from hf_inference_tools._served import hub_tools
from hf_inference_tools.errors import ModelNotFoundError
from hf_inference_tools.testing import HfInferenceMock, png_bytes
from hf_inference_tools.tools import TOOL_CLASSES, HfInferenceTool

HUB = "https://huggingface.co"
ROUTER = "https://router.huggingface.co"
TOKEN = "hf_test_secret_token_0123456789"
NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


def info(model: str, tag: str | None, *entries: tuple[str, str, str]) -> dict[str, Any]:
    """A model info answer: entries of (provider, task, status), in the Hub's order."""
    body: dict[str, Any] = {
        "_id": "66e0a1b2c3d4e5f601234567",
        "id": model,
        "inferenceProviderMapping": {
            provider: {"status": status, "providerId": f"{provider}/{model}", "task": task}
            for provider, task, status in entries
        },
    }
    if tag is not None:
        body["pipeline_tag"] = tag
    return body


@pytest.fixture
def net(monkeypatch: pytest.MonkeyPatch) -> Iterator[respx.MockRouter]:
    monkeypatch.delenv("HF_ENDPOINT", raising=False)
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as mock:
        yield mock


def _model(tool: BaseTool) -> str:
    assert isinstance(tool, HfInferenceTool)
    return tool.model


def hub(net: respx.MockRouter, body: dict[str, Any]) -> respx.Route:
    return net.get(f"{HUB}/api/models/{body['id']}").mock(
        return_value=httpx.Response(200, json=body)
    )


# -- which tool ----------------------------------------------------------------------------------


@pytest.mark.parametrize("hub_task", sorted(hub_tools()))
def test_every_hub_task_gets_its_tool(net: respx.MockRouter, hub_task: str) -> None:
    tool_name = hub_tools()[hub_task]
    if hub_task == "conversational":  # a chat model: tagged text-generation, mapped for chat
        body = info("org/chat-model", "text-generation", ("groq", "conversational", "live"))
    else:
        body = info("org/some-model", hub_task, ("hf-inference", hub_task, "live"))
    route = hub(net, body)
    toolkit = HfInferenceToolkit.from_models([body["id"]], token=TOKEN)
    (tool,) = toolkit.get_tools()
    assert tool.name == tool_name  # one model for the task: the plain tool name
    assert _model(tool) == body["id"]
    assert tool.description.endswith(f"Model: {body['id']}.")
    request = route.calls.last.request
    assert request.url.params.get_list("expand[]") == ["pipeline_tag", "inferenceProviderMapping"]
    assert request.headers["authorization"] == f"Bearer {TOKEN}"


def test_the_table_covers_the_tools_a_model_can_have() -> None:
    table = hub_tools()
    assert table["conversational"] == "chat_completion"
    assert table["text-generation"] == "text_generation"
    assert table["question-answering"] == "question_answer"
    assert "chat-completion" not in table  # not a Hub task
    # Every tool but the chat twin is some Hub task's tool.
    assert set(table.values()) == set(TOOL_CLASSES) - {"conversational"}


@pytest.mark.parametrize("tag", ["text-generation", "image-text-to-text"])
def test_models_mapped_for_conversational_get_the_chat_tool(
    net: respx.MockRouter, tag: str
) -> None:
    hub(
        net,
        info(
            "Qwen/Qwen2.5-VL-7B-Instruct",
            tag,
            ("hyperbolic", "conversational", "live"),  # retired: not ours
            ("together", "conversational", "live"),
        ),
    )
    toolkit = HfInferenceToolkit.from_models(["Qwen/Qwen2.5-VL-7B-Instruct"], token=TOKEN)
    assert toolkit.tool_models == {"chat_completion": "Qwen/Qwen2.5-VL-7B-Instruct"}


def test_a_mapping_given_as_a_list_is_read_too(net: respx.MockRouter) -> None:
    # The Hub lists the mapping as a list naming each provider in its search, and may do so here.
    body = info("m/flux", "text-to-image", ("fal-ai", "text-to-image", "live"))
    keyed = body["inferenceProviderMapping"]
    body["inferenceProviderMapping"] = [{"provider": p, **e} for p, e in keyed.items()]
    hub(net, body)
    toolkit = HfInferenceToolkit.from_models(["m/flux"], provider="fal-ai", token=TOKEN)
    assert toolkit.tool_models == {"text_to_image": "m/flux"}


def test_a_provider_key_is_never_sent_to_the_hub(net: respx.MockRouter) -> None:
    route = hub(net, info("m/x", "text-to-image", ("fal-ai", "text-to-image", "live")))
    HfInferenceToolkit.from_models(["m/x"], provider="fal-ai", token="fal_own_key_123")
    assert "authorization" not in route.calls.last.request.headers


# -- names ---------------------------------------------------------------------------------------

IMAGES = [
    "black-forest-labs/FLUX.1-dev",
    "stabilityai/stable-diffusion-xl-base-1.0",
    "acme/FLUX.1-dev",
]


def test_models_sharing_a_task_are_named_from_their_repo_whatever_the_order(
    net: respx.MockRouter,
) -> None:
    for model in IMAGES:
        hub(net, info(model, "text-to-image", ("fal-ai", "text-to-image", "live")))
    hub(
        net,
        info(
            "openai/whisper-large-v3",
            "automatic-speech-recognition",
            ("fal-ai", "automatic-speech-recognition", "live"),
        ),
    )
    expected = {
        "text_to_image_black_forest_labs_flux_1_dev": "black-forest-labs/FLUX.1-dev",
        "text_to_image_acme_flux_1_dev": "acme/FLUX.1-dev",  # repo names collide: owner added
        "text_to_image_stable_diffusion_xl_base_1_0": "stabilityai/stable-diffusion-xl-base-1.0",
        "automatic_speech_recognition": "openai/whisper-large-v3",  # alone: the plain name
    }
    for order in itertools.permutations([*IMAGES, "openai/whisper-large-v3"]):
        toolkit = HfInferenceToolkit.from_models(list(order), token=TOKEN)
        tools = toolkit.get_tools()
        assert {t.name: _model(t) for t in tools} == expected
        assert [_model(t) for t in tools] == list(order)  # the order given
        assert all(NAME.match(t.name) for t in tools)
        assert all(_model(t) in t.description for t in tools)


def test_two_models_of_one_task_are_named_even_without_a_collision(net: respx.MockRouter) -> None:
    for model in IMAGES[:2]:
        hub(net, info(model, "text-to-image", ("fal-ai", "text-to-image", "live")))
    toolkit = HfInferenceToolkit.from_models(IMAGES[:2], token=TOKEN)
    assert list(toolkit.tool_models) == [
        "text_to_image_flux_1_dev",
        "text_to_image_stable_diffusion_xl_base_1_0",
    ]


def test_very_long_repo_names_stay_within_64_characters(net: respx.MockRouter) -> None:
    long = ["org/" + "very-long-model-name-" * 4 + suffix for suffix in ("a", "b")]
    for model in long:
        hub(net, info(model, "text-to-image", ("fal-ai", "text-to-image", "live")))
    names = list(HfInferenceToolkit.from_models(long, token=TOKEN).tool_models)
    assert len(set(names)) == 2
    assert all(NAME.match(name) for name in names)


# -- unavailable models ------------------------------------------------------------------------


def _register_unavailable(hf: HfInferenceMock) -> None:
    hf.add_missing("nobody/no-such-model")
    hf.add_missing("acme/private-model", 401)
    hf.add_model("BAAI/bge-reranker-v2-m3", "text_classification", pipeline_tag="text-ranking")
    hf.add_model("acme/staged", "text_to_image", ["fal-ai"], status="staging")
    hf.add_model("acme/elsewhere", "text_to_image", ["featherless-ai"])  # not a pair we implement
    hf.add_model("black-forest-labs/FLUX.1-dev", "text_to_image", {"fal-ai": "fal-ai/flux/dev"})


UNAVAILABLE = {
    "nobody/no-such-model": "not found on the Hub (404)",
    "acme/private-model": "the Hub refused to show it (401)",
    "BAAI/bge-reranker-v2-m3": "its Hub task 'text-ranking' has no tool here",
    "acme/staged": "fal-ai (text-to-image, staging)",
    "acme/elsewhere": "featherless-ai (text-to-image, live)",
}


def test_unavailable_models_are_one_error_listing_each_and_why(
    hf_inference_mock: HfInferenceMock,
) -> None:
    _register_unavailable(hf_inference_mock)
    with pytest.raises(ModelNotFoundError) as caught:
        HfInferenceToolkit.from_models([*UNAVAILABLE, "black-forest-labs/FLUX.1-dev"], token=TOKEN)
    message = str(caught.value)
    assert message.startswith("5 of 6 model(s) cannot be used")
    for model, why in UNAVAILABLE.items():
        assert f"{model}: " in message
        assert why in message
    assert "FLUX.1-dev:" not in message
    assert TOKEN not in message


def test_skip_unavailable_warns_per_model_and_keeps_the_others(
    hf_inference_mock: HfInferenceMock,
) -> None:
    _register_unavailable(hf_inference_mock)
    with pytest.warns(UserWarning, match="left out") as caught:
        toolkit = HfInferenceToolkit.from_models(
            [*UNAVAILABLE, "black-forest-labs/FLUX.1-dev"], token=TOKEN, skip_unavailable=True
        )
    left_out = [str(w.message) for w in caught if "left out" in str(w.message)]
    assert len(left_out) == len(UNAVAILABLE)
    for (model, why), text in zip(UNAVAILABLE.items(), left_out, strict=True):
        assert text.startswith(f"Model {model!r} left out") and why in text
    assert toolkit.tool_models == {"text_to_image": "black-forest-labs/FLUX.1-dev"}


def test_a_named_provider_must_serve_the_model(hf_inference_mock: HfInferenceMock) -> None:
    hf_inference_mock.add_model("acme/img", "text_to_image", ["replicate", "together"])
    with pytest.raises(ModelNotFoundError, match="provider 'fal-ai' does not serve it live"):
        HfInferenceToolkit.from_models(["acme/img"], provider="fal-ai", token=TOKEN)
    toolkit = HfInferenceToolkit.from_models(["acme/img"], provider="together", token=TOKEN)
    assert toolkit.tool_models == {"text_to_image": "acme/img"}
    # providers= overrides the provider of one task, availability included.
    with pytest.raises(ModelNotFoundError, match="provider 'fal-ai'"):
        HfInferenceToolkit.from_models(
            ["acme/img"], provider="together", providers={"text_to_image": "fal-ai"}, token=TOKEN
        )


def test_bad_arguments_fail_before_any_lookup(net: respx.MockRouter) -> None:
    with pytest.raises(ValueError, match="retired"):
        HfInferenceToolkit.from_models(["m/x"], provider="nebius", token=TOKEN)
    with pytest.raises(TypeError, match="tasks"):
        HfInferenceToolkit.from_models(["m/x"], tasks=["text_to_image"], token=TOKEN)
    with pytest.raises(TypeError, match="list of model ids"):
        HfInferenceToolkit.from_models("m/x", token=TOKEN)
    with pytest.raises(ValueError, match="at least one"):
        HfInferenceToolkit.from_models([], token=TOKEN)
    assert not net.calls


# -- the tools at work -----------------------------------------------------------------------


def test_the_tools_call_their_model_through_its_provider(
    hf_inference_mock: HfInferenceMock, tmp_path: Any
) -> None:
    hf_inference_mock.add_model(
        "black-forest-labs/FLUX.1-dev",
        "text_to_image",
        {"together": "black-forest-labs/FLUX.1-dev"},
    )
    hf_inference_mock.add_model("stabilityai/sdxl", "text_to_image", ["hf-inference"])
    toolkit = HfInferenceToolkit.from_models(
        ["black-forest-labs/FLUX.1-dev", "stabilityai/sdxl"], token=TOKEN, output_dir=tmp_path
    )
    flux, sdxl = toolkit.get_tools()
    for tool, provider in ((flux, "together"), (sdxl, "hf-inference")):
        message = tool.invoke(
            {"type": "tool_call", "id": "1", "name": tool.name, "args": {"inputs": "a fox"}}
        )
        assert message.artifact["model"] == _model(tool)
        assert message.artifact["provider"] == provider
    assert [c.model for c in hf_inference_mock.calls_for("text_to_image")] == [
        "black-forest-labs/FLUX.1-dev",
        "stabilityai/sdxl",
    ]


def test_the_lookup_serves_the_calls_that_follow(net: respx.MockRouter) -> None:
    route = hub(net, info("m/img", "text-to-image", ("hf-inference", "text-to-image", "live")))
    net.post(f"{ROUTER}/hf-inference/models/m/img").mock(
        return_value=httpx.Response(
            200, content=png_bytes(8, 8), headers={"content-type": "image/png"}
        )
    )
    toolkit = HfInferenceToolkit.from_models(["m/img"], token=TOKEN)
    assert toolkit.client.text_to_image(inputs="a", model="m/img") == png_bytes(8, 8)
    assert route.call_count == 1


# -- async ---------------------------------------------------------------------------------------


def test_afrom_models_looks_models_up_concurrently(net: respx.MockRouter) -> None:
    models = [f"org/model-{i}" for i in range(3)]
    in_flight = 0
    most = 0
    all_arrived = asyncio.Event()

    async def slow_hub(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        if most == len(models):
            all_arrived.set()
        # Sequential lookups would wait here in vain: only overlapping ones release each other.
        await asyncio.wait_for(all_arrived.wait(), timeout=5)
        in_flight -= 1
        model = request.url.path.removeprefix("/api/models/")
        return httpx.Response(
            200, json=info(model, "text-to-image", ("fal-ai", "text-to-image", "live"))
        )

    for model in models:
        net.get(f"{HUB}/api/models/{model}").mock(side_effect=slow_hub)

    async def main() -> HfInferenceToolkit:
        return await HfInferenceToolkit.afrom_models(models, token=TOKEN)

    toolkit = asyncio.run(main())
    assert most == len(models)
    assert list(toolkit.tool_models.values()) == models


def test_afrom_models_reports_like_from_models(hf_inference_mock: HfInferenceMock) -> None:
    _register_unavailable(hf_inference_mock)

    async def main() -> None:
        await HfInferenceToolkit.afrom_models(list(UNAVAILABLE), token=TOKEN)

    with pytest.raises(ModelNotFoundError, match="5 of 5 model"):
        asyncio.run(main())


# -- "auto" with no live provider ---------------------------------------------------------------


def test_auto_with_no_live_provider_points_to_the_models_command(net: respx.MockRouter) -> None:
    hub(net, info("m/old", "text-to-image", ("fal-ai", "text-to-image", "staging")))
    with HfInference(token=TOKEN) as client, pytest.raises(ModelNotFoundError) as caught:
        client.text_to_image(inputs="a", model="m/old")
    assert "no live Inference Provider" in str(caught.value)
    assert "`hf-inference-tools models text_to_image`" in str(caught.value)


# -- the stand-in's Hub --------------------------------------------------------------------------


def test_the_stand_in_answers_model_info_and_search_like_the_hub() -> None:
    with HfInferenceMock() as hf, httpx.Client() as http:
        hf.add_model("black-forest-labs/FLUX.1-dev", "text_to_image", {"fal-ai": "fal-ai/flux/dev"})
        hf.add_model("acme/chat", "chat_completion", ["groq"])
        hf.add_missing("acme/gone")
        url = f"{HUB}/api/models/black-forest-labs/FLUX.1-dev"
        plain = http.get(url, params={"expand[]": "inferenceProviderMapping"}).json()
        assert "pipeline_tag" not in plain
        full = http.get(
            url, params=[("expand[]", "pipeline_tag"), ("expand[]", "inferenceProviderMapping")]
        ).json()
        assert full["pipeline_tag"] == "text-to-image" and len(full["_id"]) == 24
        assert full["inferenceProviderMapping"] == {
            "fal-ai": {"status": "live", "providerId": "fal-ai/flux/dev", "task": "text-to-image"}
        }
        chat = http.get(f"{HUB}/api/models/acme/chat", params={"expand[]": "pipeline_tag"}).json()
        assert chat["pipeline_tag"] == "text-generation"
        assert chat["inferenceProviderMapping"]["groq"]["task"] == "conversational"
        assert http.get(f"{HUB}/api/models/acme/gone").status_code == 404

        def search(**params: str) -> list[str]:
            found = http.get(f"{HUB}/api/models", params=params).json()
            return [m["id"] for m in found]

        images = search(pipeline_tag="text-to-image", inference_provider="all")
        assert images == ["CompVis/stable-diffusion-v1-4", "black-forest-labs/FLUX.1-dev"]
        assert search(pipeline_tag="text-to-image", inference_provider="fal-ai") == [
            "black-forest-labs/FLUX.1-dev"
        ]
        assert search(pipeline_tag="text-to-image", inference_provider="all", limit="1") == [
            "CompVis/stable-diffusion-v1-4"
        ]
        listed = http.get(f"{HUB}/api/models", params={"pipeline_tag": "text-generation"}).json()
        chat_entry = next(m for m in listed if m["id"] == "acme/chat")
        assert chat_entry["inferenceProviderMapping"] == [
            {
                "provider": "groq",
                "providerId": "acme/chat",
                "status": "live",
                "task": "conversational",
            }
        ]


def test_unregistered_models_stay_served_by_hf_inference(
    hf_inference_mock: HfInferenceMock,
) -> None:
    with HfInference(token=TOKEN) as client:
        found = client.providers.model_info("someone/anything")
    assert [e.provider for e in found.entries] == ["hf-inference"]
    assert found.pipeline_tag is None
    # from_models cannot tell its task, and says so.
    with pytest.raises(ModelNotFoundError, match="the Hub gives it no task"):
        HfInferenceToolkit.from_models(["someone/anything"], token=TOKEN)


def test_the_readme_example_runs_against_the_stand_in(
    hf_inference_mock: HfInferenceMock, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Start from the models you want") :]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    hf_inference_mock.add_model(
        "black-forest-labs/FLUX.1-dev", "text_to_image", {"fal-ai": "fal-ai/flux/dev"}
    )
    hf_inference_mock.add_model(
        "openai/whisper-large-v3", "automatic_speech_recognition", ["hf-inference", "fal-ai"]
    )
    hf_inference_mock.add_model("meta-llama/Llama-3.3-70B-Instruct", "chat_completion", ["groq"])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    scope: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102  # the README's own code
    assert scope["toolkit"].tool_models == {
        "text_to_image": "black-forest-labs/FLUX.1-dev",
        "automatic_speech_recognition": "openai/whisper-large-v3",
        "chat_completion": "meta-llama/Llama-3.3-70B-Instruct",
    }
