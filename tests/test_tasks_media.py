"""The image and audio analysis tasks: object detection, segmentation, audio classification, ASR.

Each goes through its tool (sync and async) against respx: the exact request (raw bytes with the
type sniffed from them, or base64 JSON once a parameter is set), then every answer shape the
server gives, normalised to the seed's Return shape.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import respx
from langchain_core.messages import ToolMessage
from pydantic import BaseModel

from hf_inference_tools import (
    AudioClassificationReturnValue,
    AutomaticSpeechRecognitionParameters,
    AutomaticSpeechRecognitionReturnValue,
    HfInference,
    ImageSegmentationReturnValue,
    ImageSegmentationTool,
    MediaError,
    ObjectDetectionReturnValue,
)
from hf_inference_tools.tasks import DEFAULT_MODELS
from hf_inference_tools.testing import SAMPLES, data_uri, png_bytes, wav_bytes
from hf_inference_tools.tools import TOOL_CLASSES
from tests.conftest import BASE, TOKEN, Invoke
from tests.media_samples import flac_bytes

PNG = png_bytes(16, 12)
WAV = wav_bytes(0.25, 16000)
FLAC = flac_bytes(1, 16000)
# Masks of different sizes and colours, so that each saved file can be told apart.
CAT_MASK = png_bytes(16, 12, (255, 255, 255))
SOFA_MASK = png_bytes(4, 2, (0, 0, 0))
PNG_URI = data_uri(PNG, "image/png")


def _route(router: respx.MockRouter, name: str, **answer: Any) -> respx.Route:
    return router.post(f"/models/{DEFAULT_MODELS[name]}").respond(**answer)


def _json(message: ToolMessage) -> Any:
    return json.loads(str(message.content))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- requests ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "media", "mime_type"),
    [
        ("object_detection", PNG, "image/png"),
        ("image_segmentation", PNG, "image/png"),
        ("audio_classification", WAV, "audio/wav"),
        ("audio_classification", FLAC, "audio/flac"),
        ("automatic_speech_recognition", WAV, "audio/wav"),
        ("automatic_speech_recognition", FLAC, "audio/flac"),
    ],
)
async def test_request__media_is_sent_raw_with_the_type_sniffed_from_its_bytes(
    router: respx.MockRouter,
    hf: HfInference,
    invoke: Invoke,
    name: str,
    media: bytes,
    mime_type: str,
) -> None:
    route = _route(router, name, json=SAMPLES[name].body())
    # The declared type is wrong on purpose: only the bytes decide the Content-Type.
    message = await invoke(TOOL_CLASSES[name](client=hf), {"data": data_uri(media, "text/plain")})

    assert message.status == "success", message.content
    request = route.calls.last.request
    assert str(request.url) == f"{BASE}/models/{DEFAULT_MODELS[name]}"
    assert request.headers["content-type"] == mime_type
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.content == media


@pytest.mark.parametrize(
    ("name", "media", "parameters"),
    [
        ("object_detection", PNG, {"threshold": 0.9}),
        (
            "image_segmentation",
            PNG,
            {
                "threshold": 0.9,
                "mask_threshold": 0.5,
                "overlap_mask_area_threshold": 0.6,
                "subtask": "panoptic",
            },
        ),
        ("audio_classification", WAV, {"top_k": 2, "function_to_apply": "softmax"}),
        (
            "automatic_speech_recognition",
            FLAC,
            {
                "return_timestamps": True,
                "generation_parameters": {"max_new_tokens": 200, "num_beams": 2},
            },
        ),
    ],
)
async def test_request__parameters_switch_to_json_with_base64_inputs(
    router: respx.MockRouter,
    hf: HfInference,
    invoke: Invoke,
    name: str,
    media: bytes,
    parameters: dict[str, Any],
) -> None:
    route = _route(router, name, json=SAMPLES[name].body())
    args = {"data": data_uri(media, "application/octet-stream"), "parameters": parameters}
    message = await invoke(TOOL_CLASSES[name](client=hf), args)

    assert message.status == "success", message.content
    request = route.calls.last.request
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {"inputs": _b64(media), "parameters": parameters}


async def test_request__parameters_that_are_all_null_keep_the_raw_body(
    router: respx.MockRouter, hf: HfInference, invoke: Invoke
) -> None:
    route = _route(router, "automatic_speech_recognition", json={"text": "hi"})
    args = {
        "data": data_uri(WAV, "audio/wav"),
        "parameters": {"return_timestamps": None, "generation_parameters": None},
    }
    await invoke(TOOL_CLASSES["automatic_speech_recognition"](client=hf), args)
    request = route.calls.last.request
    assert request.headers["content-type"] == "audio/wav"
    assert request.content == WAV


@pytest.mark.parametrize(
    ("name", "parameters", "field"),
    [
        ("object_detection", {"threshold": 1.5}, "parameters.threshold"),
        ("image_segmentation", {"subtask": "outline"}, "parameters.subtask"),
        ("audio_classification", {"top_k": 0}, "parameters.top_k"),
        ("automatic_speech_recognition", {"timestamps": True}, "parameters.timestamps"),
    ],
)
async def test_request__invalid_parameters_are_explained_and_not_sent(
    router: respx.MockRouter,
    hf: HfInference,
    invoke: Invoke,
    name: str,
    parameters: dict[str, Any],
    field: str,
) -> None:
    args = {"data": SAMPLES[name].args()["data"], "parameters": parameters}
    message = await invoke(TOOL_CLASSES[name](client=hf), args)
    assert message.status == "error"
    assert field in message.content
    assert "call it again with corrected arguments" in message.content
    assert router.calls.call_count == 0


# --- answers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "seed_name", "data"),
    [
        ("object_detection", "objectDetection", PNG_URI),
        ("audio_classification", "audioClassification", data_uri(WAV, "audio/wav")),
    ],
)
async def test_answer__lists_reach_content_and_artifact_as_sent(
    router: respx.MockRouter, hf: HfInference, invoke: Invoke, name: str, seed_name: str, data: str
) -> None:
    answer = SAMPLES[name].body()
    _route(router, name, json=answer)
    message = await invoke(TOOL_CLASSES[name](client=hf), {"data": data})

    assert _json(message) == answer
    assert message.artifact == {
        "task": seed_name,
        "model": DEFAULT_MODELS[name],
        "provider": "hf-inference",
        "result": answer,
    }


@pytest.mark.parametrize(
    ("name", "answer", "data"),
    [
        (
            "object_detection",
            [{"score": 0.9, "label": "cat", "box": [1, 2, 3, 4]}],  # a box without its corners
            PNG_URI,
        ),
        ("image_segmentation", [{"score": 0.9, "label": "cat", "mask": "<svg>"}], PNG_URI),
        ("audio_classification", {"text": "hello"}, data_uri(WAV, "audio/wav")),
        (
            "automatic_speech_recognition",
            [{"label": "male", "score": 0.9}],  # a classifier's answer
            data_uri(WAV, "audio/wav"),
        ),
    ],
)
async def test_answer__of_the_wrong_shape_is_an_output_error(
    router: respx.MockRouter,
    hf: HfInference,
    invoke: Invoke,
    tmp_path: Path,
    name: str,
    answer: Any,
    data: str,
) -> None:
    _route(router, name, json=answer)
    tool = TOOL_CLASSES[name](client=hf, output_dir=tmp_path / "out")
    message = await invoke(tool, {"data": data})
    assert message.status == "error"
    assert f"not with a {tool.spec.hf_task} result" in message.content
    assert DEFAULT_MODELS[name] in message.content
    assert not (tmp_path / "out").exists()  # nothing half-saved


# --- image segmentation -----------------------------------------------------------------------

SEGMENTS: list[dict[str, Any]] = [
    {"score": 0.989, "label": "cat", "mask": _b64(CAT_MASK)},
    {"score": 0.9526, "label": "couch", "mask": _b64(SOFA_MASK)},
]
SEMANTIC: list[
    dict[str, Any]
] = [  # semantic segmentation scores nothing: the key is null or absent
    {"score": None, "label": "wall", "mask": _b64(CAT_MASK)},
    {"label": "floor", "mask": _b64(SOFA_MASK)},
]


@pytest.mark.parametrize(
    ("answer", "scores"),
    [(SEGMENTS, [0.989, 0.9526]), (SEMANTIC, [None, None])],
    ids=["scored", "semantic"],
)
async def test_image_segmentation__content_describes_masks_without_base64(
    router: respx.MockRouter,
    hf: HfInference,
    invoke: Invoke,
    answer: list[dict[str, Any]],
    scores: list[float | None],
) -> None:
    _route(router, "image_segmentation", json=answer)
    message = await invoke(ImageSegmentationTool(client=hf), {"data": PNG_URI})

    assert message.status == "success", message.content
    labels = [segment["label"] for segment in answer]
    assert _json(message) == [
        {"label": labels[0], "score": scores[0], "mask": {"width": 16, "height": 12}},
        {"label": labels[1], "score": scores[1], "mask": {"width": 4, "height": 2}},
    ]
    for segment in answer:
        assert segment["mask"][:40] not in message.content
    # The artifact keeps the seed's Return whole, base64 masks included.
    assert message.artifact["task"] == "imageSegmentation"
    assert message.artifact["result"] == [
        {"score": score, **{k: v for k, v in segment.items() if k != "score"}}
        for segment, score in zip(answer, scores, strict=True)
    ]


async def test_image_segmentation__masks_saved_in_output_dir_are_named_in_content(
    router: respx.MockRouter, hf: HfInference, invoke: Invoke, tmp_path: Path
) -> None:
    _route(router, "image_segmentation", json=SEGMENTS)
    root = tmp_path / "media"
    tool = ImageSegmentationTool(client=hf, media_root=root, output_dir=root / "masks")
    message = await invoke(tool, {"data": PNG_URI})

    content = _json(message)
    paths = [segment["mask"]["path"] for segment in content]
    assert [p.split("-")[:2] for p in paths] == [["masks/mask", "cat"], ["masks/mask", "couch"]]
    assert all(p.endswith(".png") for p in paths)
    assert (root / paths[0]).read_bytes() == CAT_MASK
    assert (root / paths[1]).read_bytes() == SOFA_MASK
    assert sorted(p.name for p in (root / "masks").iterdir()) == sorted(Path(p).name for p in paths)
    assert "base64" not in message.content and SEGMENTS[0]["mask"][:40] not in message.content
    assert message.artifact["result"][0]["mask"] == SEGMENTS[0]["mask"]


async def test_image_segmentation__masks_outside_media_root_are_named_by_absolute_path(
    router: respx.MockRouter, hf: HfInference, invoke: Invoke, tmp_path: Path
) -> None:
    _route(router, "image_segmentation", json=SEGMENTS[:1])
    tool = ImageSegmentationTool(client=hf, output_dir=tmp_path / "out")
    message = await invoke(tool, {"data": PNG_URI})
    path = Path(_json(message)[0]["mask"]["path"])
    assert path.is_absolute()
    assert path.read_bytes() == CAT_MASK


# --- automatic speech recognition -------------------------------------------------------------

TIMED = {
    "text": " Sir, I exist.",
    "chunks": [
        {"text": " Sir,", "timestamp": [0.0, 0.62]},
        {"text": " I exist.", "timestamp": [0.62, None]},  # Whisper gave no end time
    ],
}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"text": "a man said to the universe"}, {"text": "a man said to the universe"}),
        ([{"text": "a man said to the universe"}], {"text": "a man said to the universe"}),
        (TIMED, TIMED),
        ({"text": "hi", "language": "en"}, {"text": "hi", "language": "en"}),
    ],
    ids=["text", "one-element-list", "timestamps", "extra-fields-kept"],
)
async def test_speech_recognition__answers_are_normalised_to_the_seed_shape(
    router: respx.MockRouter,
    hf: HfInference,
    invoke: Invoke,
    answer: Any,
    expected: dict[str, Any],
) -> None:
    _route(router, "automatic_speech_recognition", json=answer)
    tool = TOOL_CLASSES["automatic_speech_recognition"](client=hf)
    message = await invoke(tool, {"data": data_uri(FLAC, "audio/flac")})

    assert message.status == "success", message.content
    assert _json(message) == expected
    assert message.artifact == {
        "task": "automaticSpeechRecognition",
        "model": "openai/whisper-large-v3-turbo",
        "provider": "hf-inference",
        "result": expected,
    }


# --- the client methods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "media", "wrap", "answer", "result_type"),
    [
        (
            "object_detection",
            PNG,
            bytes,
            SAMPLES["object_detection"].body(),
            ObjectDetectionReturnValue,
        ),
        ("image_segmentation", PNG, io.BytesIO, SEGMENTS, ImageSegmentationReturnValue),
        (
            "audio_classification",
            WAV,
            bytearray,
            SAMPLES["audio_classification"].body(),
            AudioClassificationReturnValue,
        ),
        (
            "automatic_speech_recognition",
            FLAC,
            memoryview,
            TIMED,
            AutomaticSpeechRecognitionReturnValue,
        ),
    ],
    ids=["object_detection", "image_segmentation", "audio_classification", "asr"],
)
@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_client__method_pair_sends_the_bytes_and_returns_the_seed_types(
    router: respx.MockRouter,
    hf: HfInference,
    name: str,
    media: bytes,
    wrap: Callable[[bytes], Any],
    answer: Any,
    result_type: type[BaseModel],
    mode: str,
) -> None:
    route = _route(router, name, json=answer)
    if mode == "sync":
        result = getattr(hf, name)(data=wrap(media))
    else:
        result = await getattr(hf, f"a{name}")(data=wrap(media))
    if isinstance(answer, list):
        assert result == [result_type.model_validate(item) for item in answer]
    else:
        assert result == result_type.model_validate(answer)
    assert route.calls.last.request.content == media


async def test_client__speech_recognition_timestamps_are_typed(
    router: respx.MockRouter, hf: HfInference, tmp_path: Path
) -> None:
    path = tmp_path / "speech.flac"  # developer code may name any file, as a Path
    path.write_bytes(FLAC)
    route = _route(router, "automatic_speech_recognition", json=TIMED)

    # A model, not a dict: mypy checks that optional fields need not be passed (keyword defaults).
    parameters = AutomaticSpeechRecognitionParameters(return_timestamps=True)
    result = await hf.aautomatic_speech_recognition(data=path, parameters=parameters)

    assert result.chunks is not None
    assert result.chunks[1].timestamp == (0.62, None)
    assert json.loads(route.calls.last.request.content)["parameters"] == {"return_timestamps": True}


@pytest.mark.parametrize("name", ["audio_classification", "automatic_speech_recognition"])
def test_client__audio_methods_refuse_an_image_before_any_request(
    router: respx.MockRouter, hf: HfInference, name: str
) -> None:
    with pytest.raises(MediaError, match=r"looks like image/png, but this input must be audio"):
        getattr(hf, name)(data=PNG)
    assert router.calls.call_count == 0
