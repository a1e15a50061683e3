"""What the LLM reads stays valid JSON within the limit, however long the answer (cut inside)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from hf_inference_tools import HfInference, TextGenerationTool
from hf_inference_tools.testing import SAMPLES, HfInferenceMock
from hf_inference_tools.tools import TOOL_CLASSES
from hf_inference_tools.tools._base import CONTENT_LIMIT
from hf_inference_tools.tools._content import fit_json
from tests.conftest import Invoke

# Binary data the task's parser decodes: repeating it would make an answer the task refuses.
ENCODED = {"mask", "blob", "content-type"}
LONG = 3 * CONTENT_LIMIT
MEDIA_OUT = sorted(name for name, tool in TOOL_CLASSES.items() if tool.spec.media_output)
JSON_OUT = sorted(set(TOOL_CLASSES) - set(MEDIA_OUT))


def _long_strings(value: Any, key: str | None = None) -> Any:
    """Every string (but encoded media) repeated to three times the limit."""
    if isinstance(value, str) and key not in ENCODED:
        return (value * (LONG // max(len(value), 1) + 1))[:LONG]
    if isinstance(value, list):
        return [_long_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _long_strings(v, k) for k, v in value.items()}
    return value


def _long_lists(value: Any, top: bool = True) -> Any:
    """Every list repeated to three times the limit in JSON, but the API's one-element wrapper
    around the answer to one input (`[{"summary_text": ...}]`), which stays one element."""
    if isinstance(value, list) and value:
        inner = [_long_lists(v, top=False) for v in value]
        if top and len(inner) == 1:
            return inner
        return inner * (LONG // len(json.dumps(inner)) + 1)
    if isinstance(value, dict):
        return {k: _long_lists(v, top=False) for k, v in value.items()}
    return value


INFLATE: dict[str, Callable[[Any], Any]] = {
    "long strings": _long_strings,
    "long lists": _long_lists,
}
# Each task with each way its answer can grow (a list of numbers has no string to lengthen).
CASES = [
    (task, how)
    for task in JSON_OUT
    for how, inflate in INFLATE.items()
    if inflate(SAMPLES[task].body()) != SAMPLES[task].body()
]


def test_every_task_is_covered() -> None:
    # The tasks answering media bytes render a fixed-size summary (path, type, size), which
    # has no string or list to grow; every other task's answer grows below.
    assert set(MEDIA_OUT) == {
        "image_to_image",
        "image_to_video",
        "text_to_image",
        "text_to_speech",
        "text_to_video",
    }
    assert {task for task, _ in CASES} == set(JSON_OUT)
    assert len(JSON_OUT) + len(MEDIA_OUT) == len(TOOL_CLASSES)


@pytest.mark.parametrize(("task", "how"), CASES)
async def test_every_task__content_over_the_limit_stays_json(
    task: str, how: str, invoke: Invoke
) -> None:
    sample = SAMPLES[task]
    answer = INFLATE[how](sample.body())
    assert len(json.dumps(answer)) > 2 * CONTENT_LIMIT  # far over the limit
    with HfInferenceMock() as mock, HfInference() as hf:
        mock.respond(task, json=answer)
        # Token events do not change what the LLM reads; one plain call keeps this quick.
        tool = TOOL_CLASSES[task](client=hf, stream_tokens=False)
        message = await invoke(tool, sample.args())

    assert message.status == "success", message.content
    content = str(message.content)
    assert len(content) <= CONTENT_LIMIT
    shown = json.loads(content)
    whole = fit_json(message.artifact["result"], 10**9)
    if len(whole) > CONTENT_LIMIT and tool.spec.to_content is None:
        assert "…[cut " in content  # the cut is marked inside the JSON
        assert type(shown) is type(message.artifact["result"])


# A gpt2 answer of 4.6 KB, as HF Inference gives it (a list of one generated text): over the
# limit by a few hundred characters, which used to cut the JSON itself.
GPT2_TEXT = (
    "The quick brown fox jumps over the lazy dog, and the dog, being lazy, does not mind. " * 55
)


async def test_gpt2_answer_just_over_the_limit(invoke: Invoke) -> None:
    assert 4400 < len(json.dumps([{"generated_text": GPT2_TEXT}])) < 4800
    with HfInferenceMock() as mock, HfInference() as hf:
        mock.respond("text_generation", json=[{"generated_text": GPT2_TEXT}])
        message = await invoke(TextGenerationTool(client=hf, stream_tokens=False), {"inputs": "x"})
    content = str(message.content)
    shown = json.loads(content)
    assert set(shown) == {"generated_text"}
    text = shown["generated_text"]
    cut = len(GPT2_TEXT) - text.index("…[cut ")
    assert text.endswith(f"…[cut {cut} chars]")
    assert GPT2_TEXT.startswith(text[: -len(f"…[cut {cut} chars]")])
    # Nearly the whole limit is used: the string gives up only what does not fit.
    assert CONTENT_LIMIT - 100 < len(content) <= CONTENT_LIMIT
    assert message.artifact["result"]["generated_text"] == GPT2_TEXT


# -- fit_json itself ----------------------------------------------------------------------------


def _nested(depth: int) -> Any:
    value: Any = "leaf"
    for level in range(depth):
        value = [value, "x" * 300, {f"key {level} " + "k" * 60: list(range(50))}]
    return value


def _deep(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value]
    return value


SHAPES: dict[str, Any] = {
    "one long string": {"generated_text": "word " * 5000},
    "a wide list": list(range(100_000)),
    "many long strings in a list": [{"label": "x" * 5000, "score": 0.5}] * 1000,
    "many long keys": {f"k{i:05d}" + "y" * 3000: i for i in range(2000)},
    "escapes that grow when encoded": {"text": '\x00"\\' * 5000},
    "deep and wide": _nested(40),
    "deeper than Python recurses": _deep(100_000),
    "a list of lists of lists": [[[i, j, "z" * 100] for j in range(200)] for i in range(200)],
}


@pytest.mark.parametrize("limit", [CONTENT_LIMIT, 500])
@pytest.mark.parametrize("shape", SHAPES)
def test_fit_json__always_valid_and_within_the_limit(shape: str, limit: int) -> None:
    text = fit_json(SHAPES[shape], limit)
    assert len(text) <= limit
    json.loads(text)
    assert "…[cut" in text


def test_fit_json__every_long_part_gives_up_its_share() -> None:
    value = {"numbers": list(range(3000)), "note": "short", "texts": ["z" * 10_000] * 3}
    shown = json.loads(fit_json(value, CONTENT_LIMIT))
    assert shown["note"] == "short"  # kept whole: it was not what was long
    assert shown["numbers"][:3] == [0, 1, 2]
    assert shown["numbers"][-1] == f"…[cut {3000 - len(shown['numbers']) + 1} items]"
    assert len(shown["texts"]) == 3
    assert all(t.startswith("zzz") and t.endswith(" chars]") for t in shown["texts"])


def test_fit_json__objects_with_many_keys_say_how_many_were_cut() -> None:
    shown = json.loads(fit_json({f"key{i}": "v" * 50 for i in range(1000)}, CONTENT_LIMIT))
    assert shown["key0"] == "v" * 50
    assert shown["…"] == f"[cut {1000 - len(shown) + 1} keys]"


@pytest.mark.parametrize(
    "value",
    [{"a": 1, "b": [1.5, None, True], "c": "é ✓"}, [], "", "x" * CONTENT_LIMIT],
    ids=["object", "empty list", "empty string", "a string that fits exactly"],
)
def test_fit_json__what_fits_is_left_alone(value: Any) -> None:
    text = fit_json(value, CONTENT_LIMIT + 2)
    assert text == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_fit_json__too_small_a_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="limit must be at least"):
        fit_json("x" * 100, 20)
