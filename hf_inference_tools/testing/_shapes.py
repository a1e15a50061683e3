"""Offline answers shaped by the request: the stand-in's reply fits what was asked.

A fixed sample would classify any picture as a tabby cat, score labels nobody offered and
"translate" to German whatever the target. Where the answer's shape or content depends on the
request, the stand-in derives it from the request instead: zero-shot scores the candidate labels
given, question answering returns a span of the context, translation and summarization work on
the input text, similarity has one score per sentence, tabular tasks one value per row. Images
the stand-in generates carry their prompt (a PNG `iTXt` chunk), so classifying or captioning
them later answers with the painted subject. The answers are stand-ins, not a model's output:
deterministic, cheap, and plausible enough for a demo or a test.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import re
import struct
import zlib
from collections.abc import Callable
from typing import Any

import httpx
import imagesize

from ._samples import SAMPLES, png_bytes

__all__ = ["describe_png", "shaped_answer"]

# The PNG keyword for a picture's description (PNG spec, 11.3.4.2 "Description").
_KEYWORD = b"Description"
_WORD = re.compile(r"[A-Za-z0-9']+")
_STOP = frozenset(
    re.findall(
        r"\w+",
        "a an the of to in on at for and or is are was were be what which who whom how why when "
        "where does do did has have had it its this that these those with by from as i you he she "
        "we they me my your his her our their many much",
    )
)
# Words that make the stand-in's sentiment NEGATIVE (a real model reads far more than words).
_NEGATIVE = frozenset(
    re.findall(
        r"\w+",
        "bad broke broken died dead late rude slow worst awful terrible hate hated never not no "
        "poor unhelpful confusing disappointed disappointing refund wrong useless angry sad again",
    )
)
_LANGUAGES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French",
    "hi": "Hindi", "it": "Italian", "ja": "Japanese", "ko": "Korean", "nl": "Dutch",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "zh": "Chinese",
}  # fmt: skip
_MAX_SIDE = 512  # generated stand-in pictures stay small whatever size is asked


class _Call:
    """The request as a shaper reads it: its JSON body (if any), raw bytes and model."""

    def __init__(self, request: httpx.Request, model: str) -> None:
        self.content = request.content
        self.model = model
        try:
            body = json.loads(self.content)
        except ValueError:
            body = None
        self.json: dict[str, Any] = body if isinstance(body, dict) else {}
        self.inputs: Any = self.json.get("inputs")
        params = self.json.get("parameters")
        self.parameters: dict[str, Any] = params if isinstance(params, dict) else {}

    def media(self) -> bytes:
        """The media sent: raw bytes, or base64 `inputs` when parameters were set."""
        if self.json and isinstance(self.inputs, str):
            return base64.b64decode(self.inputs)
        return self.content


def shaped_answer(task: str, request: httpx.Request, model: str) -> Any | None:
    """The answer to `request` for `task`, shaped from it; None: the task's sample fits as it is
    (or the request could not be read, and the sample answers)."""
    shaper = _SHAPERS.get(task)
    if shaper is None:
        return None
    try:
        return shaper(_Call(request, model))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


# -- images that remember their prompt ----------------------------------------------------------


def _png_with_description(width: int, height: int, text: str) -> bytes:
    # A colour from the prompt, so different prompts give different pictures.
    digest = hashlib.sha256(text.encode()).digest()
    png = png_bytes(width, height, (digest[0], digest[1], digest[2]))
    # iTXt: keyword, NUL, no compression (0, 0), no language tags (NUL, NUL), then UTF-8 text.
    payload = _KEYWORD + b"\x00\x00\x00\x00\x00" + text[:1000].encode()
    crc = zlib.crc32(b"iTXt" + payload) & 0xFFFFFFFF
    chunk = struct.pack(">I", len(payload)) + b"iTXt" + payload + struct.pack(">I", crc)
    end = png.rindex(b"IEND") - 4  # the IEND chunk's length field
    return png[:end] + chunk + png[end:]


def describe_png(data: bytes) -> str | None:
    """The description a stand-in image carries (its prompt), or None."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    at = 8
    while at + 8 <= len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        payload = data[at + 8 : at + 8 + length]
        if kind == b"iTXt" and payload.startswith(_KEYWORD + b"\x00\x00\x00\x00\x00"):
            return payload[len(_KEYWORD) + 5 :].decode("utf-8", "replace")
        if kind == b"IEND":
            return None
        at += 12 + length
    return None


