"""`hf-inference-tools models`: the models served today for a task, and `--check-defaults`.

The Hub is the testing kit's stand-in (whose catalogue a test extends with `add_model`), or respx
where a test checks the request the command sends.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
import respx

from hf_inference_tools.cli import main
from hf_inference_tools.tasks import DEFAULT_MODELS
from hf_inference_tools.testing import HfInferenceMock

TOKEN = "hf_test_secret_token_0123456789"
FLUX = "black-forest-labs/FLUX.1-dev"


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[HfInferenceMock]:
    monkeypatch.delenv("HF_ENDPOINT", raising=False)
    with HfInferenceMock() as mock:
        mock.add_model(FLUX, "text_to_image", {"fal-ai": "fal-ai/flux/dev", "replicate": "bfl/dev"})
        mock.add_model("acme/staged", "text_to_image", ["together"], status="staging")
        yield mock


def test_lists_served_models_with_their_live_providers(
    hub: HfInferenceMock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "text_to_image"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["MODEL", "LIVE", "PROVIDERS"]
    rows = [line.split(None, 1) for line in lines[1:]]
    assert rows == [
        [DEFAULT_MODELS["text_to_image"], "hf-inference"],
        [FLUX, "fal-ai, replicate"],
    ]  # acme/staged has no live provider: not listed


@pytest.mark.parametrize("task", ["text_to_image", "text-to-image"])
def test_json_lists_model_and_providers(
    hub: HfInferenceMock, capsys: pytest.CaptureFixture[str], task: str
) -> None:
    # --provider picks the models that provider serves; each still shows all its live providers.
    assert main(["models", task, "--provider", "fal-ai", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"model": FLUX, "providers": ["fal-ai", "replicate"]}
    ]


def test_chat_models_by_either_name(
    hub: HfInferenceMock, capsys: pytest.CaptureFixture[str]
) -> None:
    hub.add_model("meta-llama/Llama-3.3-70B-Instruct", "chat_completion", ["groq", "cerebras"])
    for task in ("chat_completion", "conversational"):
        assert main(["models", task, "--json", "--limit", "5"]) == 0
        listed = {m["model"]: m["providers"] for m in json.loads(capsys.readouterr().out)}
        assert listed["meta-llama/Llama-3.3-70B-Instruct"] == ["groq", "cerebras"]
        assert "openai-community/gpt2" not in listed  # text-generation only, not chat


def test_limit_is_sent_and_honoured(
    hub: HfInferenceMock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "text_to_image", "--limit", "1", "--json"]) == 0
    assert [m["model"] for m in json.loads(capsys.readouterr().out)] == [
        DEFAULT_MODELS["text_to_image"]
    ]


def test_the_request_and_hub_url_beating_hf_endpoint(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HF_ENDPOINT", "https://env-hub.example")
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    listed = [
        {
            "_id": "66e0a1b2c3d4e5f601234567",
            "id": FLUX,
            "pipeline_tag": "text-to-image",
            "inferenceProviderMapping": [
                {
                    "provider": "fal-ai",
                    "providerId": "fal-ai/flux/dev",
                    "status": "live",
                    "task": "text-to-image",
                },
                {
                    "provider": "nebius",
                    "providerId": "flux",
                    "status": "live",
                    "task": "text-to-image",
                },
                {
                    "provider": "replicate",
                    "providerId": "bfl/dev",
                    "status": "error",
                    "task": "text-to-image",
                },
            ],
        }
    ]
    with respx.mock(assert_all_mocked=True) as net:
        route = net.get("https://mirror.example/api/models").mock(
            return_value=httpx.Response(200, json=listed)
        )
        assert (
            main(["models", "text-to-image", "--hub-url", "https://mirror.example", "--limit", "7"])
            == 0
        )
    request = route.calls.last.request
    params = request.url.params
    assert params["pipeline_tag"] == "text-to-image"
    assert params["inference_provider"] == "all"
    assert params["limit"] == "7"
    assert params.get_list("expand[]") == ["inferenceProviderMapping"]
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    out = capsys.readouterr().out
    assert f"{FLUX}  fal-ai" in out  # nebius (retired) and replicate (error) are not served
    assert "nebius" not in out and "replicate" not in out


def test_nothing_served(hub: HfInferenceMock, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "text_to_image", "--provider", "wavespeed"]) == 0
    assert "no model is served live for text_to_image by wavespeed" in capsys.readouterr().out


# -- --check-defaults ----------------------------------------------------------------------------


def test_check_defaults_all_served(
    hub: HfInferenceMock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "--check-defaults"]) == 0
    out = capsys.readouterr().out
    assert "UNSERVED" not in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[1:]}
    assert rows["text_to_video"] == [DEFAULT_MODELS["text_to_video"], "fal-ai"]
    assert rows["chat_completion"] == [DEFAULT_MODELS["chat_completion"], "hf-inference"]
    assert set(rows) == set(DEFAULT_MODELS) - {"conversational"}


def test_check_defaults_flags_unserved_defaults_and_suggests_served_ones(
    hub: HfInferenceMock, capsys: pytest.CaptureFixture[str]
) -> None:
    # The default text-to-image model lost its providers; the ASR default is gone from the Hub.
    hub.add_model(DEFAULT_MODELS["text_to_image"], "text_to_image", providers=())
    hub.add_missing(DEFAULT_MODELS["automatic_speech_recognition"])
    hub.add_model("openai/whisper-large-v3", "automatic_speech_recognition", ["fal-ai"])
    assert main(["models", "--check-defaults"]) == 1
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines()[1:] if line.strip()}
    assert rows["text_to_image"].endswith(
        f"UNSERVED: no live provider; try {FLUX} (fal-ai, replicate)"
    )
    assert rows["automatic_speech_recognition"].endswith(
        "UNSERVED: not on the Hub (404); try openai/whisper-large-v3 (fal-ai)"
    )
    assert rows["translation"].endswith("hf-inference")
    assert "2 of 29 default model(s) unserved" in out


def test_check_defaults_as_json(hub: HfInferenceMock, capsys: pytest.CaptureFixture[str]) -> None:
    hub.add_model(DEFAULT_MODELS["fill_mask"], "fill_mask", providers=())
    assert main(["models", "--check-defaults", "--json"]) == 1
    listed = {row["task"]: row for row in json.loads(capsys.readouterr().out)}
    assert listed["fill_mask"]["served"] is False
    assert listed["fill_mask"]["status"] == "UNSERVED: no live provider"  # nothing to suggest
    assert listed["summarization"] == {
        "task": "summarization",
        "model": DEFAULT_MODELS["summarization"],
        "served": True,
        "status": "hf-inference",
    }


def test_offline_answers_from_the_stand_in(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "text_to_video", "--offline", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"model": DEFAULT_MODELS["text_to_video"], "providers": ["fal-ai"]}
    ]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["models"], "give a TASK or --check-defaults"),
        (["models", "text_to_image", "--check-defaults"], "give a TASK or --check-defaults"),
        (["models", "text_to_imag"], "did you mean text_to_image?"),
        (["models", "text_to_image", "--limit", "0"], "--limit"),
        (["models", "text_to_image", "--provider", "nebius"], "retired"),
    ],
)
def test_usage_errors(argv: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert says in capsys.readouterr().err
