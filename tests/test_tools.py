"""Every tool, through LangChain: schemas, content and artifact, errors as observations."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Annotated, Any

import langchain_core
import pytest
from langchain_core.messages import ToolMessage
from langchain_core.tools import ArgsSchema, BaseTool, InjectedToolCallId
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import BaseModel, ValidationError, model_validator

from hf_inference_tools import (
    HfInference,
    TextClassificationArgs,
    TextClassificationTool,
    TextToImageTool,
)
from hf_inference_tools.tasks import TASKS
from hf_inference_tools.testing import SAMPLES, HfInferenceMock, describe_png
from hf_inference_tools.tools import TOOL_CLASSES, HfInferenceTool
from hf_inference_tools.tools._base import CONTENT_LIMIT, TESTED_LANGCHAIN_CORE
from tests.tool_calls import tool_call

TOOL_NAMES = sorted(TOOL_CLASSES)
MEDIA_RESULT_TOOLS = [n for n in TOOL_NAMES if TOOL_CLASSES[n].spec.media_output is not None]


def _unnamed(content: Any) -> str:
    """Content with saved files' fresh names blanked (each call saves under a new name)."""
    return re.sub(r"-[0-9a-f]{12}\.", "-*.", str(content))


def _walk(schema: Any) -> list[dict[str, Any]]:
    """Every sub-schema of a JSON schema."""
    found: list[dict[str, Any]] = []
    if isinstance(schema, dict):
        found.append(schema)
        for value in schema.values():
            found.extend(_walk(value))
    elif isinstance(schema, list):
        for value in schema:
            found.extend(_walk(value))
    return found


def test_every_task_has_a_tool_and_a_sample() -> None:
    assert set(TOOL_CLASSES) == set(TASKS)
    assert set(SAMPLES) >= set(TASKS)
    for name, cls in TOOL_CLASSES.items():
        assert cls.spec.name == name
        assert cls.model_fields["name"].default == name


@pytest.mark.parametrize("name", TOOL_NAMES)
def test_schema__strict_portable(name: str) -> None:
    tool = TOOL_CLASSES[name](client=HfInference())
    converted = convert_to_openai_tool(tool, strict=True)
    params = converted["function"]["parameters"]
    assert converted["function"]["name"] == name
    assert "model" not in params["properties"]  # the developer picks the model, not the LLM
    text = json.dumps(params)
    assert "$ref" not in text and "$defs" not in text
    for sub in _walk(params):
        assert sub.get("format") != "binary"
        if "properties" in sub:
            assert sub.get("additionalProperties") is False
            assert set(sub["required"]) == set(sub["properties"])
            for prop in sub["properties"].values():
                assert prop.get("description"), f"{name}: a field has no description"
                assert "type" in prop or "anyOf" in prop, f"{name}: an untyped field"
        if "anyOf" in sub:
            kinds = [alt.get("type") for alt in sub["anyOf"]]
            assert len(kinds) == 2 and "null" in kinds, f"{name}: a union other than X | None"


def _sync_and_async(name: str, tmp_path: Path) -> tuple[HfInferenceTool, ToolMessage, ToolMessage]:
    """The tool's sample call made once with `invoke` and once with `ainvoke`, on the mock."""
    import asyncio

    args = SAMPLES[name].args()
    with HfInferenceMock() as mock:
        # A token: the video tools' default models are served by a provider (fal-ai), not free.
        client = HfInference(token="hf_offline")
        tool = TOOL_CLASSES[name](client=client, output_dir=tmp_path / "out")
        sync_msg = tool.invoke(tool_call(name, args))
        async_msg = asyncio.run(tool.ainvoke(tool_call(name, args)))
    assert isinstance(sync_msg, ToolMessage) and isinstance(async_msg, ToolMessage)
    assert len(mock.calls_for(name)) == 2
    return tool, sync_msg, async_msg


@pytest.mark.parametrize("name", TOOL_NAMES)
def test_sample__succeeds_with_compact_json_content(name: str, tmp_path: Path) -> None:
    tool, sync_msg, _ = _sync_and_async(name, tmp_path)
    assert sync_msg.status == "success", sync_msg.content
    assert sync_msg.artifact["task"] == tool.spec.seed_name
    assert sync_msg.artifact["model"] == tool.model
    assert len(str(sync_msg.content)) <= CONTENT_LIMIT
    assert "base64" not in str(sync_msg.content)
    assert isinstance(json.loads(str(sync_msg.content)), list | dict)


@pytest.mark.parametrize("name", TOOL_NAMES)
def test_sample__sync_and_async_give_same_message(name: str, tmp_path: Path) -> None:
    _, sync_msg, async_msg = _sync_and_async(name, tmp_path)
    # Media a tool saves get a fresh name per call: the one difference allowed.
    assert _unnamed(sync_msg.content) == _unnamed(async_msg.content)
    assert _unnamed(repr(sync_msg.artifact)) == _unnamed(repr(async_msg.artifact))


