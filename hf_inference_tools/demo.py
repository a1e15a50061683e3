"""The demo behind `hf-inference-tools demo`: a tool-calling agent over the toolkit.

langchain's `create_agent` runs the agent loop over `HfInferenceToolkit`'s tools. Offline (the
default), `ScriptedChatModel` plays the LLM, building each call from what the tools answered
before (the generated image's path is the next call's `data`), and `HfInferenceMock` answers the
API. `live=True` sends the same calls to the real API; `llm="provider:model"` puts a real chat
model (`langchain.chat_models.init_chat_model`) in the script's place.
"""

from __future__ import annotations

import contextlib
import json
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from langchain.agents import create_agent
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage

from ._progress import describe_progress
from .testing import (
    HfInferenceMock,
    RecordedCall,
    ScriptedChatModel,
    ask,
    ask_many,
    png_bytes,
    tool_result,
)
from .testing._scripted import Turn
from .toolkit import HfInferenceToolkit
from .tools import TOOL_CLASSES

__all__ = ["DemoRun", "run_demo"]

PHOTO = "photos/cat.png"
TABLE = [
    ["Repository", "Stars"],
    ["Transformers", "36542"],
    ["Datasets", "4512"],
    ["Tokenizers", "3934"],
]
QUESTION = "Which repository has the most stars?"
# The tools the story uses, in its order; a tool missing from this build has its step skipped.
TOOLS = (
    "image_classification",
    "text_to_image",
    "translation",
    "text_classification",
    "table_question_answer",
)
# Offline, these answers fit the story; every other call gets the testing kit's sample answer.
STORY_ANSWERS: dict[str, Any] = {
    "translation": [
        {"translation_text": "Un chat tigré à l'aquarelle, assoupi sur un rebord de fenêtre."}
    ],
    "table_question_answer": {
        "answer": "Transformers",
        "coordinates": [[0, 0]],
        "cells": ["Transformers"],
        "aggregator": "NONE",
    },
}
# Offline, the image step goes through an Inference Provider's job queue (the stand-in plays
# fal-ai's queue: submitted, polled until done, the result read), as FLUX does live.
PROVIDER_MODEL = "black-forest-labs/FLUX.1-dev"
PROVIDER_STEP = {"text_to_image": "fal-ai"}
SYSTEM_PROMPT = (
    "You help with images and text through Hugging Face tools. File paths are relative to the "
    "media folder. An image you generate is saved there, and its path can be given as `data` "
    "to an image tool. Answer briefly, and name the files you created."
)
_WIDTH = 100


@dataclass
class DemoRun:
    """What a demo run did: the conversation, the files it wrote, the API calls it made."""

    messages: list[BaseMessage]
    files: list[Path]
    tools: list[str]
    skipped: list[str]
    api_calls: list[RecordedCall]
    """The calls the offline API answered (empty when live)."""


def run_demo(
    folder: Path = Path("demo-output"),
    *,
    live: bool = False,
    llm: str | None = None,
    out: TextIO | None = None,
) -> DemoRun:
    """Run the demo agent, printing its trace to `out`; files go under `folder`."""
    out = out or sys.stdout
    tools = [t for t in TOOLS if t in TOOL_CLASSES]
    skipped = [t for t in TOOLS if t not in TOOL_CLASSES]
    photo = folder / PHOTO
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(png_bytes(96, 64, (176, 120, 72)))

    mock = None if live else HfInferenceMock()
    routed: dict[str, Any] = {}
    if mock is not None:
        for task, answer in STORY_ANSWERS.items():
            mock.respond(task, json=answer)
        mock.add_model(PROVIDER_MODEL, "text_to_image", {"fal-ai": "fal-ai/flux/dev"})
        # The stand-in takes any HF-shaped token; providers need one, the free API does not.
        routed = {
            "models": {"text_to_image": PROVIDER_MODEL},
            "providers": PROVIDER_STEP,
            "token": "hf_offline_demo",
        }
    with (
        mock or contextlib.nullcontext(),
        HfInferenceToolkit(
            tasks=tools, media_root=folder, output_dir=folder / "generated", **routed
        ) as toolkit,
    ):
        model = _chat_model(llm) if llm else script(tools)
        agent = create_agent(model, tools=toolkit.get_tools(), system_prompt=SYSTEM_PROMPT)
        _banner(out, live=live, llm=llm, tools=tools, folder=folder)
        messages = _play(agent, request(tools), out)

    files = [
        Path(m.artifact["path"])
        for m in messages
        if isinstance(m, ToolMessage) and isinstance(m.artifact, dict) and m.artifact.get("path")
    ]
    _footer(out, files, skipped, folder)
    return DemoRun(messages, files, tools, skipped, mock.calls if mock else [])


