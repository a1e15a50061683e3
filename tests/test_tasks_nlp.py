"""The language tasks: requests as today's API reads them, answers in the seed's shapes.

One table of cases drives the pure build/parse tests and the tests through the tools (sync and
async, over respx). Each case is one answer variant the server is known to send.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import respx
from pydantic import ValidationError

from hf_inference_tools import (
    HfInference,
    OutputError,
    QuestionAnswerReturnValue,
    SummarizationArgs,
    TableQuestionAnswerInputs,
    TranslationArgs,
    ZeroShotClassificationArgs,
)
from hf_inference_tools._http.transport import ApiResponse
from hf_inference_tools.tasks import TASKS, BuildContext
from hf_inference_tools.testing import SAMPLES
from hf_inference_tools.tools import TOOL_CLASSES
from tests.conftest import BASE, TOKEN
from tests.tool_calls import acall_tool

NLP_TASKS = [
    "fill_mask",
    "question_answer",
    "summarization",
    "table_question_answer",
    "token_classification",
    "translation",
    "zero_shot_classification",
]
BART_MNLI = TASKS["zero_shot_classification"].default_model
TAPAS = TASKS["table_question_answer"].default_model

QA_INPUTS = {
    "question": "What is the capital of France?",
    "context": "The capital of France is Paris.",
}
PARIS = {"score": 0.9703431725502014, "start": 25, "end": 30, "answer": "Paris"}
WHOLE = {"score": 0.0143, "start": 0, "end": 30, "answer": "The capital of France is Paris"}
NER_TEXT = "My name is Sarah Jessica Parker but you can call me Jessica"
SARAH = {
    "entity_group": "PER",
    "score": 0.9991335868835449,
    "word": "Sarah Jessica Parker",
    "start": 11,
    "end": 31,
}
GALILEAN = "A new model offers an explanation for how the Galilean satellites formed."
LABELS = ["scientific discovery", "space & cosmos", "robots"]
SCORES = [0.796166181564331, 0.18570725619792938, 0.004559362772852182]
REPOS = [
    ["Repository", "Stars", "Contributors"],
    ["Transformers", "36542", "651"],
    ["Datasets", "4512", "77"],
]
REPO_COLUMNS = {
    "Repository": ["Transformers", "Datasets"],
    "Stars": ["36542", "4512"],
    "Contributors": ["651", "77"],
}
STARS_QUERY = "How many stars does the transformers repository have?"
TAPAS_ANSWER = {
    "answer": "AVERAGE > 36542",
    "coordinates": [[0, 1]],
    "cells": ["36542"],
    "aggregator": "AVERAGE",
}
CAPITAL = {
    "score": 0.61,
    "token": 3007,
    "token_str": "capital",
    "sequence": "the capital of france is [MASK].",
}
PARIS_TOKEN = {
    "score": 0.32,
    "token": 3000,
    "token_str": "paris",
    "sequence": "the [MASK] of france is paris.",
}


@dataclass(frozen=True)
class Case:
    """Tool arguments and a server answer; the body they must send and the normalised result."""

    id: str
    task: str
    args: dict[str, Any]
    answer: Any
    result: Any = None
    """None: the answer as it is."""
    sent: dict[str, Any] | None = None
    """None: the arguments as they are."""

    @property
    def body(self) -> dict[str, Any]:
        return self.args if self.sent is None else self.sent

    @property
    def expected(self) -> Any:
        return self.answer if self.result is None else self.result


CASES = [
    Case(
        "fill_mask__top_k_and_targets",
        "fill_mask",
        {
            "inputs": "Paris is the [MASK] of France.",
            "parameters": {"top_k": 1, "targets": ["capital"]},
        },
        answer=[{**CAPITAL, "score": 0.997, "sequence": "paris is the capital of france."}],
    ),
    Case(
        "fill_mask__one_list_per_mask_is_flattened",
        "fill_mask",
        {"inputs": "The [MASK] of France is [MASK]."},
        answer=[[CAPITAL], [PARIS_TOKEN]],
        result=[CAPITAL, PARIS_TOKEN],
    ),
    Case("question_answer__object", "question_answer", {"inputs": QA_INPUTS}, answer=PARIS),
    Case(
        "question_answer__top_k_gives_a_list",
        "question_answer",
        {"inputs": QA_INPUTS, "parameters": {"top_k": 2, "max_answer_len": 30}},
        answer=[PARIS, WHOLE],
    ),
    Case(
        "question_answer__list_of_one_is_the_object",
        "question_answer",
        {"inputs": QA_INPUTS, "parameters": {"handle_impossible_answer": True}},
        answer=[PARIS],
        result=PARIS,
    ),
    Case(
        "summarization__list_and_flat_generation_parameters",
        "summarization",
        {
            "inputs": "The tower is 324 metres tall. It was finished in 1889.",
            "parameters": {
                "max_length": 20,
                "min_length": 5,
                "do_sample": False,
                "truncation": "longest_first",
            },
        },
        answer=[{"summary_text": " The tower is 324 metres tall ."}],
        result={"summary_text": " The tower is 324 metres tall ."},
    ),
    Case(
        "summarization__object",
        "summarization",
        {"inputs": "The tower is 324 metres tall."},
        answer={"summary_text": "The tower is tall."},
    ),
    Case(
        "translation__list",
        "translation",
        {"inputs": "Hello world"},
        answer=[{"translation_text": "Hallo Welt"}],
        result={"translation_text": "Hallo Welt"},
    ),
    Case(
        "translation__object_and_languages",
        "translation",
        {"inputs": "Hello world", "parameters": {"src_lang": "en_XX", "tgt_lang": "fr_XX"}},
        answer={"translation_text": "Bonjour le monde"},
    ),
    Case(
        "token_classification__entity_group",
        "token_classification",
        {
            "inputs": NER_TEXT,
            "parameters": {"aggregation_strategy": "simple", "ignore_labels": ["O", "MISC"]},
        },
        answer=[SARAH],
    ),
    Case(
        "token_classification__entity_becomes_entity_group",
        "token_classification",
        {"inputs": NER_TEXT, "parameters": {"aggregation_strategy": "none"}},
        answer=[
            {"entity": "I-PER", "score": 0.99, "index": 4, "word": "Sarah", "start": 11, "end": 16}
        ],
        result=[
            {
                "entity_group": "I-PER",
                "score": 0.99,
                "index": 4,
                "word": "Sarah",
                "start": 11,
                "end": 16,
            }
        ],
    ),
    Case(
        "zero_shot__legacy_shape_is_the_seeds",
        "zero_shot_classification",
        {"inputs": GALILEAN, "parameters": {"candidate_labels": LABELS}},
        answer={"sequence": GALILEAN, "labels": LABELS, "scores": SCORES},
        result=[{"sequence": GALILEAN, "labels": LABELS, "scores": SCORES}],
    ),
    Case(
        "zero_shot__legacy_list_of_one",
        "zero_shot_classification",
        {"inputs": GALILEAN, "parameters": {"candidate_labels": LABELS, "multi_label": True}},
        answer=[{"sequence": GALILEAN, "labels": LABELS, "scores": SCORES}],
    ),
    Case(
        "zero_shot__label_score_shape_is_normalised",
        "zero_shot_classification",
        {
            "inputs": GALILEAN,
            "parameters": {"candidate_labels": LABELS, "hypothesis_template": "About {}."},
        },
        answer=[
            {"label": label, "score": score} for label, score in zip(LABELS, SCORES, strict=True)
        ],
        result=[{"sequence": GALILEAN, "labels": LABELS, "scores": SCORES}],
    ),
    Case(
        "table_question_answer__rows_are_sent_as_columns",
        "table_question_answer",
        {"inputs": {"query": STARS_QUERY, "table": REPOS}, "parameters": {"truncation": True}},
        answer=TAPAS_ANSWER,
        sent={
            "inputs": {"query": STARS_QUERY, "table": REPO_COLUMNS},
            "parameters": {"truncation": True},
        },
    ),
    Case(
        "table_question_answer__answer_only_model",
        "table_question_answer",
        {"inputs": {"query": STARS_QUERY, "table": REPOS}},
        answer=[{"answer": " 36542"}],
        result={"answer": " 36542", "coordinates": [], "cells": [], "aggregator": "NONE"},
        sent={"inputs": {"query": STARS_QUERY, "table": REPO_COLUMNS}},
    ),
]
CASE_PARAMS = [pytest.param(case, id=case.id) for case in CASES]


def _plain(result: Any) -> Any:
    if isinstance(result, list):
        return [_plain(r) for r in result]
    return result.model_dump(mode="json")


def _response(body: Any, status: int = 200) -> ApiResponse:
    return ApiResponse(status, json.dumps(body).encode(), "application/json")


# -- pure: build and parse --------------------------------------------------------------------


def test_every_language_task_has_cases() -> None:
    assert {case.task for case in CASES} == set(NLP_TASKS)
    assert set(NLP_TASKS) <= set(TASKS) and set(NLP_TASKS) <= set(TOOL_CLASSES)


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_build__body_as_todays_api_reads_it(case: Case) -> None:
    spec = TASKS[case.task]
    request = spec.build(spec.input_model.model_validate(case.args), BuildContext(model="m"))
    assert request.route == "model"
    assert request.json == case.body
    assert request.content is None and request.accept is None


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_parse__answer_in_the_seeds_shape(case: Case) -> None:
    spec = TASKS[case.task]
    args, ctx = spec.input_model.model_validate(case.args), BuildContext(model="m")
    result = spec.parse(_response(case.answer))
    if spec.finish is not None:
        result = spec.finish(result, args, ctx)
    assert _plain(result) == case.expected


# -- through the tools, sync and async --------------------------------------------------------


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", CASE_PARAMS)
async def test_tool__request_and_normalised_result(
    case: Case, mode: str, router: respx.MockRouter, hf: HfInference
) -> None:
    tool = TOOL_CLASSES[case.task](client=hf)
    route = router.post(f"/models/{tool.model}").respond(json=case.answer)
    message = await acall_tool(tool, case.args, mode)
    request = route.calls.last.request
    assert str(request.url) == f"{BASE}/models/{tool.model}"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert json.loads(request.content) == case.body
    assert message.status == "success", message.content
    assert json.loads(str(message.content)) == case.expected
    assert message.artifact == {
        "task": tool.spec.seed_name,
        "model": tool.model,
        "provider": "hf-inference",
        "result": case.expected,
    }


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    ("error", "quoted"),
    [
        pytest.param("Model is overloaded", "Model is overloaded", id="string"),
        pytest.param(
            ["inputs too long", "truncate them"], "inputs too long; truncate them", id="list"
        ),
    ],
)
@pytest.mark.parametrize("task", NLP_TASKS)
async def test_tool__error_in_a_200_is_quoted(
    task: str,
    error: str | list[str],
    quoted: str,
    mode: str,
    router: respx.MockRouter,
    hf: HfInference,
) -> None:
    tool = TOOL_CLASSES[task](client=hf)
    router.post(f"/models/{tool.model}").respond(200, json={"error": error})
    message = await acall_tool(tool, SAMPLES[task].args(), mode)
    assert message.status == "error"
    assert f"the server said: {quoted}" in str(message.content)
    assert f"answered 200, but not with a {tool.spec.hf_task} result" in str(message.content)


# -- the client's own forms -------------------------------------------------------------------


def test_zero_shot__client_takes_a_list_in_one_request(
    router: respx.MockRouter, hf: HfInference
) -> None:
    texts = [GALILEAN, "The robot vacuum maps the flat."]
    legacy = [
        {"sequence": texts[0], "labels": LABELS, "scores": SCORES},
        {"sequence": texts[1], "labels": ["robots", "space & cosmos"], "scores": [0.9, 0.1]},
    ]
    route = router.post(f"/models/{BART_MNLI}").respond(json=legacy)
    results = hf.zero_shot_classification(inputs=texts, parameters={"candidate_labels": LABELS})
    assert json.loads(route.calls.last.request.content) == {
        "inputs": texts,
        "parameters": {"candidate_labels": LABELS},
    }
    assert [r.sequence for r in results] == texts
    assert results[1].labels == ["robots", "space & cosmos"]


async def test_zero_shot__label_score_lists_get_their_texts_back(
    router: respx.MockRouter, hf: HfInference
) -> None:
    texts = ["first text", "second text"]
    answer = [
        [{"label": "robots", "score": 0.7}, {"label": "archeology", "score": 0.3}],
        [{"label": "archeology", "score": 0.6}, {"label": "robots", "score": 0.4}],
    ]
    router.post(f"/models/{BART_MNLI}").respond(json=answer)
    parameters = {"candidate_labels": ["robots", "archeology"]}
    results = await hf.azero_shot_classification(inputs=texts, parameters=parameters)
    assert [_plain(r) for r in results] == [
        {"sequence": "first text", "labels": ["robots", "archeology"], "scores": [0.7, 0.3]},
        {"sequence": "second text", "labels": ["archeology", "robots"], "scores": [0.6, 0.4]},
    ]


def test_zero_shot__answers_for_other_texts_are_an_output_error(
    router: respx.MockRouter, hf: HfInference
) -> None:
    router.post(f"/models/{BART_MNLI}").respond(json=[[{"label": "a", "score": 1.0}]] * 3)
    with pytest.raises(OutputError, match="3 answers for 2 texts"):
        hf.zero_shot_classification(inputs=["x", "y"], parameters={"candidate_labels": ["a"]})


async def test_zero_shot__concurrent_calls_keep_their_own_texts(
    router: respx.MockRouter, hf: HfInference
) -> None:
    async def answer(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0)  # let the other calls build their requests meanwhile
        text = json.loads(request.content)["inputs"]
        return httpx.Response(200, json=[{"label": text.upper(), "score": 1.0}])

    router.post(f"/models/{BART_MNLI}").mock(side_effect=answer)
    texts = [f"text number {i}" for i in range(8)]
    results = await asyncio.gather(
        *(
            hf.azero_shot_classification(inputs=text, parameters={"candidate_labels": ["a"]})
            for text in texts
        )
    )
    assert [r[0].sequence for r in results] == texts
    assert [r[0].labels for r in results] == [[text.upper()] for text in texts]


@pytest.mark.parametrize(
    "table", [pytest.param(REPO_COLUMNS, id="column-map"), pytest.param(REPOS, id="rows")]
)
async def test_table_question_answer__client_takes_columns_or_rows(
    table: Any, router: respx.MockRouter, hf: HfInference
) -> None:
    route = router.post(f"/models/{TAPAS}").respond(json=TAPAS_ANSWER)
    result = await hf.atable_question_answer(inputs={"query": STARS_QUERY, "table": table})
    assert json.loads(route.calls.last.request.content) == {
        "inputs": {"query": STARS_QUERY, "table": REPO_COLUMNS}
    }
    assert result.cells == ["36542"] and result.aggregator == "AVERAGE"


def test_question_answer__client_returns_a_list_for_top_k(
    router: respx.MockRouter, hf: HfInference
) -> None:
    router.post(f"/models/{TASKS['question_answer'].default_model}").respond(json=[PARIS, WHOLE])
    answers = hf.question_answer(inputs=QA_INPUTS, parameters={"top_k": 2})
    assert isinstance(answers, list)
    assert answers == [QuestionAnswerReturnValue.model_validate(a) for a in (PARIS, WHOLE)]


# -- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "message"),
    [
        pytest.param([], "a header row of column names and at least one data row", id="empty"),
        pytest.param(
            [["Stars"]], "a header row of column names and at least one data row", id="header-only"
        ),
        pytest.param(
            [["Repo", " "], ["a", "1"]], "every column needs a non-empty name", id="blank-name"
        ),
        pytest.param([["Stars", "Stars"], ["1", "2"]], "repeated: Stars", id="repeated-name"),
        pytest.param(
            [["Repo", "Stars"], ["a", "1"], ["b"]],
            r"row 3 has 1 values but the header names 2 columns",
            id="short-row",
        ),
        pytest.param(
            {"Repo": ["a", "b"], "Stars": ["1"]},
            "every column needs the same number of cells \\('Repo' has 2, 'Stars' has 1\\)",
            id="ragged-columns",
        ),
        pytest.param({"Repo": "ab"}, "must be a list of cells", id="column-not-a-list"),
    ],
)
def test_table__invalid_tables_are_explained(table: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        TableQuestionAnswerInputs.model_validate({"query": "q", "table": table})


def test_table__numeric_cells_become_text() -> None:
    inputs = TableQuestionAnswerInputs.model_validate(
        {"query": "q", "table": [["Repo", "Stars"], ["a", 36542], ["b", 4.5]]}
    )
    assert inputs.table == [["Repo", "Stars"], ["a", "36542"], ["b", "4.5"]]


@pytest.mark.parametrize(
    ("model", "args", "message"),
    [
        pytest.param(
            TranslationArgs,
            {"inputs": "hi", "parameters": {"src_lang": "en_XX"}},
            "set both src_lang and tgt_lang, or neither",
            id="translation-one-language",
        ),
        pytest.param(
            SummarizationArgs,
            {"inputs": "hi", "parameters": {"min_length": 50, "max_length": 20}},
            r"min_length \(50\) must not exceed max_length \(20\)",
            id="summarization-lengths",
        ),
        pytest.param(
            ZeroShotClassificationArgs,
            {"inputs": "hi", "parameters": {"candidate_labels": []}},
            "candidate_labels",
            id="zero-shot-no-labels",
        ),
        pytest.param(
            ZeroShotClassificationArgs,
            {"inputs": "hi", "parameters": {"candidate_labels": ["a"], "hypothesis_template": "x"}},
            "hypothesis_template needs '{}'",
            id="zero-shot-template",
        ),
    ],
)
def test_parameters__invalid_combinations_are_refused(
    model: type[Any], args: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        model.model_validate(args)


@pytest.mark.parametrize(
    ("task", "args", "where"),
    [
        pytest.param(
            "translation",
            {"inputs": "hi", "parameters": {"tgt_lang": "fr_XX"}},
            "set both src_lang and tgt_lang",
            id="translation",
        ),
        pytest.param(
            "table_question_answer",
            {"inputs": {"query": "q", "table": [["a", "b"], ["1"]]}},
            "inputs.table",
            id="table",
        ),
        pytest.param(
            "zero_shot_classification",
            {"inputs": ["a", "b"], "parameters": {"candidate_labels": ["x"]}},
            "inputs",
            id="zero-shot-list",
        ),
    ],
)
def test_tool__invalid_arguments_are_explained_without_a_call(
    task: str, args: dict[str, Any], where: str, router: respx.MockRouter, hf: HfInference
) -> None:
    tool = TOOL_CLASSES[task](client=hf)
    message = tool.invoke({"type": "tool_call", "id": "c", "name": task, "args": args})
    assert message.status == "error"
    assert where in message.content
    assert "call it again with corrected arguments" in message.content
    assert not router.calls
