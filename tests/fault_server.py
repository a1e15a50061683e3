"""A loopback HTTP/1.1 server that speaks the HF Inference wire format and injects faults.

It runs `asyncio.start_server` on 127.0.0.1 (OS-chosen port) in a background thread with its own
event loop, so sync and async clients, tests and benchmarks can all point at it::

    with FaultServer() as server:
        server.script("org/model", Loading(2.0), RateLimited("1"))   # two faults, then healthy
        hf = HfInference(base_url=server.base_url)
        ...
        assert server.requests[-1].headers["authorization"] == "Bearer hf_x"

Routes (paths relative to `url`; a model id is `name` or `org/name`):

- `POST /hf-inference/models/{model}`: the task comes from `tasks[model]`; unknown model -> 404
- `POST /hf-inference/models/{model}/pipeline/feature-extraction` and `.../sentence-similarity`
- `POST /hf-inference/models/{model}/v1/chat/completions` and `.../v1/completions`
- `POST /v1/chat/completions` (the OpenAI-compatible router; the model comes from the body)
- anything else -> 404 `{"error": "Model X does not exist"}`

Healthy answers are realistic bodies recorded from the real service.
The tasks are the package's (`hf_inference_tools.tasks.TASKS`): a task with no answer written
here gets its testing-kit sample (`hf_inference_tools.testing`), and every task's default model
is served, so a new task needs no edit here. The
JSON tasks check the request the way the service does (400 when `inputs` is missing, 422 text
when a chat body has no `messages`). `stream: true` on chat, completions and text generation
answers with SSE.

Behaviours are scripted per model (or `"*"` for any model) and consumed one per request; when
the queue is empty the healthy answer is given. Only the standard library and the package are
used, so a benchmark can import this module without pytest.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import http
import io
import itertools
import json
import math
import socket
import struct
import threading
import time
import traceback
import wave
import zlib
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Any, TypeAlias
from urllib.parse import unquote

from hf_inference_tools.tasks import TASKS
from hf_inference_tools.testing._samples import SAMPLES

__all__ = [
    "DEFAULT_RESPONDERS",
    "DEFAULT_TASKS",
    "FEATURE_DIM",
    "MAX_RECORDED_BODY",
    "PNG_BYTES",
    "PNG_SIZE",
    "SSE",
    "WAV_BYTES",
    "BadShape",
    "Drop",
    "Fault",
    "FaultServer",
    "Loading",
    "RateLimited",
    "RecordedRequest",
    "Responder",
    "Slow",
    "Status",
    "Step",
    "Success",
    "Trickle",
    "Truncated",
]

MAX_RECORDED_BODY = 1024 * 1024
"""Request bodies above this size are counted and discarded, never stored."""

_READ_CHUNK = 256 * 1024
_BACKLOG = 1024
_HF_PREFIX = "/hf-inference/models/"

Body: TypeAlias = bytes | str | dict[str, Any] | list[Any]
"""A response body: bytes are sent as they are, str as UTF-8, dict and list as compact JSON."""


# --------------------------------------------------------------------------------------------
# Behaviours: each is consumed by exactly one request.


@dataclass(frozen=True)
class Loading:
    """503 `{"error": "Model X is currently loading", "estimated_time": N}` (legacy cold start)."""

    estimated_time: float = 20.0


@dataclass(frozen=True)
class RateLimited:
    """429 `{"error": "Rate limit reached"}`, with `Retry-After` unless `retry_after` is None."""

    retry_after: str | None = "0"
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Status:
    """Any status with any body. `content_type=None` means JSON for dict/list and for str/bytes
    that parse as JSON, else `text/plain; charset=utf-8`. `body=None` means
    `{"error": "<reason phrase>"}`."""

    code: int
    body: Body | None = None
    content_type: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Drop:
    """Read the request, then close the connection without answering (`reset=True`: send RST)."""

    reset: bool = False


@dataclass(frozen=True)
class Slow:
    """Wait `delay` seconds (without blocking other connections), then answer `then` or healthy."""

    delay: float
    then: Step | None = None


@dataclass(frozen=True)
class BadShape:
    """A 200 whose JSON is not the task's shape."""

    body: Any = field(default_factory=lambda: {"unexpected": True})


@dataclass(frozen=True)
class Truncated:
    """A 200 announcing `len(body) + missing` bytes, sending `body`, then closing."""

    body: bytes = b'[[{"label":"POSITIVE","score":0.99'
    missing: int = 64
    content_type: str = "application/json"


@dataclass(frozen=True)
class Trickle:
    """A 200 announcing its whole length, then sending the body `chunk` bytes at a time with
    `interval` seconds between pieces (each piece within a client's read timeout, the whole body
    slower than it). `body=None` trickles the healthy body."""

    interval: float
    chunk: int = 1
    body: Body | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class Success:
    """An explicit 2xx. `body=None` keeps the healthy body and applies `status`/`headers` to it.
    `content_type=None` is inferred as for `Status`."""

    body: Body | None = None
    status: int = 200
    content_type: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SSE:
    """A `text/event-stream` answer writing each event verbatim (e.g. `"data:{...}\\n\\n"`), with
    `delay` seconds between events. The body ends when the connection closes, or, with
    `chunked=True`, with the last chunk (the connection then stays open)."""

    events: Sequence[str]
    delay: float = 0.0
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    chunked: bool = False