def request(tools: Sequence[str]) -> str:
    """The user's request, asking only for what the available tools can do."""
    parts = [f"Here is a photo: {PHOTO}. What is in it?"]
    if "text_to_image" in tools:
        parts.append(
            "Paint me a new picture of the same thing, and check what an image classifier "
            "sees in your painting."
        )
    translate = " and translate it into French" if "translation" in tools else ""
    parts.append(f"Write a one-line caption for it{translate}, and tell me the caption's tone.")
    if "table_question_answer" in tools:
        rows = ", ".join(f"{name} {stars}" for name, stars in TABLE[1:])
        parts.append(f"Last, my repositories and their stars are: {rows}. {QUESTION}")
    return " ".join(parts)


def script(tools: Sequence[str]) -> ScriptedChatModel:
    """The offline LLM: four turns, each built from what the tools answered before it."""

    def paint(messages: Sequence[BaseMessage]) -> AIMessage:
        subject = _subject(messages)
        return ask("text_to_image", inputs=f"a watercolor painting of a {subject}, soft light")

    def follow_up(messages: Sequence[BaseMessage]) -> AIMessage:
        caption = _caption(messages)
        calls: list[tuple[str, dict[str, Any]]] = []
        painting = tool_result(messages, "text_to_image")
        if isinstance(painting, dict) and painting.get("path"):
            calls.append(("image_classification", {"data": painting["path"]}))
        if "translation" in tools:
            calls.append(("translation", {"inputs": caption}))
        calls.append(("text_classification", {"inputs": caption}))
        if "table_question_answer" in tools:
            table_args = {"inputs": {"query": QUESTION, "table": TABLE}}
            calls.append(("table_question_answer", table_args))
        return ask_many(*calls)

    turns: list[AIMessage | Turn] = [
        ask("image_classification", data=PHOTO),
        paint,
        follow_up,
        _answer,
    ]
    if "text_to_image" not in tools:
        turns.remove(paint)
    return ScriptedChatModel(turns=turns)


def _top(result: Any) -> tuple[str, float] | None:
    if isinstance(result, list) and result and isinstance(result[0], dict):
        return str(result[0].get("label")), float(result[0].get("score", 0.0))
    return None


def _name(label: str) -> str:
    # ImageNet labels list synonyms ("tabby, tabby cat"); the last one reads best in a sentence.
    return label.split(",")[-1].strip()


def _subject(messages: Sequence[BaseMessage]) -> str:
    top = _top(tool_result(messages, "image_classification", 0))
    return _name(top[0]) if top else "cat"


def _caption(messages: Sequence[BaseMessage]) -> str:
    return f"A watercolor {_subject(messages)} dozing on a sunny windowsill."


def _answer(messages: Sequence[BaseMessage]) -> AIMessage:
    lines = []
    photo = _top(tool_result(messages, "image_classification", 0))
    lines.append(
        f"Your photo shows a {_name(photo[0])} ({photo[1]:.0%} sure)."
        if photo
        else "I could not classify your photo."
    )
    painting = tool_result(messages, "text_to_image")
    if isinstance(painting, dict):
        seen = _top(tool_result(messages, "image_classification", 1))
        lines.append(
            f"I painted a watercolor {_subject(messages)}: {painting.get('path')}"
            + (f"; the classifier sees a {_name(seen[0])} in it ({seen[1]:.0%})." if seen else ".")
        )
    lines.append(f'Caption: "{_caption(messages)}"')
    translation = tool_result(messages, "translation")
    if isinstance(translation, dict):
        lines.append(f'In French: "{translation.get("translation_text")}"')
    tone = _top(tool_result(messages, "text_classification"))
    if tone:
        lines.append(f"Its tone: {tone[0]} ({tone[1]:.0%}).")
    table = tool_result(messages, "table_question_answer")
    if isinstance(table, dict):
        lines.append(f"Most stars: {table.get('answer')}.")
    return AIMessage(" ".join(lines))


