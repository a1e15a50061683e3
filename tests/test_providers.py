"""Inference Providers over respx: which provider, the mapping lookup, every adapter, failover.

Bodies are shaped like the providers' real answers (research/providers.md section 2). Job flows
against a real server are in `test_provider_jobs.py`.
"""

from __future__ import annotations

import asyncio
import base64
import json
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import respx

from hf_inference_tools import HfInference
from hf_inference_tools.errors import (
    AuthenticationError,
    InputError,
    MediaError,
    ModelLoadingError,
    ModelNotFoundError,
    OutputError,
    ServerError,
)
from hf_inference_tools.providers import ADAPTERS, SUPPORTED, answered_by
from hf_inference_tools.providers.chat import CHAT_ROUTES, COMPLETIONS_ROUTES, EMBEDDINGS_ROUTES
from hf_inference_tools.testing import data_uri, mp4_bytes, png_bytes, wav_bytes

ROUTER = "https://router.huggingface.co"
HUB = "https://huggingface.co"
TOKEN = "hf_test_secret_token_0123456789"
PNG = png_bytes(16, 8)
WAV = wav_bytes()
PNG_URI = data_uri(PNG, "image/png")
WAV_URI = data_uri(WAV, "audio/wav")
MP4 = mp4_bytes()
MP4_URI = data_uri(MP4, "video/mp4")
PUBLIC_IP = "93.184.216.34"


def mapping(model: str, *entries: tuple[str, str, str, str]) -> dict[str, Any]:
    """A Hub answer: entries of (provider, providerId, task, status), in the Hub's order."""
    return {
        "id": model,
        "inferenceProviderMapping": {
            provider: {"status": status, "providerId": pid, "task": task}
            for provider, pid, task, status in entries
        },
    }


def hub_route(
    mock: respx.MockRouter, model: str, *entries: tuple[str, str, str, str]
) -> respx.Route:
    return mock.get(f"{HUB}/api/models/{model}").mock(
        return_value=httpx.Response(200, json=mapping(model, *entries))
    )


@pytest.fixture
def net() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as mock:
        yield mock


@pytest.fixture
def hf() -> Iterator[HfInference]:
    client = HfInference(token=TOKEN, max_retries=0)
    client.providers.resolver = lambda host, port: [PUBLIC_IP]
    client.providers.sleep = lambda seconds: None

    async def asleep(seconds: float) -> None:
        return None

    client.providers.asleep = asleep
    yield client
    client.close()


def run(hf: HfInference, mode: str, method: str, **kwargs: Any) -> Any:
    if mode == "sync":
        return getattr(hf, method)(**kwargs)
    return asyncio.run(getattr(hf, "a" + method)(**kwargs))


MODES = pytest.mark.parametrize("mode", ["sync", "async"])


# -- which provider ---------------------------------------------------------------------------


def test_unknown_provider__value_error_lists_the_supported() -> None:
    with pytest.raises(ValueError, match="fal-ai") as info:
        HfInference(provider="acme")
    assert "replicate" in str(info.value)


@pytest.mark.parametrize("name", ["nebius", "sambanova", "hyperbolic"])
def test_retired_provider__value_error_says_so(name: str, net: respx.MockRouter) -> None:
    hf = HfInference(token=TOKEN)
    with pytest.raises(ValueError, match="retired"):
        hf.text_to_image(inputs="a fox", model="m/x", provider=name)
    assert not net.calls


def test_endpoint_url__no_lookup(net: respx.MockRouter) -> None:
    route = net.post("http://localhost:8080").mock(return_value=httpx.Response(200, content=PNG))
    hf = HfInference(token=TOKEN, endpoint_url="http://localhost:8080")
    assert hf.text_to_image(inputs="a fox") == PNG
    assert [c.request.url.host for c in net.calls] == ["localhost"]
    assert route.called


def test_explicit_base_url_with_default_provider__serverless_no_lookup(
    net: respx.MockRouter,
) -> None:
    net.post("https://my-proxy.example/models/m/x").mock(
        return_value=httpx.Response(200, content=PNG)
    )
    hf = HfInference(token=TOKEN, base_url="https://my-proxy.example")
    assert hf.text_to_image(inputs="a fox", model="m/x") == PNG
    assert len(net.calls) == 1


def test_hf_inference__serverless_no_lookup(net: respx.MockRouter) -> None:
    net.post(f"{ROUTER}/hf-inference/models/m/x").mock(
        return_value=httpx.Response(200, content=PNG)
    )
    hf = HfInference(token=TOKEN, provider="hf-inference")
    assert hf.text_to_image(inputs="a fox", model="m/x") == PNG
    assert len(net.calls) == 1


def test_no_token__named_provider_refused_before_sending(net: respx.MockRouter) -> None:
    hf = HfInference(provider="fal-ai")
    with pytest.raises(AuthenticationError, match="HF_TOKEN"):
        hf.text_to_image(inputs="a fox", model="m/x")
    assert not net.calls


def test_no_token__auto_may_still_use_hf_inference(net: respx.MockRouter) -> None:
    hub = hub_route(net, "m/x", ("hf-inference", "m/x", "text-to-image", "live"))
    inference = net.post(f"{ROUTER}/hf-inference/models/m/x").mock(
        return_value=httpx.Response(200, content=PNG)
    )
    assert HfInference().text_to_image(inputs="a fox", model="m/x") == PNG
    assert "authorization" not in hub.calls.last.request.headers
    assert "authorization" not in inference.calls.last.request.headers


def test_no_token__auto_refuses_a_paid_provider(net: respx.MockRouter) -> None:
    hub_route(net, "m/x", ("fal-ai", "fal-ai/flux/dev", "text-to-image", "live"))
    with pytest.raises(AuthenticationError, match="HF_TOKEN"):
        HfInference().text_to_image(inputs="a fox", model="m/x")
    assert [c.request.method for c in net.calls] == ["GET"]  # the lookup, no inference


def test_auto__filters_task_status_and_support(net: respx.MockRouter, hf: HfInference) -> None:
    hub_route(
        net,
        "m/x",
        ("acme", "x", "text-to-image", "live"),  # a provider we do not implement
        ("fal-ai", "fal-ai/x", "image-to-image", "live"),  # another task
        ("together", "x", "text-to-image", "staging"),  # not live
        ("nscale", "n/x", "text-to-image", "live"),
    )
    route = net.post(f"{ROUTER}/nscale/v1/images/generations").mock(
        return_value=httpx.Response(200, json={"created": 1, "data": [{"b64_json": _b64(PNG)}]})
    )
    with answered_by() as report:
        assert hf.text_to_image(inputs="a fox", model="m/x") == PNG
    assert report.provider == "nscale"
    assert json.loads(route.calls.last.request.content)["model"] == "n/x"


