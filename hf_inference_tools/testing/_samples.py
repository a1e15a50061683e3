"""Small real media made on the fly, and a realistic answer for every task."""

from __future__ import annotations

import base64
import io
import math
import struct
import wave
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["SAMPLES", "Sample", "data_uri", "png_bytes", "wav_bytes"]


def png_bytes(width: int = 8, height: int = 8, rgb: tuple[int, int, int] = (200, 80, 40)) -> bytes:
    """A valid RGB PNG of one colour, built with zlib (no imaging library needed)."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def wav_bytes(seconds: float = 0.25, rate: int = 16000, hz: float = 440.0) -> bytes:
    """A mono 16-bit PCM WAV of a sine tone."""
    frames = int(seconds * rate)
    samples = (int(12000 * math.sin(2 * math.pi * hz * i / rate)) for i in range(frames))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()


def data_uri(data: bytes, mime_type: str) -> str:
    """`data:<mime>;base64,...` for `data` (what an agent may pass as a media argument)."""
    return f"data:{mime_type};base64,{base64.b64encode(data).decode('ascii')}"


@dataclass(frozen=True)
class Sample:
    """A task's example: tool arguments an LLM might send, and the API's answer to them."""

    args: Callable[[], dict[str, Any]]
    body: Callable[[], Any] = dict
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


SAMPLES: dict[str, Sample] = {
    "text_classification": Sample(
        args=lambda: {"inputs": "I like you. I love you"},
        body=lambda: [
            [
                {"label": "POSITIVE", "score": 0.9998695850372314},
                {"label": "NEGATIVE", "score": 0.00013043530634604394},
            ]
        ],
    ),
    "image_classification": Sample(
        args=lambda: {"data": data_uri(png_bytes(), "image/png")},
        body=lambda: [
            {"label": "tabby, tabby cat", "score": 0.9385},
            {"label": "tiger cat", "score": 0.0421},
            {"label": "Egyptian cat", "score": 0.0133},
        ],
    ),
    "text_to_image": Sample(
        args=lambda: {"inputs": "a watercolor fox in a snowy forest"},
        body=lambda: png_bytes(64, 48, (30, 120, 200)),
        content_type="image/png",
    ),
    "chat_completion": Sample(
        args=lambda: {
            "messages": [
                {"role": "system", "content": "Answer in one short sentence."},
                {"role": "user", "content": "What is the capital of France?"},
            ],
            "parameters": {"max_tokens": 64, "temperature": 0.2},
        },
        body=lambda: {
            "object": "chat.completion",
            "id": "",
            "created": 1742565123,
            "model": "meta-llama/Llama-3.1-8B-Instruct",
            "system_fingerprint": "3.2.1-native",
            "choices": [
                {
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": "The capital of France is Paris.",
                    },
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 47, "completion_tokens": 8, "total_tokens": 55},
        },
    ),
}
"""Every task's example, by tool name: answers shaped like the real API's (see hf_wire.md)."""
