"""The testing kit as a user sees it: the fixture (pytest11 entry point), the scripted LLM."""

from __future__ import annotations

import pytest
from langchain.agents import create_agent
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from hf_inference_tools import HfInferenceToolkit
from hf_inference_tools.testing import HfInferenceMock, ScriptedChatModel, ask, tool_result

pytest_plugins = ["pytester"]

USER_TEST = """
import httpx
import pytest
from hf_inference_tools import HfInferenceToolkit


def test_my_tool(hf_inference_mock):
    hf_inference_mock.respond("text_classification", json=[[{"label": "NEGATIVE", "score": 0.9}]])
    (tool,) = HfInferenceToolkit(tasks=["text_classification"]).get_tools()
    assert tool.invoke({"inputs": "meh"}) == '[{"label":"NEGATIVE","score":0.9}]'
    assert hf_inference_mock.calls_for("text_classification")[0].json() == {"inputs": "meh"}


def test_default_answers_are_realistic(hf_inference_mock):
    (tool,) = HfInferenceToolkit(tasks=["text_to_image"]).get_tools()
    assert '"mime_type":"image/png"' in tool.invoke({"inputs": "a fox"})


def test_other_hosts_are_not_reached(hf_inference_mock):
    with pytest.raises(Exception, match="not mocked"):
        httpx.get("https://example.com/")
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A user's project: one test file, and an ini as pytest-asyncio asks every project for."""
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_user=USER_TEST)
    return pytester


def test_fixture_is_there_for_a_users_tests(project: pytest.Pytester) -> None:
    result = project.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


def test_fixture_comes_from_the_entry_point(project: pytest.Pytester) -> None:
    result = project.runpytest("-p", "no:cacheprovider", "-p", "no:hf_inference_tools")
    result.assert_outcomes(errors=3)
    result.stdout.fnmatch_lines(["*fixture 'hf_inference_mock' not found*"])


def test_plugin__without_respx_pytest_starts_and_the_fixture_says_what_to_install(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pytest imports every installed plugin at startup: without the testing extra, it must load.
    project.mkpydir("respx").joinpath("__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'respx'\", name='respx')\n"
    )
    monkeypatch.setenv("PYTHONPATH", str(project.path))
    # (-p no:respx: respx's own plugin is installed here, as it would not be there.)
    result = project.runpytest_subprocess(
        "-p", "no:cacheprovider", "-p", "no:respx", "-k", "my_tool"
    )
    result.assert_outcomes(errors=1)
    assert "needs respx: pip install 'hf-inference-tools[testing]'" in result.stdout.str()
    assert "During handling" not in result.stdout.str()


# -- ScriptedChatModel ------------------------------------------------------------------------


def test_scripted_model__serves_many_runs_and_reads_earlier_answers(
    hf_inference_mock: HfInferenceMock,
) -> None:
    model = ScriptedChatModel(
        turns=[
            ask("text_classification", inputs="meh"),
            lambda messages: AIMessage(tool_result(messages, "text_classification")[0]["label"]),
        ]
    )
    agent = create_agent(model, tools=HfInferenceToolkit(tasks=["text_classification"]).get_tools())
    for _ in range(2):  # the turn is counted from the conversation, not kept in the model
        state = agent.invoke({"messages": [{"role": "user", "content": "?"}]})
        assert state["messages"][-1].content == "POSITIVE"
    assert len(hf_inference_mock.calls_for("text_classification")) == 2


def test_scripted_model__says_so_when_the_script_is_over() -> None:
    model = ScriptedChatModel(turns=[AIMessage("only turn")])
    assert model.invoke([HumanMessage("hi")]).content == "only turn"
    assert model.invoke([HumanMessage("hi"), AIMessage("only turn")]).content == "(end of script)"


def test_tool_result__picks_successful_calls_by_order() -> None:
    call = ask("text_classification", inputs="a")
    again = ask("text_classification", inputs="b")
    failed = ask("text_classification", inputs="c")
    messages = [
        call,
        ToolMessage('[{"label":"A"}]', tool_call_id=call.tool_calls[0]["id"]),
        again,
        ToolMessage("not JSON", tool_call_id=again.tool_calls[0]["id"]),
        failed,
        ToolMessage("boom", tool_call_id=failed.tool_calls[0]["id"], status="error"),
    ]
    assert tool_result(messages, "text_classification") == "not JSON"
    assert tool_result(messages, "text_classification", 0) == [{"label": "A"}]
    assert tool_result(messages, "text_classification", 2) is None
    assert tool_result(messages, "text_to_image") is None