def test_auto__nothing_eligible_lists_what_the_mapping_offers(
    net: respx.MockRouter, hf: HfInference
) -> None:
    hub_route(net, "m/x", ("together", "x", "text-to-image", "staging"))
    with pytest.raises(ModelNotFoundError) as info:
        hf.text_to_image(inputs="a fox", model="m/x")
    assert "together (text-to-image, staging)" in str(info.value)
    assert info.value.status is None
    assert len(net.calls) == 1


@MODES
def test_empty_mapping__model_not_found(net: respx.MockRouter, hf: HfInference, mode: str) -> None:
    hub_route(net, "m/x")
    with pytest.raises(ModelNotFoundError, match="no provider at all"):
        run(hf, mode, "text_to_image", inputs="a fox", model="m/x")


def test_named_provider__absent_or_other_task(net: respx.MockRouter, hf: HfInference) -> None:
    hub_route(net, "m/x", ("fal-ai", "fal-ai/x", "image-to-image", "live"))
    with pytest.raises(ModelNotFoundError, match="maps it for 'image-to-image'"):
        hf.text_to_image(inputs="a fox", model="m/x", provider="fal-ai")
    with pytest.raises(ModelNotFoundError, match="does not serve it") as info:
        hf.text_to_image(inputs="a fox", model="m/x", provider="replicate")
    assert "fal-ai (image-to-image, live)" in str(info.value)
    assert len(net.calls) == 1  # one lookup (cached), no inference


def test_named_provider__staging_warns(net: respx.MockRouter, hf: HfInference) -> None:
    hub_route(net, "m/x", ("together", "t/x", "text-to-image", "staging"))
    net.post(f"{ROUTER}/together/v1/images/generations").mock(
        return_value=httpx.Response(200, json={"data": [{"b64_json": _b64(PNG)}]})
    )
    with pytest.warns(UserWarning, match="staging"):
        assert hf.text_to_image(inputs="a fox", model="m/x", provider="together") == PNG


@MODES
def test_auto_chat__router_endpoint_with_the_hf_model_id(
    net: respx.MockRouter, hf: HfInference, mode: str
) -> None:
    route = net.post(f"{ROUTER}/v1/chat/completions").mock(
        return_value=httpx.Response(200, json=_chat_answer("Hi!"))
    )
    model = "openai/gpt-oss-120b:cheapest"
    messages = [{"role": "user", "content": "Hello"}]
    result = run(hf, mode, "chat_completion", messages=messages, model=model)
    assert result.choices[0].message.content == "Hi!"
    assert json.loads(route.calls.last.request.content)["model"] == model
    assert route.calls.last.request.headers["authorization"] == f"Bearer {TOKEN}"
    assert len(net.calls) == 1  # no lookup


def test_auto_chat__provider_key_is_refused(net: respx.MockRouter) -> None:
    hf = HfInference(token="sk-own-key")
    with pytest.raises(AuthenticationError, match="auto"):
        hf.chat_completion(messages=[{"role": "user", "content": "Hi"}], model="m/x")
    assert not net.calls


@pytest.mark.parametrize("mode", ["sync", "async", "stream"])
def test_provider_key__never_sent_to_the_serverless_api(net: respx.MockRouter, mode: str) -> None:
    # A replicate key, with the HF serverless API named: refused before anything is sent, so
    # the key does not reach Hugging Face (which would answer 401 anyway).
    hf = HfInference(token="r8_replicate_key", provider="hf-inference")
    calls: dict[str, Callable[[], object]] = {
        "sync": lambda: hf.text_classification(inputs="hi", model="m/x"),
        "async": lambda: asyncio.run(hf.atext_classification(inputs="hi", model="m/x")),
        "stream": lambda: list(
            hf.chat_completion_stream(messages=[{"role": "user", "content": "Hi"}])
        ),
    }
    with pytest.raises(AuthenticationError, match="HF_TOKEN") as info:
        calls[mode]()
    assert "r8_replicate_key" not in str(info.value)
    assert not net.calls


@pytest.mark.parametrize(
    ("base_url", "endpoint_url", "url"),
    [
        ("http://127.0.0.1:9/proxy", None, "http://127.0.0.1:9/proxy/models/m/x"),
        (None, "https://my-tgi.example/v1", "https://my-tgi.example/v1"),
    ],
    ids=["own_base_url", "endpoint"],
)
def test_provider_key__still_sent_to_a_server_of_ones_own(
    net: respx.MockRouter, base_url: str | None, endpoint_url: str | None, url: str
) -> None:
    # A proxy or a self-hosted endpoint may well have keys of its own: those are sent as given.
    route = net.post(url).mock(
        return_value=httpx.Response(200, json=[[{"label": "POSITIVE", "score": 0.99}]])
    )
    hf = HfInference(
        token="own-proxy-key", provider="hf-inference", base_url=base_url, endpoint_url=endpoint_url
    )
    assert hf.text_classification(inputs="hi", model="m/x")[0].label == "POSITIVE"
    assert route.calls.last.request.headers["authorization"] == "Bearer own-proxy-key"


def test_bill_to__header_on_provider_calls(net: respx.MockRouter) -> None:
    route = net.post(f"{ROUTER}/v1/chat/completions").mock(
        return_value=httpx.Response(200, json=_chat_answer("ok"))
    )
    hf = HfInference(token=TOKEN, bill_to="my-org")
    hf.chat_completion(messages=[{"role": "user", "content": "Hi"}], model="m/x")
    assert route.calls.last.request.headers["x-hf-bill-to"] == "my-org"


