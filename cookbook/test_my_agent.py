"""Testing your agent offline: the `hf_inference_mock` pytest fixture and a scripted LLM.

Run it with `pytest cookbook/test_my_agent.py`. The fixture comes with the package's pytest
plugin (`pip install "hf-inference-tools[testing]"`): during the test every HF Inference call is
answered offline with a realistic reply; `respond` and `fail` change a task's answer, and
`calls_for` shows what your agent sent. `ScriptedChatModel` plays the LLM, so no test needs a
key or the network. (A test is offline by nature: this file has no `--live`.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain.agents import create_agent
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage

from hf_inference_tools import HfInferenceToolkit
from hf_inference_tools.testing import HfInferenceMock, ScriptedChatModel, ask, tool_result

REVIEW = "The delivery was late again."


def build_agent(model: BaseChatModel) -> Any:
    """Your application's agent: here, a review triage agent with one Hugging Face tool."""
    toolkit = HfInferenceToolkit(tasks=["text_classification"])
    return create_agent(model, tools=toolkit.get_tools(), system_prompt="Triage the review.")


def report(messages: Sequence[BaseMessage]) -> AIMessage:
    labels = tool_result(messages, "text_classification")
    return AIMessage(f"The review is {labels[0]['label'].lower()}." if labels else "Unknown.")


def test_agent_reports_the_sentiment(hf_inference_mock: HfInferenceMock) -> None:
    hf_inference_mock.respond("text_classification", json=[[{"label": "NEGATIVE", "score": 0.97}]])
    llm = ScriptedChatModel(turns=[ask("text_classification", inputs=REVIEW), report])

    state = build_agent(llm).invoke({"messages": [{"role": "user", "content": REVIEW}]})

    assert state["messages"][-1].content == "The review is negative."
    (call,) = hf_inference_mock.calls_for("text_classification")
    assert call.json() == {"inputs": REVIEW}


def test_agent_carries_on_when_the_model_is_gone(hf_inference_mock: HfInferenceMock) -> None:
    hf_inference_mock.fail("text_classification", 404, "Model not found")
    llm = ScriptedChatModel(turns=[ask("text_classification", inputs=REVIEW), report])

    state = build_agent(llm).invoke({"messages": [{"role": "user", "content": REVIEW}]})

    (tool_message,) = [m for m in state["messages"] if isinstance(m, ToolMessage)]
    assert tool_message.status == "error"  # the LLM reads the error; the run goes on
    assert "not served there" in tool_message.content
    assert state["messages"][-1].content == "Unknown."