@pytest.mark.parametrize("name", MEDIA_RESULT_TOOLS)
def test_sample__media_result_is_saved_under_a_fresh_name(name: str, tmp_path: Path) -> None:
    _, sync_msg, async_msg = _sync_and_async(name, tmp_path)
    paths = [Path(msg.artifact["path"]) for msg in (sync_msg, async_msg)]
    assert paths[0] != paths[1]
    assert [p.read_bytes() for p in paths] == [sync_msg.artifact["data"]] * 2
    assert json.loads(str(sync_msg.content))["path"] == str(paths[0])


def test_text_classification__content_and_artifact() -> None:
    with HfInferenceMock() as mock:
        tool = TextClassificationTool(client=HfInference())
        msg = tool.invoke(tool_call("text_classification", {"inputs": "I like you"}))
    assert json.loads(msg.content) == [
        {"label": "POSITIVE", "score": 0.9998695850372314},
        {"label": "NEGATIVE", "score": 0.00013043530634604394},
    ]
    assert msg.artifact == {
        "task": "textClassification",
        "provider": "hf-inference",
        "model": "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
        "result": json.loads(msg.content),
    }
    assert mock.calls_for("text_classification")[0].json() == {"inputs": "I like you"}


def test_invoke_without_tool_call_returns_content_only() -> None:
    with HfInferenceMock():
        content = TextClassificationTool(client=HfInference()).invoke({"inputs": "hi"})
    assert isinstance(content, str)
    assert json.loads(content)[0]["label"] == "POSITIVE"


def test_text_to_image__bytes_in_artifact_description_in_content(tmp_path: Path) -> None:
    media = tmp_path / "media"
    with HfInferenceMock() as mock:
        tool = TextToImageTool(client=HfInference(), media_root=media, output_dir=media / "out")
        msg = tool.invoke(
            tool_call("text_to_image", {"inputs": "a fox", "negative_prompt": "text"})
        )
    request = mock.calls_for("text_to_image")[0]
    assert request.request.headers["accept"] == "image/png"
    assert request.json() == {"inputs": "a fox", "parameters": {"negative_prompt": "text"}}
    content = json.loads(msg.content)
    assert content["mime_type"] == "image/png"
    assert (content["width"], content["height"]) == (64, 48)
    assert content["bytes"] == len(msg.artifact["data"])
    assert content["path"].startswith("out/text_to_image-") and content["path"].endswith(".png")
    assert (media / content["path"]).read_bytes() == msg.artifact["data"]
    assert msg.artifact["mime_type"] == "image/png"
    assert msg.artifact["path"] == str((media / content["path"]).resolve())


def test_text_to_image__not_saved_without_output_dir() -> None:
    with HfInferenceMock():
        msg = TextToImageTool(client=HfInference()).invoke(
            tool_call("text_to_image", {"inputs": "x"})
        )
    content = json.loads(msg.content)
    assert content["path"] is None
    assert describe_png(msg.artifact["data"]) == "x"  # the stand-in's picture of the prompt


def test_api_error__becomes_error_tool_message() -> None:
    with HfInferenceMock() as mock:
        mock.fail("text_classification", 404, "Model x does not exist")
        msg = TextClassificationTool(client=HfInference()).invoke(
            tool_call("text_classification", {"inputs": "hi"})
        )
    assert msg.status == "error"
    assert "not served there" in msg.content and "does not exist" in msg.content


def test_invalid_arguments__helpful_message() -> None:
    with HfInferenceMock() as mock:
        tool = TextClassificationTool(client=HfInference())
        msg = tool.invoke(
            tool_call(
                "text_classification", {"inputs": "hi", "parameters": {"top_k": 0, "topk": 3}}
            )
        )
    assert msg.status == "error"
    assert "parameters.top_k" in msg.content
    assert "parameters.topk" in msg.content
    assert "call it again with corrected arguments" in msg.content
    assert mock.calls == []


def test_model_is_the_developers_choice() -> None:
    with HfInferenceMock(models={"my-org/sentiment": "text_classification"}) as mock:
        tool = TextClassificationTool(client=HfInference(), model="my-org/sentiment")
        tool.invoke({"inputs": "hi"})
    assert mock.calls[0].model == "my-org/sentiment"


def test_long_content_is_cut_inside_the_json() -> None:
    many = [[{"label": f"label-{i}", "score": 1 / (i + 1)} for i in range(400)]]
    with HfInferenceMock() as mock:
        mock.respond("text_classification", json=many)
        msg = TextClassificationTool(client=HfInference()).invoke(
            tool_call("text_classification", {"inputs": "hi"})
        )
    assert len(msg.content) <= CONTENT_LIMIT
    shown = json.loads(msg.content)
    assert shown[0] == {"label": "label-0", "score": 1.0}
    assert shown[-1] == f"…[cut {400 - (len(shown) - 1)} items]"
    assert len(msg.artifact["result"]) == 400


def test_tool_is_a_base_tool_with_the_spec_defaults() -> None:
    tool = TextClassificationTool()
    assert isinstance(tool, HfInferenceTool)
    assert tool.response_format == "content_and_artifact"
    assert tool.handle_tool_error is True
    assert tool.model == TASKS["text_classification"].default_model


