"""What an LLM reads of each tool: strict-portable, within budget, true to the tool's settings;
and the settings a developer fixes once, which leave the LLM's schema for `parameters`."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from langchain_core.utils.function_calling import convert_to_openai_tool

from hf_inference_tools import (
    HfInference,
    HfInferenceToolkit,
    ImageClassificationTool,
    TextGenerationTool,
    TranslationTool,
    ZeroShotClassificationTool,
)
from hf_inference_tools.tasks import TextGenerationArgs
from hf_inference_tools.testing import HfInferenceMock
from hf_inference_tools.toolkit import DEFAULT_TASKS, LEFT_OUT
from hf_inference_tools.tools import TOOL_CLASSES, HfInferenceTool

TOOL_NAMES = sorted(TOOL_CLASSES)
SCHEMA_TOTAL_GOAL = 20_000
SCHEMA_TOOL_GOAL = 1_200

POLICIES = [
    pytest.param({}, id="defaults"),
    pytest.param({"media_root": "media"}, id="media_root"),
    pytest.param({"media_root": "media", "allow_urls": False}, id="no_urls"),
    pytest.param({"allow_urls": False}, id="data_uris_only"),
]


def _strict(tool: Any) -> dict[str, Any]:
    return convert_to_openai_tool(tool, strict=True)


def _keys(node: Any) -> set[str]:
    """Every key of every object in a JSON value (property names included)."""
    if isinstance(node, dict):
        return set(node).union(*(_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_keys(v) for v in node))
    return set()


def _schema_keywords(schema: dict[str, Any]) -> set[str]:
    """The JSON-schema keywords used anywhere (a field named `default` is not one)."""
    found = set(schema) - {"properties"}
    for field in schema.get("properties", {}).values():
        found |= _schema_keywords(field)
    for key in ("items",):
        if isinstance(schema.get(key), dict):
            found |= _schema_keywords(schema[key])
    for option in schema.get("anyOf", []):
        found |= _schema_keywords(option)
    return found


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("name", TOOL_NAMES)
def test_strict_schema__no_default_and_no_title_anywhere(name: str, policy: dict[str, Any]) -> None:
    # OpenAI strict mode and Azure answer 400 "'default' is not permitted" (issue 12, defect 5).
    tool = TOOL_CLASSES[name](client=HfInference(), **policy)
    function = _strict(tool)["function"]
    keywords = _schema_keywords(function["parameters"])
    assert "default" not in keywords
    assert "title" not in keywords
    assert "$ref" not in _keys(function) and "$defs" not in _keys(function)


def test_strict_schema__fields_left_out_still_take_their_defaults() -> None:
    # The LLM's schema has no defaults; the Args model keeps them for validation.
    tool = TOOL_CLASSES["text_to_image"](client=HfInference())
    with HfInferenceMock() as mock:
        message = tool.invoke(
            {"type": "tool_call", "id": "1", "name": "t", "args": {"inputs": "a"}}
        )
    assert message.status == "success"
    assert mock.calls_for("text_to_image")[0].json() == {"inputs": "a"}


def _sizes(**policy: Any) -> dict[str, int]:
    tools = HfInferenceToolkit(tasks=TOOL_NAMES, **policy).get_tools()
    return {t.name: len(json.dumps(_strict(t))) for t in tools}


@pytest.mark.parametrize("policy", POLICIES)
def test_schema_budget__all_tools_and_each_tool(policy: dict[str, Any]) -> None:
    sizes = _sizes(**policy)
    assert len(sizes) == len(TOOL_CLASSES)
    assert sum(sizes.values()) <= SCHEMA_TOTAL_GOAL, sizes
    largest = max(sizes, key=sizes.__getitem__)
    assert sizes[largest] <= SCHEMA_TOOL_GOAL, (largest, sizes[largest])


def test_developer_settings_leave_the_llm_schema_but_not_the_args() -> None:
    tool = TextGenerationTool(client=HfInference())
    properties = _strict(tool)["function"]["parameters"]["properties"]
    assert set(properties) == {"inputs"}
    # Developers calling the tool directly keep every setting.
    assert tool.args_schema is TextGenerationArgs
    assert "parameters" in TextGenerationArgs.model_fields
    text = json.dumps(_strict(ZeroShotClassificationTool(client=HfInference())))
    assert "candidate_labels" in text and "multi_label" in text
    assert "hypothesis_template" not in text


def _generation_answer(mock: HfInferenceMock) -> None:
    mock.respond("text_generation", json=[{"generated_text": " and so on"}])


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_tool_parameters_are_merged_into_each_call(mode: str) -> None:
    tool = TextGenerationTool(
        client=HfInference(), stream_tokens=False, parameters={"max_new_tokens": 200}
    )
    call = {"type": "tool_call", "id": "1", "name": "text_generation", "args": {"inputs": "Hi"}}
    with HfInferenceMock() as mock:
        _generation_answer(mock)
        if mode == "sync":
            tool.invoke(call)
        else:
            asyncio.run(tool.ainvoke(call))
    assert mock.calls_for("text_generation")[0].json() == {
        "inputs": "Hi",
        "parameters": {"max_new_tokens": 200},
    }


def test_toolkit_parameters_reach_their_tool_only() -> None:
    toolkit = HfInferenceToolkit(
        tasks=["text_generation", "zero_shot_classification"],
        parameters={"zero_shot_classification": {"hypothesis_template": "It is about {}."}},
    )
    generation, zero_shot = toolkit.get_tools()
    assert isinstance(generation, HfInferenceTool) and isinstance(zero_shot, HfInferenceTool)
    assert generation.parameters == {}
    assert zero_shot.parameters == {"hypothesis_template": "It is about {}."}
    with HfInferenceMock() as mock:
        # Strict mode sends every field, unset ones as null: a null does not override.
        zero_shot.invoke(
            {
                "inputs": "My phone broke",
                "parameters": {"candidate_labels": ["refund", "faq"], "multi_label": None},
            }
        )
    assert mock.calls_for("zero_shot_classification")[0].json()["parameters"] == {
        "candidate_labels": ["refund", "faq"],
        "hypothesis_template": "It is about {}.",
    }


def test_llm_values_win_over_tool_parameters_for_offered_fields() -> None:
    tool = ZeroShotClassificationTool(client=HfInference(), parameters={"multi_label": True})
    with HfInferenceMock() as mock:
        tool.invoke(
            {"inputs": "x", "parameters": {"candidate_labels": ["a"], "multi_label": False}}
        )
        tool.invoke({"inputs": "x", "parameters": {"candidate_labels": ["a"]}})
    first, second = (c.json()["parameters"] for c in mock.calls_for("zero_shot_classification"))
    assert first["multi_label"] is False
    assert second["multi_label"] is True


@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        ({"max_new_token": 200}, "max_new_token"),
        ({"max_new_tokens": 0}, "max_new_tokens"),
        ({"temperature": "hot"}, "temperature"),
    ],
)
def test_bad_tool_parameters_are_refused_at_construction(
    parameters: dict[str, Any], expected: str
) -> None:
    with pytest.raises(ValueError, match="Invalid parameters for text_generation") as info:
        TextGenerationTool(client=HfInference(), parameters=parameters)
    assert expected in str(info.value)
    assert "max_new_tokens" in str(info.value)  # the valid keys are listed
    with pytest.raises(ValueError, match="Invalid parameters for text_generation"):
        HfInferenceToolkit(tasks=["text_generation"], parameters={"text_generation": parameters})


def test_toolkit_parameters_for_unknown_or_parameterless_tools_are_refused() -> None:
    with pytest.raises(ValueError, match=r"in parameters: text_generaton"):
        HfInferenceToolkit(parameters={"text_generaton": {"max_new_tokens": 5}})
    with pytest.raises(ValueError, match="sentence_similarity takes no parameters"):
        HfInferenceToolkit(parameters={"sentence_similarity": {"top_k": 5}})


def test_parameters_the_llm_must_give_may_be_left_to_it() -> None:
    # candidate_labels is required per call; a tool's parameters may leave it to the LLM.
    tool = ZeroShotClassificationTool(client=HfInference(), parameters={"multi_label": True})
    assert tool.parameters == {"multi_label": True}


# -- the default tool set ----------------------------------------------------------------------


def test_default_toolkit_leaves_out_the_text_generators_an_llm_cannot_tell_apart() -> None:
    names = [t.name for t in HfInferenceToolkit().get_tools()]
    assert names == list(DEFAULT_TASKS)
    assert "chat_completion" in names
    assert not set(LEFT_OUT) & set(names)
    descriptions = [t.description for t in HfInferenceToolkit().get_tools()]
    assert len(set(descriptions)) == len(descriptions)
    # Still there by name.
    named = HfInferenceToolkit(tasks=["conversational", "text_generation"]).get_tools()
    assert [t.name for t in named] == ["conversational", "text_generation"]


def test_readme_names_the_tools_left_out_of_the_default_set() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for name in LEFT_OUT:
        assert f"`{name}`" in readme
    assert "default set" in readme


def test_toolkit_tools_equal_tools_built_one_by_one(tmp_path: Path) -> None:
    client = HfInference()
    settings: dict[str, Any] = {
        "media_root": tmp_path,
        "output_dir": tmp_path / "out",
        "allow_urls": False,
        "allow_private_urls": True,
        "max_media_bytes": 1000,
    }
    toolkit = HfInferenceToolkit(client=client, tasks=TOOL_NAMES, **settings)
    for built in toolkit.get_tools():
        assert isinstance(built, HfInferenceTool)
        alone = TOOL_CLASSES[built.name](client=client, **settings)
        for field in ("name", "description", "model", "parameters", "args_schema"):
            assert getattr(built, field) == getattr(alone, field), (built.name, field)
        assert built.policy == alone.policy
        assert built.tool_call_schema == alone.tool_call_schema


# -- descriptions that match the settings ------------------------------------------------------


def _data_description(**policy: Any) -> str:
    tool = ImageClassificationTool(client=HfInference(), **policy)
    return str(_strict(tool)["function"]["parameters"]["properties"]["data"]["description"])


def test_data_description__follows_the_media_policy() -> None:
    both = _data_description(media_root="media")
    assert "media-folder path" in both and "https URL" in both and "data:" in both
    no_urls = _data_description(media_root="media", allow_urls=False)
    assert "media-folder path" in no_urls and "URL" not in no_urls.replace("data: URI", "")
    no_files = _data_description()
    assert "path" not in no_files and "media folder" not in no_files and "https URL" in no_files
    data_only = _data_description(allow_urls=False)
    assert "path" not in data_only and "https" not in data_only and "data:" in data_only


def test_data_description__names_the_input_as_the_task_does() -> None:
    tool = TOOL_CLASSES["document_question_answering"](client=HfInference(), media_root=Path("m"))
    text = _strict(tool)["function"]["parameters"]["properties"]["data"]["description"]
    assert text.startswith("The document as an image")
    audio = TOOL_CLASSES["automatic_speech_recognition"](client=HfInference())
    text = _strict(audio)["function"]["parameters"]["properties"]["data"]["description"]
    assert text.startswith("The audio") and "https URL" in text and "media folder" not in text


def _translation(model: str = "") -> str:
    return TranslationTool(client=HfInference(), model=model).description


def test_translation__names_the_languages_of_the_configured_model() -> None:
    assert "from English to German" in _translation()  # t5-small, the default
    assert "from English to French" in _translation("Helsinki-NLP/opus-mt-en-fr")
    assert "from German to 'xx'" in _translation("Helsinki-NLP/opus-mt-de-xx")
    multilingual = _translation("facebook/nllb-200-distilled-600M")
    assert "multilingual" in multilingual and "set src_lang and tgt_lang" in multilingual
    unknown = _translation("my-org/my-translator")
    assert "English" not in unknown and "multilingual" in unknown
    for text in (_translation(), _translation("Helsinki-NLP/opus-mt-en-fr")):
        assert "the only pair this model handles (leave src_lang and tgt_lang null)" in text


def test_translation__language_fields_say_multilingual_models_only() -> None:
    schema = _strict(TranslationTool(client=HfInference()))["function"]["parameters"]
    options = schema["properties"]["parameters"]["anyOf"]
    fields = next(o for o in options if "properties" in o)["properties"]
    for name in ("src_lang", "tgt_lang"):
        assert fields[name]["description"].startswith("Multilingual models only")


def test_translation__a_description_given_by_the_developer_is_kept() -> None:
    tool = TranslationTool(client=HfInference(), description="Translate into Klingon.")
    assert tool.description == "Translate into Klingon."


@pytest.mark.parametrize("stream_tokens", [True, False])
def test_chat_tool_parameters_reach_the_request_streamed_or_not(stream_tokens: bool) -> None:
    tool = TOOL_CLASSES["chat_completion"](
        client=HfInference(),
        stream_tokens=stream_tokens,
        parameters={"max_tokens": 64, "temperature": 0.2},
    )
    with HfInferenceMock() as mock:
        message = tool.invoke(
            {
                "type": "tool_call",
                "id": "1",
                "name": "chat_completion",
                "args": {"messages": [{"role": "user", "content": "Hi"}]},
            }
        )
    assert message.status == "success", message.content
    sent = mock.calls_for("chat_completion")[0].json()
    assert (sent["max_tokens"], sent["temperature"]) == (64, 0.2)
    assert sent.get("stream", False) is stream_tokens
