"""The one door to the network: URLs, headers, tokens, retries, errors, timeouts, lifecycles."""

from __future__ import annotations

import asyncio
import email.utils
import http.server
import json
import logging
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import ClassVar

import httpx
import pytest
import respx

from hf_inference_tools import (
    AuthenticationError,
    HfInference,
    HfInferenceError,
    InferenceTimeoutError,
    InputError,
    ModelLoadingError,
    ModelNotFoundError,
    Options,
    OutputError,
    PaymentRequiredError,
    RateLimitError,
    ServerError,
    TextClassificationTool,
)
from hf_inference_tools._http.request import _URLS, parsed_url
from hf_inference_tools._http.transport import ApiRequest, CallContext
from tests.conftest import BASE, TOKEN
from tests.media_samples import png_bytes

SST2 = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"
LABELS = [[{"label": "POSITIVE", "score": 0.9998695850372314}]]


# -- URLs and headers -------------------------------------------------------------------------


def test_request__url_headers_and_body(router: respx.MockRouter, hf: HfInference) -> None:
    route = router.post(f"/models/{SST2}").respond(json=LABELS)
    hf.text_classification(inputs="I like you", parameters={"top_k": 1})
    request = route.calls.last.request
    assert str(request.url) == f"{BASE}/models/{SST2}"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["user-agent"].startswith("hf-inference-tools/")
    assert request.headers["content-type"] == "application/json"
    assert "x-use-cache" not in request.headers
    assert "x-wait-for-model" not in request.headers
    assert json.loads(request.content) == {"inputs": "I like you", "parameters": {"top_k": 1}}


def test_request__none_parameters_are_dropped(router: respx.MockRouter, hf: HfInference) -> None:
    route = router.post(f"/models/{SST2}").respond(json=LABELS)
    hf.text_classification(inputs="hi", parameters={"top_k": None, "function_to_apply": None})
    assert json.loads(route.calls.last.request.content) == {"inputs": "hi"}


@pytest.mark.parametrize("run", ["sync", "async"])
def test_request__large_upload_arrives_whole_with_its_length_on_every_attempt(
    router: respx.MockRouter, hf: HfInference, run: str
) -> None:
    # Larger than one upload slice, and not a multiple of it.
    image = png_bytes(2, 2) + bytes(range(256)) * (3 * 2**12 + 7)
    route = router.post("/models/google/vit-base-patch16-224")
    route.side_effect = [
        httpx.Response(503, json={"error": "busy"}),
        httpx.Response(200, json=[{"label": "cat", "score": 0.9}]),
    ]
    if run == "sync":
        result = hf.image_classification(data=image)
    else:
        result = asyncio.run(hf.aimage_classification(data=image))
    assert result[0].label == "cat"
    assert route.call_count == 2
    for call in route.calls:
        assert call.request.content == image
        assert call.request.headers["content-length"] == str(len(image))
        assert "transfer-encoding" not in call.request.headers
        assert call.request.headers["content-type"] == "image/png"


def test_response__headers_kept_case_insensitively_with_repeats_joined(
    router: respx.MockRouter, hf: HfInference
) -> None:
    router.post(f"/models/{SST2}").respond(
        json=LABELS, headers=[("X-Request-Id", "req-1"), ("X-Note", "a"), ("X-Note", "b")]
    )
    ctx = CallContext(task="text_classification", model=SST2)
    response = hf.transport.send(ctx, ApiRequest(json={"inputs": "hi"}), Options())
    assert response.request_id == "req-1"
    assert response.headers["x-request-id"] == "req-1"
    assert response.headers["x-note"] == response.headers["X-Note"] == "a, b"
    assert response.headers["content-type"] == "application/json"


def test_options__cache_and_wait_headers(router: respx.MockRouter, hf: HfInference) -> None:
    route = router.post(f"/models/{SST2}").respond(json=LABELS)
    hf.text_classification(inputs="hi", options=Options(use_cache=False, wait_for_model=True))
    headers = route.calls.last.request.headers
    assert headers["x-use-cache"] == "false"
    assert headers["x-wait-for-model"] == "true"


