"""The toolkit in an agent: langchain's `create_agent` picks Hugging Face tools to do a job.

The agent paints a picture, then has an image classifier look at it: the second tool call takes
the path the first one saved (`media_root` and `output_dir` make that chaining safe).

Offline by default: `ScriptedChatModel` plays the LLM and `HfInferenceMock` answers the API.
`--live` calls the real API (HF_TOKEN); `--live openai:gpt-4.1-mini` also lets a real LLM drive
(any `init_chat_model` name, with its provider package installed, e.g. `langchain-openai`).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Sequence

from langchain.agents import create_agent
from langchain.chat_models import init_chat_model
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage

from hf_inference_tools import HfInferenceToolkit
from hf_inference_tools.testing import HfInferenceMock, ScriptedChatModel, ask, tool_result

REQUEST = "Paint a lighthouse at dawn, then tell me what an image classifier sees in it."


def scripted_llm() -> ScriptedChatModel:
    def look(messages: Sequence[BaseMessage]) -> AIMessage:
        return ask("image_classification", data=tool_result(messages, "text_to_image")["path"])

    def answer(messages: Sequence[BaseMessage]) -> AIMessage:
        painting = tool_result(messages, "text_to_image")["path"]
        label = tool_result(messages, "image_classification")[0]["label"]
        return AIMessage(f"I painted {painting}; the classifier sees: {label}.")

    return ScriptedChatModel(
        turns=[ask("text_to_image", inputs="a lighthouse at dawn, oil painting"), look, answer]
    )


def main(live: bool, llm: str | None) -> None:
    with contextlib.nullcontext() if live else HfInferenceMock():
        toolkit = HfInferenceToolkit(
            tasks=["text_to_image", "image_classification"],
            media_root="cookbook-output",
            output_dir="cookbook-output/generated",
        )
        model: BaseChatModel = init_chat_model(llm) if llm else scripted_llm()
        agent = create_agent(model, tools=toolkit.get_tools())
        state = agent.invoke({"messages": [{"role": "user", "content": REQUEST}]})
    for message in state["messages"]:
        message.pretty_print()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--live", nargs="?", const="", metavar="PROVIDER:MODEL")
    args = parser.parse_args()
    main(live=args.live is not None, llm=args.live or None)