Fault: TypeAlias = (
    Loading | RateLimited | Status | Drop | Slow | BadShape | Truncated | Trickle | SSE
)
Step: TypeAlias = Fault | Success


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server read it. `body` is empty when the body was larger than
    `MAX_RECORDED_BODY`; `body_length` is always the real length."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    body_length: int
    connection_id: int
    request_id: str
    model: str | None
    task: str | None
    step: Step | None
    """The scripted behaviour this request consumed (None: the healthy answer)."""

    @property
    def body_recorded(self) -> bool:
        return len(self.body) == self.body_length

    def json(self) -> Any:
        if not self.body_recorded:
            raise ValueError(f"body of {self.body_length} bytes was not recorded")
        return json.loads(self.body)


Responder: TypeAlias = Callable[[RecordedRequest], Step]
"""Builds the healthy answer of a task (may return a `Status` for an invalid request)."""


# --------------------------------------------------------------------------------------------
# Realistic bodies, as the real service answered.


def _png(width: int, height: int) -> bytes:
    rows = b"".join(
        b"\x00" + b"".join(bytes((x * 8 % 256, y * 10 % 256, 128)) for x in range(width))
        for y in range(height)
    )

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _wav(seconds: float = 0.1, rate: int = 16000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x00" * int(seconds * rate))
    return out.getvalue()


PNG_SIZE = (32, 24)
"""Width and height of the image that image-generating tasks answer with."""
PNG_BYTES = _png(*PNG_SIZE)
WAV_BYTES = _wav()
FEATURE_DIM = 384
"""Length of the (deterministic, unit-norm) embedding of one text, as all-MiniLM-L6-v2."""

_PNG_B64 = base64.b64encode(PNG_BYTES).decode()
_CONTINUATION = " and that is all there is to it."

TEXT_CLASSIFICATION = [
    [
        {"label": "POSITIVE", "score": 0.9998695850372314},
        {"label": "NEGATIVE", "score": 0.00013043530634604394},
    ]
]
IMAGE_CLASSIFICATION = [
    {"label": "Egyptian cat", "score": 0.9374415278434753},
    {"label": "tabby, tabby cat", "score": 0.03844260051846504},
    {"label": "tiger cat", "score": 0.014411412179470062},
    {"label": "lynx, catamount", "score": 0.0029743574559688568},
    {"label": "Siamese cat, Siamese", "score": 0.00010436787852086127},
]
OBJECT_DETECTION = [
    {
        "score": 0.9486680030822754,
        "label": "person",
        "box": {"xmin": 59, "ymin": 39, "xmax": 420, "ymax": 510},
    },
    {
        "score": 0.5733323693275452,
        "label": "umbrella",
        "box": {"xmin": 143, "ymin": 4, "xmax": 510, "ymax": 387},
    },
    {
        "score": 0.5082724094390869,
        "label": "person",
        "box": {"xmin": 60, "ymin": 162, "xmax": 413, "ymax": 510},
    },
]
ASR = {"text": "a man said to the universe sir i exist"}
AUDIO_CLASSIFICATION = [
    {"score": 0.9987353682518005, "label": "male"},
    {"score": 0.0012646110262721777, "label": "female"},
]
QUESTION_ANSWERING = {"score": 0.9703431725502014, "start": 25, "end": 30, "answer": "Paris"}
SUMMARIZATION = [
    {
        "summary_text": "The tower is 324 metres (1,063 ft) tall, about the same height as an "
        "81-storey building. It was the first structure to reach a height of 300 metres."
    }
]
TOKEN_CLASSIFICATION = [
    {
        "entity_group": "PER",
        "score": 0.9991335868835449,
        "word": "Sarah Jessica Parker",
        "start": 11,
        "end": 31,
    },
    {"entity_group": "PER", "score": 0.9979913234710693, "word": "Jessica", "start": 52, "end": 59},
]
FILL_MASK = [
    {
        "score": 0.41698092222213745,
        "token": 3000,
        "token_str": "paris",
        "sequence": "the capital of france is paris.",
    },
    {
        "score": 0.07141634821891785,
        "token": 22479,
        "token_str": "lille",
        "sequence": "the capital of france is lille.",
    },
]
TRANSLATION = [{"translation_text": "Mein Name ist Wolfgang und ich lebe in Berlin"}]
TABLE_QUESTION_ANSWERING = {
    "answer": "AVERAGE > 36542",
    "coordinates": [[0, 1]],
    "cells": ["36542"],
    "aggregator": "AVERAGE",
}
IMAGE_TO_TEXT = [{"generated_text": "a woman in a hat and dress posing for a photo"}]
IMAGE_SEGMENTATION = [
    {"score": 0.9981, "label": "cat", "mask": _PNG_B64},
    {"score": 0.9412, "label": "couch", "mask": _PNG_B64},
]
VISUAL_QUESTION_ANSWERING = [
    {"score": 0.9386942982673645, "answer": "woman"},
    {"score": 0.3431190550327301, "answer": "girl"},
]
DOCUMENT_QUESTION_ANSWERING = [{"answer": "us-001", "score": 0.4160, "start": 16, "end": 16}]
TABULAR_CLASSIFICATION = [5, 5, 7]
TABULAR_REGRESSION = [270.5473526976245, 313.6843425638086, 328.3727133404402]
AUDIO_TO_AUDIO = [
    {"label": "label_0", "blob": base64.b64encode(WAV_BYTES).decode(), "content-type": "audio/wav"}
]

_NAMED_MODELS: Mapping[str, str] = {
    # Models the real service served when recorded (the package's defaults among them).
    "distilbert/distilbert-base-uncased-finetuned-sst-2-english": "text-classification",
    "NousResearch/Minos-v1": "text-classification",
    "google/vit-base-patch16-224": "image-classification",
    "facebook/detr-resnet-50": "object-detection",
    "openai/whisper-large-v3-turbo": "automatic-speech-recognition",
    "openai/whisper-large-v3": "automatic-speech-recognition",
    "jonatasgrosman/wav2vec2-large-xlsr-53-english": "automatic-speech-recognition",
    "black-forest-labs/FLUX.1-dev": "text-to-image",
    "CompVis/stable-diffusion-v1-4": "text-to-image",
    "facebook/bart-large-mnli": "zero-shot-classification",
    "deepset/roberta-base-squad2": "question-answering",
    "facebook/bart-large-cnn": "summarization",
    "sshleifer/distilbart-cnn-12-6": "summarization",
    "dbmdz/bert-large-cased-finetuned-conll03-english": "token-classification",
    "dslim/bert-base-NER": "token-classification",
    "google-bert/bert-base-uncased": "fill-mask",
    "distilroberta-base": "fill-mask",
    "google-t5/t5-small": "translation",
    "google-t5/t5-base": "translation",
    "facebook/mbart-large-50-many-to-many-mmt": "translation",
    "sentence-transformers/all-MiniLM-L6-v2": "feature-extraction",
    "google/tapas-base-finetuned-wtq": "table-question-answering",
    "alefiury/wav2vec2-large-xlsr-53-gender-recognition-librispeech": "audio-classification",
    "MIT/ast-finetuned-audioset-10-10-0.4593": "audio-classification",
    "Salesforce/blip-image-captioning-base": "image-to-text",
    "Salesforce/blip-image-captioning-large": "image-to-text",
    "facebook/detr-resnet-50-panoptic": "image-segmentation",
    "nvidia/segformer-b0-finetuned-ade-512-512": "image-segmentation",
    "openai-community/gpt2": "text-generation",
    "espnet/kan-bayashi_ljspeech_vits": "text-to-speech",
    "dandelin/vilt-b32-finetuned-vqa": "visual-question-answering",
    "naver-clova-ix/donut-base-finetuned-docvqa": "document-question-answering",
    "impira/layoutlm-invoices": "document-question-answering",
    "openai/clip-vit-base-patch32": "zero-shot-image-classification",
    "julien-c/wine-quality": "tabular-classification",
    "scikit-learn/Fish-Weight": "tabular-regression",
    "speechbrain/sepformer-wham": "audio-to-audio",
    "lllyasviel/sd-controlnet-canny": "image-to-image",
    "meta-llama/Llama-3.1-8B-Instruct": "text-generation",
}
# Reached by their route's suffix, not by model (they share models with other tasks).
_SUFFIX_TASKS = frozenset({"feature-extraction", "sentence-similarity", "chat-completion"})

DEFAULT_TASKS: Mapping[str, str] = {
    **{
        spec.default_model: spec.hf_task
        for spec in TASKS.values()
        if spec.hf_task not in _SUFFIX_TASKS and spec.default_model not in _NAMED_MODELS
    },
    **_NAMED_MODELS,
}
"""Model -> task for `POST /models/{model}`; `FaultServer.tasks` starts as a copy."""


def _parsed(req: RecordedRequest) -> tuple[bool, Any]:
    if not req.body_recorded or not req.body:
        return False, None
    try:
        return True, json.loads(req.body)
    except ValueError:
        return False, None


def _json_inputs(req: RecordedRequest) -> tuple[Any, dict[str, Any]] | Status:
    """The `inputs` and `parameters` of a JSON task, or the service's 400."""
    ok, payload = _parsed(req)
    if not ok or not isinstance(payload, dict) or "inputs" not in payload:
        return Status(400, {"error": ["Error in `inputs`: field required"]})
    params = payload.get("parameters")
    return payload["inputs"], params if isinstance(params, dict) else {}


def _binary_inputs(req: RecordedRequest) -> dict[str, Any] | Status:
    """Raw bytes, or JSON with base64 `inputs`; returns the JSON parameters (if any)."""
    if req.body_length == 0:
        return Status(400, {"error": ["Error in `inputs`: field required"]})
    ok, payload = _parsed(req)
    if ok and isinstance(payload, dict):
        if "inputs" not in payload and "image" not in payload:
            return Status(400, {"error": ["Error in `inputs`: field required"]})
        params = payload.get("parameters")
        return params if isinstance(params, dict) else {}
    return {}


def _top_k(items: list[Any], params: Mapping[str, Any]) -> list[Any]:
    k = params.get("top_k")
    return items[:k] if isinstance(k, int) and k > 0 else items


def _static(body: Body, *, binary: bool = False) -> Responder:
    def respond(req: RecordedRequest) -> Step:
        checked = _binary_inputs(req) if binary else _json_inputs(req)
        return checked if isinstance(checked, Status) else Success(body)

    return respond


def _embedding(text: str) -> list[float]:
    """A deterministic unit vector per text, so identical texts have similarity 1.0."""
    digest = b"".join(
        hashlib.sha256(f"{i}:{text}".encode()).digest() for i in range(math.ceil(FEATURE_DIM / 32))
    )
    raw = [(b - 127.5) / 127.5 for b in digest[:FEATURE_DIM]]
    norm = math.sqrt(sum(x * x for x in raw))
    return [x / norm for x in raw]


def _text_classification(req: RecordedRequest) -> Step:
    checked = _json_inputs(req)
    if isinstance(checked, Status):
        return checked
    inputs, params = checked
    one = _top_k(TEXT_CLASSIFICATION[0], params)
    return Success([one] * len(inputs) if isinstance(inputs, list) else [one])


def _image_classification(req: RecordedRequest) -> Step:
    checked = _binary_inputs(req)
    return (
        checked if isinstance(checked, Status) else Success(_top_k(IMAGE_CLASSIFICATION, checked))
    )


def _audio_classification(req: RecordedRequest) -> Step:
    checked = _binary_inputs(req)
    return (
        checked if isinstance(checked, Status) else Success(_top_k(AUDIO_CLASSIFICATION, checked))
    )


def _zero_shot_classification(req: RecordedRequest) -> Step:
    checked = _json_inputs(req)
    if isinstance(checked, Status):
        return checked
    inputs, params = checked
    labels = params.get("candidate_labels")
    if isinstance(labels, str):
        labels = [part.strip() for part in labels.split(",")]
    if not isinstance(labels, list) or not labels:
        return Status(400, {"error": ["Error in `parameters.candidate_labels`: field required"]})
    weights = [2.0**-i for i in range(len(labels))]
    scores = [w / sum(weights) for w in weights]

    def legacy(sequence: Any) -> dict[str, Any]:
        return {"sequence": sequence, "labels": labels, "scores": scores}

    # The service still answers in the legacy shape (CASS, March 2025).
    return Success([legacy(s) for s in inputs] if isinstance(inputs, list) else legacy(inputs))


def _zero_shot_image_classification(req: RecordedRequest) -> Step:
    checked = _binary_inputs(req)
    if isinstance(checked, Status):
        return checked
    labels = checked.get("candidate_labels") or ["woman", "man"]
    weights = [2.0**-i for i in range(len(labels))]
    return Success(
        [{"score": w / sum(weights), "label": lab} for w, lab in zip(weights, labels, strict=True)]
    )


def _text_generation(req: RecordedRequest) -> Step:
    checked = _json_inputs(req)
    if isinstance(checked, Status):
        return checked
    ok, payload = _parsed(req)
    if ok and payload.get("stream"):
        tokens = _CONTINUATION.split(" ")[1:]
        events = []
        for i, tok in enumerate(tokens, start=1):
            last = i == len(tokens)
            event = {
                "index": i,
                "token": {"id": i, "text": " " + tok, "logprob": -0.5, "special": False},
                "generated_text": _CONTINUATION if last else None,
                "details": (
                    {"finish_reason": "length", "generated_tokens": i, "seed": None}
                    if last
                    else None
                ),
            }
            # TGI writes `data:` without a space and no [DONE].
            events.append(f"data:{_dumps(event)}\n\n")
        return SSE(events, chunked=True)
    return Success([{"generated_text": _CONTINUATION}])


def _last_user_text(messages: list[Any]) -> str:
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, str):
                return content
            if isinstance(content, list):
                return " ".join(
                    part.get("text", "")
                    for part in content
                    if isinstance(part, dict) and part.get("type") == "text"
                )
    return ""


