"""One tool called directly: classify a sentence's sentiment, and read content and artifact.

Runs offline by default (answered by `hf_inference_tools.testing.HfInferenceMock`); pass `--live`
with `HF_TOKEN` set to call the real Hugging Face Inference API.
"""

from __future__ import annotations

import contextlib
import sys

from hf_inference_tools import HfInference, TextClassificationTool
from hf_inference_tools.testing import HfInferenceMock

OFFLINE_NOTE = (
    "offline: the API's answers are HfInferenceMock's stand-ins, shaped by each request but "
    "not a model's (--live calls the real API)"
)
LIVE_SETUP_HINT = (
    "error: --live calls the real Hugging Face API and needs a token: "
    "export HF_TOKEN=hf_... (create one at https://huggingface.co/settings/tokens)"
)


def main(live: bool = False) -> None:
    if live:
        with HfInference() as hf:
            if not hf.has_token:
                sys.exit(LIVE_SETUP_HINT)  # before any request: anonymous calls are refused
    else:
        print(OFFLINE_NOTE)
    offline = contextlib.nullcontext() if live else HfInferenceMock()
    with offline, HfInference() as client:
        tool = TextClassificationTool(client=client)
        call = {"type": "tool_call", "id": "1", "name": tool.name, "args": {"inputs": "I love it!"}}
        message = tool.invoke(call)
        print("the LLM reads:", message.content)
        print("the app keeps:", message.artifact)


if __name__ == "__main__":
    main(live="--live" in sys.argv)
