"""The offline stand-in as a test author meets it: any model, registered endpoints, every call
recorded, a call it cannot answer failing the test, and answers shaped by the request."""

from __future__ import annotations

import base64
import contextlib
import io
import json
from typing import Any

import httpx
import imagesize
import pytest
from langchain.agents import create_agent
from langchain_core.messages import AIMessage

from hf_inference_tools import HfInference, HfInferenceToolkit, TextClassificationTool
from hf_inference_tools.testing import (
    SAMPLES,
    HfInferenceMock,
    ScriptedChatModel,
    UnansweredCallError,
    ask,
    data_uri,
    describe_png,
    png_bytes,
)
from hf_inference_tools.tools import TOOL_CLASSES

pytest_plugins = ["pytester"]

BASE = "https://router.huggingface.co/hf-inference"
ENDPOINT = "https://my-sentiment.us-east-1.aws.endpoints.huggingface.cloud"


def tool_for(name: str, **kwargs: Any) -> Any:
    return TOOL_CLASSES[name](client=HfInference(), **kwargs)


# -- any model, endpoints, every call recorded -------------------------------------------------


def test_mock__answers_a_model_the_toolkit_chose() -> None:
    with HfInferenceMock() as mock:
        toolkit = HfInferenceToolkit(
            tasks=["text_classification", "summarization"],
            models={"text_classification": "my-org/sentiment", "summarization": "my-org/sum"},
        )
        classify, summarize = toolkit.get_tools()
        labels = json.loads(classify.invoke({"inputs": "I love it"}))
        summary = json.loads(summarize.invoke({"inputs": "One. Two."}))
    assert labels[0]["label"] == "POSITIVE"
    assert summary["summary_text"].startswith("One.")
    assert [(c.task, c.model, c.status) for c in mock.calls] == [
        ("text_classification", "my-org/sentiment", 200),
        ("summarization", "my-org/sum", 200),
    ]


async def test_mock__answers_a_chosen_model_async() -> None:
    with HfInferenceMock() as mock:
        async with HfInference() as hf:
            tool = TextClassificationTool(client=hf, model="my-org/sentiment")
            content = await tool.ainvoke({"inputs": "great"})
    assert json.loads(content)[0]["label"] == "POSITIVE"
    assert mock.calls_for("text_classification")[0].model == "my-org/sentiment"


def test_mock__respond_for_one_model_registers_it() -> None:
    with HfInferenceMock() as mock:
        mock.respond("text_classification", json=[[{"label": "SPAM", "score": 0.8}]], model="a/b")
        chosen = tool_for("text_classification", model="a/b").invoke({"inputs": "x"})
        default = tool_for("text_classification").invoke({"inputs": "x"})
        # A raw request names no task: the model's registration is what answers it.
        raw = httpx.post(f"{BASE}/models/a/b", json={"inputs": "x"})
    assert json.loads(chosen) == [{"label": "SPAM", "score": 0.8}]
    assert json.loads(default)[0]["label"] == "POSITIVE"
    assert raw.json() == [[{"label": "SPAM", "score": 0.8}]]
    assert mock.models["a/b"] == "text_classification"


def test_mock__an_unregistered_endpoint_fails_loudly_and_is_recorded() -> None:
    with HfInferenceMock() as mock:
        tool = TextClassificationTool(client=HfInference(endpoint_url=ENDPOINT))
        assert tool.handle_tool_error  # an API error would be a message; this is not one
        with pytest.raises(UnansweredCallError, match=r"add_endpoint\('https://my-sentiment"):
            tool.invoke({"inputs": "x"})
        (refused,) = mock.calls
        assert refused.status is None and refused.task == "text_classification"
        assert refused.refused is not None and "add_endpoint" in refused.refused
        assert mock.unanswered == [refused]

        mock.add_endpoint(ENDPOINT)
        content = tool.invoke({"inputs": "x"})
        mock.calls.clear()  # the test has seen the refusal: let the exit check pass
    assert json.loads(content)[0]["label"] == "POSITIVE"


def test_mock__a_raw_request_for_an_unknown_model_names_add_model() -> None:
    with HfInferenceMock() as mock:
        with pytest.raises(UnansweredCallError, match=r"add_model\('x/y', TASK\)"):
            httpx.post(f"{BASE}/models/x/y", json={"inputs": "hi"})
        assert mock.calls[0].task is None
        mock.calls.clear()
        mock.add_model("x/y", "fill_mask")
        answered = httpx.post(f"{BASE}/models/x/y", json={"inputs": "Paris is the [MASK]."})
    assert answered.json()[0]["sequence"].startswith("paris is the ")


def test_mock__an_agent_run_fails_when_a_call_cannot_be_answered() -> None:
    llm = ScriptedChatModel(turns=[ask("text_classification", inputs="x"), AIMessage("done")])
    with HfInferenceMock() as mock:
        tools = HfInferenceToolkit(endpoint_url=ENDPOINT, tasks=["text_classification"])
        agent = create_agent(llm, tools=tools.get_tools())
        with pytest.raises(UnansweredCallError):
            agent.invoke({"messages": [{"role": "user", "content": "x"}]})
        assert len(mock.unanswered) == 1
        mock.calls.clear()