def _missing_field(req: RecordedRequest, name: str) -> Status:
    # TGI answers a body it cannot deserialise with 422 text/plain (TAPES).
    text = (
        "Failed to deserialize the JSON body into the target type: "
        f"missing field `{name}` at line 1 column {max(req.body_length, 1)}"
    )
    return Status(422, text, content_type="text/plain; charset=utf-8")


def _chat_completion(req: RecordedRequest) -> Step:
    ok, payload = _parsed(req)
    if not ok or not isinstance(payload, dict) or not isinstance(payload.get("messages"), list):
        return _missing_field(req, "messages")
    text = _last_user_text(payload["messages"])
    model = payload.get("model") or req.model or "tgi"
    created = int(time.time())
    prompt_tokens = sum(
        len(str(m.get("content", "")).split()) for m in payload["messages"] if isinstance(m, dict)
    )
    usage = {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": len(text.split()),
        "total_tokens": prompt_tokens + len(text.split()),
    }
    base = {"id": "", "created": created, "model": model, "system_fingerprint": "3.2.1-native"}
    if payload.get("stream"):
        words = text.split(" ")
        events = []
        for i, word in enumerate(words):
            delta = {"role": "assistant", "content": word if i == 0 else " " + word}
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": None}
            chunk = {"object": "chat.completion.chunk", **base, "choices": [choice], "usage": None}
            events.append(f"data: {_dumps(chunk)}\n\n")
        final = {
            "index": 0,
            "delta": {"role": "assistant", "content": ""},
            "logprobs": None,
            "finish_reason": "stop",
        }
        events.append(
            f"data: {_dumps({'object': 'chat.completion.chunk', **base, 'choices': [final]})}\n\n"
        )
        options = payload.get("stream_options")
        if isinstance(options, dict) and options.get("include_usage"):
            tail: dict[str, Any] = {
                "object": "chat.completion.chunk",
                **base,
                "choices": [],
                "usage": usage,
            }
            events.append(f"data: {_dumps(tail)}\n\n")
        events.append("data: [DONE]\n\n")
        return SSE(events, chunked=True)
    message = {"role": "assistant", "content": text}
    choice = {"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}
    return Success({"object": "chat.completion", **base, "choices": [choice], "usage": usage})


def _completions(req: RecordedRequest) -> Step:
    ok, payload = _parsed(req)
    if not ok or not isinstance(payload, dict) or "prompt" not in payload:
        return _missing_field(req, "prompt")
    base = {
        "id": "",
        "object": "text_completion",
        "created": int(time.time()),
        "model": payload.get("model") or req.model,
        "system_fingerprint": "3.2.1-native",
    }
    if payload.get("stream"):
        events = []
        for word in _CONTINUATION.split(" ")[1:]:
            choice = {"index": 0, "text": " " + word, "logprobs": None, "finish_reason": None}
            events.append(f"data: {_dumps({**base, 'choices': [choice]})}\n\n")
        events.append("data: [DONE]\n\n")
        return SSE(events, chunked=True)
    choice = {"index": 0, "text": _CONTINUATION, "logprobs": None, "finish_reason": "length"}
    n = len(_CONTINUATION.split())
    usage = {"prompt_tokens": 1, "completion_tokens": n, "total_tokens": n + 1}
    return Success({**base, "choices": [choice], "usage": usage})


def _feature_extraction(req: RecordedRequest) -> Step:
    checked = _json_inputs(req)
    if isinstance(checked, Status):
        return checked
    inputs, _ = checked
    if isinstance(inputs, str):
        return Success(_embedding(inputs))
    if isinstance(inputs, list) and all(isinstance(text, str) for text in inputs):
        return Success([_embedding(text) for text in inputs])
    return Status(400, {"error": ["Error in `inputs`: expected a string or a list of strings"]})


def _sentence_similarity(req: RecordedRequest) -> Step:
    ok, payload = _parsed(req)
    inputs = payload.get("inputs") if ok and isinstance(payload, dict) else None
    # March 2025 clients sent the sentences at the top level with `"inputs": null`; both worked.
    source = inputs if isinstance(inputs, dict) else payload if isinstance(payload, dict) else {}
    sentence, others = source.get("source_sentence"), source.get("sentences")
    if not isinstance(sentence, str) or not isinstance(others, list):
        return Status(400, {"error": ["Error in `inputs.source_sentence`: field required"]})
    anchor = _embedding(sentence)
    return Success(
        [sum(a * b for a, b in zip(anchor, _embedding(str(s)), strict=True)) for s in others]
    )


def _image_output(req: RecordedRequest) -> Step:
    checked = _json_inputs(req) if req.task == "text-to-image" else _binary_inputs(req)
    if isinstance(checked, Status):
        return checked
    return Success(PNG_BYTES, content_type="image/png")


def _text_to_speech(req: RecordedRequest) -> Step:
    checked = _json_inputs(req)
    return checked if isinstance(checked, Status) else Success(WAV_BYTES, content_type="audio/wav")


def _sampled(task: str) -> Responder:
    """The testing kit's sample answer, once the request has the shape the service checks."""
    sample, binary = SAMPLES[task], TASKS[task].media_input is not None

    def respond(req: RecordedRequest) -> Step:
        checked = _binary_inputs(req) if binary else _json_inputs(req)
        if isinstance(checked, Status):
            return checked
        json_body = sample.content_type == "application/json"
        return Success(sample.body(), content_type=None if json_body else sample.content_type)

    return respond


_WRITTEN_RESPONDERS: Mapping[str, Responder] = {
    "audio-classification": _audio_classification,
    "audio-to-audio": _static(AUDIO_TO_AUDIO, binary=True),
    "automatic-speech-recognition": _static(ASR, binary=True),
    "chat-completion": _chat_completion,
    "completions": _completions,
    "document-question-answering": _static(DOCUMENT_QUESTION_ANSWERING),
    "feature-extraction": _feature_extraction,
    "fill-mask": _static(FILL_MASK),
    "image-classification": _image_classification,
    "image-segmentation": _static(IMAGE_SEGMENTATION, binary=True),
    "image-to-image": _image_output,
    "image-to-text": _static(IMAGE_TO_TEXT, binary=True),
    "object-detection": _static(OBJECT_DETECTION, binary=True),
    "question-answering": _static(QUESTION_ANSWERING),
    "sentence-similarity": _sentence_similarity,
    "summarization": _static(SUMMARIZATION),
    "table-question-answering": _static(TABLE_QUESTION_ANSWERING),
    "tabular-classification": _static(TABULAR_CLASSIFICATION),
    "tabular-regression": _static(TABULAR_REGRESSION),
    "text-classification": _text_classification,
    "text-generation": _text_generation,
    "text-to-image": _image_output,
    "text-to-speech": _text_to_speech,
    "token-classification": _static(TOKEN_CLASSIFICATION),
    "translation": _static(TRANSLATION),
    "visual-question-answering": _static(VISUAL_QUESTION_ANSWERING, binary=True),
    "zero-shot-classification": _zero_shot_classification,
    "zero-shot-image-classification": _zero_shot_image_classification,
}

DEFAULT_RESPONDERS: Mapping[str, Responder] = {
    **{spec.hf_task: _sampled(name) for name, spec in TASKS.items() if name in SAMPLES},
    **_WRITTEN_RESPONDERS,
}
"""Task -> healthy answer; `FaultServer.responders` starts as a copy."""

_ROUTE_SUFFIXES = (
    ("/pipeline/feature-extraction", "feature-extraction"),
    ("/pipeline/sentence-similarity", "sentence-similarity"),
    ("/v1/chat/completions", "chat-completion"),
    ("/v1/completions", "completions"),
)


# --------------------------------------------------------------------------------------------
# HTTP plumbing.


class _BadRequest(Exception):
    pass


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _encode(body: Any, content_type: str | None) -> tuple[bytes, str]:
    if isinstance(body, bytes | str):
        data = body.encode() if isinstance(body, str) else body
        if content_type is None:
            try:
                json.loads(data)
            except ValueError:
                content_type = "text/plain; charset=utf-8"
            else:
                content_type = "application/json"
        return data, content_type
    return _dumps(body).encode(), content_type or "application/json"


def _reason(code: int) -> str:
    try:
        return http.HTTPStatus(code).phrase
    except ValueError:
        return "Unknown"


def _head(code: int, headers: Mapping[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {code} {_reason(code)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _not_found(name: str) -> Status:
    return Status(404, {"error": f"Model {name} does not exist"})


def _valid_model_id(model: str) -> bool:
    parts = model.split("/")
    return 1 <= len(parts) <= 2 and all(parts)


class FaultServer:
    """The HF Inference wire format on a loopback port, with scripted faults (see module doc).

    `tasks` (model -> task) and `responders` (task -> healthy answer) may be extended by tests;
    `reset()` restores both. Everything else shared with the test thread is behind a lock.
    """

    def __init__(self) -> None:
        self.tasks: dict[str, str] = dict(DEFAULT_TASKS)
        self.responders: dict[str, Responder] = dict(DEFAULT_RESPONDERS)
        self._lock = threading.Lock()
        self._scripts: dict[str, deque[Step]] = {}
        self._requests: list[RecordedRequest] = []
        self._errors: list[str] = []
        self._connections_opened = 0
        self._connection_ids = itertools.count(1)
        self._request_ids = itertools.count(1)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._port: int | None = None

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("FaultServer already started")
        self._ready.clear()
        self._failure = None
        self._thread = threading.Thread(target=self._run, name="FaultServer", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout=10):
            raise RuntimeError("FaultServer did not start within 10 s")
        if self._failure is not None:
            self._thread.join()
            raise RuntimeError("FaultServer failed to start") from self._failure

    def stop(self) -> None:
        """Close the listener and every connection, then the loop. Idempotent."""
        thread, loop, stopping = self._thread, self._loop, self._stopping
        if thread is None:
            return
        if loop is not None and stopping is not None and thread.is_alive():
            with suppress(RuntimeError):  # the loop already finished
                loop.call_soon_threadsafe(stopping.set)
        thread.join(timeout=10)
        if thread.is_alive():
            raise RuntimeError("FaultServer did not stop within 10 s")
        self._thread = self._loop = self._stopping = self._port = None

    def __enter__(self) -> FaultServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- test-facing state -------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._port is None:
            raise RuntimeError("FaultServer is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        return self.url + "/hf-inference"

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of the requests read so far, oldest first."""
        with self._lock:
            return list(self._requests)

    @property
    def connections_opened(self) -> int:
        with self._lock:
            return self._connections_opened

    @property
    def errors(self) -> list[str]:
        """Tracebacks of bugs in this server (never caused by a client); should stay empty."""
        with self._lock:
            return list(self._errors)

    def script(self, model: str, *steps: Step) -> None:
        """Queue behaviours for `model` (`"*"`: any model), consumed one per request in order.
        A model's own queue is used before the `"*"` queue; when both are empty, healthy."""
        with self._lock:
            self._scripts.setdefault(model, deque()).extend(steps)

    def pending(self, model: str | None = None) -> int:
        """Scripted behaviours not consumed yet (for `model`, or in total)."""
        with self._lock:
            if model is not None:
                return len(self._scripts.get(model, ()))
            return sum(len(queue) for queue in self._scripts.values())

    def reset(self) -> None:
        """Forget requests, counters, errors and scripts; restore `tasks` and `responders`."""
        with self._lock:
            self._scripts.clear()
            self._requests.clear()
            self._errors.clear()
            self._connections_opened = 0
            self.tasks.clear()
            self.tasks.update(DEFAULT_TASKS)
            self.responders.clear()
            self.responders.update(DEFAULT_RESPONDERS)

    # -- the server thread -------------------------------------------------------------------

    def _run(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as exc:  # reported to start(); the thread must not die noisily
            self._failure = exc
            self._ready.set()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        # asyncio's default backlog (100) drops the SYNs of a burst of concurrent clients, which
        # then reconnect after 1, 3, 7 s: a load test would measure TCP backoff, not the client.
        server = await asyncio.start_server(
            self._handle, "127.0.0.1", 0, limit=1024 * 1024, backlog=_BACKLOG
        )
        self._port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            await self._stopping.wait()
        finally:
            server.close()
            # Handlers (and connections still being accepted) close their transports when
            # cancelled; wait for all of them so no socket outlives the loop.
            current = asyncio.current_task()
            while pending := [t for t in asyncio.all_tasks() if t is not current]:
                for task in pending:
                    task.cancel()
                await asyncio.gather(*pending, return_exceptions=True)
            await server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with self._lock:
            self._connections_opened += 1
        connection_id = next(self._connection_ids)
        try:
            while await self._serve_one(reader, writer, connection_id):
                pass
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client went away
        except asyncio.CancelledError:
            pass  # stop(): end normally; Python 3.11 logs a cancelled stream handler as an error
        except _BadRequest as exc:
            with suppress(ConnectionError):
                body = _dumps({"error": f"Bad request: {exc}"}).encode()
                headers = {"content-type": "application/json", "content-length": str(len(body))}
                writer.write(_head(400, {**headers, "connection": "close"}) + body)
                await writer.drain()
        except Exception:  # a bug in this server: keep it visible to the tests
            with self._lock:
                self._errors.append(traceback.format_exc())
        finally:
            writer.close()
            with suppress(ConnectionError):
                await writer.wait_closed()

    async def _serve_one(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, connection_id: int
    ) -> bool:
        """Answer one request; False when the connection must close."""
        head = await self._read_head(reader)
        if head is None:
            return False
        method, target, version, headers = head
        connection = headers.get("connection", "").lower()
        keep_alive = "close" not in connection and (
            version == "HTTP/1.1" or "keep-alive" in connection
        )
        if headers.get("expect", "").lower() == "100-continue":
            writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        body, length = await self._read_body(reader, headers)
        path, _, query = target.partition("?")
        model, task = self._route(method, path, body)
        step = self._next_step(model) if model is not None else None
        request = RecordedRequest(
            method=method,
            path=path,
            query=query,
            headers=headers,
            body=body,
            body_length=length,
            connection_id=connection_id,
            request_id=f"fault-{next(self._request_ids):06d}",
            model=model,
            task=task,
            step=step,
        )
        with self._lock:
            self._requests.append(request)
        return await self._answer(step, request, writer, keep_alive)

    @staticmethod
    async def _read_head(
        reader: asyncio.StreamReader,
    ) -> tuple[str, str, str, dict[str, str]] | None:
        try:
            line = await reader.readline()
            while line in (b"\r\n", b"\n"):  # tolerated before a request line (RFC 9112)
                line = await reader.readline()
            if not line:
                return None
            parts = line.decode("latin-1").rstrip("\r\n").split(" ")
            if len(parts) != 3 or not parts[2].startswith("HTTP/"):
                raise _BadRequest(f"malformed request line {line!r}")
            headers: dict[str, str] = {}
            while (raw := await reader.readline()) not in (b"\r\n", b"\n"):
                if not raw:
                    raise asyncio.IncompleteReadError(b"", None)
                name, sep, value = raw.decode("latin-1").partition(":")
                if not sep:
                    raise _BadRequest(f"malformed header {raw!r}")
                key, value = name.strip().lower(), value.strip()
                headers[key] = f"{headers[key]}, {value}" if key in headers else value
        except ValueError as exc:  # a line longer than the reader's limit
            raise _BadRequest(str(exc)) from exc
        return parts[0], parts[1], parts[2], headers

    @staticmethod
    async def _read_body(
        reader: asyncio.StreamReader, headers: Mapping[str, str]
    ) -> tuple[bytes, int]:
        """The body (empty when larger than MAX_RECORDED_BODY) and its length, read in chunks."""
        kept = bytearray()
        length = 0

        async def take(count: int) -> None:
            nonlocal kept, length
            while count:
                data = await reader.read(min(count, _READ_CHUNK))
                if not data:
                    raise asyncio.IncompleteReadError(b"", count)
                count -= len(data)
                length += len(data)
                if length <= MAX_RECORDED_BODY:
                    kept += data
                elif kept:
                    kept = bytearray()

        try:
            if "chunked" in headers.get("transfer-encoding", "").lower():
                while True:
                    size_line = await reader.readline()
                    if not size_line:
                        raise asyncio.IncompleteReadError(b"", None)
                    size = int(size_line.split(b";")[0].strip(), 16)
                    if size == 0:
                        while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                            pass  # trailers
                        break
                    await take(size)
                    await reader.readexactly(2)
            else:
                await take(int(headers.get("content-length", "0")))
        except ValueError as exc:
            raise _BadRequest(f"bad body framing: {exc}") from exc
        return bytes(kept), length

    def _route(self, method: str, path: str, body: bytes) -> tuple[str | None, str | None]:
        """(model, task): model None for an unknown route, task None for an unknown model."""
        if method != "POST":
            return None, None
        if path == "/v1/chat/completions":
            try:
                model = json.loads(body).get("model")
            except (ValueError, AttributeError):
                model = None
            # The router accepts `org/name:provider`; scripts are keyed by the bare id.
            return (model.split(":")[0] if isinstance(model, str) else None), "chat-completion"
        if not path.startswith(_HF_PREFIX):
            return None, None
        rest = unquote(path[len(_HF_PREFIX) :])
        task: str | None = None
        for suffix, route_task in _ROUTE_SUFFIXES:
            if rest.endswith(suffix):
                rest, task = rest[: -len(suffix)], route_task
                break
        if not _valid_model_id(rest):
            return None, None
        return rest, task or self.tasks.get(rest)

    def _next_step(self, model: str) -> Step | None:
        with self._lock:
            for key in (model, "*"):
                queue = self._scripts.get(key)
                if queue:
                    return queue.popleft()
        return None

    def _healthy(self, request: RecordedRequest) -> Step:
        if request.task is None:
            name = request.model or request.path.removeprefix(_HF_PREFIX)
            return _not_found(name)
        responder = self.responders.get(request.task)
        if responder is None:
            raise LookupError(f"FaultServer has no responder for task {request.task!r}")
        return responder(request)

    async def _answer(
        self,
        step: Step | None,
        request: RecordedRequest,
        writer: asyncio.StreamWriter,
        keep_alive: bool,
    ) -> bool:
        """Carry out one behaviour; False when the connection must close."""
        base = {"x-request-id": request.request_id, "x-compute-type": "cpu"}

        async def send(code: int, body: Any, ctype: str | None, extra: Mapping[str, str]) -> bool:
            data, content_type = _encode(body, ctype)
            headers = {"content-type": content_type, "content-length": str(len(data)), **base}
            headers.update({k.lower(): v for k, v in extra.items()})
            headers["connection"] = "keep-alive" if keep_alive else "close"
            writer.write(_head(code, headers) + (b"" if request.method == "HEAD" else data))
            await writer.drain()
            return keep_alive

        match step:
            case None:
                return await self._answer(self._healthy(request), request, writer, keep_alive)
            case Success(body=None):
                healthy = self._healthy(request)
                if isinstance(healthy, Success):
                    merged = replace(
                        healthy,
                        status=step.status,
                        content_type=step.content_type or healthy.content_type,
                        headers={**healthy.headers, **step.headers},
                    )
                    return await self._answer(merged, request, writer, keep_alive)
                return await self._answer(healthy, request, writer, keep_alive)
            case Success():
                return await send(step.status, step.body, step.content_type, step.headers)
            case Loading():
                loading = {
                    "error": f"Model {request.model} is currently loading",
                    "estimated_time": step.estimated_time,
                }
                return await send(503, loading, None, {})
            case RateLimited():
                extra = dict(step.headers)
                if step.retry_after is not None:
                    extra["retry-after"] = step.retry_after
                return await send(429, {"error": "Rate limit reached"}, None, extra)
            case Status():
                body = step.body if step.body is not None else {"error": _reason(step.code)}
                return await send(step.code, body, step.content_type, step.headers)
            case BadShape():
                return await send(200, step.body, None, {})
            case Drop():
                if step.reset:
                    sock = writer.get_extra_info("socket")
                    if sock is not None:
                        sock.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                    writer.transport.abort()
                return False
            case Slow():
                await asyncio.sleep(step.delay)
                return await self._answer(step.then, request, writer, keep_alive)
            case Truncated():
                headers = {
                    "content-type": step.content_type,
                    "content-length": str(len(step.body) + step.missing),
                    **base,
                }
                writer.write(_head(200, headers) + step.body)
                await writer.drain()
                return False
            case Trickle():
                return await self._trickle(step, request, base, writer, keep_alive)
            case SSE():
                return await self._stream(step, base, writer, keep_alive)
        raise TypeError(f"not a FaultServer behaviour: {step!r}")

    async def _trickle(
        self,
        step: Trickle,
        request: RecordedRequest,
        base: Mapping[str, str],
        writer: asyncio.StreamWriter,
        keep_alive: bool,
    ) -> bool:
        body, content_type = step.body, step.content_type
        if body is None:
            healthy = self._healthy(request)
            if isinstance(healthy, Success):
                body, content_type = healthy.body, content_type or healthy.content_type
            else:  # an invalid request: its error, not trickled
                return await self._answer(healthy, request, writer, keep_alive)
        data, content_type = _encode(body, content_type)
        headers = {"content-type": content_type, "content-length": str(len(data)), **base}
        headers["connection"] = "keep-alive" if keep_alive else "close"
        writer.write(_head(200, headers))
        for start in range(0, len(data), max(step.chunk, 1)):
            if start:
                await asyncio.sleep(step.interval)
            writer.write(data[start : start + max(step.chunk, 1)])
            await writer.drain()
        return keep_alive

    @staticmethod
    async def _stream(
        step: SSE, base: Mapping[str, str], writer: asyncio.StreamWriter, keep_alive: bool
    ) -> bool:
        headers = {"content-type": "text/event-stream", "cache-control": "no-cache", **base}
        headers.update({k.lower(): v for k, v in step.headers.items()})
        if step.chunked:
            headers["transfer-encoding"] = "chunked"
            headers["connection"] = "keep-alive" if keep_alive else "close"
        else:
            headers["connection"] = "close"  # the body ends when the connection closes
        writer.write(_head(step.status, headers))
        await writer.drain()
        for i, event in enumerate(step.events):
            if i and step.delay:
                await asyncio.sleep(step.delay)
            data = event.encode()
            if step.chunked and data:
                data = b"%x\r\n%s\r\n" % (len(data), data)
            writer.write(data)
            await writer.drain()
        if not step.chunked:
            return False
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        return keep_alive