def _chat_model(llm: str) -> BaseChatModel:
    from langchain.chat_models import init_chat_model

    # langchain-huggingface would load the model locally by default; the API is what we want.
    extra: dict[str, Any] = {}
    if llm.startswith("huggingface:"):
        extra = {"backend": "endpoint", "task": "text-generation"}
    model: BaseChatModel = init_chat_model(llm, **extra)
    return model


# -- the trace -------------------------------------------------------------------------------


def _play(agent: Any, text: str, out: TextIO) -> list[BaseMessage]:
    _say(out, "\nuser: ", text)
    messages: list[BaseMessage] = []
    names: dict[str, str] = {}
    # "custom": the tools' progress while a provider job runs (queued, its place, running, done).
    stream = agent.stream(
        {"messages": [{"role": "user", "content": text}]}, stream_mode=["updates", "custom"]
    )
    for mode, update in stream:
        if mode == "custom":
            if isinstance(update, dict) and "job_id" in update:
                _say(out, "  progress: ", f"job {describe_progress(update)}")
            continue
        for node in update.values():
            for message in (node or {}).get("messages", []) if isinstance(node, dict) else []:
                messages.append(message)
                _show(message, names, out)
    return messages


def _show(message: BaseMessage, names: dict[str, str], out: TextIO) -> None:
    if isinstance(message, AIMessage) and message.tool_calls:
        out.write("\n")
        for call in message.tool_calls:
            names[str(call["id"])] = call["name"]
            args = json.dumps(call["args"], ensure_ascii=False)
            out.write(_cut(f"agent -> {call['name']} {args}") + "\n")
    elif isinstance(message, ToolMessage):
        failed = " (error)" if message.status == "error" else ""
        name = names.get(message.tool_call_id, "tool")
        artifact = message.artifact if isinstance(message.artifact, dict) else {}
        via = artifact.get("provider")
        if via and via != "hf-inference":
            name += f" via {via}"
        out.write(_cut(f"   <- {name}{failed}: {message.content}") + "\n")
    elif isinstance(message, AIMessage):
        _say(out, "\nagent: ", str(message.content))
    out.flush()


def _say(out: TextIO, lead: str, text: str) -> None:
    body = textwrap.fill(text, _WIDTH, initial_indent=lead.lstrip("\n"), subsequent_indent="  ")
    out.write("\n" * (len(lead) - len(lead.lstrip("\n"))) + body + "\n")


def _cut(line: str) -> str:
    return line if len(line) <= _WIDTH + 40 else line[: _WIDTH + 37] + "..."


def _shown(path: Path) -> str:
    with contextlib.suppress(ValueError):
        return str(path.resolve().relative_to(Path.cwd()))
    return str(path)


def _banner(out: TextIO, *, live: bool, llm: str | None, tools: list[str], folder: Path) -> None:
    if live:
        driver = f"the chat model {llm}" if llm else "a scripted chat model"
        mode = f"LIVE: the tools call the real Hugging Face API; {driver} drives the agent."
    else:
        mode = (
            "OFFLINE: no token, no network. A scripted chat model plays the LLM and "
            "HfInferenceMock answers every API call with a stand-in reply: shaped like the "
            "real API's and by the request, but not a model's; the image goes through fal-ai's "
            "job queue, as an Inference Provider would serve it. Go live: HF_TOKEN=hf_... "
            "hf-inference-tools demo --live [--llm openai:gpt-4.1-mini]"
        )
    out.write(
        "hf-inference-tools demo: an agent (langchain create_agent) over HfInferenceToolkit\n"
    )
    out.write(textwrap.fill(mode, _WIDTH, initial_indent="  ", subsequent_indent="  ") + "\n")
    out.write(f"  tools: {', '.join(tools)}\n")
    out.write(f"  media folder: {_shown(folder)} (the photo: {_shown(folder / PHOTO)})\n")


def _footer(out: TextIO, files: list[Path], skipped: list[str], folder: Path) -> None:
    out.write("\nGenerated files:\n" if files else "\nNo files were generated.\n")
    for path in files:
        size = path.stat().st_size if path.exists() else 0
        out.write(f"  {_shown(path)}  ({size} bytes)\n")
    out.write(f"The photo and the generated files stay in {_shown(folder)}/.\n")
    if skipped:
        out.write(f"Not in this build, so their steps were skipped: {', '.join(skipped)}\n")