# -- the mapping lookup -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "sent"), [(TOKEN, f"Bearer {TOKEN}"), ("r8_replicate_key", None), (None, None)]
)
def test_lookup__token_only_when_an_hf_token(
    net: respx.MockRouter, token: str | None, sent: str | None
) -> None:
    hub = hub_route(net, "m/x", ("hf-inference", "m/x", "text-to-image", "live"))
    net.post(f"{ROUTER}/hf-inference/models/m/x").mock(
        return_value=httpx.Response(200, content=PNG)
    )
    hf = HfInference(token=token)
    if token and not token.startswith("hf_"):
        with pytest.raises(AuthenticationError):  # auto needs an HF token
            hf.text_to_image(inputs="a fox", model="m/x")
        assert not net.calls
        return
    hf.text_to_image(inputs="a fox", model="m/x")
    assert hub.calls.last.request.headers.get("authorization") == sent
    assert hub.calls.last.request.url.params["expand[]"] == "inferenceProviderMapping"


@pytest.mark.parametrize("status", [401, 404])
def test_lookup__missing_or_private_model(
    net: respx.MockRouter, hf: HfInference, status: int
) -> None:
    net.get(f"{HUB}/api/models/m/x").mock(
        return_value=httpx.Response(status, json={"error": "Repository not found"})
    )
    with pytest.raises(ModelNotFoundError, match="not found on the Hub") as info:
        hf.text_to_image(inputs="a fox", model="m/x")
    assert info.value.status == status
    assert TOKEN not in str(info.value)


def test_lookup__answer_without_mapping(net: respx.MockRouter, hf: HfInference) -> None:
    net.get(f"{HUB}/api/models/m/x").mock(return_value=httpx.Response(200, json={"id": "m/x"}))
    with pytest.raises(ModelNotFoundError, match="no Inference Provider information"):
        hf.text_to_image(inputs="a fox", model="m/x")


def test_lookup__mapping_as_a_list(net: respx.MockRouter, hf: HfInference) -> None:
    body = {
        "id": "m/x",
        "inferenceProviderMapping": [
            {"provider": "nscale", "providerId": "n/x", "task": "text-to-image", "status": "live"}
        ],
    }
    net.get(f"{HUB}/api/models/m/x").mock(return_value=httpx.Response(200, json=body))
    net.post(f"{ROUTER}/nscale/v1/images/generations").mock(
        return_value=httpx.Response(200, json={"data": [{"b64_json": _b64(PNG)}]})
    )
    assert hf.text_to_image(inputs="a fox", model="m/x") == PNG


