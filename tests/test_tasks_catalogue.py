"""The tasks beyond the seed, through their tools: the exact request, every answer shape."""

from __future__ import annotations

import asyncio
import base64
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import imagesize
import pytest
import respx
from langchain_core.utils.function_calling import convert_to_openai_tool

from hf_inference_tools import DEFAULT_MODELS, HfInference
from hf_inference_tools.tasks._tables import rows_to_columns
from hf_inference_tools.testing import (
    HfInferenceMock,
    data_uri,
    describe_png,
    png_bytes,
    wav_bytes,
)
from hf_inference_tools.tools import TOOL_CLASSES
from tests.conftest import BASE, TOKEN
from tests.media_samples import flac_bytes
from tests.tool_calls import call_tool

PNG = png_bytes()
PNG_B64 = base64.b64encode(PNG).decode("ascii")
PNG_URI = data_uri(PNG, "image/png")
WAV = wav_bytes()
WAV_URI = data_uri(WAV, "audio/wav")
FLAC = flac_bytes(1.5, 22050)

WINE = [["fixed_acidity", "alcohol", "pH"], ["7.4", "9.4", "3.51"], ["10.3", "12.6", "3.23"]]
WINE_COLUMNS = {
    "fixed_acidity": ["7.4", "10.3"],
    "alcohol": ["9.4", "12.6"],
    "pH": ["3.51", "3.23"],
}
FISH = [["Species", "Length1", "Height"], ["Bream", "23.2", "11.52"], ["Bream", "24", "12.48"]]
FISH_COLUMNS = {
    "Species": ["Bream", "Bream"],
    "Length1": ["23.2", "24"],
    "Height": ["11.52", "12.48"],
}

CAPTION = "a woman in a hat and dress posing for a photo"
VQA = [{"score": 0.9386942982673645, "answer": "woman"}, {"score": 0.3489, "answer": "girl"}]
LAYOUTLM = [{"score": 0.4251, "answer": "us-001", "start": 15, "end": 15}]
DONUT = {"answer": "us-001", "score": None, "start": None, "end": None}
SIMILAR = {"source_sentence": "That is a happy person", "sentences": ["A happy dog", "A sunny day"]}
CLIP = [{"score": 0.9786421656608582, "label": "cat"}, {"score": 0.0214, "label": "dog"}]


def _url(task: str, suffix: str = "") -> str:
    return f"/models/{DEFAULT_MODELS[task]}{suffix}"


@dataclass(frozen=True, kw_only=True)
class Case:
    """One tool call: what the tool must send and what the API answers."""

    id: str
    task: str
    args: dict[str, Any]
    answer: Any
    body: Any = None
    raw: bytes | None = None
    content_type: str = "application/json"
    accept: str = "*/*"  # httpx's default: only image answers ask for a type
    route: str = ""


@dataclass(frozen=True, kw_only=True)
class JsonCase(Case):
    result: Any
    """What the LLM reads and the artifact keeps: the normalised result."""


@dataclass(frozen=True, kw_only=True)
class MediaCase(Case):
    answer_type: str
    summary: dict[str, Any]
    """What the LLM reads besides the saved path."""


def _assert_request(request: httpx.Request, case: Case) -> None:
    assert str(request.url) == BASE + _url(case.task, case.route)
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["content-type"] == case.content_type
    assert request.headers["accept"] == case.accept
    if case.raw is not None:
        assert request.content == case.raw
    else:
        assert json.loads(request.content) == case.body