def test_mock__a_swallowed_refusal_still_fails_on_exit() -> None:
    mock = HfInferenceMock()
    mock.start()
    tool = TextClassificationTool(client=HfInference(endpoint_url=ENDPOINT))
    with contextlib.suppress(UnansweredCallError):  # code under test that catches everything
        tool.invoke({"inputs": "x"})
    with pytest.raises(UnansweredCallError, match=r"1 call\(s\) went unanswered"):
        mock.__exit__(None, None, None)


def test_mock__other_hosts_are_left_to_respx() -> None:
    with HfInferenceMock() as mock, pytest.raises(AssertionError, match="not mocked"):
        httpx.get("https://example.com/")
    assert mock.calls == []


def test_mock__unknown_task_names_are_refused_at_setup() -> None:
    mock = HfInferenceMock()
    with pytest.raises(ValueError, match="Unknown task 'text-classification'"):
        mock.respond("text-classification", json=[])
    with pytest.raises(ValueError, match="use a tool name"):
        mock.add_model("a/b", "sentiment")


USER_TESTS = """
import pytest
from hf_inference_tools import HfInference, TextClassificationTool

ENDPOINT = "https://my-endpoint.example"


def test_caught_refusal(hf_inference_mock):
    tool = TextClassificationTool(client=HfInference(endpoint_url=ENDPOINT))
    try:
        tool.invoke({"inputs": "x"})
    except Exception:
        pass


def test_refusal_raised(hf_inference_mock):
    TextClassificationTool(client=HfInference(endpoint_url=ENDPOINT)).invoke({"inputs": "x"})


def test_registered_endpoint(hf_inference_mock):
    hf_inference_mock.add_endpoint(ENDPOINT)
    tool = TextClassificationTool(client=HfInference(endpoint_url=ENDPOINT))
    assert "POSITIVE" in tool.invoke({"inputs": "x"})
"""