def test_lookup__hub_url_from_hf_endpoint(
    net: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_ENDPOINT", "https://hub.mirror.example")
    hub = net.get("https://hub.mirror.example/api/models/m/x").mock(
        return_value=httpx.Response(200, json=mapping("m/x"))
    )
    with pytest.raises(ModelNotFoundError):
        HfInference(token=TOKEN).text_to_image(inputs="a fox", model="m/x")
    assert hub.called


def test_lookup__cached_then_expired(net: respx.MockRouter, hf: HfInference) -> None:
    now = [1000.0]
    hf.providers.mappings._clock = lambda: now[0]
    hub = hub_route(net, "m/x", ("hf-inference", "m/x", "text-to-image", "live"))
    net.post(f"{ROUTER}/hf-inference/models/m/x").mock(
        return_value=httpx.Response(200, content=PNG)
    )
    hf.text_to_image(inputs="a", model="m/x")
    hf.text_to_image(inputs="b", model="m/x")
    assert hub.call_count == 1
    now[0] += 601  # past the 10 minute TTL
    hf.text_to_image(inputs="c", model="m/x")
    assert hub.call_count == 2


def test_lookup__cache_is_bounded(hf: HfInference) -> None:
    cache = hf.providers.mappings
    cache.max_size = 3
    for i in range(5):
        cache.get(("hub", f"m/{i}", ""), list)
    assert len(cache) == 3


def test_lookup__concurrent_threads_make_one_lookup(net: respx.MockRouter, hf: HfInference) -> None:
    started = threading.Event()
    release = threading.Event()

    def slow_hub(request: httpx.Request) -> httpx.Response:
        started.set()
        release.wait(5)
        return httpx.Response(
            200, json=mapping("m/x", ("hf-inference", "m/x", "text-to-image", "live"))
        )

    hub = net.get(f"{HUB}/api/models/m/x").mock(side_effect=slow_hub)
    net.post(f"{ROUTER}/hf-inference/models/m/x").mock(
        return_value=httpx.Response(200, content=PNG)
    )
    results: list[bytes] = []
    threads = [
        threading.Thread(target=lambda: results.append(hf.text_to_image(inputs="a", model="m/x")))
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    started.wait(5)
    release.set()
    for thread in threads:
        thread.join(10)
    assert results == [PNG] * 6
    assert hub.call_count == 1


def test_lookup__concurrent_tasks_make_one_lookup(net: respx.MockRouter, hf: HfInference) -> None:
    async def slow_hub(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.05)
        return httpx.Response(
            200, json=mapping("m/x", ("hf-inference", "m/x", "text-to-image", "live"))
        )

    hub = net.get(f"{HUB}/api/models/m/x").mock(side_effect=slow_hub)
    net.post(f"{ROUTER}/hf-inference/models/m/x").mock(
        return_value=httpx.Response(200, content=PNG)
    )

    async def main() -> list[bytes]:
        return list(
            await asyncio.gather(*(hf.atext_to_image(inputs="a", model="m/x") for _ in range(6)))
        )

    assert asyncio.run(main()) == [PNG] * 6
    assert hub.call_count == 1


def test_lookup__failure_is_not_cached(net: respx.MockRouter, hf: HfInference) -> None:
    hub = net.get(f"{HUB}/api/models/m/x").mock(
        side_effect=[
            httpx.Response(500, json={"error": "boom"}),
            httpx.Response(
                200, json=mapping("m/x", ("hf-inference", "m/x", "text-to-image", "live"))
            ),
        ]
    )
    net.post(f"{ROUTER}/hf-inference/models/m/x").mock(
        return_value=httpx.Response(200, content=PNG)
    )
    with pytest.raises(ServerError):
        hf.text_to_image(inputs="a", model="m/x")
    assert hf.text_to_image(inputs="a", model="m/x") == PNG
    assert hub.call_count == 2


# -- adapters ---------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _chat_answer(text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1735689600,
        "model": "provider/model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7},
    }


@dataclass
class Case:
    """One (provider, task) pair: the call, the routes answering it, what must come out."""

    id: str
    provider: str
    method: str
    hub_task: str
    pid: str
    kwargs: dict[str, Any]
    routes: list[tuple[str, str, Any]]
    """(method, path under the router, answer: a JSON body, bytes, or an httpx.Response)."""
    check: Callable[[Any], object]
    sent: Callable[[dict[str, Any], httpx.Request], object] = lambda body, request: None
    downloads: dict[str, bytes] = field(default_factory=dict)


def _is(expected: Any) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert result == expected

    return check


def _fal_queue(pid: str, result: dict[str, Any]) -> list[tuple[str, str, Any]]:
    response_url = f"https://queue.fal.run/{pid}/requests/req-1"
    return [
        (
            "POST",
            f"/fal-ai/{pid}?_subdomain=queue",
            {
                "status": "IN_QUEUE",
                "request_id": "req-1",
                "response_url": response_url,
                "status_url": response_url + "/status",
                "cancel_url": response_url + "/cancel",
                "queue_position": 0,
            },
        ),
        (
            "GET",
            f"/fal-ai/{pid}/requests/req-1/status?_subdomain=queue",
            {"status": "COMPLETED", "request_id": "req-1", "response_url": response_url},
        ),
        ("GET", f"/fal-ai/{pid}/requests/req-1?_subdomain=queue", result),
    ]


def _prediction(output: Any, status: str = "succeeded") -> dict[str, Any]:
    return {
        "id": "pred-1",
        "model": "owner/model",
        "version": "hidden",
        "input": {},
        "logs": "",
        "output": output,
        "error": None,
        "status": status,
        "created_at": "2026-08-20T10:00:00.000Z",
        "urls": {
            "get": "https://api.replicate.com/v1/predictions/pred-1",
            "cancel": "https://api.replicate.com/v1/predictions/pred-1/cancel",
        },
    }


def _wavespeed(job_id: str, pid: str, output: str) -> list[tuple[str, str, Any]]:
    get = f"https://api.wavespeed.ai/api/v3/predictions/{job_id}/result"
    return [
        (
            "POST",
            f"/wavespeed/api/v3/{pid}",
            {
                "code": 200,
                "message": "success",
                "data": {"id": job_id, "urls": {"get": get}, "status": "created", "outputs": []},
            },
        ),
        (
            "GET",
            f"/wavespeed/api/v3/predictions/{job_id}/result",
            {
                "code": 200,
                "message": "success",
                "data": {"id": job_id, "status": "completed", "outputs": [output], "error": ""},
            },
        ),
    ]


def _body_has(**expected: Any) -> Callable[[dict[str, Any], httpx.Request], None]:
    def sent(body: dict[str, Any], request: httpx.Request) -> None:
        for key, value in expected.items():
            assert body[key] == value, key

    return sent


_WAVESPEED_VIDEO: list[tuple[str, dict[str, Any]]] = [
    ("text_to_video", {"inputs": "a fox runs"}),
    ("image_to_video", {"data": PNG}),
]
PROMPT = {
    "inputs": "a red fox",
    "parameters": {"width": 512, "height": 384, "num_inference_steps": 4},
}
I2I = {"data": PNG, "parameters": {"prompt": "make it blue"}}


def _segments(result: Any) -> None:
    assert result[0].label == "mask"
    assert base64.b64decode(result[0].mask) == PNG


def _text(expected: str) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert result.text == expected

    return check


def _conversation(result: Any) -> None:
    assert result.generated_text == "Hello!"
    assert result.conversation.past_user_inputs == ["Hi"]
    assert result.conversation.generated_responses == ["Hello!"]


def _generated(text: str) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert result.generated_text == text

    return check


def _chat_says(text: str) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert result.choices[0].message.content == text

    return check


def _replicate_prefers_wait(body: dict[str, Any], request: httpx.Request) -> None:
    assert request.headers["prefer"] == "wait=50"
    assert body["input"]["prompt"] == "a red fox"
    assert body["input"]["width"] == 512


CASES = [
    Case(
        "fal-ai/text_to_image/queue",
        "fal-ai",
        "text_to_image",
        "text-to-image",
        "fal-ai/flux/dev",
        PROMPT,
        _fal_queue("fal-ai/flux/dev", {"images": [{"url": PNG_URI, "width": 16, "height": 8}]}),
        _is(PNG),
        _body_has(prompt="a red fox", image_size={"width": 512, "height": 384}),
    ),
    Case(
        "fal-ai/image_to_image",
        "fal-ai",
        "image_to_image",
        "image-to-image",
        "fal-ai/flux-kontext/dev",
        I2I,
        _fal_queue("fal-ai/flux-kontext/dev", {"images": [{"url": PNG_URI}]}),
        _is(PNG),
        _body_has(image_url=PNG_URI, image_urls=[PNG_URI], prompt="make it blue"),
    ),
    Case(
        "fal-ai/image_segmentation",
        "fal-ai",
        "image_segmentation",
        "image-segmentation",
        "fal-ai/evf-sam",
        {"data": PNG},
        _fal_queue("fal-ai/evf-sam", {"image": {"url": PNG_URI, "content_type": "image/png"}}),
        _segments,
        _body_has(image_url=PNG_URI, sync_mode=True),
    ),
    Case(
        "fal-ai/automatic_speech_recognition",
        "fal-ai",
        "automatic_speech_recognition",
        "automatic-speech-recognition",
        "fal-ai/whisper",
        {"data": WAV},
        [
            (
                "POST",
                "/fal-ai/fal-ai/whisper",
                {"text": "hello there", "chunks": [{"timestamp": [0, 1], "text": "hello there"}]},
            )
        ],
        _text("hello there"),
        _body_has(audio_url=data_uri(WAV, "audio/x-wav")),
    ),
    Case(
        "fal-ai/text_to_speech",
        "fal-ai",
        "text_to_speech",
        "text-to-speech",
        "fal-ai/kokoro/american-english",
        {"inputs": "Hello"},
        [("POST", "/fal-ai/fal-ai/kokoro/american-english", {"audio": {"url": WAV_URI}})],
        _is(WAV),
        _body_has(text="Hello"),
    ),
    Case(
        "replicate/text_to_image/url-download",
        "replicate",
        "text_to_image",
        "text-to-image",
        "black-forest-labs/flux-schnell",
        PROMPT,
        [
            (
                "POST",
                "/replicate/v1/models/black-forest-labs/flux-schnell/predictions",
                httpx.Response(
                    201, json=_prediction(["https://replicate.delivery/xezq/out-0.webp"])
                ),
            )
        ],
        _is(PNG),
        _replicate_prefers_wait,
        downloads={"/xezq/out-0.webp": PNG},
    ),
    Case(
        "replicate/text_to_image/version",
        "replicate",
        "text_to_image",
        "text-to-image",
        "owner/model:5599ed30703defd1d160a25a63321b4dec97101d98b4674bcc56e41f62f35637",
        {"inputs": "a red fox"},
        [("POST", "/replicate/v1/predictions", httpx.Response(201, json=_prediction(PNG_URI)))],
        _is(PNG),
        _body_has(version="5599ed30703defd1d160a25a63321b4dec97101d98b4674bcc56e41f62f35637"),
    ),
    Case(
        "replicate/image_to_image",
        "replicate",
        "image_to_image",
        "image-to-image",
        "black-forest-labs/flux-kontext-dev",
        I2I,
        [
            (
                "POST",
                "/replicate/v1/models/black-forest-labs/flux-kontext-dev/predictions",
                httpx.Response(201, json=_prediction(PNG_URI)),
            )
        ],
        _is(PNG),
        lambda body, request: (
            (body["input"]["input_image"] == PNG_URI and body["input"]["image"] == PNG_URI)
            or pytest.fail("image not sent")
        ),
    ),
    Case(
        "replicate/automatic_speech_recognition",
        "replicate",
        "automatic_speech_recognition",
        "automatic-speech-recognition",
        "openai/whisper",
        {"data": WAV},
        [
            (
                "POST",
                "/replicate/v1/models/openai/whisper/predictions",
                httpx.Response(
                    201,
                    json=_prediction(
                        {"transcription": " hello there", "segments": [], "detected_language": "en"}
                    ),
                ),
            )
        ],
        _text(" hello there"),
        lambda body, request: body["input"]["audio"] == WAV_URI or pytest.fail("no audio"),
    ),
    Case(
        "replicate/text_to_speech",
        "replicate",
        "text_to_speech",
        "text-to-speech",
        "jaaari/kokoro-82m",
        {"inputs": "Hello"},
        [
            (
                "POST",
                "/replicate/v1/models/jaaari/kokoro-82m/predictions",
                httpx.Response(201, json=_prediction(WAV_URI)),
            )
        ],
        _is(WAV),
        lambda body, request: body["input"]["text"] == "Hello" or pytest.fail("no text"),
    ),
    Case(
        "together/text_to_image",
        "together",
        "text_to_image",
        "text-to-image",
        "black-forest-labs/FLUX.1-schnell-Free",
        PROMPT,
        [
            (
                "POST",
                "/together/v1/images/generations",
                {
                    "id": "o1",
                    "model": "black-forest-labs/FLUX.1-schnell-Free",
                    "object": "list",
                    "data": [{"index": 0, "b64_json": _b64(PNG), "timings": {"inference": 0.4}}],
                },
            )
        ],
        _is(PNG),
        _body_has(model="black-forest-labs/FLUX.1-schnell-Free", response_format="base64", steps=4),
    ),
    Case(
        "together/image_to_image/kontext",
        "together",
        "image_to_image",
        "image-to-image",
        "black-forest-labs/FLUX.1-kontext-dev",
        I2I,
        [("POST", "/together/v1/images/generations", {"data": [{"b64_json": _b64(PNG)}]})],
        _is(PNG),
        _body_has(image_url=PNG_URI, prompt="make it blue"),
    ),
    Case(
        "together/image_to_image/reference",
        "together",
        "image_to_image",
        "image-to-image",
        "google/flash-image-2.5",
        {"data": PNG},
        [("POST", "/together/v1/images/generations", {"data": [{"b64_json": _b64(PNG)}]})],
        _is(PNG),
        _body_has(reference_images=[PNG_URI], prompt=""),
    ),
    Case(
        "together/text_to_speech",
        "together",
        "text_to_speech",
        "text-to-speech",
        "hexgrad/Kokoro-82M",
        {"inputs": "Hello"},
        [
            (
                "POST",
                "/together/v1/audio/speech",
                httpx.Response(200, content=WAV, headers={"content-type": "audio/wav"}),
            )
        ],
        _is(WAV),
        _body_has(input="Hello", voice="af_alloy", model="hexgrad/Kokoro-82M"),
    ),
    Case(
        "nscale/text_to_image",
        "nscale",
        "text_to_image",
        "text-to-image",
        "stabilityai/stable-diffusion-xl-base-1.0",
        PROMPT,
        [
            (
                "POST",
                "/nscale/v1/images/generations",
                {"created": 1, "data": [{"b64_json": _b64(PNG)}]},
            )
        ],
        _is(PNG),
        lambda body, request: (
            (body["size"] == "512x384" and "num_inference_steps" not in body) or pytest.fail("size")
        ),
    ),
    Case(
        "wavespeed/text_to_image",
        "wavespeed",
        "text_to_image",
        "text-to-image",
        "wavespeed-ai/flux-dev",
        {"inputs": "a red fox"},
        _wavespeed("w1", "wavespeed-ai/flux-dev", PNG_URI),
        _is(PNG),
        _body_has(prompt="a red fox"),
    ),
    Case(
        "wavespeed/image_to_image",
        "wavespeed",
        "image_to_image",
        "image-to-image",
        "wavespeed-ai/flux-kontext-dev",
        I2I,
        _wavespeed("w2", "wavespeed-ai/flux-kontext-dev", PNG_URI),
        _is(PNG),
        _body_has(image=PNG_URI, prompt="make it blue"),
    ),
    Case(
        "zai-org/text_to_image",
        "zai-org",
        "text_to_image",
        "text-to-image",
        "cogview-4-250304",
        PROMPT,
        [
            (
                "POST",
                "/zai-org/api/paas/v4/async/images/generations",
                {"id": "z-1", "model": "cogview-4-250304", "task_status": "PROCESSING"},
            ),
            (
                "GET",
                "/zai-org/api/paas/v4/async-result/z-1",
                {
                    "model": "cogview-4-250304",
                    "task_status": "SUCCESS",
                    "image_result": [{"url": PNG_URI}],
                },
            ),
        ],
        _is(PNG),
        lambda body, request: (
            (body["size"] == "512x384" and request.headers["x-source-channel"] == "hugging_face")
            or pytest.fail("zai")
        ),
    ),
    Case(
        "fal-ai/text_to_video",
        "fal-ai",
        "text_to_video",
        "text-to-video",
        "fal-ai/wan/v2.2-a14b/text-to-video",
        {"inputs": "a fox runs", "parameters": {"num_frames": 81}},
        _fal_queue(
            "fal-ai/wan/v2.2-a14b/text-to-video",
            {"video": {"url": MP4_URI, "content_type": "video/mp4"}, "seed": 1},
        ),
        _is(MP4),
        _body_has(prompt="a fox runs", num_frames=81),
    ),
    Case(
        "fal-ai/image_to_video",
        "fal-ai",
        "image_to_video",
        "image-to-video",
        "fal-ai/wan/v2.2-a14b/image-to-video",
        {"data": PNG, "parameters": {"prompt": "it turns"}},
        _fal_queue("fal-ai/wan/v2.2-a14b/image-to-video", {"video": {"url": MP4_URI}}),
        _is(MP4),
        _body_has(image_url=PNG_URI, prompt="it turns"),
    ),
    Case(
        "replicate/text_to_video",
        "replicate",
        "text_to_video",
        "text-to-video",
        "wan-video/wan-2.2-t2v-fast",
        {"inputs": "a fox runs"},
        [
            (
                "POST",
                "/replicate/v1/models/wan-video/wan-2.2-t2v-fast/predictions",
                httpx.Response(201, json=_prediction(MP4_URI)),
            )
        ],
        _is(MP4),
        lambda body, request: body["input"]["prompt"] == "a fox runs" or pytest.fail("prompt"),
    ),
    Case(
        "together/text_to_video",
        "together",
        "text_to_video",
        "text-to-video",
        "Wan-AI/Wan2.2-T2V-A14B",
        {"inputs": "a fox runs", "parameters": {"num_inference_steps": 20}},
        [
            ("POST", "/together/v2/videos", {"id": "vid-1", "object": "video", "status": "queued"}),
            (
                "GET",
                "/together/v2/videos/vid-1",
                {
                    "id": "vid-1",
                    "status": "completed",
                    "outputs": {"video_url": MP4_URI, "cost": 0.2},
                },
            ),
        ],
        _is(MP4),
        _body_has(prompt="a fox runs", steps=20, model="Wan-AI/Wan2.2-T2V-A14B"),
    ),
    Case(
        "together/image_to_video",
        "together",
        "image_to_video",
        "image-to-video",
        "Wan-AI/Wan2.2-I2V-A14B",
        {"data": PNG},
        [
            ("POST", "/together/v2/videos", {"id": "vid-2", "status": "queued"}),
            (
                "GET",
                "/together/v2/videos/vid-2",
                {"id": "vid-2", "status": "completed", "outputs": {"video_url": MP4_URI}},
            ),
        ],
        _is(MP4),
        _body_has(frame_images=[{"input_image": PNG_URI, "frame": "first"}]),
    ),
    Case(
        "novita/text_to_video",
        "novita",
        "text_to_video",
        "text-to-video",
        "wan-t2v",
        {"inputs": "a fox runs", "parameters": {"num_inference_steps": 20}},
        [
            ("POST", "/novita/v3/async/wan-t2v", {"task_id": "nv-1"}),
            (
                "GET",
                "/novita/v3/async/task-result?task_id=nv-1",
                {
                    "task": {"task_id": "nv-1", "status": "TASK_STATUS_SUCCEED"},
                    "videos": [{"video_url": MP4_URI, "video_type": "mp4"}],
                },
            ),
        ],
        _is(MP4),
        _body_has(prompt="a fox runs", steps=20),
    ),
    *[
        Case(
            f"wavespeed/{task}",
            "wavespeed",
            task,
            task.replace("_", "-"),
            f"wavespeed-ai/wan-2.2/{task}",
            kwargs,
            _wavespeed(f"w-{task}", f"wavespeed-ai/wan-2.2/{task}", MP4_URI),
            _is(MP4),
        )
        for task, kwargs in _WAVESPEED_VIDEO
    ],
    *[
        Case(
            f"{provider}/feature_extraction",
            provider,
            "feature_extraction",
            "feature-extraction",
            "intfloat/e5-base",
            {"inputs": "Today is a sunny day"},
            [
                (
                    "POST",
                    f"/{provider}{route}",
                    {
                        "object": "list",
                        "data": [{"object": "embedding", "index": 0, "embedding": [0.25, -0.5]}],
                        "model": "intfloat/e5-base",
                        "usage": {"prompt_tokens": 6, "total_tokens": 6},
                    },
                )
            ],
            _is([0.25, -0.5]),  # one text, one vector: what hf-inference gives
            _body_has(input="Today is a sunny day", model="intfloat/e5-base"),
        )
        for provider, route in sorted(EMBEDDINGS_ROUTES.items())
    ],
    *[
        Case(
            f"{provider}/chat_completion",
            provider,
            "chat_completion",
            "conversational",
            f"{provider}-llama-3.3-70b",
            {"messages": [{"role": "user", "content": "Hi"}], "parameters": {"max_tokens": 20}},
            [("POST", f"/{provider}{route}", _chat_answer("Hello from " + provider))],
            _chat_says("Hello from " + provider),
            _body_has(model=f"{provider}-llama-3.3-70b", max_tokens=20),
        )
        for provider, route in sorted(CHAT_ROUTES.items())
    ],
    *[
        Case(
            f"{provider}/conversational",
            provider,
            "conversational",
            "conversational",
            f"{provider}-chat",
            {"inputs": {"text": "Hi"}, "parameters": {"max_length": 30}},
            [("POST", f"/{provider}{route}", _chat_answer("Hello!"))],
            _conversation,
            _body_has(model=f"{provider}-chat", max_tokens=30),
        )
        for provider, route in sorted(CHAT_ROUTES.items())
    ],
    *[
        Case(
            f"{provider}/text_generation",
            provider,
            "text_generation",
            "text-generation",
            "Qwen/Qwen2.5-7B",
            {"inputs": "The sky is", "parameters": {"max_new_tokens": 5}},
            [
                (
                    "POST",
                    f"/{provider}{route}",
                    {
                        "id": "c1",
                        "object": "text_completion",
                        "created": 1,
                        "model": "Qwen/Qwen2.5-7B",
                        "choices": [{"index": 0, "text": " blue today", "finish_reason": "length"}],
                    },
                )
            ],
            _generated(" blue today"),
            _body_has(prompt="The sky is", max_tokens=5, model="Qwen/Qwen2.5-7B"),
        )
        for provider, route in sorted(COMPLETIONS_ROUTES.items())
    ],
]


def _answer(value: Any) -> httpx.Response:
    if isinstance(value, httpx.Response):
        return value
    return httpx.Response(200, json=value)


def _mount(net: respx.MockRouter, case: Case, model: str) -> list[respx.Route]:
    hub_route(net, model, (case.provider, case.pid, case.hub_task, "live"))
    routes = []
    for method, path, answer in case.routes:
        routes.append(net.request(method, ROUTER + path).mock(return_value=_answer(answer)))
    for path, data in case.downloads.items():
        routes.append(
            net.get(f"https://{PUBLIC_IP}{path}").mock(
                return_value=httpx.Response(200, content=data)
            )
        )
    return routes


def test_cases_cover_the_table() -> None:
    covered = {(c.provider, c.method) for c in CASES}
    shipped = {(provider, task) for provider, tasks in ADAPTERS.items() for task in tasks}
    assert shipped - covered == set()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
@MODES
def test_adapter__request_and_result(
    net: respx.MockRouter, hf: HfInference, case: Case, mode: str
) -> None:
    model = "org/model"
    routes = _mount(net, case, model)
    with answered_by() as report:
        result = run(hf, mode, case.method, model=model, provider=case.provider, **case.kwargs)
    case.check(result)
    assert report.provider == case.provider
    first = routes[0].calls.last.request
    case.sent(json.loads(first.content), first)
    for route in routes:
        assert route.called, route
    for call in net.calls:
        on_hf = call.request.url.host in ("router.huggingface.co", "huggingface.co")
        assert ("authorization" in call.request.headers) == on_hf, call.request.url


@MODES
def test_adapter__auto_picks_the_same_route(
    net: respx.MockRouter, hf: HfInference, mode: str
) -> None:
    case = CASES[0]
    _mount(net, case, "org/model")
    assert run(hf, mode, case.method, model="org/model", **case.kwargs) == PNG


# -- errors and failover ----------------------------------------------------------------------


def _two_providers(net: respx.MockRouter) -> tuple[respx.Route, respx.Route]:
    hub_route(
        net,
        "m/x",
        ("together", "t/x", "text-to-image", "live"),
        ("nscale", "n/x", "text-to-image", "live"),
    )
    together = net.post(f"{ROUTER}/together/v1/images/generations")
    nscale = net.post(f"{ROUTER}/nscale/v1/images/generations").mock(
        return_value=httpx.Response(200, json={"data": [{"b64_json": _b64(PNG)}]})
    )
    return together, nscale


@pytest.mark.parametrize("status", [500, 503, 429])
@MODES
def test_failover__next_provider_on_5xx_and_429(
    net: respx.MockRouter, hf: HfInference, status: int, mode: str
) -> None:
    together, nscale = _two_providers(net)
    together.mock(return_value=httpx.Response(status, json={"error": {"message": "overloaded"}}))
    with answered_by() as report:
        assert run(hf, mode, "text_to_image", inputs="a fox", model="m/x") == PNG
    assert report.provider == "nscale"
    assert together.called and nscale.called


@MODES
def test_failover__connection_error(net: respx.MockRouter, hf: HfInference, mode: str) -> None:
    together, nscale = _two_providers(net)
    together.mock(side_effect=httpx.ConnectError("refused"))
    assert run(hf, mode, "text_to_image", inputs="a fox", model="m/x") == PNG
    assert nscale.called


@MODES
def test_failover__never_on_other_4xx(net: respx.MockRouter, hf: HfInference, mode: str) -> None:
    together, nscale = _two_providers(net)
    together.mock(
        return_value=httpx.Response(
            400, json={"error": {"message": "prompt too long", "type": "invalid_request_error"}}
        )
    )
    with pytest.raises(InputError, match="prompt too long") as info:
        run(hf, mode, "text_to_image", inputs="a fox", model="m/x")
    assert info.value.provider == "together"
    assert "together" in str(info.value)
    assert not nscale.called


def test_failover__bounded_and_the_last_error_names_the_tried(net: respx.MockRouter) -> None:
    providers = ["together", "nscale", "fal-ai", "replicate"]
    hub_route(net, "m/x", *[(p, f"{p}/x", "text-to-image", "live") for p in providers])
    failing = net.route(host="router.huggingface.co").mock(
        return_value=httpx.Response(502, json={"detail": "bad gateway"})
    )
    hf = HfInference(token=TOKEN, max_retries=0, max_failovers=2)
    with pytest.raises(ServerError) as info:
        hf.text_to_image(inputs="a fox", model="m/x")
    assert failing.call_count == 3  # the first and 2 more
    assert "together, nscale, fal-ai" in str(info.value)
    assert info.value.provider == "fal-ai"


def test_named_provider__no_failover(net: respx.MockRouter, hf: HfInference) -> None:
    together, nscale = _two_providers(net)
    together.mock(return_value=httpx.Response(503, json={"error": "busy"}))
    with pytest.raises(ModelLoadingError) as info:
        hf.text_to_image(inputs="a fox", model="m/x", provider="together")
    assert info.value.provider == "together"
    assert not nscale.called


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        (httpx.Response(422, json={"detail": "image_size is invalid"}), "image_size is invalid"),
        (httpx.Response(400, json={"message": "bad prompt"}), "bad prompt"),
        (httpx.Response(400, json={"error": "plain error"}), "plain error"),
        (
            httpx.Response(400, text="", headers={"x-error-message": "from the header"}),
            "from the header",
        ),
    ],
)
def test_errors__provider_text_wherever_it_is(
    net: respx.MockRouter, hf: HfInference, answer: httpx.Response, text: str
) -> None:
    hub_route(net, "m/x", ("fal-ai", "fal-ai/flux/dev", "text-to-image", "live"))
    net.post(f"{ROUTER}/fal-ai/fal-ai/flux/dev").mock(return_value=answer)
    with pytest.raises(InputError) as info:
        hf.text_to_image(inputs="a fox", model="m/x")
    message = str(info.value)
    assert text in message
    assert "text_to_image" in message and "m/x" in message and "fal-ai" in message
    assert info.value.provider == "fal-ai"
    assert TOKEN not in message


