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
    "audio_classification": Sample(
        args=lambda: {"data": data_uri(wav_bytes(), "audio/wav")},
        body=lambda: [
            {"score": 0.9987353682518005, "label": "male"},
            {"score": 0.0012646110262721777, "label": "female"},
        ],
    ),
    "automatic_speech_recognition": Sample(
        args=lambda: {"data": data_uri(wav_bytes(), "audio/wav")},
        body=lambda: {"text": "a man said to the universe sir i exist"},
    ),
    "image_segmentation": Sample(
        args=lambda: {"data": data_uri(png_bytes(), "image/png")},
        # Masks are PNGs of the input's size, white where the segment is.
        body=lambda: [
            {
                "score": 0.9890,
                "label": "cat",
                "mask": base64.b64encode(png_bytes(8, 8, (255, 255, 255))).decode("ascii"),
            },
            {
                "score": 0.9526,
                "label": "couch",
                "mask": base64.b64encode(png_bytes(8, 8, (0, 0, 0))).decode("ascii"),
            },
        ],
    ),
    "object_detection": Sample(
        args=lambda: {"data": data_uri(png_bytes(), "image/png")},
        body=lambda: [
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
        ],
    ),
}
"""Every task's example, by tool name: answers shaped like the real API's (see hf_wire.md)."""