def test_options__use_gpu_warns_once(router: respx.MockRouter, hf: HfInference) -> None:
    router.post(f"/models/{SST2}").respond(json=LABELS)
    with pytest.warns(UserWarning, match="use_gpu no longer has any effect"):
        hf.text_classification(inputs="hi", options=Options(use_gpu=True))
    hf.text_classification(inputs="hi", options=Options(use_gpu=True))  # no second warning


def test_extra_headers_are_sent(router: respx.MockRouter) -> None:
    route = router.post(f"/models/{SST2}").respond(json=LABELS)
    with HfInference(
        provider="hf-inference", token=TOKEN, headers={"X-HF-Bill-To": "my-org"}
    ) as hf:
        hf.text_classification(inputs="hi")
    assert route.calls.last.request.headers["x-hf-bill-to"] == "my-org"


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        pytest.param("http://tgi.local:8080", "http://tgi.local:8080", id="as-given"),
        pytest.param("http://tgi.local/x?key=1", "http://tgi.local/x?key=1", id="query-kept"),
    ],
)
def test_endpoint_url__used_as_given(endpoint: str, expected: str) -> None:
    with respx.mock(assert_all_mocked=True) as mock:
        route = mock.post(expected).respond(json=LABELS)
        with HfInference(endpoint_url=endpoint) as hf:
            hf.text_classification(inputs="hi")
        assert route.called
        assert "authorization" not in route.calls.last.request.headers


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        ("http://tgi.local", "http://tgi.local/v1/chat/completions"),
        ("http://tgi.local/v1", "http://tgi.local/v1/chat/completions"),
        ("http://tgi.local/v1/chat/completions", "http://tgi.local/v1/chat/completions"),
        ("http://tgi.local/x/?q=1", "http://tgi.local/x/v1/chat/completions?q=1"),
    ],
)
def test_endpoint_url__chat_route_appended(endpoint: str, expected: str) -> None:
    hf = HfInference(endpoint_url=endpoint)
    assert hf.transport.url_for(None, "chat") == expected


def test_serverless_routes() -> None:
    hf = HfInference(provider="hf-inference")
    assert hf.transport.url_for("a/b", "model") == f"{BASE}/models/a/b"
    assert hf.transport.url_for("a/b", "feature-extraction") == (
        f"{BASE}/models/a/b/pipeline/feature-extraction"
    )
    assert hf.transport.url_for("a/b", "chat") == f"{BASE}/models/a/b/v1/chat/completions"


def test_urls__parsed_once_per_distinct_url(router: respx.MockRouter, hf: HfInference) -> None:
    sst2 = router.post(f"/models/{SST2}").respond(json=LABELS)
    other = router.post("/models/org/other").respond(json=LABELS)
    parsed_url.cache_clear()
    hf.text_classification(inputs="a")
    hf.text_classification(inputs="b")
    asyncio.run(hf.atext_classification(inputs="c"))
    assert (parsed_url.cache_info().misses, parsed_url.cache_info().hits) == (1, 2)
    hf.text_classification(inputs="d", model="org/other")
    assert parsed_url.cache_info().misses == 2
    assert [str(c.request.url) for c in sst2.calls] == [f"{BASE}/models/{SST2}"] * 3
    assert str(other.calls.last.request.url) == f"{BASE}/models/org/other"


def test_urls__the_parsed_ones_kept_are_bounded() -> None:
    parsed_url.cache_clear()
    try:
        urls = [f"https://example.test/models/m{i}" for i in range(_URLS + 50)]
        parsed = [parsed_url(url) for url in urls]
        assert [str(url) for url in parsed] == urls
        assert parsed_url.cache_info().currsize == _URLS
        assert parsed_url(urls[-1]) is parsed[-1]  # the newest kept; the oldest went first
        assert parsed_url(urls[0]) is not parsed[0]
    finally:
        parsed_url.cache_clear()


# -- tokens -----------------------------------------------------------------------------------


def _sent_auth(hf: HfInference) -> str | None:
    with respx.mock(base_url=BASE) as mock:
        route = mock.post(f"/models/{SST2}").respond(json=LABELS)
        hf.text_classification(inputs="hi")
        auth: str | None = route.calls.last.request.headers.get("authorization")
        return auth