def _subject(prompt: str) -> str:
    """What a prompt paints: 'a watercolor painting of a tabby cat, soft light' -> 'tabby cat'."""
    head = prompt.split(",")[0].strip().lower()
    head = re.split(r"\b(?:of an?|of the|of)\s+", head)[-1]
    head = re.split(r"\s+(?:at|in|on|under|with|by|near|during|over)\s+", head)[0]
    head = re.sub(r"^(?:an?|the)\s+", "", head).strip(" .")
    return head or "picture"


def _size(params: dict[str, Any], default: tuple[int, int]) -> tuple[int, int]:
    width, height = params.get("width", default[0]), params.get("height", default[1])
    if not isinstance(width, int) or not isinstance(height, int):
        return default
    return max(1, min(width, _MAX_SIDE)), max(1, min(height, _MAX_SIDE))


def _text_to_image(call: _Call) -> bytes:
    width, height = _size(call.parameters, (64, 48))
    return _png_with_description(width, height, str(call.inputs))


def _image_to_image(call: _Call) -> bytes | None:
    prompt = call.parameters.get("prompt")
    if not isinstance(prompt, str):
        return None
    return _png_with_description(64, 64, prompt)


def _image_classification(call: _Call) -> Any | None:
    prompt = describe_png(call.media())
    if prompt is None:
        return None
    subject = _subject(prompt)
    return [
        {"label": subject, "score": 0.9412},
        {"label": "painting", "score": 0.0317},
        {"label": "picture frame", "score": 0.0109},
    ]


def _image_to_text(call: _Call) -> Any | None:
    prompt = describe_png(call.media())
    return None if prompt is None else [{"generated_text": prompt.split(",")[0].strip().lower()}]


def _image_size(data: bytes) -> tuple[int, int]:
    width, height = imagesize.get(io.BytesIO(data))
    if width <= 0 or height <= 0:
        raise ValueError("not an image imagesize reads")
    return width, height


def _object_detection(call: _Call) -> Any:
    # Boxes inside the picture sent (the sample's are for a 640-pixel photo).
    data = call.media()
    width, height = _image_size(data)
    first = _subject(describe_png(data) or "person")
    boxes = [
        (first, 0.9487, (0.10, 0.08, 0.80, 0.95)),
        ("umbrella", 0.5733, (0.28, 0.01, 0.99, 0.75)),
    ]
    return [
        {"score": score, "label": label,
         "box": {"xmin": round(x0 * width), "ymin": round(y0 * height),
                 "xmax": round(x1 * width) - 1, "ymax": round(y1 * height) - 1}}
        for label, score, (x0, y0, x1, y1) in boxes
    ]  # fmt: skip


def _image_segmentation(call: _Call) -> Any:
    # Masks are the input's size, as the API's are.
    data = call.media()
    width, height = _image_size(data)
    first = _subject(describe_png(data) or "cat")
    masks = [(first, 0.9890, (255, 255, 255)), ("couch", 0.9526, (0, 0, 0))]
    return [
        {"score": score, "label": label,
         "mask": base64.b64encode(png_bytes(width, height, colour)).decode("ascii")}
        for label, score, colour in masks
    ]  # fmt: skip


# -- text ------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _overlap(a: str, b: str) -> float:
    left, right = set(_words(a)) - _STOP, set(_words(b)) - _STOP
    return len(left & right) / len(left | right) if left and right else 0.0


def _ranked(labels: list[str], text: str, *, independent: bool = False) -> list[tuple[str, float]]:
    # A label sharing words with the text wins; otherwise the order given breaks ties.
    weights = [1.0 + 6.0 * _overlap(label, text) + 0.5 / (i + 1) for i, label in enumerate(labels)]
    if independent:
        top = max(weights)
        scores = [round(0.05 + 0.9 * (w / top) ** 4, 6) for w in weights]
    else:
        exps = [math.exp(2.5 * w) for w in weights]
        scores = [round(e / sum(exps), 6) for e in exps]
    return sorted(zip(labels, scores, strict=True), key=lambda pair: -pair[1])