def test_fixture__a_refused_call_fails_the_test_once(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider")
    # The caught refusal fails at teardown; the raised one fails the test, not also its teardown.
    result.assert_outcomes(passed=2, errors=1, failed=1)
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_caught_refusal*"])
    result.stdout.fnmatch_lines(["*hf_inference_mock: HfInferenceMock cannot answer POST*"])


# -- answers shaped by the request ---------------------------------------------------------------


def run(name: str, args: dict[str, Any]) -> Any:
    with HfInferenceMock():
        return json.loads(tool_for(name).invoke(args))


def test_shapes__zero_shot_scores_the_labels_offered() -> None:
    labels = ["billing", "shipping delay", "praise"]
    text = "My parcel is late: the shipping delay is a week now."
    (result,) = run(
        "zero_shot_classification", {"inputs": text, "parameters": {"candidate_labels": labels}}
    )
    assert sorted(result["labels"]) == sorted(labels)
    assert result["labels"][0] == "shipping delay"
    assert result["scores"] == sorted(result["scores"], reverse=True)
    assert sum(result["scores"]) == pytest.approx(1.0, abs=1e-4)


def test_shapes__zero_shot_image_scores_the_labels_offered() -> None:
    args = {
        "data": data_uri(png_bytes(), "image/png"),
        "parameters": {"candidate_labels": ["x", "y"]},
    }
    result = run("zero_shot_image_classification", args)
    assert sorted(r["label"] for r in result) == ["x", "y"]


@pytest.mark.parametrize(
    ("question", "context", "answer"),
    [
        ("What is the capital of France?", "The capital of France is Paris.", "Paris"),
        ("Who wrote it?", "It was written by Mary Shelley in 1818.", "Mary Shelley"),
    ],
)
def test_shapes__question_answer_is_a_span_of_the_context(
    question: str, context: str, answer: str
) -> None:
    result = run("question_answer", {"inputs": {"question": question, "context": context}})
    assert result["answer"] == context[result["start"] : result["end"]]
    assert result["answer"] == answer


@pytest.mark.parametrize(
    ("model", "args", "language"),
    [
        ("google-t5/t5-small", {"inputs": "translate English to French: Good night"}, "French"),
        (
            "facebook/mbart-large-50-many-to-many-mmt",
            {"inputs": "Good night", "parameters": {"src_lang": "en_XX", "tgt_lang": "fr_XX"}},
            "French",
        ),
        ("Helsinki-NLP/opus-mt-en-es", {"inputs": "Good night"}, "Spanish"),
    ],
)
def test_shapes__translation_works_on_the_text_and_names_the_target(
    model: str, args: dict[str, Any], language: str
) -> None:
    with HfInferenceMock():
        result = json.loads(tool_for("translation", model=model).invoke(args))
    assert result["translation_text"] == f"[offline translation to {language}] Good night"


def test_shapes__summary_comes_from_the_text() -> None:
    text = SAMPLES["summarization"].args()["inputs"]
    result = run("summarization", {"inputs": text})
    assert result["summary_text"].startswith("The tower is 324 metres")
    assert text.startswith(result["summary_text"].rstrip("."))
    assert len(result["summary_text"]) < len(text)


def test_shapes__a_painted_picture_is_classified_and_captioned_by_its_prompt(tmp_path: Any) -> None:
    with HfInferenceMock():
        painter = tool_for("text_to_image", media_root=tmp_path, output_dir=tmp_path)
        painting = json.loads(painter.invoke({"inputs": "a lighthouse at dawn, oil painting"}))
        labels = json.loads(
            tool_for("image_classification", media_root=tmp_path).invoke({"data": painting["path"]})
        )
        caption = json.loads(
            tool_for("image_to_text", media_root=tmp_path).invoke({"data": painting["path"]})
        )
    assert (
        describe_png((tmp_path / painting["path"]).read_bytes())
        == "a lighthouse at dawn, oil painting"
    )
    assert labels[0]["label"] == "lighthouse"
    assert caption["generated_text"] == "a lighthouse at dawn"


def test_shapes__an_unknown_photo_keeps_the_sample_answer() -> None:
    result = run("image_classification", {"data": data_uri(png_bytes(), "image/png")})
    assert result == SAMPLES["image_classification"].body()


def test_shapes__similarity_has_one_score_per_sentence() -> None:
    inputs = {
        "source_sentence": "a happy dog",
        "sentences": ["a happy dog", "tax law", "dogs", "x"],
    }
    scores = run("sentence_similarity", {"inputs": inputs})
    assert len(scores) == 4 and scores[0] == max(scores) and scores[0] > scores[1]


@pytest.mark.parametrize("name", ["tabular_classification", "tabular_regression"])
def test_shapes__tabular_answers_one_value_per_row(name: str) -> None:
    rows = [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"], ["9", "10"]]
    assert len(run(name, {"inputs": {"data": rows}})) == 5


def test_shapes__entities_are_spans_of_the_text() -> None:
    text = "Yesterday Ada Lovelace met Charles Babbage in London."
    entities = run("token_classification", {"inputs": text})
    assert [e["word"] for e in entities] == ["Ada Lovelace", "Charles Babbage", "London"]
    assert all(text[e["start"] : e["end"]] == e["word"] for e in entities)


def test_shapes__fill_mask_fills_the_sentence_sent() -> None:
    result = run("fill_mask", {"inputs": "Rome is the [MASK] of Italy."})
    assert [r["sequence"] for r in result] == [
        "rome is the paris of italy.",
        "rome is the lille of italy.",
        "rome is the lyon of italy.",
    ]


def test_shapes__table_answer_is_a_cell_of_the_table() -> None:
    table = [["City", "Population"], ["Paris", "2100000"], ["Lyon", "520000"]]
    result = run(
        "table_question_answer",
        {"inputs": {"query": "What is the population of Lyon?", "table": table}},
    )
    assert result["answer"] == "520000" and result["coordinates"] == [[1, 1]]


def test_shapes__sentiment_follows_obvious_words() -> None:
    assert run("text_classification", {"inputs": "The battery died."})[0]["label"] == "NEGATIVE"
    assert run("text_classification", {"inputs": "Works perfectly."})[0]["label"] == "POSITIVE"


def test_shapes__embeddings_differ_by_text() -> None:
    first = run("feature_extraction", {"inputs": "one"})
    second = run("feature_extraction", {"inputs": "two"})
    assert first["shape"] == second["shape"] == [384]
    assert first["preview"] != second["preview"]


def test_shapes__a_painted_picture_keeps_any_prompt_and_the_size_asked() -> None:
    prompt = "un phare à l'aube, 灯台 🌅"
    with HfInferenceMock(), HfInference() as hf:
        data = hf.text_to_image(inputs=prompt, parameters={"width": 96, "height": 64})
    assert describe_png(data) == prompt
    assert imagesize.get(io.BytesIO(data)) == (96, 64)


def test_shapes__boxes_and_masks_fit_the_picture_sent(tmp_path: Any) -> None:
    picture = data_uri(png_bytes(40, 30), "image/png")
    boxes = run("object_detection", {"data": picture})
    assert all(0 <= b["box"]["xmin"] < b["box"]["xmax"] < 40 for b in boxes)
    assert all(0 <= b["box"]["ymin"] < b["box"]["ymax"] < 30 for b in boxes)
    with HfInferenceMock(), HfInference() as hf:
        segments = hf.image_segmentation(data=png_bytes(40, 30))
    assert [s.label for s in segments] == ["cat", "couch"]
    assert {imagesize.get(io.BytesIO(base64.b64decode(s.mask))) for s in segments} == {(40, 30)}