def test_errors__malformed_answer_is_output_error(net: respx.MockRouter, hf: HfInference) -> None:
    hub_route(net, "m/x", ("together", "t/x", "text-to-image", "live"))
    net.post(f"{ROUTER}/together/v1/images/generations").mock(
        return_value=httpx.Response(200, json={"data": []})
    )
    with pytest.raises(OutputError) as info:
        hf.text_to_image(inputs="a fox", model="m/x")
    assert info.value.provider == "together"


def test_result__not_the_expected_media_is_refused(net: respx.MockRouter, hf: HfInference) -> None:
    hub_route(net, "m/x", ("replicate", "o/m", "text-to-image", "live"))
    net.post(f"{ROUTER}/replicate/v1/models/o/m/predictions").mock(
        return_value=httpx.Response(
            201, json=_prediction(data_uri(b"<html>nope</html>", "image/png"))
        )
    )
    with pytest.raises(OutputError, match="not image"):
        hf.text_to_image(inputs="a fox", model="m/x")


def test_result__download_capped_by_max_output_bytes(net: respx.MockRouter) -> None:
    hf = HfInference(token=TOKEN, max_output_bytes=100)
    hf.providers.resolver = lambda host, port: [PUBLIC_IP]
    hub_route(net, "m/x", ("replicate", "o/m", "text-to-image", "live"))
    net.post(f"{ROUTER}/replicate/v1/models/o/m/predictions").mock(
        return_value=httpx.Response(201, json=_prediction("https://replicate.delivery/big.png"))
    )
    net.get(f"https://{PUBLIC_IP}/big.png").mock(
        return_value=httpx.Response(200, content=png_bytes(64, 64))
    )
    with pytest.raises(MediaError, match="max_media_bytes"):
        hf.text_to_image(inputs="a fox", model="m/x")