def _candidate_labels(params: dict[str, Any]) -> list[str]:
    labels = params["candidate_labels"]
    if isinstance(labels, str):
        labels = [part.strip() for part in labels.split(",") if part.strip()]
    if not isinstance(labels, list) or not labels:
        raise ValueError("no candidate labels")
    return [str(label) for label in labels]


def _zero_shot(call: _Call) -> Any:
    labels = _candidate_labels(call.parameters)
    multi = bool(call.parameters.get("multi_label"))
    texts = call.inputs if isinstance(call.inputs, list) else [call.inputs]
    answers = []
    for text in texts:
        ranked = _ranked(labels, str(text), independent=multi)
        answers.append(
            {
                "sequence": text,
                "labels": [label for label, _ in ranked],
                "scores": [score for _, score in ranked],
            }
        )
    return answers if isinstance(call.inputs, list) else answers[0]


def _zero_shot_image(call: _Call) -> Any:
    labels = _candidate_labels(call.parameters)
    ranked = _ranked(labels, describe_png(call.media()) or "")
    return [{"score": score, "label": label} for label, score in ranked]


def _question_answer(call: _Call) -> Any:
    question, context = str(call.inputs["question"]), str(call.inputs["context"])
    asked = set(_words(question)) | _STOP
    spans: list[tuple[int, int]] = []  # runs of context words the question does not use
    run: tuple[int, int] | None = None
    for match in _WORD.finditer(context):
        if match.group().lower() in asked:
            run = None
            continue
        if run is not None and context[run[1] : match.start()].strip() == "":
            run = (run[0], match.end())
            spans[-1] = run
        else:
            run = (match.start(), match.end())
            spans.append(run)
    if not spans:
        spans = [(0, len(context))]
    best = sorted(spans, key=lambda s: s[0] - s[1])  # the longest first
    answers = [
        {"score": round(0.91 / (rank + 1), 6), "start": start, "end": end,
         "answer": context[start:end]}
        for rank, (start, end) in enumerate(best)
    ]  # fmt: skip
    top_k = call.parameters.get("top_k")
    if isinstance(top_k, int) and top_k > 1:
        return answers[:top_k]
    return answers[0]


def _first_sentences(text: str, max_words: int) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    summary: list[str] = []
    for sentence in sentences:
        if summary and len(" ".join([*summary, sentence]).split()) > max_words:
            break
        summary.append(sentence)
    words = " ".join(summary).split()
    return " ".join(words[:max_words])


def _summarization(call: _Call) -> Any:
    max_length = call.parameters.get("max_length")
    limit = max(5, int(max_length * 0.75)) if isinstance(max_length, int) else 40
    texts = call.inputs if isinstance(call.inputs, list) else [call.inputs]
    return [{"summary_text": _first_sentences(str(text), limit)} for text in texts]


def _target_language(call: _Call) -> str | None:
    tgt = call.parameters.get("tgt_lang")
    if isinstance(tgt, str) and tgt:
        return _LANGUAGES.get(tgt[:2].lower(), tgt)
    prefix = re.match(r"translate \w+ to (\w+):", str(call.inputs))
    if prefix:
        return prefix.group(1)
    pair = re.search(r"[-_](\w\w)[-_](\w\w)$", call.model)  # opus-mt-en-fr
    if pair:
        return _LANGUAGES.get(pair.group(2), pair.group(2))
    return None


def _translation(call: _Call) -> Any:
    target = _target_language(call)
    tag = f"offline translation to {target}" if target else "offline translation"
    texts = call.inputs if isinstance(call.inputs, list) else [call.inputs]
    stripped = [re.sub(r"^translate \w+ to \w+:\s*", "", str(t)) for t in texts]
    return [{"translation_text": f"[{tag}] {text}"} for text in stripped]


