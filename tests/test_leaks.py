"""Long runs: no answer outlives its call, memory stays flat, and clients share one TLS context.

An agent server runs for days; a cache keyed by a per-call object keeps every call's response,
request and body alive. Each kind of call is made a few thousand times against respx, whose call
records (which hold responses on purpose) are cleared before anything is counted.
"""

from __future__ import annotations

import asyncio
import gc
import shutil
import ssl
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import certifi
import httpx
import pytest
import respx

from hf_inference_tools import HfInference, InputError, TextClassificationTool
from hf_inference_tools._http import fetch
from tests.conftest import TOKEN

SST2 = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"
REFUSED = "no/such-inputs"
ROUTED = "cardiffnlp/twitter-roberta-base-sentiment-latest"
HUB = "https://huggingface.co"
LLAMA = "meta-llama/Llama-3.1-8B-Instruct"
LABELS = [[{"label": "POSITIVE", "score": 0.9998695850372314}]]
CALLS = 2000
TRACED_CALLS = 1000  # tracemalloc makes each call several times slower
USER = [{"role": "user", "content": "Hi"}]
_CHUNK = {
    "object": "chat.completion.chunk",
    "id": "",
    "created": 1742565123,
    "model": LLAMA,
    "system_fingerprint": "3.2.1-native",
    "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hello"}}],
}
SSE = f"data: {httpx.Response(200, json=_CHUNK).text}\n\ndata: [DONE]\n\n".encode()


@pytest.fixture
def served(router: respx.MockRouter) -> Iterator[HfInference]:
    router.post(f"/models/{SST2}").respond(json=LABELS, headers={"x-request-id": "r1"})
    router.post(f"/models/{REFUSED}").respond(
        400, json={"error": "Input should be a valid string"}, headers={"x-request-id": "r2"}
    )
    router.post(f"/models/{LLAMA}/v1/chat/completions").respond(
        content=SSE, headers={"content-type": "text/event-stream"}
    )
    router.post(f"/models/{ROUTED}").respond(json=LABELS)
    # "auto" asks the Hub which providers serve ROUTED; the answer is cached by value.
    router.get(f"{HUB}/api/models/{ROUTED}").respond(
        json={
            "id": ROUTED,
            "inferenceProviderMapping": {
                "hf-inference": {
                    "status": "live",
                    "providerId": ROUTED,
                    "task": "text-classification",
                }
            },
        }
    )
    with HfInference(token=TOKEN, provider="hf-inference") as hf:
        yield hf


def _sync(hf: HfInference, n: int) -> None:
    for _ in range(n):
        assert hf.text_classification(inputs="I like you")[0].label == "POSITIVE"


def _async(hf: HfInference, n: int) -> None:
    async def calls() -> None:
        for _ in range(n):
            assert (await hf.atext_classification(inputs="I like you"))[0].label == "POSITIVE"
        await hf.aclose()

    asyncio.run(calls())


def _tool(hf: HfInference, n: int) -> None:
    tool = TextClassificationTool(client=hf)
    call = {"type": "tool_call", "id": "c1", "name": tool.name, "args": {"inputs": "I like you"}}
    for _ in range(n):
        assert tool.invoke(call).artifact["result"][0]["label"] == "POSITIVE"


def _failing(hf: HfInference, n: int) -> None:
    for _ in range(n):
        with pytest.raises(InputError) as info:
            hf.text_classification(inputs="I like you", model=REFUSED)
        assert info.value.request_id == "r2"


def _streamed(hf: HfInference, n: int) -> None:
    for _ in range(n):
        assert [c.text for c in hf.chat_completion_stream(messages=USER, model=LLAMA)] == ["Hello"]


def _routed(hf: HfInference, n: int) -> None:
    for _ in range(n):
        result = hf.text_classification(inputs="I like you", model=ROUTED, provider="auto")
        assert result[0].label == "POSITIVE"


KINDS: dict[str, Callable[[HfInference, int], None]] = {
    "sync": _sync,
    "async": _async,
    "tool": _tool,
    "failing": _failing,
    "streamed": _streamed,
    "routed": _routed,
}


def _alive(kind: type) -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, kind))


@pytest.mark.parametrize("kind", KINDS)
def test_no_response_outlives_its_call(
    served: HfInference, router: respx.MockRouter, kind: str
) -> None:
    calls = KINDS[kind]
    calls(served, 5)  # clients, pools and caches built once
    router.reset()
    before = _alive(httpx.Response)
    calls(served, CALLS)
    router.reset()
    assert _alive(httpx.Response) - before <= 0


@pytest.mark.parametrize("kind", KINDS)
def test_memory_stays_flat_over_thousands_of_calls(
    served: HfInference, router: respx.MockRouter, kind: str
) -> None:
    calls = KINDS[kind]
    tracemalloc.start()
    try:
        calls(served, 200)  # warm-up: first-use caches fill here
        router.reset()
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        calls(served, TRACED_CALLS)
        router.reset()
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # A kept response costs some 6 KB; a flat process stays far under 1 KB a call.
    assert grown < TRACED_CALLS * 1024, f"{grown / TRACED_CALLS:.0f} bytes a call"


def _context_of(client: httpx.Client | httpx.AsyncClient) -> ssl.SSLContext:
    context = client._transport._pool._ssl_context  # type: ignore[union-attr]
    assert isinstance(context, ssl.SSLContext)
    return context


def test_clients_share_one_tls_context_and_closed_ones_leave_none() -> None:
    async def async_client(hf: HfInference) -> httpx.AsyncClient:
        return await hf.transport.aclient()  # closed when this loop shuts down

    def clients() -> Iterator[httpx.Client | httpx.AsyncClient]:
        for _ in range(20):
            with HfInference(token=TOKEN) as hf:
                yield hf.transport.client()
                yield asyncio.run(async_client(hf))
            with fetch._client() as media_client:
                yield media_client

    first = _context_of(HfInference(token=TOKEN).transport.client())
    before = _alive(ssl.SSLContext)
    used = {id(_context_of(client)) for client in clients()}
    assert used == {id(first)}
    assert _alive(ssl.SSLContext) == before


def test_tls_context__keyed_by_the_ca_source(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundle = tmp_path / "corporate-ca.pem"
    shutil.copy(certifi.where(), bundle)
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):  # as the machine may have set them
        monkeypatch.delenv(name, raising=False)
    default = _context_of(HfInference().transport.client())

    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    custom = [_context_of(HfInference().transport.client()) for _ in range(3)]
    monkeypatch.delenv("SSL_CERT_FILE")
    again = _context_of(HfInference().transport.client())

    assert custom[0] is not default
    assert all(context is custom[0] for context in custom)
    assert again is default