CASES = [
    JsonCase(
        id="image_to_text__list_is_unwrapped",
        task="image_to_text",
        args={"data": PNG_URI},
        answer=[{"generated_text": CAPTION}],
        result={"generated_text": CAPTION},
        raw=PNG,
        content_type="image/png",
    ),
    JsonCase(
        id="image_to_text__bare_object_with_parameters_as_base64_json",
        task="image_to_text",
        args={"data": PNG_URI, "parameters": {"max_new_tokens": 20}},
        answer={"generated_text": CAPTION},
        result={"generated_text": CAPTION},
        body={"inputs": PNG_B64, "parameters": {"max_new_tokens": 20}},
    ),
    JsonCase(
        id="visual_question_answering__json_even_without_parameters",
        task="visual_question_answering",
        args={"data": PNG_URI, "inputs": {"question": "Who is in the picture?"}},
        answer=VQA,
        result=VQA,
        body={"inputs": {"image": PNG_B64, "question": "Who is in the picture?"}},
    ),
    JsonCase(
        id="visual_question_answering__lone_answer_becomes_a_list",
        task="visual_question_answering",
        args={"data": PNG_URI, "inputs": {"question": "Who?"}, "parameters": {"top_k": 1}},
        answer=VQA[0],
        result=VQA[:1],
        body={"inputs": {"image": PNG_B64, "question": "Who?"}, "parameters": {"top_k": 1}},
    ),
    JsonCase(
        id="document_question_answering__extractive_answers_with_positions",
        task="document_question_answering",
        args={
            "data": PNG_URI,
            "inputs": {"question": "Invoice number?"},
            "parameters": {"lang": "eng"},
        },
        answer=LAYOUTLM,
        result=LAYOUTLM,
        body={
            "inputs": {"image": PNG_B64, "question": "Invoice number?"},
            "parameters": {"lang": "eng"},
        },
    ),
    JsonCase(
        id="document_question_answering__generative_answer_without_score",
        task="document_question_answering",
        args={"data": PNG_URI, "inputs": {"question": "Invoice number?"}},
        answer=[{"answer": "us-001"}],
        result=[DONUT],
        body={"inputs": {"image": PNG_B64, "question": "Invoice number?"}},
    ),
    JsonCase(
        id="document_question_answering__lone_answer_becomes_a_list",
        task="document_question_answering",
        args={"data": PNG_URI, "inputs": {"question": "Invoice number?"}},
        answer=LAYOUTLM[0],
        result=LAYOUTLM,
        body={"inputs": {"image": PNG_B64, "question": "Invoice number?"}},
    ),
    JsonCase(
        id="sentence_similarity__task_route_and_nested_inputs",
        task="sentence_similarity",
        args={"inputs": SIMILAR},
        answer=[0.6945773363113403, 0.2568760812282562],
        result=[0.6945773363113403, 0.2568760812282562],
        body={"inputs": SIMILAR},
        route="/pipeline/sentence-similarity",
    ),
    JsonCase(
        id="zero_shot_image_classification__image_as_base64_inputs",
        task="zero_shot_image_classification",
        args={"data": PNG_URI, "parameters": {"candidate_labels": ["cat", "dog"]}},
        answer=CLIP,
        result=CLIP,
        body={"inputs": PNG_B64, "parameters": {"candidate_labels": ["cat", "dog"]}},
    ),
    JsonCase(
        id="zero_shot_image_classification__hypothesis_template_is_sent",
        task="zero_shot_image_classification",
        args={
            "data": PNG_URI,
            "parameters": {"candidate_labels": ["cat", "dog"], "hypothesis_template": "A {}."},
        },
        answer=CLIP,
        result=CLIP,
        body={
            "inputs": PNG_B64,
            "parameters": {"candidate_labels": ["cat", "dog"], "hypothesis_template": "A {}."},
        },
    ),
    JsonCase(
        id="tabular_classification__rows_become_columns_numeric_classes",
        task="tabular_classification",
        args={"inputs": {"data": WINE}},
        answer=[5, 7],
        result=[5, 7],
        body={"inputs": {"data": WINE_COLUMNS}},
    ),
    JsonCase(
        id="tabular_classification__named_classes",
        task="tabular_classification",
        args={"inputs": {"data": WINE}},
        answer=["good", "excellent"],
        result=["good", "excellent"],
        body={"inputs": {"data": WINE_COLUMNS}},
    ),
    JsonCase(
        id="tabular_regression__rows_become_columns",
        task="tabular_regression",
        args={"inputs": {"data": FISH}},
        answer=[270.5473526976245, 313.6843425638086],
        result=[270.5473526976245, 313.6843425638086],
        body={"inputs": {"data": FISH_COLUMNS}},
    ),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_tool__exact_request_and_normalised_result(
    case: JsonCase, mode: str, router: respx.MockRouter
) -> None:
    route = router.post(_url(case.task, case.route)).respond(json=case.answer)
    tool = TOOL_CLASSES[case.task](client=HfInference(provider="hf-inference", token=TOKEN))
    msg = call_tool(tool, case.args, mode)
    _assert_request(route.calls.last.request, case)
    assert msg.status == "success", msg.content
    assert json.loads(str(msg.content)) == case.result
    assert msg.artifact == {
        "task": tool.spec.seed_name,
        "model": tool.model,
        "provider": "hf-inference",
        "result": case.result,
    }


# -- media answers: text_to_speech and image_to_image ----------------------------------------


MEDIA_CASES = [
    MediaCase(
        id="text_to_speech__flac_as_recorded",
        task="text_to_speech",
        args={"inputs": "Your order has shipped."},
        answer=FLAC,
        answer_type="audio/flac",
        summary={"mime_type": "audio/flac", "bytes": len(FLAC), "duration_s": 1.5},
        body={"inputs": "Your order has shipped."},
    ),
    MediaCase(
        id="text_to_speech__wav_with_parameters",
        task="text_to_speech",
        args={"inputs": "Hi", "parameters": {"do_sample": True, "temperature": 0.7}},
        answer=WAV,
        answer_type="audio/wav",
        summary={"mime_type": "audio/wav", "bytes": len(WAV), "duration_s": 0.25},
        body={"inputs": "Hi", "parameters": {"do_sample": True, "temperature": 0.7}},
    ),
    MediaCase(
        id="image_to_image__raw_image_without_parameters",
        task="image_to_image",
        args={"data": PNG_URI},
        answer=png_bytes(32, 16),
        answer_type="image/png",
        summary={
            "mime_type": "image/png",
            "bytes": len(png_bytes(32, 16)),
            "width": 32,
            "height": 16,
        },
        raw=PNG,
        content_type="image/png",
        accept="image/png",
    ),
    MediaCase(
        id="image_to_image__base64_json_with_parameters",
        task="image_to_image",
        args={
            "data": PNG_URI,
            "parameters": {"prompt": "watercolor", "target_size": {"width": 512, "height": 256}},
        },
        answer=png_bytes(512, 256),
        answer_type="image/jpeg",  # servers label PNGs as JPEG at times; the bytes decide
        summary={
            "mime_type": "image/png",
            "bytes": len(png_bytes(512, 256)),
            "width": 512,
            "height": 256,
        },
        body={
            "inputs": PNG_B64,
            "parameters": {"prompt": "watercolor", "target_size": {"width": 512, "height": 256}},
        },
        accept="image/png",
    ),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", MEDIA_CASES, ids=[c.id for c in MEDIA_CASES])
def test_media_tool__saved_and_described(
    case: MediaCase, mode: str, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = router.post(_url(case.task)).respond(
        content=case.answer, headers={"content-type": case.answer_type}
    )
    tool = TOOL_CLASSES[case.task](
        client=HfInference(provider="hf-inference", token=TOKEN),
        media_root=tmp_path,
        output_dir=tmp_path / "out",
    )
    msg = call_tool(tool, case.args, mode)
    _assert_request(route.calls.last.request, case)
    assert msg.status == "success", msg.content
    content = json.loads(str(msg.content))
    path = content.pop("path")
    assert content == case.summary
    assert path.startswith(f"out/{case.task}-")
    assert (tmp_path / path).read_bytes() == case.answer
    assert msg.artifact == {
        "task": tool.spec.seed_name,
        "model": tool.model,
        "provider": "hf-inference",
        "result": {"path": path, **case.summary},
        "mime_type": case.summary["mime_type"],
        "data": case.answer,
        "path": str((tmp_path / path).resolve()),
    }


@pytest.mark.parametrize(
    ("task", "args", "answer", "complaint"),
    [
        (
            "text_to_speech",
            {"inputs": "Hi"},
            {"error": "Model is overloaded"},
            "Model is overloaded",
        ),
        ("text_to_speech", {"inputs": "Hi"}, b"", "got an empty body"),
        ("image_to_image", {"data": PNG_URI}, [{"generated_text": "a cat"}], "got JSON"),
    ],
    ids=["tts_json_error", "tts_empty", "image_to_image_json"],
)
def test_media_tool__answer_without_media_is_an_output_error(
    task: str, args: dict[str, Any], answer: Any, complaint: str, router: respx.MockRouter
) -> None:
    reply = {"content": answer} if isinstance(answer, bytes) else {"json": answer}
    router.post(_url(task)).respond(**reply)
    msg = call_tool(
        TOOL_CLASSES[task](client=HfInference(provider="hf-inference", token=TOKEN)), args, "sync"
    )
    assert msg.status == "error"
    assert f"not with a {task.replace('_', '-')} result" in str(msg.content)
    assert complaint in str(msg.content)


# -- audio_to_audio: every output decoded, saved, described ----------------------------------


def _separated() -> list[dict[str, str]]:
    return [
        {"label": "label_0", "blob": base64.b64encode(FLAC).decode(), "content-type": "audio/flac"},
        {"label": "label_1", "blob": base64.b64encode(WAV).decode(), "content-type": "audio/wav"},
    ]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_audio_to_audio__outputs_saved_and_described(
    mode: str, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = router.post(_url("audio_to_audio")).respond(json=_separated())
    tool = TOOL_CLASSES["audio_to_audio"](
        client=HfInference(provider="hf-inference", token=TOKEN),
        media_root=tmp_path,
        output_dir=tmp_path / "out",
    )
    msg = call_tool(tool, {"data": WAV_URI}, mode)
    request = route.calls.last.request
    assert request.headers["content-type"] == "audio/wav"
    assert request.content == WAV
    assert msg.status == "success", msg.content
    content = json.loads(str(msg.content))
    paths = [output.pop("path") for output in content]
    assert content == [
        {"label": "label_0", "mime_type": "audio/flac", "bytes": len(FLAC), "duration_s": 1.5},
        {"label": "label_1", "mime_type": "audio/wav", "bytes": len(WAV), "duration_s": 0.25},
    ]
    assert paths[0].startswith("out/audio_to_audio-label_0-") and paths[0].endswith(".flac")
    assert paths[1].startswith("out/audio_to_audio-label_1-") and paths[1].endswith(".wav")
    assert [(tmp_path / p).read_bytes() for p in paths] == [FLAC, WAV]
    # The artifact keeps the API's own shape, base64 blobs included; the LLM never sees them.
    assert msg.artifact == {
        "task": "audioToAudio",
        "model": tool.model,
        "provider": "hf-inference",
        "result": _separated(),
    }


def test_audio_to_audio__no_path_without_output_dir(router: respx.MockRouter) -> None:
    router.post(_url("audio_to_audio")).respond(json=_separated()[:1])
    tool = TOOL_CLASSES["audio_to_audio"](client=HfInference(provider="hf-inference", token=TOKEN))
    msg = call_tool(tool, {"data": WAV_URI}, "sync")
    assert json.loads(str(msg.content)) == [
        {"label": "label_0", "mime_type": "audio/flac", "bytes": len(FLAC), "duration_s": 1.5}
    ]


def test_audio_to_audio__blob_that_is_not_base64_is_an_output_error(
    router: respx.MockRouter,
) -> None:
    broken = [{"label": "label_0", "blob": "not base64!", "content-type": "audio/flac"}]
    router.post(_url("audio_to_audio")).respond(json=broken)
    msg = call_tool(
        TOOL_CLASSES["audio_to_audio"](client=HfInference(provider="hf-inference", token=TOKEN)),
        {"data": WAV_URI},
        "sync",
    )
    assert msg.status == "error"
    assert "not with a audio-to-audio result" in str(msg.content)


# -- arguments refused before any call --------------------------------------------------------


def test_rows_to_columns__header_names_each_column() -> None:
    assert rows_to_columns(WINE) == WINE_COLUMNS


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        ([], "a header row of column names and at least one data row"),
        ([["a", "b"]], "a header row of column names and at least one data row"),
        ([[], []], "names no column"),
        ([["a", " "], ["1", "2"]], "every column needs a non-empty name"),
        ([["a", "b", "a"], ["1", "2", "3"]], "column names must be unique; repeated: a"),
        ([["a", "b"], ["1", "2"], ["3"]], "row 3 has 1 values but the header names 2 columns"),
    ],
    ids=["empty", "header_only", "no_columns", "blank_name", "repeated_name", "short_row"],
)
def test_tabular__malformed_table_is_refused_with_the_reason(
    rows: list[list[str]], reason: str, router: respx.MockRouter
) -> None:
    with pytest.raises(ValueError, match=reason):
        rows_to_columns(rows)
    for task in ("tabular_classification", "tabular_regression"):
        tool = TOOL_CLASSES[task](client=HfInference(provider="hf-inference", token=TOKEN))
        msg = call_tool(tool, {"inputs": {"data": rows}}, "sync")
        assert msg.status == "error"
        assert "inputs.data" in str(msg.content) and reason in str(msg.content)
    assert not router.calls


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    ("task", "columns", "answer"),
    [
        ("tabular_classification", WINE_COLUMNS, [5, 7]),
        ("tabular_regression", FISH_COLUMNS, [270.5473526976245, 313.6843425638086]),
    ],
)
def test_tabular__client_takes_the_apis_column_map(
    task: str, columns: dict[str, list[str]], answer: list[Any], mode: str, router: respx.MockRouter
) -> None:
    route = router.post(_url(task)).respond(json=answer)
    with HfInference(provider="hf-inference", token=TOKEN) as hf:
        call = getattr(hf, task if mode == "sync" else f"a{task}")
        result = call(inputs={"data": columns})
        result = asyncio.run(result) if mode == "async" else result
    assert result == answer
    assert json.loads(route.calls.last.request.content) == {"inputs": {"data": columns}}


def test_tabular__column_map_cells_as_numbers_and_uneven_columns() -> None:
    # A DataFrame's columns come as numbers; cells are text on the wire either way.
    numeric = {"Length1": [23.2, 24], "Height": [11.52, 12.48]}
    args = TOOL_CLASSES["tabular_regression"].spec.input_model.model_validate(
        {"inputs": {"data": numeric}}
    )
    assert args.inputs.data == [["Length1", "Height"], ["23.2", "11.52"], ["24", "12.48"]]
    with pytest.raises(ValueError, match="every column needs the same number of cells"):
        HfInference(provider="hf-inference", token=TOKEN).tabular_classification(
            inputs={"data": {"alcohol": ["9.4", "12.6"], "pH": ["3.51"]}}
        )


@pytest.mark.parametrize("task", ["tabular_classification", "tabular_regression"])
def test_tabular__tool_schema_keeps_rows(task: str) -> None:
    tool = TOOL_CLASSES[task](client=HfInference(token=TOKEN))
    schema = convert_to_openai_tool(tool, strict=True)["function"]["parameters"]
    data = schema["properties"]["inputs"]["properties"]["data"]
    assert data["type"] == "array"
    assert data["items"] == {"type": "array", "items": {"type": "string"}}


def test_zero_shot_image_classification__one_label_is_refused(router: respx.MockRouter) -> None:
    tool = TOOL_CLASSES["zero_shot_image_classification"](
        client=HfInference(provider="hf-inference", token=TOKEN)
    )
    msg = call_tool(tool, {"data": PNG_URI, "parameters": {"candidate_labels": ["cat"]}}, "sync")
    assert msg.status == "error"
    assert "parameters.candidate_labels" in str(msg.content)
    assert not router.calls


# -- the client methods ------------------------------------------------------------------------


def _dumped(value: Any) -> Any:
    if isinstance(value, list):
        return [_dumped(v) for v in value]
    return value.model_dump(mode="json") if hasattr(value, "model_dump") else value


CLIENT_CALLS: list[tuple[str, dict[str, Any], Any]] = [
    ("image_to_text", {"data": PNG}, {"generated_text": CAPTION}),
    ("text_to_speech", {"inputs": "Hello!"}, wav_bytes(0.5)),
    (
        "visual_question_answering",
        {"data": PNG, "inputs": {"question": "Who is in the picture?"}},
        ["woman", "girl", "lady"],
    ),
    (
        "document_question_answering",
        {"data": PNG, "inputs": {"question": "What is the invoice number?"}},
        [{"answer": "us-001", "score": None, "start": None, "end": None}],
    ),
    (
        "sentence_similarity",
        {"inputs": {"source_sentence": "a red fox", "sentences": ["a fox", "a red fox", "tea"]}},
        [0.55, 0.95, 0.15],  # the stand-in scores shared words
    ),
    (
        "zero_shot_image_classification",
        {"data": PNG, "parameters": {"candidate_labels": ["cat", "dog", "llama"]}},
        ["cat", "dog", "llama"],
    ),
    (
        "image_to_image",
        {"data": PNG, "parameters": {"prompt": "x"}},
        ((64, 64), "x"),  # the stand-in's picture of the prompt
    ),
    ("audio_to_audio", {"data": WAV}, [wav_bytes(0.25, hz=440.0), wav_bytes(0.25, hz=660.0)]),
    ("tabular_classification", {"inputs": {"data": WINE}}, [5, 5]),  # one per row
    ("tabular_regression", {"inputs": {"data": FISH}}, [270.5473526976245, 313.6843425638086]),
]


def _essence(method: str, result: Any) -> Any:
    """What a call's typed result says, in the terms CLIENT_CALLS states it."""
    if method in ("visual_question_answering", "zero_shot_image_classification"):
        key = "answer" if method == "visual_question_answering" else "label"
        return [getattr(item, key) for item in result]
    if method == "image_to_image":
        return imagesize.get(io.BytesIO(result)), describe_png(result)
    if method == "audio_to_audio":
        assert {item.content_type for item in result} == {"audio/wav"}
        return [item.blob for item in result]
    return _dumped(result)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    ("method", "kwargs", "expected"), CLIENT_CALLS, ids=[c[0] for c in CLIENT_CALLS]
)
def test_client_method__typed_result(
    method: str, kwargs: dict[str, Any], expected: Any, mode: str
) -> None:
    with HfInferenceMock() as mock, HfInference() as hf:
        if mode == "sync":
            result = getattr(hf, method)(**kwargs)
        else:
            result = asyncio.run(getattr(hf, f"a{method}")(**kwargs))
    assert _essence(method, result) == expected
    assert len(mock.calls_for(method)) == 1