@MODES
def test_result__private_address_refused_never_fetched(
    net: respx.MockRouter, hf: HfInference, mode: str
) -> None:
    hf.providers.resolver = lambda host, port: ["10.0.0.7"]
    hub_route(net, "m/x", ("replicate", "o/m", "text-to-image", "live"))
    net.post(f"{ROUTER}/replicate/v1/models/o/m/predictions").mock(
        return_value=httpx.Response(201, json=_prediction("https://cdn.internal.example/a.png"))
    )
    with pytest.raises(MediaError, match="private") as info:
        run(hf, mode, "text_to_image", inputs="a fox", model="m/x")
    assert "replicate" in str(info.value)
    assert [c.request.url.host for c in net.calls] == ["huggingface.co", "router.huggingface.co"]


# -- direct provider keys ---------------------------------------------------------------------


def test_direct_key__fal_queue_with_key_scheme(net: respx.MockRouter) -> None:
    hub = hub_route(net, "m/x", ("fal-ai", "fal-ai/flux/dev", "text-to-image", "live"))
    response_url = "https://queue.fal.run/fal-ai/flux/requests/r9"
    submit = net.post("https://queue.fal.run/fal-ai/flux/dev").mock(
        return_value=httpx.Response(
            200, json={"request_id": "r9", "status": "IN_QUEUE", "response_url": response_url}
        )
    )
    status = net.get(response_url + "/status").mock(
        return_value=httpx.Response(200, json={"status": "COMPLETED"})
    )
    net.get(response_url).mock(
        return_value=httpx.Response(200, json={"images": [{"url": PNG_URI}]})
    )
    hf = HfInference(
        token="fal-key-123:secret",
        provider="fal-ai",
        bill_to="my-org",
        headers={"X-HF-Trace": "t1", "X-Proxy-Tag": "p1"},
    )
    hf.providers.sleep = lambda s: None
    assert hf.text_to_image(inputs="a fox", model="m/x") == PNG
    assert submit.calls.last.request.headers["authorization"] == "Key fal-key-123:secret"
    assert status.calls.last.request.headers["authorization"] == "Key fal-key-123:secret"
    assert "authorization" not in hub.calls.last.request.headers  # a provider key stays home
    # Hugging Face's own headers go to HF's hosts only, never to the provider's; others go.
    assert hub.calls.last.request.headers["x-hf-bill-to"] == "my-org"
    for call in [*submit.calls, *status.calls]:
        assert "x-hf-bill-to" not in call.request.headers
        assert "x-hf-trace" not in call.request.headers
        assert call.request.headers["x-proxy-tag"] == "p1"


