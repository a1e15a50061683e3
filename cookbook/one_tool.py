"""One tool called directly: classify a sentence's sentiment, and read content and artifact.

Runs offline by default (answered by `hf_inference_tools.testing.HfInferenceMock`); pass `--live`
with `HF_TOKEN` set to call the real Hugging Face Inference API.
"""

from __future__ import annotations

import contextlib
import sys

from hf_inference_tools import HfInference, TextClassificationTool
from hf_inference_tools.testing import HfInferenceMock


def main(live: bool = False) -> None:
    offline = contextlib.nullcontext() if live else HfInferenceMock()
    with offline, HfInference() as client:
        tool = TextClassificationTool(client=client)
        call = {"type": "tool_call", "id": "1", "name": tool.name, "args": {"inputs": "I love it!"}}
        message = tool.invoke(call)
        print("the LLM reads:", message.content)
        print("the app keeps:", message.artifact)


if __name__ == "__main__":
    main(live="--live" in sys.argv)