def test_token__explicit_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_from_env")
    assert (
        _sent_auth(HfInference(provider="hf-inference", token=" hf_explicit \n"))
        == "Bearer hf_explicit"
    )


def test_token__hf_token_then_legacy_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUGGING_FACE_HUB_TOKEN", "hf_legacy")
    assert _sent_auth(HfInference(provider="hf-inference")) == "Bearer hf_legacy"
    monkeypatch.setenv("HF_TOKEN", "hf_primary")
    assert _sent_auth(HfInference(provider="hf-inference")) == "Bearer hf_primary"


def test_token__files_in_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    home = tmp_path / "hf_home"
    home.mkdir()
    (home / "token").write_text("hf_from_home\n")
    assert _sent_auth(HfInference(provider="hf-inference")) == "Bearer hf_from_home"
    custom = tmp_path / "custom_token"
    custom.write_text("  hf_from_path  ")
    monkeypatch.setenv("HF_TOKEN_PATH", str(custom))
    assert _sent_auth(HfInference(provider="hf-inference")) == "Bearer hf_from_path"


def test_token__default_file_under_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("HF_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".cache" / "huggingface").mkdir(parents=True)
    (tmp_path / ".cache" / "huggingface" / "token").write_text("hf_default_file")
    assert _sent_auth(HfInference(provider="hf-inference")) == "Bearer hf_default_file"


def test_token__none_means_anonymous(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_TOKEN", "   ")
    hf = HfInference(provider="hf-inference")
    assert not hf.has_token
    assert _sent_auth(hf) is None


def test_token__never_shown(
    router: respx.MockRouter, hf: HfInference, caplog: pytest.LogCaptureFixture
) -> None:
    router.post(f"/models/{SST2}").respond(401, json={"error": f"bad token {TOKEN}"})
    tool = TextClassificationTool(client=hf)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AuthenticationError) as info:
        hf.text_classification(inputs="hi")
    shown = [
        repr(hf),
        str(hf),
        repr(hf.transport),
        repr(tool),
        str(tool.model_dump()),
        str(info.value),
        repr(info.value),
        str(info.value.server_message),
        caplog.text,
        tool.invoke({"inputs": "hi"}),
    ]
    assert all(TOKEN not in text for text in shown)
    assert "***" in str(info.value)  # the server's echo was redacted, not dropped


# -- errors -----------------------------------------------------------------------------------

ERROR_CASES = [
    (
        400,
        {"error": ["Error in `inputs`: field required", "Error in `x`"]},
        InputError,
        "field required; Error in `x`",
    ),
    (401, {"error": "Invalid username or password."}, AuthenticationError, "Invalid username"),
    (403, {"error": "Forbidden"}, AuthenticationError, "accepted the model's terms"),
    (
        402,
        {"error": "You have exceeded your monthly included credits"},
        PaymentRequiredError,
        "credits",
    ),
    (404, {"error": f"Model {SST2} does not exist"}, ModelNotFoundError, "does not exist"),
    (
        410,
        "https://api-inference.huggingface.co is no longer supported.",
        ModelNotFoundError,
        "no longer supported",
    ),
    (
        422,
        {"error": "Input validation error", "error_type": "validation"},
        InputError,
        "validation",
    ),
    (429, {"error": "Rate limit reached"}, RateLimitError, "Rate limit reached"),
    (500, {"error": "boom"}, ServerError, "boom"),
    (502, "<html>bad gateway</html>", ServerError, "HTTP 502"),
    (
        503,
        {"error": "Model is currently loading", "estimated_time": 3.0},
        ModelLoadingError,
        "loading",
    ),
    (504, {"detail": "upstream timed out"}, ServerError, "upstream timed out"),
]


@pytest.mark.parametrize(("status", "body", "cls", "text"), ERROR_CASES)
def test_status__maps_to_error_class(
    router: respx.MockRouter,
    hf: HfInference,
    status: int,
    body: object,
    cls: type[HfInferenceError],
    text: str,
) -> None:
    headers = {"x-request-id": "req-42"}
    if isinstance(body, str):
        kind = "text/html" if body.startswith("<") else "text/plain"
        router.post(f"/models/{SST2}").respond(
            status, text=body, headers={**headers, "content-type": kind}
        )
    else:
        router.post(f"/models/{SST2}").respond(status, json=body, headers=headers)
    with pytest.raises(cls) as info:
        hf.text_classification(inputs="hi")
    error = info.value
    assert text in str(error)
    assert "text_classification" in str(error)
    assert SST2 in str(error)
    assert error.status == status
    assert error.model == SST2
    assert error.request_id == "req-42"
    assert isinstance(error.__cause__, httpx.HTTPStatusError)


def test_status__anonymous_401_says_to_set_token(router: respx.MockRouter) -> None:
    router.post(f"/models/{SST2}").respond(401, json={"error": "Invalid credentials"})
    with pytest.raises(AuthenticationError, match="set HF_TOKEN"):
        HfInference(provider="hf-inference").text_classification(inputs="hi")


def test_loading_error__keeps_estimated_time(router: respx.MockRouter, hf: HfInference) -> None:
    router.post(f"/models/{SST2}").respond(503, json={"error": "loading", "estimated_time": 7.5})
    with pytest.raises(ModelLoadingError) as info:
        hf.text_classification(inputs="hi")
    assert info.value.estimated_time == 7.5


def test_output_error__wrong_shape(router: respx.MockRouter, hf: HfInference) -> None:
    router.post(f"/models/{SST2}").respond(json={"unexpected": True})
    with pytest.raises(OutputError, match="not with a text-classification result") as info:
        hf.text_classification(inputs="hi")
    assert info.value.status == 200


def test_output_error__quotes_error_inside_200(router: respx.MockRouter, hf: HfInference) -> None:
    router.post(f"/models/{SST2}").respond(json={"error": ["first", "second"]})
    with pytest.raises(OutputError, match="the server said: first; second"):
        hf.text_classification(inputs="hi")


# -- retries ----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_retry__retryable_status_then_success(
    router: respx.MockRouter, hf: HfInference, waits: list[float], status: int
) -> None:
    route = router.post(f"/models/{SST2}")
    route.side_effect = [
        httpx.Response(status, json={"error": "x"}),
        httpx.Response(200, json=LABELS),
    ]
    assert hf.text_classification(inputs="hi")[0].label == "POSITIVE"
    assert route.call_count == 2
    assert len(waits) == 1


