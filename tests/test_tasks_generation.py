"""feature_extraction, text_generation and conversational: requests, answers, tools, errors."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any, Literal

import httpx
import pytest
import respx
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ValidationError

from hf_inference_tools import (
    ConversationalInputs,
    ConversationalTool,
    FeatureExtractionTool,
    HfInference,
    HfInferenceError,
    InputError,
    ModelNotFoundError,
    OutputError,
    TextGenerationTool,
)
from hf_inference_tools.tasks import FEATURE_EXTRACTION, ContentContext
from hf_inference_tools.tasks.conversational import conversation_messages
from hf_inference_tools.testing import HfInferenceMock
from tests.conftest import BASE, TOKEN
from tests.tool_calls import call_tool

MINILM = "sentence-transformers/all-MiniLM-L6-v2"
GPT2 = "openai-community/gpt2"
LLAMA = "meta-llama/Llama-3.1-8B-Instruct"
MODES = ["sync", "async"]


def _call(hf: HfInference, method: str, mode: str, **kwargs: Any) -> Any:
    if mode == "sync":
        return getattr(hf, method)(**kwargs)
    return asyncio.run(getattr(hf, "a" + method)(**kwargs))


def _assert_json_request(request: httpx.Request, url: str, body: Any) -> None:
    assert str(request.url) == url
    assert request.headers["content-type"] == "application/json"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert json.loads(request.content) == body


@pytest.fixture
def completions_hf() -> Iterator[HfInference]:
    with HfInference(
        provider="hf-inference", token=TOKEN, text_generation_api="completions"
    ) as client:
        yield client


# -- feature_extraction -----------------------------------------------------------------------

VECTOR = [0.0287, -0.0466, 0.0119, 0.0835, -0.0712, 0.0031, 0.0544, -0.0208, 0.0916, -0.0011]
ROUNDED_PREVIEW = [0.0287, -0.0466, 0.0119, 0.0835, -0.0712, 0.0031, 0.0544, -0.0208]

EMBEDDING_VARIANTS = [
    # sentence-transformers pool to one vector per text.
    pytest.param(VECTOR, [10], ROUNDED_PREVIEW, id="pooled-vector"),
    # TEI answers a batch, even of one text.
    pytest.param([VECTOR], [1, 10], ROUNDED_PREVIEW, id="batch-of-one"),
    # Raw transformers (bart-base): one vector per token, in a batch of one.
    pytest.param(
        [[[0.123456789, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]],
        [1, 3, 3],
        [0.1235, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
        id="per-token",
    ),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("answer", "shape", "preview"), EMBEDDING_VARIANTS)
def test_feature_extraction__tool_previews_and_keeps_the_vectors(
    router: respx.MockRouter,
    hf: HfInference,
    answer: Any,
    shape: list[int],
    preview: list[float],
    mode: str,
) -> None:
    route = router.post(f"/models/{MINILM}/pipeline/feature-extraction").respond(json=answer)
    args = {
        "inputs": "Today is a sunny day",
        "parameters": {"normalize": True, "truncate": True, "prompt_name": "query"},
    }
    msg = call_tool(FeatureExtractionTool(client=hf), args, mode)
    # Options sit at the root of the body, not under "parameters".
    _assert_json_request(
        route.calls.last.request,
        f"{BASE}/models/{MINILM}/pipeline/feature-extraction",
        {
            "inputs": "Today is a sunny day",
            "normalize": True,
            "truncate": True,
            "prompt_name": "query",
        },
    )
    assert json.loads(str(msg.content)) == {
        "shape": shape,
        "preview": preview,
        "note": "The first numbers only; the full vectors are in the artifact.",
    }
    assert msg.artifact == {
        "task": "featureExtraction",
        "model": MINILM,
        "provider": "hf-inference",
        "result": answer,
    }


def test_feature_extraction__client_embeds_a_list(
    router: respx.MockRouter, hf: HfInference
) -> None:
    answer = [VECTOR, VECTOR[::-1]]
    route = router.post(f"/models/{MINILM}/pipeline/feature-extraction").respond(json=answer)
    assert hf.feature_extraction(inputs=["first", "second"]) == answer
    assert json.loads(route.calls.last.request.content) == {"inputs": ["first", "second"]}


async def test_feature_extraction__async_client(router: respx.MockRouter, hf: HfInference) -> None:
    router.post(f"/models/{MINILM}/pipeline/feature-extraction").respond(json=[1, 2.5])
    assert await hf.afeature_extraction(inputs="hi") == [1.0, 2.5]


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(["0.1", "0.2"], id="strings"),
        pytest.param([True, False], id="booleans"),
        pytest.param([[0.1], [[0.2]]], id="mixed-depth"),
        pytest.param([], id="empty"),
        pytest.param({"embeddings": [0.1]}, id="object"),
    ],
)
def test_feature_extraction__not_numbers_is_output_error(
    router: respx.MockRouter, hf: HfInference, answer: Any
) -> None:
    router.post(f"/models/{MINILM}/pipeline/feature-extraction").respond(json=answer)
    with pytest.raises(OutputError, match="not with a feature-extraction result"):
        hf.feature_extraction(inputs="hi")


def test_feature_extraction__client_refuses_an_empty_list() -> None:
    with pytest.raises(ValidationError, match="at least 1 item"):
        HfInference(provider="hf-inference").feature_extraction(inputs=[])


def test_feature_extraction__tool_takes_one_text_only(router: respx.MockRouter) -> None:
    tool = FeatureExtractionTool(client=HfInference(provider="hf-inference"))
    schema = convert_to_openai_tool(tool, strict=True)["function"]["parameters"]
    assert schema["properties"]["inputs"]["type"] == "string"
    msg = call_tool(tool, {"inputs": ["a", "b"]}, "sync")
    assert msg.status == "error"
    assert "inputs" in msg.content
    assert not router.calls


def test_feature_extraction__ragged_shape_is_marked_unknown() -> None:
    # Two texts of 2 and 3 tokens, 2 numbers per token.
    ragged = [[[[1.0, 2.0], [3.0, 4.0]]], [[[5.0, 6.0], [7.0, 8.0], [9.0, 10.0]]]]
    assert FEATURE_EXTRACTION.to_content is not None
    content = FEATURE_EXTRACTION.to_content(ragged, ContentContext(save=lambda *a: None))
    assert content["shape"] == [2, 1, None, 2]
    assert content["preview"] == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]


# -- text_generation: the classic dialect -----------------------------------------------------

ALL_PARAMETERS = {
    "do_sample": False,
    "max_new_tokens": 20,
    "max_time": 5.0,
    "num_return_sequences": 2,
    "repetition_penalty": 1.2,
    "return_full_text": True,
    "temperature": 0.7,
    "top_k": 50,
    "top_p": 0.9,
    "seed": 42,
    "stop": ["\n\n"],
}
PROMPT = "The answer to the universe is"
CONTINUATION = " not a number, but a question."

CLASSIC_VARIANTS = [
    # A transformers backend answers a list, the prompt included.
    pytest.param(
        [{"generated_text": PROMPT + CONTINUATION}],
        {"generated_text": PROMPT + CONTINUATION, "warnings": []},
        id="transformers-list",
    ),
    # With num_return_sequences, the list has several; the seed returned the first.
    pytest.param(
        [{"generated_text": PROMPT + CONTINUATION}, {"generated_text": PROMPT + " 42."}],
        {"generated_text": PROMPT + CONTINUATION, "warnings": []},
        id="several-sequences",
    ),
    # TGI answers one object; its extra fields are kept.
    pytest.param(
        {"generated_text": CONTINUATION, "details": {"finish_reason": "length", "seed": 42}},
        {
            "generated_text": CONTINUATION,
            "warnings": [],
            "details": {"finish_reason": "length", "seed": 42},
        },
        id="tgi-object",
    ),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("answer", "result"), CLASSIC_VARIANTS)
def test_text_generation__classic_request_and_answers(
    router: respx.MockRouter, hf: HfInference, answer: Any, result: dict[str, Any], mode: str
) -> None:
    route = router.post(f"/models/{GPT2}").respond(json=answer)
    msg = call_tool(
        TextGenerationTool(client=hf, stream_tokens=False),
        {"inputs": PROMPT, "parameters": ALL_PARAMETERS},
        mode,
    )
    _assert_json_request(
        route.calls.last.request,
        f"{BASE}/models/{GPT2}",
        {"inputs": PROMPT, "parameters": ALL_PARAMETERS},
    )
    assert json.loads(str(msg.content)) == {"generated_text": result["generated_text"]}
    assert msg.artifact == {
        "task": "textGeneration",
        "model": GPT2,
        "provider": "hf-inference",
        "result": result,
    }


# -- text_generation: the completions dialect -------------------------------------------------

COMPLETION = {
    "id": "cmpl-3b9f",
    "object": "text_completion",
    "created": 1747731200,
    "model": GPT2,
    "choices": [{"index": 0, "text": CONTINUATION, "logprobs": None, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 6, "completion_tokens": 9, "total_tokens": 15},
}


@pytest.mark.parametrize("mode", MODES)
def test_text_generation__completions_maps_the_parameters(
    router: respx.MockRouter, completions_hf: HfInference, mode: str
) -> None:
    route = router.post(f"/models/{GPT2}/v1/completions").respond(json=COMPLETION)
    tool = TextGenerationTool(client=completions_hf, stream_tokens=False)
    msg = call_tool(tool, {"inputs": PROMPT, "parameters": ALL_PARAMETERS}, mode)
    _assert_json_request(
        route.calls.last.request,
        f"{BASE}/models/{GPT2}/v1/completions",
        {
            "model": GPT2,
            "prompt": PROMPT,
            "max_tokens": 20,
            "temperature": 0.0,  # do_sample=false: greedy, whatever the temperature
            "top_p": 0.9,
            "top_k": 50,
            "repetition_penalty": 1.2,
            "seed": 42,
            "stop": ["\n\n"],
        },
    )
    warnings = [
        "parameters.max_time was not sent: the completions API has no such setting.",
        "parameters.num_return_sequences was not sent: the completions API has no such setting.",
    ]
    # return_full_text: the prompt is put back in front here, as the server no longer does.
    expected = {"generated_text": PROMPT + CONTINUATION, "warnings": warnings}
    assert json.loads(str(msg.content)) == expected
    assert msg.artifact["result"] == expected


@pytest.mark.parametrize(
    ("parameters", "sent"),
    [
        pytest.param(None, {}, id="no-parameters"),
        pytest.param(
            {"do_sample": True, "temperature": 0.8, "return_full_text": False},
            {"temperature": 0.8},
            id="sampling",
        ),
    ],
)
def test_text_generation__completions_new_text_only(
    router: respx.MockRouter,
    completions_hf: HfInference,
    parameters: dict[str, Any] | None,
    sent: dict[str, Any],
) -> None:
    route = router.post(f"/models/{GPT2}/v1/completions").respond(json=COMPLETION)
    result = completions_hf.text_generation(inputs=PROMPT, parameters=parameters)
    assert json.loads(route.calls.last.request.content) == {"model": GPT2, "prompt": PROMPT, **sent}
    assert result.generated_text == CONTINUATION
    assert result.warnings == []


def test_text_generation__completions_without_text_is_output_error(
    router: respx.MockRouter, completions_hf: HfInference
) -> None:
    router.post(f"/models/{GPT2}/v1/completions").respond(json={"choices": []})
    with pytest.raises(OutputError, match="not with a text-generation result"):
        completions_hf.text_generation(inputs=PROMPT)


# -- text_generation: a refused classic call names the fix ------------------------------------

UNUSED_KWARGS = (
    "The following `model_kwargs` are not used by the model: ['seed', 'stop'] "
    "(note: typos in the generate arguments will also show up in this list)"
)
USE_COMPLETIONS = 'pass text_generation_api="completions" to HfInference'


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("status", "body", "error_class", "extra"),
    [
        pytest.param(
            400,
            {"error": UNUSED_KWARGS, "warnings": []},
            InputError,
            "The model did not use these parameters: seed, stop.",
            id="400-model-kwargs",
        ),
        # vLLM (FastAPI) has no route for the classic body.
        pytest.param(404, {"detail": "Not Found"}, ModelNotFoundError, "served by vLLM", id="404"),
        pytest.param(
            422,
            {"detail": [{"type": "missing", "loc": ["body", "prompt"], "msg": "Field required"}]},
            InputError,
            "served by vLLM",
            id="422",
        ),
    ],
)
def test_text_generation__refusal_names_the_setting(
    router: respx.MockRouter,
    hf: HfInference,
    status: int,
    body: Any,
    error_class: type[HfInferenceError],
    extra: str,
    mode: str,
) -> None:
    router.post(f"/models/{GPT2}").respond(status, json=body, headers={"x-request-id": "r-1"})
    with pytest.raises(error_class) as info:
        _call(hf, "text_generation", mode, inputs=PROMPT, parameters={"seed": 1, "stop": ["."]})
    error = info.value
    assert type(error) is error_class
    assert extra in str(error) and USE_COMPLETIONS in str(error)
    original = error.__cause__
    assert type(original) is error_class and USE_COMPLETIONS not in str(original)
    assert str(error).startswith(str(original))
    assert (error.status, error.model, error.task, error.request_id) == (
        status,
        GPT2,
        "text_generation",
        "r-1",
    )
    assert error.server_message == original.server_message


def test_text_generation__refusal_hint_reaches_the_agent(
    router: respx.MockRouter, hf: HfInference
) -> None:
    router.post(f"/models/{GPT2}").respond(400, json={"error": UNUSED_KWARGS})
    msg = call_tool(TextGenerationTool(client=hf, stream_tokens=False), {"inputs": PROMPT}, "sync")
    assert msg.status == "error"
    assert "seed, stop" in msg.content and USE_COMPLETIONS in msg.content


@pytest.mark.parametrize(
    ("api", "status", "body"),
    [
        # TGI understood the request and said what is wrong: no vLLM hint.
        pytest.param(
            "classic",
            422,
            {
                "error": "Input validation error: `inputs` tokens + `max_new_tokens` must be "
                "<= 1512. Given: 2 `inputs` tokens and 10000 `max_new_tokens`",
                "error_type": "validation",
            },
            id="tgi-validation",
        ),
        pytest.param("classic", 410, "https://api-inference.huggingface.co is gone", id="410"),
        pytest.param(
            "completions", 404, {"error": "Model x does not exist"}, id="completions-already"
        ),
    ],
)
def test_text_generation__no_hint_when_it_would_mislead(
    router: respx.MockRouter,
    api: Literal["classic", "completions"],
    status: int,
    body: Any,
) -> None:
    router.post(url__regex=rf"/models/{GPT2}(/v1/completions)?$").respond(status, json=body)
    with (
        HfInference(provider="hf-inference", token=TOKEN, text_generation_api=api) as hf,
        pytest.raises(HfInferenceError) as info,
    ):
        hf.text_generation(inputs=PROMPT)
    assert "text_generation_api" not in str(info.value)
    assert not isinstance(info.value.__cause__, HfInferenceError)


# -- conversational ---------------------------------------------------------------------------

REPLY = "Galaxy Quest (1999): a loving parody of Star Trek."


def _chat_answer(content: str | None = REPLY, finish_reason: str = "stop") -> dict[str, Any]:
    """A TGI 3.x `chat.completion` answer."""
    return {
        "object": "chat.completion",
        "id": "",
        "created": 1742563853,
        "model": LLAMA,
        "system_fingerprint": "3.2.1-native",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "logprobs": None,
                "finish_reason": finish_reason,
            }
        ],
        "usage": {"prompt_tokens": 58, "completion_tokens": 15, "total_tokens": 73},
    }


# vLLM adds fields of its own to the message and the choice.
VLLM_CHAT_ANSWER = {
    "id": "chatcmpl-5c1f",
    "object": "chat.completion",
    "created": 1747731200,
    "model": LLAMA,
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": REPLY,
                "reasoning_content": None,
                "tool_calls": [],
            },
            "logprobs": None,
            "finish_reason": "stop",
            "stop_reason": None,
        }
    ],
    "usage": {"prompt_tokens": 20, "total_tokens": 35, "completion_tokens": 15},
    "prompt_logprobs": None,
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "answer",
    [pytest.param(_chat_answer(), id="tgi"), pytest.param(VLLM_CHAT_ANSWER, id="vllm")],
)
def test_conversational__speaks_chat_completion(
    router: respx.MockRouter, hf: HfInference, answer: dict[str, Any], mode: str
) -> None:
    route = router.post(f"/models/{LLAMA}/v1/chat/completions").respond(json=answer)
    args = {
        "inputs": {
            "text": "Which one is the funniest?",
            "past_user_inputs": ["Recommend a sci-fi movie."],
            "generated_responses": ["Try Arrival."],
        },
        "parameters": {
            "max_length": 50,
            "temperature": 0.5,
            "top_p": 0.9,
            "min_length": 5,
            "top_k": 10,
            "repetition_penalty": 1.1,
            "max_time": 3.0,
        },
    }
    msg = call_tool(ConversationalTool(client=hf, stream_tokens=False), args, mode)
    _assert_json_request(
        route.calls.last.request,
        f"{BASE}/models/{LLAMA}/v1/chat/completions",
        {
            "model": LLAMA,
            "messages": [
                {"role": "user", "content": "Recommend a sci-fi movie."},
                {"role": "assistant", "content": "Try Arrival."},
                {"role": "user", "content": "Which one is the funniest?"},
            ],
            "max_tokens": 50,
            "temperature": 0.5,
            "top_p": 0.9,
        },
    )
    warnings = [
        f"parameters.{name} was not sent: the chat completion API has no such setting."
        for name in ("min_length", "max_time", "repetition_penalty", "top_k")
    ]
    assert json.loads(str(msg.content)) == {"generated_text": REPLY, "warnings": warnings}
    assert msg.artifact == {
        "task": "conversational",
        "model": LLAMA,
        "provider": "hf-inference",
        "result": {
            "generated_text": REPLY,
            "conversation": {
                "generated_responses": ["Try Arrival.", REPLY],
                "past_user_inputs": ["Recommend a sci-fi movie.", "Which one is the funniest?"],
            },
            "warnings": warnings,
        },
    }


@pytest.mark.parametrize(
    ("past_user_inputs", "generated_responses", "expected"),
    [
        pytest.param(None, None, [("user", "now")], id="first-message"),
        pytest.param(
            ["u1", "u2"],
            ["r1", "r2"],
            [
                ("user", "u1"),
                ("assistant", "r1"),
                ("user", "u2"),
                ("assistant", "r2"),
                ("user", "now"),
            ],
            id="even",
        ),
        # The last user message got no reply: it and the new text become one user message.
        pytest.param(
            ["u1", "u2"],
            ["r1"],
            [("user", "u1"), ("assistant", "r1"), ("user", "u2\n\nnow")],
            id="more-user-inputs",
        ),
        pytest.param(
            ["u1"],
            ["r1", "r2"],
            [("user", "u1"), ("assistant", "r1\n\nr2"), ("user", "now")],
            id="more-responses",
        ),
        pytest.param([], ["hello"], [("assistant", "hello"), ("user", "now")], id="model-first"),
    ],
)
def test_conversational__history_becomes_alternating_messages(
    past_user_inputs: list[str] | None,
    generated_responses: list[str] | None,
    expected: list[tuple[str, str]],
) -> None:
    inputs = ConversationalInputs(
        text="now", past_user_inputs=past_user_inputs, generated_responses=generated_responses
    )
    messages = conversation_messages(inputs)
    assert messages == [{"role": role, "content": content} for role, content in expected]


def test_conversational__uneven_history_is_returned_with_this_turn(
    router: respx.MockRouter, hf: HfInference
) -> None:
    route = router.post(f"/models/{LLAMA}/v1/chat/completions").respond(json=_chat_answer())
    result = hf.conversational(
        inputs={"text": "now", "past_user_inputs": ["u1", "u2"], "generated_responses": ["r1"]}
    )
    assert json.loads(route.calls.last.request.content)["messages"][-1] == {
        "role": "user",
        "content": "u2\n\nnow",
    }
    assert result.conversation.past_user_inputs == ["u1", "u2", "now"]
    assert result.conversation.generated_responses == ["r1", REPLY]
    assert result.warnings == []


async def test_conversational__async_client(router: respx.MockRouter, hf: HfInference) -> None:
    router.post(f"/models/{LLAMA}/v1/chat/completions").respond(json=_chat_answer())
    result = await hf.aconversational(inputs=ConversationalInputs(text="hi"))
    assert result.generated_text == REPLY
    assert result.conversation.past_user_inputs == ["hi"]


def test_conversational__cut_reply_is_warned(router: respx.MockRouter, hf: HfInference) -> None:
    answer = _chat_answer("Galaxy Quest (1999): a loving", finish_reason="length")
    router.post(f"/models/{LLAMA}/v1/chat/completions").respond(json=answer)
    result = hf.conversational(inputs={"text": "hi"}, parameters={"max_length": 8, "top_k": 3})
    assert result.warnings == [
        "parameters.top_k was not sent: the chat completion API has no such setting.",
        "The reply was cut at the length limit; raise parameters.max_length.",
    ]


# The v1 API's Return, as an endpoint running the conversational pipeline still answers it
# (microsoft/DialoGPT-medium, in the HF Inference API's own documentation).
V1_ANSWER = {
    "generated_text": "No problem, I'm glad you're doing well!",
    "conversation": {
        "generated_responses": [
            "I'm good, how are you?",
            "No problem, I'm glad you're doing well!",
        ],
        "past_user_inputs": ["Hey my name is Julien! How are you?", "Good good thanks"],
    },
    "warnings": ["Setting `pad_token_id` to `eos_token_id`:50256 for open-end generation."],
}
V1_INPUTS = {
    "text": "Good good thanks",
    "past_user_inputs": ["Hey my name is Julien! How are you?"],
    "generated_responses": ["I'm good, how are you?"],
}


@pytest.mark.parametrize("mode", MODES)
def test_conversational__v1_answer_is_taken_as_it_is(
    router: respx.MockRouter, hf: HfInference, mode: str
) -> None:
    router.post(f"/models/{LLAMA}/v1/chat/completions").respond(json=V1_ANSWER)
    result = _call(hf, "conversational", mode, inputs=V1_INPUTS, parameters={"top_k": 5})
    assert result.generated_text == "No problem, I'm glad you're doing well!"
    assert result.conversation.model_dump() == V1_ANSWER["conversation"]
    assert result.warnings == [
        "parameters.top_k was not sent: the chat completion API has no such setting.",
        *V1_ANSWER["warnings"],
    ]


@pytest.mark.parametrize("mode", MODES)
def test_conversational__v1_answer_through_the_tool(
    router: respx.MockRouter, hf: HfInference, mode: str
) -> None:
    router.post(f"/models/{LLAMA}/v1/chat/completions").respond(json=V1_ANSWER)
    tool = ConversationalTool(client=hf, stream_tokens=False)
    msg = call_tool(tool, {"inputs": V1_INPUTS}, mode)
    assert json.loads(str(msg.content)) == {
        "generated_text": V1_ANSWER["generated_text"],
        "warnings": V1_ANSWER["warnings"],
    }
    assert msg.artifact["result"] == V1_ANSWER


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(_chat_answer(content=None), id="no-text"),
        pytest.param({**_chat_answer(), "choices": []}, id="no-choices"),
        pytest.param([{"generated_text": "hi"}], id="not-chat"),
        pytest.param({**V1_ANSWER, "conversation": {"past_user_inputs": "hi"}}, id="bad-v1"),
    ],
)
def test_conversational__not_a_chat_reply_is_output_error(
    router: respx.MockRouter, hf: HfInference, answer: Any
) -> None:
    router.post(f"/models/{LLAMA}/v1/chat/completions").respond(json=answer)
    with pytest.raises(OutputError, match="not with a conversational result"):
        hf.conversational(inputs={"text": "hi"})


# -- the offline mock -------------------------------------------------------------------------


def test_mock__conversational_calls_count_as_chat_completion() -> None:
    with HfInferenceMock() as mock:
        HfInference(provider="hf-inference").conversational(inputs={"text": "hi"})
        mock.respond("conversational", json=_chat_answer("Overridden."))
        second = HfInference(provider="hf-inference").conversational(inputs={"text": "again"})
    assert second.generated_text == "Overridden."
    assert [c.task for c in mock.calls] == ["chat_completion", "chat_completion"]
    assert mock.calls_for("conversational") == mock.calls_for("chat_completion") == mock.calls
    assert mock.calls[0].json()["messages"] == [{"role": "user", "content": "hi"}]


def test_mock__answers_the_completions_route() -> None:
    with HfInferenceMock() as mock:
        result = HfInference(
            provider="hf-inference", text_generation_api="completions"
        ).text_generation(inputs=PROMPT)
    assert result.generated_text.startswith(" not a number")
    (call,) = mock.calls_for("text_generation")
    assert call.task == "text_generation_completions"
    assert call.request.url.path.endswith(f"/models/{GPT2}/v1/completions")
