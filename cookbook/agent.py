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
import sys
from collections.abc import Sequence

from langchain.agents import create_agent
from langchain.chat_models import init_chat_model
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage

from hf_inference_tools import HfInference, HfInferenceToolkit
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


OFFLINE_NOTE = (
    "offline: the API's answers are HfInferenceMock's stand-ins, shaped by each request but "
    "not a model's (--live calls the real API)"
)
LIVE_SETUP_HINT = (
    "error: --live calls the real Hugging Face API and needs a token: "
    "export HF_TOKEN=hf_... (create one at https://huggingface.co/settings/tokens)"
)


def main(live: bool, llm: str | None) -> None:
    if live:
        with HfInference() as hf:
            if not hf.has_token:
                sys.exit(LIVE_SETUP_HINT)  # before any request: anonymous calls are refused
    else:
        print(OFFLINE_NOTE)
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
