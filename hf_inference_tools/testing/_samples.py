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
    "feature_extraction": Sample(
        args=lambda: {"inputs": "Today is a sunny day"},
        # sentence-transformers/all-MiniLM-L6-v2 answers one pooled 384-dimensional vector.
        body=lambda: [round(math.sin(i * 0.7) * 0.08, 8) for i in range(384)],
    ),
    "text_generation": Sample(
        args=lambda: {"inputs": "The answer to the universe is"},
        # A transformers backend (gpt2): a list, the prompt included by default.
        body=lambda: [
            {
                "generated_text": "The answer to the universe is not a number, but a question "
                "that has puzzled philosophers for centuries."
            }
        ],
    ),
    # The same call through `HfInference(text_generation_api="completions")` (a vLLM server).
    "text_generation_completions": Sample(
        args=lambda: {"inputs": "The answer to the universe is"},
        body=lambda: {
            "id": "cmpl-8f2d6c1e4b3a4f0e9d7c6b5a4f3e2d1c",
            "object": "text_completion",
            "created": 1747731200,
            "model": "openai-community/gpt2",
            "choices": [
                {
                    "index": 0,
                    "text": " not a number, but a question that has puzzled philosophers.",
                    "logprobs": None,
                    "finish_reason": "length",
                    "stop_reason": None,
                }
            ],
            "usage": {"prompt_tokens": 6, "completion_tokens": 16, "total_tokens": 22},
        },
    ),
    # Answered over chat completion (TGI 3.x's chat.completion object).
    "conversational": Sample(
        args=lambda: {
            "inputs": {
                "text": "Which one is the funniest?",
                "past_user_inputs": ["Can you recommend a sci-fi movie?"],
                "generated_responses": ["Try Arrival (2016): a thoughtful first-contact story."],
            }
        },
        body=lambda: {
            "object": "chat.completion",
            "id": "",
            "created": 1742563853,
            "model": "meta-llama/Llama-3.1-8B-Instruct",
            "system_fingerprint": "3.2.1-native",
            "choices": [
                {
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": "Galaxy Quest (1999): a loving parody of Star Trek.",
                    },
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 58, "completion_tokens": 15, "total_tokens": 73},
        },
    ),
    "fill_mask": Sample(
        args=lambda: {"inputs": "The capital of France is [MASK]."},
        body=lambda: [
            {
                "score": 0.4167894124984741,
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
            {
                "score": 0.06339266896247864,
                "token": 10241,
                "token_str": "lyon",
                "sequence": "the capital of france is lyon.",
            },
        ],
    ),
    "question_answer": Sample(
        args=lambda: {
            "inputs": {
                "question": "What is the capital of France?",
                "context": "The capital of France is Paris.",
            }
        },
        body=lambda: {"score": 0.9703431725502014, "start": 25, "end": 30, "answer": "Paris"},
    ),
    "summarization": Sample(
        args=lambda: {
            "inputs": (
                "The tower is 324 metres (1,063 ft) tall, about the same height as an 81-storey "
                "building, and the tallest structure in Paris. Its base is square, measuring "
                "125 metres (410 ft) on each side. During its construction, the Eiffel Tower "
                "surpassed the Washington Monument to become the tallest man-made structure in "
                "the world, a title it held for 41 years until the Chrysler Building in New York "
                "City was finished in 1930."
            ),
            "parameters": {"max_length": 60},
        },
        body=lambda: [
            {
                "summary_text": " The tower is 324 metres (1,063 ft) tall, about the same height "
                "as an 81-storey building . Its base is square, measuring 125 metres (410 ft) on "
                "each side . During its construction, the Eiffel Tower surpassed the Washington "
                "Monument to become the tallest man-made structure in the world ."
            }
        ],
    ),
    "table_question_answer": Sample(
        args=lambda: {
            "inputs": {
                "query": "How many stars does the transformers repository have?",
                "table": [
                    ["Repository", "Stars", "Contributors", "Programming language"],
                    ["Transformers", "36542", "651", "Python"],
                    ["Datasets", "4512", "77", "Python"],
                    ["Tokenizers", "3934", "34", "Rust, Python and NodeJS"],
                ],
            }
        },
        body=lambda: {
            "answer": "AVERAGE > 36542",
            "coordinates": [[0, 1]],
            "cells": ["36542"],
            "aggregator": "AVERAGE",
        },
    ),
    "token_classification": Sample(
        args=lambda: {"inputs": "My name is Sarah Jessica Parker but you can call me Jessica"},
        body=lambda: [
            {
                "entity_group": "PER",
                "score": 0.9991335868835449,
                "word": "Sarah Jessica Parker",
                "start": 11,
                "end": 31,
            },
            {
                "entity_group": "PER",
                "score": 0.9979913234710693,
                "word": "Jessica",
                "start": 52,
                "end": 59,
            },
        ],
    ),
    "translation": Sample(
        args=lambda: {"inputs": "Hello world"},
        body=lambda: [{"translation_text": "Hallo Welt"}],
    ),
    "zero_shot_classification": Sample(
        args=lambda: {
            "inputs": (
                "A new model offers an explanation for how the Galilean satellites formed around "
                "the solar system's largest world."
            ),
            "parameters": {
                "candidate_labels": [
                    "scientific discovery",
                    "space & cosmos",
                    "microbiology",
                    "archeology",
                    "robots",
                ]
            },
        },
        body=lambda: {
            "sequence": (
                "A new model offers an explanation for how the Galilean satellites formed around "
                "the solar system's largest world."
            ),
            "labels": [
                "scientific discovery",
                "space & cosmos",
                "microbiology",
                "archeology",
                "robots",
            ],
            "scores": [
                0.796166181564331,
                0.18570725619792938,
                0.007308819331228733,
                0.0062583745457232,
                0.004559362772852182,
            ],
        },
    ),
}
"""Every task's example, by tool name: answers shaped like the real API's (see hf_wire.md)."""
