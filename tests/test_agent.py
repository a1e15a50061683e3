"""The toolkit inside langchain's `create_agent`, driven by a scripted model, offline."""

from __future__ import annotations

from langchain.agents import create_agent
from langchain_core.messages import AIMessage, ToolMessage

from hf_inference_tools import HfInferenceToolkit
from hf_inference_tools.testing import HfInferenceMock
from tests.scripted_model import ScriptedToolModel, tool_call


def _run(toolkit: HfInferenceToolkit, script: list[AIMessage]) -> list[ToolMessage]:
    agent = create_agent(ScriptedToolModel(messages=iter(script)), tools=toolkit.get_tools())
    state = agent.invoke({"messages": [{"role": "user", "content": "How does this sound?"}]})
    assert state["messages"][-1].content == script[-1].content
    return [m for m in state["messages"] if isinstance(m, ToolMessage)]


def test_agent__calls_a_tool_and_gets_the_artifact() -> None:
    with HfInferenceMock() as mock:
        toolkit = HfInferenceToolkit(tasks=["text_classification"])
        script = [
            tool_call("text_classification", {"inputs": "I like you. I love you"}, "call_1"),
            AIMessage("It sounds very positive."),
        ]
        (message,) = _run(toolkit, script)
    assert message.tool_call_id == "call_1"
    assert message.status == "success"
    assert message.artifact["result"][0] == {"label": "POSITIVE", "score": 0.9998695850372314}
    assert mock.calls_for("text_classification")[0].json() == {"inputs": "I like you. I love you"}


def test_agent__a_404_is_an_error_message_and_the_run_goes_on() -> None:
    with HfInferenceMock() as mock:
        mock.fail("text_classification", 404, "Model does not exist")
        toolkit = HfInferenceToolkit(tasks=["text_classification", "text_to_image"])
        script = [
            tool_call("text_classification", {"inputs": "hello"}, "call_1"),
            tool_call("text_to_image", {"inputs": "a red fox"}, "call_2"),
            AIMessage("The classifier is unavailable, but here is your fox."),
        ]
        failed, drawn = _run(toolkit, script)
    assert failed.status == "error"
    assert "ModelNotFound" not in failed.content  # the message, not a traceback
    assert "not served there" in failed.content
    assert drawn.status == "success"
    assert drawn.artifact["mime_type"] == "image/png"


async def test_agent__async_run() -> None:
    with HfInferenceMock():
        toolkit = HfInferenceToolkit(tasks=["text_classification"])
        script = [tool_call("text_classification", {"inputs": "meh"}, "c1"), AIMessage("done")]
        agent = create_agent(ScriptedToolModel(messages=iter(script)), tools=toolkit.get_tools())
        state = await agent.ainvoke({"messages": [{"role": "user", "content": "?"}]})
    tool_messages = [m for m in state["messages"] if isinstance(m, ToolMessage)]
    assert tool_messages[0].artifact["task"] == "textClassification"