def test_retry__bounded_by_max_retries(router: respx.MockRouter, waits: list[float]) -> None:
    route = router.post(f"/models/{SST2}").respond(502, json={"error": "bad gateway"})
    hf = HfInference(provider="hf-inference", max_retries=2, retry_backoff=0.01)
    hf.transport.sleep = waits.append
    with pytest.raises(ServerError, match="after 3 attempt"):
        hf.text_classification(inputs="hi")
    assert route.call_count == 3
    assert len(waits) == 2
    assert all(0 <= w <= 30 for w in waits)


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 410, 422, 500])
def test_retry__never_for_other_statuses(
    router: respx.MockRouter, hf: HfInference, waits: list[float], status: int
) -> None:
    route = router.post(f"/models/{SST2}").respond(status, json={"error": "no"})
    with pytest.raises(HfInferenceError):
        hf.text_classification(inputs="hi")
    assert route.call_count == 1
    assert waits == []


def test_retry__off_when_retry_on_error_false(router: respx.MockRouter, hf: HfInference) -> None:
    route = router.post(f"/models/{SST2}").respond(503, json={"error": "busy"})
    with pytest.raises(ModelLoadingError):
        hf.text_classification(inputs="hi", options=Options(retry_on_error=False))
    assert route.call_count == 1


def test_retry__honours_retry_after_seconds(
    router: respx.MockRouter, hf: HfInference, waits: list[float]
) -> None:
    route = router.post(f"/models/{SST2}")
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": "7"}, json={"error": "slow down"}),
        httpx.Response(200, json=LABELS),
    ]
    hf.text_classification(inputs="hi")
    assert waits == [7.0]