def test_direct_key__bearer_to_the_providers_own_base(net: respx.MockRouter) -> None:
    hub_route(net, "m/x", ("together", "t/x", "text-to-image", "live"))
    route = net.post("https://api.together.xyz/v1/images/generations").mock(
        return_value=httpx.Response(200, json={"data": [{"b64_json": _b64(PNG)}]})
    )
    hf = HfInference(token="tgp_v1_own", provider="together")
    assert hf.text_to_image(inputs="a fox", model="m/x") == PNG
    assert route.calls.last.request.headers["authorization"] == "Bearer tgp_v1_own"


def test_supported_names_and_table() -> None:
    assert {"fal-ai", "replicate", "together", "groq", "hf-inference", "zai-org"} <= SUPPORTED
    assert not {"nebius", "sambanova", "hyperbolic", "openai"} & SUPPORTED
    for provider, tasks in ADAPTERS.items():
        assert tasks, provider


def test_mp4_sample_sniffs_as_video() -> None:
    from hf_inference_tools._media import sniff_mime

    assert sniff_mime(mp4_bytes()) == "video/mp4"


def test_no_warning_for_live_named_provider(net: respx.MockRouter, hf: HfInference) -> None:
    hub_route(net, "m/x", ("together", "t/x", "text-to-image", "live"))
    net.post(f"{ROUTER}/together/v1/images/generations").mock(
        return_value=httpx.Response(200, json={"data": [{"b64_json": _b64(PNG)}]})
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        hf.text_to_image(inputs="a fox", model="m/x", provider="together")


def test_readme__provider_table_matches_the_adapters() -> None:
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    header = next(line for line in readme.splitlines() if line.startswith("| provider | `"))
    tasks = [cell.strip().strip("`") for cell in header.strip("|").split("|")[1:]]
    for provider, adapters in ADAPTERS.items():
        row = next(line for line in readme.splitlines() if line.startswith(f"| `{provider}` |"))
        marks = [cell.strip() for cell in row.strip("|").split("|")[1:]]
        assert {t for t, m in zip(tasks, marks, strict=True) if m == "✓"} == {
            t for t in adapters if t in tasks
        }, provider