def _text_classification(call: _Call) -> Any:
    if not any(word in _NEGATIVE for word in _words(str(call.inputs))):
        return None  # the sample's POSITIVE answer
    return [[{"label": "NEGATIVE", "score": 0.9987}, {"label": "POSITIVE", "score": 0.0013}]]


def _fill_mask(call: _Call) -> Any:
    text = str(call.inputs)
    mask = next((m for m in ("[MASK]", "<mask>") if m in text), None)
    if mask is None:
        raise ValueError("no mask token")
    guesses = [("paris", 3000, 0.4168), ("lille", 22479, 0.0714), ("lyon", 10241, 0.0634)]
    return [
        {"score": score, "token": token, "token_str": word,
         "sequence": text.replace(mask, word, 1).lower()}
        for word, token, score in guesses
    ]  # fmt: skip


def _token_classification(call: _Call) -> Any:
    text = str(call.inputs)
    entities = []
    # Runs of capitalised words; a sentence's first word is capitalised anyway, so not counted.
    for match in re.finditer(r"\b[A-Z][a-zA-Z'-]*(?:\s+[A-Z][a-zA-Z'-]*)*", text):
        start, word = match.start(), match.group()
        before = text[:start].rstrip()
        if not before or before[-1] in ".!?":
            _, _, rest = word.partition(" ")
            if not rest:
                continue
            start, word = start + len(word) - len(rest.lstrip()), rest.lstrip()
        entities.append(
            {"entity_group": "MISC", "score": 0.9912, "word": word,
             "start": start, "end": start + len(word)}
        )  # fmt: skip
    return entities


def _sentence_similarity(call: _Call) -> Any:
    source, sentences = call.inputs["source_sentence"], call.inputs["sentences"]
    return [round(0.15 + 0.8 * _overlap(source, s), 6) for s in sentences]


def _embedding(text: str) -> list[float]:
    seed = hashlib.sha256(text.encode()).digest()
    return [round(math.sin(seed[i % 32] * 0.37 + i * 0.7) * 0.08, 8) for i in range(384)]


def _feature_extraction(call: _Call) -> Any:
    if isinstance(call.inputs, list):
        return [_embedding(str(text)) for text in call.inputs]
    return _embedding(str(call.inputs))


def _rows(call: _Call) -> int:
    columns = call.inputs["data"]
    return len(next(iter(columns.values())))


def _one_per_row(task: str) -> Callable[[_Call], Any]:
    def answer(call: _Call) -> Any:
        values = SAMPLES[task].body()  # the recorded answer's values, as many as rows were sent
        return [values[i % len(values)] for i in range(_rows(call))]

    return answer


def _table_question_answer(call: _Call) -> Any:
    query, table = str(call.inputs["query"]), call.inputs["table"]
    headers = list(table)
    asked = set(_words(query))
    column = next((c for c, h in enumerate(headers) if set(_words(h)) & asked), 0)
    cells = table[headers[column]]
    keys = [k for k in headers if k != headers[column]]
    row = next(
        (r for r in range(len(cells)) if any(set(_words(str(table[k][r]))) & asked for k in keys)),
        0,
    )
    cell = str(cells[row])
    return {"answer": cell, "coordinates": [[row, column]], "cells": [cell], "aggregator": "NONE"}


_SHAPERS: dict[str, Callable[[_Call], Any]] = {
    "feature_extraction": _feature_extraction,
    "fill_mask": _fill_mask,
    "image_classification": _image_classification,
    "image_segmentation": _image_segmentation,
    "image_to_image": _image_to_image,
    "image_to_text": _image_to_text,
    "object_detection": _object_detection,
    "question_answer": _question_answer,
    "sentence_similarity": _sentence_similarity,
    "summarization": _summarization,
    "table_question_answer": _table_question_answer,
    "tabular_classification": _one_per_row("tabular_classification"),
    "tabular_regression": _one_per_row("tabular_regression"),
    "text_classification": _text_classification,
    "text_to_image": _text_to_image,
    "token_classification": _token_classification,
    "translation": _translation,
    "zero_shot_classification": _zero_shot,
    "zero_shot_image_classification": _zero_shot_image,
}