def test_retry__honours_retry_after_http_date(
    router: respx.MockRouter, hf: HfInference, waits: list[float]
) -> None:
    when = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=12), usegmt=True)
    route = router.post(f"/models/{SST2}")
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": when}),
        httpx.Response(200, json=LABELS),
    ]
    hf.text_classification(inputs="hi")
    assert 9 <= waits[0] <= 12


def test_retry__honours_ratelimit_header(
    router: respx.MockRouter, hf: HfInference, waits: list[float]
) -> None:
    route = router.post(f"/models/{SST2}")
    route.side_effect = [
        httpx.Response(429, headers={"RateLimit": '"api";r=0;t=5'}),
        httpx.Response(200, json=LABELS),
    ]
    hf.text_classification(inputs="hi")
    assert waits == [5.0]


def test_retry__waits_are_capped(router: respx.MockRouter, waits: list[float]) -> None:
    route = router.post(f"/models/{SST2}")
    route.side_effect = [
        httpx.Response(503, json={"error": "Model is currently loading", "estimated_time": 900.0}),
        httpx.Response(429, headers={"Retry-After": "3600"}),
        httpx.Response(200, json=LABELS),
    ]
    hf = HfInference(provider="hf-inference", retry_max_wait=20)
    hf.transport.sleep = waits.append
    hf.text_classification(inputs="hi")
    assert waits == [20.0, 20.0]


def test_retry__loading_503_then_asks_to_wait_for_model(
    router: respx.MockRouter, hf: HfInference, waits: list[float]
) -> None:
    route = router.post(f"/models/{SST2}")
    route.side_effect = [
        httpx.Response(503, json={"error": "Model is currently loading", "estimated_time": 2.0}),
        httpx.Response(200, json=LABELS),
    ]
    hf.text_classification(inputs="hi")
    first, second = (call.request for call in route.calls)
    assert "x-wait-for-model" not in first.headers
    assert second.headers["x-wait-for-model"] == "true"
    assert waits == [2.0]


def test_retry__connection_errors(router: respx.MockRouter, hf: HfInference) -> None:
    route = router.post(f"/models/{SST2}")
    route.side_effect = [httpx.ConnectError("refused"), httpx.Response(200, json=LABELS)]
    assert hf.text_classification(inputs="hi")[0].label == "POSITIVE"
    assert route.call_count == 2


def test_retry__connection_errors_give_server_error(
    router: respx.MockRouter, hf: HfInference
) -> None:
    route = router.post(f"/models/{SST2}").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(ServerError, match="could not reach") as info:
        hf.text_classification(inputs="hi")
    assert route.call_count == hf.max_retries + 1
    assert isinstance(info.value.__cause__, httpx.ConnectError)


async def test_retry__async_twin(
    router: respx.MockRouter, hf: HfInference, waits: list[float]
) -> None:
    route = router.post(f"/models/{SST2}")
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": "1"}),
        httpx.Response(503, json={"error": "loading"}),
        httpx.Response(200, json=LABELS),
    ]
    result = await hf.atext_classification(inputs="hi")
    assert result[0].label == "POSITIVE"
    assert route.call_count == 3
    assert waits[0] == 1.0


# -- timeouts ---------------------------------------------------------------------------------


def test_timeout__is_inference_timeout_error(router: respx.MockRouter, hf: HfInference) -> None:
    route = router.post(f"/models/{SST2}").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(InferenceTimeoutError, match="no answer within 60 seconds") as info:
        hf.text_classification(inputs="hi")
    assert isinstance(info.value, TimeoutError)
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)
    assert route.call_count == 1  # a read timeout is not retried


async def test_timeout__async(router: respx.MockRouter, hf: HfInference) -> None:
    router.post(f"/models/{SST2}").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(InferenceTimeoutError):
        await hf.atext_classification(inputs="hi")


# -- clients and lifecycles -------------------------------------------------------------------


