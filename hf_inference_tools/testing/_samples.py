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

__all__ = ["SAMPLES", "Sample", "data_uri", "mp4_bytes", "png_bytes", "wav_bytes"]


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


def mp4_bytes() -> bytes:
    """A tiny MP4 header (an `ftyp` box and an empty `mdat`): sniffs as video/mp4."""
    payload = b"isom" + b"\x00\x00\x02\x00" + b"isomiso2avc1mp41"
    ftyp = (8 + len(payload)).to_bytes(4, "big") + b"ftyp" + payload
    return ftyp + b"\x00\x00\x00\x08mdat"


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
    # Served only by Inference Providers; the serverless stand-in answers an MP4 all the same.
    "text_to_video": Sample(
        args=lambda: {"inputs": "a red fox running through snow"},
        body=lambda: mp4_bytes(),
        content_type="video/mp4",
    ),
    "image_to_video": Sample(
        args=lambda: {"data": data_uri(png_bytes(), "image/png")},
        body=lambda: mp4_bytes(),
        content_type="video/mp4",
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
    "image_to_text": Sample(
        args=lambda: {"data": data_uri(png_bytes(), "image/png")},
        body=lambda: [{"generated_text": "a woman in a hat and dress posing for a photo"}],
    ),
    "text_to_speech": Sample(
        args=lambda: {"inputs": "Hello! Your order has shipped and arrives on Friday."},
        # Recorded answers are FLAC; a WAV tone keeps the offline answer playable and stdlib-made.
        body=lambda: wav_bytes(0.5),
        content_type="audio/wav",
    ),
    "visual_question_answering": Sample(
        args=lambda: {
            "data": data_uri(png_bytes(), "image/png"),
            "inputs": {"question": "Who is in the picture?"},
        },
        body=lambda: [
            {"score": 0.9386942982673645, "answer": "woman"},
            {"score": 0.34897398948669434, "answer": "girl"},
            {"score": 0.01811487227678299, "answer": "lady"},
        ],
    ),
    "document_question_answering": Sample(
        args=lambda: {
            "data": data_uri(png_bytes(), "image/png"),
            "inputs": {"question": "What is the invoice number?"},
        },
        # Donut (the default model) generates the answer: no score, no word positions.
        body=lambda: [{"answer": "us-001"}],
    ),
    "sentence_similarity": Sample(
        args=lambda: {
            "inputs": {
                "source_sentence": "That is a happy person",
                "sentences": [
                    "That is a happy dog",
                    "That is a very happy person",
                    "Today is a sunny day",
                ],
            }
        },
        body=lambda: [0.6945773363113403, 0.9429150819778442, 0.2568760812282562],
    ),
    "zero_shot_image_classification": Sample(
        args=lambda: {
            "data": data_uri(png_bytes(), "image/png"),
            "parameters": {"candidate_labels": ["cat", "dog", "llama"]},
        },
        body=lambda: [
            {"score": 0.9786421656608582, "label": "cat"},
            {"score": 0.01995537243783474, "label": "dog"},
            {"score": 0.0014024490956217051, "label": "llama"},
        ],
    ),
    "image_to_image": Sample(
        args=lambda: {
            "data": data_uri(png_bytes(), "image/png"),
            "parameters": {"prompt": "a watercolor painting of the same scene"},
        },
        body=lambda: png_bytes(64, 64, (90, 160, 220)),
        content_type="image/png",
    ),
    "audio_to_audio": Sample(
        args=lambda: {"data": data_uri(wav_bytes(), "audio/wav")},
        body=lambda: [
            {
                "label": f"label_{i}",
                "blob": base64.b64encode(wav_bytes(0.25, hz=hz)).decode("ascii"),
                "content-type": "audio/wav",
            }
            for i, hz in enumerate((440.0, 660.0))
        ],
    ),
    "tabular_classification": Sample(
        args=lambda: {
            "inputs": {
                "data": [
                    row.split()
                    for row in (
                        "fixed_acidity volatile_acidity citric_acid residual_sugar chlorides "
                        "free_sulfur_dioxide total_sulfur_dioxide density pH sulphates alcohol",
                        "7.4 0.7 0 1.9 0.076 11 34 0.9978 3.51 0.56 9.4",
                        "7.8 0.88 0 2.6 0.098 25 67 0.9968 3.2 0.68 9.8",
                        "10.3 0.32 0.45 6.4 0.073 5 13 0.9976 3.23 0.82 12.6",
                    )
                ]
            }
        },
        body=lambda: [5, 5, 7],
    ),
    "tabular_regression": Sample(
        args=lambda: {
            "inputs": {
                "data": [
                    ["Height", "Length1", "Length2", "Length3", "Species", "Width"],
                    ["11.52", "23.2", "25.4", "30", "Bream", "4.02"],
                    ["12.48", "24", "26.3", "31.2", "Bream", "4.3056"],
                    ["12.3778", "23.9", "26.5", "31.1", "Bream", "4.6961"],
                ]
            }
        },
        body=lambda: [270.5473526976245, 313.6843425638086, 328.3727133404402],
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
"""Every task's example, by tool name: answers shaped like the real API's (recorded from it)."""