@pytest.mark.parametrize(
    "tool_input",
    [
        {"inputs": "hi"},
        {"inputs": "hi", "parameters": {"top_k": 1}},
        {"inputs": "hi", "callbacks": None, "run_manager": None},
        {},
    ],
)
def test_filtering_injected_args__answers_as_langchain_does_every_time(
    tool_input: dict[str, Any],
) -> None:
    # The tools work this out once per key set (LangChain re-reads the schema on every call):
    # the answer must stay LangChain's own, on the first call and on the cached ones.
    tool = TextClassificationTool(client=HfInference(token="hf_x"))
    langchains = BaseTool._filter_injected_args(tool, dict(tool_input))

    assert tool._filter_injected_args(dict(tool_input)) == langchains
    assert tool._filter_injected_args(dict(tool_input)) == langchains
    assert "callbacks" not in langchains and "run_manager" not in langchains


@pytest.mark.parametrize("name", sorted(TOOL_CLASSES))
def test_parse_input__validates_what_langchain_validates(name: str) -> None:
    # The tools validate their input once, without LangChain's per-call schema reflection: the
    # arguments `_run` gets must hold what BaseTool._parse_input gives, and a bad input must
    # raise what it raises.
    tool = TOOL_CLASSES[name](client=HfInference(token="hf_x"))
    args = SAMPLES[name].args()

    ours = tool._parse_input(dict(args), "call_1")
    langchains = BaseTool._parse_input(tool, dict(args), "call_1")
    assert isinstance(ours, dict) and isinstance(langchains, dict)
    (validated,) = ours.values()
    schema = tool.args_schema
    assert isinstance(schema, type) and isinstance(validated, schema)
    assert {field: getattr(validated, field) for field in langchains} == langchains
    with pytest.raises(ValidationError) as caught:
        tool._parse_input({**args, "not_an_argument": 1}, "call_1")
    with pytest.raises(ValidationError) as langchain_caught:
        BaseTool._parse_input(tool, {**args, "not_an_argument": 1}, "call_1")
    assert caught.value.errors() == langchain_caught.value.errors()


def _counting_tool(validations: list[str]) -> TextClassificationTool:
    class CountedArgs(TextClassificationArgs):
        @model_validator(mode="before")
        @classmethod
        def _count(cls, data: Any) -> Any:
            validations.append("validated")
            return data

    class Counted(TextClassificationTool):
        args_schema: ArgsSchema | None = CountedArgs

    return Counted(client=HfInference(token="hf_x"))


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_tool_call__validates_its_arguments_once(mode: str) -> None:
    validations: list[str] = []
    tool = _counting_tool(validations)
    call = tool_call("text_classification", {"inputs": "I like you"})
    with HfInferenceMock():
        msg = tool.invoke(call) if mode == "sync" else asyncio.run(tool.ainvoke(call))

    assert msg.status == "success"
    assert validations == ["validated"]


@pytest.mark.parametrize(
    ("version", "overridden"),
    [
        ("1.5.6", False),
        (".".join(map(str, TESTED_LANGCHAIN_CORE[0])), True),
        (".".join(map(str, TESTED_LANGCHAIN_CORE[1])), True),
        ("1.8.99", False),
        ("2.0.0", False),
        ("1.5.0rc1", False),
    ],
)
def test_overrides__only_on_the_langchain_releases_they_were_tested_with(
    monkeypatch: pytest.MonkeyPatch, version: str, overridden: bool
) -> None:
    # Elsewhere LangChain's own methods run (and `_call` validates what LangChain's gave it):
    # the same message, at the cost of a second validation.
    monkeypatch.setattr(langchain_core, "__version__", version)
    validations: list[str] = []
    tool = _counting_tool(validations)
    with HfInferenceMock():
        msg = tool.invoke(tool_call("text_classification", {"inputs": "I like you"}))
        assert validations == ["validated"]  # by LangChain or by the tool, with the tool's schema
        expected = TextClassificationTool(client=HfInference(token="hf_x")).invoke(
            tool_call("text_classification", {"inputs": "I like you"})
        )
    parsed = tool._parse_input({"inputs": "hi"}, "call_1")

    assert (parsed == {"inputs": "hi", "parameters": None}) is not overridden
    assert (msg.content, msg.artifact) == (expected.content, expected.artifact)
    assert "The arguments were not valid (inputs: " in tool.invoke({"inputs": 3})
    assert tool.invoke(tool_call("text_classification", {"inputs": 3})).status == "error"


def test_parse_input__a_schema_with_injected_arguments_is_left_to_langchain() -> None:
    class Args(BaseModel):
        inputs: str
        call_id: Annotated[str, InjectedToolCallId]

    class Injected(TextClassificationTool):
        args_schema: ArgsSchema | None = Args

    tool = Injected(client=HfInference(token="hf_x"))

    assert tool._parse_input({"inputs": "hi"}, "call_7") == {"inputs": "hi", "call_id": "call_7"}