def test_one_sync_client_is_shared(router: respx.MockRouter, hf: HfInference) -> None:
    router.post(f"/models/{SST2}").respond(json=LABELS)
    hf.text_classification(inputs="a")
    first = hf.transport.client()
    hf.text_classification(inputs="b")
    assert hf.transport.client() is first
    assert (
        first.headers.get("authorization") is None
    )  # the token rides per request, not on the client


def test_idle_connection_pool_is_large() -> None:
    hf = HfInference(provider="hf-inference")
    pool = hf.transport.client()._transport._pool  # type: ignore[attr-defined]
    assert pool._max_keepalive_connections >= 64
    hf.close()


def test_injected_clients_are_used_and_not_closed(router: respx.MockRouter) -> None:
    injected = httpx.Client()
    with HfInference(provider="hf-inference", http_client=injected) as hf:
        router.post(f"/models/{SST2}").respond(json=LABELS)
        hf.text_classification(inputs="hi")
        assert hf.transport.client() is injected
    assert not injected.is_closed
    injected.close()


async def test_injected_async_client_is_used_and_not_closed(router: respx.MockRouter) -> None:
    injected = httpx.AsyncClient()
    async with HfInference(provider="hf-inference", async_http_client=injected) as hf:
        router.post(f"/models/{SST2}").respond(json=LABELS)
        await hf.atext_classification(inputs="hi")
        assert await hf.transport.aclient() is injected
    assert not injected.is_closed
    await injected.aclose()


def test_owned_client_closed_by_context_manager() -> None:
    with HfInference(provider="hf-inference") as hf:
        client = hf.transport.client()
    assert client.is_closed


def test_async_client__one_per_loop_and_closed_with_it(router: respx.MockRouter) -> None:
    router.post(f"/models/{SST2}").respond(json=LABELS)
    hf = HfInference(provider="hf-inference")
    seen: list[httpx.AsyncClient] = []

    async def once() -> str:
        result = await hf.atext_classification(inputs="hi")
        client = await hf.transport.aclient()
        assert client is await hf.transport.aclient()  # shared within the loop
        seen.append(client)
        return result[0].label

    assert asyncio.run(once()) == "POSITIVE"
    assert asyncio.run(once()) == "POSITIVE"
    assert seen[0] is not seen[1]
    assert all(c.is_closed for c in seen)  # closed when each asyncio.run shut its loop down


async def test_aclose_closes_this_loops_client() -> None:
    hf = HfInference(provider="hf-inference")
    client = await hf.transport.aclient()
    await hf.aclose()
    assert client.is_closed


def test_invalid_configuration_is_refused() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        HfInference(provider="hf-inference", max_retries=-1)
    with pytest.raises(ValueError, match="timeout"):
        HfInference(provider="hf-inference", timeout=0)


# -- proxies from the environment ---------------------------------------------------------------


class _Proxy(http.server.BaseHTTPRequestHandler):
    """A forward proxy that answers itself: records the absolute-form target of each request."""

    seen: ClassVar[list[tuple[str, str | None]]] = []

    def do_POST(self) -> None:  # the name http.server dispatches to
        self.rfile.read(int(self.headers["content-length"]))
        self.seen.append((self.path, self.headers.get("authorization")))
        body = b'[[{"label":"POSITIVE","score":0.99}]]'
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str | None]]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{server.server_address[1]}")
    _Proxy.seen = []
    yield _Proxy.seen
    server.shutdown()
    server.server_close()
    thread.join()


async def test_clients_made_here_go_through_the_proxy_the_environment_names(
    proxy: list[tuple[str, str | None]],
) -> None:
    # httpx reads HTTP(S)_PROXY only when it builds its transports itself: the pools are tuned
    # on the built clients, so a user behind a proxy still gets there, sync and async.
    with HfInference(token=TOKEN, base_url="http://inference.test/hf-inference") as hf:
        sync = hf.text_classification(inputs="hi", model="org/model")
        async_ = await hf.atext_classification(inputs="hi", model="org/model")
        await hf.aclose()

    assert sync[0].label == async_[0].label == "POSITIVE"
    target = "http://inference.test/hf-inference/models/org/model"
    assert proxy == [(target, f"Bearer {TOKEN}")] * 2
